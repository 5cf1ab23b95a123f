/**
 * Decisions publication benchmark (npm run bench:decisions). Every figure is measured in this run
 * next to its baseline; results go to bench/results/decisions.json and decisions.md.
 *
 *  0. Stelsel is started in-process (src/main.ts start(): embedded store in a fresh DATA_DIR, HTTP
 *     on 127.0.0.1); the demo organisations are seeded, a gemeenteraad is created through the API and
 *     one meeting of BENCH_DECISIONS agendapunten (default 50), each with a decision (two artikels)
 *     and a vote, is published as a besluitenlijst and as notulen (the setup is not timed).
 *  1. Load: BENCH_CONNECTIONS keep-alive connections (default 50) send requests back to back for
 *     BENCH_SECONDS (default 10) per target, from a worker thread (its own event loop), against
 *     GET /health (baseline, before and after the others), the besluitenlijst's stable URL, its
 *     version URL and the version's PDF, with Accept-Encoding as browsers send it, and the version
 *     URL once more without it. Reported: requests/s, p50, p99, and the ratio of each target's
 *     throughput to the mean /health throughput of the same run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { report, r1, r2, percentile } from './report.js';

const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 50);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** Measured seconds per target, in ROUNDS slices: the targets take turns, so a change in the machine's other load touches them all alike. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const WARMUP_SECONDS = 2;
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
const BASE = 'http://bench.example';
const EENHEID = 'gemeente-gent';

interface LoadJob {
  url: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}

interface LoadResult {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  cacheMisses: number;
  bytes: number;
  seconds: number;
  latenciesMs: number[];
}

// ------------------------------------------------------------------ load client (worker thread)

/** One keep-alive connection per worker "connection": each sends its next request when the last one ends. */
async function load(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections, maxFreeSockets: job.connections });
  const target = new URL(job.url);
  const out: LoadResult = { requests: 0, errors: 0, statuses: {}, cacheMisses: 0, bytes: 0, seconds: 0, latenciesMs: [] };
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: 'GET', headers: job.headers }, (res) => {
        let n = 0;
        res.on('data', (c: Buffer) => (n += c.length));
        res.on('end', () => {
          out.latenciesMs.push(performance.now() - t0);
          out.requests++;
          out.bytes += n;
          out.statuses[res.statusCode ?? 0] = (out.statuses[res.statusCode ?? 0] ?? 0) + 1;
          if (res.statusCode !== 200) out.errors++;
          if (res.headers['x-cache'] === 'miss') out.cacheMisses++;
          resolve();
        });
        res.on('error', () => {
          out.errors++;
          resolve();
        });
      });
      req.on('error', () => {
        out.errors++;
        resolve();
      });
      req.end();
    });
  const t0 = performance.now();
  const end = t0 + job.seconds * 1000;
  await Promise.all(
    Array.from({ length: job.connections }, async () => {
      while (performance.now() < end) await one();
    }),
  );
  out.seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return out;
}

/** The worker: runs each job it is sent and answers with its result. */
if (!isMainThread) {
  parentPort?.on('message', (job: LoadJob) => {
    load(job).then(
      (r) => parentPort?.postMessage(r),
      (e: unknown) => parentPort?.postMessage({ error: String(e) }),
    );
  });
}

/** A load client in a worker thread (its own event loop, so it does not share the server's), started once. */
class LoadClient {
  private readonly worker: Worker;

  constructor() {
    // A worker does not inherit the TypeScript loader: it registers tsx, then loads this file.
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    this.worker = new Worker(boot, { eval: true });
  }

  run(job: LoadJob): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      this.worker.once('message', (m: LoadResult | { error: string }) => ('error' in m ? reject(new Error(m.error)) : resolve(m)));
      this.worker.postMessage(job);
    });
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

// ------------------------------------------------------------------ setup through the API

