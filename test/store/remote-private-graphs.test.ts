/**
 * Private graphs on the real Virtuoso 7 from globalSetup, set up as docs/remote-store.md says (a
 * dedicated account with EXECUTE on DB.DBA.RDF_GRAPH_GROUP_INS, the private-graphs group denied to
 * "nobody"): the SparqlStore adds every private graph (UriPolicy.isPrivateGraph) to that group
 * before its first write, so Virtuoso's anonymous /sparql never serves a decisions draft, a search
 * index entry, a harvest or a series draft, while public graphs stay readable.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import { DCT } from '../../src/shared/rdf/vocab.js';
import { StoreUnavailable } from '../../src/shared/store/port.js';
import { PrivateGraphRegistry } from '../../src/shared/store/remote/private-graphs.js';
import { SparqlStore, type SparqlStoreOptions } from '../../src/shared/store/remote/sparql-store.js';
import { UriPolicy } from '../../src/shared/uri.js';
import { VIRTUOSO_MISSING } from '../support/global-setup.js';
import { createStelselUser, makeGraphsPrivate, runSql } from '../support/virtuoso.js';

const virtuoso = inject('virtuoso');

/** The titles (dct:title) in any graph that Virtuoso's anonymous /sparql answers for `marker`. */
async function anonymousTitles(marker: string, dataset = ''): Promise<string[]> {
  const query = `SELECT ?o ${dataset} WHERE { GRAPH ?g { ?s <${DCT.title.value}> ?o } FILTER(CONTAINS(STR(?o), "${marker}")) }`;
  const res = await fetch(virtuoso!.queryUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' },
    body: new URLSearchParams({ query }).toString(),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { results: { bindings: { o: { value: string } }[] } };
  return body.results.bindings.map((b) => b.o.value).sort();
}

describe('PrivateGraphRegistry', () => {
  const uris = new UriPolicy('https://registry.stelsel.test');
  it('asks for each private graph once, and never for public graphs or the default graph', () => {
    const registry = new PrivateGraphRegistry((iri) => uris.isPrivateGraph(iri));
    const draft = namedNode(`${uris.decisionDraftsGraph.value}/z1`);
    const pub = namedNode(`${uris.base}/graph/besluiten/z1`);
    const pending = registry.pending([draft, draft, pub, uris.auditGraph, quad(pub, pub, pub).graph]);
    expect(pending.map((g) => g.value)).toEqual([draft.value, uris.auditGraph.value]);
    expect(registry.requests(pending)[0]!.text).toContain('<sql:RDF_GRAPH_GROUP_INS>');
    registry.markRegistered(pending);
    expect(registry.pending([draft, uris.auditGraph])).toEqual([]);
  });
});

describe.skipIf(!virtuoso)(`private graphs on STORE=sparql (Virtuoso 7)${virtuoso ? '' : ` (skipped: ${VIRTUOSO_MISSING})`}`, () => {
  const uris = new UriPolicy(`https://private-${randomUUID().slice(0, 8)}.stelsel.test`);
  const user = `stelsel_${randomUUID().slice(0, 8)}`;
  const password = randomUUID();
  const stores: SparqlStore[] = [];
  const open = (overrides: Partial<SparqlStoreOptions> = {}) => {
    const store = new SparqlStore({
      queryUrl: virtuoso!.queryUrl, updateUrl: virtuoso!.updateUrl, user, password,
      genidBase: uris.genidBase, locksGraph: uris.locksGraph, graphPrefix: `${uris.base}/`,
      privateGraph: (iri) => uris.isPrivateGraph(iri), ...overrides,
    });
    stores.push(store);
    return store;
  };
  const title = (graph: string, text: string) => quad(namedNode(`${uris.base}/id/x/${randomUUID()}`), DCT.title, literal(text), namedNode(graph));

  beforeAll(async () => {
    await createStelselUser(virtuoso!, user, password);
    await makeGraphsPrivate(virtuoso!, []);
  }, 60_000);

  afterAll(async () => {
    for (const s of stores) await s.close();
  });

  it('hides decisions drafts, search index entries, harvests and series drafts from anonymous readers; public graphs stay readable', async () => {
    const store = open();
    const m = randomUUID();
    const graphs = {
      decisions: `${uris.decisionDraftsGraph.value}/zitting-${m}`,
      index: `${uris.searchIndexGraph.value}/product-${m}`,
      harvest: `${uris.harvestGraph.value}/bron-${m}`,
      series: `${uris.seriesDraftsGraph.value}/${m}`,
      public: `${uris.base}/graph/besluiten/zitting-${m}`,
    };
    // Replaced graphs and plain insertions both count as writes.
    await store.transact({
      replaceGraphs: [{ graph: namedNode(graphs.decisions), quads: [title(graphs.decisions, `decisions ${m}`)] }, { graph: namedNode(graphs.public), quads: [title(graphs.public, `public ${m}`)] }],
      insert: [title(graphs.index, `index ${m}`), title(graphs.harvest, `harvest ${m}`)],
    });
    await store.transact({ replaceGraphs: [{ graph: namedNode(graphs.series), quads: [title(graphs.series, `series ${m}`)] }] });

    expect(await anonymousTitles(m)).toEqual([`public ${m}`]);
    for (const g of Object.values(graphs).filter((g) => g !== graphs.public)) {
      expect(await anonymousTitles(m, `FROM NAMED <${g}>`), g).toEqual([]);
    }
    // Stelsel itself (authenticated) reads everything.
    const rows = await store.select(`SELECT ?o WHERE { GRAPH ?g { ?s <${DCT.title.value}> ?o } FILTER(CONTAINS(STR(?o), "${m}")) }`);
    expect(rows.map((r) => r.o!.value).sort()).toEqual(['decisions', 'harvest', 'index', 'public', 'series'].map((k) => `${k} ${m}`));
  });

  it('makes a bulk write into many new private graphs private (registration in several requests)', async () => {
    const m = randomUUID();
    const graphs = Array.from({ length: 1200 }, (_, i) => `${uris.searchIndexGraph.value}/product-${m}-${i}`);
    await open().transact({ replaceGraphs: graphs.map((g, i) => ({ graph: namedNode(g), quads: [title(g, `bulk ${i} ${m}`)] })) });
    expect(await anonymousTitles(m)).toEqual([]);
    const rows = await open().select(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s <${DCT.title.value}> ?o } FILTER(CONTAINS(STR(?o), "${m}")) }`);
    expect(rows[0]!.n!.value).toBe('1200');
  }, 60_000);

  it('measures the cost of the first write into a new private graph', async () => {
    const store = open();
    const m = randomUUID();
    const run = async (label: string, graphOf: (i: number) => string) => {
      const t0 = performance.now();
      for (let i = 0; i < 100; i++) await store.transact({ replaceGraphs: [{ graph: namedNode(graphOf(i)), quads: [title(graphOf(i), `${label} ${m}`)] }] });
      return (performance.now() - t0) / 100;
    };
    await run('warm-up', (i) => `${uris.base}/graph/warm-up/${m}-${i}`);
    const pub = await run('public', (i) => `${uris.base}/graph/besluiten/${m}-${i}`);
    const priv = await run('private', (i) => `${uris.decisionDraftsGraph.value}/${m}-${i}`);
    const again = await run('private again', (i) => `${uris.decisionDraftsGraph.value}/${m}-${i}`);
    console.info(`[measure] Virtuoso write of one small graph: public ${pub.toFixed(2)} ms, new private graph ${priv.toFixed(2)} ms, same private graph again ${again.toFixed(2)} ms`);
    const visible = new Set(await anonymousTitles(m));
    expect([...visible].sort()).toEqual([`public ${m}`, `warm-up ${m}`]);
  }, 120_000);

  it('writing again to a private graph keeps it private (adding it to the group twice is harmless)', async () => {
    const m = randomUUID();
    const g = `${uris.decisionDraftsGraph.value}/zitting-${m}`;
    await open().transact({ replaceGraphs: [{ graph: namedNode(g), quads: [title(g, `first ${m}`)] }] });
    // A new store instance (a restart) adds the graph again before writing.
    await open().transact({ replaceGraphs: [{ graph: namedNode(g), quads: [title(g, `second ${m}`)] }] });
    expect(await anonymousTitles(m)).toEqual([]);
  });

  it('refuses to write a private graph it cannot make private, and writes nothing of that transaction', async () => {
    const other = `stelsel_${randomUUID().slice(0, 8)}`;
    await createStelselUser(virtuoso!, other, password);
    await runSql(virtuoso!, [`REVOKE EXECUTE ON DB.DBA.RDF_GRAPH_GROUP_INS FROM "${other}";`]);
    const store = open({ user: other });
    const m = randomUUID();
    const g = `${uris.searchIndexGraph.value}/product-${m}`;
    const pub = `${uris.base}/graph/producten/${m}`;
    const err = await store.transact({ insert: [title(g, `index ${m}`), title(pub, `public ${m}`)] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StoreUnavailable);
    expect((err as Error).message).toContain('RDF_GRAPH_GROUP_INS');
    expect((err as Error).message).toContain(g);
    expect(await store.ask(`ASK { GRAPH ?g { ?s <${DCT.title.value}> ?o } FILTER(CONTAINS(STR(?o), "${m}")) }`)).toBe(false);
    // Public graphs need no registration.
    await store.transact({ insert: [title(pub, `public ${m}`)] });
    expect(await anonymousTitles(m)).toEqual([`public ${m}`]);
  });

  it('makes private graphs written before private graphs were registered private at start-up', async () => {
    const m = randomUUID();
    const g = `${uris.seriesDraftsGraph.value}/${m}`;
    await open({ privateGraph: undefined }).transact({ replaceGraphs: [{ graph: namedNode(g), quads: [title(g, `old draft ${m}`)] }] });
    expect(await anonymousTitles(m)).toEqual([`old draft ${m}`]);
    expect(await open().protectExistingPrivateGraphs()).toBeGreaterThanOrEqual(1);
    expect(await anonymousTitles(m)).toEqual([]);
  });
});
