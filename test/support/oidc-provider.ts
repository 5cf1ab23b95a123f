/**
 * A real OpenID provider (the `oidc-provider` package) on 127.0.0.1 for login tests, issuing
 * ACM/IDM-shaped claims (sub, given_name, family_name, vo_id, vo_orgcode, vo_orgnaam and the role
 * claim), with an interaction endpoint that logs in a chosen account without a browser. A Koa
 * middleware can rewrite the next token response's ID token (re-signed with the provider's own
 * key) to produce a token the provider "issued" for another audience, issuer or time.
 *
 * `Browser` drives a login like a browser would: it follows redirects by hand, keeps cookies per
 * origin, and sends requests for the app's origin to `app.request()` (no socket needed).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import Provider from 'oidc-provider';

export interface TestAccount {
  sub: string;
  claims: Record<string, unknown>;
}

export interface TestClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
}

export type IdTokenRewrite = (claims: Record<string, unknown>) => Record<string, unknown>;

export interface TestProvider {
  issuer: string;
  /** The account the next interaction logs in, or 'deny' to refuse (access_denied). */
  nextLogin: string | 'deny';
  /** Rewrites the ID token of the next token response (signed with the provider's key, or `key`). */
  rewriteNextIdToken(fn: IdTokenRewrite, key?: KeyObject): void;
  close(): Promise<void>;
}

export const ACM_SCOPE_CLAIMS = ['vo_id', 'vo_orgcode', 'vo_orgnaam', 'vo_doelgroepcode'];

export function signRs256(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyObject): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${enc(header)}.${enc(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

export function newRsaKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

export async function startTestProvider(opts: { clients: TestClient[]; accounts: TestAccount[]; roleClaim?: string }): Promise<TestProvider> {
  const roleClaim = opts.roleClaim ?? 'stelsel_rol_3d';
  const key = newRsaKey();
  const jwk = { ...key.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const accounts = new Map(opts.accounts.map((a) => [a.sub, a]));

  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let rewrite: { fn: IdTokenRewrite; key: KeyObject } | undefined;
  const state: TestProvider = {
    issuer,
    nextLogin: opts.accounts[0]?.sub ?? 'deny',
    rewriteNextIdToken(fn, otherKey) {
      rewrite = { fn, key: otherKey ?? key };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const provider = new Provider(issuer, {
    clients: opts.clients.map((c) => ({ ...c, grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' })),
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], profile: ['given_name', 'family_name', 'name'], vo: [...ACM_SCOPE_CLAIMS, roleClaim] },
    scopes: ['openid', 'profile', 'vo'],
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: async () => ({ ...account.claims, sub }) } : undefined;
    },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true }, userinfo: { enabled: true } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    clientBasedCORS: () => false,
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    renderError: async (ctx: { type: string; body: unknown }, out: unknown) => {
      ctx.type = 'json';
      ctx.body = out;
    },
  });

  // Post-processing of the token endpoint: the ID token rewrite (when one is armed).
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (!rewrite || ctx.path !== '/token' || ctx.status !== 200 || !body?.id_token) return;
    const [h, p] = body.id_token.split('.');
    const { fn, key: signer } = rewrite;
    rewrite = undefined;
    ctx.body = { ...body, id_token: signRs256(decode(h!), fn(decode(p!)), signer) };
  });

  const callback = provider.callback();
  handler = (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (state.nextLogin === 'deny') {
          await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user cancelled the login' }, { mergeWithLastSubmission: false });
          return;
        }
        const accountId = state.nextLogin;
        const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
        grant.addOIDCScope(String(details.params.scope));
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
      } catch (err) {
        res.statusCode = 500;
        res.end(String(err));
      }
    })();
  };
  return state;
}

type Fetcher = { request(input: string, init?: RequestInit): Response | Promise<Response> };

/** A cookie-keeping, redirect-following client over the app (in process) and real HTTP servers. */
export class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  constructor(
    private readonly app: Fetcher,
    readonly appOrigin: string,
  ) {}

  jar(origin: string): Map<string, string> {
    let j = this.jars.get(origin);
    if (!j) this.jars.set(origin, (j = new Map()));
    return j;
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jar(origin).get(name);
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const u = new URL(url);
    const jar = this.jar(u.origin);
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = u.origin === this.appOrigin ? await this.app.request(url, { ...init, headers }) : await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || attrs.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now());
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  /**
   * Follows redirects from `url`; stops before requesting a URL for which `stopAt` is true, or at
   * the first response that is not a redirect.
   */
  async follow(url: string, stopAt: (next: URL) => boolean = () => false): Promise<{ response?: Response; next?: URL }> {
    let current = url;
    for (let hop = 0; hop < 20; hop++) {
      const res = await this.request(current);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { response: res };
      const next = new URL(location, current);
      if (stopAt(next)) return { response: res, next };
      current = next.href;
    }
    throw new Error(`too many redirects from ${url}`);
  }
}
