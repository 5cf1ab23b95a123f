/**
 * Seeds the demo SC catalogues (data/demo/catalogi) through CatalogueService.import as the system
 * actor, so the demo products are parsed, validated, stored and audited exactly like a real import.
 * Each catalogue replaces its organisation's products, so seeding again changes nothing.
 * fouten.xml is not seeded: it exists to show the validator's report.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CatalogueService } from '../catalog/index.js';
import { systemActor } from '../shared/auth/actor.js';
import type { CoreDeps } from '../shared/http/context.js';

/** The valid demo catalogues, one per demo organisation. */
export const DEMO_CATALOGUES = ['aalsmeer.xml', 'nieuwegein.xml', 'tilburg.xml'] as const;

export interface DemoCatalogueResult {
  file: string;
  stored: boolean;
  products: number;
  /** Why a catalogue was refused (codes of its first problems); empty when stored. */
  problems: string[];
}

export async function seedDemoCatalogues(deps: CoreDeps, dir: string): Promise<DemoCatalogueResult[]> {
  const svc = new CatalogueService(deps, { maxBytes: deps.config.bodyLimitBytes });
  const ctx = { actor: systemActor(deps.uris), requestId: 'startup' };
  const out: DemoCatalogueResult[] = [];
  for (const file of DEMO_CATALOGUES) {
    const result = await svc.import(ctx, await readFile(path.join(dir, file)));
    const { report } = result;
    const problems = [
      ...report.xmlErrors.map((e) => `${e.line}:${e.column} ${e.code}`),
      ...report.catalogueProblems.map((p) => p.code),
      ...report.products.flatMap((p) => p.problems.map((x) => `${p.productID ?? p.identifier}: ${x.code}`)),
    ];
    out.push({ file, stored: result.stored, products: report.overview.products, problems: problems.slice(0, 10) });
  }
  return out;
}
