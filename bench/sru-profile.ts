/**
 * Profiling aid for the SRU search (not the benchmark): the benchmark's generated collection,
 * bulk-loaded into an embedded store, then every benchmark question through SruSearchService
 * directly, with the time of each SPARQL request it makes.
 *   BENCH_PRODUCTS=12000 npx tsx bench/sru-profile.ts [cql ...]
 * PROFILE_SPARQL=1 prints the SPARQL text of every request.
 */
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { ROOT } from '../src/main.js';
import { UriPolicy } from '../src/shared/uri.js';
import { AuditLog } from '../src/shared/audit/audit-log.js';
import { encodeQuads } from '../src/shared/rdf/encode.js';
import { quad } from '../src/shared/rdf/factory.js';
import { EmbeddedStore } from '../src/shared/store/embedded/embedded-store.js';
import type { Query, TripleStore } from '../src/shared/store/port.js';
import { loadValueLists } from '../src/catalog/valuelists/index.js';
import { productGraph, productQuads } from '../src/catalog/index.js';
import { searchIndexWrite } from '../src/catalog/search-index/index.js';
import { parseScCatalogue } from '../src/catalog/sc-xml/index.js';
import { SruSearchService } from '../src/sru/index.js';
import { generateCatalogues, nationalInputs } from './sc-generator.js';

const TOTAL = Number(process.env.BENCH_PRODUCTS ?? 12_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const REF = path.resolve(process.env.REFERENCE_DIR ?? path.join(ROOT, '../shared/reference'));
const QUESTIONS: [string, boolean][] = [
  ['(organisatie="Tilburg") and keyword="subsidie" and organisatietype="Gemeente"', false],
  ['(postcode="5014") and audience="ondernemer"', false],
  ['modified>="2025-01-01" and modified<"2025-02-01"', false],
  ['(organisatie="Tilburg") and keyword="parkeervergunning"', false],
  ['keyword="subsidie"', false],
  ['keyword="paspoort aanvragen"', false],
  ['title="parkeer*"', false],
  ['keyword adj "bezwaar maken"', false],
  ['keyword="subsidie" sortby modified/sort.descending', false],
  ['(organisatie="Tilburg") and keyword="parkeervergunning"', true],
  ['(postcode="5014") and audience="ondernemer"', true],
  ['keyword="subsidie"', true],
];

const root = mkdtempSync(path.join(os.tmpdir(), 'stelsel-sru-profile-'));
const uris = new UriPolicy('http://bench.example');
const store = await EmbeddedStore.open({ dir: root, genidBase: uris.genidBase, locksGraph: uris.locksGraph });
await loadValueLists({ dir: REF }, { store, uris, audit: new AuditLog(store, uris) });
const { organisations, upl } = await nationalInputs(store, uris, new Date().toISOString().slice(0, 10));
const catalogues = generateCatalogues({ organisations, upl, totalProducts: TOTAL, today: new Date().toISOString().slice(0, 10) });
const t0 = performance.now();
for (const c of catalogues) {
  const parsed = await parseScCatalogue(new TextEncoder().encode(c.xml), { maxBytes: 256 * 1024 ** 2 });
  if (!parsed.ok) throw new Error(c.slug);
  const org = uris.id('organisatie', c.slug);
  const write = searchIndexWrite(uris, parsed.products.map((p) => ({ graph: productGraph(uris, c.slug, p.productID!), quads: productQuads(uris, c.slug, org, { ...p, productID: p.productID! }) })));
    const graphs = write.replaceGraphs;
  await store.bulkLoad(graphs.map((g) => encodeQuads(g.quads.map((q) => quad(q.subject, q.predicate, q.object, g.graph)))).join('') + encodeQuads(write.insert));
}
console.log(`${catalogues.reduce((n, c) => n + c.products, 0)} products, ${await store.count()} quads, loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s, memory ${JSON.stringify(process.memoryUsage())}`);

let log: string[] | null = null;
const timed: TripleStore = Object.create(store) as TripleStore;
timed.select = async (q: Query) => {
  const s = performance.now();
  const r = await store.select(q);
  const text = typeof q === 'string' ? q : q.text;
  log?.push(`    ${(performance.now() - s).toFixed(1).padStart(8)} ms  ${r.length} rows${process.env.PROFILE_SPARQL ? `\n${text}` : `  ${text.replace(/\s+/g, ' ').slice(0, 140)}`}`);
  return r;
};
const svc = new SruSearchService({ store: timed, uris });
const wanted = process.argv.slice(2);
for (const [cql, facets] of wanted.length ? wanted.map((q) => [q, false] as [string, boolean]) : QUESTIONS) {
  const times: number[] = [];
  let n = 0;
  for (let i = 0; i < RUNS; i++) {
    log = i === RUNS - 1 ? [] : null;
    const s = performance.now();
    n = (await svc.search({ query: cql, startRecord: 1, maximumRecords: 10, facets })).numberOfRecords;
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(`${facets ? 'facets ' : ''}${cql}  n=${n}  p50 ${times[Math.floor(RUNS / 2)]!.toFixed(1)} ms`);
  for (const l of log ?? []) console.log(l);
}
// PROFILE_RAW=dir: every *.rq file there, timed (for trying query shapes on the same data).
if (process.env.PROFILE_RAW) {
  const dir = process.env.PROFILE_RAW;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.rq')).sort()) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      rows = (await store.select(text)).length;
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    console.log(`raw ${f}: ${rows} rows, p50 ${times[Math.floor(RUNS / 2)]!.toFixed(1)} ms`);
  }
}
await store.close();
rmSync(root, { recursive: true, force: true });
