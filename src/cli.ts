#!/usr/bin/env node
/**
 * Command line: `stelsel <command>`, with the same configuration (environment) as the server.
 *
 *   stelsel valuelists load <dir | url | official>
 *       Loads the value lists from a directory laid out like data/valuelists, from a base URL
 *       serving that layout, or from the official download URLs ("official").
 *
 *   stelsel validate-sc <file | url>
 *       Validates an SC 4.0 catalogue against the XML rules and the extra rules (value lists, UPL,
 *       uniqueness in the stored collection) and prints the overview and every problem. Exit
 *       status 0 valid, 1 not valid (or not fetched), 2 usage.
 *
 *   stelsel import-sc <file | url>
 *       Imports a catalogue for its authority's organisation (all or nothing, as POST
 *       /api/catalogus/import), acting as the system operator: the audit log records the agent
 *       <BASE_URL>/id/agent/system. Prints the report and the imported and removed counts.
 *
 * Both show a progress bar on stderr while the catalogue is parsed (plain lines when stderr is not
 * a terminal). A URL is fetched with the harvester's prerequisites and limits (HARVEST_*).
 *
 * With the embedded store the server must be stopped first (the data directory is locked by the
 * process that has it open); with STORE=sparql the CLI writes to the shared store directly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ConfigError, loadConfig } from './config.js';
import { openStore, ROOT } from './main.js';
import { UriPolicy } from './shared/uri.js';
import { ShaclValidator } from './shared/shacl/validator.js';
import { validatingStore } from './shared/shacl/validating-store.js';
import { AuditLog } from './shared/audit/audit-log.js';
import { fetchValueLists, loadValueLists, OFFICIAL_SOURCES, type ValueListSource } from './catalog/valuelists/index.js';
import { importSc, UsageError, validateSc } from './cli/sc.js';

const USAGE = [
  'usage: stelsel valuelists load <dir | http(s) base URL | official>',
  '       stelsel validate-sc <file | http(s) URL>',
  '       stelsel import-sc <file | http(s) URL>',
].join('\n');

async function valuelistsLoad(arg: string): Promise<void> {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  let dir = arg;
  let tmp: string | undefined;
  if (arg === 'official' || /^https?:\/\//i.test(arg)) {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'stelsel-valuelists-'));
    const sources: ValueListSource[] =
      arg === 'official' ? [...OFFICIAL_SOURCES] : OFFICIAL_SOURCES.map((s) => ({ ...s, url: new URL(s.path, arg.endsWith('/') ? arg : `${arg}/`).href }));
    const fetched = await fetchValueLists(tmp, sources);
    for (const f of fetched.failed) process.stderr.write(`could not fetch ${f.url}: ${f.error}\n`);
    dir = tmp;
  }
  const uris = new UriPolicy(config.baseUrl);
  const raw = await openStore(config, uris);
  try {
    const store = validatingStore(raw, ShaclValidator.fromDirectory(path.join(ROOT, 'shapes')), { exempt: (g) => uris.isSystemGraph(g.value) });
    const report = await loadValueLists({ dir: path.resolve(dir) }, { store, uris, audit: new AuditLog(store, uris) });
    for (const l of report.lists) process.stdout.write(`${l.name}: ${l.concepts} concepts (${l.quads} quads)\n`);
    if (report.missing.length) process.stdout.write(`not found: ${report.missing.join(', ')}\n`);
    for (const w of report.warnings) log.warn(w);
  } finally {
    await raw.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<number> {
  const [area, command, arg] = argv;
  if (area === 'valuelists' && command === 'load' && arg) {
    await valuelistsLoad(arg);
    return 0;
  }
  if ((area === 'validate-sc' || area === 'import-sc') && command && argv.length === 2) {
    try {
      return await (area === 'validate-sc' ? validateSc : importSc)(command, loadConfig());
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      process.stderr.write(`stelsel: ${e.message}\n${USAGE}\n`);
      return 2;
    }
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof ConfigError ? err.message : `stelsel: ${err instanceof Error ? err.message : String(err)}`}\n`);
    process.exit(err instanceof ConfigError ? 2 : 1);
  },
);
