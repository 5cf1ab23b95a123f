/**
 * System graphs (identity: users, grants, token hashes; audit; versions; locks) are never served
 * as linked-data documents, nor used for link labels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, makeTestApp } from '../support/app.js';
import { TEST_BASE } from '../support/tmp.js';

let t: Awaited<ReturnType<typeof makeTestApp>>;
beforeAll(async () => {
  t = await makeTestApp({ demo: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(() => t.close());

const auth = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };

describe('private data is not published as documents', () => {
  it('serves no document for tokens, users, grants or audit entries, in any format', async () => {
    const res = await t.app.request('/api/organisaties/gemeente-gent/tokens', { method: 'POST', headers: auth, body: JSON.stringify({ name: 'privacy', roles: ['lezer'] }) });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const audit = await t.raw.select(`SELECT ?e WHERE { GRAPH <${TEST_BASE}/graph/audit> { ?e a <https://data.stelsel.nl/ns/stelsel#AuditEntry> } } LIMIT 1`);
    const entry = audit[0]!.e!.value;
    // Sanity: these resources do exist in the store.
    expect(await t.raw.ask(`ASK { GRAPH ?g { <${TEST_BASE}/id/token/${id}> ?p ?o } }`)).toBe(true);
    expect(await t.raw.ask(`ASK { GRAPH ?g { <${TEST_BASE}/id/gebruiker/demo-schrijver> ?p ?o } }`)).toBe(true);

    for (const path of [`/id/token/${id}`, `/doc/token/${id}.ttl`, `/doc/token/${id}`, '/id/gebruiker/demo-schrijver', '/doc/gebruiker/demo-schrijver.jsonld']) {
      const r = await t.app.request(path, { headers: { accept: 'text/turtle' } });
      expect(r.status, path).toBe(404);
    }
    expect(entry.startsWith(`${TEST_BASE}/graph/audit/`)).toBe(true);
    const e = await t.app.request(`/doc/${entry.slice(TEST_BASE.length + '/graph/'.length)}.ttl`);
    expect(e.status).toBe(404);
  });

  it('still serves public resources', async () => {
    const r = await t.app.request('/doc/organisatie/gemeente-gent.ttl');
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('Gemeente Gent');
  });
});
