/**
 * Product catalogue benchmark at national scale (npm run bench:catalogue). Every figure is measured
 * in this run next to its baseline; results go to bench/results/catalogue.json and catalogue.md.
 *
 *  0. the full reference value lists (../shared/reference, or REFERENCE_DIR) are loaded into an
 *     embedded store in a fresh DATA_DIR (journal on, fdatasync per transaction), one organisation
 *     per current gemeente, provincie and waterschap is created, and bench/sc-generator.ts writes one
 *     SC catalogue per organisation (BENCH_PRODUCTS, default 60 000 products in all);
 *  1. baseline: a raw XML parse (saxes, namespaces and positions on, no model) of the same bytes;
 *     then the SC reader alone (parse + structural checks + model), the validator (reader + extra
 *     rules + value-list lookups, nothing stored), and the import end to end (parse, validate,
 *     SHACL, store, journal, audit) of every catalogue through CatalogueService;
 *  2. a national harvest: the catalogues served over HTTP by a local server, fetched and imported by
 *     URL into the store that already holds them (the daily re-harvest: every organisation's
 *     products are replaced).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { SaxesParser } from 'saxes';
import { loadConfig } from '../src/config.js';
import { openStore, ROOT } from '../src/main.js';
import { UriPolicy } from '../src/shared/uri.js';
import { EmbeddedStore } from '../src/shared/store/embedded/embedded-store.js';
import { ShaclValidator } from '../src/shared/shacl/validator.js';
import { validatingStore } from '../src/shared/shacl/validating-store.js';
import { AuditLog } from '../src/shared/audit/audit-log.js';
import type { TripleStore } from '../src/shared/store/port.js';
import { systemActor } from '../src/shared/auth/actor.js';
import { sparql } from '../src/shared/rdf/encode.js';
import { literal, namedNode, quad } from '../src/shared/rdf/factory.js';
import { ORG, OWL, RDF_, SKOS, STELSEL } from '../src/shared/rdf/vocab.js';
import { CatalogueService } from '../src/catalog/index.js';
import { parseScCatalogue } from '../src/catalog/sc-xml/index.js';
import { loadValueLists } from '../src/catalog/valuelists/index.js';
import { generateCatalogues, nationalInputs, type GeneratedCatalogue } from './sc-generator.js';
import { harvestNational, serveCatalogues } from './catalogue-harvest.js';
import { report, r2 } from './report.js';

const BASE = 'http://bench.example';
const TOTAL = Number(process.env.BENCH_PRODUCTS ?? 60_000);
const ORGS = Number(process.env.BENCH_ORGANISATIONS ?? 0);
const HARVEST_TIMEOUT_MS = 30 * 60_000;
const REF = path.resolve(process.env.REFERENCE_DIR ?? path.join(ROOT, '../shared/reference'));
const TODAY = new Date().toISOString().slice(0, 10);

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, totalMemGiB: Math.round(os.totalmem() / 2 ** 30) };
const { lines, say } = report();
/** Three significant digits (ratios far below 1). */
const sig = (x: number) => Number(x.toPrecision(3));
const mib = (b: number) => Math.round(b / 2 ** 20);
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const started = performance.now();
const progress = (what: string) => process.stderr.write(`[${Math.round((performance.now() - started) / 1000)} s] ${what}\n`);

/** The baseline: tokenise the XML with saxes as the SC reader configures it, building nothing. */
function rawParse(bytes: Uint8Array): number {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let elements = 0;
  parser.on('opentag', () => void elements++);
  parser.write(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).close();
  return elements;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  gc();
  const t0 = performance.now();
  const out = await fn();
  return [out, performance.now() - t0];
}

