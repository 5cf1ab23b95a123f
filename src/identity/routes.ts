/**
 * JSON API of organisations, their role grants and API tokens (mounted at /api/organisaties).
 * Thin: parse and validate the request, call the service (which authorises and audits), answer.
 */
import { Hono, type Context } from 'hono';
import type { AuditContext } from '../shared/audit/audit-log.js';
import { AppError, notFound } from '../shared/errors.js';
import type { AppEnv } from '../shared/http/context.js';
import type { ApiScope, RouteDoc } from '../shared/http/openapi.js';
import type { IdentityServices } from './index.js';
import { createOrganisationBody, grantBody, organisationFields, parseInput, SLUG, tokenBody } from './model.js';
import type { VersionedOrganisation } from './organisations.js';

export const ctxOf = (c: Context<AppEnv>): AuditContext => ({ actor: c.get('actor'), requestId: c.get('requestId') });

const etag = (version: number) => `"${version}"`;

/** The version named by If-Match (`"3"` or `W/"3"`); undefined when absent or `*`. */
export function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(header);
  if (!m) throw new AppError('bad_request', 'If-Match must be one ETag of this resource, e.g. "3"');
  return Number(m[1]);
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

export function slugParam(c: Context<AppEnv>): string {
  const slug = c.req.param('slug') ?? '';
  if (!SLUG.test(slug)) throw notFound(`The organisation ${JSON.stringify(slug)}`);
  return slug;
}

const sendOrganisation = (c: Context<AppEnv>, v: VersionedOrganisation, status: 200 | 201) => {
  c.header('ETag', etag(v.version));
  return c.json({ ...v.organisation, version: v.version }, status);
};

const auth = { '401': { description: 'Not logged in and no bearer token' }, '403': { description: 'Not allowed for this organisation' } };
const json = ['application/json'];

