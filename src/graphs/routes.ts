/**
 * SPARQL 1.1 Graph Store HTTP Protocol (indirect identification, ?graph=IRI) for operators:
 * read, replace, merge and drop one named graph under BASE_URL/graph/ (system graphs excluded).
 * Thin: GraphStoreService authorises, validates and audits.
 */
import { Hono, type Context } from 'hono';
import N3 from 'n3';
import { AppError } from '../shared/errors.js';
import type { AppEnv, CoreDeps } from '../shared/http/context.js';
import type { ApiScope } from '../shared/http/openapi.js';
import { preferredType } from '../shared/http/conneg.js';
import { quad } from '../shared/rdf/factory.js';
import { PREFIXES } from '../shared/rdf/vocab.js';
import { GraphStoreService } from './service.js';

const GRAPH_PARAM = { name: 'graph', in: 'query' as const, required: true, description: 'IRI of a named graph under {BASE_URL}/graph/' };

export function createGraphStoreRoutes(deps: CoreDeps, api: ApiScope): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const svc = new GraphStoreService(deps);
  const ctx = (c: Context<AppEnv>) => ({ actor: c.get('actor'), requestId: c.get('requestId') });
  const body = (c: Context<AppEnv>) => ({ contentType: c.req.header('content-type'), text: () => c.req.text() });

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
    async (c) => {
      const quads = await svc.read(c.get('actor'), c.req.query('graph'));
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
    async (c) => {
      const { graph, quads } = await svc.replace(ctx(c), c.req.query('graph'), body(c));
      c.get('log').info({ graph: graph.value, quads }, 'graph replaced');
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
    async (c) => {
      await svc.merge(ctx(c), c.req.query('graph'), body(c));
      return c.body(null, 204);
    },
  );

  api.route(
    app,
    { ...docBase, method: 'delete', summary: 'Drop a named graph', responses: { '204': { description: 'Dropped' }, ...authResponses } },
    async (c) => {
      await svc.drop(ctx(c), c.req.query('graph'));
      return c.body(null, 204);
    },
  );

  return app;
}