async function main() {
  if (!existsSync(path.join(REF, 'owms/Gemeente.xml'))) {
    console.error(`The reference value lists are needed: ${REF} has no owms/Gemeente.xml (set REFERENCE_DIR)`);
    process.exit(2);
  }
  const root = mkdtempSync(path.join(os.tmpdir(), 'stelsel-bench-catalogue-'));
  // The fetch time limit is raised: a fetch that starts while other sources' imports hold the event
  // loop would otherwise time out (see bench/README.md).
  const config = loadConfig({ DATA_DIR: root, BASE_URL: BASE, LOG_LEVEL: 'silent', ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef', HARVEST_TIMEOUT_MS: String(HARVEST_TIMEOUT_MS) });
  const uris = new UriPolicy(config.baseUrl);
  const raw = await openStore(config, uris);
  const store = validatingStore(raw, ShaclValidator.fromDirectory(path.join(ROOT, 'shapes')), { exempt: (g) => uris.isSystemGraph(g.value) });
  const audit = new AuditLog(store, uris);
  const ctx = { actor: systemActor(uris), requestId: 'bench-catalogue' };
  const deps = { config, store, uris, audit, logger: pino({ level: 'silent' }) };
  const svc = new CatalogueService(deps, { maxBytes: 256 * 1024 ** 2 });

  // 0. value lists, organisations, catalogues
  const [lists, listsMs] = await timed(() => loadValueLists({ dir: REF }, { store, uris, audit }));
  const national = await nationalInputs(store, uris, TODAY);
  const { upl } = national;
  // BENCH_ORGANISATIONS=n: every k-th organisation only, with catalogues of the national sizes.
  const step = ORGS > 0 && ORGS < national.organisations.length ? national.organisations.length / ORGS : 1;
  const organisations = step === 1 ? national.organisations : Array.from({ length: ORGS }, (_, i) => national.organisations[Math.floor(i * step)]!);
  const scaled = Math.round((TOTAL * organisations.length) / national.organisations.length);
  const kinds = organisations.reduce<Record<string, number>>((m, o) => ({ ...m, [o.kind]: (m[o.kind] ?? 0) + 1 }), {});
  const [catalogues, genMs] = await timed(async () => generateCatalogues({ organisations, upl, totalProducts: scaled, today: TODAY }));
  await createOrganisations(audit, uris, catalogues);
  const bytes = catalogues.map((c) => new TextEncoder().encode(c.xml));
  const products = catalogues.reduce((n, c) => n + c.products, 0);
  const totalBytes = bytes.reduce((n, b) => n + b.byteLength, 0);
  results.setup = {
    valueLists: lists.lists.map((l) => `${l.name}: ${l.concepts}`), valueListsMs: Math.round(listsMs),
    organisations: kinds, nationalOrganisations: national.organisations.length, uplNames: upl.length, catalogues: catalogues.length, products, bytes: totalBytes,
    avgProductBytes: Math.round(totalBytes / products), generateMs: Math.round(genMs),
  };
  const load = os.loadavg().map((x) => r2(x));
  results.loadAverageAtStart = load;
  say(`# Stelsel product catalogue benchmark (national scale)\n\n${results.date as string}, Node ${process.version}, ${os.cpus().length} cores (${String(results.cpuModel)}), ${String(results.totalMemGiB)} GiB RAM; load average at the start ${load.join(' / ')} (other processes share the machine: compare figures within one run)\n`);
  say(`Value lists from the reference files (${Math.round(listsMs)} ms): ${lists.lists.map((l) => `${l.name} ${l.concepts}`).join(', ')}.`);
  const subset = step === 1 ? '' : ` (BENCH_ORGANISATIONS: every ${r2(step)}th of the ${national.organisations.length} current organisations, with catalogues of the sizes a national run of ${TOTAL} products gives)`;
  say(`Generated (bench/sc-generator.ts, seeded): ${catalogues.length} catalogues, one per current ${Object.entries(kinds).map(([k, n]) => `${k.toLowerCase()} (${n})`).join(', ')}${subset}; ${products} products, ${mib(totalBytes)} MiB, ${Math.round(totalBytes / products)} bytes per product on average.\n`);

  // 1. raw parse, SC reader, validator, import
  progress('raw parse');
  const [elements, rawMs] = await timed(async () => bytes.reduce((n, b) => n + rawParse(b), 0));
  progress('SC reader');
  const [, readMs] = await timed(async () => {
    for (const b of bytes) {
      const r = await parseScCatalogue(b, { maxBytes: 256 * 1024 ** 2 });
      if (!r.ok) throw new Error(`SC reader: ${r.errors[0]?.message ?? 'invalid'}`);
    }
  });
  progress('validate');
  const [, validateMs] = await timed(async () => {
    for (const [i, b] of bytes.entries()) {
      const r = await svc.validate(b);
      if (!r.valid) throw new Error(`${catalogues[i]!.slug} is not valid: ${JSON.stringify(r).slice(0, 800)}`);
    }
  });
  const rssBefore = process.memoryUsage().rss;
  const triplesBefore = await raw.count();
  progress('import');
  const [, importMs] = await timed(async () => {
    for (const [i, b] of bytes.entries()) {
      const r = await svc.import(ctx, b);
      if (!r.stored) throw new Error(`${catalogues[i]!.slug} was not imported: ${JSON.stringify(r.report).slice(0, 800)}`);
    }
  });
  gc();
  const rssAfter = process.memoryUsage().rss;
  const stored = await countProducts(raw);
  if (stored !== products) throw new Error(`${stored} products stored, ${products} expected`);
  const rate = (ms: number) => Math.round(products / (ms / 1000));
  const mbs = (ms: number) => r2(totalBytes / 2 ** 20 / (ms / 1000));
  results.import = {
    products, bytes: totalBytes, xmlElements: elements,
    rawParse: { ms: Math.round(rawMs), productsPerSec: rate(rawMs), mibPerSec: mbs(rawMs) },
    scReader: { ms: Math.round(readMs), productsPerSec: rate(readMs), mibPerSec: mbs(readMs) },
    validate: { ms: Math.round(validateMs), productsPerSec: rate(validateMs), mibPerSec: mbs(validateMs) },
    importEndToEnd: { ms: Math.round(importMs), productsPerSec: rate(importMs), mibPerSec: mbs(importMs) },
    ratioImportToRawParse: sig(importMs ? rawMs / importMs : 0),
    storeTriples: await raw.count(),
    storeTriplesBeforeImport: triplesBefore,
    rssMiB: { beforeImport: mib(rssBefore), afterImport: mib(rssAfter) },
    goalProductsPerSec: 2000,
  };
  say(`## 1. Import of ${products} products (${catalogues.length} catalogues, ${mib(totalBytes)} MiB)\n`);
  say('| | s | products/s | MiB/s |\n|---|---|---|---|');
  say(`| raw XML parse, saxes without model (baseline) | ${r2(rawMs / 1000)} | ${rate(rawMs)} | ${mbs(rawMs)} |`);
  say(`| SC reader (parse, structural checks, product model) | ${r2(readMs / 1000)} | ${rate(readMs)} | ${mbs(readMs)} |`);
  say(`| validate (reader + extra rules + value-list and uniqueness lookups, nothing stored) | ${r2(validateMs / 1000)} | ${rate(validateMs)} | ${mbs(validateMs)} |`);
  say(`| **import end to end** (validate, SHACL, store, journal with fdatasync, audit) | ${r2(importMs / 1000)} | **${rate(importMs)}** | ${mbs(importMs)} |\n`);
  say(`Ratio import / raw parse throughput: **${sig(rawMs / importMs)}**. Goal >= 2 000 products/s: **${rate(importMs) >= 2000 ? 'met' : 'not met'}**.`);
  const after = (results.import as { storeTriples: number }).storeTriples;
  say(`Store: ${triplesBefore} triples before, ${after} after the import (${Math.round((after - triplesBefore) / products)} per product: the product graph, its search-index graph and the audit entries); RSS ${mib(rssBefore)} MiB before, ${mib(rssAfter)} MiB after the import.\n`);

  // 2. national harvest over HTTP
  progress('harvest');
  const served = await serveCatalogues(catalogues.map((c) => c.slug), bytes);
  let harvest;
  try {
    harvest = await harvestNational(deps, ctx, catalogues.map((c, i) => ({ slug: c.slug, url: served.urls[i]! })));
  } finally {
    await served.close();
  }
  if (harvest.products !== products || harvest.outcomes.ok !== catalogues.length) throw new Error(`harvest: ${JSON.stringify(harvest)}`);
  const rssHarvest = process.memoryUsage().rss;
  results.harvest = {
    method: 'HarvestService.harvestAll (src/catalog/harvest), 4 sources at a time',
    fetchTimeoutMs: HARVEST_TIMEOUT_MS,
    sources: harvest.sources, outcomes: harvest.outcomes, products: harvest.products, bytes: harvest.bytes, ms: Math.round(harvest.ms),
    productsPerSec: Math.round(harvest.products / (harvest.ms / 1000)), goalSeconds: 60, national: step === 1, rssMiB: mib(rssHarvest),
  };
  say(`## 2. National harvest over HTTP (${harvest.sources} sources on a local node:http server)\n`);
  say(`The harvester (HarvestService.harvestAll, 4 sources at a time: fetch with the harvest prerequisites, validate, import, harvest report; fetch time limit raised to ${HARVEST_TIMEOUT_MS / 60_000} min) into the store that already held every product, so each organisation's products are replaced, as in the daily run: **${r2(harvest.ms / 1000)} s** for ${harvest.products} products (${mib(harvest.bytes)} MiB), ${Math.round(harvest.products / (harvest.ms / 1000))} products/s. Goal: a full national harvest in < 60 s: **${step !== 1 ? 'not assessed (not all organisations were harvested)' : harvest.ms < 60_000 ? 'met' : 'not met'}**. RSS ${mib(rssHarvest)} MiB.\n`);

  if (raw instanceof EmbeddedStore) await raw.close({ snapshot: false });
  else await raw.close();
  rmSync(root, { recursive: true, force: true });
  const out = new URL('./results/', import.meta.url);
  mkdirSync(out, { recursive: true });
  writeFileSync(new URL('catalogue.json', out), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(new URL('catalogue.md', out), lines.join('\n') + '\n');
}

/** One Stelsel organisation per generated catalogue, owl:sameAs its OWMS IRI (one graph each). */
async function createOrganisations(audit: AuditLog, uris: UriPolicy, catalogues: readonly GeneratedCatalogue[]): Promise<void> {
  const replaceGraphs = catalogues.map((c) => {
    const g = uris.graph('organisatie', c.slug);
    const s = uris.id('organisatie', c.slug);
    const label = `${c.organisation.kind} ${c.organisation.label}`;
    return { graph: g, quads: [quad(s, RDF_.type, ORG.Organization, g), quad(s, SKOS.prefLabel, literal(label, 'nl'), g), quad(s, OWL.sameAs, namedNode(c.organisation.iri), g)] };
  });
  await audit.write({ actor: systemActor(uris), requestId: 'bench-catalogue' }, { action: 'demo.seed', scope: uris.platform, detail: `${replaceGraphs.length} organisations` }, { replaceGraphs });
}

async function countProducts(store: TripleStore): Promise<number> {
  const rows = await store.select(sparql`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?p a ${STELSEL.Product} } }`);
  return Number(rows[0]?.n?.value ?? 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
