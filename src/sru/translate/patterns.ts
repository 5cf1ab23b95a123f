/**
 * SPARQL graph patterns over the search index, one function per kind of match. Every pattern binds
 * ?p (the product) and ?pg (its index graph: all index triples of a product are in that one graph,
 * so every further lookup about ?p is a point lookup in a known graph); helper variables come from
 * a counter so patterns can be combined freely. The search service keeps ?p to this site's
 * products (guard()), so a store shared by several sites never mixes their collections.
 */
import type * as RDF from '@rdfjs/types';
import { sparql, type SparqlFragment } from '../../shared/rdf/encode.js';
import { literal, variable } from '../../shared/rdf/factory.js';
import { STELSEL } from '../../shared/rdf/vocab.js';
import { DATE_FIELD, key, PAIR_FIELDS, phraseText, rangeKeys, TEXT_FIELDS, type TextField, type ValueField } from '../../catalog/search-index/index.js';
import { literalPrefix, plain, regexBody, type Pattern } from './terms.js';

export const P = variable('p');
/** The index graph of ?p. */
export const PG = variable('pg');

export class Vars {
  private n = 0;
  next(name: string): RDF.Variable {
    return variable(`${name}${++this.n}`);
  }
}

export interface PatternContext {
  vars: Vars;
  /** `{BASE}/id/product/`: every product IRI of this site starts with it. */
  productPrefix: RDF.Literal;
  /**
   * Masked words resolved to the index words they match (maskKey() -> "field:word" keys), read
   * from the index before translation; a masked word without an entry is matched by REGEX.
   */
  expansions?: ReadonlyMap<string, readonly string[]>;
  /** Collects the masked words of a translation (for resolving them first). */
  masked?: MaskedWord[];
}

/** A masked word of a query in some full-text fields. */
export interface MaskedWord {
  readonly fields: readonly string[];
  readonly pattern: Pattern;
}

/** The identity of a masked word (fields and pattern). */
export function maskKey(m: MaskedWord): string {
  return JSON.stringify([m.fields, m.pattern.pieces]);
}

/** One exact index triple (?p's predicate and value). */
export interface Lookup {
  readonly predicate: RDF.NamedNode;
  readonly object: RDF.Literal;
}

/**
 * What is known about a pattern's shape, for conjunctions: `lookups` when it is exactly "any of
 * these index triples about ?p" (checked per candidate as point lookups), `broad` when it is
 * expected to match a large share of the collection (typed values, dates), `conjuncts` when it
 * is itself a conjunction (flattened into an enclosing one).
 */
interface Shape {
  lookups?: readonly Lookup[];
  /** A condition on a candidate ?p only (checked per candidate, never a starting point). */
  check?: boolean;
  broad?: boolean;
  conjuncts?: readonly SparqlFragment[];
}
const shapes = new WeakMap<SparqlFragment, Shape>();
const shaped = (f: SparqlFragment, shape: Shape): SparqlFragment => {
  shapes.set(f, shape);
  return f;
};

/** Any of these exact index triples about ?p. */
export function lookups(cx: PatternContext, predicate: RDF.NamedNode, objects: readonly RDF.Literal[], broad = false): SparqlFragment {
  const list = objects.map((object) => ({ predicate, object }));
  if (objects.length === 1) return shaped(indexTriple(cx, predicate, objects[0]!), { lookups: list, broad });
  const v = cx.vars.next('t');
  return shaped(sparql`VALUES ${v} { ${objects} } ${indexTriple(cx, predicate, v)}`, { lookups: list, broad });
}

/** One index triple about ?p (in ?p's index graph). */
function indexTriple(_cx: PatternContext, predicate: RDF.NamedNode, object: RDF.Term): SparqlFragment {
  return sparql`GRAPH ${PG} { ${P} ${predicate} ${object} }`;
}

/** The pattern limited to this site's products (checked once, on the matches). */
export function guard(cx: PatternContext, w: SparqlFragment): SparqlFragment {
  return sparql`${w} FILTER(STRSTARTS(STR(${P}), ${cx.productPrefix}))`;
}

const regexQuote = (text: string) => regexBody({ pieces: [{ kind: 'text', value: text }], masked: false }, false);

/**
 * An index literal "field:text" matched exactly, or (masked) by a regular expression (with the
 * literal prefix first, so the store can discard most values cheaply). Several fields: any of them.
 */
