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
import { STELSEL, XSD } from '../../shared/rdf/vocab.js';
import { key, phraseText, TEXT_FIELDS, type TextField, type ValueField } from '../../catalog/search-index/index.js';
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
function matchLiteral(cx: PatternContext, predicate: RDF.NamedNode, fields: readonly string[], p: Pattern, wordOnly: boolean, frame = ''): SparqlFragment {
  if (!p.masked) {
    const values = fields.map((f) => literal(key(f, frame + plain(p) + frame)));
    if (values.length === 1) return indexTriple(cx, predicate, values[0]!);
    const v = cx.vars.next('t');
    return sparql`VALUES ${v} { ${values} } ${indexTriple(cx, predicate, v)}`;
  }
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
      return union(found.map((k) => indexTriple(cx, STELSEL.zoekterm, literal(k))));
    }
  }
  return matchLiteral(cx, STELSEL.zoekterm, fieldsOf(field), w, true);
}

/** ?p has the words in this order, adjacent, within one value of the field. */
export function phrase(cx: PatternContext, field: TextField, words: readonly Pattern[]): SparqlFragment {
  if (words.length === 1) return word(cx, field, words[0]!);
  // Every word first (exact lookups narrow the candidates), then the order on their word sequences.
  const parts = [...words.filter((w) => !w.masked), ...words.filter((w) => w.masked)].map((w) => word(cx, field, w));
  const x = cx.vars.next('x');
  const fieldCheck = field === 'keyword' ? sparql`` : sparql`STRSTARTS(${x}, ${literal(key(field, ''))}) && `;
  const check = words.some((w) => w.masked)
    ? sparql`REGEX(${x}, ${literal(` ${words.map((w) => regexBody(w, true)).join(' ')} `)})`
    : sparql`CONTAINS(${x}, ${literal(phraseText(words.map(plain)))})`;
  parts.push(sparql`${indexTriple(cx, STELSEL.zoektekst, x)} FILTER(${fieldCheck}${check})`);
  return sparql.join(parts);
}

/** ?p has a value of the field whose words are exactly these. */
export function exactText(cx: PatternContext, field: TextField, words: readonly Pattern[]): SparqlFragment {
  const seq: Pattern = { pieces: words.flatMap((w, i) => (i ? [{ kind: 'text' as const, value: ' ' }, ...w.pieces] : [...w.pieces])), masked: words.some((w) => w.masked) };
  return matchLiteral(cx, STELSEL.zoektekst, fieldsOf(field), seq, true, ' ');
}

/** ?p has this (whole, folded) value in a typed field. */
export function value(cx: PatternContext, field: ValueField, v: Pattern): SparqlFragment {
  return matchLiteral(cx, STELSEL.zoekwaarde, [field], v, false);
}

/** Every product (each has exactly one date in its index). */
export function anyProduct(cx: PatternContext): SparqlFragment {
  return indexTriple(cx, STELSEL.zoekdatum, cx.vars.next('d'));
}

/** ?p's modified date compared with a date. */
export function date(cx: PatternContext, op: '<' | '<=' | '>' | '>=', d: string): SparqlFragment {
  const v = cx.vars.next('d');
  const lit = literal(d, XSD.date);
  const cmp = { '<': sparql`${v} < ${lit}`, '<=': sparql`${v} <= ${lit}`, '>': sparql`${v} > ${lit}`, '>=': sparql`${v} >= ${lit}` }[op];
  return sparql`${indexTriple(cx, STELSEL.zoekdatum, v)} FILTER(${cmp})`;
}

/** Alternatives (a single one stays a plain group). */
export function union(parts: readonly SparqlFragment[]): SparqlFragment {
  if (parts.length === 1) return parts[0]!;
  return sparql.join(parts.map((p) => sparql`{ ${p} }`), ' UNION ');
}

export function and(parts: readonly SparqlFragment[]): SparqlFragment {
  return sparql.join(parts.map((p) => sparql`{ ${p} }`), '\n');
}

export function not(left: SparqlFragment, right: SparqlFragment): SparqlFragment {
  return sparql`{ ${left} } FILTER NOT EXISTS { ${right} }`;
}
