/** @jsxImportSource hono/jsx */
/**
 * SPARQL 1.1 Protocol, read-only (https://www.w3.org/TR/sparql11-protocol/), mounted at /sparql:
 *
 *   GET  ?query=...[&default-graph-uri=...][&named-graph-uri=...]
 *   POST application/x-www-form-urlencoded   query=...&default-graph-uri=...
 *   POST application/sparql-query            the query as the body; graphs in the URL
 *   POST update=... / application/sparql-update   refused (403): this endpoint is read-only
 *
 * Browsers (Accept: text/html) get a query page; GET without a query and Accept: text/turtle (or
 * N-Triples) gets the service description. CORS is open to every origin.
 */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import N3 from 'n3';
import type { AppEnv, CoreDeps } from '../shared/http/context.js';
import type { ApiScope, ParamDoc } from '../shared/http/openapi.js';
import { preferredType } from '../shared/http/conneg.js';
import { STATUS, toAppError } from '../shared/http/errors.js';
import { AppError } from '../shared/errors.js';
import { ALL_MEDIA_TYPES, GRAPH_FORMATS, HTML, HTML_PAGE_ACCEPT, mediaTypeForParam, RESULTS_FORMATS } from './formats.js';
import { readOnly } from './plan.js';
import { isAsk, type SparqlJson } from './results.js';
import type { SparqlEndpointService } from './service.js';
import { SD_MEDIA_TYPES, serviceDescriptionQuads, writeServiceDescription } from './service-description.js';
import { QueryPage, type PageResult } from './views/query-page.js';

export const TRUNCATED_HEADER = 'X-Stelsel-Truncated';

interface ProtocolRequest {
  query?: string;
  defaultGraphUri: string[];
  namedGraphUri: string[];
  /** The `format` parameter (HTML form, browsers): overrides Accept. */
  format?: string;
}

const FORM = 'application/x-www-form-urlencoded';
const SPARQL_QUERY = 'application/sparql-query';
const SPARQL_UPDATE = 'application/sparql-update';

const ANSWER_TYPES = [...RESULTS_FORMATS.map((f) => f.mediaType), ...GRAPH_FORMATS.map((f) => f.mediaType), HTML];

const PARAMS: ParamDoc[] = [
  { name: 'query', in: 'query', description: 'The SPARQL 1.1 query (SELECT, ASK, CONSTRUCT or DESCRIBE).' },
  { name: 'default-graph-uri', in: 'query', description: 'IRI of a graph to use as (part of) the default graph; repeatable.' },
  { name: 'named-graph-uri', in: 'query', description: 'IRI of a graph to use as a named graph; repeatable.' },
  { name: 'format', in: 'query', description: 'Overrides Accept: html, json, xml, csv, tsv, turtle, ntriples, jsonld, rdfxml or a media type.' },
];

const RESPONSES = {
  '200': { description: 'Query results; header X-Stelsel-Truncated: true when the row limit cut them', contentTypes: ANSWER_TYPES },
  '400': { description: 'Missing query, syntax error (with line and column), unknown format' },
  '403': { description: 'A SPARQL update: this endpoint is read-only' },
  '406': { description: 'No acceptable result format for this query form' },
  '503': { description: 'The query exceeded the time budget, or the endpoint is busy' },
};

function baseType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function one(values: string[] | undefined, name: string): string | undefined {
  if (!values || values.length === 0) return undefined;
  if (values.length > 1) throw new AppError('bad_request', `Give exactly one "${name}" parameter`);
  return values[0];
}

function fromParams(p: URLSearchParams): ProtocolRequest {
  if (p.has('update')) throw readOnly();
  return {
    query: one(p.getAll('query'), 'query'),
    defaultGraphUri: p.getAll('default-graph-uri'),
    namedGraphUri: p.getAll('named-graph-uri'),
    format: one(p.getAll('format'), 'format'),
  };
}

function urlParams(c: Context<AppEnv>): URLSearchParams {
  return new URL(c.req.url).searchParams;
}

async function fromPost(c: Context<AppEnv>): Promise<ProtocolRequest> {
  const type = baseType(c.req.header('content-type'));
  if (type === FORM) {
    const body = new URLSearchParams(await c.req.text());
    const req = fromParams(body);
    const url = urlParams(c);
    if (url.has('update')) throw readOnly();
    req.format ??= one(url.getAll('format'), 'format');
    return req;
  }
  if (type === SPARQL_QUERY) {
    const url = urlParams(c);
    if (url.has('query')) throw new AppError('bad_request', 'With Content-Type application/sparql-query the query is the request body, not a parameter');
    return { ...fromParams(url), query: await c.req.text() };
  }
  if (type === SPARQL_UPDATE) throw readOnly();
  throw new AppError('unsupported_media_type', `POST the query as ${FORM} (query=...) or as ${SPARQL_QUERY}`);
}