export function identityApiRoutes(services: IdentityServices, api: ApiScope): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { organisations, grants, tokens } = services;
  const tags = ['Organisations and access'];
  const doc = (d: Omit<RouteDoc, 'tags'>): RouteDoc => ({ tags, ...d });

  api.route(
    app,
    doc({
      method: 'get',
      path: '/',
      summary: 'List organisations',
      description: 'Every organisation with its identifiers (OVO, KBO, OIN), OWMS or LBLOD IRI and classification. Public.',
      responses: { '200': { description: 'The organisations', contentTypes: json } },
    }),
    async (c) => c.json({ organisations: await organisations.list() }),
  );

  api.route(
    app,
    doc({
      method: 'post',
      path: '/',
      summary: 'Register an organisation',
      description: 'Platform beheerders only. Body: {slug, name, ovo?, kbo?, oin?, owms?, lblod?, classification?}.',
      security: 'bearer',
      requestBody: { description: 'The organisation', contentTypes: json },
      responses: {
        '201': { description: 'Created (ETag = its version)', contentTypes: json },
        '400': { description: 'Malformed body' },
        '409': { description: 'The slug or an identifier is taken' },
        '422': { description: 'SHACL report (e.g. a malformed OVO code or KBO number)' },
        ...auth,
      },
    }),
    async (c) => {
      const input = parseInput(createOrganisationBody, await jsonBody(c));
      const v = await organisations.create(ctxOf(c), input);
      c.header('Location', `/api/organisaties/${v.organisation.slug}`);
      return sendOrganisation(c, v, 201);
    },
  );

  api.route(
    app,
    doc({
      method: 'get',
      path: '/:slug',
      summary: 'Read an organisation',
      description: 'Public. The ETag is the version to send in If-Match when changing it.',
      responses: { '200': { description: 'The organisation', contentTypes: json }, '404': { description: 'No such organisation' } },
    }),
    async (c) => sendOrganisation(c, await organisations.get(slugParam(c)), 200),
  );

  api.route(
    app,
    doc({
      method: 'put',
      path: '/:slug',
      summary: 'Change an organisation',
      description:
        "Replaces the organisation's description. A beheerder or the organisation's organisatiebeheerder. Send If-Match with the ETag you read: a stale one is refused with 409.",
      security: 'bearer',
      parameters: [{ name: 'If-Match', in: 'header', description: 'ETag of the version the change is based on' }],
      requestBody: { description: 'The organisation (without slug)', contentTypes: json },
      responses: {
        '200': { description: 'Changed (new ETag)', contentTypes: json },
        '404': { description: 'No such organisation' },
        '409': { description: 'Changed by someone else meanwhile (If-Match), or an identifier is taken' },
        '422': { description: 'SHACL report' },
        ...auth,
      },
    }),
    async (c) => {
      const slug = slugParam(c);
      const expect = ifMatchVersion(c.req.header('if-match'));
      const input = parseInput(organisationFields, await jsonBody(c));
      return sendOrganisation(c, await organisations.update(ctxOf(c), slug, input, expect), 200);
    },
  );

  api.route(
    app,
    doc({
      method: 'get',
      path: '/:slug/rollen',
      summary: "List an organisation's role grants",
      description: 'Active grants in this organisation. Who may grant roles here may list them.',
      security: 'bearer',
      responses: { '200': { description: 'The grants', contentTypes: json }, ...auth },
    }),
    async (c) => c.json({ grants: await grants.list(c.get('actor'), slugParam(c)) }),
  );

  api.route(
    app,
    doc({
      method: 'post',
      path: '/:slug/rollen',
      summary: 'Grant a role',
      description:
        'Body: {user (IRI or id), role, committee?}. Organisation roles are granted in this organisation (beheerder or its organisatiebeheerder); platform roles and committee roles (with committee) by a beheerder only.',
      security: 'bearer',
      requestBody: { description: 'The grant', contentTypes: json },
      responses: {
        '201': { description: 'Granted', contentTypes: json },
        '409': { description: 'The user already has that role there' },
        '422': { description: 'Unknown user, or a role granted in the wrong kind of scope' },
        ...auth,
      },
    }),
    async (c) => {
      const slug = slugParam(c);
      const input = parseInput(grantBody, await jsonBody(c));
      const grant = await grants.create(ctxOf(c), slug, input);
      c.header('Location', `/api/organisaties/${slug}/rollen/${grant.id}`);
      return c.json(grant, 201);
    },
  );

  api.route(
    app,
    doc({
      method: 'delete',
      path: '/:slug/rollen/:id',
      summary: 'Revoke a role grant',
      description: 'The grant is marked revoked (kept for the record).',
      security: 'bearer',
      responses: { '204': { description: 'Revoked' }, '404': { description: 'No such grant here' }, '409': { description: 'Already revoked' }, ...auth },
    }),
    async (c) => {
      await grants.revoke(ctxOf(c), slugParam(c), c.req.param('id') ?? '');
      return c.body(null, 204);
    },
  );

  api.route(
    app,
    doc({
      method: 'get',
      path: '/:slug/tokens',
      summary: "List an organisation's API tokens",
      description: 'Valid and revoked tokens, without their secrets.',
      security: 'bearer',
      responses: { '200': { description: 'The tokens', contentTypes: json }, ...auth },
    }),
    async (c) => c.json({ tokens: await tokens.list(c.get('actor'), slugParam(c)) }),
  );

  api.route(
    app,
    doc({
      method: 'post',
      path: '/:slug/tokens',
      summary: 'Issue an API token',
      description:
        'Body: {name, roles}. Roles of this organisation only. The answer carries the token (stl_...) once; Stelsel keeps only its SHA-256 hash.',
      security: 'bearer',
      requestBody: { description: 'Name and roles', contentTypes: json },
      responses: { '201': { description: 'Issued; `token` is shown only now', contentTypes: json }, '422': { description: 'A role that is not an organisation role' }, ...auth },
    }),
    async (c) => {
      const slug = slugParam(c);
      const input = parseInput(tokenBody, await jsonBody(c));
      const issued = await tokens.issue(ctxOf(c), slug, input);
      c.header('Cache-Control', 'no-store');
      c.header('Location', `/api/organisaties/${slug}/tokens/${issued.id}`);
      return c.json(issued, 201);
    },
  );

  api.route(
    app,
    doc({
      method: 'delete',
      path: '/:slug/tokens/:id',
      summary: 'Revoke an API token',
      description: 'The token stops working at once; its record is kept.',
      security: 'bearer',
      responses: { '204': { description: 'Revoked' }, '404': { description: 'No such token here' }, '409': { description: 'Already revoked' }, ...auth },
    }),
    async (c) => {
      await tokens.revoke(ctxOf(c), slugParam(c), c.req.param('id') ?? '');
      return c.body(null, 204);
    },
  );

  return app;
}
