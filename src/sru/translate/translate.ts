/**
 * CQL (the parser's AST) to SPARQL over the search index. Whitelist only: every index, relation
 * and modifier is checked, and whatever the SC service does not support becomes the diagnostic it
 * would answer. User text reaches SPARQL only as literals through the `sparql` template.
 *
 * Semantics (DOMAIN.md section 2):
 * - full-text indexes: `=` and `all` every word, `any` one of the words, `adj` the words as a
 *   phrase in one value, `==` a value consisting of exactly these words; `*` and `?` mask within
 *   a word;
 * - typed indexes: `=`/`==` the whole value (case and accents ignored, masks allowed), `any`/`all`
 *   over space-separated values, `<>` every other value;
 * - `modified`: `= == < > <= >= <>` against YYYY, YYYY-MM or YYYY-MM-DD (a day range);
 * - booleans `and`, `or`, `not` (binary, left to right as parsed), `prox` refused;
 * - location scoping (`postcode`, `organisatie`) only as the first clause, in its own parentheses.
 */
import type { CqlNode, CqlQuery, SearchClause, Relation, SortKey } from '../cql/ast.js';
import { DIAG, SruDiagnostic } from '../diagnostic.js';
import { dateRange as dayRange, type DateRange } from './dates.js';
import { indexSpec, type IndexSpec } from './indexes.js';
import type { Algebra } from './algebra.js';
import { dayAfter, dayBefore, FIRST_DAY, LAST_DAY } from '../../catalog/search-index/index.js';
import { hasMask, plain, termText, termValue, termWords, type Pattern } from './terms.js';

/** The location scoping clause: resolved to organisations before the query runs. */
export interface Scope {
  readonly kind: 'postcode' | 'organisatie';
  readonly value: string;
}

/** A word that counts for relevance. */
export interface RankWord {
  readonly word: string;
}

export interface Translation<T> {
  /** The match of the query without its scoping clause (null: scoping only). */
  readonly where: T | null;
  readonly scope: Scope | null;
  /** Unmasked words of positive full-text clauses, for ranking. */
  readonly rankWords: readonly string[];
  readonly sort: 'relevance' | 'modified-ascending' | 'modified-descending';
}

type Rel = '=' | '==' | '<>' | '<' | '>' | '<=' | '>=' | 'adj' | 'all' | 'any';
const KNOWN: Record<string, Rel | null> = {
  '=': '=', '==': '==', '<>': '<>', '<': '<', '>': '>', '<=': '<=', '>=': '>=', adj: 'adj', all: 'all', any: 'any',
  exact: '==', scr: '=', within: null, encloses: null,
};
const ALLOWED: Record<IndexSpec['kind'], readonly Rel[]> = {
  text: ['=', '==', 'adj', 'all', 'any'],
  value: ['=', '==', '<>', 'all', 'any'],
  date: ['=', '==', '<>', '<', '>', '<=', '>='],
  all: ['=', '=='],
  scope: ['='],
};

function relationOf(r: Relation | null, spec: IndexSpec): Rel {
  if (!r) return '=';
  const base = r.base.toLowerCase();
  const name = base.startsWith('cql.') ? base.slice(4) : base;
  const rel = KNOWN[name];
  if (!rel) throw new SruDiagnostic(DIAG.unsupportedRelation, r.base, `Unsupported relation: ${r.base}`);
  const mod = r.modifiers[0];
  if (mod) throw new SruDiagnostic(DIAG.unsupportedRelationModifier, mod.name, `Unsupported relation modifier: ${mod.name}`);
  if (!ALLOWED[spec.kind].includes(rel)) throw new SruDiagnostic(DIAG.unsupportedCombination, `${spec.name} ${r.base}`, `Relation ${r.base} is not supported for index ${spec.name}`);
  return rel;
}

class Translator<T> {
  readonly rankWords = new Set<string>();
  constructor(private readonly alg: Algebra<T>) {}

  node(n: CqlNode, positive: boolean): T {
    if (n.type === 'prefix') throw new SruDiagnostic(DIAG.unsupportedFeature, 'prefix assignment', 'Prefix assignment (>) is not supported');
    if (n.type === 'searchClause') return this.clause(n, positive);
    if (n.operator === 'prox') throw new SruDiagnostic(DIAG.unsupportedBoolean, 'prox', 'The prox operator is not supported');
    const mod = n.modifiers[0];
    if (mod) throw new SruDiagnostic(DIAG.unsupportedBooleanModifier, mod.name, `Unsupported boolean modifier: ${mod.name}`);
    if (n.operator === 'and') return this.conjunction(n, positive);
    const left = this.node(n.left, positive);
    if (n.operator === 'or') return this.alg.union([left, this.node(n.right, positive)]);
    return this.alg.not(left, this.node(n.right, false));
  }