export function createSparqlRoutes(deps: CoreDeps & { sparql: SparqlEndpointService }, api: ApiScope): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { maxRows, timeoutMs } = deps.config.sparqlEndpoint;
  const endpointIri = deps.uris.url('/sparql');

  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Accept'],
      exposeHeaders: [TRUNCATED_HEADER],
      maxAge: 86_400,
    }),
  );

  const answer = async (c: Context<AppEnv>, req: ProtocolRequest): Promise<Response> => {
    c.header('Vary', 'Accept');
    let accept = c.req.header('accept');
    if (req.format !== undefined) {
      const type = mediaTypeForParam(req.format);
      if (!type) throw new AppError('bad_request', `Unknown format ${JSON.stringify(req.format.slice(0, 100))}`);
      accept = type;
    }
    const preferred = preferredType(accept, ALL_MEDIA_TYPES);
    if (preferred === HTML) return page(c, req);
    if (req.query === undefined || req.query.trim() === '') {
      const sd = SD_MEDIA_TYPES.find((t) => t === preferred);
      if (sd && c.req.method === 'GET' && req.query === undefined) return serviceDescription(c, sd);
      throw new AppError('bad_request', 'Missing query: pass it as ?query=... (GET), as query=... (POST form) or as an application/sparql-query body');
    }
    const res = await deps.sparql.query(req.query, { accept, defaultGraphUri: req.defaultGraphUri, namedGraphUri: req.namedGraphUri });
    if (res.truncated) c.header(TRUNCATED_HEADER, 'true');
    return c.body(res.body, 200, { 'Content-Type': `${res.contentType}; charset=utf-8` });
  };

  const serviceDescription = async (c: Context<AppEnv>, type: (typeof SD_MEDIA_TYPES)[number]): Promise<Response> => {
    const quads = serviceDescriptionQuads(endpointIri, { unionDefaultGraph: deps.config.store.kind === 'embedded' });
    return c.body(await writeServiceDescription(quads, type), 200, { 'Content-Type': `${type}; charset=utf-8` });
  };

  const page = async (c: Context<AppEnv>, req: ProtocolRequest): Promise<Response> => {
    const common = { action: c.req.path, query: req.query ?? '', format: 'html', maxRows, timeoutMs };
    if (req.query === undefined || req.query.trim() === '') return c.html(<QueryPage {...common} />);
    const t0 = performance.now();
    try {
      const res = await deps.sparql.query(req.query, { accept: HTML_PAGE_ACCEPT, defaultGraphUri: req.defaultGraphUri, namedGraphUri: req.namedGraphUri });
      if (res.truncated) c.header(TRUNCATED_HEADER, 'true');
      return c.html(<QueryPage {...common} result={toPageResult(res.contentType, res.body)} truncated={res.truncated} ms={performance.now() - t0} />);
    } catch (e) {
      const err = toAppError(e);
      if (STATUS[err.code] >= 500 && err.code !== 'query_timeout' && err.code !== 'store_unavailable') throw e;
      const status = STATUS[err.code];
      return c.html(<QueryPage {...common} error={{ status, code: err.code, message: err.message }} />, status);
    }
  };

  const doc = { path: '/', tags: ['SPARQL'], security: 'none' as const };

  api.route(
    app,
    {
      ...doc,
      method: 'get',
      summary: 'SPARQL 1.1 query (read-only)',
      description:
        'Query by GET. Without a query: the HTML query page (Accept: text/html) or the SPARQL service description (Accept: text/turtle).',
      parameters: PARAMS,
      responses: RESPONSES,
    },
    (c) => answer(c, fromParams(urlParams(c))),
  );
  api.route(
    app,
    {
      ...doc,
      method: 'post',
      summary: 'SPARQL 1.1 query by POST (read-only)',
      description: 'Query as a form (query=...) or as an application/sparql-query body. Updates are refused with 403.',
      parameters: PARAMS.filter((p) => p.name !== 'query'),
      requestBody: { description: 'The query', contentTypes: [FORM, SPARQL_QUERY] },
      responses: { ...RESPONSES, '415': { description: 'Unsupported request body type' } },
    },
    async (c) => answer(c, await fromPost(c)),
  );
  api.route(
    app,
    {
      ...doc,
      method: 'options',
      summary: 'CORS preflight',
      responses: { '204': { description: 'CORS headers (any origin)' } },
    },
    (c) => c.body(null, 204),
  );
  api.route(
    app,
    { ...doc, method: ['put', 'patch', 'delete'], summary: 'Not allowed', hidden: true, responses: { '405': { description: 'Read-only endpoint' } } },
    (c) => {
      c.header('Allow', 'GET, POST, OPTIONS');
      throw new AppError('method_not_allowed', 'The SPARQL endpoint answers GET and POST queries only; it is read-only');
    },
  );
  return app;
}

function toPageResult(contentType: string, body: string): PageResult {
  if (contentType === 'application/n-triples') {
    return { kind: 'graph', triples: new N3.Parser({ format: 'N-Triples' }).parse(body) };
  }
  const json = JSON.parse(body) as SparqlJson;
  if (isAsk(json)) return { kind: 'ask', value: json.boolean };
  return { kind: 'select', vars: json.head.vars, rows: json.results.bindings };
}
