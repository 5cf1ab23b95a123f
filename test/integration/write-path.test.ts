import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import N3 from 'n3';
import { ADMIN_TOKEN, makeTestApp } from '../support/app.js';
import { TEST_BASE } from '../support/tmp.js';

let t: Awaited<ReturnType<typeof makeTestApp>>;
beforeAll(async () => {
  t = await makeTestApp({ env: { BODY_LIMIT_BYTES: '4096' } });
});
afterAll(() => t.close());

const G = `${TEST_BASE}/graph/test-orgs`;
const url = (g = G) => `/api/graphs?graph=${encodeURIComponent(g)}`;
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const good = `@prefix org: <http://www.w3.org/ns/org#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<${TEST_BASE}/id/organisatie/a> a org:Organization ; skos:prefLabel "A"@nl .`;
const bad = `@prefix org: <http://www.w3.org/ns/org#> .
<${TEST_BASE}/id/organisatie/b> a org:Organization .`;

async function graphSize(): Promise<number> {
  const rows = await t.raw.select(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${G}> { ?s ?p ?o } }`);
  return Number(rows[0]!.n!.value);
}

describe('SHACL write path through HTTP', () => {
  it('stores conforming data', async () => {
    const res = await t.app.request(url(), { method: 'PUT', headers: { ...auth, 'content-type': 'text/turtle' }, body: good });
    expect(res.status).toBe(204);
    expect(await graphSize()).toBe(2);
  });

  it('refuses a violation with 422 and a JSON report, changing nothing', async () => {
    const res = await t.app.request(url(), { method: 'PUT', headers: { ...auth, 'content-type': 'text/turtle', accept: 'application/json' }, body: bad });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; details: { conforms: boolean; results: { focusNode: string; path: string; severity: string; message: string }[] } } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.conforms).toBe(false);
    expect(body.error.details.results[0]).toMatchObject({
      focusNode: `${TEST_BASE}/id/organisatie/b`,
      path: 'http://www.w3.org/2004/02/skos/core#prefLabel',
      severity: 'Violation',
    });
    expect(await graphSize()).toBe(2);
  });

  it('gives the report as Turtle on request', async () => {
    const res = await t.app.request(url(), { method: 'PUT', headers: { ...auth, 'content-type': 'text/turtle', accept: 'text/turtle' }, body: bad });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/text\/turtle/);
    const quads = new N3.Parser().parse(await res.text());
    expect(quads.some((q) => q.predicate.value === 'http://www.w3.org/ns/shacl#conforms' && q.object.value === 'false')).toBe(true);
    expect(quads.some((q) => q.predicate.value === 'http://www.w3.org/ns/shacl#focusNode' && q.object.value === `${TEST_BASE}/id/organisatie/b`)).toBe(true);
  });

  it('gives a readable HTML page to a browser', async () => {
    const res = await t.app.request(url(), { method: 'PUT', headers: { ...auth, 'content-type': 'text/turtle', accept: 'text/html' }, body: bad });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('De gegevens zijn niet opgeslagen');
    expect(html).toContain('Een organisatie heeft een naam');
    expect(html).toContain('<html lang="nl"');
  });

  it('reports a syntax error with its line and stores nothing', async () => {
    const res = await t.app.request(url(), { method: 'PUT', headers: { ...auth, 'content-type': 'text/turtle' }, body: '<http://a> <http://b> "c" .\n<http://a> <http://b> oops .\n' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; details: { line: number } } };
    expect(body.error.details.line).toBe(2);
    expect(await graphSize()).toBe(2);
  });

  it('answers 413 to an oversize body', async () => {
    const res = await t.app.request(url(), { method: 'PUT', headers: { ...auth, 'content-type': 'text/turtle' }, body: `# ${'x'.repeat(5000)}\n` });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('needs a privileged caller: 401 without or with an unknown token, and nothing changes', async () => {
    const none = await t.app.request(url(), { method: 'DELETE' });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/Bearer/);
    const wrong = await t.app.request(url(), { method: 'DELETE', headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(await graphSize()).toBe(2);
  });

  it('refuses graphs outside BASE_URL/graph/ and the system graphs', async () => {
    for (const g of ['http://elsewhere.example/graph/x', `${TEST_BASE}/graph/locks`, 'not an iri']) {
      const res = await t.app.request(url(g), { method: 'PUT', headers: { ...auth, 'content-type': 'text/turtle' }, body: good });
      expect([400, 403]).toContain(res.status);
    }
  });

  it('refuses unsupported media types with 415', async () => {
    const res = await t.app.request(url(), { method: 'PUT', headers: { ...auth, 'content-type': 'application/xml' }, body: '<x/>' });
    expect(res.status).toBe(415);
  });

  it('reads the graph back as Turtle and N-Triples, then drops it', async () => {
    const ttl = await t.app.request(url(), { headers: { ...auth, accept: 'text/turtle' } });
    expect(new N3.Parser().parse(await ttl.text())).toHaveLength(2);
    const nt = await t.app.request(url(), { headers: { ...auth, accept: 'application/n-triples' } });
    expect((await nt.text()).trim().split('\n')).toHaveLength(2);
    expect((await t.app.request(url(), { method: 'DELETE', headers: auth })).status).toBe(204);
    expect(await graphSize()).toBe(0);
  });

  it('never answers 500 with internals for unknown errors and sets security headers', async () => {
    const res = await t.app.request('/no/such/page', { headers: { accept: 'application/json' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('describes the site and its registers without demo data, and writes that description only once', async () => {
    for (const id of ['catalogus', 'besluiten', 'series']) {
      const res = await t.app.request(`/id/register/${id}`, { headers: { accept: 'text/turtle' } });
      expect(res.status).toBe(303);
    }
    const { ensureSiteGraph } = await import('../../src/home/index.js');
    const seq = t.raw.lastSeq;
    expect(await ensureSiteGraph(t.store, t.audit, t.uris)).toBe(false);
    expect(t.raw.lastSeq).toBe(seq);
    // The write at start-up is audited, by Stelsel's own agent.
    const rows = await t.raw.select(`SELECT ?agent WHERE { GRAPH <${TEST_BASE}/graph/audit> {
      ?e <https://data.stelsel.nl/ns/stelsel#action> "site.describe" ; <http://www.w3.org/ns/prov#wasAssociatedWith> ?agent } }`);
    expect(rows.map((r) => r.agent!.value)).toEqual([`${TEST_BASE}/id/agent/system`]);
  });
});

describe('audit of the write path', () => {
  it('records every write with its agent, graphs and versions, and every denial', async () => {
    const g = `${TEST_BASE}/graph/audited`;
    const u = `/api/graphs?graph=${encodeURIComponent(g)}`;
    expect((await t.app.request(u, { method: 'PUT', headers: { ...auth, 'content-type': 'text/turtle' }, body: good })).status).toBe(204);
    expect((await t.app.request(u, { method: 'PUT', headers: { ...auth, 'content-type': 'text/turtle' }, body: good })).status).toBe(204);
    // A refused write leaves no entry and no version bump.
    expect((await t.app.request(u, { method: 'PUT', headers: { ...auth, 'content-type': 'text/turtle' }, body: bad })).status).toBe(422);
    expect((await t.app.request(u, { method: 'DELETE' })).status).toBe(401);
    const rows = await t.raw.select(`
      PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX st: <https://data.stelsel.nl/ns/stelsel#>
      SELECT ?action ?outcome ?agent ?before ?after ?at WHERE { GRAPH <${TEST_BASE}/graph/audit> {
        ?e st:action ?action ; st:outcome ?outcome ; prov:startedAtTime ?at .
        OPTIONAL { ?e prov:wasAssociatedWith ?agent } OPTIONAL { ?e st:versionBefore ?before ; st:versionAfter ?after }
        { ?e st:resource <${g}> } UNION { ?e st:action "authorization.denied" }
      } } ORDER BY ?at`);
    const writes = rows.filter((r) => r.action!.value === 'graph.replace');
    expect(writes.map((r) => [r.agent?.value, r.before?.value, r.after?.value])).toEqual([
      [`${TEST_BASE}/id/agent/bootstrap`, '0', '1'],
      [`${TEST_BASE}/id/agent/bootstrap`, '1', '2'],
    ]);
    // Millisecond precision: the store keeps xsd:dateTime in canonical form (".120Z" reads back as
    // ".12Z", ".000Z" as "Z"), so compare values, not lexical forms.
    for (const r of writes) {
      expect(r.at!.value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);
      expect(new Date(r.at!.value).toISOString()).toMatch(/\.\d{3}Z$/);
    }
    expect(new Date(writes[1]!.at!.value).getTime()).toBeGreaterThanOrEqual(new Date(writes[0]!.at!.value).getTime());
    const denied = rows.filter((r) => r.action!.value === 'authorization.denied');
    expect(denied.length).toBeGreaterThanOrEqual(1);
    expect(denied.every((r) => r.outcome!.value === 'denied' && r.agent === undefined)).toBe(true);
  });
});
