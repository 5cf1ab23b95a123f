/**
 * The identity module's public surface: organisations and their directory (for the ACM/IDM
 * `vo_orgcode` claim), users' role grants (for sessions), the demo users (for the demo login
 * page), the API token resolver (for authenticate()), and the routes.
 */
import type { Hono } from 'hono';
import type { AppEnv, CoreDeps } from '../shared/http/context.js';
import type { ApiScope } from '../shared/http/openapi.js';
import { identityAdminRoutes } from './admin-routes.js';
import { GrantService } from './grants.js';
import { OrganisationRepository, OrganisationService } from './organisations.js';
import { identityApiRoutes } from './routes.js';
import { TokenService } from './tokens.js';

export type { DemoUser, GrantView, IssuedToken, Organisation, TokenView, UserSummary } from './model.js';
export {
  codeLiteral,
  createOrganisationDirectory,
  type IdentityStoreDeps,
  type OrganisationDirectory,
} from './organisations.js';
export { grantsOf, listDemoUsers, listUsers } from './grants.js';
export { ApiTokenResolver, hashToken, TOKEN_PREFIX } from './tokens.js';

/** The identity use cases over one store (each authorises its caller and audits its writes). */
export interface IdentityServices {
  organisations: OrganisationService;
  grants: GrantService;
  tokens: TokenService;
}

export function createIdentityServices(deps: CoreDeps): IdentityServices {
  const repo = new OrganisationRepository(deps);
  return {
    organisations: new OrganisationService(deps, repo),
    grants: new GrantService(deps, repo),
    tokens: new TokenService(deps, repo),
  };
}

/** JSON API: /api/organisaties (organisations, their role grants and API tokens). */
export function createIdentityApiRoutes(deps: CoreDeps, api: ApiScope): Hono<AppEnv> {
  return identityApiRoutes(createIdentityServices(deps), api);
}

/** HTML administration pages: /beheer/organisaties. */
export function createIdentityAdminRoutes(deps: CoreDeps, api: ApiScope): Hono<AppEnv> {
  return identityAdminRoutes(deps, createIdentityServices(deps), api);
}
