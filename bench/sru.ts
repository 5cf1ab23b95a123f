/**
 * SRU benchmark at national scale (npm run bench:sru). Every figure is measured in this run next
 * to its baselines; results go to bench/results/sru.json and sru.md.
 *
 *  0. Stelsel is started in-process (src/main.ts start(): embedded store in a fresh DATA_DIR, the
 *     full reference value lists), one organisation per current gemeente, provincie and
 *     waterschap is created and bench/sc-generator.ts writes their SC catalogues (BENCH_PRODUCTS,
 *     default 60 000 products), imported through CatalogueService (which writes the search index);
 *     a throw-away Virtuoso 7 gets the same product graphs (bulk load) and its full-text index;
 *  1. the question mix over real HTTP, sequentially (hrtime per request, p50/p95):
 *     GET /sru/Search (with and without facets); (a) the same question as naive FILTER(CONTAINS)
 *     SPARQL on the same store through GET /sparql (count + first 10); (b) GET /health (the HTTP
 *     floor); (c) the same question on Virtuoso with bif:contains (count + first 10);
 *  2. numberOfRecords of every question against the count computed from the generated data.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { ROOT, start } from '../src/main.js';
import { UriPolicy } from '../src/shared/uri.js';
import { ShaclValidator } from '../src/shared/shacl/validator.js';
import { validatingStore } from '../src/shared/shacl/validating-store.js';
import { AuditLog } from '../src/shared/audit/audit-log.js';
import { systemActor } from '../src/shared/auth/actor.js';
import { sparql, type SparqlFragment } from '../src/shared/rdf/encode.js';
import { literal, namedNode, quad } from '../src/shared/rdf/factory.js';
import { ORG, OWL, RDF_, SKOS, STELSEL, TOOI } from '../src/shared/rdf/vocab.js';
import { CatalogueService, productGraph, productQuads } from '../src/catalog/index.js';
import { searchIndexWrite } from '../src/catalog/search-index/index.js';
import { parseScCatalogue } from '../src/catalog/sc-xml/index.js';
import { EmbeddedStore } from '../src/shared/store/embedded/embedded-store.js';
import { encodeQuads } from '../src/shared/rdf/encode.js';
import { listGraph, postcodeIri } from '../src/catalog/valuelists/index.js';
import { SruSearchService } from '../src/sru/index.js';
import { IndexCopy } from '../src/sru/memory/index-copy.js';
import { generateCatalogues, nationalInputs, type GeneratedCatalogue } from './sc-generator.js';
import { readGenerated } from './sru-data.js';
import { matchesGenerated, naiveSparql, virtuosoSparql, type Question } from './sru-questions.js';
import { virtuosoForBench, virtuosoInstalled, type LoadedVirtuoso } from './sru-virtuoso.js';
import { report, r2, percentile as pct } from './report.js';

const BASE = 'http://bench.example';
const TOTAL = Number(process.env.BENCH_PRODUCTS ?? 60_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const NAIVE_RUNS = Number(process.env.BENCH_NAIVE_RUNS ?? 5);
/** Catalogues are imported through CatalogueService for this long; the rest are bulk-loaded with the same quads. */
const IMPORT_SECONDS = Number(process.env.BENCH_IMPORT_SECONDS ?? 120);
/** Time budget per series of runs (at least 3 runs are always made). */
const BUDGET_MS = Number(process.env.BENCH_BUDGET_SECONDS ?? 20) * 1000;
const REF = path.resolve(process.env.REFERENCE_DIR ?? path.join(ROOT, '../shared/reference'));
const TODAY = new Date().toISOString().slice(0, 10);

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, totalMemGiB: Math.round(os.totalmem() / 2 ** 30) };
const { lines, say } = report();
const started = performance.now();
const progress = (what: string) => process.stderr.write(`[${Math.round((performance.now() - started) / 1000)} s] ${what}\n`);

interface Row {
  name: string;
  kind: string;
  cql: string;
  facets: boolean;
  sru: Timing;
  indexSparql: Timing | null;
  naive: Timing | null;
  virtuoso: Timing | null;
}

interface Timing {
  p50: number;
  p95: number;
  runs: number;
}
const timing = (xs: readonly number[]): Timing => ({ p50: r2(pct(xs, 50)), p95: r2(pct(xs, 95)), runs: xs.length });

