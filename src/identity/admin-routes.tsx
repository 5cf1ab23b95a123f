/** @jsxImportSource hono/jsx */
/**
 * Administration pages (mounted at /beheer): organisations, their role grants and API tokens.
 * Plain HTML forms posting back here (no JavaScript); the services authorise and audit exactly as
 * for the JSON API. A change answers 303 to the organisation's page (POST/redirect/GET), except
 * issuing a token, whose answer is the one page that shows the secret.
 */
import { Hono, type Context } from 'hono';
import { can, Denied } from '../shared/auth/policy.js';
import type { AppEnv, CoreDeps } from '../shared/http/context.js';
import type { ApiScope, RouteDoc } from '../shared/http/openapi.js';
import { listUsers } from './grants.js';
import type { IdentityServices } from './index.js';
import { createOrganisationBody, grantBody, organisationFields, parseInput, tokenBody } from './model.js';
import { ctxOf, slugParam } from './routes.js';
import { AdminOrganisationPage } from './views/admin-organisation.js';
import { AdminOrganisationsPage } from './views/admin-organisations.js';
import { AdminTokenIssuedPage } from './views/admin-token-issued.js';

type Form = Record<string, string | File | (string | File)[]>;

/** A text field of a form: trimmed, and absent when empty. */
function text(form: Form, name: string): string | undefined {
  const v = form[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
}

function texts(form: Form, name: string): string[] {
  const v = form[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((s): s is string => typeof s === 'string');
}

const ORG_FIELDS = ['name', 'ovo', 'kbo', 'oin', 'owms', 'lblod', 'classification'] as const;

function organisationForm(form: Form): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of ORG_FIELDS) {
    const v = text(form, f);
    if (v !== undefined) out[f] = v;
  }
  return out;
}

const html = ['text/html'];

