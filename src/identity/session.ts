/**
 * Login sessions in sealed cookies (iron-session `sealData`: AES-256-CBC encrypted and
 * HMAC-SHA-256 signed with SESSION_SECRET). The cookie carries the user's IRI, name, the grants of
 * the login and an absolute expiry, which is checked on every read (besides the seal's own TTL).
 * Grants stored in Stelsel (given by a beheerder) are added on every request, so a revoked stored
 * grant takes effect at once; grants from the provider's claims last until the session ends.
 *
 * The same sealing protects the short-lived login transaction (state, nonce, PKCE verifier).
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';
import type { Actor, Grant } from '../shared/auth/actor.js';
import type { SessionResolver } from '../shared/auth/authenticate.js';
import { isRole } from '../shared/auth/roles.js';

export const SESSION_COOKIE = 'stelsel_session';
export const LOGIN_COOKIE = 'stelsel_login';
/** The login transaction cookie is only sent to the callback. */
export const LOGIN_COOKIE_PATH = '/auth';
/** Browsers drop cookies over 4096 bytes; refuse to set one that would silently disappear. */
const MAX_COOKIE_BYTES = 4000;
const LOGIN_TTL_SECONDS = 600;

export interface SessionUser {
  iri: string;
  name: string;
  grants: Grant[];
}

/** How the session was started: decides whether logout also ends the provider's session. */
export type LoginMethod = 'oidc' | 'demo';

export interface Session extends SessionUser {
  via: LoginMethod;
  /** Expiry, ms since the epoch. */
  expires: number;
}

/** Stored grants of a user (identity module); merged into the actor on every request. */
export interface StoredGrants {
  grantsOf(userIri: string): Promise<Grant[]>;
}

/** What the /login step keeps until the callback. */
export interface LoginTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Local path to return to after login. */
  next: string;
}

const sessionSchema = z.object({
  v: z.literal(1),
  i: z.string().min(1),
  n: z.string(),
  g: z.array(z.tuple([z.string(), z.string()])),
  m: z.enum(['oidc', 'demo']),
  e: z.number(),
});

const loginSchema = z.object({
  v: z.literal(1),
  s: z.string().min(1),
  n: z.string().min(1),
  c: z.string().min(1),
  r: z.string(),
  e: z.number(),
});

export class SessionTooLarge extends Error {}

export interface SealedSession {
  value: string;
  session: Session;
}

export interface SessionOptions {
  secret: string;
  ttlSeconds: number;
  /** Set the Secure attribute (BASE_URL is https). */
  secure: boolean;
  storedGrants?: StoredGrants;
  now?: () => number;
}

export class SessionCookies implements SessionResolver {
  private readonly now: () => number;

  constructor(private readonly opts: SessionOptions) {
    if (opts.secret.length < 32) throw new Error('The session secret must be at least 32 characters');
    this.now = opts.now ?? Date.now;
  }

  get ttlSeconds(): number {
    return this.opts.ttlSeconds;
  }

  /** The session of this request: null when absent, unreadable, tampered with or expired. */
  async read(c: Context): Promise<Session | null> {
    const sealed = getCookie(c, SESSION_COOKIE);
    if (!sealed) return null;
    const data = sessionSchema.safeParse(await this.unseal(sealed, this.opts.ttlSeconds + 60));
    if (!data.success || data.data.e <= this.now()) return null;
    const d = data.data;
    const grants: Grant[] = [];
    for (const [role, scope] of d.g) if (isRole(role)) grants.push({ role, scope });
    return { iri: d.i, name: d.n, grants, via: d.m, expires: d.e };
  }

  async actorOf(c: Context): Promise<Actor | null> {
    const s = await this.read(c);
    if (!s) return null;
    const stored = this.opts.storedGrants ? await this.opts.storedGrants.grantsOf(s.iri) : [];
    return { kind: 'user', iri: s.iri, name: s.name, grants: mergeGrants(s.grants, stored) };
  }

  /**
   * Seals a session for `user` without sending it yet (so the caller can record the login first).
   * Throws SessionTooLarge when the grant list would not fit in a cookie.
   */
  async seal(user: SessionUser, via: LoginMethod): Promise<SealedSession> {
    const expires = this.now() + this.opts.ttlSeconds * 1000;
    const payload: z.infer<typeof sessionSchema> = {
      v: 1,
      i: user.iri,
      n: user.name,
      g: user.grants.map((g) => [g.role, g.scope]),
      m: via,
      e: expires,
    };
    const value = await sealData(payload, { password: this.opts.secret, ttl: this.opts.ttlSeconds + 60 });
    if (value.length + SESSION_COOKIE.length > MAX_COOKIE_BYTES) throw new SessionTooLarge(`The session of ${user.iri} does not fit in a cookie`);
    return { value, session: { ...user, via, expires } };
  }

  /** Sends a sealed session (replacing any other). */
  set(c: Context, sealed: SealedSession): void {
    setCookie(c, SESSION_COOKIE, sealed.value, { ...this.cookieAttributes('/'), maxAge: this.opts.ttlSeconds });
  }

  /** seal + set. */
  async start(c: Context, user: SessionUser, via: LoginMethod): Promise<Session> {
    const sealed = await this.seal(user, via);
    this.set(c, sealed);
    return sealed.session;
  }

  clear(c: Context): void {
    deleteCookie(c, SESSION_COOKIE, this.cookieAttributes('/'));
  }

  /** Keeps the login transaction in a sealed cookie for ten minutes. */
  async saveLogin(c: Context, tx: LoginTransaction): Promise<void> {
    const payload: z.infer<typeof loginSchema> = {
      v: 1,
      s: tx.state,
      n: tx.nonce,
      c: tx.codeVerifier,
      r: tx.next,
      e: this.now() + LOGIN_TTL_SECONDS * 1000,
    };
    const sealed = await sealData(payload, { password: this.opts.secret, ttl: LOGIN_TTL_SECONDS });
    setCookie(c, LOGIN_COOKIE, sealed, { ...this.cookieAttributes(LOGIN_COOKIE_PATH), maxAge: LOGIN_TTL_SECONDS });
  }

  /** Reads and removes the login transaction (single use); null when absent, tampered or expired. */
  async takeLogin(c: Context): Promise<LoginTransaction | null> {
    const sealed = getCookie(c, LOGIN_COOKIE);
    if (sealed === undefined) return null;
    deleteCookie(c, LOGIN_COOKIE, this.cookieAttributes(LOGIN_COOKIE_PATH));
    const data = loginSchema.safeParse(await this.unseal(sealed, LOGIN_TTL_SECONDS));
    if (!data.success || data.data.e <= this.now()) return null;
    return { state: data.data.s, nonce: data.data.n, codeVerifier: data.data.c, next: data.data.r };
  }

  private cookieAttributes(path: string) {
    return { path, httpOnly: true, sameSite: 'Lax', secure: this.opts.secure } as const;
  }

  private async unseal(sealed: string, ttlSeconds: number): Promise<unknown> {
    try {
      return await unsealData<unknown>(sealed, { password: this.opts.secret, ttl: ttlSeconds });
    } catch {
      return null; // malformed seal: treated like no cookie at all
    }
  }
}

/** Union of grant lists without duplicates. */
export function mergeGrants(...lists: Grant[][]): Grant[] {
  const seen = new Set<string>();
  const out: Grant[] = [];
  for (const g of lists.flat()) {
    const key = `${g.role} ${g.scope}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(g);
    }
  }
  return out;
}
