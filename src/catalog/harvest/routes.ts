/**
 * JSON API of the harvester (mounted at /api/catalogus/bronnen): the sources, harvesting now, and a
 * source's history. Thin: HarvestService authorises, stores and audits.
 */
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { AuditContext } from '../../shared/audit/audit-log.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { AppEnv } from '../../shared/http/context.js';
import type { ApiScope, RouteDoc } from '../../shared/http/openapi.js';
import { createSourceBody, SLUG } from './model.js';
import type { HarvestService } from './service.js';

export const HARVEST_API_PATH = '/api/catalogus/bronnen';

export const ctxOf = (c: Context<AppEnv>): AuditContext => ({ actor: c.get('actor'), requestId: c.get('requestId') });

export function sourceParam(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!SLUG.test(id)) throw notFound(`The harvest source ${JSON.stringify(id)}`);
  return id;
}

/** Validates a request body against a schema; a precise 400 (field: message) otherwise. */
export function parseInput<T>(schema: z.ZodType<T>, data: unknown): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
  throw new AppError('bad_request', `The request body is not valid: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, { issues });
}

async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new AppError('unsupported_media_type', 'Send application/json');
  try {
    return await c.req.json();
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON');
  }
}

const json = ['application/json'];
const auth = { '401': { description: 'Not logged in' }, '403': { description: 'Not a catalogusbeheerder' } };

/** Registers the JSON API on `app` (mounted at the site root). */
export function harvestApiRoutes(app: Hono<AppEnv>, service: HarvestService, api: ApiScope): void {
  const doc = (d: Omit<RouteDoc, 'tags' | 'security'>): RouteDoc => ({ tags: ['Catalogue harvester'], security: 'bearer', ...d });

  api.route(
    app,
    doc({
      method: 'get',
      path: HARVEST_API_PATH,
      summary: 'List the harvest sources',
      description: 'Every organisation whose SC catalogue is harvested, with its URL. Catalogusbeheerders only.',
      responses: { '200': { description: 'The sources', contentTypes: json }, ...auth },
    }),
    async (c) => c.json({ sources: await service.listSources(c.get('actor')) }),
  );

  api.route(
    app,
    doc({
      method: 'post',
      path: HARVEST_API_PATH,
      summary: 'Add a harvest source',
      description:
        'Body: {organisation (short name), url}. One source per organisation. The URL must be http or https, without user name or password. Catalogusbeheerders only.',
      requestBody: { description: 'The source', contentTypes: json, required: true },
      responses: {
        '201': { description: 'Created', contentTypes: json },
        '400': { description: 'Malformed body' },
        '409': { description: 'The organisation already has a source' },
        '422': { description: 'Unknown organisation or unacceptable URL' },
        ...auth,
      },
    }),
    async (c) => {
      const input = parseInput(createSourceBody, await jsonBody(c));
      const source = await service.createSource(ctxOf(c), input);
      c.header('Location', `${HARVEST_API_PATH}/${source.id}`);
      return c.json(source, 201);
    },
  );

  api.route(
    app,
    doc({
      method: 'post',
      path: `${HARVEST_API_PATH}/oogsten`,
      summary: 'Harvest every source now',
      description: 'Runs every source (a few at a time) and answers per source the outcome; busy = a run of it was already going on.',
      responses: { '200': { description: 'The outcome per source', contentTypes: json }, ...auth },
    }),
    async (c) => c.json(await service.harvestAll(ctxOf(c), 'manual')),
  );

  api.route(
    app,
    doc({
      method: 'get',
      path: `${HARVEST_API_PATH}/:id`,
      summary: 'Read a harvest source',
      description: "Catalogusbeheerders, and producteditors of the source's organisation.",
      responses: { '200': { description: 'The source', contentTypes: json }, '404': { description: 'No such source' }, ...auth },
    }),
    async (c) => c.json(await service.getSource(c.get('actor'), sourceParam(c))),
  );

  api.route(
    app,
    doc({
      method: 'delete',
      path: `${HARVEST_API_PATH}/:id`,
      summary: 'Remove a harvest source and its history',
      description: "The organisation's products stay as they are. Catalogusbeheerders only.",
      responses: { '204': { description: 'Removed' }, '404': { description: 'No such source' }, ...auth },
    }),
    async (c) => {
      await service.deleteSource(ctxOf(c), sourceParam(c));
      return c.body(null, 204);
    },
  );

  api.route(
    app,
    doc({
      method: 'post',
      path: `${HARVEST_API_PATH}/:id/oogsten`,
      summary: 'Harvest a source now',
      description:
        "Fetches, validates and imports the catalogue and answers the run's report. A catalogue that cannot be fetched, is served wrongly, is invalid or belongs to another organisation is not imported: the previous products stay.",
      responses: {
        '200': { description: 'The report (outcome ok, invalid, refused, unreachable or error)', contentTypes: json },
        '404': { description: 'No such source' },
        '409': { description: 'A harvest of this source is already running' },
        ...auth,
      },
    }),
    async (c) => c.json(await service.harvest(ctxOf(c), sourceParam(c), 'manual')),
  );

  api.route(
    app,
    doc({
      method: 'get',
      path: `${HARVEST_API_PATH}/:id/historie`,
      summary: "A source's harvest history",
      description: "The reports of its runs, newest first (at most 100). Catalogusbeheerders, and producteditors of the source's organisation.",
      parameters: [{ name: 'limit', in: 'query', description: 'At most this many reports (1-100)' }],
      responses: { '200': { description: 'The source and its reports', contentTypes: json }, '404': { description: 'No such source' }, ...auth },
    }),
    async (c) => {
      const raw = c.req.query('limit');
      const limit = raw === undefined ? undefined : Number(raw);
      if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 100)) throw new AppError('bad_request', 'limit must be a whole number from 1 to 100');
      return c.json(await service.history(c.get('actor'), sourceParam(c), limit));
    },
  );
}
