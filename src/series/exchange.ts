/**
 * Bulk exchange: the import sheet (all or nothing: Geaccepteerd, or Geweigerd with a report per
 * row and column and nothing stored) and exports of a selection of published series as XLSX / CSV
 * (the import sheet's columns) or Turtle / JSON-LD.
 */
import { randomUUID } from 'node:crypto';
import type { AuditContext } from '../shared/audit/audit-log.js';
import { authorize } from '../shared/auth/policy.js';
import { AppError } from '../shared/errors.js';
import { namedNode } from '../shared/rdf/factory.js';
import { serialize } from '../shared/rdf/serialize.js';
import { contentOf, publishedVersion, type Series, type SeriesVersion } from './model.js';
import type { SeriesFilter } from './repository.js';
import { templateProblems } from './rules.js';
import type { SeriesService } from './service.js';
import { checkSheet, readCells, rowValues, writeCsv, writeXlsx, type RowProblem } from './sheet.js';

export interface ImportReport {
  status: 'Geaccepteerd' | 'Geweigerd';
  organisatie: string;
  rijen: number;
  problemen: RowProblem[];
  series: string[];
}

export const EXPORT_LIMIT = 20_000;

export async function importSheet(svc: SeriesService, ctx: AuditContext, organisation: string, bytes: Uint8Array, format: 'xlsx' | 'csv'): Promise<ImportReport> {
  const org = await svc.repo.organisation(organisation);
  if (!org) throw new AppError('not_found', `Geen organisatie ${organisation}`);
  authorize(ctx.actor, 'series.edit', org.iri, svc.platformScope());
  const { rows, problems } = checkSheet(await readCells(bytes, format), svc.lists);
  const templates = new Map<string, SeriesVersion | string>();
  for (const r of rows) {
    if (!r.sjabloon) continue;
    if (!templates.has(r.sjabloon)) {
      const t = /^[A-Za-z0-9-]{1,64}$/.test(r.sjabloon) ? await svc.repo.load(r.sjabloon) : null;
      const tv = t ? publishedVersion(t) : undefined;
      templates.set(
        r.sjabloon,
        !t || t.soort !== 'generiek' || !tv
          ? `${r.sjabloon} is geen gepubliceerde sjabloonserie`
          : t.organisatietype !== org.organisatietype
            ? `De sjabloonserie ${r.sjabloon} is voor een ander organisatietype (${svc.lists.label('organisatietype', t.organisatietype)})`
            : tv,
      );
    }
    const t = templates.get(r.sjabloon)!;
    if (typeof t === 'string') problems.push({ row: r.row, column: 'Sjabloon', message: t });
    else for (const p of templateProblems(r.content, t)) problems.push({ row: r.row, column: p.field, message: p.message });
  }
  problems.sort((a, b) => a.row - b.row);
  const report = { organisatie: org.iri, rijen: rows.length, problemen: problems };
  if (problems.length) return { status: 'Geweigerd', ...report, series: [] };

  const now = new Date().toISOString();
  const series: Series[] = rows.map((r) => ({
    id: randomUUID(),
    soort: 'gewoon',
    organisatie: org.iri,
    ...(r.sjabloon ? { sjabloon: r.sjabloon } : {}),
    werkversie: 1,
    versies: [{ ...r.content, nummer: 1, status: 'ontwerp', reden: r.sjabloon ? 'sjabloon' : 'nieuw', aangemaakt: now, gewijzigd: now, opmerkingen: [] }],
    aangemaakt: now,
    etag: 0,
  }));
  await svc.repo.saveAll(ctx, series, namedNode(org.iri), `${series.length} series uit een importblad`);
  return { status: 'Geaccepteerd', ...report, series: series.map((s) => s.id) };
}

export type ExportFormat = 'xlsx' | 'csv' | 'ttl' | 'jsonld';

export async function exportSeries(svc: SeriesService, filter: SeriesFilter, format: ExportFormat): Promise<{ body: Uint8Array | string; count: number }> {
  const { items, total } = await svc.index.search(filter, { offset: 0, limit: EXPORT_LIMIT });
  if (total > EXPORT_LIMIT) throw new AppError('bad_request', `De selectie telt ${total} series; exporteer hoogstens ${EXPORT_LIMIT} tegelijk`);
  const { series, triples } = await svc.repo.loadShown(items);
  if (format === 'ttl' || format === 'jsonld') return { body: await serialize(triples, format), count: series.length };
  const byId = new Map(series.map((s) => [s.id, s]));
  const rows = items.flatMap((it) => {
    const s = byId.get(it.id);
    const v = s?.versies[0];
    return s && v ? [rowValues({ ...contentOf(v), ...(s.sjabloon ? { sjabloon: s.sjabloon } : {}) })] : [];
  });
  return { body: format === 'csv' ? writeCsv(rows) : await writeXlsx(rows, svc.lists), count: rows.length };
}