async function timedRuns(runs: number, warm: number, fn: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < warm; i++) await fn();
  const xs: number[] = [];
  const begin = performance.now();
  for (let i = 0; i < runs && (i < 3 || performance.now() - begin < BUDGET_MS); i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return timing(xs);
}

async function main() {
  if (!existsSync(path.join(REF, 'owms/Gemeente.xml'))) {
    console.error(`The reference value lists are needed: ${REF} has no owms/Gemeente.xml (set REFERENCE_DIR)`);
    process.exit(2);
  }
  const root = mkdtempSync(path.join(os.tmpdir(), 'stelsel-bench-sru-'));
  const config = loadConfig({
    DATA_DIR: root, BASE_URL: BASE, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef',
    VALUELISTS_DIR: REF, SPARQL_TIMEOUT_MS: '600000', SPARQL_REPLICAS: '0',
  });
  progress('starting Stelsel (value lists)');
  const running = await start(config, pino({ level: 'silent' }));
  const uris = new UriPolicy(config.baseUrl);
  const store = validatingStore(running.store, ShaclValidator.fromDirectory(path.join(ROOT, 'shapes')), { exempt: (g) => uris.isSystemGraph(g.value) });
  const audit = new AuditLog(store, uris);
  const ctx = { actor: systemActor(uris), requestId: 'bench-sru' };
  const svc = new CatalogueService({ config, store, uris, audit, logger: pino({ level: 'silent' }) }, { maxBytes: 256 * 1024 ** 2 });

  const { organisations, upl } = await nationalInputs(store, uris, TODAY);
  const catalogues = generateCatalogues({ organisations, upl, totalProducts: TOTAL, today: TODAY });
  await createOrganisations(audit, uris, catalogues);
  const products = catalogues.reduce((n, c) => n + c.products, 0);

  // Virtuoso loads while Stelsel imports (load times are reported, not compared).
  let virtuoso: LoadedVirtuoso | null = null;
  let virtuosoLoad: Promise<{ loadMs: number; indexMs: number; products: number }> | null = null;
  const generatedP = (async () => {
    if (virtuosoInstalled()) {
      virtuoso = await virtuosoForBench();
      stopOnFailure = virtuoso.stop;
      const gen = await readGenerated(uris, catalogues, virtuoso.dataDir);
      virtuosoLoad = virtuoso.load();
      return { ...gen };
    }
    return readGenerated(uris, catalogues);
  })();

  progress(`importing ${products} products (${catalogues.length} catalogues), through CatalogueService for ${IMPORT_SECONDS} s`);
  const t0 = performance.now();
  let imported = 0;
  let importedProducts = 0;
  for (const c of catalogues) {
    if (performance.now() - t0 > IMPORT_SECONDS * 1000) break;
    const r = await svc.import(ctx, new TextEncoder().encode(c.xml));
    if (!r.stored) throw new Error(`${c.slug} was not imported: ${JSON.stringify(r.report).slice(0, 800)}`);
    imported++;
    importedProducts += c.products;
  }
  const importMs = performance.now() - t0;
  progress(`${imported} catalogues imported (${importedProducts} products); bulk-loading the rest`);
  const raw = running.store;
  if (!(raw instanceof EmbeddedStore)) throw new Error('the benchmark needs the embedded store');
  const t1 = performance.now();
  for (const c of catalogues.slice(imported)) {
    const parsed = await parseScCatalogue(new TextEncoder().encode(c.xml), { maxBytes: 256 * 1024 ** 2 });
    if (!parsed.ok) throw new Error(`${c.slug}: ${parsed.errors[0]?.message ?? 'invalid'}`);
    const org = uris.id('organisatie', c.slug);
    const write = searchIndexWrite(uris, parsed.products.map((p) => ({ graph: productGraph(uris, c.slug, p.productID!), quads: productQuads(uris, c.slug, org, { ...p, productID: p.productID! }) })));
    const graphs = write.replaceGraphs;
    // Each replacement's quads go into its graph (the index quads come without one, as for AuditLog.write).
    await raw.bulkLoad(graphs.map((g) => encodeQuads(g.quads.map((q) => quad(q.subject, q.predicate, q.object, g.graph)))).join('') + encodeQuads(write.insert));
  }
  const bulkMs = performance.now() - t1;
  const generated = await generatedP;
  progress('waiting for Virtuoso');
  const vLoad = virtuosoLoad ? await (virtuosoLoad as Promise<{ loadMs: number; indexMs: number; products: number }>) : null;
  if (vLoad && vLoad.products !== products) throw new Error(`Virtuoso holds ${vLoad.products} products, ${products} expected`);
  results.setup = {
    catalogues: catalogues.length, products, storeTriples: await running.store.count(),
    importedThroughCatalogueService: { catalogues: imported, products: importedProducts, ms: Math.round(importMs), productsPerSec: r2(importedProducts / (importMs / 1000)) },
    bulkLoaded: { catalogues: catalogues.length - imported, products: products - importedProducts, ms: Math.round(bulkMs), how: 'productQuads + searchIndexWrite (the quads CatalogueService writes), EmbeddedStore.bulkLoad, no audit entries' },
    virtuoso: vLoad ? { quads: generated.quads, loadMs: Math.round(vLoad.loadMs), fullTextIndexMs: Math.round(vLoad.indexMs) } : 'not installed',
  };

  // The SRU endpoint answers from the in-memory index copy (SRU_INDEX_COPY, default on), which
  // followed every import and bulk load above; measured only once it is filled.
  progress('waiting for the SRU index copy');
  const copyWaitStart = performance.now();
  if (!(await new SruSearchService({ store: running.store, uris }).indexCopyReady())) throw new Error('the SRU index copy did not fill');
  const copyWaitMs = performance.now() - copyWaitStart;
  // A second copy filled from scratch from the loaded store: what a restart costs (time, heap).
  const heapNow = () => {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage().heapUsed;
  };
  const heapBefore = heapNow();
  const fillStart = performance.now();
  const fresh = IndexCopy.open(raw.commitFeed(), uris);
  if (!(await fresh.ready)) throw new Error('a fresh SRU index copy did not fill');
  const fillMs = performance.now() - fillStart;
  const copyHeap = heapNow() - heapBefore;
  fresh.close();
  results.indexCopy = { waitAfterLoadMs: Math.round(copyWaitMs), freshFillMs: Math.round(fillMs), freshHeapBytes: copyHeap, gcAvailable: typeof (globalThis as { gc?: unknown }).gc === 'function' };
  progress(`index copy: fresh fill ${Math.round(fillMs)} ms, heap ${Math.round(copyHeap / 2 ** 20)} MiB`);
  const indexSparql = new SruSearchService({ store: running.store, uris, indexCopy: false });

  // The location scopes, resolved from the value lists (what the SRU service resolves too).
  const gemeente = organisations.find((o) => o.kind === 'Gemeente' && o.label === 'Tilburg');
  if (!gemeente) throw new Error('no gemeente Tilburg in the value lists');
  const scopeOf = async (g: string) => {
    const rows = await running.store.select(sparql`SELECT ?org WHERE {
      { GRAPH ${listGraph(uris, 'gemeente')} { ${namedNode(g)} ${TOOI.ligtInProvincie} ?org } }
      UNION { GRAPH ${listGraph(uris, 'gemeente-relaties')} { ${namedNode(g)} ${STELSEL.waterschap} ?org } } }`);
    return [g, ...rows.map((r) => r.org!.value)];
  };
  const pcRows = await running.store.select(sparql`SELECT ?g WHERE { GRAPH ${listGraph(uris, 'postcode')} { ${postcodeIri(uris, '5014')} ${STELSEL.gemeente} ?g } }`);
  const tilburgScope = await scopeOf(gemeente.iri);
  const postcodeScope = await scopeOf(pcRows[0]!.g!.value);

  const questions: Question[] = [
    { name: 'seed: keyword + organisatie + organisatietype', kind: 'seed', cql: '(organisatie="Tilburg") and keyword="subsidie" and organisatietype="Gemeente"', facets: false, words: ['subsidie'], authorities: tilburgScope, organisatieType: 'Gemeente' },
    { name: 'seed: postcode + audience', kind: 'seed', cql: '(postcode="5014") and audience="ondernemer"', facets: false, authorities: postcodeScope, audience: 'ondernemer' },
    { name: 'seed: modified range', kind: 'seed', cql: 'modified>="2025-01-01" and modified<"2025-02-01"', facets: false, modifiedFrom: '2025-01-01', modifiedBefore: '2025-02-01' },
    { name: 'seed: parkeervergunning in Tilburg', kind: 'seed', cql: '(organisatie="Tilburg") and keyword="parkeervergunning"', facets: false, words: ['parkeervergunning'], authorities: tilburgScope },
    { name: 'keyword only (subsidie)', kind: 'keyword', cql: 'keyword="subsidie"', facets: false, words: ['subsidie'] },
    { name: 'keyword only, two words', kind: 'keyword', cql: 'keyword="paspoort aanvragen"', facets: false, words: ['paspoort', 'aanvragen'] },
    { name: 'wildcard (title=parkeer*)', kind: 'wildcard', cql: 'title="parkeer*"', facets: false, titlePrefix: 'parkeer' },
    { name: 'phrase (adj "bezwaar maken")', kind: 'phrase', cql: 'keyword adj "bezwaar maken"', facets: false, phrase: ['bezwaar', 'maken'] },
    { name: 'sortby modified (subsidie)', kind: 'sortby', cql: 'keyword="subsidie" sortby modified/sort.descending', facets: false, words: ['subsidie'], newestFirst: true },
    { name: 'facets: parkeervergunning in Tilburg', kind: 'facets', cql: '(organisatie="Tilburg") and keyword="parkeervergunning"', facets: true, words: ['parkeervergunning'], authorities: tilburgScope },
    { name: 'facets: postcode + audience', kind: 'facets', cql: '(postcode="5014") and audience="ondernemer"', facets: true, authorities: postcodeScope, audience: 'ondernemer' },
    { name: 'facets: keyword only (subsidie)', kind: 'facets', cql: 'keyword="subsidie"', facets: true, words: ['subsidie'] },
  ];

  const sruUrl = (q: Question) => {
    const p = new URLSearchParams({ version: '1.2', operation: 'searchRetrieve', 'x-connection': 'sc', startRecord: '1', maximumRecords: '10', query: q.cql });
    if (q.facets) p.set('x-info-1-accept', 'any');
    return `${running.url}/sru/Search?${p}`;
  };
  const sruOnce = async (q: Question) => {
    const res = await fetch(sruUrl(q));
    const body = await res.text();
    if (!res.ok || body.includes('<diagnostics')) throw new Error(`${q.cql}: ${res.status} ${body.slice(0, 500)}`);
    return body;
  };
  const stelselSparql = async (f: SparqlFragment) => {
    const res = await fetch(`${running.url}/sparql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' },
      body: new URLSearchParams({ query: f.text }).toString(),
    });
    const body = await res.text();
    if (!res.ok) throw new Error(`/sparql ${res.status}: ${body.slice(0, 300)}`);
    return (JSON.parse(body) as { results: { bindings: Record<string, { value: string }>[] } }).results.bindings;
  };

  // 2 first: correctness (and warm-up)
  progress('checking numberOfRecords');
  const checks = [];
  for (const q of questions) {
    const body = await sruOnce(q);
    const n = Number(/<(?:\w+:)?numberOfRecords>(\d+)</.exec(body)?.[1] ?? NaN);
    const records = (body.match(/<(?:\w+:)?recordPosition>/g) ?? []).length;
    const expected = generated.products.filter((p) => matchesGenerated(q, p)).length;
    // A baseline that fails (e.g. a request cut off by a server time limit) is reported, not fatal.
    const naive = await stelselSparql(naiveSparql(q).count).then((r) => Number(r[0]?.n?.value ?? NaN), (e: Error) => `failed: ${e.message}`);
    const virt = virtuoso ? Number((await (virtuoso as LoadedVirtuoso).query(virtuosoSparql(q).count))[0]?.n?.value ?? NaN) : null;
    checks.push({ name: q.name, cql: q.cql, expected, numberOfRecords: n, exact: n === expected, records, naiveCount: naive, virtuosoCount: virt });
  }
  results.exactness = checks;

  // 1. timings
  progress('timing');
  const health = await timedRuns(RUNS * 4, 50, async () => {
    const res = await fetch(`${running.url}/health`);
    await res.arrayBuffer();
  });
  const rows: Row[] = [];
  for (const q of questions) {
    progress(`timing ${q.name}`);
    const sru = await timedRuns(RUNS, 2, () => sruOnce(q));
    const naiveQ = naiveSparql(q);
    const naive = q.facets ? null : await timedRuns(NAIVE_RUNS, 0, async () => [await stelselSparql(naiveQ.count), await stelselSparql(naiveQ.page)]).catch((e: Error) => {
      console.error(`naive SPARQL failed for ${q.name}: ${e.message}${e.cause ? ` (${String((e.cause as Error).message ?? e.cause)})` : ""}`);
      return null;
    });
    const vq = virtuosoSparql(q);
    const virt = virtuoso && !q.facets ? await timedRuns(RUNS, 3, async () => [await (virtuoso as LoadedVirtuoso).query(vq.count), await (virtuoso as LoadedVirtuoso).query(vq.page)]) : null;
    rows.push({ name: q.name, kind: q.kind, cql: q.cql, facets: q.facets, sru, indexSparql: null, naive, virtuoso: virt });
  }
  // The same searches through SPARQL over the index graphs (SRU_INDEX_COPY=false), in process,
  // after every HTTP timing: a long synchronous query blocks the event loop this client shares
  // with the server, and an HTTP request right after it could meet a keep-alive socket the server
  // closes at that moment.
  for (const [i, q] of questions.entries()) {
    progress(`timing ${q.name} (index SPARQL)`);
    rows[i]!.indexSparql = await timedRuns(Math.min(RUNS, 10), 1, () => indexSparql.search({ query: q.cql, startRecord: 1, maximumRecords: 10, facets: q.facets }));
  }
  results.health = health;
  results.queries = rows;
  if (virtuoso) await (virtuoso as LoadedVirtuoso).stop();
  await running.stop();
  rmSync(root, { recursive: true, force: true });

  // report
  const setup = results.setup as { storeTriples: number };
  say(`# Stelsel SRU benchmark (national scale)\n\n${results.date as string}, Node ${process.version}, ${os.cpus().length} cores (${String(results.cpuModel)}), ${String(results.totalMemGiB)} GiB RAM\n`);
  say(`Collection: ${products} products in ${catalogues.length} generated SC catalogues (bench/sc-generator.ts, seeded; one per current gemeente, provincie and waterschap), store ${setup.storeTriples} triples. Loading: ${imported} catalogues (${importedProducts} products) imported through CatalogueService in ${r2(importMs / 1000)} s (${r2(importedProducts / (importMs / 1000))} products/s on this machine, shared with other work); the other ${catalogues.length - imported} catalogues (${products - importedProducts} products) bulk-loaded in ${r2(bulkMs / 1000)} s with exactly the quads the import writes (product graphs and their search-index graphs: productQuads + searchIndexWrite), without audit entries.`);
  say(vLoad ? `Virtuoso 7 (same product graphs, ${generated.quads} quads without stelsel:sourceXml): bulk load ${r2(vLoad.loadMs / 1000)} s, full-text index ${r2(vLoad.indexMs / 1000)} s.\n` : 'Virtuoso: not installed, (c) not measured.\n');
  say(`All requests over real HTTP on 127.0.0.1, one at a time; at most ${RUNS} runs per question and per system (fewer when a series passes ${BUDGET_MS / 1000} s, never fewer than 3; the runs column of sru.json); SRU after 2 warm-up runs, maximumRecords=10; (a) naive SPARQL through GET /sparql on the same store: count + first 10, ${NAIVE_RUNS} runs; (c) Virtuoso bif:contains: count + first 10 (two requests), after 3 warm-up runs.\n`);
  const ic = results.indexCopy as { waitAfterLoadMs: number; freshFillMs: number; freshHeapBytes: number };
  say(`SRU answers from the in-memory copy of the search index (src/sru/memory, SRU_INDEX_COPY=true, the default on the embedded store). It followed every import and bulk load of the setup commit by commit and was filled ${r2(ic.waitAfterLoadMs / 1000)} s after the load ended; a second copy filled from scratch from the loaded store took ${r2(ic.freshFillMs / 1000)} s and ${Math.round(ic.freshHeapBytes / 2 ** 20)} MiB of JavaScript heap (after a full GC). "index SPARQL" is the same search through SPARQL over the index graphs (SRU_INDEX_COPY=false, what a remote store runs), in process without HTTP, at most 10 runs.\n`);
  say(`(b) HTTP floor, GET /health: p50 **${health.p50} ms**, p95 ${health.p95} ms (${health.runs} runs).\n`);
  say('| question | SRU p50 ms | SRU p95 ms | runs | index SPARQL p50 ms | (a) naive p50 ms | (a) / SRU | (c) Virtuoso p50 ms | (c) p95 ms | (c) / SRU |\n|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const ratio = (x: Timing | null) => (x ? `${r2(x.p50 / r.sru.p50)}x` : '—');
    say(`| ${r.name} | ${r.sru.p50} | ${r.sru.p95} | ${r.sru.runs} | ${r.indexSparql?.p50 ?? '—'} | ${r.naive?.p50 ?? '—'} | ${ratio(r.naive)} | ${r.virtuoso?.p50 ?? '—'} | ${r.virtuoso?.p95 ?? '—'} | ${ratio(r.virtuoso)} |`);
  }
  const plain = rows.filter((r) => !r.facets);
  const faceted = rows.filter((r) => r.facets);
  const maxP50 = (rs: typeof rows) => Math.max(...rs.map((r) => r.sru.p50));
  const minNaiveRatio = Math.min(...plain.filter((r) => r.naive).map((r) => r.naive!.p50 / r.sru.p50));
  const vRows = plain.filter((r) => r.virtuoso);
  const fasterThanVirtuoso = vRows.filter((r) => r.sru.p50 < r.virtuoso!.p50).length;
  results.goals = {
    p50WithoutFacetsMaxMs: maxP50(plain), p50WithFacetsMaxMs: maxP50(faceted), minNaiveRatio: r2(minNaiveRatio),
    fasterThanVirtuoso: `${fasterThanVirtuoso}/${vRows.length}`, exact: `${checks.filter((c) => c.exact).length}/${checks.length}`,
  };
  say('\n## Goals\n');
  say(`- p50 <= 10 ms without facets: worst p50 ${maxP50(plain)} ms: **${maxP50(plain) <= 10 ? 'met' : 'not met'}**`);
  say(`- p50 <= 30 ms with facets: worst p50 ${maxP50(faceted)} ms: **${maxP50(faceted) <= 30 ? 'met' : 'not met'}**`);
  say(`- at least 10x faster than naive SPARQL (a): smallest ratio ${r2(minNaiveRatio)}x: **${minNaiveRatio >= 10 ? 'met' : 'not met'}**`);
  say(`- faster than Virtuoso (c): ${vRows.length ? `${fasterThanVirtuoso} of ${vRows.length} questions: **${fasterThanVirtuoso === vRows.length ? 'met' : 'not met'}**` : 'not measured'}`);
  say('\n## numberOfRecords against the generated data\n');
  say('Expected = products of the generator output that answer the question (words folded and split on non-letters, location scope = the gemeente, its provincie and waterschappen from the value lists).\n');
  say('| question | CQL | expected | numberOfRecords | exact | (a) naive count | (c) Virtuoso count |\n|---|---|---|---|---|---|---|');
  for (const c of checks) say(`| ${c.name} | \`${c.cql}\` | ${c.expected} | ${c.numberOfRecords} | ${c.exact ? 'yes' : '**no**'} | ${c.naiveCount} | ${c.virtuosoCount ?? '—'} |`);
  say('\nThe naive CONTAINS counts substrings (e.g. "vergunning" inside "parkeervergunning"), so its counts differ where the words are parts of longer words; Virtuoso counts words of its own text index.\n');

  const out = new URL('./results/', import.meta.url);
  mkdirSync(out, { recursive: true });
  writeFileSync(new URL('sru.json', out), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(new URL('sru.md', out), lines.join('\n') + '\n');
  progress('done');
}

/** One Stelsel organisation per generated catalogue, owl:sameAs its OWMS IRI (one graph each). */
async function createOrganisations(audit: AuditLog, uris: UriPolicy, catalogues: readonly GeneratedCatalogue[]): Promise<void> {
  const replaceGraphs = catalogues.map((c) => {
    const g = uris.graph('organisatie', c.slug);
    const s = uris.id('organisatie', c.slug);
    return { graph: g, quads: [quad(s, RDF_.type, ORG.Organization, g), quad(s, SKOS.prefLabel, literal(`${c.organisation.kind} ${c.organisation.label}`, 'nl'), g), quad(s, OWL.sameAs, namedNode(c.organisation.iri), g)] };
  });
  await audit.write({ actor: systemActor(uris), requestId: 'bench-sru' }, { action: 'demo.seed', scope: uris.platform, detail: `${replaceGraphs.length} organisations` }, { replaceGraphs });
}

/** Stops the Virtuoso child process when the run fails. */
let stopOnFailure: (() => Promise<void>) | null = null;

main().catch(async (e) => {
  console.error(e);
  await stopOnFailure?.().catch(() => undefined);
  process.exit(1);
});
