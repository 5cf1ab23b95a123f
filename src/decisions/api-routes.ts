/**
 * The decisions API (/api/besluiten/{eenheid}/...): governing bodies, draft meetings and
 * publication. JSON in and out; an ETag carries the audit version and If-Match guards changes.
 */
import type { Context, Hono } from 'hono';
import { AppError } from '../shared/errors.js';
import type { AppEnv } from '../shared/http/context.js';
import type { ApiScope, RouteDoc } from '../shared/http/openapi.js';
import type { VersionedZitting } from './model.js';
import { zittingApiPath, zittingPath } from './paths.js';
import { PUBLISH_KINDS, type PublishKind } from './publish.js';
import type { DecisionService } from './service.js';

const E = ':eenheid{[a-z0-9][a-z0-9-]*}';
const ID = ':id{[a-z0-9][a-z0-9-]*}';
const O = ':orgaan{[a-z0-9][a-z0-9-]*}';
const refused = { '401': { description: 'Not logged in' }, '403': { description: 'No suitable role in this bestuurseenheid' }, '422': { description: 'details.problems: [{ field, message }]' } };

export const ctxOf = (c: Context<AppEnv>) => ({ actor: c.get('actor'), requestId: c.get('requestId') });

export function ifMatch(c: Context<AppEnv>): number | undefined {
  const h = c.req.header('if-match');
  if (h === undefined) return undefined;
  const v = h.replace(/^W\//, '').replace(/^"|"$/g, '');
  if (!/^\d+$/.test(v)) throw new AppError('bad_request', `If-Match must be an ETag of this API ("3"), not ${JSON.stringify(h.slice(0, 40))}`);
  return Number(v);
}

async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  return c.req.json().catch((e: unknown) => {
    throw new AppError('bad_request', `The body is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  });
}

export function decisionApiRoutes(app: Hono<AppEnv>, svc: DecisionService, api: ApiScope): void {
  const doc = (d: Omit<RouteDoc, 'tags'>): RouteDoc => ({ tags: ['Besluiten (LBLOD)'], security: 'bearer', ...d });
  const p = (c: Context<AppEnv>, n: string) => c.req.param(n) ?? '';
  const sendZitting = (c: Context<AppEnv>, v: VersionedZitting, status: 200 | 201) => {
    c.header('ETag', `"${v.version}"`);
    c.header('Location', zittingApiPath(v.zitting.eenheid, v.zitting.id));
    return c.json({ ...v.zitting, version: v.version, pagina: zittingPath(v.zitting.eenheid, v.zitting.orgaan, v.zitting.slug) }, status);
  };

  api.route(app, doc({ method: 'get', path: `/${E}/organen/${O}`, summary: 'A governing body with its periods and mandatarissen', security: 'none', responses: { '200': { description: 'The body; ETag = version', contentTypes: ['application/json'] }, '404': { description: 'Unknown' } } }), async (c) => {
    const { orgaan, version } = await svc.orgaan(p(c, 'eenheid'), p(c, 'orgaan'));
    c.header('ETag', `"${version}"`);
    return c.json({ ...orgaan, version });
  });

  api.route(
    app,
    doc({
      method: 'put',
      path: `/${E}/organen/${O}`,
      summary: 'Create or replace a governing body',
      description: 'Body: { naam, classificatie (gemeenteraad, college, burgemeester, rmw), perioden: [{ id, start, einde?, mandatarissen: [{ id?, naam }] }] }. Role: schrijver.',
      requestBody: { description: 'The body', contentTypes: ['application/json'], required: true },
      responses: { '200': { description: 'Replaced' }, '201': { description: 'Created' }, '409': { description: 'Stale If-Match' }, ...refused },
    }),
    async (c) => {
      const r = await svc.putOrgaan(ctxOf(c), p(c, 'eenheid'), p(c, 'orgaan'), await jsonBody(c), ifMatch(c));
      c.header('ETag', `"${r.version}"`);
      return c.json({ ...r.orgaan, version: r.version }, r.created ? 201 : 200);
    },
  );

  api.route(app, doc({ method: 'get', path: `/${E}/zittingen`, summary: 'Draft meetings of a bestuurseenheid', description: 'Roles: lezer, schrijver, publiceerder, ondertekenaar.', responses: { '200': { description: '[{ id, orgaan, slug, geplandeStart }]', contentTypes: ['application/json'] }, ...refused } }), async (c) =>
    c.json(await svc.zittingen(c.get('actor'), p(c, 'eenheid'))),
  );

  api.route(
    app,
    doc({
      method: 'post',
      path: `/${E}/zittingen`,
      summary: 'Create a draft meeting with its agenda, treatments, decisions and votes',
      description: 'Body: { orgaan, periode?, geplandeStart, gestart?, geeindigd?, voorzitter?, secretaris?, aanwezigen[], agendapunten: [{ titel, beschrijving?, type (gepland|aanvullend|spoedeisend), geplandOpenbaar, behandeling?: { openbaar?, aanwezigen?, besluit?: { titel, beschrijving?, citeeropschrift?, motivering, type, artikels: [{ nummer, inhoud }], bijlagen?: [attachment id] }, stemmingen: [{ onderwerp, gevolg, geheim, voorstanders[], tegenstanders[], onthouders[], stemmers[]?, aantal...? }] } }] }. Mandatarissen by id. Role: schrijver.',
      requestBody: { description: 'The meeting', contentTypes: ['application/json'], required: true },
      responses: { '201': { description: 'Created; ETag = version', contentTypes: ['application/json'] }, ...refused },
    }),
    async (c) => sendZitting(c, await svc.createZitting(ctxOf(c), p(c, 'eenheid'), await jsonBody(c)), 201),
  );

  api.route(app, doc({ method: 'get', path: `/${E}/zittingen/${ID}`, summary: 'One draft meeting', description: 'Roles: lezer, schrijver, publiceerder, ondertekenaar.', responses: { '200': { description: 'The meeting; ETag = version', contentTypes: ['application/json'] }, '404': { description: 'Unknown' }, ...refused } }), async (c) =>
    sendZitting(c, await svc.zitting(c.get('actor'), p(c, 'eenheid'), p(c, 'id')), 200),
  );

  api.route(
    app,
    doc({
      method: 'put',
      path: `/${E}/zittingen/${ID}`,
      summary: 'Replace a draft meeting',
      description: 'Same body as creating. Ids given for agendapunten, treatments, decisions, artikels and votes keep their IRIs. If-Match guards against concurrent edits. Role: schrijver.',
      requestBody: { description: 'The meeting', contentTypes: ['application/json'], required: true },
      responses: { '200': { description: 'Replaced', contentTypes: ['application/json'] }, '409': { description: 'Stale If-Match' }, ...refused },
    }),
    async (c) => sendZitting(c, await svc.updateZitting(ctxOf(c), p(c, 'eenheid'), p(c, 'id'), await jsonBody(c), ifMatch(c)), 200),
  );

  api.route(app, doc({ method: 'get', path: `/${E}/zittingen/${ID}/publicaties`, summary: "Every published version of a meeting's documents", description: 'Roles: lezer, schrijver, publiceerder, ondertekenaar.', responses: { '200': { description: '[{ iri, document, kind, number, publishedAt, publisher, publisherName, note? }]', contentTypes: ['application/json'] }, ...refused } }), async (c) =>
    c.json(await svc.publications(c.get('actor'), p(c, 'eenheid'), p(c, 'id'))),
  );

  api.route(
    app,
    doc({
      method: 'post',
      path: `/${E}/zittingen/${ID}/publicaties`,
      summary: 'Publish the agenda, besluitenlijst, notulen or uittreksels of a meeting',
      description: 'Body: { soort: agenda | aanvullende-agenda | spoedeisende-agenda | besluitenlijst | notulen | uittreksels, toelichting? }. Each changed document gets a new immutable version with its own URL; unchanged documents are left alone. The aanvullende and spoedeisende agenda hold only the agendapunten of that type (refused when there are none). Refused (409) when a changed document has fewer than DECISIONS_REQUIRED_SIGNATURES valid signatures. Role: publiceerder.',
      requestBody: { description: '{ soort, toelichting? }', contentTypes: ['application/json'], required: true },
      responses: { '201': { description: '{ versies: [...] } (new versions)', contentTypes: ['application/json'] }, '200': { description: '{ versies: [] }: nothing changed' }, '409': { description: 'Not signed enough (details.problems)' }, ...refused },
    }),
    async (c) => {
      const body = (await jsonBody(c)) as { soort?: unknown; toelichting?: unknown } | null;
      const soort = body && typeof body === 'object' ? body.soort : undefined;
      if (typeof soort !== 'string' || !(PUBLISH_KINDS as readonly string[]).includes(soort)) {
        throw new AppError('validation_failed', `soort: een van ${PUBLISH_KINDS.join(', ')}`, { problems: [{ field: 'soort', message: `een van ${PUBLISH_KINDS.join(', ')}` }] });
      }
      const note = body?.toelichting;
      if (note !== undefined && typeof note !== 'string') throw new AppError('validation_failed', 'toelichting: tekst', { problems: [{ field: 'toelichting', message: 'tekst' }] });
      const versies = await svc.publish(ctxOf(c), p(c, 'eenheid'), p(c, 'id'), soort as PublishKind, note?.trim() || undefined);
      return c.json({ versies }, versies.length ? 201 : 200);
    },
  );
}

/** Signing documents of a draft meeting (signing.ts). */
export function decisionSignatureRoutes(app: Hono<AppEnv>, svc: DecisionService, api: ApiScope): void {
  const doc = (d: Omit<RouteDoc, 'tags'>): RouteDoc => ({ tags: ['Besluiten (LBLOD)'], security: 'bearer', ...d });
  const p = (c: Context<AppEnv>, n: string) => c.req.param(n) ?? '';
  api.route(
    app,
    doc({
      method: 'post',
      path: `/${E}/zittingen/${ID}/handtekeningen`,
      summary: 'Sign one document of a draft meeting',
      description:
        'Body: { document: agenda | aanvullende-agenda | spoedeisende-agenda | besluitenlijst | notulen | uittreksel-{n} }. The signature is the SHA-256 over the document as it would be published now, the signer and the time; a later change makes it invalid. Publishing needs DECISIONS_REQUIRED_SIGNATURES valid signatures of different ondertekenaars. Role: ondertekenaar.',
      requestBody: { description: '{ document }', contentTypes: ['application/json'], required: true },
      responses: { '201': { description: '{ id, document, ondertekenaar, ondertekenaarNaam, tijdstip, hash, geldig }', contentTypes: ['application/json'] }, ...refused },
    }),
    async (c) => {
      const body = (await jsonBody(c)) as { document?: unknown } | null;
      const h = await svc.sign(ctxOf(c), p(c, 'eenheid'), p(c, 'id'), body && typeof body === 'object' ? body.document : undefined);
      return c.json(h, 201);
    },
  );
  api.route(app, doc({ method: 'get', path: `/${E}/zittingen/${ID}/handtekeningen`, summary: "Signatures on a draft meeting's documents, each valid or not for the current content", description: 'Roles: lezer, schrijver, publiceerder, ondertekenaar.', responses: { '200': { description: '[{ id, document, ondertekenaar, tijdstip, hash, geldig }]', contentTypes: ['application/json'] }, ...refused } }), async (c) =>
    c.json(await svc.signatures(c.get('actor'), p(c, 'eenheid'), p(c, 'id'))),
  );
}
