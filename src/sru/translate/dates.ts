/** Date terms of the `modified` index: YYYY, YYYY-MM or YYYY-MM-DD, each standing for a day range. */
import { DIAG, SruDiagnostic } from '../diagnostic.js';

export interface DateRange {
  /** First day (YYYY-MM-DD). */
  readonly first: string;
  /** Last day (YYYY-MM-DD). */
  readonly last: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function dateRange(text: string): DateRange {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  const bad = () => new SruDiagnostic(DIAG.invalidTerm, text, `Not a date (YYYY, YYYY-MM or YYYY-MM-DD): ${text}`);
  if (!m) throw bad();
  const y = Number(m[1]);
  if (y < 1) throw bad();
  if (m[2] === undefined) return { first: `${m[1]}-01-01`, last: `${m[1]}-12-31` };
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) throw bad();
  const last = daysIn(y, mo);
  if (m[3] === undefined) return { first: `${m[1]}-${m[2]}-01`, last: `${m[1]}-${m[2]}-${pad(last)}` };
  const d = Number(m[3]);
  if (d < 1 || d > last) throw bad();
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  return { first: day, last: day };
}
