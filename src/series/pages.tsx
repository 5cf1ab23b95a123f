/** @jsxImportSource hono/jsx */
/**
 * The series register's HTML pages: browse and search (/series), the series page at its document
 * URL (/doc/serie/{id}), and the forms (create, edit, workflow actions, import) and task list.
 * Plain HTML forms posting back here (POST/redirect/GET); CSRF is checked for every form post by
 * the site-wide origin check (src/shared/http/csrf.ts). The service authorises and audits.
 */
import { Hono, type Context } from 'hono';
import { grantsOf } from '../shared/auth/actor.js';
import { AppError } from '../shared/errors.js';
import type { AppEnv } from '../shared/http/context.js';
import type { ApiScope, RouteDoc } from '../shared/http/openapi.js';
import { importSheet } from './exchange.js';
import { CONTENT_FIELDS, publishedVersion, workingVersion, type SeriesContent } from './model.js';
import { ctxOf, filterOf } from './routes.js';
import { endsWithin } from './rules.js';
import type { SeriesService } from './service.js';
import { XLSX_TYPE } from './sheet.js';
import { tasksOf } from './tasks.js';
import { ACTIONS, availableActions, type WorkflowAction } from './workflow.js';
import { BrowsePage, type Facet } from './views/browse.js';
import { EditSeriesPage, ImportPage, NewSeriesPage, TasksPage } from './views/forms.js';
import { SeriesPage } from './views/series-page.js';

type Form = Record<string, string | File | (string | File)[]>;

