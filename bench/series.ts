/**
 * Series register benchmark (npm run bench:series). Every figure is measured in this run next to
 * its baseline; results go to bench/results/series.json and series.md.
 *
 *  1. import: an XLSX import sheet of BENCH_SERIES_IMPORT rows (default 5 000) is generated; the
 *     baseline is a raw parse of the same bytes (exceljs load + reading every cell); then the import
 *     end to end (POST /api/series/import in process: parse, row checks, SHACL, store, journal, audit);
 *  2. search: BENCH_SERIES_PUBLISHED published series (default 20 000) are stored in batches through
 *     the repository, then GET /api/series?q=... (free text, organisation, destination) is timed
 *     against GET /health on the same app; p50 / p95 over BENCH_SERIES_QUERIES requests each.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ROOT } from '../src/main.js';
import { seedDemoData } from '../src/demo/seed.js';
import { UriPolicy } from '../src/shared/uri.js';
import { EmbeddedStore } from '../src/shared/store/embedded/embedded-store.js';
import { ShaclValidator } from '../src/shared/shacl/validator.js';
import { validatingStore } from '../src/shared/shacl/validating-store.js';
import { AuditLog } from '../src/shared/audit/audit-log.js';
import { systemActor } from '../src/shared/auth/actor.js';
import { namedNode } from '../src/shared/rdf/factory.js';
import { createSparqlService } from '../src/sparql/service.js';
import { BESTEMMINGEN, createSeriesService, type Series } from '../src/series/index.js';
import { COLUMNS, readCells, XLSX_TYPE } from '../src/series/sheet.js';
import { report, r1, r2, percentile } from './report.js';

const IMPORT_ROWS = Number(process.env.BENCH_SERIES_IMPORT ?? 5_000);
const PUBLISHED = Number(process.env.BENCH_SERIES_PUBLISHED ?? 20_000);
const QUERIES = Number(process.env.BENCH_SERIES_QUERIES ?? 200);
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
const BASE = 'http://bench.example';
const WORDS = ['dossiers', 'verslagen', 'registers', 'vergunningen', 'facturen', 'aanvragen', 'klachten', 'contracten', 'plannen', 'attesten'];
const PROCESSES = ['Burgerzaken', 'Omgeving', 'Financiën', 'Personeel', 'Onderwijs', 'Welzijn', 'Mobiliteit', 'Cultuur'];

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadAverageAtStart: os.loadavg()[0] };
const { lines, say } = report();

function content(i: number) {
  const w = WORDS[i % WORDS.length]!;
  return {
    naam: `${w[0]!.toUpperCase()}${w.slice(1)} ${PROCESSES[i % PROCESSES.length]!.toLowerCase()} ${i}`,
    omschrijving: `Serie ${i}: ${w} over ${PROCESSES[(i * 7) % PROCESSES.length]}.`,
    proces: PROCESSES[i % PROCESSES.length]!,
    administratieveBewaartermijn: `P${1 + (i % 30)}Y`,
    termijnspecificatie: 'na-afhandeling',
    motivering: 'Bedrijfsvoering en bewijs.',
    bestemming: BESTEMMINGEN[i % 3]!,
    bestemmingMotivering: 'Waardering volgens het selectiebeleid.',
    openbaarheid: 'openbaar',
    geldigVan: '2026-01-01',
    geldigTot: '2030-12-31',
  };
}

async function importSheet(n: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Series');
  ws.addRow(COLUMNS.map((c) => c.header));
  for (let i = 0; i < n; i++) {
    const c = content(i) as Record<string, string>;
    ws.addRow(COLUMNS.map((col) => c[col.field] ?? ''));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}


async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stelsel-bench-series-'));
  try {
    const config = loadConfig({ BASE_URL: BASE, DATA_DIR: dir, ADMIN_TOKEN, SPARQL_REPLICAS: '0', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000' });
    const uris = new UriPolicy(config.baseUrl);
    const raw = await EmbeddedStore.open({ dir: path.join(dir, 'store'), genidBase: uris.genidBase, locksGraph: uris.locksGraph });
    const validator = ShaclValidator.fromDirectory(path.join(ROOT, 'shapes'));
    // Where the import's time goes: SHACL runs and store transactions (apply, journal, fdatasync).
    const spent = { shacl: 0, store: 0 };
    const timed = <A extends unknown[], R>(f: (...a: A) => Promise<R>, key: keyof typeof spent) => async (...a: A): Promise<R> => {
      const t = performance.now();
      try {
        return await f(...a);
      } finally {
        spent[key] += performance.now() - t;
      }
    };
    validator.validate = timed(validator.validate.bind(validator), 'shacl');
    raw.transact = timed(raw.transact.bind(raw), 'store');
    const store = validatingStore(raw, validator, { exempt: (g) => uris.isSystemGraph(g.value) });
    const audit = new AuditLog(store, uris);
    const logger = pino({ level: 'silent' });
    await seedDemoData(audit, uris, path.join(ROOT, 'data', 'demo'));
    const sparql = await createSparqlService({ config, store: raw, logger });
    const { app } = createApp({ config, store, uris, logger, audit, validator, sparql, ready: () => true });
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

    // 1. import
    const bytes = await importSheet(IMPORT_ROWS);
    results.importRows = IMPORT_ROWS;
    results.importSheetBytes = bytes.length;
    const tRaw = performance.now();
    const cells = await readCells(bytes, 'xlsx');
    const rawMs = performance.now() - tRaw;
    if (cells.length !== IMPORT_ROWS + 1) throw new Error(`raw parse read ${cells.length} rows`);
    spent.shacl = spent.store = 0;
    const t0 = performance.now();
    const res = await app.request('/api/series/import?organisatie=gemeente-gent', { method: 'POST', headers: { ...auth, 'content-type': XLSX_TYPE }, body: Buffer.from(bytes) });
    const importMs = performance.now() - t0;
    const report = (await res.json()) as { status: string; series: string[] };
    if (res.status !== 200 || report.series.length !== IMPORT_ROWS) throw new Error(`import failed: ${res.status} ${JSON.stringify(report).slice(0, 500)}`);
    results.import = { rawParseMs: r1(rawMs), rawParseRowsPerS: Math.round(IMPORT_ROWS / (rawMs / 1000)), endToEndMs: r1(importMs), seriesPerS: Math.round(IMPORT_ROWS / (importMs / 1000)), ratio: r2(importMs / rawMs), shaclMs: r1(spent.shacl), storeTransactMs: r1(spent.store) };
    say(`## Import of ${IMPORT_ROWS} series from one XLSX sheet (${Math.round(bytes.length / 1024)} KiB)`);
    say('');
    say('| step | time | rate |');
    say('|---|---|---|');
    say(`| raw parse (exceljs load + every cell) | ${r1(rawMs)} ms | ${Math.round(IMPORT_ROWS / (rawMs / 1000))} rows/s |`);
    say(`| import end to end (POST /api/series/import: parse, row checks, SHACL, store, journal, audit) | ${r1(importMs)} ms | ${Math.round(IMPORT_ROWS / (importMs / 1000))} series/s |`);
    say(`| of which SHACL (one run over the imported graphs) | ${r1(spent.shacl)} ms | |`);
    say(`| of which the store transaction (one: apply in memory, journal + fdatasync, public copy) | ${r1(spent.store)} ms | |`);
    say(`| ratio end to end / raw parse | ${r2(importMs / rawMs)}x | |`);
    say('');

    // 2. search over published series
    // Setup data, not measured: stored without the SHACL wrapper (the same mapping is validated on
    // every write in the tests and in the import above), so that seeding stays within minutes.
    const svc = createSeriesService({ config, store: raw, uris, logger, audit: new AuditLog(raw, uris) });
    const orgs = ['gemeente-gent', 'stad-aalst'].map((s) => uris.url(`/id/organisatie/${s}`));
    const ctx = { actor: systemActor(uris), requestId: 'bench' };
    const now = new Date().toISOString();
    const tLoad = performance.now();
    for (let b = 0; b < PUBLISHED; b += 1000) {
      const batch: Series[] = [];
      for (let i = b; i < Math.min(PUBLISHED, b + 1000); i++) {
        batch.push({
          id: randomUUID(), soort: 'gewoon', organisatie: orgs[i % orgs.length]!, gepubliceerdeVersie: 1, aangemaakt: now, etag: 0,
          versies: [{ ...content(i), nummer: 1, status: 'gepubliceerd', reden: 'nieuw', aangemaakt: now, gewijzigd: now, goedgekeurd: now, gepubliceerd: now, opmerkingen: [] }],
        });
      }
      await svc.repo.saveAll(ctx, batch, namedNode(orgs[0]!), 'bench');
    }
    const loadMs = performance.now() - tLoad;
    const time = async (url: string) => {
      const t = performance.now();
      const r = await app.request(url);
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
      return performance.now() - t;
    };
    const queries = Array.from({ length: QUERIES }, (_, i) => {
      const kind = i % 4;
      const w = WORDS[i % WORDS.length]!;
      if (kind === 0) return `/api/series?q=${encodeURIComponent(w)}&size=100`;
      if (kind === 1) return `/api/series?q=${encodeURIComponent(`+OrganisationId:stad-aalst ${w}`)}&size=100`;
      if (kind === 2) return `/api/series?q=${encodeURIComponent(`+Destination:bewaren ${PROCESSES[i % PROCESSES.length]}`)}&size=100`;
      return `/api/series?page=${i % 10}&size=100&status=Published`;
    });
    for (const q of queries.slice(0, 10)) await time(q); // warm-up (also builds the listing index)
    const searchMs: number[] = [];
    const healthMs: number[] = [];
    for (const q of queries) {
      searchMs.push(await time(q));
      healthMs.push(await time('/health'));
    }
    const s50 = percentile(searchMs, 50);
    const h50 = percentile(healthMs, 50);
    results.search = { published: PUBLISHED, loadMs: r1(loadMs), queries: QUERIES, searchP50Ms: r2(s50), searchP95Ms: r2(percentile(searchMs, 95)), healthP50Ms: r2(h50), healthP95Ms: r2(percentile(healthMs, 95)), ratioP50: r2(s50 / h50) };
    say(`## Search over ${PUBLISHED} published series (plus ${IMPORT_ROWS} drafts), ${QUERIES} requests each, in process`);
    say('');
    say('| request | p50 | p95 |');
    say('|---|---|---|');
    say(`| GET /api/series?q=... (free text, +OrganisationId, +Destination, plain pages; size 100) | ${r2(s50)} ms | ${r2(percentile(searchMs, 95))} ms |`);
    say(`| GET /health (baseline) | ${r2(h50)} ms | ${r2(percentile(healthMs, 95))} ms |`);
    say('');
    say(`Storing the ${PUBLISHED} published series (setup, in batches of 1 000, without SHACL) took ${Math.round(loadMs)} ms.`);
    say('The listing runs over an in-memory index that the warm-up requests build; the first request after a write rebuilds it and is not part of these figures.');

    results.loadAverageAtEnd = os.loadavg()[0];
    const load = `1-minute load average ${(results.loadAverageAtStart as number).toFixed(2)} at the start, ${(results.loadAverageAtEnd as number).toFixed(2)} at the end`;
    const md = [`# Series register benchmark`, '', `Measured ${results.date as string} on Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${load}; embedded store with its journal in a fresh temp dir. Run: \`npm run bench:series\`.`, '', ...lines, ''].join('\n');
    writeFileSync(path.join(ROOT, 'bench', 'results', 'series.md'), md);
    writeFileSync(path.join(ROOT, 'bench', 'results', 'series.json'), `${JSON.stringify(results, null, 2)}\n`);
    await sparql.close();
    await raw.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
