/** @jsxImportSource hono/jsx */
/**
 * The web editor (/beheer/besluiten/{eenheid}): plain forms over the same service as the API, so
 * the same rights, checks and audit apply. CSRF is checked site-wide (src/shared/http/csrf.ts).
 */
import type { Context, Hono } from 'hono';
import { can } from '../shared/auth/policy.js';
import { AppError } from '../shared/errors.js';
import type { AppEnv } from '../shared/http/context.js';
import type { ApiScope, RouteDoc } from '../shared/http/openapi.js';
import { ctxOf } from './api-routes.js';
import type { Zitting } from './model.js';
import { zittingPath } from './paths.js';
import { PUBLISH_KINDS, type PublishKind } from './publish.js';
import type { DecisionService } from './service.js';
import { DraftPage, DraftsPage, EDITOR_PATH, editorZittingPath } from './views/editor.js';

const E = ':eenheid{[a-z0-9][a-z0-9-]*}';
const ID = ':id{[a-z0-9][a-z0-9-]*}';

/** The meeting as the API takes it (ids kept, so IRIs stay). */
export function toInput(z: Zitting): Record<string, unknown> {
  const { id: _id, eenheid: _e, slug: _s, ...rest } = z;
  return rest;
}

/** A local Brussels time from a datetime-local field (YYYY-MM-DDTHH:MM[:SS]) as xsd:dateTime with offset. */
export function brusselsDateTime(local: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(local);
  if (!m) throw new AppError('bad_request', `geplandeStart: een datum en tijd, niet ${JSON.stringify(local.slice(0, 40))}`);
  const naive = `${m[1]}T${m[2]}${m[3] ?? ':00'}`;
  const asUtc = new Date(`${naive}Z`);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(asUtc);
  const get = (t: Intl.DateTimeFormatPartTypes) => Number(parts.find((x) => x.type === t)?.value ?? 0);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const minutes = Math.round((shown - asUtc.getTime()) / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${naive}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function decisionEditor(app: Hono<AppEnv>, svc: DecisionService, api: ApiScope): void {
  const doc = (method: 'get' | 'post', path: string, summary: string): RouteDoc => ({ method, path, summary, tags: ['Besluiten (LBLOD)'], security: 'session', responses: { '200': { description: 'HTML' }, '303': { description: 'Done: back to the page' } } });
  const p = (c: Context<AppEnv>, n: string) => c.req.param(n) ?? '';
  const platform = svc.iris.uris.platform.value;
  const may = (c: Context<AppEnv>, action: 'decisions.edit' | 'decisions.publish', eenheid: string) => can(c.get('actor'), action, svc.iris.eenheid(eenheid).value, platform);
  const form = async (c: Context<AppEnv>) => {
    const f = await c.req.parseBody();
    return (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : undefined);
  };
  const version = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

  api.route(app, doc('get', `${EDITOR_PATH}/${E}`, 'Draft meetings of a bestuurseenheid'), async (c) => {
    const eenheid = await svc.eenheid(p(c, 'eenheid'));
    const drafts = await svc.zittingen(c.get('actor'), eenheid.slug);
    return c.html(<DraftsPage eenheid={eenheid} drafts={drafts} organen={await svc.repo.organen(eenheid.slug)} canEdit={may(c, 'decisions.edit', eenheid.slug)} />);
  });

  api.route(app, doc('post', `${EDITOR_PATH}/${E}/zittingen`, 'Start a draft meeting'), async (c) => {
    const get = await form(c);
    const created = await svc.createZitting(ctxOf(c), p(c, 'eenheid'), { orgaan: get('orgaan') ?? '', geplandeStart: brusselsDateTime(get('geplandeStart') ?? ''), agendapunten: [] });
    return c.redirect(editorZittingPath(created.zitting.eenheid, created.zitting.id), 303);
  });

  api.route(app, doc('get', `${EDITOR_PATH}/${E}/zittingen/${ID}`, 'One draft meeting'), async (c) => {
    const eenheid = await svc.eenheid(p(c, 'eenheid'));
    const { zitting: z, version: v } = await svc.zitting(c.get('actor'), eenheid.slug, p(c, 'id'));
    return c.html(
      <DraftPage
        eenheidNaam={eenheid.naam}
        z={z}
        version={v}
        json={JSON.stringify(toInput(z), null, 2)}
        lists={svc.lists}
        canEdit={may(c, 'decisions.edit', eenheid.slug)}
        canPublish={may(c, 'decisions.publish', eenheid.slug)}
        publicPath={zittingPath(z.eenheid, z.orgaan, z.slug)}
      />,
    );
  });

  api.route(app, doc('post', `${EDITOR_PATH}/${E}/zittingen/${ID}/agendapunten`, 'Add an agendapunt'), async (c) => {
    const eenheid = p(c, 'eenheid');
    const get = await form(c);
    const { zitting: z } = await svc.zitting(c.get('actor'), eenheid, p(c, 'id'));
    const input = toInput(z) as { agendapunten: unknown[] };
    input.agendapunten.push({ titel: get('titel') ?? '', ...(get('beschrijving')?.trim() ? { beschrijving: get('beschrijving') } : {}), type: get('type') ?? 'gepland', geplandOpenbaar: get('geplandOpenbaar') === 'true' });
    await svc.updateZitting(ctxOf(c), eenheid, z.id, input, version(get('version')));
    return c.redirect(editorZittingPath(eenheid, z.id), 303);
  });

  api.route(app, doc('post', `${EDITOR_PATH}/${E}/zittingen/${ID}/bewerken`, 'Replace a draft meeting (JSON as the API takes it)'), async (c) => {
    const eenheid = p(c, 'eenheid');
    const get = await form(c);
    let body: unknown;
    try {
      body = JSON.parse(get('json') ?? '');
    } catch (e) {
      throw new AppError('bad_request', `json: geen geldige JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    await svc.updateZitting(ctxOf(c), eenheid, p(c, 'id'), body, version(get('version')));
    return c.redirect(editorZittingPath(eenheid, p(c, 'id')), 303);
  });

  api.route(app, doc('post', `${EDITOR_PATH}/${E}/zittingen/${ID}/publiceren`, 'Publish a document of a meeting'), async (c) => {
    const eenheid = p(c, 'eenheid');
    const soort = (await form(c))('soort') ?? '';
    if (!(PUBLISH_KINDS as readonly string[]).includes(soort)) throw new AppError('bad_request', `soort: een van ${PUBLISH_KINDS.join(', ')}`);
    await svc.publish(ctxOf(c), eenheid, p(c, 'id'), soort as PublishKind);
    return c.redirect(editorZittingPath(eenheid, p(c, 'id')), 303);
  });

}
