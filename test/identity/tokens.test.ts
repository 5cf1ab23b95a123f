/**
 * API tokens: shown once, stored only as a hash, scoped to one organisation and its roles,
 * revocable (401 afterwards), and the agent of every write made with them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, makeTestApp } from '../support/app.js';
import { TEST_BASE } from '../support/tmp.js';
import { hashToken } from '../../src/identity/index.js';

let t: Awaited<ReturnType<typeof makeTestApp>>;
beforeAll(async () => {
  t = await makeTestApp({ demo: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(() => t.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const admin = bearer(ADMIN_TOKEN);
const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = admin) =>
  t.app.request(path, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });

interface Issued {
  id: string;
  iri: string;
  name: string;
  organisation: string;
  roles: string[];
  token: string;
  revoked?: string;
}

async function issue(slug: string, roles: string[], by: Record<string, string> = admin, name = `token ${roles.join('+')}`): Promise<Issued> {
  const res = await call('POST', `/api/organisaties/${slug}/tokens`, { name, roles }, by);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Issued;
}

/** Every literal in every graph of the store (audit included). */
async function allLiterals(): Promise<string[]> {
  const rows = await t.raw.select('SELECT ?o WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } FILTER(isLiteral(?o)) }');
  return rows.map((r) => r.o!.value);
}

