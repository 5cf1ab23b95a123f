/**
 * GET /beheer/audit: writes made through the Graph Store API and the token API appear with the
 * right agent, versions, graphs and request id; filters (resource, scope, agent, action, outcome,
 * time) and paging work; JSON, Turtle and JSON-LD parse; only beheerders may read it; bad filters
 * are 400 with a message naming the parameter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsonld from 'jsonld';
import N3 from 'n3';
import { ADMIN_TOKEN, makeTestApp } from '../support/app.js';
import { TEST_BASE } from '../support/tmp.js';

let t: Awaited<ReturnType<typeof makeTestApp>>;
beforeAll(async () => {
  t = await makeTestApp({ demo: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(() => t?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const admin = bearer(ADMIN_TOKEN);
const BOOTSTRAP = `${TEST_BASE}/id/agent/bootstrap`;
const PLATFORM = `${TEST_BASE}/id/platform/stelsel`;
const GENT = `${TEST_BASE}/id/organisatie/gemeente-gent`;
const G1 = `${TEST_BASE}/graph/audit-test-1`;
const G2 = `${TEST_BASE}/graph/audit-test-2`;
const ttl = (n: number) => `<${TEST_BASE}/id/organisatie/audit-${n}> a <http://www.w3.org/ns/org#Organization> ;
  <http://www.w3.org/2004/02/skos/core#prefLabel> "Audit ${n}"@nl .`;

interface Entry {
  id: string;
  time: string;
  action: string;
  outcome: string;
  requestId?: string;
  agent?: string;
  agentLabel?: string;
  resource?: string;
  scope?: string;
  detail?: string;
  affectedGraphs: string[];
  versionBefore?: number;
  versionAfter?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function graphWrite(method: string, graph: string, body: string | undefined, requestId: string): Promise<void> {
  const res = await t.app.request(`/api/graphs?graph=${encodeURIComponent(graph)}`, {
    method,
    headers: { ...admin, 'x-request-id': requestId, ...(body ? { 'content-type': 'text/turtle' } : {}) },
    ...(body ? { body } : {}),
  });
  expect(res.status, await res.clone().text()).toBe(204);
}

async function trail(query: Record<string, string>, headers: Record<string, string> = admin): Promise<Entry[]> {
  const res = await t.app.request(`/beheer/audit?${new URLSearchParams(query)}`, { headers: { accept: 'application/json', ...headers } });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Entry[];
}

async function issueToken(slug: string, roles: string[], by: Record<string, string>, name: string): Promise<{ iri: string; token: string }> {
  const res = await t.app.request(`/api/organisaties/${slug}/tokens`, {
    method: 'POST',
    headers: { ...by, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ name, roles }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { iri: string; token: string };
}

let between: Date;
let orgAdmin: { iri: string; token: string };
let writer: { iri: string; token: string };

describe('audit trail', () => {
  beforeAll(async () => {
    await graphWrite('PUT', G1, ttl(1), 'req-put-1');
    await graphWrite('PUT', G1, ttl(2), 'req-put-2');
    await graphWrite('POST', G1, ttl(3), 'req-post-3');
    await sleep(15);
    between = new Date();
    await sleep(15);
    await graphWrite('DELETE', G1, undefined, 'req-drop-4');
    await graphWrite('PUT', G2, ttl(5), 'req-put-5');
    orgAdmin = await issueToken('gemeente-gent', ['organisatiebeheerder'], admin, 'Gent beheer');
    writer = await issueToken('gemeente-gent', ['schrijver'], bearer(orgAdmin.token), 'Gent schrijver');
  });

  it('shows the history of a resource, newest first, with agent, versions, graphs and request id', async () => {
    const entries = await trail({ resource: G1 });
    expect(entries.map((e) => [e.action, e.versionBefore, e.versionAfter, e.requestId])).toEqual([
      ['graph.drop', 3, 4, 'req-drop-4'],
      ['graph.merge', 2, 3, 'req-post-3'],
      ['graph.replace', 1, 2, 'req-put-2'],
      ['graph.replace', 0, 1, 'req-put-1'],
    ]);
    for (const e of entries) {
      expect(e).toMatchObject({ outcome: 'success', agent: BOOTSTRAP, agentLabel: 'Bootstraptoken (ADMIN_TOKEN)', resource: G1, scope: PLATFORM, affectedGraphs: [G1] });
      expect(e.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(e.id.startsWith(`${TEST_BASE}/graph/audit/`)).toBe(true);
    }
  });

  it('renders the HTML table: Belgian time, agent label, action, resource, outcome, versions, graphs, request id', async () => {
    const res = await t.app.request(`/beheer/audit?resource=${encodeURIComponent(G1)}`, { headers: { ...admin, accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    const [newest] = await trail({ resource: G1, size: '1' });
    const d = new Date(newest!.time);
    const f = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
        .formatToParts(d)
        .map((p) => [p.type, p.value]),
    );
    expect(html).toContain(`<time datetime="${newest!.time}">${f.day}-${f.month}-${f.year} ${f.hour}:${f.minute}:${f.second}</time>`);
    for (const text of ['Bootstraptoken (ADMIN_TOKEN)', 'graph.drop', 'graph.replace', 'geslaagd', '3 → 4', '0 → 1', 'req-drop-4', G1]) expect(html).toContain(text);
    expect(html).toContain('<table class="audit">');
    // No entries of the other graph on this resource's history.
    expect(html).not.toContain('req-put-5');
  });

  it('filters by time range (ISO date-times and Belgian dates)', async () => {
    const mid = between.toISOString();
    expect((await trail({ resource: G1, from: mid })).map((e) => e.requestId)).toEqual(['req-drop-4']);
    expect((await trail({ resource: G1, to: mid })).map((e) => e.requestId)).toEqual(['req-post-3', 'req-put-2', 'req-put-1']);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date()); // YYYY-MM-DD
    expect(await trail({ resource: G1, from: today, to: today })).toHaveLength(4);
    expect(await trail({ resource: G1, to: '2001-01-01' })).toHaveLength(0);
    expect(await trail({ resource: G1, from: '2999-01-01' })).toHaveLength(0);
  });

  it('filters by agent, organisation (scope) and action, and names token agents by their label', async () => {
    const byOrgAdmin = await trail({ agent: orgAdmin.iri });
    expect(byOrgAdmin.map((e) => [e.action, e.resource, e.scope])).toEqual([['token.issue', writer.iri, GENT]]);
    expect(byOrgAdmin[0]!.agentLabel).toBe('Gent beheer');
    const inGent = await trail({ scope: GENT, action: 'token.issue' });
    expect(inGent.map((e) => e.resource)).toEqual([writer.iri, orgAdmin.iri]);
    expect(inGent.map((e) => e.agent)).toEqual([orgAdmin.iri, BOOTSTRAP]);
    const drops = await trail({ action: 'graph.drop', agent: BOOTSTRAP });
    expect(drops.map((e) => e.resource)).toContain(G1);
    expect(drops.every((e) => e.action === 'graph.drop')).toBe(true);
  });

  it('pages newest first, with Link headers', async () => {
    const all = await trail({ resource: G1 });
    const res = await t.app.request(`/beheer/audit?resource=${encodeURIComponent(G1)}&size=3`, { headers: { ...admin, accept: 'application/json' } });
    const first = (await res.json()) as Entry[];
    expect(first.map((e) => e.id)).toEqual(all.slice(0, 3).map((e) => e.id));
    const next = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
    expect(next).toBe(`/beheer/audit?resource=${encodeURIComponent(G1)}&size=3&page=2`);
    const res2 = await t.app.request(next!, { headers: { ...admin, accept: 'application/json' } });
    expect(((await res2.json()) as Entry[]).map((e) => e.id)).toEqual(all.slice(3).map((e) => e.id));
    expect(res2.headers.get('link')).toMatch(/rel="prev"/);
    expect(res2.headers.get('link')).not.toMatch(/rel="next"/);
    expect(await trail({ resource: G1, size: '3', page: '3' })).toEqual([]);
  });

  it('gives the selection as Turtle and JSON-LD (PROV-O), and JSON as a plain array', async () => {
    const q = `/beheer/audit?resource=${encodeURIComponent(G1)}`;
    const turtle = await t.app.request(q, { headers: { ...admin, accept: 'text/turtle' } });
    expect(turtle.headers.get('content-type')).toMatch(/^text\/turtle/);
    const quads = new N3.Parser({ baseIRI: TEST_BASE }).parse(await turtle.text());
    const activities = quads.filter((x) => x.predicate.value === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type' && x.object.value === 'http://www.w3.org/ns/prov#Activity');
    expect(activities).toHaveLength(4);
    const times = quads.filter((x) => x.predicate.value === 'http://www.w3.org/ns/prov#startedAtTime');
    expect(times.every((x) => x.object.termType === 'Literal' && x.object.datatype.value === 'http://www.w3.org/2001/XMLSchema#dateTime')).toBe(true);
    expect(quads.some((x) => x.predicate.value === 'http://www.w3.org/ns/prov#wasAssociatedWith' && x.object.value === BOOTSTRAP)).toBe(true);

    const ld = await t.app.request(`${q}&format=jsonld`, { headers: admin });
    expect(ld.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const nquads = (await jsonld.toRDF(JSON.parse(await ld.text()) as jsonld.JsonLdDocument, { format: 'application/n-quads' })) as unknown as string;
    expect(nquads.trim().split('\n')).toHaveLength(quads.length);

    const json = await t.app.request(`${q}&format=json`, { headers: admin });
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await json.json()) as unknown;
    expect(Array.isArray(body)).toBe(true);
    expect(body).toHaveLength(4);
  });

  it('refuses anonymous callers (401) and non-beheerders (403), and records those denials', async () => {
    const anon = await t.app.request('/beheer/audit', { headers: { accept: 'application/json' } });
    expect(anon.status).toBe(401);
    const html = await t.app.request('/beheer/audit', { headers: { accept: 'text/html' } });
    expect(html.status).toBe(401);
    for (const token of [writer.token, orgAdmin.token]) {
      const res = await t.app.request('/beheer/audit', { headers: { ...bearer(token), accept: 'application/json' } });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    }
    const denials = await trail({ action: 'authorization.denied', agent: writer.iri });
    expect(denials[0]).toMatchObject({ outcome: 'denied', agent: writer.iri });
    expect(denials[0]!.detail).toMatch(/audit\.read GET \/beheer\/audit/);
    expect((await trail({ outcome: 'denied' })).every((e) => e.outcome === 'denied')).toBe(true);
  });

  it.each([
    [{ resource: 'not an iri' }, /"resource" must be an absolute IRI/],
    [{ scope: 'gemeente-gent' }, /"scope" must be an absolute IRI/],
    [{ agent: '<http://x>' }, /"agent" must be an absolute IRI/],
    [{ action: 'graph replace' }, /"action" must be an action name/],
    [{ outcome: 'maybe' }, /"outcome" must be one of success, denied, failure/],
    [{ from: '2024-13-01' }, /"from" must be an ISO 8601 date/],
    [{ to: '01-05-2024' }, /"to" must be an ISO 8601 date/],
    [{ from: '2024-02-30' }, /"from" must be/],
    [{ from: '2024-05-02', to: '2024-05-01' }, /"from" must lie before "to"/],
    [{ page: '0' }, /"page" must be a whole number/],
    [{ size: '501' }, /"size" must be a whole number from 1 to 500/],
    [{ resouce: G1 }, /Unknown parameter "resouce"/],
  ])('refuses %o with 400 and a clear message', async (query, message) => {
    const res = await t.app.request(`/beheer/audit?${new URLSearchParams(query as Record<string, string>)}`, { headers: { ...admin, accept: 'application/json' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
  });

  it('refuses a repeated filter and an unknown format', async () => {
    const twice = await t.app.request(`/beheer/audit?action=a&action=b`, { headers: { ...admin, accept: 'application/json' } });
    expect(twice.status).toBe(400);
    const format = await t.app.request(`/beheer/audit?format=xml`, { headers: { ...admin, accept: 'application/json' } });
    expect(format.status).toBe(406);
  });

  it('is listed in the OpenAPI document', () => {
    expect(t.registry.list().some((r) => r.fullPath === '/beheer/audit' && r.method === 'get')).toBe(true);
  });
});