function matchLiteral(cx: PatternContext, predicate: RDF.NamedNode, fields: readonly string[], p: Pattern, wordOnly: boolean, frame = '', broad = false): SparqlFragment {
  if (!p.masked) return lookups(cx, predicate, fields.map((f) => literal(key(f, frame + plain(p) + frame))), broad);
  const v = cx.vars.next('t');
  const head = fields.length === 1 ? regexQuote(key(fields[0]!, frame)) : `(${fields.map((f) => regexQuote(key(f, frame))).join('|')})`;
  const regex = literal(`^${head}${regexBody(p, wordOnly)}${regexQuote(frame)}$`);
  const prefixes = fields.map((f) => sparql`STRSTARTS(${v}, ${literal(key(f, frame + literalPrefix(p)))})`);
  return sparql`${indexTriple(cx, predicate, v)} FILTER((${sparql.join(prefixes, ' || ')}) && REGEX(${v}, ${regex}))`;
}

const fieldsOf = (field: TextField): readonly string[] => (field === 'keyword' ? TEXT_FIELDS : [field]);

/** ?p has the word in the field (keyword: in any full-text field). */
export function word(cx: PatternContext, field: TextField, w: Pattern): SparqlFragment {
  if (w.masked) {
    const m: MaskedWord = { fields: fieldsOf(field), pattern: w };
    cx.masked?.push(m);
    const keys = cx.expansions?.get(maskKey(m));
    if (keys) {
      // The index words this mask matches, each looked up exactly. None: the empty word, which no
      // product has (an exact lookup too; some stores plan a bare FILTER(false) group badly).
      const found = keys.length ? keys : [key(m.fields[0]!, '')];
      return lookups(cx, STELSEL.zoekterm, found.map((k) => literal(k)));
    }
  }
  return matchLiteral(cx, STELSEL.zoekterm, fieldsOf(field), w, true);
}

/** ?p has the words in this order, adjacent, within one value of the field. */
export function phrase(cx: PatternContext, field: TextField, words: readonly Pattern[]): SparqlFragment {
  if (words.length === 1) return word(cx, field, words[0]!);
  const x = cx.vars.next('x');
  const fieldCheck = field === 'keyword' ? sparql`` : sparql`STRSTARTS(${x}, ${literal(key(field, ''))}) && `;
  if (words.some((w) => w.masked)) {
    // Masked words: every word first (exact lookups narrow the candidates), then the order on
    // their word sequences.
    const parts = [...words.filter((w) => !w.masked), ...words.filter((w) => w.masked)].map((w) => word(cx, field, w));
    const check = sparql`REGEX(${x}, ${literal(` ${words.map((w) => regexBody(w, true)).join(' ')} `)})`;
    parts.push(sparql`${indexTriple(cx, STELSEL.zoektekst, x)} FILTER(${fieldCheck}${check})`);
    return sparql.join(parts);
  }
  const texts = words.map(plain);
  const fields = fieldsOf(field);
  const parts: SparqlFragment[] = [];
  const paired = fields.filter((f) => PAIR_FIELDS.has(f));
  if (paired.length) parts.push(pairPhrase(cx, paired, texts, x, fieldCheck));
  for (const f of fields.filter((f) => !PAIR_FIELDS.has(f))) parts.push(sequencePhrase(cx, f, texts));
  return union(parts);
}

/**
 * A phrase in fields with pair words: a pair is one lookup; a longer phrase the join of its pairs
 * (in one field), confirmed on the word sequences of those candidates only.
 */
function pairPhrase(cx: PatternContext, fields: readonly string[], texts: readonly string[], x: RDF.Variable, fieldCheck: SparqlFragment): SparqlFragment {
  const pairs = texts.slice(1).map((w, i) => `${texts[i]!} ${w}`);
  if (pairs.length === 1) return lookups(cx, STELSEL.zoekterm, fields.map((f) => literal(key(f, pairs[0]!))));
  const vars = pairs.map(() => cx.vars.next('t'));
  const rows = fields.map((f) => sparql`(${pairs.map((pair) => literal(key(f, pair)))})`);
  return sparql.join([
    sparql`VALUES (${vars}) { ${sparql.join(rows, ' ')} }`,
    ...vars.map((v) => indexTriple(cx, STELSEL.zoekterm, v)),
    sparql`${indexTriple(cx, STELSEL.zoektekst, x)} FILTER(${fieldCheck}CONTAINS(${x}, ${literal(phraseText(texts))}))`,
  ]);
}