function text(form: Form, name: string): string | undefined {
  const v = form[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
}

function contentOfForm(form: Form): Partial<SeriesContent> {
  const out: Record<string, string> = {};
  for (const f of CONTENT_FIELDS) {
    const v = text(form, f);
    if (v !== undefined) out[f] = v;
  }
  return out as Partial<SeriesContent>;
}

const html = ['text/html'];
const ID = '{[A-Za-z0-9][A-Za-z0-9-]{0,63}}';

export function createSeriesPages(svc: SeriesService, api: ApiScope): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const doc = (d: Omit<RouteDoc, 'tags'>): RouteDoc => ({ tags: ['Series register pages'], ...d });
  const loggedIn = (c: Context<AppEnv>) => c.get('actor').kind !== 'anonymous';
  const mustLogIn = (c: Context<AppEnv>) => {
    if (!loggedIn(c)) throw new AppError('unauthorized', 'Meld u eerst aan');
  };
  /** Organisations the visitor may create series for. */
  const myOrganisations = async (c: Context<AppEnv>) => {
    const actor = c.get('actor');
    const all = await svc.repo.organisations();
    if (actor.kind === 'bootstrap') return all;
    const scopes = new Set(grantsOf(actor).filter((g) => g.role === 'informatiebeheerder').map((g) => g.scope));
    return all.filter((o) => scopes.has(o.iri));
  };

  api.route(app, doc({ method: 'get', path: '/series', summary: 'Browse and search the published series', security: 'none', responses: { '200': { description: 'The page', contentTypes: html } } }), async (c) => {
    const query: Record<string, string> = {};
    for (const k of ['q', 'organisatie', 'soort', 'bestemming', 'proces', 'geldigheid', 'page']) {
      const v = c.req.query(k);
      if (v) query[k] = v;
    }
    const filter = filterOf(c, svc);
    const page = Math.max(0, Math.min(10_000, Number(query.page ?? 0) || 0));
    const size = 50;
    const { total, items } = await svc.index.search(filter, { offset: page * size, limit: size });
    const orgs = await svc.repo.organisations();
    const byIri = new Map(orgs.map((o) => [o.iri, o]));
    const slugOf = new Map(orgs.map((o) => [o.iri, o.slug]));
    const facets: Facet[] = [
      { name: 'organisatie', title: 'Organisatie', values: (await svc.index.facet(filter, 'org')).map((v) => ({ value: slugOf.get(v.value) ?? v.value, label: byIri.get(v.value)?.label ?? v.value, count: v.count })) },
      { name: 'soort', title: 'Soort', values: (await svc.index.facet(filter, 'soort')).map((v) => ({ ...v, label: svc.lists.label('serie-soort', v.value) })) },
      { name: 'bestemming', title: 'Bestemming', values: (await svc.index.facet(filter, 'best')).map((v) => ({ ...v, label: svc.lists.label('bestemming', v.value) })) },
      { name: 'proces', title: 'Proces', values: (await svc.index.facet(filter, 'proces')).map((v) => ({ ...v, label: v.value })) },
      {
        name: 'geldigheid',
        title: 'Geldigheid',
        values: await Promise.all(
          (['geldig', 'verloopt', 'verlopen'] as const).map(async (kind) => {
            const label = { geldig: 'Geldig', verloopt: 'Verloopt binnen 6 maanden', verlopen: 'Verlopen' }[kind];
            const f = { ...filter, geldigheid: { kind, today: svc.today(), in6Months: sixMonths(svc.today()) } };
            return { value: kind, label, count: (await svc.index.search(f, { offset: 0, limit: 0 })).total };
          }),
        ),
      },
    ];
    return c.html(<BrowsePage query={query} total={total} page={page} size={size} items={items} facets={facets} organisations={byIri} lists={svc.lists} loggedIn={loggedIn(c)} />);
  });

  api.route(app, doc({ method: 'get', path: `/doc/serie/:id${ID}`, summary: 'The page of a series (HTML+RDFa) with its version history', security: 'none', responses: { '200': { description: 'The page', contentTypes: html }, '404': { description: 'Unknown, or not published and not yours' } } }), async (c) => {
    const found = await svc.get(c.req.param('id') ?? '');
    const actor = c.get('actor');
    const s = svc.visibleTo(actor, found);
    const shown = s && (publishedVersion(s) ?? workingVersion(s));
    if (!s || !shown) throw new AppError('not_found', `Serie ${found.id} was not found`);
    const committee = await svc.committeeOf(s);
    const facts = svc.facts(actor, s, committee);
    const w = workingVersion(s);
    const actions: WorkflowAction[] = [
      ...(w ? availableActions(w.status, facts) : []),
      ...availableActions('gepubliceerd', facts).filter((a) => s.gepubliceerdeVersie !== undefined && ['herzien', 'opvolgen', 'afsluiten'].includes(a)),
    ];
    const org = await svc.organisationOf(s);
    return c.html(
      <SeriesPage
        series={s}
        shown={w && svc.mayRead(actor, s) && actor.kind !== 'anonymous' ? w : shown}
        uris={svc.uris}
        lists={svc.lists}
        {...(org ? { organisationLabel: org.label } : {})}
        actions={actions}
        canEdit={actions.includes('bewerken')}
        reviewDue={!!publishedVersion(s) && endsWithin(publishedVersion(s)?.geldigTot, svc.today())}
      />,
    );
  });

  api.route(app, doc({ method: 'get', path: '/series/taken', summary: 'My tasks in the series register', security: 'session', responses: { '200': { description: 'The page', contentTypes: html }, '401': { description: 'Not logged in' } } }), async (c) => {
    mustLogIn(c);
    return c.html(<TasksPage tasks={await tasksOf(svc, c.get('actor'))} lists={svc.lists} />);
  });

  api.route(app, doc({ method: 'get', path: '/series/nieuw', summary: 'Form: a new series', security: 'session', responses: { '200': { description: 'The form', contentTypes: html } } }), async (c) => {
    mustLogIn(c);
    return c.html(<NewSeriesPage organisations={await myOrganisations(c)} lists={svc.lists} />);
  });

  api.route(app, doc({ method: 'post', path: '/series/nieuw', summary: 'Create a series from the form', security: 'session', responses: { '303': { description: 'To the new series' } } }), async (c) => {
    const form = (await c.req.parseBody()) as Form;
    const s = await svc.create(ctxOf(c), {
      organisatie: text(form, 'organisatie') ?? '',
      ...(text(form, 'vanSerie') ? { vanSerie: text(form, 'vanSerie') } : {}),
      ...(text(form, 'sjabloon') ? { sjabloon: text(form, 'sjabloon') } : {}),
      content: contentOfForm(form),
    });
    return c.redirect(`/doc/serie/${s.id}`, 303);
  });

  api.route(app, doc({ method: 'get', path: `/series/:id${ID}/bewerken`, summary: 'Form: edit the working version', security: 'session', responses: { '200': { description: 'The form', contentTypes: html } } }), async (c) => {
    mustLogIn(c);
    const s = await svc.get(c.req.param('id') ?? '');
    const w = workingVersion(s);
    if (!w || w.status !== 'ontwerp') throw new AppError('conflict', 'Deze serie heeft geen versie in ontwerp');
    return c.html(<EditSeriesPage id={s.id} etag={s.etag} content={w} lists={svc.lists} />);
  });

  api.route(app, doc({ method: 'post', path: `/series/:id${ID}/bewerken`, summary: 'Save the edit form', security: 'session', responses: { '303': { description: 'To the series' }, '409': { description: 'Changed meanwhile' } } }), async (c) => {
    const form = (await c.req.parseBody()) as Form;
    const etag = Number(text(form, 'etag'));
    const s = await svc.update(ctxOf(c), c.req.param('id') ?? '', Number.isInteger(etag) ? etag : undefined, contentOfForm(form));
    return c.redirect(`/doc/serie/${s.id}`, 303);
  });

  api.route(app, doc({ method: 'post', path: `/series/:id${ID}/acties`, summary: 'Take a workflow action from the series page', security: 'session', responses: { '303': { description: 'To the series' } } }), async (c) => {
    const form = (await c.req.parseBody()) as Form;
    const actie = text(form, 'actie') ?? '';
    if (!(ACTIONS as readonly string[]).includes(actie)) throw new AppError('bad_request', `Onbekende actie ${actie}`);
    const etag = Number(text(form, 'etag'));
    const s = await svc.act(ctxOf(c), c.req.param('id') ?? '', actie as WorkflowAction, {
      ...(text(form, 'opmerking') ? { opmerking: text(form, 'opmerking') } : {}),
      ...(Number.isInteger(etag) ? { etag } : {}),
    });
    return c.redirect(`/doc/serie/${s.id}`, 303);
  });

  api.route(app, doc({ method: 'get', path: '/series/import', summary: 'Form: import a sheet', security: 'session', responses: { '200': { description: 'The form', contentTypes: html } } }), async (c) => {
    mustLogIn(c);
    return c.html(<ImportPage organisations={await myOrganisations(c)} />);
  });

  api.route(app, doc({ method: 'post', path: '/series/import', summary: 'Import a sheet from the form; answers the report', security: 'session', responses: { '200': { description: 'Geaccepteerd', contentTypes: html }, '422': { description: 'Geweigerd', contentTypes: html } } }), async (c) => {
    const form = (await c.req.parseBody()) as Form;
    const file = form.bestand;
    if (!(file instanceof File)) throw new AppError('bad_request', 'Kies een bestand');
    const format = file.name.toLowerCase().endsWith('.csv') || file.type === 'text/csv' ? 'csv' : file.type === XLSX_TYPE || file.name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : null;
    if (!format) throw new AppError('unsupported_media_type', 'Laad een XLSX- of CSV-bestand op');
    const report = await importSheet(svc, ctxOf(c), text(form, 'organisatie') ?? '', new Uint8Array(await file.arrayBuffer()), format);
    return c.html(<ImportPage organisations={await myOrganisations(c)} report={report} />, report.status === 'Geaccepteerd' ? 200 : 422);
  });

  return app;
}

function sixMonths(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 6);
  return d.toISOString().slice(0, 10);
}
