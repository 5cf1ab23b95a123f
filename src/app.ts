/**
 * The Hono application: cross-cutting middleware, one error mapper, and the sub-apps of each
 * area mounted at their prefixes. No I/O happens here; src/main.ts wires the dependencies.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { contextStorage } from 'hono/context-storage';
import type { Logger } from 'pino';
import { AppError } from './shared/errors.js';
import { renderError, toAppError, STATUS } from './shared/http/errors.js';
import type { AppEnv, CoreDeps } from './shared/http/context.js';
import { ApiRegistry } from './shared/http/openapi.js';
import type { ShaclValidator } from './shared/shacl/validator.js';
import { createHealthRoutes } from './health/routes.js';
import { Denied } from './shared/auth/policy.js';
import { namedNode } from './shared/rdf/factory.js';
import { authenticate, type SessionResolver, type TokenResolver } from './shared/auth/authenticate.js';
import { createGraphStoreRoutes } from './graphs/routes.js';
import { createSparqlRoutes } from './sparql/routes.js';
import type { SparqlEndpointService } from './sparql/service.js';
import { createHomeRoutes } from './home/routes.js';
import { createSeriesRoutes } from './series/index.js';
import { createDecisionRoutes } from './decisions/index.js';
import { isAttachmentUpload } from './decisions/attachment-paths.js';
import { createLinkedDataRoutes } from './linked-data/routes.js';
import { AUDIT_PATH, createAuditRoutes } from './audit/index.js';
import { createIdentityAdminRoutes, createIdentityApiRoutes } from './identity/index.js';
import { CATALOGUE_API_PATH, createCatalogueRoutes, createProductRoutes, productDocumentView } from './catalog/index.js';
import { createScPublicationRoutes } from './catalog/export/index.js';
import { createValidatorRoutes } from './catalog/validator/index.js';
import { createCpsvRoutes } from './catalog/cpsv/index.js';
import { createHarvestRoutes } from './catalog/harvest/index.js';
import { createSruRoutes, SRU_PATH } from './sru/index.js';
import { createSearchPageRoutes } from './sru/page/index.js';
import { csrfProtection } from './shared/http/csrf.js';
import { rateLimit } from './shared/http/rate-limit.js';
import { createLoginRoutes, LOGIN_FORM_PATHS, LOGIN_PATHS, loginLink, type Login } from './identity/login-routes.js';
import { SESSION_COOKIE } from './identity/session.js';

export interface AppDeps extends CoreDeps {
  validator: ShaclValidator;
  /** Resolves API tokens to actors (identity module). */
  tokens?: TokenResolver;
  /** Resolves the session cookie to a user (identity module). */
  sessions?: SessionResolver;
  /** Login (OIDC, demo login) and its sessions; absent when nobody can log in (identity module). */
  login?: Login;
  sparql: SparqlEndpointService;
  /** Whether the store has finished loading (GET /health answers 503 until then). */
  ready: () => boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function createApp(deps: AppDeps): { app: Hono<AppEnv>; registry: ApiRegistry } {
  const app = new Hono<AppEnv>();
  const registry = new ApiRegistry();

  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const log: Logger = deps.logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    const t0 = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - t0) * 10) / 10 }, 'request');
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
      },
      xFrameOptions: 'DENY',
      xContentTypeOptions: 'nosniff',
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginResourcePolicy: 'cross-origin',
    }),
  );
  const limitBody = bodyLimit({
    maxSize: deps.config.bodyLimitBytes,
    onError: () => {
      throw new AppError('payload_too_large', `The request body is larger than ${deps.config.bodyLimitBytes} bytes`);
    },
  });
  // Attachment uploads have their own limit (DECISIONS_ATTACHMENT_MAX_BYTES), enforced while reading.
  app.use('*', (c, next) => (isAttachmentUpload(c.req.method, c.req.path) ? next() : limitBody(c, next)));

  app.use('*', contextStorage()); // lets the page frame show who is logged in
  const loginLimit = rateLimit({ ...deps.config.rateLimit, what: 'login' });
  for (const p of LOGIN_PATHS) app.use(p, loginLimit);
  const tokenLimit = rateLimit({ ...deps.config.rateLimit, what: 'API tokens' });
  for (const p of ['/api/organisaties/:org/tokens/*', '/beheer/organisaties/:org/tokens/*']) app.use(p, tokenLimit);
  app.use('*', csrfProtection({ origin: new URL(deps.config.baseUrl).origin, sessionCookie: SESSION_COOKIE, alwaysPaths: LOGIN_FORM_PATHS }));
  const sessions = deps.sessions ?? deps.login?.sessions;
  app.use('*', authenticate({ adminToken: deps.config.adminToken, bootstrapIri: deps.uris.id('agent', 'bootstrap').value, tokens: deps.tokens, sessions }));
  app.use('*', loginLink(deps.login));

  app.route('/', createHealthRoutes(deps, registry.scope('')));
  app.route('/sparql', createSparqlRoutes(deps, registry.scope('/sparql')));
  app.route('/api/graphs', createGraphStoreRoutes(deps, registry.scope('/api/graphs')));
  app.route(AUDIT_PATH, createAuditRoutes(deps, registry.scope(AUDIT_PATH)));
  app.route('/api/organisaties', createIdentityApiRoutes(deps, registry.scope('/api/organisaties')));
  app.route(CATALOGUE_API_PATH, createCatalogueRoutes(deps, registry.scope(CATALOGUE_API_PATH)));
  app.route('/beheer', createIdentityAdminRoutes(deps, registry.scope('/beheer')));
  app.route('/', createLoginRoutes(deps, registry.scope('')));
  app.route('/', createScPublicationRoutes(deps, registry.scope('')));
  app.route('/', createValidatorRoutes(deps, registry.scope('')));
  app.route('/', createCpsvRoutes(deps, registry.scope('')));
  app.route('/', createProductRoutes(deps, registry.scope('')));
  app.route(SRU_PATH, createSruRoutes(deps, registry.scope(SRU_PATH)));
  app.route('/', createHarvestRoutes(deps, registry.scope('')));
  app.route('/', createSeriesRoutes(deps, registry));
  app.route('/', createSearchPageRoutes(deps, registry.scope('')));
  app.route('/', createDecisionRoutes(deps, registry));
  app.route('/', createHomeRoutes({ ...deps, registry }, registry.scope('')));
  app.route('/', createLinkedDataRoutes({ ...deps, views: [productDocumentView(deps)] }, registry.scope('')));

  app.notFound((c) => renderError(c, new AppError('not_found', `No page at ${c.req.path}`), c.get('requestId') ?? randomUUID()));
  app.onError(async (err, c) => {
    const e = toAppError(err);
    const requestId = c.get('requestId') ?? randomUUID();
    const log = c.get('log') ?? deps.logger;
    if (err instanceof Denied) {
      // Every failed authorisation is part of the audit trail.
      await deps.audit
        .record(
          { actor: err.actor, requestId },
          { action: 'authorization.denied', outcome: 'denied', detail: `${err.action} ${c.req.method} ${c.req.path}`.slice(0, 300), ...(err.scope ? { scope: namedNode(err.scope) } : {}) },
        )
        .catch((auditErr: unknown) => log.error({ err: auditErr }, 'could not record a denied authorisation'));
    }
    if (STATUS[e.code] >= 500) log.error({ err, code: e.code }, 'request failed');
    else log.info({ code: e.code, message: e.message }, 'request refused');
    return renderError(c, e, requestId);
  });

  return { app, registry };
}
