/**
 * Sessions: sealed cookies (tampering, another secret, expiry -> anonymous), stored grants merged
 * on every request, cookie attributes; and the demo login, which exists only in demo mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { SessionCookies, SessionTooLarge, type SessionUser } from '../../src/identity/session.js';
import type { Grant } from '../../src/shared/auth/actor.js';
import { sparql } from '../../src/shared/rdf/encode.js';
import { namedNode } from '../../src/shared/rdf/factory.js';
import { PROV, STELSEL } from '../../src/shared/rdf/vocab.js';
import { makeTestApp } from '../support/app.js';
import { TEST_BASE } from '../support/tmp.js';

const SECRET = 'test-session-secret-0123456789abcdef0123';
const GENT = `${TEST_BASE}/id/organisatie/gemeente-gent`;
const USER: SessionUser = { iri: `${TEST_BASE}/id/gebruiker/demo-schrijver`, name: 'Sam Schrijver', grants: [{ role: 'schrijver', scope: GENT }] };

/** The Set-Cookie value a SessionCookies instance makes for `user`. */
async function sealedCookie(sessions: SessionCookies, user: SessionUser): Promise<{ value: string; header: string }> {
  const app = new Hono().get('/', async (c) => {
    await sessions.start(c, user, 'demo');
    return c.text('ok');
  });
  const header = (await app.request('/')).headers.getSetCookie().find((h) => h.startsWith('stelsel_session='))!;
  return { value: header.slice('stelsel_session='.length).split(';')[0]!, header };
}

/** A tiny app that answers with the actor of its session cookie. */
function whoAmI(sessions: SessionCookies) {
  return new Hono().get('/', async (c) => c.json((await sessions.actorOf(c)) ?? { kind: 'anonymous' }));
}

const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);

