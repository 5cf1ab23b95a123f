/**
 * What a translated query is built from: one operation per kind of match and the three booleans.
 * The translator (translate.ts) checks the CQL and calls these; an algebra decides what a match
 * is. Two exist, with the same meaning over the same index content:
 * - sparqlAlgebra: SPARQL graph patterns over the index graphs (patterns.ts), for every store;
 * - the in-memory copy's algebra (../memory/algebra.ts): sets of products, for the embedded store.
 */
import type { SparqlFragment } from '../../shared/rdf/encode.js';
import { literal } from '../../shared/rdf/factory.js';
import { STELSEL } from '../../shared/rdf/vocab.js';
import type { TextField, ValueField } from '../../catalog/search-index/index.js';
import * as patterns from './patterns.js';
import type { Pattern } from './terms.js';

export interface Algebra<T> {
  /** The word in the field (keyword: in any full-text field); masks within the word. */
  word(field: TextField, w: Pattern): T;
  /** The words in this order, adjacent, within one value of the field. */
  phrase(field: TextField, words: readonly Pattern[]): T;
  /** A value of the field whose words are exactly these. */
  exactText(field: TextField, words: readonly Pattern[]): T;
  /** The whole (folded) value of a typed field; masks over the value. */
  value(field: ValueField, v: Pattern): T;
  /** Any of these exact typed-value keys ("field:value", stelsel:zoekwaarde). */
  valueKeys(keys: readonly string[]): T;
  /** Every product. */
  anyProduct(): T;
  /** The modified day in [first, last] (YYYY-MM-DD, inclusive). */
  dateRange(first: string, last: string): T;
  union(parts: readonly T[]): T;
  and(parts: readonly T[]): T;
  /** `left` without `right`. */
  not(left: T, right: T): T;
}

export function sparqlAlgebra(cx: patterns.PatternContext): Algebra<SparqlFragment> {
  return {
    word: (field, w) => patterns.word(cx, field, w),
    phrase: (field, words) => patterns.phrase(cx, field, words),
    exactText: (field, words) => patterns.exactText(cx, field, words),
    value: (field, v) => patterns.value(cx, field, v),
    valueKeys: (keys) => patterns.lookups(cx, STELSEL.zoekwaarde, keys.map((k) => literal(k))),
    anyProduct: () => patterns.anyProduct(cx),
    dateRange: (first, last) => patterns.dateRange(cx, first, last),
    union: (parts) => patterns.union(parts),
    and: (parts) => patterns.and(parts),
    not: (left, right) => patterns.not(left, right),
  };
}