export function identityAdminRoutes(deps: CoreDeps, services: IdentityServices, api: ApiScope): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { organisations, grants, tokens } = services;
  const platform = deps.uris.platform.value;
  const tags = ['Administration pages'];
  const doc = (d: Omit<RouteDoc, 'tags' | 'security'>): RouteDoc => ({ tags, security: 'session', ...d });
  const refused = { '401': { description: 'Not logged in' }, '403': { description: 'No administration rights here' } };
  const back = (c: Context<AppEnv>, slug: string) => c.redirect(`/beheer/organisaties/${slug}`, 303);

  api.route(
    app,
    doc({
      method: 'get',
      path: '/organisaties',
      summary: 'Organisations to administer',
      description: "The organisations whose roles and tokens the visitor manages (a beheerder: all, with the platform's own roles).",
      responses: { '200': { description: 'The page', contentTypes: html }, ...refused },
    }),
    async (c) => {
      const actor = c.get('actor');
      const beheerder = can(actor, 'organisation.create', undefined, platform);
      const all = await organisations.list();
      const mine = all.filter((o) => can(actor, 'token.list', o.iri, platform));
      if (!beheerder && !mine.length) throw new Denied(actor, 'token.list', undefined);
      const beyondOrganisations = beheerder ? await grants.listBeyondOrganisations(actor) : [];
      return c.html(<AdminOrganisationsPage organisations={mine} beheerder={beheerder} beyondOrganisations={beyondOrganisations} />);
    },
  );

  api.route(
    app,
    doc({
      method: 'post',
      path: '/organisaties',
      summary: 'Register an organisation (form)',
      requestBody: { description: 'slug, name, ovo, kbo, oin, owms, lblod, classification', contentTypes: ['application/x-www-form-urlencoded'] },
      responses: { '303': { description: "To the organisation's page" }, '422': { description: 'SHACL report' }, ...refused },
    }),
    async (c) => {
      const form = await c.req.parseBody({ all: true });
      const input = parseInput(createOrganisationBody, { slug: text(form, 'slug') ?? '', ...organisationForm(form) });
      const v = await organisations.create(ctxOf(c), input);
      return back(c, v.organisation.slug);
    },
  );

  api.route(
    app,
    doc({
      method: 'get',
      path: '/organisaties/:slug',
      summary: "An organisation's administration page",
      description: 'Its data, role grants and API tokens, with forms to change them.',
      responses: { '200': { description: 'The page', contentTypes: html }, '404': { description: 'No such organisation' }, ...refused },
    }),
    async (c) => {
      const slug = slugParam(c);
      const actor = c.get('actor');
      // Listing tokens and grants authorises the visitor for this organisation.
      const tokenList = await tokens.list(actor, slug);
      const grantList = await grants.list(actor, slug);
      const { organisation, version } = await organisations.get(slug);
      const users = await listUsers(deps);
      const beheerder = can(actor, 'grant.create', platform, platform);
      c.header('Cache-Control', 'no-store');
      return c.html(
        <AdminOrganisationPage org={organisation} version={version} grants={grantList} tokens={tokenList} users={users} beheerder={beheerder} />,
      );
    },
  );

  api.route(
    app,
    doc({
      method: 'post',
      path: '/organisaties/:slug',
      summary: 'Change an organisation (form)',
      description: 'The hidden field "version" plays the role of If-Match: a stale form is refused with 409.',
      requestBody: { description: 'version, name, ovo, kbo, oin, owms, lblod, classification', contentTypes: ['application/x-www-form-urlencoded'] },
      responses: { '303': { description: "Back to the organisation's page" }, '409': { description: 'Changed by someone else meanwhile' }, '422': { description: 'SHACL report' }, ...refused },
    }),
    async (c) => {
      const slug = slugParam(c);
      const form = await c.req.parseBody({ all: true });
      const input = parseInput(organisationFields, organisationForm(form));
      const version = text(form, 'version');
      const expect = version !== undefined && /^\d{1,15}$/.test(version) ? Number(version) : undefined;
      await organisations.update(ctxOf(c), slug, input, expect);
      return back(c, slug);
    },
  );

  api.route(
    app,
    doc({
      method: 'post',
      path: '/organisaties/:slug/rollen',
      summary: 'Grant a role (form)',
      requestBody: { description: 'user, role, committee', contentTypes: ['application/x-www-form-urlencoded'] },
      responses: { '303': { description: "Back to the organisation's page" }, '409': { description: 'Already granted' }, ...refused },
    }),
    async (c) => {
      const slug = slugParam(c);
      const form = await c.req.parseBody({ all: true });
      const committee = text(form, 'committee');
      const input = parseInput(grantBody, { user: text(form, 'user') ?? '', role: text(form, 'role') ?? '', ...(committee ? { committee } : {}) });
      await grants.create(ctxOf(c), slug, input);
      return back(c, slug);
    },
  );

  api.route(
    app,
    doc({
      method: 'post',
      path: '/organisaties/:slug/rollen/:id/intrekken',
      summary: 'Revoke a role grant (form)',
      responses: { '303': { description: "Back to the organisation's page" }, '404': { description: 'No such grant here' }, ...refused },
    }),
    async (c) => {
      const slug = slugParam(c);
      await grants.revoke(ctxOf(c), slug, c.req.param('id') ?? '');
      return back(c, slug);
    },
  );

  api.route(
    app,
    doc({
      method: 'post',
      path: '/organisaties/:slug/tokens',
      summary: 'Issue an API token (form)',
      description: 'Answers with the one page that shows the secret.',
      requestBody: { description: 'name, roles (repeated)', contentTypes: ['application/x-www-form-urlencoded'] },
      responses: { '201': { description: 'The token, shown once', contentTypes: html }, ...refused },
    }),
    async (c) => {
      const slug = slugParam(c);
      const form = await c.req.parseBody({ all: true });
      const input = parseInput(tokenBody, { name: text(form, 'name') ?? '', roles: texts(form, 'roles') });
      const issued = await tokens.issue(ctxOf(c), slug, input);
      const { organisation } = await organisations.get(slug);
      c.header('Cache-Control', 'no-store');
      return c.html(<AdminTokenIssuedPage org={organisation} issued={issued} />, 201);
    },
  );

  api.route(
    app,
    doc({
      method: 'post',
      path: '/organisaties/:slug/tokens/:id/intrekken',
      summary: 'Revoke an API token (form)',
      responses: { '303': { description: "Back to the organisation's page" }, '404': { description: 'No such token here' }, ...refused },
    }),
    async (c) => {
      const slug = slugParam(c);
      await tokens.revoke(ctxOf(c), slug, c.req.param('id') ?? '');
      return back(c, slug);
    },
  );

  return app;
}
