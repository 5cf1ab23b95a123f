/** @jsxImportSource hono/jsx */
/**
 * The harvester's administration pages (mounted at /beheer/catalogus/bronnen): the sources, a form
 * to add one, harvesting now, and a source's history. Plain HTML forms (no JavaScript) answered with
 * 303 (POST/redirect/GET); the service authorises and audits exactly as for the JSON API.
 */
import type { Hono } from 'hono';
import { can } from '../../shared/auth/policy.js';
import type { AppEnv } from '../../shared/http/context.js';
import type { ApiScope, RouteDoc } from '../../shared/http/openapi.js';
import { createSourceBody } from './model.js';
import { ctxOf, parseInput, sourceParam } from './routes.js';
import type { HarvestService } from './service.js';
import { HistoryPage } from './views/history.js';
import { ADMIN_PATH, SourcesPage } from './views/sources.js';

type Form = Record<string, string | File | (string | File)[]>;

function text(form: Form, name: string): string {
  const v = form[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.trim() : '';
}

const html = ['text/html'];
const refused = { '401': { description: 'Not logged in' }, '403': { description: 'Not a catalogusbeheerder' } };

/** Registers the pages on `app` (mounted at the site root). */
export function harvestAdminRoutes(app: Hono<AppEnv>, service: HarvestService, api: ApiScope, opts: { platform: string; nextRun: () => Date | null }): void {
  const doc = (d: Omit<RouteDoc, 'tags' | 'security'>): RouteDoc => ({ tags: ['Administration pages'], security: 'session', ...d });

  api.route(
    app,
    doc({
      method: 'get',
      path: ADMIN_PATH,
      summary: 'Harvest sources (page)',
      description: 'The sources with their last run, a form to add one, and buttons to harvest now. Catalogusbeheerders only.',
      responses: { '200': { description: 'The page', contentTypes: html }, ...refused },
    }),
    async (c) => {
      const { sources, organisations } = await service.overview(c.get('actor'));
      const next = opts.nextRun();
      c.header('Cache-Control', 'no-store');
      return c.html(<SourcesPage sources={sources} organisations={organisations} {...(next ? { nextRun: next.toISOString() } : {})} />);
    },
  );

  api.route(
    app,
    doc({
      method: 'post',
      path: ADMIN_PATH,
      summary: 'Add a harvest source (form)',
      requestBody: { description: 'organisation, url', contentTypes: ['application/x-www-form-urlencoded'] },
      responses: { '303': { description: "To the source's page" }, '409': { description: 'The organisation already has a source' }, '422': { description: 'Unknown organisation or unacceptable URL' }, ...refused },
    }),
    async (c) => {
      const form = await c.req.parseBody({ all: true });
      const source = await service.createSource(ctxOf(c), parseInput(createSourceBody, { organisation: text(form, 'organisation'), url: text(form, 'url') }));
      return c.redirect(`${ADMIN_PATH}/${source.id}`, 303);
    },
  );

  api.route(
    app,
    doc({
      method: 'post',
      path: `${ADMIN_PATH}/oogsten`,
      summary: 'Harvest every source now (form)',
      responses: { '303': { description: 'Back to the sources' }, ...refused },
    }),
    async (c) => {
      await service.harvestAll(ctxOf(c), 'manual');
      return c.redirect(ADMIN_PATH, 303);
    },
  );

  api.route(
    app,
    doc({
      method: 'get',
      path: `${ADMIN_PATH}/:id`,
      summary: "A source's harvest history (page)",
      description: "Every run with its outcome, HTTP status, content type, size, duration, products and problems. Catalogusbeheerders, and producteditors of the source's organisation.",
      responses: { '200': { description: 'The page', contentTypes: html }, '404': { description: 'No such source' }, ...refused },
    }),
    async (c) => {
      const actor = c.get('actor');
      const { source, reports } = await service.history(actor, sourceParam(c));
      c.header('Cache-Control', 'no-store');
      return c.html(<HistoryPage source={source} reports={reports} manage={can(actor, 'catalogue.harvest', undefined, opts.platform)} />);
    },
  );

  api.route(
    app,
    doc({
      method: 'post',
      path: `${ADMIN_PATH}/:id/oogsten`,
      summary: 'Harvest a source now (form)',
      responses: { '303': { description: "To the source's history" }, '409': { description: 'A harvest of this source is already running' }, ...refused },
    }),
    async (c) => {
      const id = sourceParam(c);
      const report = await service.harvest(ctxOf(c), id, 'manual');
      return c.redirect(`${ADMIN_PATH}/${id}#run-${report.id}`, 303);
    },
  );

  api.route(
    app,
    doc({
      method: 'post',
      path: `${ADMIN_PATH}/:id/verwijderen`,
      summary: 'Remove a harvest source (form)',
      responses: { '303': { description: 'Back to the sources' }, '404': { description: 'No such source' }, ...refused },
    }),
    async (c) => {
      await service.deleteSource(ctxOf(c), sourceParam(c));
      return c.redirect(ADMIN_PATH, 303);
    },
  );
}
