/**
 * The SPARQL queries of one search: the number of matches, one page in order, the page's product
 * data and the facet counts. All take the pattern W that binds ?p and its index graph ?pg
 * (translator + scope); all are plain SPARQL 1.1, so they run on every store adapter.
 *
 * Shape, for speed on any store: W is evaluated once per query as a DISTINCT (?p, ?pg) subquery;
 * what is needed per match (date, facet labels) is an OPTIONAL point lookup in the known graph ?pg,
 * and the relevance score is a grouped sum over exact-word lookups of the ranking words: per match
 * in its own graph while the matches are few, else once over the whole index.
 */
import type * as RDF from '@rdfjs/types';
import { sparql, type SparqlFragment } from '../shared/rdf/encode.js';
import { literal, variable } from '../shared/rdf/factory.js';
import { STELSEL, XSD } from '../shared/rdf/vocab.js';
import { key, TEXT_FIELDS } from '../catalog/search-index/index.js';
import { P, PG, type PatternContext } from './translate/patterns.js';
import type { Translation } from './translate/translate.js';

const matches = (w: SparqlFragment) => sparql`{ SELECT DISTINCT ${P} ${PG} WHERE { ${w} } }`;

export function countQuery(w: SparqlFragment): SparqlFragment {
  return sparql`SELECT (COUNT(DISTINCT ${P}) AS ?n) WHERE { ${w} }`;
}

/** Weights of a query word found in a field: a title hit outweighs hits in all other fields together. */
export const TITLE_WEIGHT = 5;
export const OTHER_WEIGHT = 1;

/** The relevance of ?p: the weights of the fields in which each ranking word occurs, summed. */
function scoreOf(cx: PatternContext, words: readonly string[], score: RDF.Variable): SparqlFragment {
  const w = cx.vars.next('w');
  const hits = words.flatMap((word) =>
    TEXT_FIELDS.map((field) => {
      const weight = field === 'title' ? TITLE_WEIGHT : OTHER_WEIGHT;
      return sparql`{ GRAPH ${cx.vars.next('g')} { ${P} ${STELSEL.zoekterm} ${literal(key(field, word))} } BIND(${weight} AS ${w}) }`;
    }),
  );
  return sparql`{ SELECT ${P} (SUM(${w}) AS ${score}) WHERE { ${sparql.join(hits, ' UNION ')} } GROUP BY ${P} }`;
}

/**
 * The relevance of each match by point lookups in its own index graph (one per ranking word and
 * field): cheaper than scoreOf() while the matches are few, dearer when they are most products.
 */
function scoreByLookups(words: readonly string[], w: SparqlFragment, score: RDF.Variable): SparqlFragment {
  const k = variable('k');
  const weight = variable('weight');
  const rows = words.flatMap((word) =>
    TEXT_FIELDS.map((field) => sparql`(${literal(key(field, word))} ${literal(String(field === 'title' ? TITLE_WEIGHT : OTHER_WEIGHT), XSD.integer)})`),
  );
  return sparql`{ SELECT ${P} ${PG} (SUM(COALESCE(${weight}, 0)) AS ${score}) WHERE { ${matches(w)}
    OPTIONAL { VALUES (${k} ${weight}) { ${sparql.join(rows, ' ')} } GRAPH ${PG} { ${P} ${STELSEL.zoekterm} ${k} } } } GROUP BY ${P} ${PG} }`;
}

/** Up to this many matches, the page is ranked by point lookups per match (scoreByLookups). */
export const LOOKUP_RANKING_MAX = 3000;

/**
 * One page of matches (?p): ranked (more query words found, title hits first, then newer) or by
 * date; ties by IRI, so pages never overlap. `count` (the number of matches) picks the cheaper
 * way to rank.
 */
export function pageQuery(cx: PatternContext, w: SparqlFragment, t: Translation<SparqlFragment>, offset: number, limit: number, count = Infinity): SparqlFragment {
  const d = variable('modified');
  const date = sparql`OPTIONAL { GRAPH ${PG} { ${P} ${STELSEL.zoekdatum} ${d} } }`;
  if (t.sort !== 'relevance' || !t.rankWords.length) {
    const order = t.sort === 'modified-ascending' ? sparql`ASC(${d})` : sparql`DESC(${d})`;
    return sparql`SELECT ${P} WHERE { ${matches(w)} ${date} } ORDER BY ${order} ${P} OFFSET ${offset} LIMIT ${limit}`;
  }
  const score = variable('score');
  if (count <= LOOKUP_RANKING_MAX) {
    return sparql`SELECT ${P} ${score} WHERE { ${scoreByLookups(t.rankWords, w, score)} ${date} }
    ORDER BY DESC(${score}) DESC(${d}) ${P} OFFSET ${offset} LIMIT ${limit}`;
  }
  const s = cx.vars.next('s');
  return sparql`SELECT ${P} ${score} WHERE { ${matches(w)} ${date} OPTIONAL ${scoreOf(cx, t.rankWords, s)} BIND(COALESCE(${s}, 0) AS ${score}) }
    ORDER BY DESC(${score}) DESC(${d}) ${P} OFFSET ${offset} LIMIT ${limit}`;
}

/** The stored scproduct of each product, read from product graphs only. */
export function recordQuery(products: readonly RDF.NamedNode[], productPrefix: RDF.Literal): SparqlFragment {
  return sparql`SELECT ?p ?xml WHERE {
    VALUES ?p { ${products} }
    GRAPH ?g { ?p ${STELSEL.sourceXml} ?xml } FILTER(STRSTARTS(STR(?g), ${productPrefix}))
  }`;
}

/** Matching products per facet value (stelsel:zoeklabel "field:value"; a product's labels are distinct). */
export function facetQuery(w: SparqlFragment): SparqlFragment {
  return sparql`SELECT ?v (COUNT(${P}) AS ?n) WHERE { ${matches(w)}
    OPTIONAL { GRAPH ${PG} { ${P} ${STELSEL.zoeklabel} ?v } } } GROUP BY ?v`;
}

/** Matching products modified since `week`, since `year`, and before `year` (YYYY-MM-DD). */
export function dateFacetQuery(w: SparqlFragment, week: string, year: string): SparqlFragment {
  const wk = literal(week, XSD.date);
  const yr = literal(year, XSD.date);
  const n = (cond: SparqlFragment) => sparql`SUM(COALESCE(IF(${cond}, 1, 0), 0))`;
  return sparql`SELECT (${n(sparql`?d >= ${wk}`)} AS ?week) (${n(sparql`?d >= ${yr}`)} AS ?year) (${n(sparql`?d < ${yr}`)} AS ?earlier)
    WHERE { ${matches(w)} OPTIONAL { GRAPH ${PG} { ${P} ${STELSEL.zoekdatum} ?d } } }`;
}
