/** @jsxImportSource hono/jsx */
/**
 * Logging in and out: OIDC (GET /login, GET /auth/callback), the demo login (only mounted in demo
 * mode), POST /logout, and GET /api/me (who am I, for every kind of caller).
 *
 * A failed login never becomes a 500: it is a 400/401/502 page, audited as 'login.failed'.
 */
import { randomBytes } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { AuditLog } from '../shared/audit/audit-log.js';
import type { Actor } from '../shared/auth/actor.js';
import type { AppEnv } from '../shared/http/context.js';
import type { ApiScope } from '../shared/http/openapi.js';
import type { TripleStore } from '../shared/store/port.js';
import type { UriPolicy } from '../shared/uri.js';
import { grantsOf, listDemoUsers } from './grants.js';
import { LoginService } from './login-service.js';
import { createOrganisationDirectory } from './organisations.js';
import { LoginFailed, mapClaims, OidcLogin, type OrganisationLookup } from './oidc.js';
import { SessionCookies, SessionTooLarge, type StoredGrants } from './session.js';
import { DemoLoginPage, LoginProblemPage, type DemoUser } from './views/login-pages.js';

/** The demo users (identity module), one per role; only used in demo mode. */
export interface DemoUserList {
  listDemoUsers(): Promise<DemoUser[]>;
}

/** Everything the login routes need; built once by createLogin. */
export interface Login {
  sessions: SessionCookies;
  service: LoginService;
  oidc?: OidcLogin;
  organisations: OrganisationLookup;
  demoUsers?: DemoUserList;
}

/** The paths rate-limited as login endpoints (src/app.ts). */
export const LOGIN_PATHS = ['/login', '/auth/callback', '/demo/login'] as const;
/** Form endpoints that are CSRF-checked even without a session cookie. */
export const LOGIN_FORM_PATHS = ['/logout', '/demo/login'] as const;

/**
 * Wires login from the configuration: undefined when there is no way to log in (no OIDC, no demo
 * mode). In demo mode without SESSION_SECRET a random secret is made: sessions end at restart.
 * Organisations, stored grants and demo users come from the store unless given (tests).
 */
export function createLogin(deps: {
  config: Config;
  store: TripleStore;
  uris: UriPolicy;
  audit: AuditLog;
  logger: Logger;
  organisations?: OrganisationLookup;
  storedGrants?: StoredGrants;
  demoUsers?: DemoUserList;
}): Login | undefined {
  const { config, logger } = deps;
  if (!config.oidc && !config.demo) return undefined;
  let secret = config.session.secret;
  if (!secret) {
    if (!config.demo) throw new Error('SESSION_SECRET is required for OIDC login');
    secret = randomBytes(32).toString('base64url');
    logger.warn('SESSION_SECRET was not set; generated one for this demo run (sessions end at restart)');
  }
  return {
    sessions: new SessionCookies({
      secret,
      ttlSeconds: config.session.ttlSeconds,
      secure: config.baseUrl.startsWith('https://'),
      storedGrants: deps.storedGrants ?? { grantsOf: (iri) => grantsOf(deps, iri) },
    }),
    service: new LoginService(deps),
    oidc: config.oidc ? new OidcLogin(config.oidc, logger) : undefined,
    organisations: deps.organisations ?? createOrganisationDirectory(deps),
    demoUsers: config.demo ? (deps.demoUsers ?? { listDemoUsers: () => listDemoUsers(deps) }) : undefined,
  };
}

/** Sets where the page header's "Aanmelden" link points (src/shared/render/layout.tsx). */
export function loginLink(login: Login | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (login) c.set('loginPath', '/login');
    await next();
  };
}

