/**
 * The JSON side of the product pages: the UPL look-up (/api/waardelijsten/upl?q=) and the
 * single-product API (/api/catalogus/producten/{org}/{key}: GET, PUT, DELETE with ETag/If-Match).
 * Same ProductService, same rules and authorisation as the forms.
 */
import type { Context, Hono } from 'hono';
import { AppError } from '../../shared/errors.js';
import type { AppEnv } from '../../shared/http/context.js';
import type { ApiScope, RouteDoc } from '../../shared/http/openapi.js';
import { fieldsFromJson } from './form.js';
import { productApiPath, productDocPath } from './paths.js';
import type { ProductService } from './service.js';

const ORG = ':org{[a-z0-9][a-z0-9-]*}';
const KEY = ':key{[A-Za-z0-9][A-Za-z0-9._~-]*}';
const refused = { '401': { description: 'Not logged in' }, '403': { description: 'Not a producteditor of this organisation, nor catalogusbeheerder' } };

export function productApiRoutes(app: Hono<AppEnv>, svc: ProductService, api: ApiScope): void {
  const ctxOf = (c: Context<AppEnv>) => ({ actor: c.get('actor'), requestId: c.get('requestId') });
  const param = (c: Context<AppEnv>, name: 'org' | 'key') => c.req.param(name) ?? '';

  api.route(
    app,
    {
      method: 'get',
      path: '/api/waardelijsten/upl',
      summary: 'Look up UPL names',
      description: 'UPL concepts whose name contains q (case-insensitive), by name, at most `limit` (default 20, at most 100).',
      tags: ['Value lists'],
      security: 'none',
      parameters: [
        { name: 'q', in: 'query', description: 'Part of the name' },
        { name: 'limit', in: 'query', description: 'At most this many (1-100)' },
      ],
      responses: { '200': { description: '[{ iri, label }]', contentTypes: ['application/json'] } },
    },
    async (c) => {
      const limit = Number(c.req.query('limit') ?? 20);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new AppError('bad_request', 'limit must be an integer from 1 to 100');
      return c.json(await svc.upl(c.req.query('q') ?? '', limit));
    },
  );

  const apiDoc = (d: Omit<RouteDoc, 'tags' | 'path'>): RouteDoc => ({ tags: ['Product catalogue'], security: 'bearer', path: `/api/catalogus/producten/${ORG}/${KEY}`, ...d });
  const sendProduct = async (c: Context<AppEnv>, slug: string, key: string, status: 200 | 201) => {
    const p = await svc.product(await svc.organisation(slug), key);
    c.header('ETag', `"${p.version}"`);
    c.header('Location', productApiPath(slug, p.key));
    return c.json({ iri: p.iri.value, key: p.key, page: productDocPath(slug, p.key), version: p.version, ...p.fields }, status);
  };
  const ifMatch = (c: Context<AppEnv>) => c.req.header('if-match')?.replace(/^W\//, '').replace(/^"|"$/g, '');

  api.route(
    app,
    apiDoc({ method: 'get', summary: 'One product (its editable fields)', security: 'none', responses: { '200': { description: 'The fields; ETag = version', contentTypes: ['application/json'] }, '404': { description: 'No such product' } } }),
    async (c) => sendProduct(c, param(c, 'org'), param(c, 'key'), 200),
  );

  api.route(
    app,
    apiDoc({
      method: 'put',
      summary: 'Create or change one product',
      description: 'Same rules as the form and the catalogue import. Creating: productID is required and its IRI key must be {key}. Changing: If-Match with the ETag guards against concurrent edits (409).',
      requestBody: { description: '{ title, abstract, identifier, productID?, audience[], onlineAanvragen, aanvraagURL?, eenmaligAanmelden?, contactpunt?, upl }', contentTypes: ['application/json'], required: true },
      responses: { '200': { description: 'Changed', contentTypes: ['application/json'] }, '201': { description: 'Created', contentTypes: ['application/json'] }, '409': { description: 'Stale If-Match' }, '422': { description: 'details.problems: [{ field, code, message }]' }, ...refused },
    }),
    async (c) => {
      const slug = param(c, 'org');
      const key = param(c, 'key');
      const fields = fieldsFromJson(await c.req.json().catch(() => {
        throw new AppError('bad_request', 'The body is not JSON');
      }));
      const org = await svc.organisation(slug);
      svc.authorizeEdit(c.get('actor'), org);
      const exists = await svc.product(org, key).then(() => true, (e: unknown) => {
        if (e instanceof AppError && e.code === 'not_found') return false;
        throw e;
      });
      if (!exists && svc.keyOf(fields.productID) !== key) throw new AppError('bad_request', `The productID ${JSON.stringify(fields.productID)} has the key ${svc.keyOf(fields.productID)}, not ${key}`);
      const saved = await svc.save(ctxOf(c), slug, exists ? key : null, fields, exists ? ifMatch(c) : undefined);
      return sendProduct(c, slug, saved.key, exists ? 200 : 201);
    },
  );

  api.route(
    app,
    apiDoc({ method: 'delete', summary: 'Delete one product', description: 'If-Match with the ETag guards against concurrent edits (409).', responses: { '204': { description: 'Deleted' }, '409': { description: 'Stale If-Match' }, '404': { description: 'No such product' }, ...refused } }),
    async (c) => {
      await svc.delete(ctxOf(c), param(c, 'org'), param(c, 'key'), ifMatch(c));
      return c.body(null, 204);
    },
  );
}
