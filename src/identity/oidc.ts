/**
 * OpenID Connect login (ACM/IDM): authorization code flow with PKCE, state and nonce, through
 * openid-client. This module knows nothing of HTTP frameworks: the routes hand it URLs and the
 * saved login transaction, and get back the verified claims or a LoginFailed.
 *
 * openid-client checks the authorization response (state, `iss` parameter), and the ID token's
 * signature, issuer, audience, expiry (30 s tolerance) and nonce. Claims come from the ID token and,
 * when the provider has a userinfo endpoint, from userinfo (same subject checked); ACM/IDM returns
 * the vo_* and role claims there.
 */
import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import type { Logger } from 'pino';
import type { OidcConfig } from '../config.js';
import type { Grant } from '../shared/auth/actor.js';
import { isRole, ROLE_SCOPE, type Role } from '../shared/auth/roles.js';
import type { UriPolicy } from '../shared/uri.js';
import type { LoginTransaction, SessionUser } from './session.js';

/** OVO/KBO code -> organisation IRI (identity module's organisation directory). */
export interface OrganisationLookup {
  findByCode(code: string): Promise<string | null>;
}

export type Claims = Record<string, unknown>;

/**
 * A login that did not succeed. `status` is what the browser gets (400: the request itself is
 * wrong, 401: the provider said no or its answer does not verify, 502: the provider is unreachable);
 * `reason` is a short, client-safe text for the page and the audit log.
 */
export class LoginFailed extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 502,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'LoginFailed';
  }
}

export class OidcLogin {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(
    readonly settings: OidcConfig,
    private readonly log: Logger,
  ) {}

  /** Discovery, once (retried on the next login when it failed). */
  private config(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(new URL(this.settings.issuer), this.settings.clientId, { client_secret: this.settings.clientSecret }, client.ClientSecretBasic(this.settings.clientSecret), {
        // ID token signatures are checked against the provider's JWKS too (not only TLS to the token
        // endpoint). Plain http is only accepted for a provider on this machine (config.ts checks that).
        execute: [client.enableNonRepudiationChecks, ...(new URL(this.settings.issuer).protocol === 'http:' ? [client.allowInsecureRequests] : [])],
        timeout: 10,
      })
      .catch((err: unknown) => {
        this.configuration = undefined;
        throw err;
      });
    return this.configuration;
  }

  private async configOrFail(): Promise<client.Configuration> {
    try {
      return await this.config();
    } catch (err) {
      this.log.error({ err, issuer: this.settings.issuer }, 'OpenID provider discovery failed');
      throw new LoginFailed(502, 'The login service (OpenID provider) cannot be reached; try again later');
    }
  }

  /** The provider's authorization URL and the transaction to keep until the callback. */
  async begin(next: string): Promise<{ url: URL; transaction: LoginTransaction }> {
    const config = await this.configOrFail();
    const codeVerifier = client.randomPKCECodeVerifier();
    const transaction: LoginTransaction = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier, next };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes.join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    });
    return { url, transaction };
  }

  /**
   * Verifies the authorization response (the callback's query string) against the transaction
   * and returns the user's claims (ID token, then userinfo) and the issuer.
   */
  async complete(query: URLSearchParams, tx: LoginTransaction): Promise<{ issuer: string; claims: Claims }> {
    if (query.get('state') !== tx.state) throw new LoginFailed(400, 'The login answer does not belong to this login (state differs); start again');
    const providerError = query.get('error');
    if (providerError !== null) {
      throw new LoginFailed(401, `The login service refused the login (${providerError.slice(0, 80)})`);
    }
    const config = await this.configOrFail();
    // The redirect URI as registered (behind a proxy the request URL differs from it).
    const current = new URL(this.settings.redirectUri);
    current.search = query.toString();
    try {
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: tx.codeVerifier,
        expectedState: tx.state,
        expectedNonce: tx.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new LoginFailed(401, 'The login service sent no ID token');
      let claims: Claims = { ...idClaims };
      if (config.serverMetadata().userinfo_endpoint && tokens.access_token) {
        const userinfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        claims = { ...userinfo, ...idClaims };
      }
      return { issuer: config.serverMetadata().issuer, claims };
    } catch (err) {
      if (err instanceof LoginFailed) throw err;
      throw this.classify(err);
    }
  }

  /** Where to send the browser to end the provider's session too (null: the provider has no such endpoint). */
  async logoutUrl(): Promise<URL | null> {
    let config: client.Configuration;
    try {
      config = await this.config();
    } catch {
      return null;
    }
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, this.settings.postLogoutRedirectUri ? { post_logout_redirect_uri: this.settings.postLogoutRedirectUri } : {});
  }

  private classify(err: unknown): LoginFailed {
    const e = err as { code?: unknown; error?: unknown; message?: unknown; cause?: unknown };
    if (err instanceof client.ResponseBodyError || err instanceof client.AuthorizationResponseError) {
      this.log.warn({ error: e.error, message: e.message }, 'OpenID provider refused the login');
      return new LoginFailed(401, `The login service refused the login (${String(e.error).slice(0, 80)})`);
    }
    if (err instanceof client.ClientError && typeof e.code === 'string' && e.code.startsWith('OAUTH_')) {
      const detail = e.cause instanceof Error ? e.cause.message : String(e.message);
      this.log.warn({ code: e.code, message: e.message, detail }, 'OpenID response did not verify');
      return new LoginFailed(401, `The answer of the login service could not be verified: ${detail.slice(0, 200)}`);
    }
    this.log.error({ err }, 'OpenID provider could not be reached');
    return new LoginFailed(502, 'The login service (OpenID provider) cannot be reached; try again later');
  }
}

