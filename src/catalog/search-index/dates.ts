/**
 * Dates in the search index as exact tokens at six granularities, so a date range is a union of
 * a few exact lookups instead of a comparison over every product:
 *
 *   "modified:2"           millennium   "modified:2025"        year
 *   "modified:20"          century      "modified:2025-01"     month
 *   "modified:202"         decade       "modified:2025-01-15"  day
 *
 * dateKeys() gives the keys of one day (write time); rangeKeys() the fewest keys whose periods
 * together are exactly a range of days (query time).
 */
import { key } from './fields.js';

/** The index field of the modified date. */
export const DATE_FIELD = 'modified';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysIn = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** The index keys of one day (YYYY-MM-DD): millennium, century, decade, year, month, day. */
export function dateKeys(day: string): string[] {
  if (!DAY.test(day)) return [];
  return [1, 2, 3, 4, 7, 10].map((n) => key(DATE_FIELD, day.slice(0, n)));
}

/** The first and the last day the index can hold. */
export const FIRST_DAY = '0000-01-01';
export const LAST_DAY = '9999-12-31';

/**
 * The keys whose periods exactly cover the days from `first` to `last` (YYYY-MM-DD, inclusive;
 * empty when first > last): the largest period that starts at the current day and ends by `last`,
 * repeatedly (at most a few dozen keys for any range).
 */
export function rangeKeys(first: string, last: string): string[] {
  const m = DAY.exec(first);
  if (!m || !DAY.test(last)) throw new Error(`not a day: ${first} / ${last}`);
  let y = Number(m[1]);
  let mo = Number(m[2]);
  let d = Number(m[3]);
  const out: string[] = [];
  const fits = (endY: number, endM: number, endD: number) => iso(endY, endM, endD) <= last;
  while (y <= 9999 && iso(y, mo, d) <= last) {
    if (mo === 1 && d === 1) {
      const span = [1000, 100, 10, 1].find((s) => y % s === 0 && fits(y + s - 1, 12, 31));
      if (span) {
        out.push(key(DATE_FIELD, pad(y, 4).slice(0, 5 - String(span).length)));
        y += span;
        continue;
      }
    }
    if (d === 1 && fits(y, mo, daysIn(y, mo))) {
      out.push(key(DATE_FIELD, `${pad(y, 4)}-${pad(mo)}`));
      [y, mo] = mo === 12 ? [y + 1, 1] : [y, mo + 1];
      continue;
    }
    out.push(key(DATE_FIELD, iso(y, mo, d)));
    if (d < daysIn(y, mo)) d++;
    else [y, mo, d] = mo === 12 ? [y + 1, 1, 1] : [y, mo + 1, 1];
  }
  return out;
}

/** The day before (null before FIRST_DAY). */
export function dayBefore(day: string): string | null {
  const m = DAY.exec(day);
  if (!m || day <= FIRST_DAY) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (d > 1) return iso(y, mo, d - 1);
  return mo > 1 ? iso(y, mo - 1, daysIn(y, mo - 1)) : iso(y - 1, 12, 31);
}

/** The day after (null after LAST_DAY). */
export function dayAfter(day: string): string | null {
  const m = DAY.exec(day);
  if (!m || day >= LAST_DAY) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (d < daysIn(y, mo)) return iso(y, mo, d + 1);
  return mo < 12 ? iso(y, mo + 1, 1) : iso(y + 1, 1, 1);
}