/** A phrase in a field without pair words: its words, then its word sequences, per candidate. */
function sequencePhrase(cx: PatternContext, field: string, texts: readonly string[]): SparqlFragment {
  const x = cx.vars.next('x');
  const words = [...new Set(texts)].map((w) => lookups(cx, STELSEL.zoekterm, [literal(key(field, w))]));
  const order = shaped(sparql`${indexTriple(cx, STELSEL.zoektekst, x)} FILTER(STRSTARTS(${x}, ${literal(key(field, ''))}) && CONTAINS(${x}, ${literal(phraseText(texts))}))`, { check: true });
  return and([...words, order]);
}

/** ?p has a value of the field whose words are exactly these. */
export function exactText(cx: PatternContext, field: TextField, words: readonly Pattern[]): SparqlFragment {
  const seq: Pattern = { pieces: words.flatMap((w, i) => (i ? [{ kind: 'text' as const, value: ' ' }, ...w.pieces] : [...w.pieces])), masked: words.some((w) => w.masked) };
  return matchLiteral(cx, STELSEL.zoektekst, fieldsOf(field), seq, true, ' ');
}

/** ?p has this (whole, folded) value in a typed field. */
export function value(cx: PatternContext, field: ValueField, v: Pattern): SparqlFragment {
  return matchLiteral(cx, STELSEL.zoekwaarde, [field], v, false, '', BROAD_FIELDS.has(field));
}

/** Typed fields with few distinct values: each value matches a large share of the collection. */
const BROAD_FIELDS = new Set<string>(['audience', 'language', 'type', 'onlineaanvragen', 'eenmaligaanmelden', 'organisatietype', 'spatialtype']);

/** Every product (each has exactly one date in its index). */
export function anyProduct(cx: PatternContext): SparqlFragment {
  return indexTriple(cx, STELSEL.zoekdatum, cx.vars.next('d'));
}

/**
 * ?p's modified date in a range of days (inclusive; open ends are FIRST_DAY / LAST_DAY): exact
 * lookups of the period tokens that together cover the range.
 */
export function dateRange(cx: PatternContext, first: string, last: string): SparqlFragment {
  const keys = rangeKeys(first, last);
  // An empty range: the empty date, which no product has (an exact lookup too).
  return lookups(cx, STELSEL.zoekwaarde, (keys.length ? keys : [key(DATE_FIELD, '')]).map((k) => literal(k)), keys.length > 1);
}

/** Alternatives (a single one stays a plain group). */
export function union(parts: readonly SparqlFragment[]): SparqlFragment {
  if (parts.length === 1) return parts[0]!;
  return sparql.join(parts.map((p) => sparql`{ ${p} }`), ' UNION ');
}

/**
 * All of the parts. Shape, for stores that would otherwise evaluate every part on its own and
 * join the results (costly when one part matches most of the collection): the first part that
 * is not broad drives, as a DISTINCT (?p, ?pg) subquery; every other part that is a set of
 * exact lookups is checked per candidate as point lookups in ?pg (FILTER EXISTS); the rest are
 * joined on (?p, ?pg).
 */
export function and(parts: readonly SparqlFragment[]): SparqlFragment {
  const flat = parts.flatMap((p) => shapes.get(p)?.conjuncts ?? [p]);
  if (flat.length === 1) return flat[0]!;
  const lead = Math.max(0, flat.findIndex((p) => !shapes.get(p)?.broad && !shapes.get(p)?.check));
  const rest = flat.filter((_, i) => i !== lead);
  const checks = rest.map((p) => {
    if (shapes.get(p)?.check) return sparql`FILTER EXISTS { ${p} }`;
    const l = shapes.get(p)?.lookups;
    if (!l) return sparql`{ ${p} }`;
    return sparql`FILTER(${sparql.join(l.map((x) => sparql`EXISTS { GRAPH ${PG} { ${P} ${x.predicate} ${x.object} } }`), ' || ')})`;
  });
  // Joined parts first, lookups last (a FILTER applies to the whole group anyway).
  checks.sort((a, b) => Number(a.text.startsWith('FILTER')) - Number(b.text.startsWith('FILTER')));
  return shaped(sparql`{ SELECT DISTINCT ${P} ${PG} WHERE { ${flat[lead]!} } }\n${sparql.join(checks, '\n')}`, { conjuncts: flat });
}

export function not(left: SparqlFragment, right: SparqlFragment): SparqlFragment {
  return sparql`{ ${left} } FILTER NOT EXISTS { ${right} }`;
}