function meeting(n: number) {
  const voters = ['m-voorzitter', 'm-an', 'm-bert', 'm-chris'];
  const point = (i: number) => ({
    id: `ap-${i}`,
    titel: `Agendapunt ${i}: reglement over de gemeentelijke dienstverlening, deel ${i}`,
    beschrijving: `Het college legt de gemeenteraad een reglement voor over onderdeel ${i} van de dienstverlening.`,
    type: 'gepland',
    geplandOpenbaar: true,
    behandeling: {
      id: `bh-${i}`,
      openbaar: true,
      besluit: {
        id: `b-${i}`,
        titel: `Besluit ${i}: goedkeuring van het reglement, deel ${i}`,
        beschrijving: `De gemeenteraad keurt het reglement deel ${i} goed.`,
        citeeropschrift: `Reglement dienstverlening ${i}`,
        motivering: `Juridische grond: het Decreet over het lokaal bestuur, artikel 40 en 41. Motivering: de dienstverlening wordt eenvormig geregeld (${i}).`,
        type: 'huishoudelijk-reglement',
        artikels: [
          { id: `a-${i}-1`, nummer: '1', inhoud: `Het reglement over de dienstverlening, deel ${i}, wordt goedgekeurd.` },
          { id: `a-${i}-2`, nummer: '2', inhoud: 'Dit besluit treedt in werking op de eerste dag van de maand na de bekendmaking.' },
        ],
      },
      stemmingen: [{ id: `s-${i}`, onderwerp: `Goedkeuring van punt ${i}`, gevolg: 'Aangenomen', geheim: false, voorstanders: voters.slice(0, 3), tegenstanders: ['m-chris'], onthouders: [] }],
    },
  });
  return {
    orgaan: 'gemeenteraad',
    geplandeStart: '2026-03-10T19:00:00+01:00',
    gestart: '2026-03-10T19:02:00+01:00',
    geeindigd: '2026-03-10T23:40:00+01:00',
    voorzitter: 'm-voorzitter',
    secretaris: 'm-secretaris',
    aanwezigen: ['m-voorzitter', 'm-secretaris', 'm-an', 'm-bert', 'm-chris'],
    agendapunten: Array.from({ length: n }, (_, i) => point(i + 1)),
  };
}