describe('session cookies', () => {
  const sessions = new SessionCookies({ secret: SECRET, ttlSeconds: 3600, secure: true });

  it('are HttpOnly, SameSite=Lax, Path=/, Secure behind https, and carry no readable data', async () => {
    const { header, value } = await sealedCookie(sessions, USER);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).toMatch(/Path=\//);
    expect(header).toMatch(/Secure/);
    expect(header).toMatch(/Max-Age=3600/);
    expect(value).not.toContain('Schrijver');
    expect(Buffer.from(value, 'base64').toString('latin1')).not.toContain('Schrijver');
  });

  it('give the user back, and anonymous for a tampered cookie, another secret or garbage', async () => {
    const { value } = await sealedCookie(sessions, USER);
    const app = whoAmI(sessions);
    const ask = async (cookie: string) => (await app.request('/', { headers: { cookie: `stelsel_session=${cookie}` } })).json();
    expect(await ask(value)).toEqual({ kind: 'user', ...USER });
    for (const at of [10, Math.floor(value.length / 2), value.length - 5]) expect(await ask(flip(value, at))).toEqual({ kind: 'anonymous' });
    const other = await sealedCookie(new SessionCookies({ secret: `${SECRET}-other`, ttlSeconds: 3600, secure: true }), USER);
    expect(await ask(other.value)).toEqual({ kind: 'anonymous' });
    for (const junk of ['', 'x', 'Fe26.2**abc', 'a'.repeat(3000)]) expect(await ask(junk)).toEqual({ kind: 'anonymous' });
  });

  it('expire on the server side, whatever the browser keeps', async () => {
    let now = Date.now();
    const clocked = new SessionCookies({ secret: SECRET, ttlSeconds: 60, secure: false, now: () => now });
    const { value } = await sealedCookie(clocked, USER);
    const app = whoAmI(clocked);
    const ask = async () => (await app.request('/', { headers: { cookie: `stelsel_session=${value}` } })).json();
    expect((await ask()).kind).toBe('user');
    now += 59_000;
    expect((await ask()).kind).toBe('user');
    now += 2_000;
    expect(await ask()).toEqual({ kind: 'anonymous' });
  });

  it('add the stored grants on every request (a revoked stored grant is gone at once)', async () => {
    const stored: Grant[] = [
      { role: 'schrijver', scope: GENT },
      { role: 'commissielid', scope: `${TEST_BASE}/id/commissie/c1` },
    ];
    const withStore = new SessionCookies({ secret: SECRET, ttlSeconds: 3600, secure: false, storedGrants: { grantsOf: async () => stored } });
    const { value } = await sealedCookie(withStore, USER);
    const app = whoAmI(withStore);
    const ask = async () => (await app.request('/', { headers: { cookie: `stelsel_session=${value}` } })).json();
    expect((await ask()).grants).toEqual([USER.grants[0], stored[1]]);
    stored.pop();
    expect((await ask()).grants).toEqual(USER.grants);
  });

  it('refuse to start a session that would not fit in a cookie', async () => {
    const grants: Grant[] = Array.from({ length: 80 }, (_, i) => ({ role: 'schrijver', scope: `${TEST_BASE}/id/organisatie/organisatie-met-een-lange-naam-${i}` }));
    let error: unknown;
    const app = new Hono().get('/', async (c) => {
      await sessions.start(c, { ...USER, grants }, 'oidc').catch((e: unknown) => (error = e));
      return c.text('ok');
    });
    const res = await app.request('/');
    expect(error).toBeInstanceOf(SessionTooLarge);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('need a secret of at least 32 characters', () => {
    expect(() => new SessionCookies({ secret: 'short', ttlSeconds: 60, secure: false })).toThrow(/32 characters/);
  });
});

describe('demo login', () => {
  const DEMO_USERS = [
    USER,
    { iri: `${TEST_BASE}/id/gebruiker/demo-beheerder`, name: 'Bea Beheerder', grants: [{ role: 'beheerder' as const, scope: `${TEST_BASE}/id/platform/stelsel` }] },
  ];
  let t: Awaited<ReturnType<typeof makeTestApp>>;

  beforeAll(async () => {
    t = await makeTestApp({ env: { DEMO: 'true', SESSION_SECRET: SECRET, RATE_LIMIT_PER_MINUTE: '1000' }, identity: { demoUsers: { listDemoUsers: async () => DEMO_USERS } } });
  });
  afterAll(async () => t?.close());

  const me = async (cookie?: string) => (await t.app.request('/api/me', { headers: cookie ? { cookie } : {} })).json() as Promise<Record<string, unknown>>;

  async function demoLogin(iri: string): Promise<Response> {
    return t.app.request('/demo/login', {
      method: 'POST',
      headers: { origin: TEST_BASE, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user: iri }).toString(),
    });
  }
  const sessionCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('stelsel_session='))!.split(';')[0]!;

  it('shows a page that says it is a demo, with a button per demo user', async () => {
    const res = await t.app.request('/demo/login');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Dit is een demonstratie.');
    expect(html.match(/<form method="post" action="\/demo\/login">/g)).toHaveLength(2);
    expect(html).toContain('Aanmelden als Bea Beheerder');
    expect(html).toContain('beheerder (stelsel)');
  });

  it('/login goes to the demo login when there is no OIDC provider', async () => {
    const res = await t.app.request('/login');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/demo/login');
  });

  it('starts a session for the chosen user, audited as a login with detail "demo"', async () => {
    const res = await demoLogin(USER.iri);
    expect(res.status).toBe(303);
    const cookie = sessionCookie(res);
    expect(await me(cookie)).toMatchObject({ kind: 'user', iri: USER.iri, name: USER.name, grants: USER.grants, session: { via: 'demo' } });
    const rows = await t.store.select(sparql`SELECT ?detail WHERE { GRAPH ${t.uris.auditGraph} {
      ?e ${STELSEL.action} "login" ; ${PROV.wasAssociatedWith} ${namedNode(USER.iri)} ; ${PROV.value} ?detail } }`);
    expect(rows.map((r) => r.detail!.value)).toEqual(['demo']);
    expect(await t.store.ask(sparql`ASK { GRAPH ${t.uris.identityGraph} { ${namedNode(USER.iri)} ${STELSEL.lastLogin} ?t } }`)).toBe(true);

    // Logging out of a demo session returns home (there is no provider session to end).
    const out = await t.app.request('/logout', { method: 'POST', headers: { origin: TEST_BASE, cookie } });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/');
  });

  it('refuses anyone who is not a demo user (400, login.failed), and never trusts posted grants', async () => {
    const res = await demoLogin(`${TEST_BASE}/id/gebruiker/someone-else`);
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('stelsel_session='))).toBe(false);
    expect(await t.store.ask(sparql`ASK { GRAPH ${t.uris.auditGraph} { ?e ${STELSEL.action} "login.failed" } }`)).toBe(true);
  });

  it('treats a tampered or expired session cookie as anonymous', async () => {
    const cookie = sessionCookie(await demoLogin(USER.iri));
    expect((await me(cookie)).kind).toBe('user');
    const value = cookie.slice('stelsel_session='.length);
    expect(await me(`stelsel_session=${flip(value, 40)}`)).toEqual({ kind: 'anonymous' });
    // Sealed with the right secret, but its expiry has passed.
    const past = new SessionCookies({ secret: SECRET, ttlSeconds: 3600, secure: false, now: () => Date.now() - 2 * 3600_000 });
    const expired = await sealedCookie(past, USER);
    expect(await me(`stelsel_session=${expired.value}`)).toEqual({ kind: 'anonymous' });
    const fresh = new SessionCookies({ secret: SECRET, ttlSeconds: 3600, secure: false });
    expect((await me(`stelsel_session=${(await sealedCookie(fresh, USER)).value}`)).kind).toBe('user');
  });
});

