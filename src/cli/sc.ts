/**
 * `stelsel validate-sc <file | url>` and `stelsel import-sc <file | url>`: the catalogue service
 * on the configured store, without the server.
 *
 * A URL is fetched with the harvester's prerequisites and limits (status 200, XML content type,
 * HARVEST_MAX_BYTES, HARVEST_TIMEOUT_MS, HARVEST_MAX_REDIRECTS); private and loopback addresses are
 * allowed here, since the operator at the command line is no remote user. import-sc acts as the
 * system operator (the agent `<BASE_URL>/id/agent/system` in the audit log).
 */
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import type { Config } from '../config.js';
import { openStore, ROOT } from '../main.js';
import { CatalogueService } from '../catalog/service.js';
import type { ScInput } from '../catalog/sc-xml/index.js';
import { fetchForValidation, isUrlArgument, validatorMaxBytes } from '../catalog/validator/index.js';
import { AuditLog } from '../shared/audit/audit-log.js';
import { systemActor } from '../shared/auth/actor.js';
import { ShaclValidator } from '../shared/shacl/validator.js';
import { validatingStore } from '../shared/shacl/validating-store.js';
import { UriPolicy } from '../shared/uri.js';
import { chunksOf, withProgress } from './progress.js';
import { reportLines } from './report.js';

/** A bad argument: exit status 2. */
export class UsageError extends Error {}

/** Reads a file or fetches a URL; the input reports its progress on stderr while it is parsed. */
async function openInput(arg: string, config: Config): Promise<{ source: string; input: ScInput }> {
  if (isUrlArgument(arg)) {
    process.stderr.write(`fetching ${arg}\n`);
    const fetched = await fetchForValidation(arg, config, true);
    if (!fetched.ok) throw new Error(`could not fetch the catalogue: ${fetched.problem.message}`);
    return { source: fetched.finalUrl, input: withProgress(chunksOf(fetched.body), fetched.body.length, 'parsing') };
  }
  const file = path.resolve(arg);
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new UsageError(`${arg} is not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${arg}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  return { source: file, input: withProgress(createReadStream(file, { highWaterMark: 64 * 1024 }), size, 'parsing') };
}

async function withService<T>(config: Config, run: (svc: CatalogueService, uris: UriPolicy) => Promise<T>): Promise<T> {
  const uris = new UriPolicy(config.baseUrl);
  const raw = await openStore(config, uris);
  try {
    const store = validatingStore(raw, ShaclValidator.fromDirectory(path.join(ROOT, 'shapes')), { exempt: (g) => uris.isSystemGraph(g.value) });
    const deps = { config, store, uris, logger: pino({ level: config.logLevel }), audit: new AuditLog(store, uris) };
    return await run(new CatalogueService(deps, { maxBytes: validatorMaxBytes(config) }), uris);
  } finally {
    await raw.close();
  }
}

const print = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n`);

/** Exit status: 0 valid, 1 not valid. */
export async function validateSc(arg: string, config: Config): Promise<number> {
  const { source, input } = await openInput(arg, config);
  return withService(config, async (svc) => {
    const report = await svc.validate(input);
    print(reportLines(source, report));
    return report.valid ? 0 : 1;
  });
}

/** Exit status: 0 imported, 1 refused (nothing stored). */
export async function importSc(arg: string, config: Config): Promise<number> {
  const { source, input } = await openInput(arg, config);
  return withService(config, async (svc, uris) => {
    const result = await svc.import({ actor: systemActor(uris), requestId: `cli-import-sc-${Date.now()}` }, input);
    if (!result.stored) {
      print([...reportLines(source, result.report), 'nothing imported']);
      return 1;
    }
    print([
      ...reportLines(source, result.report),
      `organisation: ${result.organisation ?? ''}`,
      `imported: ${result.report.overview.products}`,
      `removed: ${result.removed ?? 0}`,
    ]);
    return 0;
  });
}