/** A local path to return to after login; anything else becomes '/'. */
export function safeNext(next: string | undefined): string {
  if (!next || next.length > 500 || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  return /^[\x21-\x7e]+$/.test(next) ? next : '/';
}

function describeActor(actor: Actor, session?: { via: string; expires: number }) {
  switch (actor.kind) {
    case 'anonymous':
      return { kind: actor.kind };
    case 'bootstrap':
      return { kind: actor.kind, iri: actor.iri };
    case 'token':
      return { kind: actor.kind, iri: actor.iri, name: actor.name, grants: actor.grants };
    case 'user':
      return {
        kind: actor.kind,
        iri: actor.iri,
        name: actor.name,
        grants: actor.grants,
        ...(session ? { session: { via: session.via, expires: new Date(session.expires).toISOString() } } : {}),
      };
  }
}

export function createLoginRoutes(deps: { config: Config; uris: UriPolicy; login?: Login }, api: ApiScope): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { login, config } = deps;

  api.route(
    app,
    {
      method: 'get',
      path: '/api/me',
      summary: 'Who am I',
      description: 'The caller as Stelsel sees it: anonymous, a logged-in user (session cookie) with its role grants, an API token, or the bootstrap token.',
      tags: ['Identity'],
      security: 'session',
      responses: { '200': { description: 'The caller', contentTypes: ['application/json'] } },
    },
    async (c) => {
      const actor = c.get('actor');
      const session = actor.kind === 'user' && login ? await login.sessions.read(c) : null;
      c.header('Cache-Control', 'no-store');
      return c.json(describeActor(actor, session ?? undefined));
    },
  );

  const problem = (c: Context<AppEnv>, e: LoginFailed, retry = true) => {
    c.header('Cache-Control', 'no-store');
    return c.html(<LoginProblemPage status={e.status} reason={e.reason} requestId={c.get('requestId')} retry={retry} />, e.status);
  };

  /** Audits a failed login (never letting the audit write turn it into a 500) and shows the page. */
  const failed = async (c: Context<AppEnv>, e: LoginFailed) => {
    await login?.service.failed(c.get('requestId'), e.reason).catch((err: unknown) => c.get('log').error({ err }, 'could not audit a failed login'));
    c.get('log').info({ status: e.status, reason: e.reason }, 'login failed');
    return problem(c, e);
  };

  api.route(
    app,
    {
      method: 'get',
      path: '/login',
      summary: 'Log in',
      description: 'Starts the OpenID Connect login (redirect to the login service); in demo mode without OIDC, the demo login page.',
      tags: ['Identity'],
      parameters: [{ name: 'next', in: 'query', description: 'Local path to return to after login.' }],
      responses: { '302': { description: 'To the login service' }, '404': { description: 'No login on this site' } },
    },
    async (c) => {
      if (!login) return problem(c, new LoginFailed(404, 'Nobody logs in on this site: login is not configured, and its data are public'), false);
      if (!login.oidc) return c.redirect('/demo/login', 303);
      try {
        const { url, transaction } = await login.oidc.begin(safeNext(c.req.query('next')));
        await login.sessions.saveLogin(c, transaction);
        c.header('Cache-Control', 'no-store');
        return c.redirect(url.href, 302);
      } catch (err) {
        if (err instanceof LoginFailed) return failed(c, err);
        throw err;
      }
    },
  );

  if (login?.oidc) {
    const oidc = login.oidc;
    api.route(
      app,
      {
        method: 'get',
        path: '/auth/callback',
        summary: 'Login callback',
        description: 'Where the login service sends the browser back (authorization code, state); starts the session.',
        tags: ['Identity'],
        hidden: true,
        responses: { '303': { description: 'Logged in' }, '400': { description: 'Bad or expired login' }, '401': { description: 'Refused or unverifiable' } },
      },
      async (c) => {
        const requestId = c.get('requestId');
        try {
          const tx = await login.sessions.takeLogin(c);
          if (!tx) throw new LoginFailed(400, 'This login was not started here or took too long (more than 10 minutes); start again');
          const { issuer, claims } = await oidc.complete(new URL(c.req.url).searchParams, tx);
          const user = await mapClaims(claims, issuer, oidc.settings, { uris: deps.uris, organisations: login.organisations });
          if (user.ignored.length) c.get('log').warn({ user: user.iri, ignored: user.ignored }, 'role claim values ignored');
          const sealed = await login.sessions.seal(user, 'oidc');
          await login.service.loggedIn(requestId, user, { via: 'oidc', issuer, subject: user.subject, ignored: user.ignored });
          login.sessions.set(c, sealed);
          c.get('log').info({ user: user.iri, grants: user.grants.length }, 'logged in (OIDC)');
          c.header('Cache-Control', 'no-store');
          return c.redirect(tx.next, 303);
        } catch (err) {
          if (err instanceof LoginFailed) return failed(c, err);
          if (err instanceof SessionTooLarge) return failed(c, new LoginFailed(400, 'You have too many roles to fit in a session; ask a beheerder'));
          throw err;
        }
      },
    );
  }

  if (login) {
    api.route(
      app,
      {
        method: 'post',
        path: '/logout',
        summary: 'Log out',
        description: "Ends the session; after an OIDC login also the login service's session (RP-initiated logout).",
        tags: ['Identity'],
        security: 'session',
        responses: { '303': { description: 'Logged out' } },
      },
      async (c) => {
        const actor = c.get('actor');
        const session = await login.sessions.read(c);
        login.sessions.clear(c);
        if (actor.kind === 'user') await login.service.loggedOut(c.get('requestId'), actor);
        const providerLogout = session?.via === 'oidc' && login.oidc ? await login.oidc.logoutUrl() : null;
        c.header('Cache-Control', 'no-store');
        return c.redirect(providerLogout?.href ?? '/', 303);
      },
    );
  }

  // Demo login: mounted only in demo mode, so it cannot be reached in any other configuration.
  if (login && config.demo) {
    const demoUsers = login.demoUsers;
    const list = async () => (demoUsers ? await demoUsers.listDemoUsers() : []);
    api.route(
      app,
      {
        method: 'get',
        path: '/demo/login',
        summary: 'Demo login (demo mode only)',
        tags: ['Identity'],
        hidden: true,
        responses: { '200': { description: 'The demo users', contentTypes: ['text/html'] } },
      },
      async (c) => c.html(<DemoLoginPage users={await list()} />),
    );
    api.route(
      app,
      {
        method: 'post',
        path: '/demo/login',
        summary: 'Log in as a demo user (demo mode only)',
        tags: ['Identity'],
        hidden: true,
        responses: { '303': { description: 'Logged in' }, '400': { description: 'Not a demo user' } },
      },
      async (c) => {
        const form = await c.req.parseBody();
        const iri = typeof form.user === 'string' ? form.user : '';
        const user = (await list()).find((u) => u.iri === iri);
        if (!user) return failed(c, new LoginFailed(400, 'Choose one of the demo users on this page'));
        const sealed = await login.sessions.seal(user, 'demo');
        await login.service.loggedIn(c.get('requestId'), user, { via: 'demo' });
        login.sessions.set(c, sealed);
        return c.redirect('/', 303);
      },
    );
  }

  return app;
}
