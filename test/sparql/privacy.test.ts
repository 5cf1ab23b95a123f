/**
 * System graphs (audit, identity, versions, locks) never reach the public SPARQL endpoint: with
 * worker replicas and in process, whatever the query names (default graph, GRAPH ?g, FROM,
 * FROM NAMED, protocol dataset, DESCRIBE of a private subject), and however the data arrived
 * (bulk load and commits in the journal, a snapshot, commits after the replicas loaded, a cleared
 * graph). Public data stays visible, including triples that merely mention a private graph's IRI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import { createSparqlService, type SparqlEndpointService } from '../../src/sparql/service.js';
import { TEST_BASE } from '../support/tmp.js';
import { get, startEndpoint, type Endpoint } from './helpers.js';

const P = 'http://test.example/ns#secret';
const PUB = 'http://test.example/ns#public';
const PRIVATE_GRAPHS = ['audit', 'identity', 'versions', 'locks', 'locks/job-1'].map((g) => `${TEST_BASE}/graph/${g}`);
const PUBLIC_GRAPH = `${TEST_BASE}/graph/public`;
const AUDIT = `${TEST_BASE}/graph/audit`;

/** One secret per private graph (subject under the graph), one public triple that names the audit graph. */
function data(tag: string): string {
  const lines = PRIVATE_GRAPHS.map((g) => `<${g}/${tag}> <${P}> "secret ${tag}" <${g}> .`);
  lines.push(`<${TEST_BASE}/id/thing/${tag}> <${PUB}> "public ${tag}" <${PUBLIC_GRAPH}> .`);
  // Public data whose object is a private graph's IRI: in a named graph and in the default graph.
  lines.push(`<${TEST_BASE}/id/thing/${tag}> <${PUB}> <${AUDIT}> <${PUBLIC_GRAPH}> .`);
  lines.push(`<${TEST_BASE}/id/default/${tag}> <${PUB}> <${AUDIT}> .`);
  return lines.join('\n') + '\n';
}

async function commitSecrets(ep: Endpoint, tag: string): Promise<void> {
  await ep.store.transact({
    insert: [
      ...PRIVATE_GRAPHS.map((g) => quad(namedNode(`${g}/${tag}`), namedNode(P), literal(`secret ${tag}`), namedNode(g))),
      quad(namedNode(`${TEST_BASE}/id/thing/${tag}`), namedNode(PUB), literal(`public ${tag}`), namedNode(PUBLIC_GRAPH)),
    ],
  });
}

async function select(ep: Endpoint, query: string, extra: Record<string, string | string[]> = {}): Promise<Record<string, { value: string }>[]> {
  const res = await get(ep.url, query, 'application/sparql-results+json', extra);
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { results: { bindings: Record<string, { value: string }>[] } }).results.bindings;
}

const values = (rows: Record<string, { value: string }>[]) => rows.flatMap((r) => Object.values(r).map((t) => t.value));
const leaks = (texts: string[]) => texts.filter((v) => v.includes('secret') || (PRIVATE_GRAPHS.some((g) => v.startsWith(`${g}/`)) && !v.includes('/id/')));