  clause(c: SearchClause, positive: boolean): T {
    const spec = indexSpec(c.index);
    const rel = relationOf(c.relation, spec);
    const escape = c.term.needlessEscapes[0];
    if (escape) throw new SruDiagnostic(DIAG.nonSpecialEscaped, c.term.raw, `Character escaped that is not special: ${c.term.raw}`);
    if (!c.term.parts.length) throw new SruDiagnostic(DIAG.emptyTerm, spec.name, `Empty term for index ${spec.name}`);
    switch (spec.kind) {
      case 'scope':
        throw new SruDiagnostic(DIAG.querySyntax, c.index ?? '', `${c.index ?? ''} is a location scope: it may only come first in the query, in its own parentheses`);
      case 'all':
        return this.alg.anyProduct();
      case 'date':
        return this.date(c);
      case 'value':
        return this.value(c, spec.field, rel);
      case 'text':
        return this.text(c, spec.field, rel, positive);
    }
  }

  private text(c: SearchClause, field: Extract<IndexSpec, { kind: 'text' }>['field'], rel: Rel, positive: boolean): T {
    const words = termWords(c.term);
    if (!words.length) throw new SruDiagnostic(DIAG.emptyTerm, c.term.raw, `No words to search for in ${c.term.raw}`);
    if (positive) for (const w of words) if (!w.masked) this.rankWords.add(plain(w));
    if (rel === '==') return this.alg.exactText(field, words);
    if (rel === 'adj') return this.alg.phrase(field, words);
    const parts = orderExactFirst(words).map((w) => this.alg.word(field, w));
    return rel === 'any' ? this.alg.union(parts) : this.alg.and(parts);
  }

  private value(c: SearchClause, field: Extract<IndexSpec, { kind: 'value' }>['field'], rel: Rel): T {
    if (rel === 'any' || rel === 'all') {
      const values = termWordsBySpace(c);
      const parts = values.map((v) => this.alg.value(field, v));
      return rel === 'any' ? this.alg.union(parts) : this.alg.and(parts);
    }
    const v = termValue(c.term);
    if (!v.pieces.length) throw new SruDiagnostic(DIAG.emptyTerm, c.term.raw, `Empty term for index ${field}`);
    const match = this.alg.value(field, v);
    return rel === '<>' ? this.alg.not(this.alg.anyProduct(), match) : match;
  }

  /** A conjunction, flattened: its date clauses become one range (one set of period lookups). */
  private conjunction(n: CqlNode, positive: boolean): T {
    const items: CqlNode[] = [];
    const flatten = (x: CqlNode) => {
      if (x.type === 'boolean' && x.operator === 'and' && !x.modifiers.length) {
        flatten(x.left);
        flatten(x.right);
      } else items.push(x);
    };
    flatten(n);
    const parts: T[] = [];
    const ranges: DateRange[] = [];
    let at = -1;
    for (const item of items) {
      const r = item.type === 'searchClause' && indexSpec(item.index).kind === 'date' ? this.dateInterval(item) : null;
      if (!r) {
        parts.push(this.node(item, positive));
        continue;
      }
      if (!ranges.length) at = parts.length;
      ranges.push(r);
    }
    if (ranges.length) {
      const first = ranges.map((r) => r.first).reduce((a, b) => (a > b ? a : b));
      const last = ranges.map((r) => r.last).reduce((a, b) => (a < b ? a : b));
      parts.splice(at, 0, this.alg.dateRange(first, last));
    }
    return parts.length === 1 ? parts[0]! : this.alg.and(parts);
  }

  /** The days a date clause stands for, as one range (null for <>, two ranges). */
  private dateInterval(c: SearchClause): DateRange | null {
    const spec = indexSpec(c.index);
    const rel = relationOf(c.relation, spec);
    if (c.term.needlessEscapes[0]) throw new SruDiagnostic(DIAG.nonSpecialEscaped, c.term.raw, `Character escaped that is not special: ${c.term.raw}`);
    if (!c.term.parts.length) throw new SruDiagnostic(DIAG.emptyTerm, spec.name, `Empty term for index ${spec.name}`);
    if (hasMask(c.term)) throw new SruDiagnostic(DIAG.invalidTerm, c.term.raw, `Masking is not supported for dates: ${c.term.raw}`);
    const r = dayRange(termText(c.term));
    const none = { first: LAST_DAY, last: FIRST_DAY };
    switch (rel) {
      case '<': { const d = dayBefore(r.first); return d ? { first: FIRST_DAY, last: d } : none; }
      case '<=': return { first: FIRST_DAY, last: r.last };
      case '>': { const d = dayAfter(r.last); return d ? { first: d, last: LAST_DAY } : none; }
      case '>=': return { first: r.first, last: LAST_DAY };
      case '<>': return null;
      default: return r;
    }
  }

  private date(c: SearchClause): T {
    const r = this.dateInterval(c);
    if (r) return this.alg.dateRange(r.first, r.last);
    // <>: every day before the range or after it.
    const { first, last } = dayRange(termText(c.term));
    const before = dayBefore(first);
    const after = dayAfter(last);
    const parts = [...(before ? [this.alg.dateRange(FIRST_DAY, before)] : []), ...(after ? [this.alg.dateRange(after, LAST_DAY)] : [])];
    return parts.length ? this.alg.union(parts) : this.alg.dateRange(LAST_DAY, FIRST_DAY);
  }
}