/** A stable user IRI per provider and subject (the subject is opaque; it is not published as such). */
export function userIriFor(uris: UriPolicy, issuer: string, subject: string): string {
  const h = createHash('sha256').update(`${issuer}|${subject}`, 'utf8').digest('hex').slice(0, 32);
  return uris.id('gebruiker', h).value;
}

export interface ClaimMapping {
  orgClaim: string;
  roleClaim: string;
  platformOrgCode?: string;
}

export interface MappedUser extends SessionUser {
  subject: string;
  /** Role values that gave no grant, with the reason (logged and audited). */
  ignored: { value: string; reason: string }[];
}

/** `<Right>-<role>` with an optional `:<orgcode>`; the Right is ACM's grouping and not interpreted. */
const ROLE_VALUE = /^([A-Za-z0-9_]+)-([a-z][a-z-]*)(?::([A-Za-z0-9.]+))?$/;

const normaliseCode = (code: string) => code.trim().toUpperCase();

function stringsOf(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

/**
 * Maps provider claims to a user: `sub` to a stable IRI, given_name/family_name to the name, and
 * every role value "<Right>-<role>:<orgcode>" to a grant of that role in the organisation with
 * that code. A value without `:<orgcode>` is for the organisation in the org claim (vo_orgcode).
 * Organisation roles only; the platform roles (beheerder, catalogusbeheerder) only when the code
 * is the configured platform organisation; committee roles are only given inside Stelsel. Unknown
 * roles and organisations are ignored and reported.
 */
export async function mapClaims(
  claims: Claims,
  issuer: string,
  mapping: ClaimMapping,
  deps: { uris: UriPolicy; organisations: OrganisationLookup },
): Promise<MappedUser> {
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  if (!subject) throw new LoginFailed(401, 'The login service sent no subject (sub)');
  const given = typeof claims.given_name === 'string' ? claims.given_name.trim() : '';
  const family = typeof claims.family_name === 'string' ? claims.family_name.trim() : '';
  const name = `${given} ${family}`.trim() || (typeof claims.name === 'string' && claims.name.trim()) || subject;
  const ownOrg = stringsOf(claims[mapping.orgClaim])[0];

  const grants: Grant[] = [];
  const ignored: MappedUser['ignored'] = [];
  const platform = deps.uris.platform.value;
  for (const value of stringsOf(claims[mapping.roleClaim])) {
    const m = ROLE_VALUE.exec(value.trim());
    if (!m) {
      ignored.push({ value, reason: 'not of the form <Right>-<role>:<orgcode>' });
      continue;
    }
    const role = m[2]!;
    const code = m[3] ?? ownOrg;
    if (!isRole(role)) {
      ignored.push({ value, reason: `unknown role ${role}` });
      continue;
    }
    if (!code) {
      ignored.push({ value, reason: `no organisation code (and no ${mapping.orgClaim} claim)` });
      continue;
    }
    const grant = await grantFor(role, normaliseCode(code), mapping, deps.organisations, platform);
    if (typeof grant === 'string') ignored.push({ value, reason: grant });
    else if (!grants.some((g) => g.role === grant.role && g.scope === grant.scope)) grants.push(grant);
  }
  return { iri: userIriFor(deps.uris, issuer, subject), name: name.slice(0, 200), grants, subject, ignored };
}

async function grantFor(role: Role, code: string, mapping: ClaimMapping, organisations: OrganisationLookup, platform: string): Promise<Grant | string> {
  switch (ROLE_SCOPE[role]) {
    case 'platform':
      return mapping.platformOrgCode && code === mapping.platformOrgCode
        ? { role, scope: platform }
        : `platform role ${role} is only taken from the platform organisation`;
    case 'committee':
      return `committee role ${role} is granted in Stelsel, not by the login service`;
    case 'organisation': {
      const org = await organisations.findByCode(code);
      return org ? { role, scope: org } : `unknown organisation ${code}`;
    }
  }
}
