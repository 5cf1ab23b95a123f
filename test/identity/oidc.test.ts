/**
 * OIDC login end to end against a real OpenID provider (oidc-provider on 127.0.0.1) issuing
 * ACM/IDM-shaped claims: login, claim mapping, session, logout, and every rejection (bad state,
 * missing login, bad nonce, wrong issuer, wrong audience, expired or forged ID token, provider
 * refusal, unreachable provider) — each a 4xx/502 page, no session, audited as login.failed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sparql } from '../../src/shared/rdf/encode.js';
import { namedNode } from '../../src/shared/rdf/factory.js';
import { FOAF, PROV, STELSEL } from '../../src/shared/rdf/vocab.js';
import { userIriFor } from '../../src/identity/oidc.js';
import type { Grant } from '../../src/shared/auth/actor.js';
import { makeTestApp } from '../support/app.js';
import { Browser, newRsaKey, startTestProvider, type TestClient, type TestProvider } from '../support/oidc-provider.js';
import { TEST_BASE } from '../support/tmp.js';

const CLIENT: TestClient = {
  client_id: 'stelsel',
  client_secret: 'stelsel-test-client-secret-0123456789',
  redirect_uris: [`${TEST_BASE}/auth/callback`],
  post_logout_redirect_uris: [`${TEST_BASE}/`],
};
const SESSION_SECRET = 'test-session-secret-0123456789abcdef0123';

const ORG = (slug: string) => `${TEST_BASE}/id/organisatie/${slug}`;
const ORGS: Record<string, string> = { OVO002949: ORG('gemeente-gent'), OVO001835: ORG('stad-aalst'), OVO000001: ORG('stelsel-beheer') };

const JAN = {
  sub: 'acm-sub-jan-0001',
  claims: {
    given_name: 'Jan',
    family_name: 'Peeters',
    vo_id: '1b2c3d4e-0000-4000-8000-000000000001',
    vo_doelgroepcode: 'LB',
    vo_orgcode: 'OVO001835',
    vo_orgnaam: 'Stad Aalst',
    stelsel_rol_3d: [
      'StelselGebruiker-schrijver:OVO002949',
      'StelselGebruiker-publiceerder:ovo002949',
      'StelselGebruiker-producteditor', // no orgcode: the vo_orgcode organisation (Aalst)
      'StelselGebruiker-schrijver:OVO999999', // unknown organisation
      'StelselGebruiker-tovenaar:OVO002949', // unknown role
      'StelselGebruiker-beheerder:OVO002949', // platform role, not from the platform organisation
      'StelselGebruiker-commissielid:OVO002949', // committee roles are given in Stelsel
      'not a role value',
    ],
  },
};
const ADMIN = {
  sub: 'acm-sub-admin-0002',
  claims: { given_name: 'An', family_name: 'Beheer', vo_orgcode: 'OVO000001', stelsel_rol_3d: ['StelselBeheerder-beheerder:OVO000001'] },
};

describe('OIDC login against a real provider', () => {
  let op: TestProvider;
  let other: TestProvider; // a second provider: the wrong issuer
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  const stored = new Map<string, Grant[]>();

  beforeAll(async () => {
    op = await startTestProvider({ clients: [CLIENT, { ...CLIENT, client_id: 'other-client' }], accounts: [JAN, ADMIN] });
    other = await startTestProvider({ clients: [CLIENT], accounts: [JAN] });
    t = await makeTestApp({
      env: {
        OIDC_ISSUER: op.issuer,
        OIDC_CLIENT_ID: CLIENT.client_id,
        OIDC_CLIENT_SECRET: CLIENT.client_secret,
        OIDC_POST_LOGOUT_REDIRECT_URI: `${TEST_BASE}/`,
        OIDC_PLATFORM_ORGCODE: 'OVO000001',
        SESSION_SECRET,
        RATE_LIMIT_PER_MINUTE: '1000',
      },
      identity: {
        organisations: { findByCode: async (code) => ORGS[code] ?? null },
        storedGrants: { grantsOf: async (iri) => stored.get(iri) ?? [] },
      },
    });
  });

  afterAll(async () => {
    await t?.close();
    await op?.close();
    await other?.close();
  });

  beforeEach(() => {
    op.nextLogin = JAN.sub;
    other.nextLogin = JAN.sub;
  });

  const isApp = (u: URL) => u.origin === TEST_BASE;

  /** GET /login: the provider's authorization URL. */
  async function startLogin(b: Browser, path = '/login'): Promise<URL> {
    const res = await b.request(`${TEST_BASE}${path}`);
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location')!);
  }

  /** Runs the provider side until it sends the browser back to the app; returns that callback URL. */
  async function atProvider(b: Browser, authUrl: URL): Promise<URL> {
    const { next } = await b.follow(authUrl.href, isApp);
    expect(next, 'the provider redirects back to the app').toBeDefined();
    return next!;
  }

  async function login(b: Browser, path = '/login'): Promise<Response> {
    return b.request((await atProvider(b, await startLogin(b, path))).href);
  }

  const me = async (b: Browser) => (await b.request(`${TEST_BASE}/api/me`)).json() as Promise<Record<string, unknown>>;

  async function auditActions(): Promise<{ action: string; agent?: string; detail?: string }[]> {
    const rows = await t.store.select(sparql`
      SELECT ?action ?agent ?detail ?time WHERE { GRAPH ${t.uris.auditGraph} {
        ?e ${STELSEL.action} ?action ; ${PROV.startedAtTime} ?time .
        OPTIONAL { ?e ${PROV.wasAssociatedWith} ?agent } OPTIONAL { ?e ${PROV.value} ?detail }
      } } ORDER BY ?time`);
    return rows.map((r) => ({ action: r.action!.value, agent: r.agent?.value, detail: r.detail?.value }));
  }

  it('sends the browser to the provider with PKCE (S256), state, nonce and the configured scopes', async () => {
    const b = new Browser(t.app, TEST_BASE);
    const res = await b.request(`${TEST_BASE}/login`);
    const url = new URL(res.headers.get('location')!);
    expect(url.origin).toBe(op.issuer);
    const p = url.searchParams;
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe('stelsel');
    expect(p.get('redirect_uri')).toBe(`${TEST_BASE}/auth/callback`);
    expect(p.get('scope')).toBe('openid profile vo');
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(p.get('state')).toBeTruthy();
    expect(p.get('nonce')).toBeTruthy();
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('stelsel_login='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/auth/);
    // The sealed cookie does not reveal the verifier, state or nonce.
    expect(cookie).not.toContain(p.get('state')!);
  });

  it('logs in: session cookie, mapped grants on the actor, user record and audit entry', async () => {
    const b = new Browser(t.app, TEST_BASE);
    const userIri = userIriFor(t.uris, op.issuer, JAN.sub);
    stored.set(userIri, [{ role: 'commissielid', scope: `${TEST_BASE}/id/commissie/selectie-1` }]);
    const res = await login(b);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('stelsel_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=28800/);
    expect(cookie).not.toMatch(/Secure/); // BASE_URL is http here; see session.test.ts for https
    expect(b.cookie(TEST_BASE, 'stelsel_login')).toBeUndefined(); // the login transaction is used up

    const who = await me(b);
    expect(who).toMatchObject({ kind: 'user', iri: userIri, name: 'Jan Peeters' });
    expect(userIri.startsWith(`${TEST_BASE}/id/gebruiker/`)).toBe(true);
    expect(new Set(who.grants as Grant[])).toEqual(
      new Set([
        { role: 'schrijver', scope: ORGS.OVO002949 },
        { role: 'publiceerder', scope: ORGS.OVO002949 },
        { role: 'producteditor', scope: ORGS.OVO001835 },
        { role: 'commissielid', scope: `${TEST_BASE}/id/commissie/selectie-1` },
      ]),
    );
    expect((who.session as { via: string }).via).toBe('oidc');

    // The page header says who is logged in and offers to log out.
    const page = await (await b.request(`${TEST_BASE}/`, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('Aangemeld als Jan Peeters');
    expect(page).toContain('action="/logout"');

    // The user record in the private identity graph.
    const g = t.uris.identityGraph;
    const u = namedNode(userIri);
    expect(await t.store.ask(sparql`ASK { GRAPH ${g} { ${u} a ${STELSEL.User} ; ${FOAF.name} "Jan Peeters" ; ${STELSEL.subject} "acm-sub-jan-0001" ; ${STELSEL.issuer} ${namedNode(op.issuer)} ; ${STELSEL.lastLogin} ?t } }`)).toBe(true);
    // The login is audited with the user as agent, naming every ignored role value.
    const entry = (await auditActions()).filter((e) => e.action === 'login' && e.agent === userIri).pop()!;
    expect(entry.detail).toMatch(/^oidc; ignored role values: /);
    for (const v of ['OVO999999', 'tovenaar', 'beheerder', 'commissielid', 'not a role value']) expect(entry.detail).toContain(v);
  });

  it('a second login of the same user updates the record instead of adding to it', async () => {
    const userIri = namedNode(userIriFor(t.uris, op.issuer, JAN.sub));
    await login(new Browser(t.app, TEST_BASE));
    await login(new Browser(t.app, TEST_BASE));
    const rows = await t.store.select(sparql`SELECT ?o WHERE { GRAPH ${t.uris.identityGraph} { ${userIri} ${STELSEL.lastLogin} ?o } }`);
    expect(rows).toHaveLength(1);
  });

  it('gives platform roles only from the configured platform organisation', async () => {
    op.nextLogin = ADMIN.sub;
    const b = new Browser(t.app, TEST_BASE);
    await login(b);
    expect((await me(b)).grants).toEqual([{ role: 'beheerder', scope: t.uris.platform.value }]);
  });

  it('returns to a local "next" path, and to / for anything else', async () => {
    const b1 = new Browser(t.app, TEST_BASE);
    expect((await login(b1, '/login?next=/sparql%3Fquery%3Dx')).headers.get('location')).toBe('/sparql?query=x');
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const b = new Browser(t.app, TEST_BASE);
      expect((await login(b, `/login?next=${encodeURIComponent(next)}`)).headers.get('location')).toBe('/');
    }
  });

  it('logs out: clears the session and ends the provider session (RP-initiated logout)', async () => {
    const b = new Browser(t.app, TEST_BASE);
    await login(b);
    const iri = (await me(b)).iri as string;
    const res = await b.request(`${TEST_BASE}/logout`, { method: 'POST', headers: { origin: TEST_BASE } });
    expect(res.status).toBe(303);
    const end = new URL(res.headers.get('location')!);
    expect(`${end.origin}${end.pathname}`).toBe(`${op.issuer}/session/end`);
    expect(end.searchParams.get('client_id')).toBe('stelsel');
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${TEST_BASE}/`);
    expect(res.headers.getSetCookie().some((c) => /^stelsel_session=;.*Max-Age=0/.test(c))).toBe(true);
    expect(await me(b)).toEqual({ kind: 'anonymous' });
    // The provider accepts the logout request (it answers with its confirmation page).
    expect((await fetch(end, { redirect: 'manual' })).status).toBe(200);
    expect((await auditActions()).some((e) => e.action === 'logout' && e.agent === iri)).toBe(true);
  });

  describe('rejections: a clear page, no session, audited as login.failed', () => {
    async function expectRejected(b: Browser, res: Response, status: number, reason: RegExp) {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      const html = (await res.text()).replaceAll('&quot;', '"');
      expect(html).toMatch(reason);
      expect(html).toContain('href="/login"');
      expect(res.headers.getSetCookie().some((c) => c.startsWith('stelsel_session=') && !/Max-Age=0/.test(c))).toBe(false);
      expect(await me(b)).toEqual({ kind: 'anonymous' });
      const last = (await auditActions()).filter((e) => e.action.startsWith('login')).pop()!;
      expect(last.action).toBe('login.failed');
      expect(last.agent).toBeUndefined();
      expect(last.detail).toMatch(reason);
    }

    it('bad state', async () => {
      const b = new Browser(t.app, TEST_BASE);
      const cb = await atProvider(b, await startLogin(b));
      cb.searchParams.set('state', 'forged-state');
      await expectRejected(b, await b.request(cb.href), 400, /state differs/);
    });

    it('a callback without a login started in this browser (no login cookie)', async () => {
      const b = new Browser(t.app, TEST_BASE);
      const cb = await atProvider(b, await startLogin(b));
      const victim = new Browser(t.app, TEST_BASE);
      await expectRejected(victim, await victim.request(cb.href), 400, /not started here/);
    });

    it('a used login transaction cannot be replayed', async () => {
      const b = new Browser(t.app, TEST_BASE);
      const authUrl = await startLogin(b);
      const loginCookie = b.cookie(TEST_BASE, 'stelsel_login')!;
      const cb = await atProvider(b, authUrl);
      expect((await b.request(cb.href)).status).toBe(303);
      const replay = new Browser(t.app, TEST_BASE);
      replay.jar(TEST_BASE).set('stelsel_login', loginCookie);
      await expectRejected(replay, await replay.request(cb.href), 401, /refused the login \(invalid_grant\)/); // the provider does not take a used code twice
    });

    it('bad nonce (the ID token carries another nonce than the login asked for)', async () => {
      const b = new Browser(t.app, TEST_BASE);
      const authUrl = await startLogin(b);
      authUrl.searchParams.set('nonce', 'attacker-chosen-nonce');
      await expectRejected(b, await b.request((await atProvider(b, authUrl)).href), 401, /unexpected ID Token "nonce" claim value/);
    });

    it('wrong issuer: the answer comes from a second provider', async () => {
      const b = new Browser(t.app, TEST_BASE);
      const authUrl = await startLogin(b);
      const atOther = new URL(authUrl.pathname + authUrl.search, other.issuer);
      const cb = await atProvider(b, atOther);
      expect(cb.searchParams.get('iss')).toBe(other.issuer);
      await expectRejected(b, await b.request(cb.href), 401, /unexpected "iss" \(issuer\) response parameter/);
    });

    it('wrong issuer inside the ID token', async () => {
      const b = new Browser(t.app, TEST_BASE);
      op.rewriteNextIdToken((c) => ({ ...c, iss: other.issuer }));
      await expectRejected(b, await login(b), 401, /unexpected JWT "iss" \(issuer\) claim value/);
    });

    it('wrong audience: an ID token for another client', async () => {
      const b = new Browser(t.app, TEST_BASE);
      op.rewriteNextIdToken((c) => ({ ...c, aud: 'other-client', azp: 'other-client' }));
      await expectRejected(b, await login(b), 401, /unexpected JWT "aud" \(audience\) claim value/);
    });

    it('expired ID token', async () => {
      const b = new Browser(t.app, TEST_BASE);
      const now = Math.floor(Date.now() / 1000);
      op.rewriteNextIdToken((c) => ({ ...c, iat: now - 3600, exp: now - 600 }));
      await expectRejected(b, await login(b), 401, /"exp" \(expiration time\) claim value, expiration is past/);
    });

    it('ID token signed with a key that is not the provider’s', async () => {
      const b = new Browser(t.app, TEST_BASE);
      op.rewriteNextIdToken((c) => c, newRsaKey());
      await expectRejected(b, await login(b), 401, /signature verification failed/);
    });

    it('the provider refuses the login (user cancels)', async () => {
      op.nextLogin = 'deny';
      const b = new Browser(t.app, TEST_BASE);
      await expectRejected(b, await login(b), 401, /access_denied/);
    });
  });

  it('an unreachable provider is a 502 page, not a 500', async () => {
    const closed = await startTestProvider({ clients: [CLIENT], accounts: [] });
    const issuer = closed.issuer;
    await closed.close();
    const t2 = await makeTestApp({ env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'stelsel', OIDC_CLIENT_SECRET: 'x', SESSION_SECRET } });
    try {
      const res = await t2.app.request('/login', { headers: { accept: 'text/html' } });
      expect(res.status).toBe(502);
      expect(await res.text()).toContain('cannot be reached');
    } finally {
      await t2.close();
    }
  });
});

describe('OIDC login with the organisations and grants stored in Stelsel (demo data)', () => {
  let op: TestProvider;
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  const PIET = {
    sub: 'acm-sub-piet-0003',
    claims: {
      given_name: 'Piet',
      family_name: 'Janssens',
      vo_orgcode: 'OVO002949',
      stelsel_rol_3d: ['StelselGebruiker-schrijver:OVO002949', 'StelselGebruiker-lezer:0207.451.227', 'StelselGebruiker-informatiebeheerder'],
    },
  };

  beforeAll(async () => {
    op = await startTestProvider({ clients: [CLIENT], accounts: [PIET] });
    t = await makeTestApp({
      demo: true,
      env: { OIDC_ISSUER: op.issuer, OIDC_CLIENT_ID: CLIENT.client_id, OIDC_CLIENT_SECRET: CLIENT.client_secret, SESSION_SECRET, RATE_LIMIT_PER_MINUTE: '1000' },
    });
  });
  afterAll(async () => {
    await t?.close();
    await op?.close();
  });

  it('resolves OVO codes and KBO numbers through the organisation directory', async () => {
    const b = new Browser(t.app, TEST_BASE);
    const start = await b.request(`${TEST_BASE}/login`);
    const { next } = await b.follow(start.headers.get('location')!, (u) => u.origin === TEST_BASE);
    expect((await b.request(next!.href)).status).toBe(303);
    const who = (await (await b.request(`${TEST_BASE}/api/me`)).json()) as { kind: string; grants: Grant[] };
    expect(who.kind).toBe('user');
    const gent = `${TEST_BASE}/id/organisatie/gemeente-gent`;
    expect(new Set(who.grants)).toEqual(
      new Set([
        { role: 'schrijver', scope: gent },
        { role: 'lezer', scope: gent },
        { role: 'informatiebeheerder', scope: gent },
      ]),
    );
  });
});

