/**
 * CSRF: a cross-site form post that carries the session cookie is refused (403) and changes
 * nothing; requests without the cookie (bearer API clients, anonymous SPARQL) are not affected.
 * Rate limiting: the login and API-token endpoints answer 429 with Retry-After after N requests per
 * minute per client IP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sparql } from '../../src/shared/rdf/encode.js';
import { STELSEL } from '../../src/shared/rdf/vocab.js';
import { ADMIN_TOKEN, makeTestApp } from '../support/app.js';
import { TEST_BASE } from '../support/tmp.js';

const SECRET = 'test-session-secret-0123456789abcdef0123';
const EVIL = 'http://evil.example';
const BEHEERDER = { iri: `${TEST_BASE}/id/gebruiker/demo-beheerder`, name: 'Bea Beheerder', grants: [{ role: 'beheerder' as const, scope: `${TEST_BASE}/id/platform/stelsel` }] };
const TURTLE = '<http://test.example/id/ding/1> <http://purl.org/dc/terms/title> "Een ding" .';

describe('CSRF protection of session-authenticated form posts', () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let cookie: string;

  beforeAll(async () => {
    t = await makeTestApp({ env: { DEMO: 'true', SESSION_SECRET: SECRET, RATE_LIMIT_PER_MINUTE: '1000' }, identity: { demoUsers: { listDemoUsers: async () => [BEHEERDER] } } });
    const res = await t.app.request('/demo/login', {
      method: 'POST',
      headers: { origin: TEST_BASE, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user: BEHEERDER.iri }).toString(),
    });
    cookie = res.headers.getSetCookie().find((c) => c.startsWith('stelsel_session='))!.split(';')[0]!;
  });
  afterAll(async () => t?.close());

  const graphUrl = `/api/graphs?graph=${encodeURIComponent(`${TEST_BASE}/graph/csrf-test`)}`;
  const me = async () => (await t.app.request('/api/me', { headers: { cookie } })).json() as Promise<{ kind: string }>;
  const logouts = async () => (await t.store.select(sparql`SELECT ?e WHERE { GRAPH ${t.uris.auditGraph} { ?e ${STELSEL.action} "logout" } }`)).length;

  it('refuses a cross-origin form post that carries a valid session cookie, and changes nothing', async () => {
    expect((await me()).kind).toBe('user');
    const before = await t.raw.count();
    const res = await t.app.request(graphUrl, {
      method: 'POST',
      headers: { cookie, origin: EVIL, 'content-type': 'text/plain', accept: 'application/json' },
      body: TURTLE,
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/cross-site/) });
    expect(await t.raw.count()).toBe(before);

    // A cross-site logout form neither logs the user out nor writes anything.
    const out = await t.app.request('/logout', { method: 'POST', headers: { cookie, origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(out.status).toBe(403);
    expect(out.headers.getSetCookie()).toEqual([]);
    expect((await me()).kind).toBe('user');
    expect(await logouts()).toBe(0);
    expect(await t.raw.count()).toBe(before);
  });

  it('refuses form posts with a cookie and no Origin, or a cross-site Sec-Fetch-Site', async () => {
    const variants: Record<string, string>[] = [{}, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'null' }, { origin: 'https://test.example' }];
    for (const headers of variants) {
      const res = await t.app.request('/logout', { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers } });
      expect(res.status, JSON.stringify(headers)).toBe(403);
    }
    expect((await me()).kind).toBe('user');
  });

  it('lets the same post through from this site (Origin or Sec-Fetch-Site: same-origin)', async () => {
    // Past the CSRF check, the Graph Store itself refuses text/plain: the 403 above was CSRF's.
    const res = await t.app.request(graphUrl, { method: 'POST', headers: { cookie, origin: TEST_BASE, 'content-type': 'text/plain' }, body: TURTLE });
    expect(res.status).toBe(415);
    const put = await t.app.request(graphUrl, { method: 'PUT', headers: { cookie, origin: TEST_BASE, 'content-type': 'text/turtle' }, body: TURTLE });
    expect([201, 204]).toContain(put.status); // the session user (beheerder) may write
    const sameOrigin = await t.app.request(graphUrl, { method: 'POST', headers: { cookie, 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain' }, body: TURTLE });
    expect(sameOrigin.status).toBe(415);
  });

  it('refuses a cross-site demo login form (login CSRF) even without a session cookie', async () => {
    const res = await t.app.request('/demo/login', {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user: BEHEERDER.iri }).toString(),
    });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('does not affect clients without the session cookie (bearer tokens, anonymous SPARQL)', async () => {
    const put = await t.app.request(graphUrl, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, origin: EVIL, 'content-type': 'text/turtle' },
      body: TURTLE,
    });
    expect([201, 204]).toContain(put.status);
    const q = await t.app.request('/sparql', {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' },
      body: new URLSearchParams({ query: 'ASK {}' }).toString(),
    });
    expect(q.status).toBe(200);
  });

  it('logs out from this site', async () => {
    const res = await t.app.request('/logout', { method: 'POST', headers: { cookie, origin: TEST_BASE } });
    expect(res.status).toBe(303);
    expect(await logouts()).toBe(1);
  });
});

describe('rate limiting of the login and API-token endpoints', () => {
  const LIMIT = 3;
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let untrusted: Awaited<ReturnType<typeof makeTestApp>>;

  beforeAll(async () => {
    const env = { DEMO: 'true', SESSION_SECRET: SECRET, RATE_LIMIT_PER_MINUTE: String(LIMIT) };
    t = await makeTestApp({ env: { ...env, TRUST_PROXY: 'true' }, identity: { demoUsers: { listDemoUsers: async () => [] } } });
    untrusted = await makeTestApp({ env, identity: { demoUsers: { listDemoUsers: async () => [] } } });
  });
  afterAll(async () => {
    await t?.close();
    await untrusted?.close();
  });

  let ip = 0;
  /** A fresh client address (the app trusts X-Forwarded-For here). */
  const client = () => `192.0.2.${++ip}`;

  async function expectLimited(send: (ip: string) => Response | Promise<Response>) {
    const me = client();
    for (let i = 0; i < LIMIT; i++) expect((await send(me)).status).not.toBe(429);
    const res = await send(me);
    expect(res.status).toBe(429);
    const retry = Number(res.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    // Another client is not affected.
    expect((await send(client())).status).not.toBe(429);
    return res;
  }

  const get = (path: string, accept = 'application/json') => (ip: string) => t.app.request(path, { headers: { 'x-forwarded-for': `203.0.113.9, ${ip}`, accept } });

  it('GET /login: 429 with Retry-After after N requests, in the negotiated format', async () => {
    const res = await expectLimited(get('/login'));
    expect(await res.json()).toMatchObject({ error: { code: 'rate_limited' } });
    const html = await expectLimited(get('/login', 'text/html'));
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('GET /auth/callback and the demo login (GET and POST)', async () => {
    await expectLimited(get('/auth/callback?state=x&code=y'));
    await expectLimited(get('/demo/login'));
    await expectLimited((ip) =>
      t.app.request('/demo/login', { method: 'POST', headers: { 'x-forwarded-for': ip, origin: TEST_BASE, 'content-type': 'application/x-www-form-urlencoded' }, body: 'user=x' }),
    );
  });

  it('the API-token endpoints of every organisation', async () => {
    await expectLimited(get('/api/organisaties/gemeente-gent/tokens'));
    await expectLimited((ip) => t.app.request('/api/organisaties/gemeente-gent/tokens', { method: 'POST', headers: { 'x-forwarded-for': ip, authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: '{}' }));
    await expectLimited((ip) => t.app.request('/api/organisaties/stad-aalst/tokens/abc123', { method: 'DELETE', headers: { 'x-forwarded-for': ip, authorization: `Bearer ${ADMIN_TOKEN}` } }));
    await expectLimited(get('/beheer/organisaties/gemeente-gent/tokens', 'text/html')); // the admin pages' token forms
  });

  it('leaves other paths alone', async () => {
    for (let i = 0; i < LIMIT * 3; i++) expect((await t.app.request('/health', { headers: { 'x-forwarded-for': '198.51.100.1' } })).status).toBe(200);
    for (let i = 0; i < LIMIT * 3; i++) expect((await t.app.request('/api/me', { headers: { 'x-forwarded-for': '198.51.100.1' } })).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY is set (it is client-controlled)', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await untrusted.app.request('/login', { headers: { 'x-forwarded-for': `192.0.2.${100 + i}` } })).status).not.toBe(429);
    expect((await untrusted.app.request('/login', { headers: { 'x-forwarded-for': '192.0.2.200' } })).status).toBe(429);
  });
});
