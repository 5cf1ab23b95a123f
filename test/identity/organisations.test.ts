/**
 * Organisations through the API: identifier modelling, SHACL refusals, optimistic concurrency,
 * the directory the login uses, role grants and the demo users; every write audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, makeTestApp } from '../support/app.js';
import { TEST_BASE } from '../support/tmp.js';
import { createOrganisationDirectory, grantsOf, listDemoUsers } from '../../src/identity/index.js';
import { ROLES, roleIri } from '../../src/shared/auth/roles.js';

let t: Awaited<ReturnType<typeof makeTestApp>>;
beforeAll(async () => {
  t = await makeTestApp({ demo: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(() => t.close());

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const jsonHeaders = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', accept: 'application/json', ...extra });
const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = admin) =>
  t.app.request(path, { method, headers: jsonHeaders(headers), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });

interface OrgJson {
  iri: string;
  slug: string;
  name: string;
  ovo?: string;
  kbo?: string;
  oin?: string;
  owms?: string;
  lblod?: string;
  classification?: string;
  bestuurseenheid: boolean;
  version: number;
}
interface ErrorJson {
  error: { code: string; message: string; details?: { results?: { message: string; path?: string; value?: string }[] } };
}

const GEMEENTE = 'http://data.vlaanderen.be/id/concept/BestuurseenheidClassificatieCode/5ab0e9b8a3b2ca7c5e000001';

async function auditEntries(resource: string): Promise<{ action: string; agent?: string; before?: string; after?: string }[]> {
  const rows = await t.raw.select(`
    PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX st: <https://data.stelsel.nl/ns/stelsel#>
    SELECT ?action ?agent ?before ?after ?at WHERE { GRAPH <${TEST_BASE}/graph/audit> {
      ?e st:resource <${resource}> ; st:action ?action ; prov:startedAtTime ?at .
      OPTIONAL { ?e prov:wasAssociatedWith ?agent } OPTIONAL { ?e st:versionBefore ?before ; st:versionAfter ?after }
    } } ORDER BY ?at`);
  return rows.map((r) => ({ action: r.action!.value, agent: r.agent?.value, before: r.before?.value, after: r.after?.value }));
}

describe('organisations', () => {
  it('lists the demo organisations with the new identifier modelling, publicly', async () => {
    const res = await t.app.request('/api/organisaties', { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    const { organisations } = (await res.json()) as { organisations: OrgJson[] };
    const gent = organisations.find((o) => o.slug === 'gemeente-gent');
    expect(gent).toMatchObject({
      iri: `${TEST_BASE}/id/organisatie/gemeente-gent`,
      name: 'Gemeente Gent',
      ovo: 'OVO002949',
      kbo: '0207451227',
      lblod: 'http://data.lblod.info/id/bestuurseenheden/353234a365664e581db5c2f7cc07add2534b47b8e1ab87c821fc6e6365e6bef5',
      classification: GEMEENTE,
      bestuurseenheid: true,
    });
    expect(organisations.find((o) => o.slug === 'gemeente-aalsmeer')).toMatchObject({
      oin: '00000001002220647000',
      owms: 'http://standaarden.overheid.nl/owms/terms/Aalsmeer_(gemeente)',
      bestuurseenheid: false,
    });
    expect(organisations.map((o) => o.slug).sort()).toEqual(['gemeente-aalsmeer', 'gemeente-gent', 'gemeente-nieuwegein', 'gemeente-tilburg', 'stad-aalst']);
    // One named graph per organisation.
    const graphs = await t.raw.select(`SELECT DISTINCT ?g WHERE { GRAPH ?g { ?o a <http://www.w3.org/ns/org#Organization> } } ORDER BY ?g`);
    expect(graphs.map((r) => r.g!.value).filter((g) => g.includes('/organisatie'))).toEqual([
      `${TEST_BASE}/graph/organisatie/gemeente-aalsmeer`,
      `${TEST_BASE}/graph/organisatie/gemeente-gent`,
      `${TEST_BASE}/graph/organisatie/gemeente-nieuwegein`,
      `${TEST_BASE}/graph/organisatie/gemeente-tilburg`,
      `${TEST_BASE}/graph/organisatie/stad-aalst`,
    ]);
  });

  it('creates an organisation (beheerder), typed Bestuurseenheid with an LBLOD IRI, stored as typed identifiers', async () => {
    const res = await call('POST', '/api/organisaties', {
      slug: 'gemeente-melle',
      name: 'Gemeente Melle',
      ovo: 'ovo001234',
      kbo: '0207.501.223',
      lblod: 'http://data.lblod.info/id/bestuurseenheden/melle',
      classification: GEMEENTE,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe('/api/organisaties/gemeente-melle');
    const org = (await res.json()) as OrgJson;
    expect(org).toMatchObject({ slug: 'gemeente-melle', ovo: 'OVO001234', kbo: '0207501223', bestuurseenheid: true, version: 1 });
    const ask = await t.raw.ask(`PREFIX org: <http://www.w3.org/ns/org#> PREFIX besluit: <http://data.vlaanderen.be/ns/besluit#>
      ASK { GRAPH <${TEST_BASE}/graph/organisatie/gemeente-melle> {
        <${org.iri}> a besluit:Bestuurseenheid ; org:identifier "OVO001234"^^<https://data.stelsel.nl/ns/stelsel#OvoCode> ;
          besluit:classificatie <${GEMEENTE}> ; <http://www.w3.org/2002/07/owl#sameAs> <http://data.lblod.info/id/bestuurseenheden/melle> } }`);
    expect(ask).toBe(true);
    expect(await auditEntries(org.iri)).toEqual([{ action: 'organisation.create', agent: `${TEST_BASE}/id/agent/bootstrap`, before: '0', after: '1' }]);
  });

  it.each([
    ['OVO code', { ovo: 'OVO12' }, /OVO-code|OVO code/],
    ['KBO number', { kbo: '12345' }, /KBO/],
    ['OIN', { oin: '123' }, /OIN/],
    ['OWMS IRI', { owms: 'http://example.org/not-owms' }, /OWMS/],
  ])('refuses a malformed %s with 422 and the SHACL message, storing nothing', async (_what, fields, message) => {
    const before = await t.raw.count();
    const res = await call('POST', '/api/organisaties', { slug: 'bad-org', name: 'Bad', ...fields });
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorJson;
    expect(body.error.code).toBe('validation_failed');
    const messages = (body.error.details?.results ?? []).map((r) => r.message).join('\n');
    expect(messages).toMatch(message);
    expect(await t.raw.count()).toBe(before);
  });

  it('refuses a bestuurseenheid without classification with 422', async () => {
    const res = await call('POST', '/api/organisaties', { slug: 'bad-org', name: 'Bad', lblod: 'http://data.lblod.info/id/bestuurseenheden/bad' });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toMatch(/classificatie|classification/);
  });

  it('refuses a malformed body with 400 and a taken slug or identifier with 409', async () => {
    expect((await call('POST', '/api/organisaties', { slug: 'Not A Slug', name: 'x' })).status).toBe(400);
    expect((await call('POST', '/api/organisaties', { slug: 'x', name: 'x', extra: 1 })).status).toBe(400);
    const reserved = await call('POST', '/api/organisaties', { slug: 'ldes', name: 'x' });
    expect(reserved.status).toBe(400);
    expect(await reserved.text()).toMatch(/ldes is reserved/);
    expect((await t.app.request('/api/organisaties', { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: '{' })).status).toBe(400);
    expect((await t.app.request('/api/organisaties', { method: 'POST', headers: { ...admin, 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    const taken = await call('POST', '/api/organisaties', { slug: 'gemeente-gent', name: 'Gent again' });
    expect(taken.status).toBe(409);
    const code = await call('POST', '/api/organisaties', { slug: 'gent-copy', name: 'Gent copy', ovo: 'OVO002949' });
    expect(code.status).toBe(409);
    expect(((await code.json()) as ErrorJson).error.message).toContain('OVO002949');
  });

  it('updates with If-Match: the current ETag wins, a stale one gets 409 and changes nothing', async () => {
    const read = await t.app.request('/api/organisaties/stad-aalst', { headers: { accept: 'application/json' } });
    expect(read.status).toBe(200);
    const etag = read.headers.get('etag')!;
    expect(etag).toBe('"0"'); // demo data: never written through the API
    const { iri, slug: _s, version: _v, bestuurseenheid: _b, ...fields } = (await read.json()) as OrgJson;
    const ok = await call('PUT', '/api/organisaties/stad-aalst', { ...fields, name: 'Stad Aalst', kbo: '0207449643' }, { ...admin, 'if-match': etag });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"1"');
    expect(((await ok.json()) as OrgJson).kbo).toBe('0207449643');

    const before = await t.raw.count();
    const stale = await call('PUT', '/api/organisaties/stad-aalst', { ...fields, name: 'Aalst (stale)' }, { ...admin, 'if-match': etag });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as ErrorJson).error.code).toBe('precondition_failed');
    expect(await t.raw.count()).toBe(before);
    const again = (await (await t.app.request('/api/organisaties/stad-aalst')).json()) as OrgJson;
    expect(again.name).toBe('Stad Aalst');
    expect((await call('PUT', '/api/organisaties/stad-aalst', { ...fields }, { ...admin, 'if-match': 'garbage' })).status).toBe(400);
    expect((await call('PUT', '/api/organisaties/no-such-org', { name: 'x' })).status).toBe(404);
    expect(await auditEntries(iri)).toEqual([{ action: 'organisation.update', agent: `${TEST_BASE}/id/agent/bootstrap`, before: '0', after: '1' }]);
  });

  it("lets an organisation's own admin change its name but not its identifiers", async () => {
    const res = await call('POST', '/api/organisaties/gemeente-gent/tokens', { name: 'org admin', roles: ['organisatiebeheerder'] });
    const { token } = (await res.json()) as { token: string };
    const as = { authorization: `Bearer ${token}` };
    const { iri: _i, slug: _s, version: _v, bestuurseenheid: _b, ...fields } = (await (await t.app.request('/api/organisaties/gemeente-gent')).json()) as OrgJson;
    const nonAudit = async () =>
      Number((await t.raw.select(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <${TEST_BASE}/graph/audit>) }`))[0]!.n!.value);
    const before = await nonAudit();
    const denied = await call('PUT', '/api/organisaties/gemeente-gent', { ...fields, ovo: 'OVO000001' }, as);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as ErrorJson).error.message).toContain('ovo');
    const dropped = await call('PUT', '/api/organisaties/gemeente-gent', { ...fields, kbo: undefined }, as);
    expect(dropped.status).toBe(403);
    expect(await nonAudit()).toBe(before);
    // The same identifiers, differently written, and a new name: allowed.
    const renamed = await call('PUT', '/api/organisaties/gemeente-gent', { ...fields, ovo: 'ovo002949', kbo: '0207.451.227', name: 'Stad Gent' }, as);
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as OrgJson).name).toBe('Stad Gent');
    expect((await call('PUT', '/api/organisaties/gemeente-gent', fields, as)).status).toBe(200);
  });

  it('finds organisations by OVO code or KBO number for the login (vo_orgcode), and names them', async () => {
    const dir = createOrganisationDirectory(t);
    const gent = `${TEST_BASE}/id/organisatie/gemeente-gent`;
    expect(await dir.findByCode('OVO002949')).toBe(gent);
    expect(await dir.findByCode('ovo002949')).toBe(gent);
    expect(await dir.findByCode('0207451227')).toBe(gent);
    expect(await dir.findByCode('BE0207.451.227')).toBe(gent);
    expect(await dir.findByCode('207451227')).toBe(gent);
    expect(await dir.findByCode('OVO999999')).toBeNull();
    expect(await dir.findByCode('"; DROP ALL')).toBeNull();
    expect(await dir.label(gent)).toBe('Gemeente Gent');
    expect(await dir.label(`${TEST_BASE}/id/organisatie/none`)).toBeNull();
    expect(await dir.label('not an iri')).toBeNull();
  });
});

describe('role grants and users', () => {
  const gentUrl = '/api/organisaties/gemeente-gent/rollen';
  const demo = (id: string) => `${TEST_BASE}/id/gebruiker/${id}`;
  const gent = `${TEST_BASE}/id/organisatie/gemeente-gent`;

  it('has one demo user per role, with that role (two committees for the committee roles)', async () => {
    const users = await listDemoUsers(t);
    const committee = new Set(['commissielid', 'commissievoorzitter']);
    expect(users).toHaveLength(ROLES.length + committee.size);
    for (const role of ROLES) expect(users.filter((u) => u.grants.some((g) => g.role === role)), role).toHaveLength(committee.has(role) ? 2 : 1);
    for (const u of users) expect(new Set(u.grants.map((g) => g.role)).size, u.iri).toBe(1);
    expect(users.find((u) => u.iri === demo('demo-schrijver'))).toEqual({
      iri: demo('demo-schrijver'),
      name: 'Demo Schrijver (Gemeente Gent)',
      grants: [{ role: 'schrijver', scope: gent }],
    });
    expect(users.find((u) => u.iri === demo('demo-beheerder'))!.grants).toEqual([{ role: 'beheerder', scope: t.uris.platform.value }]);
  });

  it('grants and revokes an organisation role; grantsOf follows', async () => {
    const res = await call('POST', gentUrl, { user: 'demo-lezer', role: 'publiceerder' });
    expect(res.status).toBe(201);
    const grant = (await res.json()) as { id: string; iri: string; scope: string; role: string; scopeKind: string };
    expect(grant).toMatchObject({ role: 'publiceerder', scope: gent, scopeKind: 'organisation' });
    expect(await grantsOf(t, demo('demo-lezer'))).toEqual(
      expect.arrayContaining([
        { role: 'lezer', scope: gent },
        { role: 'publiceerder', scope: gent },
      ]),
    );
    // Twice is a conflict; listed while active.
    expect((await call('POST', gentUrl, { user: demo('demo-lezer'), role: 'publiceerder' })).status).toBe(409);
    const list = (await (await call('GET', gentUrl)).json()) as { grants: { id: string }[] };
    expect(list.grants.map((g) => g.id)).toContain(grant.id);
    // Not found through another organisation's route.
    expect((await call('DELETE', `/api/organisaties/stad-aalst/rollen/${grant.id}`)).status).toBe(404);
    expect((await call('DELETE', `${gentUrl}/${grant.id}`)).status).toBe(204);
    expect((await call('DELETE', `${gentUrl}/${grant.id}`)).status).toBe(409);
    expect(await grantsOf(t, demo('demo-lezer'))).toEqual([{ role: 'lezer', scope: gent }]);
    // The record stays, marked revoked.
    expect(await t.raw.ask(`ASK { GRAPH <${TEST_BASE}/graph/identity> { <${grant.iri}> <https://data.stelsel.nl/ns/stelsel#revoked> ?at ;
      <https://data.stelsel.nl/ns/stelsel#grantedRole> <${roleIri('publiceerder')}> } }`)).toBe(true);
    expect((await auditEntries(grant.iri)).map((e) => [e.action, e.agent])).toEqual([
      ['grant.create', `${TEST_BASE}/id/agent/bootstrap`],
      ['grant.revoke', `${TEST_BASE}/id/agent/bootstrap`],
    ]);
  });

  it('grants a role only in its kind of scope', async () => {
    const r1 = await call('POST', gentUrl, { user: 'demo-lezer', role: 'commissielid' });
    expect(r1.status).toBe(422);
    const r2 = await call('POST', gentUrl, { user: 'demo-lezer', role: 'schrijver', committee: `${TEST_BASE}/id/commissie/x` });
    expect(r2.status).toBe(422);
    const r3 = await call('POST', gentUrl, { user: 'demo-lezer', role: 'beheerder', committee: `${TEST_BASE}/id/commissie/x` });
    expect(r3.status).toBe(422);
    const platform = await call('POST', gentUrl, { user: 'demo-lezer', role: 'catalogusbeheerder' });
    expect(platform.status).toBe(201);
    expect(((await platform.json()) as { scope: string }).scope).toBe(t.uris.platform.value);
    const committee = await call('POST', gentUrl, { user: 'demo-lezer', role: 'commissielid', committee: `${TEST_BASE}/id/commissie/gent-x` });
    expect(committee.status).toBe(201);
    expect(await grantsOf(t, demo('demo-lezer'))).toEqual(
      expect.arrayContaining([
        { role: 'catalogusbeheerder', scope: t.uris.platform.value },
        { role: 'commissielid', scope: `${TEST_BASE}/id/commissie/gent-x` },
      ]),
    );
  });

  it('refuses unknown users and bad bodies', async () => {
    expect((await call('POST', gentUrl, { user: 'nobody', role: 'lezer' })).status).toBe(422);
    expect((await call('POST', gentUrl, { user: 'http://elsewhere.example/x', role: 'lezer' })).status).toBe(422);
    expect((await call('POST', gentUrl, { user: 'demo-lezer', role: 'keizer' })).status).toBe(400);
    expect((await call('POST', '/api/organisaties/no-such-org/rollen', { user: 'demo-lezer', role: 'lezer' })).status).toBe(404);
  });
});

describe('administration pages', () => {
  it('shows the organisations and a detail page with grants and tokens to a beheerder, and works with forms', async () => {
    const list = await t.app.request('/beheer/organisaties', { headers: { ...admin, accept: 'text/html' } });
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain('href="/beheer/organisaties/gemeente-gent"');
    expect(html).toContain('Organisatie registreren');

    const form = (fields: Record<string, string | string[]>) => {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
      return { method: 'POST', headers: { ...admin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, body: p.toString() };
    };
    const issued = await t.app.request('/beheer/organisaties/gemeente-gent/tokens', form({ name: 'Pagina-token', roles: ['lezer', 'schrijver'] }));
    expect(issued.status).toBe(201);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    const secret = /stl_[A-Za-z0-9_-]{43}/.exec(await issued.text())?.[0];
    expect(secret).toBeTruthy();

    const granted = await t.app.request('/beheer/organisaties/gemeente-gent/rollen', form({ user: `${TEST_BASE}/id/gebruiker/demo-schrijver`, role: 'ondertekenaar' }));
    expect(granted.status).toBe(303);
    expect(granted.headers.get('location')).toBe('/beheer/organisaties/gemeente-gent');

    const detail = await t.app.request('/beheer/organisaties/gemeente-gent', { headers: { ...admin, accept: 'text/html' } });
    expect(detail.status).toBe(200);
    const page = await detail.text();
    expect(page).toContain('Pagina-token');
    expect(page).toContain('ondertekenaar');
    expect(page).not.toContain(secret!);

    const updated = await t.app.request('/beheer/organisaties/gemeente-tilburg', form({ version: '0', name: 'Gemeente Tilburg', owms: 'http://standaarden.overheid.nl/owms/terms/Tilburg_(gemeente)' }));
    expect(updated.status).toBe(303);
    const stale = await t.app.request('/beheer/organisaties/gemeente-tilburg', form({ version: '0', name: 'Gemeente Tilburg' }));
    expect(stale.status).toBe(409);

    expect((await t.app.request('/beheer/organisaties', { headers: { accept: 'text/html' } })).status).toBe(401);
  });
});