describe('demo login with the seeded demo users', () => {
  it('lists them and logs in as one, with its stored grants', async () => {
    const t = await makeTestApp({ demo: true, env: { DEMO: 'true', SESSION_SECRET: SECRET } });
    try {
      const html = await (await t.app.request('/demo/login')).text();
      expect(html).toContain('Aanmelden als Demo Schrijver (Gemeente Gent)');
      const iri = `${TEST_BASE}/id/gebruiker/demo-schrijver`;
      const res = await t.app.request('/demo/login', {
        method: 'POST',
        headers: { origin: TEST_BASE, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ user: iri }).toString(),
      });
      expect(res.status).toBe(303);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('stelsel_session='))!.split(';')[0]!;
      const who = await (await t.app.request('/api/me', { headers: { cookie } })).json();
      expect(who).toMatchObject({ kind: 'user', iri, grants: [{ role: 'schrijver', scope: `${TEST_BASE}/id/organisatie/gemeente-gent` }] });
    } finally {
      await t.close();
    }
  });
});

describe('without demo mode the demo login does not exist', () => {
  it('GET and POST /demo/login are 404 with demo off, also with OIDC configured', async () => {
    const plain = await makeTestApp();
    const oidc = await makeTestApp({ env: { OIDC_ISSUER: 'https://authenticatie-ti.vlaanderen.be/op', OIDC_CLIENT_ID: 'stelsel', OIDC_CLIENT_SECRET: 'secret', SESSION_SECRET: SECRET } });
    try {
      for (const t of [plain, oidc]) {
        expect(t.config.demo).toBe(false);
        expect((await t.app.request('/demo/login')).status).toBe(404);
        const post = await t.app.request('/demo/login', {
          method: 'POST',
          headers: { origin: TEST_BASE, 'content-type': 'application/x-www-form-urlencoded' },
          body: 'user=x',
        });
        expect(post.status).toBe(404);
      }
      // Nobody can log in on the plain site: /login says so, and pages show no login link.
      const login = await plain.app.request('/login', { headers: { accept: 'text/html' } });
      expect(login.status).toBe(404);
      expect(await login.text()).toContain('login is not configured');
      expect(await (await plain.app.request('/', { headers: { accept: 'text/html' } })).text()).not.toContain('Aanmelden');
      expect(await (await oidc.app.request('/', { headers: { accept: 'text/html' } })).text()).toContain('<a class="session" href="/login">Aanmelden</a>');
    } finally {
      await plain.close();
      await oidc.close();
    }
  });
});
