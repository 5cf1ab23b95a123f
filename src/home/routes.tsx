/** @jsxImportSource hono/jsx */
/**
 * The home page (HTML+RDFa, or the same description as RDF by ?format= or Accept), the
 * stylesheet, and the API documentation (HTML page and OpenAPI JSON, both from the registry).
 */
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import type { AppEnv, CoreDeps, SubAppFactory } from '../shared/http/context.js';
import { etagOf, matches } from '../shared/http/etag.js';
import type { RdfFormat } from '../shared/http/conneg.js';
import type { ApiRegistry } from '../shared/http/openapi.js';
import { chooseFormat, FORMATS, sendRepresentation } from '../linked-data/index.js';
import { STELSEL_CSS } from '../static/stelsel.css.js';
import { siteDescription, siteTriples } from './site.js';
import { HomePage } from './views/home-page.js';
import { ApiDocsPage, type OpenApiDocument } from './views/api-docs.js';

export type HomeDeps = CoreDeps & { registry: ApiRegistry };

/** The package version (package.json sits one level above both src/ and dist/). */
const VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

const CSS_ETAG = etagOf(STELSEL_CSS);
const OPENAPI_PATH = '/api/openapi.json';

export const createHomeRoutes: SubAppFactory<HomeDeps> = ({ uris, config, registry }, api) => {
  const app = new Hono<AppEnv>();
  const site = siteDescription(uris);
  const triples = siteTriples(site);
  const paths = Object.fromEntries(FORMATS.map((f) => [f, f === 'html' ? '/' : `/?format=${f}`])) as Record<RdfFormat, string>;

  api.route(
    app,
    {
      method: 'get',
      path: '/',
      summary: 'Home page',
      description: 'The site and its registers, as HTML+RDFa, or as RDF by ?format= (ttl, jsonld, nt, rdf) or the Accept header.',
      tags: ['Site'],
      parameters: [{ name: 'format', in: 'query', description: `One of ${FORMATS.join(', ')} (overrides Accept).` }],
      responses: {
        '200': { description: 'The home page', contentTypes: ['text/html', 'text/turtle', 'application/ld+json', 'application/n-triples', 'application/rdf+xml'] },
        '406': { description: 'Unknown format or no acceptable media type' },
      },
    },
    (c) => {
      const choice = chooseFormat({ formatParam: c.req.query('format'), accept: c.req.header('accept') });
      return sendRepresentation(c, { choice, paths, quads: triples, page: async () => <HomePage site={site} paths={paths} /> });
    },
  );

  api.route(
    app,
    { method: 'get', path: '/static/stelsel.css', summary: 'Stylesheet', hidden: true, responses: { '200': { description: 'CSS' } } },
    (c) => {
      c.header('ETag', CSS_ETAG);
      c.header('Cache-Control', 'public, max-age=3600');
      if (matches(c.req.header('if-none-match'), CSS_ETAG)) return c.body(null, 304);
      return c.body(STELSEL_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
    },
  );

  const openApi = () =>
    registry.document({
      title: 'Stelsel API',
      version: VERSION,
      description: 'Linked-data platform for government registers: product catalogue (SC 4.0), local decisions (LBLOD) and series register on one RDF store.',
      serverUrl: config.baseUrl,
    });

  api.route(
    app,
    {
      method: 'get',
      path: '/api/docs',
      summary: 'API documentation (HTML)',
      description: 'Every path and method of the API with its parameters and responses, generated from the OpenAPI document.',
      tags: ['Site'],
      responses: { '200': { description: 'The documentation page', contentTypes: ['text/html'] } },
    },
    (c) => c.html(<ApiDocsPage doc={openApi() as OpenApiDocument} jsonPath={OPENAPI_PATH} />),
  );

  api.route(
    app,
    {
      method: 'get',
      path: OPENAPI_PATH,
      summary: 'OpenAPI 3 document',
      description: 'Generated from the route declarations, so it lists exactly what is mounted.',
      tags: ['Site'],
      responses: { '200': { description: 'The OpenAPI document', contentTypes: ['application/json'] } },
    },
    (c) => c.json(openApi()),
  );

  return app;
};
