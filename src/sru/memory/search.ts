/**
 * A page of matches and the facet counts from the in-memory index copy, in the order and with the
 * counts of the SPARQL queries (queries.ts): relevance (the weights of the fields in which each
 * ranking word occurs, summed), then the modified date, newest first, then the product IRI; or by
 * date and IRI when sorted on modified.
 */
import { key, TEXT_FIELDS } from '../../catalog/search-index/index.js';
import { TITLE_WEIGHT, OTHER_WEIGHT } from '../queries.js';
import { count as countOf, ids, type Bits } from './bits.js';
import { DAYS, dayNumber, type IndexCopy } from './index-copy.js';

export type Sort = 'relevance' | 'modified-ascending' | 'modified-descending';

/** Above this many wanted positions, the page comes from one sort of all matches instead of a running top list. */
const TOP_LIST_MAX = 256;

/** The product IRIs at positions offset .. offset+limit-1 of the ordered matches. */
export function memoryPage(copy: IndexCopy, match: Bits, sort: Sort, rankWords: readonly string[], offset: number, limit: number): string[] {
  const { of: rank, byRank } = copy.iriRank();
  const R = Math.max(1, copy.capacity);
  const words = match.length;
  const scored = sort === 'relevance' && rankWords.length > 0;
  const weights: { bits: Bits; weight: number }[] = [];
  if (scored) {
    for (const w of rankWords) {
      for (const f of TEXT_FIELDS) {
        const p = copy.posting('t', key(f, w));
        if (p) weights.push({ bits: copy.bitsOf(p, words), weight: f === 'title' ? TITLE_WEIGHT : OTHER_WEIGHT });
      }
    }
  }
  const ascending = sort === 'modified-ascending' && !scored;
  const days = copy.days;
  // One number per match, larger = earlier in the order: (score, day, IRI) packed exactly (< 2^53).
  // Only typed arrays are read per match (no product objects): this loop runs over every match.
  const keys = new Float64Array(countOf(match));
  let i = 0;
  for (let w = 0; w < match.length; w++) {
    let bits = match[w]!;
    while (bits !== 0) {
      const low = bits & -bits;
      const id = w * 32 + 31 - Math.clz32(low);
      bits ^= low;
      const day = id < days.length ? days[id]! : 0;
      const r = rank[id]!;
      if (ascending) {
        keys[i++] = -(day * R + r);
        continue;
      }
      let score = 0;
      for (const x of weights) if ((x.bits[w]! & low) !== 0) score += x.weight;
      keys[i++] = (score * DAYS + day) * R + (R - 1 - r);
    }
  }
  const wanted = Math.min(keys.length, offset + limit);
  let top: Float64Array;
  if (wanted > TOP_LIST_MAX) {
    top = keys.sort().reverse().subarray(0, wanted);
  } else {
    // A running list of the `wanted` largest keys, largest first.
    const best = new Float64Array(wanted);
    let n = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (n === wanted && k <= best[n - 1]!) continue;
      let j = n < wanted ? n++ : n - 1;
      while (j > 0 && best[j - 1]! < k) {
        best[j] = best[j - 1]!;
        j--;
      }
      best[j] = k;
    }
    top = best.subarray(0, n);
  }
  const out: string[] = [];
  for (let i = offset; i < top.length; i++) {
    const k = ascending ? -top[i]! : top[i]!;
    const r = ascending ? k % R : R - 1 - (k % R);
    out.push(copy.entry(byRank[r]!)!.iri);
  }
  return out;
}

export interface MemoryFacetCounts {
  /** Matching products per facet label ("field:label"). */
  readonly labels: Map<string, number>;
  readonly week: number;
  readonly year: number;
  readonly earlier: number;
}

/** Facet label counts and the date facet (modified since `week`, since `year`, before `year`; YYYY-MM-DD). */
export function memoryFacets(copy: IndexCopy, match: Bits, week: string, year: string): MemoryFacetCounts {
  const counts = new Int32Array(copy.slots);
  const wk = dayNumber(week);
  const yr = dayNumber(year);
  let nWeek = 0;
  let nYear = 0;
  let nEarlier = 0;
  for (const id of ids(match)) {
    const e = copy.entry(id)!;
    for (const l of e.labels) counts[l.slot]!++;
    for (const d of e.dates) {
      const day = d.day;
      if (!day) continue;
      if (day >= wk) nWeek++;
      if (day >= yr) nYear++;
      else nEarlier++;
    }
  }
  const labels = new Map<string, number>();
  for (let slot = 0; slot < counts.length; slot++) {
    const p = copy.labelOfSlot(slot);
    if (p && counts[slot]) labels.set(p.value, counts[slot]!);
  }
  return { labels, week: nWeek, year: nYear, earlier: nEarlier };
}
