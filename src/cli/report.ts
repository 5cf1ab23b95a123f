/** A catalogue report as plain text lines for the command line. */
import type { CatalogueReport } from '../catalog/model.js';

export function reportLines(source: string, report: CatalogueReport): string[] {
  const o = report.overview;
  const lines = [
    `catalogue: ${source}`,
    `products: ${o.products}`,
    `  only particulier: ${o.onlyParticulier}`,
    `  only ondernemer: ${o.onlyOndernemer}`,
    `  particulier and ondernemer: ${o.both}`,
    `  with UPL name: ${o.withUpl}`,
    `  online aanvragen ja / digid / nee: ${o.online.ja} / ${o.online.digid} / ${o.online.nee}`,
    `  with aanvraagURL: ${o.withAanvraagUrl}`,
    `XML errors: ${report.xmlErrors.length}`,
    ...report.xmlErrors.map((e) => `  ${e.line}:${e.column} ${e.code}: ${e.message}`),
    `catalogue problems: ${report.catalogueProblems.length}`,
    ...report.catalogueProblems.map((p) => `  ${p.code}: ${p.message}`),
  ];
  const failing = report.products.filter((p) => p.problems.length);
  lines.push(`products with problems: ${failing.length}`);
  for (const p of failing) {
    lines.push(`  line ${p.line} ${p.productID ?? '(no productID)'} "${p.title}"`);
    for (const x of p.problems) lines.push(`    ${x.code}: ${x.message}`);
  }
  const problems = report.xmlErrors.length + report.catalogueProblems.length + failing.reduce((n, p) => n + p.problems.length, 0);
  lines.push(report.valid ? 'valid' : `not valid (${problems} ${problems === 1 ? 'problem' : 'problems'})`);
  return lines;
}
