/**
 * Date period tokens: a day lies in a range exactly when one of its tokens is among the range's
 * tokens (property-tested against plain string comparison of the days), with few tokens per range.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateKeys, dayAfter, dayBefore, FIRST_DAY, LAST_DAY, rangeKeys } from '../../src/catalog/search-index/index.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysIn = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
/** Any valid day, with years near the ends and around period boundaries more often. */
const day = fc
  .tuple(fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1990, max: 2030 }), fc.constantFrom(0, 999, 1000, 1999, 2000, 2009, 2010, 9999)), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(Math.min(d, daysIn(y, m)))}`);

describe('date period tokens', () => {
  it('a day is in a range exactly when its tokens meet the range tokens', () => {
    fc.assert(
      fc.property(day, day, day, (a, b, d) => {
        const [first, last] = a <= b ? [a, b] : [b, a];
        const keys = new Set(rangeKeys(first, last));
        expect(dateKeys(d).some((k) => keys.has(k)), `${d} in ${first}..${last}`).toBe(first <= d && d <= last);
        expect(keys.size).toBeLessThanOrEqual(150);
      }),
      { numRuns: 3000 },
    );
  });

  it('covers open ends and single periods with few tokens', () => {
    expect(rangeKeys('2025-01-01', '2025-01-31')).toEqual(['modified:2025-01']);
    expect(rangeKeys('2024-03-18', '2024-03-18')).toEqual(['modified:2024-03-18']);
    expect(rangeKeys(FIRST_DAY, '2019-12-31')).toEqual(['modified:0', 'modified:1', 'modified:200', 'modified:201']);
    expect(rangeKeys('2020-01-02', '2020-01-01')).toEqual([]);
    expect(rangeKeys('2025-01-01', LAST_DAY).length).toBeLessThan(30);
  });

  it('steps over month, year and leap-day boundaries', () => {
    expect([dayBefore('2024-03-01'), dayAfter('2024-02-28'), dayAfter('2023-02-28')]).toEqual(['2024-02-29', '2024-02-29', '2023-03-01']);
    expect([dayBefore('2020-01-01'), dayAfter('2019-12-31'), dayBefore(FIRST_DAY), dayAfter(LAST_DAY)]).toEqual(['2019-12-31', '2020-01-01', null, null]);
  });
});