async function api(url: string, method: string, auth: string, body?: unknown): Promise<unknown> {
  const res = await fetch(url, { method, headers: { authorization: `Bearer ${auth}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 800)}`);
  return text ? JSON.parse(text) : null;
}

// ------------------------------------------------------------------ report

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, totalMemGiB: Math.round(os.totalmem() / 2 ** 30) };
const { lines, say } = report();

async function main(): Promise<void> {
  // Imported here, not at the top: the worker thread loads this file too and needs none of it.
  const { default: pino } = await import('pino');
  const { loadConfig } = await import('../src/config.js');
  const { ROOT, start } = await import('../src/main.js');
  const { seedDemoData } = await import('../src/demo/seed.js');
  const { UriPolicy } = await import('../src/shared/uri.js');
  const { ShaclValidator } = await import('../src/shared/shacl/validator.js');
  const { validatingStore } = await import('../src/shared/shacl/validating-store.js');
  const { AuditLog } = await import('../src/shared/audit/audit-log.js');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stelsel-bench-decisions-'));
  const config = loadConfig({ DATA_DIR: dir, BASE_URL: BASE, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ADMIN_TOKEN, SPARQL_REPLICAS: '0', RATE_LIMIT_PER_MINUTE: '100000' });
  const running = await start(config, pino({ level: 'silent' }));
  try {
    const uris = new UriPolicy(config.baseUrl);
    const store = validatingStore(running.store, ShaclValidator.fromDirectory(path.join(ROOT, 'shapes')), { exempt: (g) => uris.isSystemGraph(g.value) });
    await seedDemoData(new AuditLog(store, uris), uris, path.join(ROOT, 'data', 'demo'));
    const u = running.url;
    const { token } = (await api(`${u}/api/organisaties/${EENHEID}/tokens`, 'POST', ADMIN_TOKEN, { name: 'bench', roles: ['schrijver', 'publiceerder'] })) as { token: string };
    const mandatarissen = [['m-voorzitter', 'Vera Voorzitter'], ['m-secretaris', 'Sam Secretaris'], ['m-an', 'An Andries'], ['m-bert', 'Bert Baert'], ['m-chris', 'Chris Claes']].map(([id, naam]) => ({ id, naam }));
    await api(`${u}/api/besluiten/${EENHEID}/organen/gemeenteraad`, 'PUT', token, { naam: 'Gemeenteraad Gent', classificatie: 'gemeenteraad', perioden: [{ id: '2025-2030', start: '2025-01-01', einde: '2030-12-31', mandatarissen }] });
    const tSetup = performance.now();
    const { id, slug } = (await api(`${u}/api/besluiten/${EENHEID}/zittingen`, 'POST', token, meeting(DECISIONS))) as { id: string; slug: string };
    const published: { iri: string; document: string }[] = [];
    for (const soort of ['besluitenlijst', 'notulen']) {
      const r = (await api(`${u}/api/besluiten/${EENHEID}/zittingen/${id}/publicaties`, 'POST', token, { soort })) as { versies: { iri: string; document: string }[] };
      published.push(...r.versies);
    }
    const setupMs = performance.now() - tSetup;
    const lijst = published.find((v) => v.document.endsWith('/besluitenlijst'));
    if (!lijst) throw new Error('the besluitenlijst was not published');
    const stablePath = new URL(lijst.document).pathname;
    const versionPath = new URL(lijst.iri).pathname;
    const pdfPath = `${versionPath}.pdf`;
    for (const p of [stablePath, versionPath, pdfPath]) {
      const res = await fetch(`${u}${p}`);
      if (res.status !== 200) throw new Error(`${p}: ${res.status}`);
      await res.arrayBuffer();
    }
    const storeQuads = await running.store.count();
    results.setup = { decisions: DECISIONS, meeting: slug, setupMs: Math.round(setupMs), storeQuads, stable: stablePath, version: versionPath, pdf: pdfPath };

    // Browsers and HTTP libraries (undici, curl --compressed) ask for compression; the last page row does not.
    const gzip = { 'accept-encoding': 'gzip, deflate, br' };
    const targets: [string, string, Record<string, string>][] = [
      ['GET /health (baseline)', '/health', gzip],
      ['GET besluitenlijst, stable URL', stablePath, gzip],
      ['GET besluitenlijst, version URL', versionPath, gzip],
      ['GET besluitenlijst, version PDF', pdfPath, gzip],
      ['GET besluitenlijst, version URL, no Accept-Encoding', versionPath, {}],
    ];
    const client = new LoadClient();
    const loadInWorker = (job: LoadJob) => client.run(job);
    for (const [, p, headers] of targets) await loadInWorker({ url: `${u}${p}`, headers, connections: CONNECTIONS, seconds: WARMUP_SECONDS });
    const runs = targets.map(() => [] as LoadResult[]);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, [, p, headers]] of targets.entries()) runs[i]!.push(await loadInWorker({ url: `${u}${p}`, headers, connections: CONNECTIONS, seconds: SECONDS / ROUNDS }));
      console.error(`round ${round + 1}/${ROUNDS}: ${runs.map((r) => Math.round(r.at(-1)!.requests / r.at(-1)!.seconds)).join(' / ')} requests/s`);
    }
    await client.stop();
    const rps = (r: LoadResult) => r.requests / r.seconds;
    const rows = targets.map(([name, p], i) => {
      const rs = runs[i]!;
      const requests = rs.reduce((n, r) => n + r.requests, 0);
      const seconds = rs.reduce((n, r) => n + r.seconds, 0);
      const latencies = rs.flatMap((r) => r.latenciesMs);
      // the ratio to /health within each round (same minute, same background load)
      const roundRatios = rs.map((r, k) => rps(r) / rps(runs[0]![k]!)).sort((a, b) => a - b);
      return {
        name, path: p, rps: requests / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), requests,
        errors: rs.reduce((n, r) => n + r.errors, 0), cacheMisses: rs.reduce((n, r) => n + r.cacheMisses, 0),
        bytesPerResponse: requests ? Math.round(rs.reduce((n, r) => n + r.bytes, 0) / requests) : 0,
        roundRatioMin: roundRatios[0] ?? NaN, roundRatioMedian: percentile(roundRatios, 50), roundRatioMax: roundRatios.at(-1) ?? NaN,
      };
    });
    const healthRps = rows[0]!.rps;
    results.load = {
      connections: CONNECTIONS, secondsPerTarget: SECONDS, rounds: ROUNDS, warmupSecondsPerTarget: WARMUP_SECONDS, healthRps: r1(healthRps),
      targets: rows.map((r) => ({
        name: r.name, path: r.path, rps: r1(r.rps), p50Ms: r2(r.p50), p99Ms: r2(r.p99), ratioToHealth: r2(r.rps / healthRps),
        roundRatios: { min: r2(r.roundRatioMin), median: r2(r.roundRatioMedian), max: r2(r.roundRatioMax) },
        requests: r.requests, errors: r.errors, cacheMisses: r.cacheMisses, bytesPerResponse: r.bytesPerResponse,
      })),
    };
    // The goal is judged on the three URLs as clients ask for them (with Accept-Encoding); the row without it is reported beside.
    const pages = rows.slice(1, 4);
    const worst = Math.min(...pages.map((r) => r.rps / healthRps));
    const identity = rows[4]!.rps / healthRps;
    results.goal = { ratioAtLeast: 0.5, worstRatio: r2(worst), met: worst >= 0.5, withoutAcceptEncoding: { ratio: r2(identity), met: identity >= 0.5 } };

    say(`## Setup`);
    say('');
    say(`One meeting with ${DECISIONS} treated agendapunten (each a decision with two artikels and a vote), created and published as besluitenlijst and notulen through the API in ${Math.round(setupMs)} ms (not part of the load figures); the store holds ${storeQuads} quads.`);
    say('');
    say(`## Load: ${CONNECTIONS} keep-alive connections, ${SECONDS} s per target in ${ROUNDS} turns of ${r1(SECONDS / ROUNDS)} s (after ${WARMUP_SECONDS} s warm-up each), over HTTP on 127.0.0.1`);
    say('');
    say('Every request sends `Accept-Encoding: gzip, deflate, br` (as browsers and HTTP libraries do) except the row that says otherwise; HTML pages and PDFs are then served brotli-compressed (a PDF\'s content streams are compressed inside, its structure tree for screen readers is not), /health as it is.');
    say('');
    say('| request | requests/s | p50 | p99 | ratio to /health | per-turn ratio (min / median / max) | responses | non-200 | rendered (cache misses) | bytes/response |');
    say('|---|---|---|---|---|---|---|---|---|---|');
    for (const [i, r] of rows.entries()) {
      const turns = i ? `${r2(r.roundRatioMin)} / ${r2(r.roundRatioMedian)} / ${r2(r.roundRatioMax)}` : '';
      say(`| ${r.name} (\`${r.path}\`) | ${Math.round(r.rps)} | ${r2(r.p50)} ms | ${r2(r.p99)} ms | ${i ? r2(r.rps / healthRps) : ''} | ${turns} | ${r.requests} | ${r.errors} | ${i ? r.cacheMisses : ''} | ${r.bytesPerResponse} |`);
    }
    say('');
    say(`The ratio is a target's throughput over the whole run divided by that of /health (${Math.round(healthRps)} requests/s); the per-turn ratios compare each turn with the /health turn just before it. Goal: every publication URL at least 0.5 of /health. Lowest measured ratio of the stable URL, version URL and PDF with Accept-Encoding: **${r2(worst)}** (${worst >= 0.5 ? 'met' : 'not met'}); the version URL without Accept-Encoding (${rows[4]!.bytesPerResponse} bytes per response): **${r2(identity)}** (${identity >= 0.5 ? 'met' : 'not met'}).`);
    say('');
    say('A page or PDF request costs at most one small query (the document\'s version IRIs; none while the store is unchanged); the render comes from the in-memory cache of rendered versions after the first request (the "rendered" column counts the renders during the measured seconds).');

    const md = ['# Decisions publication benchmark', '', `Measured ${results.date as string} on Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}); Stelsel started in-process with the embedded store in a fresh temp dir; the load client runs in a worker thread of the same process. Run: \`npm run bench:decisions\`.`, '', ...lines, ''].join('\n');
    writeFileSync(path.join(ROOT, 'bench', 'results', 'decisions.md'), md);
    writeFileSync(path.join(ROOT, 'bench', 'results', 'decisions.json'), `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await running.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMainThread) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