/** Quads outside the audit graph (denials only add audit entries). */
async function nonAuditQuads(): Promise<number> {
  const rows = await t.raw.select(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <${TEST_BASE}/graph/audit>) }`);
  return Number(rows[0]!.n!.value);
}

const orgBody = (name: string) => ({ name, classification: 'http://data.vlaanderen.be/id/concept/BestuurseenheidClassificatieCode/5ab0e9b8a3b2ca7c5e000001' });

describe('API tokens', () => {
  it('shows the secret once and stores only its SHA-256', async () => {
    const res = await call('POST', '/api/organisaties/gemeente-gent/tokens', { name: 'Harvest trigger', roles: ['schrijver', 'schrijver', 'lezer'] });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const issued = (await res.json()) as Issued;
    expect(issued.token).toMatch(/^stl_[A-Za-z0-9_-]{43}$/);
    expect(issued).toMatchObject({ name: 'Harvest trigger', organisation: `${TEST_BASE}/id/organisatie/gemeente-gent`, roles: ['schrijver', 'lezer'] });
    expect(issued.iri).toBe(`${TEST_BASE}/id/token/${issued.id}`);

    const literals = await allLiterals();
    const secretPart = issued.token.slice(4);
    expect(literals.some((l) => l.includes(secretPart) || l.includes(issued.token))).toBe(false);
    expect(literals).toContain(hashToken(issued.token));

    // The list never shows a secret or a hash.
    const list = await call('GET', '/api/organisaties/gemeente-gent/tokens');
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).toContain(issued.id);
    expect(text).not.toContain(secretPart);
    expect(text).not.toContain(hashToken(issued.token));
    const { tokens } = JSON.parse(text) as { tokens: (Issued & Record<string, unknown>)[] };
    const listed = tokens.find((x) => x.id === issued.id)!;
    expect(Object.keys(listed).sort()).toEqual(['created', 'creator', 'id', 'iri', 'name', 'organisation', 'roles']);
  });

  it('acts with its roles in its organisation; a revoked token gets 401', async () => {
    const orgAdmin = await issue('gemeente-gent', ['organisatiebeheerder']);
    const read = await t.app.request('/api/organisaties/gemeente-gent');
    const etag = read.headers.get('etag')!;
    const ok = await call('PUT', '/api/organisaties/gemeente-gent', { ...(await gentFields()), name: 'Gemeente Gent' }, { ...bearer(orgAdmin.token), 'if-match': etag });
    expect(ok.status).toBe(200);

    const revoke = await call('DELETE', `/api/organisaties/gemeente-gent/tokens/${orgAdmin.id}`);
    expect(revoke.status).toBe(204);
    const after = await call('GET', '/api/organisaties/gemeente-gent/tokens', undefined, bearer(orgAdmin.token));
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toMatch(/Bearer/);
    // Revoked, never deleted: still listed, with the time of revocation.
    const { tokens } = (await (await call('GET', '/api/organisaties/gemeente-gent/tokens')).json()) as { tokens: Issued[] };
    expect(tokens.find((x) => x.id === orgAdmin.id)?.revoked).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await call('DELETE', `/api/organisaties/gemeente-gent/tokens/${orgAdmin.id}`)).status).toBe(409);
    // Unknown and malformed tokens are refused too.
    expect((await call('GET', '/api/organisaties/gemeente-gent/tokens', undefined, bearer(`stl_${'A'.repeat(43)}`))).status).toBe(401);
    expect((await call('GET', '/api/organisaties/gemeente-gent/tokens', undefined, bearer('stl_short'))).status).toBe(401);
  });

  it('cannot act for another organisation', async () => {
    const gentAdmin = await issue('gemeente-gent', ['organisatiebeheerder']);
    const aalst = await issue('stad-aalst', ['lezer']);
    const as = bearer(gentAdmin.token);
    const before = await nonAuditQuads();
    expect((await call('POST', '/api/organisaties/stad-aalst/tokens', { name: 'x', roles: ['lezer'] }, as)).status).toBe(403);
    expect((await call('GET', '/api/organisaties/stad-aalst/tokens', undefined, as)).status).toBe(403);
    expect((await call('PUT', '/api/organisaties/stad-aalst', orgBody('Stad Aalst'), as)).status).toBe(403);
    expect((await call('POST', '/api/organisaties/stad-aalst/rollen', { user: 'demo-lezer', role: 'lezer' }, as)).status).toBe(403);
    expect((await call('DELETE', `/api/organisaties/stad-aalst/tokens/${aalst.id}`, undefined, as)).status).toBe(403);
    // Through its own organisation's route, another organisation's token is not found.
    expect((await call('DELETE', `/api/organisaties/gemeente-gent/tokens/${aalst.id}`, undefined, as)).status).toBe(404);
    expect(await nonAuditQuads()).toBe(before);
    // The Aalst token still works.
    expect((await call('GET', '/api/organisaties/stad-aalst', undefined, bearer(aalst.token))).status).toBe(200);
  });

  it('holds organisation roles only, and only an organisation admin or beheerder issues them', async () => {
    for (const role of ['beheerder', 'catalogusbeheerder', 'commissielid']) {
      const res = await call('POST', '/api/organisaties/gemeente-gent/tokens', { name: 'x', roles: ['lezer', role] });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(role);
    }
    expect((await call('POST', '/api/organisaties/gemeente-gent/tokens', { name: 'x', roles: [] })).status).toBe(400);
    const writer = await issue('gemeente-gent', ['schrijver', 'publiceerder']);
    expect((await call('POST', '/api/organisaties/gemeente-gent/tokens', { name: 'x', roles: ['lezer'] }, bearer(writer.token))).status).toBe(403);
    expect((await call('POST', '/api/organisaties/gemeente-gent/tokens', { name: 'x', roles: ['lezer'] }, {})).status).toBe(401);
  });

  it('is the agent of the audit entries of its writes (and its issuer of the issue)', async () => {
    const orgAdmin = await issue('gemeente-gent', ['organisatiebeheerder'], admin, 'Integratie');
    const child = await issue('gemeente-gent', ['lezer'], bearer(orgAdmin.token), 'Door token uitgegeven');
    const grant = await call('POST', '/api/organisaties/gemeente-gent/rollen', { user: 'demo-schrijver', role: 'publiceerder' }, bearer(orgAdmin.token));
    expect(grant.status).toBe(201);
    const grantIri = ((await grant.json()) as { iri: string }).iri;
    expect((await call('DELETE', `/api/organisaties/gemeente-gent/tokens/${child.id}`, undefined, bearer(orgAdmin.token))).status).toBe(204);

    const rows = await t.raw.select(`
      PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX st: <https://data.stelsel.nl/ns/stelsel#>
      SELECT ?resource ?action ?agent ?scope WHERE { GRAPH <${TEST_BASE}/graph/audit> {
        ?e st:resource ?resource ; st:action ?action ; prov:wasAssociatedWith ?agent ; st:scope ?scope .
        VALUES ?resource { <${orgAdmin.iri}> <${child.iri}> <${grantIri}> }
      } }`);
    const entries = rows.map((r) => [r.resource!.value, r.action!.value, r.agent!.value, r.scope!.value]).sort();
    const gent = `${TEST_BASE}/id/organisatie/gemeente-gent`;
    expect(entries).toEqual(
      [
        [orgAdmin.iri, 'token.issue', `${TEST_BASE}/id/agent/bootstrap`, gent],
        [child.iri, 'token.issue', orgAdmin.iri, gent],
        [child.iri, 'token.revoke', orgAdmin.iri, gent],
        [grantIri, 'grant.create', orgAdmin.iri, gent],
      ].sort(),
    );
    // The token's creator is recorded on the token too.
    const listed = (await (await call('GET', '/api/organisaties/gemeente-gent/tokens')).json()) as { tokens: (Issued & { creator?: string })[] };
    expect(listed.tokens.find((x) => x.id === child.id)?.creator).toBe(orgAdmin.iri);
  });
});

async function gentFields(): Promise<Record<string, unknown>> {
  const res = await t.app.request('/api/organisaties/gemeente-gent');
  const { iri: _i, slug: _s, version: _v, bestuurseenheid: _b, ...fields } = (await res.json()) as Record<string, unknown>;
  return fields;
}
