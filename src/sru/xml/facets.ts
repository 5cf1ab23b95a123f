/**
 * SRU faceted results (OASIS searchRetrieve facets, as the SC search service writes them in
 * extraResponseData): facetedResults > datasource > facets > facet > terms > term.
 */
import { el, type TrustedXml } from './builder.js';
import { SRU_NS } from './namespaces.js';
import { nonNegative } from './numbers.js';

export interface FacetTerm {
  readonly actualTerm: string;
  /** The original query `AND` index = "value". */
  readonly query?: string;
  /** A URL that runs `query`. */
  readonly requestUrl?: string;
  readonly count: number;
}

export interface Facet {
  readonly displayLabel?: string;
  readonly description?: string;
  readonly index?: string;
  readonly relation?: string;
  readonly terms: readonly FacetTerm[];
}

function facet(f: Facet): TrustedXml {
  return el('facet', null,
    f.displayLabel !== undefined && el('facetDisplayLabel', null, f.displayLabel),
    f.description !== undefined && el('facetDescription', null, f.description),
    f.index !== undefined && el('index', null, f.index),
    f.relation !== undefined && el('relation', null, f.relation),
    el('terms', null, f.terms.map((t) => el('term', null,
      el('actualTerm', null, t.actualTerm),
      t.query !== undefined && el('query', null, t.query),
      t.requestUrl !== undefined && el('requestUrl', null, t.requestUrl),
      el('count', null, nonNegative('facet term count', t.count)),
    ))),
  );
}

/**
 * The facetedResults element, or null when no facet has a term (the schema requires at least
 * one facet with at least one term). Facets without terms are left out.
 */
export function facetedResults(facets: readonly Facet[]): TrustedXml | null {
  const withTerms = facets.filter((f) => f.terms.length > 0);
  if (withTerms.length === 0) return null;
  return el('facetedResults', { xmlns: SRU_NS.facets }, el('datasource', null, el('facets', null, withTerms.map(facet))));
}
