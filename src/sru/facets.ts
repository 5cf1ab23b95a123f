/**
 * The SC facets (x-info-1-accept=any): Doelgroep, Online aanvragen, Bevoegd gezag (authority and
 * organisatietype) and Datum laatste wijziging. Each term carries the query that selects exactly
 * the records it counts: the original query `and` the facet clause (CQL booleans bind left to
 * right, so appending keeps the meaning of the original, location scope first).
 */
import type { CqlQuery } from './cql/index.js';

export interface FacetTerm {
  readonly actualTerm: string;
  /** The CQL query of this term. */
  readonly query: string;
  readonly count: number;
}

export interface Facet {
  readonly displayLabel: string;
  readonly description: string;
  readonly index: string;
  readonly relation: string;
  readonly terms: readonly FacetTerm[];
}

interface ValueFacet {
  field: string;
  displayLabel: string;
  description: string;
  index: string;
  relation: '=' | '==';
}

export const VALUE_FACETS: readonly ValueFacet[] = [
  { field: 'audience', displayLabel: 'Doelgroep', description: 'Voor wie het product is', index: 'dcterms.audience', relation: '=' },
  { field: 'onlineaanvragen', displayLabel: 'Online aanvragen', description: 'Of het product online aan te vragen is', index: 'overheidproduct.onlineaanvragen', relation: '=' },
  { field: 'authority', displayLabel: 'Bevoegd gezag', description: 'De organisatie die het product levert', index: 'overheid.authority', relation: '==' },
  { field: 'organisatietype', displayLabel: 'Bevoegd gezag', description: 'Het soort organisatie dat het product levert', index: 'organisatietype', relation: '=' },
];

/** A CQL term in double quotes, the special characters escaped. */
export function quoteTerm(value: string): string {
  return `"${value.replace(/[\\"*?^]/g, (c) => `\\${c}`)}"`;
}

/** The query text before `sortby`, and the sort part (with its leading space) to re-append. */
export function splitSort(query: string, parsed: CqlQuery): { base: string; sort: string } {
  const first = parsed.sortKeys[0];
  if (!first) return { base: query.trim(), sort: '' };
  const head = query.slice(0, first.start);
  const m = /sortby\s*$/i.exec(head);
  const cut = m ? m.index : first.start;
  return { base: query.slice(0, cut).trim(), sort: ` ${query.slice(cut).trim()}` };
}

export function termQuery(base: string, sort: string, index: string, relation: string, value: string): string {
  return `${base} and ${index} ${relation} ${quoteTerm(value)}${sort}`;
}

/** Value-facet terms from "field:value" counts, largest first. */
export function valueFacets(counts: ReadonlyMap<string, number>, base: string, sort: string): Facet[] {
  return VALUE_FACETS.map((f) => {
    const prefix = `${f.field}:`;
    const terms = [...counts]
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, count]) => ({ actualTerm: k.slice(prefix.length), count }))
      .sort((a, b) => b.count - a.count || a.actualTerm.localeCompare(b.actualTerm, 'nl'))
      .map((t) => ({ ...t, query: termQuery(base, sort, f.index, f.relation, t.actualTerm) }));
    return { displayLabel: f.displayLabel, description: f.description, index: f.index, relation: f.relation, terms };
  });
}

/** The date facet: afgelopen week, huidig jaar, eerder. */
export function dateFacet(counts: { week: number; year: number; earlier: number }, weekStart: string, yearStart: string, base: string, sort: string): Facet {
  const index = 'dcterms.modified';
  const terms: FacetTerm[] = [
    { actualTerm: 'afgelopen week', count: counts.week, query: termQuery(base, sort, index, '>=', weekStart) },
    { actualTerm: 'huidig jaar', count: counts.year, query: termQuery(base, sort, index, '>=', yearStart) },
    { actualTerm: 'eerder', count: counts.earlier, query: termQuery(base, sort, index, '<', yearStart) },
  ];
  return { displayLabel: 'Datum laatste wijziging', description: 'Wanneer de productbeschrijving het laatst is gewijzigd', index, relation: '>=', terms };
}