/** Every way of asking for everything; none may return a private quad or graph name. */
async function expectNothingPrivate(ep: Endpoint, tags: string[]): Promise<void> {
  const all = [
    await select(ep, 'SELECT * WHERE { ?s ?p ?o }'),
    await select(ep, 'SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }'),
    await select(ep, 'SELECT DISTINCT ?g WHERE { GRAPH ?g { } }'),
    await select(ep, `SELECT * FROM <${AUDIT}> WHERE { ?s ?p ?o }`),
    await select(ep, `SELECT * ${PRIVATE_GRAPHS.map((g) => `FROM NAMED <${g}>`).join(' ')} WHERE { GRAPH ?g { ?s ?p ?o } }`),
    await select(ep, `SELECT * WHERE { GRAPH <${AUDIT}> { ?s ?p ?o } }`),
    await select(ep, 'SELECT * WHERE { ?s ?p ?o }', { 'default-graph-uri': PRIVATE_GRAPHS }),
    await select(ep, 'SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }', { 'named-graph-uri': PRIVATE_GRAPHS }),
    await select(ep, `SELECT * WHERE { ?s <${P}> ?o }`),
  ];
  for (const rows of all) expect(leaks(values(rows))).toEqual([]);
  const graphs = values(all[2]!);
  expect(graphs).toContain(PUBLIC_GRAPH);
  for (const g of PRIVATE_GRAPHS) expect(graphs).not.toContain(g);

  for (const tag of tags) {
    const ask = await get(ep.url, `ASK { GRAPH ?g { <${AUDIT}/${tag}> ?p ?o } }`, 'application/json');
    expect(await ask.json()).toMatchObject({ boolean: false });
    const described = await get(ep.url, `DESCRIBE <${AUDIT}/${tag}>`, 'application/n-triples');
    expect((await described.text()).trim()).toBe('');
  }
  const count = await select(ep, `SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s <${P}> ?o } }`);
  expect(count[0]!.n!.value).toBe('0');
  // Public data is all there, including the triples that only mention a private graph's IRI.
  const pub = values(await select(ep, `SELECT ?o WHERE { ?s <${PUB}> ?o }`));
  for (const tag of tags) expect(pub).toContain(`public ${tag}`);
  expect(pub.filter((v) => v === AUDIT).length).toBeGreaterThanOrEqual(2);
}

for (const replicas of [1, 0]) {
  describe(`system graphs stay out of /sparql (${replicas ? 'worker replica' : 'in process'})`, () => {
    let ep: Endpoint;
    beforeAll(async () => {
      ep = await startEndpoint({ replicas, data: data('loaded') });
      await commitSecrets(ep, 'journaled');
      await ep.service.ready();
    });
    afterAll(async () => {
      await ep?.close();
    });

    it('hides what was loaded and journaled before the endpoint started', async () => {
      await expectNothingPrivate(ep, ['loaded', 'journaled']);
    });

    it('hides commits made while it runs, and follows public changes and cleared graphs', async () => {
      await commitSecrets(ep, 'live');
      await ep.service.waitFor(ep.store.lastSeq);
      await expectNothingPrivate(ep, ['loaded', 'journaled', 'live']);
      // A replaced system graph (a 'c' op on it) and a replaced public graph.
      await ep.store.transact({
        replaceGraphs: [
          { graph: namedNode(AUDIT), quads: [quad(namedNode(`${AUDIT}/replaced`), namedNode(P), literal('secret replaced'))] },
          { graph: namedNode(PUBLIC_GRAPH), quads: [quad(namedNode(`${TEST_BASE}/id/thing/replaced`), namedNode(PUB), literal('public replaced'))] },
        ],
      });
      await ep.service.waitFor(ep.store.lastSeq);
      const pub = values(await select(ep, `SELECT ?o WHERE { GRAPH <${PUBLIC_GRAPH}> { ?s <${PUB}> ?o } }`));
      expect(pub).toEqual(['public replaced']);
      expect(leaks(values(await select(ep, 'SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }')))).toEqual([]);
    });

    it('hides them after a snapshot, in a freshly loaded endpoint', async () => {
      await ep.store.snapshot();
      await commitSecrets(ep, 'after-snapshot');
      const fresh: SparqlEndpointService = await createSparqlService({ config: ep.config, store: ep.store, logger: pino({ level: 'silent' }) });
      try {
        await fresh.ready();
        const res = await fresh.query('SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }', { accept: 'application/sparql-results+json' });
        const rows = (JSON.parse(res.body) as { results: { bindings: Record<string, { value: string }>[] } }).results.bindings;
        expect(leaks(values(rows))).toEqual([]);
        expect(values(rows)).toContain('public after-snapshot');
        expect(values(rows)).toContain('public replaced');
      } finally {
        await fresh.close();
      }
    });
  });
}