/** Unmasked words first: their exact lookups narrow the candidates before any masked scan. */
function orderExactFirst(words: readonly Pattern[]): Pattern[] {
  return [...words.filter((w) => !w.masked), ...words.filter((w) => w.masked)];
}

/** Space-separated values of a term (for any/all on typed indexes). */
function termWordsBySpace(c: SearchClause): Pattern[] {
  const v = termValue(c.term);
  const out: Pattern[] = [];
  let current: Pattern['pieces'][number][] = [];
  const end = () => {
    if (current.length) out.push({ pieces: current, masked: current.some((x) => x.kind !== 'text') });
    current = [];
  };
  for (const piece of v.pieces) {
    if (piece.kind !== 'text') {
      current.push(piece);
      continue;
    }
    piece.value.split(' ').forEach((s, i) => {
      if (i > 0) end();
      if (s) current.push({ kind: 'text', value: s });
    });
  }
  end();
  if (!out.length) throw new SruDiagnostic(DIAG.emptyTerm, c.term.raw, `Empty term: ${c.term.raw}`);
  return out;
}

/** The leftmost clause of a query and whether it stands alone (the query is just that clause). */
function splitScope(root: CqlNode): { scope: SearchClause | null; rest: CqlNode | null } {
  if (root.type === 'searchClause') return isScope(root) ? { scope: root, rest: null } : { scope: null, rest: root };
  if (root.type === 'boolean' && root.operator === 'and' && !root.parenthesised && root.left.type === 'searchClause' && isScope(root.left)) {
    return { scope: root.left, rest: root.right };
  }
  // A nested leftmost `and` chain: ((scope and a) and b) keeps the scope first.
  if (root.type === 'boolean' && root.operator === 'and' && !root.parenthesised) {
    const inner = splitScope(root.left);
    if (inner.scope && inner.rest) return { scope: inner.scope, rest: { ...root, left: inner.rest } };
    if (inner.scope) return { scope: inner.scope, rest: root.right };
  }
  return { scope: null, rest: root };
}

function isScope(c: SearchClause): boolean {
  if (c.index === null) return false;
  try {
    return indexSpec(c.index).kind === 'scope';
  } catch {
    return false;
  }
}

function scopeOf(c: SearchClause): Scope {
  const spec = indexSpec(c.index);
  if (spec.kind !== 'scope') throw new Error('not a scope clause');
  if (!c.parenthesised) throw new SruDiagnostic(DIAG.querySyntax, c.index ?? '', `The location scope must be in its own parentheses: (${c.index ?? ''}="...")`);
  relationOf(c.relation, spec);
  if (c.relation && c.relation.base !== '=') throw new SruDiagnostic(DIAG.unsupportedCombination, `${spec.name} ${c.relation.base}`, `Only = is supported for ${spec.name}`);
  if (c.term.needlessEscapes.length) throw new SruDiagnostic(DIAG.nonSpecialEscaped, c.term.raw, `Character escaped that is not special: ${c.term.raw}`);
  if (hasMask(c.term)) throw new SruDiagnostic(DIAG.invalidTerm, c.term.raw, `No masking in a location scope: ${c.term.raw}`);
  const text = termText(c.term).trim();
  if (!text) throw new SruDiagnostic(DIAG.emptyTerm, spec.name, `Empty term for ${spec.name}`);
  if (spec.field === 'postcode' && !/^[1-9]\d{3}(\s?[A-Za-z]{2})?$/.test(text)) {
    throw new SruDiagnostic(DIAG.invalidTerm, text, `Not a Dutch postcode: ${text}`);
  }
  return { kind: spec.field, value: spec.field === 'postcode' ? text.slice(0, 4) : text };
}

function sortOf(keys: readonly SortKey[]): Translation<unknown>['sort'] {
  if (!keys.length) return 'relevance';
  const k = keys[0]!;
  const name = k.index.toLowerCase().replace(/^(dcterms|dc|dct)\./, '');
  if (keys.length > 1 || name !== 'modified') throw new SruDiagnostic(DIAG.unsupportedSort, k.index, `Sorting is only supported on modified, not ${k.index}`);
  let descending = false;
  for (const m of k.modifiers) {
    const n = m.name.toLowerCase().replace(/^sort\./, '');
    if (n === 'descending') descending = true;
    else if (n === 'ascending') descending = false;
    else throw new SruDiagnostic(DIAG.unsupportedSort, m.name, `Unsupported sort modifier: ${m.name}`);
  }
  return descending ? 'modified-descending' : 'modified-ascending';
}

export function translate<T>(q: CqlQuery, alg: Algebra<T>): Translation<T> {
  const { scope, rest } = splitScope(q.root);
  const t = new Translator(alg);
  const resolved = scope ? scopeOf(scope) : null;
  const where = rest ? t.node(rest, true) : null;
  return { where, scope: resolved, rankWords: [...t.rankWords].slice(0, 5), sort: sortOf(q.sortKeys) };
}
