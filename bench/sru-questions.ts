/**
 * The questions of the SRU benchmark, each in three forms: the CQL sent to GET /sru/Search, a
 * naive SPARQL query (FILTER(CONTAINS) over the literals, count + first 10) for the same store,
 * and a Virtuoso query (bif:contains on its full-text index, count + first 10). Each also has a
 * predicate over the generated products, so numberOfRecords can be checked against counts
 * computed from the generator's own data.
 */
import type * as RDF from '@rdfjs/types';
import { sparql, type SparqlFragment } from '../src/shared/rdf/encode.js';
import { literal, namedNode } from '../src/shared/rdf/factory.js';
import { DCT, OVERHEID, OVERHEIDPRODUCT, STELSEL, XSD } from '../src/shared/rdf/vocab.js';
import type { GenProduct } from './sru-data.js';

/** What a question asks, independent of the query language. */
export interface Question {
  name: string;
  /** The query kind in the report. */
  kind: string;
  cql: string;
  facets: boolean;
  /** Every word must occur in one of the keyword fields (or in the title when `titleOnly`). */
  words?: string[];
  titleOnly?: boolean;
  /** A title word starting with this (title=prefix*). */
  titlePrefix?: string;
  /** These words adjacent, in one abstract/title/subject/productHTML value. */
  phrase?: string[];
  /** Authority IRIs (the resolved location scope). */
  authorities?: string[];
  organisatieType?: string;
  audience?: string;
  modifiedFrom?: string;
  /** Exclusive. */
  modifiedBefore?: string;
  newestFirst?: boolean;
}

/** The fold used to compute expected counts: lower case, accents removed, split on non-letters. */
export const words = (s: string): string[] =>
  s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

const hasPhrase = (text: string, phrase: readonly string[]) => {
  const w = words(text);
  for (let i = 0; i + phrase.length <= w.length; i++) if (phrase.every((x, j) => w[i + j] === x)) return true;
  return false;
};

/** True when the generated product answers the question (the expected numberOfRecords). */
export function matchesGenerated(q: Question, p: GenProduct): boolean {
  const fields = q.titleOnly ? [p.title] : [p.title, p.abstract, ...p.subject, p.html, p.authorityLabel];
  if (q.words && !q.words.every((w) => fields.some((f) => words(f).includes(w)))) return false;
  if (q.titlePrefix && !words(p.title).some((w) => w.startsWith(q.titlePrefix!))) return false;
  if (q.phrase && ![p.title, p.abstract, ...p.subject, p.html].some((f) => hasPhrase(f, q.phrase!))) return false;
  if (q.authorities && !q.authorities.includes(p.authority)) return false;
  if (q.organisatieType && p.kind !== q.organisatieType) return false;
  if (q.audience && !p.audience.includes(q.audience)) return false;
  if (q.modifiedFrom && p.modified < q.modifiedFrom) return false;
  if (q.modifiedBefore && p.modified >= q.modifiedBefore) return false;
  return true;
}

const TEXT_FIELDS = [DCT.title, DCT.abstract, DCT.subject, OVERHEIDPRODUCT.productHTML];

/** Pattern parts shared by both SPARQL forms (structured fields). */
function structured(q: Question): SparqlFragment[] {
  const out: SparqlFragment[] = [];
  if (q.authorities) {
    out.push(sparql`?p ${OVERHEID.authority} ?auth . FILTER(?auth IN (${sparql.join(q.authorities.map((a) => sparql`${namedNode(a)}`), ', ')}))`);
  }
  if (q.organisatieType) out.push(sparql`?p ${STELSEL.authorityScheme} ${literal(q.organisatieType)} .`);
  if (q.audience) out.push(sparql`?p ${DCT.audience} ${literal(q.audience)} .`);
  if (q.modifiedFrom || q.modifiedBefore || q.newestFirst) out.push(sparql`?p ${DCT.modified} ?modified .`);
  if (q.modifiedFrom) out.push(sparql`FILTER(?modified >= ${literal(q.modifiedFrom, XSD.date)})`);
  if (q.modifiedBefore) out.push(sparql`FILTER(?modified < ${literal(q.modifiedBefore, XSD.date)})`);
  return out;
}

const fieldsOf = (q: Question): RDF.NamedNode[] => (q.titleOnly || q.titlePrefix ? [DCT.title] : TEXT_FIELDS);

function countAndPage(q: Question, where: SparqlFragment): { count: SparqlFragment; page: SparqlFragment } {
  return {
    count: sparql`SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ${where} }`,
    page: q.newestFirst
      ? sparql`SELECT DISTINCT ?p ?modified WHERE { ${where} } ORDER BY DESC(?modified) LIMIT 10`
      : sparql`SELECT DISTINCT ?p WHERE { ${where} } LIMIT 10`,
  };
}

/** The naive form: FILTER(CONTAINS(LCASE(STR(?text)), word)) per word, over the product graphs. */
export function naiveSparql(q: Question): { count: SparqlFragment; page: SparqlFragment } {
  const parts: SparqlFragment[] = [sparql`?p a ${STELSEL.Product} .`];
  const fields = sparql.join(fieldsOf(q).map((f) => sparql`${f}`), ', ');
  const text = (i: number, cond: SparqlFragment) =>
    sparql`FILTER EXISTS { ?p ?f${i} ?t${i} . FILTER(?f${i} IN (${fields})) FILTER(${cond}) }`;
  let i = 0;
  for (const w of q.words ?? []) parts.push(text(i++, sparql`CONTAINS(LCASE(STR(?t${i - 1})), ${literal(w)})`));
  if (q.titlePrefix) parts.push(text(i++, sparql`CONTAINS(LCASE(STR(?t${i - 1})), ${literal(q.titlePrefix)})`));
  if (q.phrase) parts.push(text(i++, sparql`CONTAINS(LCASE(STR(?t${i - 1})), ${literal(q.phrase.join(' '))})`));
  parts.push(...structured(q));
  return countAndPage(q, sparql`GRAPH ?g { ${sparql.join(parts)} }`);
}

/** Virtuoso's free-text predicate (a built-in, not an IRI of any vocabulary). */
const BIF_CONTAINS = namedNode('bif:contains');

/** The Virtuoso form: one bif:contains per word (or the phrase, or the prefix*), on its text index. */
export function virtuosoSparql(q: Question): { count: SparqlFragment; page: SparqlFragment } {
  const parts: SparqlFragment[] = [sparql`?p a ${STELSEL.Product} .`];
  const fields = sparql.join(fieldsOf(q).map((f) => sparql`${f}`), ', ');
  let i = 0;
  const text = (expr: string) => {
    const n = i++;
    return sparql`?p ?f${n} ?t${n} . FILTER(?f${n} IN (${fields})) ?t${n} ${BIF_CONTAINS} ${literal(expr)} .`;
  };
  for (const w of q.words ?? []) parts.push(text(`"${w}"`));
  if (q.titlePrefix) parts.push(text(`"${q.titlePrefix}*"`));
  if (q.phrase) parts.push(text(`"${q.phrase.join(' ')}"`));
  parts.push(...structured(q));
  return countAndPage(q, sparql.join(parts));
}
