/**
 * The series API (mounted at /api/series and, for existing clients of the public Serieregister
 * API, at /series-register/api/v1/series). Thin: parse, call the service, answer JSON.
 */
import { Hono, type Context } from 'hono';
import type { AuditContext } from '../shared/audit/audit-log.js';
import { AppError } from '../shared/errors.js';
import type { AppEnv } from '../shared/http/context.js';
import type { ApiScope, RouteDoc } from '../shared/http/openapi.js';
import { contentBody, parsePage, parseQ, parseStatus, seriesJson, summaryJson } from './api-model.js';
import { exportSeries, importSheet, type ExportFormat } from './exchange.js';
import { SOORTEN, type Soort } from './model.js';
import type { SeriesFilter } from './repository.js';
import type { SeriesService } from './service.js';
import { writeCsv, writeXlsx, XLSX_TYPE } from './sheet.js';
import { tasksOf } from './tasks.js';
import { ACTIONS, type WorkflowAction } from './workflow.js';

export const ctxOf = (c: Context<AppEnv>): AuditContext => ({ actor: c.get('actor'), requestId: c.get('requestId') });

/** The ETag named by If-Match (`"3"` or `W/"3"`); undefined when absent or `*`. */
export function ifMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(header);
  if (!m) throw new AppError('bad_request', 'If-Match must be one ETag of this series, e.g. "3"');
  return Number(m[1]);
}

async function jsonBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new AppError('unsupported_media_type', 'Send application/json');
  try {
    const body: unknown = await c.req.json();
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not an object');
    return body as Record<string, unknown>;
  } catch {
    throw new AppError('bad_request', 'The request body is not a JSON object');
  }
}

function param(c: Context<AppEnv>, name: string): string {
  const v = c.req.param(name) as string | undefined;
  if (!v) throw new AppError('not_found', `No ${name} in the path`);
  return v;
}

const str = (v: unknown, name: string): string | undefined => {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new AppError('bad_request', `${name} must be a string`);
  return v;
};

/** The filter of a listing or export from the query string. */
export function filterOf(c: Context<AppEnv>, svc: SeriesService): SeriesFilter {
  const q = parseQ(c.req.query('q'));
  const status = parseStatus(c.req.query('status'));
  if (status !== 'gepubliceerd' && status !== 'ingediend') throw new AppError('bad_request', 'Only Published and Submitted series are listed publicly; see /api/series/taken for your own work');
  const org = q.organisationId ?? c.req.query('organisatie');
  const soort = c.req.query('soort') ?? q.soort;
  if (soort !== undefined && !(SOORTEN as readonly string[]).includes(soort)) throw new AppError('bad_request', 'soort is gewoon or generiek');
  const geldigheid = c.req.query('geldigheid');
  if (geldigheid !== undefined && !['geldig', 'verloopt', 'verlopen'].includes(geldigheid)) throw new AppError('bad_request', 'geldigheid is geldig, verloopt or verlopen');
  const bestemming = c.req.query('bestemming') ?? q.bestemming;
  const today = svc.today();
  const in6 = new Date(`${today}T00:00:00Z`);
  in6.setUTCMonth(in6.getUTCMonth() + 6);
  return {
    which: status === 'gepubliceerd' ? 'published' : { working: 'ingediend' },
    ...(status === 'ingediend' ? svc.submittedScope(c.get('actor')) : {}),
    ...(org ? { organisatie: org.includes(':') ? org : svc.orgIri(org) } : {}),
    ...(soort ? { soort: soort as Soort } : {}),
    ...(bestemming ? { bestemming: parseQ(`+Destination:${bestemming}`).bestemming! } : {}),
    ...(c.req.query('proces') ? { proces: c.req.query('proces')! } : {}),
    ...(q.text ? { text: q.text } : {}),
    ...(geldigheid ? { geldigheid: { kind: geldigheid as 'geldig', today, in6Months: in6.toISOString().slice(0, 10) } } : {}),
  };
}

const EXPORT_TYPES: Record<ExportFormat, string> = { xlsx: XLSX_TYPE, csv: 'text/csv; charset=utf-8', ttl: 'text/turtle; charset=utf-8', jsonld: 'application/ld+json' };

