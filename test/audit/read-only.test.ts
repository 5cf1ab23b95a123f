/**
 * Nothing edits or deletes audit entries: the Graph Store API refuses the audit graph (and the
 * other system graphs) for every method, the audit pages have no write routes, and the public
 * SPARQL endpoint refuses updates. A resource page links to its history without adding RDFa.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, makeTestApp } from '../support/app.js';
import { TEST_BASE } from '../support/tmp.js';
import { lines, rdfaLblod, rdfaStreaming, turtle } from '../linked-data/rdfa-support.js';

let t: Awaited<ReturnType<typeof makeTestApp>>;
beforeAll(async () => {
  t = await makeTestApp({ demo: true });
  const res = await t.app.request(`/api/graphs?graph=${encodeURIComponent(`${TEST_BASE}/graph/ro-test`)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/turtle' },
    body: `<${TEST_BASE}/id/organisatie/ro> a <http://www.w3.org/ns/org#Organization> ; <http://www.w3.org/2004/02/skos/core#prefLabel> "RO"@nl .`,
  });
  expect(res.status).toBe(204);
});
afterAll(() => t?.close());

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const AUDIT = `${TEST_BASE}/graph/audit`;

async function auditQuads(): Promise<string> {
  const rows = await t.raw.select(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${AUDIT}> { ?s ?p ?o } }`);
  return rows[0]!.n!.value;
}

describe('the audit log is append-only from the outside', () => {
  it('the Graph Store API refuses to read, replace, extend or drop the audit graph (and every system graph)', async () => {
    const before = await auditQuads();
    expect(Number(before)).toBeGreaterThan(0);
    const graphs = [AUDIT, `${TEST_BASE}/graph/identity`, `${TEST_BASE}/graph/versions`, `${TEST_BASE}/graph/locks`];
    for (const g of graphs) {
      for (const method of ['GET', 'PUT', 'POST', 'DELETE']) {
        const res = await t.app.request(`/api/graphs?graph=${encodeURIComponent(g)}`, {
          method,
          headers: { ...admin, 'content-type': 'text/turtle', accept: 'application/json' },
          ...(method === 'PUT' || method === 'POST' ? { body: `<${AUDIT}/forged> <http://www.w3.org/ns/prov#value> "forged" .` } : {}),
        });
        expect(res.status, `${method} ${g}`).toBe(403);
      }
    }
    expect(await auditQuads()).toBe(before);
  });

  it('the audit pages have no write routes', async () => {
    for (const method of ['PUT', 'POST', 'DELETE', 'PATCH']) {
      const res = await t.app.request('/beheer/audit', { method, headers: { ...admin, accept: 'application/json' } });
      expect(res.status, method).toBe(404);
    }
    expect(t.registry.list().filter((r) => r.fullPath.startsWith('/beheer/audit')).map((r) => r.method)).toEqual(['get']);
  });

  it('the public SPARQL endpoint refuses updates of any kind', async () => {
    const before = await auditQuads();
    const update = `DELETE WHERE { GRAPH <${AUDIT}> { ?s ?p ?o } }`;
    const attempts = [
      t.app.request(`/sparql?update=${encodeURIComponent(update)}`),
      t.app.request('/sparql', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ update }).toString() }),
      t.app.request('/sparql', { method: 'POST', headers: { 'content-type': 'application/sparql-update' }, body: update }),
      t.app.request(`/sparql?query=${encodeURIComponent(`CLEAR GRAPH <${AUDIT}>`)}`),
      t.app.request('/sparql', { method: 'POST', headers: { ...admin, 'content-type': 'application/sparql-query' }, body: `DROP GRAPH <${AUDIT}>` }),
    ];
    for (const res of await Promise.all(attempts)) expect(res.status).toBe(403);
    expect(await auditQuads()).toBe(before);
  });
});

describe('resource pages link to their history', () => {
  const path = '/doc/organisatie/gemeente-gent';
  const iri = `${TEST_BASE}/id/organisatie/gemeente-gent`;

  it('has a plain "Geschiedenis" link to the audit trail filtered on the resource', async () => {
    const html = await (await t.app.request(path, { headers: { accept: 'text/html' } })).text();
    const href = `/beheer/audit?resource=${encodeURIComponent(iri)}`.replace(/&/g, '&amp;');
    expect(html).toContain(`<a href="${href}">Geschiedenis</a>`);
    const res = await t.app.request(`/beheer/audit?resource=${encodeURIComponent(iri)}`, { headers: { ...admin, accept: 'text/html' } });
    expect(res.status).toBe(200);
  });

  it('the link adds no triple: both RDFa processors still find exactly the Turtle', async () => {
    const pageUrl = `${TEST_BASE}${path}`;
    const html = await (await t.app.request(pageUrl, { headers: { accept: 'text/html' } })).text();
    expect(html).toContain('Geschiedenis');
    const want = lines(turtle(await (await t.app.request(`${pageUrl}.ttl`)).text(), `${pageUrl}.ttl`));
    expect(lines(await rdfaStreaming(html, pageUrl))).toEqual(want);
    expect(lines(rdfaLblod(html, pageUrl))).toEqual(want);
    const withoutLink = html.replace(/<p class="history">[\s\S]*?<\/p>/, '');
    expect(withoutLink).not.toContain('Geschiedenis');
    expect(lines(await rdfaStreaming(withoutLink, pageUrl))).toEqual(lines(await rdfaStreaming(html, pageUrl)));
  });
});
