/**
 * Foundation benchmarks (npm run bench). Every figure is measured in this run next to its baseline;
 * results go to bench/results/foundation.json and foundation.md.
 *
 *  1. journaled bulk load of 1M triples vs plain in-memory Oxigraph load of the same N-Quads
 *  2. small-write latency (one quad per transaction, awaited one by one) incl. fdatasync; and
 *     throughput with 64 writers in flight (group commit)
 *  3. restart/recovery time with 1M triples: from a snapshot, and from the journal alone
 *  4. SPARQL endpoint simple SELECT p50 vs GET /health p50 over real HTTP; /health p50 while a
 *     pathological query runs on the endpoint
 *  5. RSS per million triples (embedded store)
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import oxigraph from 'oxigraph';
import { EmbeddedStore } from '../src/shared/store/embedded/embedded-store.js';
import { chunkLines } from '../src/shared/store/embedded/ops.js';
import { literal, namedNode, quad } from '../src/shared/rdf/factory.js';
import { loadConfig } from '../src/config.js';
import { start } from '../src/main.js';
import { BASE, dataset } from './dataset.js';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { report, r2, percentile as pct } from './report.js';

const N = Number(process.env.BENCH_TRIPLES ?? 1_000_000);
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, triples: N };
const { lines, say } = report();

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'stelsel-bench-'));
const open = (dir: string) =>
  EmbeddedStore.open({ dir, genidBase: `${BASE}/.well-known/genid/`, locksGraph: namedNode(`${BASE}/graph/locks`), snapshotAfterBytes: 4 * 1024 ** 3 });
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function main() {
  say(`# Stelsel foundation benchmarks\n\n${results.date as string}, Node ${process.version}, ${os.cpus().length} cores, ${N} triples\n`);
  const text = dataset(N);
  const chunks = [...chunkLines(text, 50_000)];

  // 1. bulk load
  gc();
  let t = performance.now();
  {
    const plain = new oxigraph.Store();
    for (const c of chunks) plain.load(c, { format: 'application/n-quads' });
    if (plain.size !== N) throw new Error(`plain load gave ${plain.size}`);
  }
  const plainMs = performance.now() - t;
  gc();
  const root = tmp();
  const dir = path.join(root, 'store');
  let store = await open(dir);
  t = performance.now();
  await store.bulkLoad(chunks);
  const journaledMs = performance.now() - t;
  if ((await store.count()) !== N) throw new Error('journaled load incomplete');
  const plainRate = N / (plainMs / 1000);
  const journaledRate = N / (journaledMs / 1000);
  results.bulkLoad = { plainMs: r2(plainMs), journaledMs: r2(journaledMs), plainTriplesPerSec: Math.round(plainRate), journaledTriplesPerSec: Math.round(journaledRate), ratio: r2(journaledRate / plainRate) };
  say(`## 1. Bulk load of ${N} triples\n`);
  say(`| | ms | triples/s |\n|---|---|---|\n| plain Oxigraph load (baseline) | ${r2(plainMs)} | ${Math.round(plainRate)} |\n| journaled bulkLoad (fdatasync per 50k chunk) | ${r2(journaledMs)} | ${Math.round(journaledRate)} |\n`);
  say(`Ratio journaled / plain throughput: **${r2(journaledRate / plainRate)}** (goal >= 0.5)\n`);

  // 5. RSS, each in a fresh process
  const rss = (mode: string) => {
    const child = fileURLToPath(new URL('./rss-child.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', child, mode, String(N)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const r = JSON.parse(out.trim().split('\n').pop()!) as { before: number; after: number };
    return ((r.after - r.before) / N) * 1_000_000;
  };
  const rssEmbedded = rss('embedded');
  const rssPlain = rss('plain');
  const mib = (b: number) => r2(b / 2 ** 20);
  results.rss = { embeddedMiBPerMillion: mib(rssEmbedded), plainOxigraphMiBPerMillion: mib(rssPlain), embeddedBytesPerTriple: r2(rssEmbedded / 1e6), ratio: r2(rssEmbedded / rssPlain) };
  say(`## 5. Memory (RSS growth for ${N} triples, each measured in a fresh process)\n`);
  say(`| | MiB per million triples | bytes per triple |\n|---|---|---|\n| embedded store (journaled bulk load) | ${mib(rssEmbedded)} | ${r2(rssEmbedded / 1e6)} |\n| plain Oxigraph (baseline) | ${mib(rssPlain)} | ${r2(rssPlain / 1e6)} |\n`);
  say(`Ratio embedded / plain: ${r2(rssEmbedded / rssPlain)}. A SPARQL replica worker holds one more copy.\n`);

  // 2. small writes
  const lat: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now();
    await store.transact({ insert: [quad(namedNode(`${BASE}/id/w/${i}`), namedNode(`${BASE}/ns/p`), literal(`w${i}`), namedNode(`${BASE}/graph/writes`))] });
    lat.push(performance.now() - t0);
  }
  t = performance.now();
  const inflight = 64;
  let next = 0;
  await Promise.all(
    Array.from({ length: inflight }, async () => {
      while (next < 5000) {
        const i = next++;
        await store.transact({ insert: [quad(namedNode(`${BASE}/id/c/${i}`), namedNode(`${BASE}/ns/p`), literal(`c${i}`), namedNode(`${BASE}/graph/writes`))] });
      }
    }),
  );
  const concurrentMs = performance.now() - t;
  // Baseline in the same run: the same single-quad insert into plain Oxigraph (no journal).
  const plainLat: number[] = [];
  {
    const plain = new oxigraph.Store();
    for (let i = 0; i < 2000; i++) {
      const t0 = performance.now();
      plain.add(oxigraph.quad(oxigraph.namedNode(`${BASE}/id/w/${i}`), oxigraph.namedNode(`${BASE}/ns/p`), oxigraph.literal(`w${i}`), oxigraph.namedNode(`${BASE}/graph/writes`)));
      plainLat.push(performance.now() - t0);
    }
  }
  results.smallWrites = {
    sequential: { n: 2000, p50Ms: r2(pct(lat, 50)), p99Ms: r2(pct(lat, 99)), maxMs: r2(Math.max(...lat)) },
    plainOxigraphAdd: { p50Ms: r2(pct(plainLat, 50)), p99Ms: r2(pct(plainLat, 99)) },
    concurrent: { writers: inflight, n: 5000, ms: r2(concurrentMs), txPerSec: Math.round(5000 / (concurrentMs / 1000)) },
  };
  say(`## 2. Small writes (one quad per transaction, store holding ${N} triples)\n`);
  say(`| | p50 ms | p99 ms |\n|---|---|---|\n| journaled transact, awaited one by one (incl. fdatasync) | ${r2(pct(lat, 50))} | ${r2(pct(lat, 99))} |\n| plain Oxigraph add, no durability (baseline) | ${r2(pct(plainLat, 50))} | ${r2(pct(plainLat, 99))} |\n`);
  say(`Goal p50 <= 5 ms. With ${inflight} writers in flight (group commit): ${Math.round(5000 / (concurrentMs / 1000))} transactions/s.\n`);

  // 3. recovery
  await store.close({ snapshot: false });
  store = undefined as never;
  gc();
  t = performance.now();
  store = await open(dir);
  const fromJournalMs = performance.now() - t;
  const replayed = store.recovery.replayedRecords;
  await store.close({ snapshot: true });
  store = undefined as never;
  gc();
  t = performance.now();
  store = await open(dir);
  const fromSnapshotMs = performance.now() - t;
  const total = await store.count();
  await store.close({ snapshot: false });
  store = undefined as never;
  gc();
  results.recovery = { triples: total, fromJournalMs: r2(fromJournalMs), journalRecords: replayed, fromSnapshotMs: r2(fromSnapshotMs), plainLoadMs: r2(plainMs) };
  say(`## 3. Restart with ${total} triples\n`);
  say(`| | ms |\n|---|---|\n| from journal only (${replayed} records) | ${r2(fromJournalMs)} |\n| from snapshot | ${r2(fromSnapshotMs)} |\n| plain Oxigraph load of the same data (baseline, from memory) | ${r2(plainMs)} |\n`);
  say('Goal <= 15 000 ms.\n');

  // 4. HTTP: SELECT vs /health, and /health while a pathological query runs
  const running = await start(
    loadConfig({ DATA_DIR: root, BASE_URL: BASE, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef', SPARQL_TIMEOUT_MS: '8000' }),
  );
  const get = async (p: string, headers: Record<string, string> = {}) => {
    const t0 = performance.now();
    const res = await fetch(running.url + p, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${p}: ${res.status}`);
    return performance.now() - t0;
  };
  const select = '/sparql?query=' + encodeURIComponent(`SELECT ?o WHERE { GRAPH ?g { <${BASE}/id/thing/42> ?p ?o } }`);
  for (let i = 0; i < 50; i++) {
    await get('/health');
    await get(select, { accept: 'application/sparql-results+json' });
  }
  const health: number[] = [];
  const sel: number[] = [];
  for (let i = 0; i < 500; i++) {
    health.push(await get('/health'));
    sel.push(await get(select, { accept: 'application/sparql-results+json' }));
  }
  const heavyQuery = '/sparql?query=' + encodeURIComponent(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?p ?b } GRAPH ?h { ?c ?q ?d } FILTER(STR(?b) < STR(?d)) }`);
  const heavy = fetch(running.url + heavyQuery).then((r) => r.status);
  await new Promise((r) => setTimeout(r, 200));
  const busyHealth: number[] = [];
  const pages: number[] = [];
  const busyStart = performance.now();
  while (performance.now() - busyStart < 3000) {
    busyHealth.push(await get('/health'));
    pages.push(await get('/', { accept: 'text/html' }));
  }
  const heavyStatus = await heavy;
  await running.stop();
  results.http = {
    healthP50Ms: r2(pct(health, 50)),
    selectP50Ms: r2(pct(sel, 50)),
    selectP99Ms: r2(pct(sel, 99)),
    ratioSelectToHealth: r2(pct(sel, 50) / pct(health, 50)),
    whileHeavyQuery: { heavyStatus, healthP50Ms: r2(pct(busyHealth, 50)), healthMaxMs: r2(Math.max(...busyHealth)), homePageP50Ms: r2(pct(pages, 50)), samples: busyHealth.length },
  };
  say(`## 4. HTTP latency (real sockets, store with ${total} triples)\n`);
  say(`| | p50 ms | p99 ms |\n|---|---|---|\n| GET /health (baseline) | ${r2(pct(health, 50))} | ${r2(pct(health, 99))} |\n| GET /sparql simple SELECT (JSON) | ${r2(pct(sel, 50))} | ${r2(pct(sel, 99))} |\n`);
  say(`Ratio SELECT p50 / health p50: **${r2(pct(sel, 50) / pct(health, 50))}**\n`);
  say(`While a pathological cross-join query ran on /sparql (it ended with HTTP ${heavyStatus} after the time budget): /health p50 ${r2(pct(busyHealth, 50))} ms, max ${r2(Math.max(...busyHealth))} ms; home page p50 ${r2(pct(pages, 50))} ms (${busyHealth.length} samples over 3 s).\n`);

  rmSync(root, { recursive: true, force: true });
  const out = new URL('./results/', import.meta.url);
  mkdirSync(out, { recursive: true });
  writeFileSync(new URL('foundation.json', out), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(new URL('foundation.md', out), lines.join('\n') + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