export function createSeriesApiRoutes(svc: SeriesService, api: ApiScope, opts: { hidden?: boolean } = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const uris = svc.uris;
  const doc = (d: Omit<RouteDoc, 'tags'>): RouteDoc => ({ tags: ['Series register'], ...(opts.hidden ? { hidden: true } : {}), ...d });
  const json = ['application/json'];
  const listParams = [
    { name: 'page', in: 'query' as const, description: 'Page number from 0 (default 0)' },
    { name: 'size', in: 'query' as const, description: 'Page size, 1 to 1000 (default 100)' },
    { name: 'status', in: 'query' as const, description: 'Published (default, public) or Submitted (logged in: committee members and the platform see all, organisations their own)' },
    { name: 'q', in: 'query' as const, description: 'Free text, and +OrganisationId:<id>, +Kind:gewoon|generiek, +Destination:vernietigen|steekproef|bewaren' },
  ];

  api.route(app, doc({ method: 'get', path: '/', summary: 'List published (or submitted) series', parameters: listParams, security: 'none', responses: { '200': { description: '{Content: [...], Page, Total}', contentTypes: json }, '400': { description: 'Bad parameter' }, '401': { description: 'Submitted series asked for without a login' } } }), async (c) => {
    const { page, size } = parsePage(c.req.query('page'), c.req.query('size'));
    const { total, items } = await svc.index.search(filterOf(c, svc), { offset: page * size, limit: size });
    return c.json({ Content: items.map((i) => summaryJson(uris, i)), Page: page, Size: size, Total: total });
  });

  api.route(app, doc({ method: 'get', path: '/taken', summary: 'What awaits the caller', security: 'bearer', responses: { '200': { description: 'The task list', contentTypes: json }, '401': { description: 'Not logged in' } } }), async (c) => {
    const actor = c.get('actor');
    if (actor.kind === 'anonymous') throw new AppError('unauthorized', 'Log in or send a bearer token first');
    return c.json({ tasks: await tasksOf(svc, actor) });
  });

  for (const format of ['xlsx', 'csv'] as const) {
    api.route(app, doc({ method: 'get', path: `/importblad.${format}`, summary: `The empty import sheet (${format.toUpperCase()})`, security: 'none', responses: { '200': { description: 'The sheet', contentTypes: [EXPORT_TYPES[format]] } } }), async (c) => {
      const body = format === 'csv' ? writeCsv([]) : await writeXlsx([], svc.lists);
      return c.body(body as never, 200, { 'Content-Type': EXPORT_TYPES[format], 'Content-Disposition': `attachment; filename="importblad-series.${format}"` });
    });
  }

  for (const format of ['xlsx', 'csv', 'ttl', 'jsonld'] as const) {
    api.route(app, doc({ method: 'get', path: `/export.${format}`, summary: `Export a selection of published series (${format})`, parameters: listParams.slice(2), security: 'none', responses: { '200': { description: 'The selection', contentTypes: [EXPORT_TYPES[format]] }, '400': { description: 'Bad parameter or too many series' } } }), async (c) => {
      const { body } = await exportSeries(svc, filterOf(c, svc), format);
      return c.body(body as never, 200, { 'Content-Type': EXPORT_TYPES[format], 'Content-Disposition': `attachment; filename="series.${format}"` });
    });
  }

  api.route(
    app,
    doc({
      method: 'post',
      path: '/import',
      summary: "Import series from the import sheet for an organisation (all or nothing)",
      parameters: [{ name: 'organisatie', in: 'query', required: true, description: 'Organisation slug' }],
      requestBody: { description: 'The sheet as XLSX or CSV', contentTypes: [XLSX_TYPE, 'text/csv'], required: true },
      security: 'bearer',
      responses: { '200': { description: 'Geaccepteerd, with the new series ids', contentTypes: json }, '422': { description: 'Geweigerd, with the problems per row and column; nothing stored', contentTypes: json }, '415': { description: 'Not XLSX or CSV' } },
    }),
    async (c) => {
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const format = type === XLSX_TYPE ? 'xlsx' : type === 'text/csv' ? 'csv' : null;
      if (!format) throw new AppError('unsupported_media_type', `Send the sheet as ${XLSX_TYPE} or text/csv`);
      const org = c.req.query('organisatie');
      if (!org) throw new AppError('bad_request', 'Name the organisation: ?organisatie=<slug>');
      const report = await importSheet(svc, ctxOf(c), org, new Uint8Array(await c.req.arrayBuffer()), format);
      return c.json(report, report.status === 'Geaccepteerd' ? 200 : 422);
    },
  );

  api.route(app, doc({ method: 'post', path: '/', summary: 'Create a series (directly, as a copy of a published series, or from a template)', security: 'bearer', requestBody: { description: 'JSON: organisatie or organisatietype, optional vanSerie or sjabloon, and the content fields', contentTypes: json, required: true }, responses: { '201': { description: 'Created', contentTypes: json }, '422': { description: 'Problems per field' } } }), async (c) => {
    const body = await jsonBody(c);
    const soort = str(body.soort, 'soort');
    if (soort !== undefined && !(SOORTEN as readonly string[]).includes(soort)) throw new AppError('bad_request', 'soort is gewoon or generiek');
    const s = await svc.create(ctxOf(c), {
      ...(soort ? { soort: soort as Soort } : {}),
      ...(str(body.organisatie, 'organisatie') ? { organisatie: str(body.organisatie, 'organisatie') } : {}),
      ...(str(body.organisatietype, 'organisatietype') ? { organisatietype: str(body.organisatietype, 'organisatietype') } : {}),
      ...(str(body.vanSerie, 'vanSerie') ? { vanSerie: str(body.vanSerie, 'vanSerie') } : {}),
      ...(str(body.sjabloon, 'sjabloon') ? { sjabloon: str(body.sjabloon, 'sjabloon') } : {}),
      content: contentBody(body),
    });
    c.header('ETag', `"${s.etag}"`);
    c.header('Location', `/api/series/${s.id}`);
    return c.json(seriesJson(uris, svc.lists, s), 201);
  });

  api.route(app, doc({ method: 'get', path: '/:id', summary: 'One series with all its versions', security: 'none', responses: { '200': { description: 'The series; ETag header', contentTypes: json }, '404': { description: 'Unknown' } } }), async (c) => {
    const found = await svc.get(param(c, 'id'));
    const s = svc.visibleTo(c.get('actor'), found);
    if (!s) throw new AppError('not_found', `Serie ${found.id} was not found`);
    c.header('ETag', `"${s.etag}"`);
    return c.json(seriesJson(uris, svc.lists, s));
  });

  api.route(app, doc({ method: 'put', path: '/:id', summary: 'Replace the content of the working version (in ontwerp)', security: 'bearer', parameters: [{ name: 'If-Match', in: 'header', description: 'The ETag you based the change on' }], requestBody: { description: 'JSON: the content fields', contentTypes: json, required: true }, responses: { '200': { description: 'Saved; new ETag', contentTypes: json }, '409': { description: 'Changed by someone else meanwhile, or not in ontwerp' }, '422': { description: 'Problems per field' } } }), async (c) => {
    const body = await jsonBody(c);
    const s = await svc.update(ctxOf(c), param(c, 'id'), ifMatch(c.req.header('if-match')), contentBody(body));
    c.header('ETag', `"${s.etag}"`);
    return c.json(seriesJson(uris, svc.lists, s));
  });

  api.route(app, doc({ method: 'post', path: '/:id/acties/:actie', summary: 'Take a workflow action', description: `One of ${ACTIONS.join(', ')}.`, security: 'bearer', parameters: [{ name: 'If-Match', in: 'header', description: 'The ETag you based the action on' }], requestBody: { description: 'JSON {opmerking} (optional; required to send back, comment or reject)', contentTypes: json }, responses: { '200': { description: 'Done; new ETag', contentTypes: json }, '403': { description: 'Not your role' }, '409': { description: 'Not possible in this status, or changed meanwhile' }, '422': { description: 'Incomplete for submission or publication' } } }), async (c) => {
    const actie = param(c, 'actie');
    if (!(ACTIONS as readonly string[]).includes(actie)) throw new AppError('not_found', `No action ${actie}; one of ${ACTIONS.join(', ')}`);
    const body = (c.req.header('content-type') ?? '').startsWith('application/json') ? await jsonBody(c) : {};
    const s = await svc.act(ctxOf(c), param(c, 'id'), actie as WorkflowAction, {
      ...(str(body.opmerking, 'opmerking') !== undefined ? { opmerking: str(body.opmerking, 'opmerking') } : {}),
      ...(ifMatch(c.req.header('if-match')) !== undefined ? { etag: ifMatch(c.req.header('if-match')) } : {}),
    });
    c.header('ETag', `"${s.etag}"`);
    return c.json(seriesJson(uris, svc.lists, s));
  });

  return app;
}
