/**
 * SPARQL 1.1 Graph Store HTTP Protocol (indirect identification, ?graph=IRI) for operators:
 * read, replace, merge and drop one named graph under BASE_URL/graph/ (system graphs excluded).
 * Platform beheerders and the bootstrap token only. Every write goes through the validating store
 * (shapes apply as for any register write) and is audited in the same transaction.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { Transaction } from '../shared/store/port.js';
import type * as RDF from '@rdfjs/types';
import { AppError } from '../shared/errors.js';
import { authorize } from '../shared/auth/policy.js';
import type { AppEnv, CoreDeps } from '../shared/http/context.js';
import type { ApiScope } from '../shared/http/openapi.js';
import { preferredType } from '../shared/http/conneg.js';
import { isValidIri, sparql } from '../shared/rdf/encode.js';
import { namedNode, quad } from '../shared/rdf/factory.js';
import { parseRdf, PARSEABLE } from '../shared/rdf/parse.js';
import N3 from 'n3';
import { PREFIXES } from '../shared/rdf/vocab.js';

const GRAPH_PARAM = { name: 'graph', in: 'query' as const, required: true, description: 'IRI of a named graph under {BASE_URL}/graph/' };

export function createGraphStoreRoutes(deps: CoreDeps, api: ApiScope): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const platform = deps.uris.platform.value;
  const admin: MiddlewareHandler<AppEnv> = async (c, next) => {
    authorize(c.get('actor'), 'graph.write', undefined, platform);
    await next();
  };
  const write = (c: Context<AppEnv>, action: string, graph: RDF.NamedNode, tx: Transaction) =>
    deps.audit.write({ actor: c.get('actor'), requestId: c.get('requestId') }, { action, resource: graph, scope: deps.uris.platform }, tx);
  const prefix = deps.uris.url('/graph/');

  const graphOf = (c: Context<AppEnv>): RDF.NamedNode => {
    const iri = c.req.query('graph');
    if (!iri) throw new AppError('bad_request', 'The query parameter "graph" is required');
    if (!isValidIri(iri) || !iri.startsWith(prefix) || iri.length === prefix.length) {
      throw new AppError('bad_request', `"graph" must be an IRI starting with ${prefix}`);
    }
    if (deps.uris.isSystemGraph(iri)) {
      throw new AppError('forbidden', 'System graphs cannot be written through this API');
    }
    return namedNode(iri);
  };

  const bodyQuads = async (c: Context<AppEnv>, graph: RDF.NamedNode): Promise<RDF.Quad[]> => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!(PARSEABLE as readonly string[]).includes(type) || type === 'application/n-quads' || type === 'application/trig') {
      throw new AppError('unsupported_media_type', 'Send text/turtle or application/n-triples');
    }
    const text = await c.req.text();
    return parseRdf(text, type, graph.value).map((q) => quad(q.subject, q.predicate, q.object, graph));
  };

  const readGraph = (graph: RDF.NamedNode) => deps.store.construct(sparql`CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ${graph} { ?s ?p ?o } }`);

  const docBase = {
    path: '/',
    tags: ['Graph store (admin)'],
    parameters: [GRAPH_PARAM],
    security: 'bearer' as const,
  };
  const authResponses = { '401': { description: 'No bearer token' }, '403': { description: 'Token not allowed' } };

  api.route(
    app,
    {
      ...docBase,
      method: 'get',
      summary: 'Read a named graph',
      responses: { '200': { description: 'The graph', contentTypes: ['text/turtle', 'application/n-triples'] }, ...authResponses },
    },
    admin,
    async (c) => {
      const graph = graphOf(c);
      const quads = await readGraph(graph);
      if (!quads.length) throw new AppError('not_found', 'That graph is empty or does not exist');
      const type = preferredType(c.req.header('accept'), ['text/turtle', 'application/n-triples']);
      if (!type) throw new AppError('not_acceptable', 'Available: text/turtle, application/n-triples');
      const writer = new N3.Writer(type === 'text/turtle' ? { prefixes: PREFIXES } : { format: 'N-Triples' });
      writer.addQuads(quads.map((q) => quad(q.subject, q.predicate, q.object)));
      const body = await new Promise<string>((res, rej) => writer.end((e, out) => (e ? rej(e) : res(out))));
      return c.body(body, 200, { 'Content-Type': `${type}; charset=utf-8` });
    },
  );

  api.route(
    app,
    {
      ...docBase,
      method: 'put',
      summary: 'Replace a named graph',
      requestBody: { description: 'The new content', contentTypes: ['text/turtle', 'application/n-triples'] },
      responses: {
        '204': { description: 'Replaced' },
        '400': { description: 'Syntax error (with line)' },
        '413': { description: 'Body too large' },
        '422': { description: 'SHACL report', contentTypes: ['application/json', 'text/turtle', 'text/html'] },
        ...authResponses,
      },
    },
    admin,
    async (c) => {
      const graph = graphOf(c);
      const quads = await bodyQuads(c, graph);
      await write(c, 'graph.replace', graph, { replaceGraphs: [{ graph, quads }] });
      c.get('log').info({ graph: graph.value, quads: quads.length }, 'graph replaced');
      return c.body(null, 204);
    },
  );

  api.route(
    app,
    {
      ...docBase,
      method: 'post',
      summary: 'Add triples to a named graph',
      requestBody: { description: 'Triples to merge in', contentTypes: ['text/turtle', 'application/n-triples'] },
      responses: { '204': { description: 'Merged' }, '400': { description: 'Syntax error' }, '422': { description: 'SHACL report' }, ...authResponses },
    },
    admin,
    async (c) => {
      const graph = graphOf(c);
      const quads = await bodyQuads(c, graph);
      await write(c, 'graph.merge', graph, { insert: quads });
      return c.body(null, 204);
    },
  );

  api.route(
    app,
    { ...docBase, method: 'delete', summary: 'Drop a named graph', responses: { '204': { description: 'Dropped' }, ...authResponses } },
    admin,
    async (c) => {
      const graph = graphOf(c);
      await write(c, 'graph.drop', graph, { replaceGraphs: [{ graph, quads: [] }] });
      return c.body(null, 204);
    },
  );

  return app;
}
