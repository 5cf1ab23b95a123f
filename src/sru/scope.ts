/**
 * Location scoping: `(postcode="5014")` or `(organisatie="Tilburg")` stands for the products of
 * that gemeente, its provincie, its waterschap(pen), its GGD region and the national organisations
 * (authority scheme Ministerie). The relations come from the value lists (src/catalog/valuelists):
 * postcode -> gemeente (stelsel:gemeente), gemeente -> provincie (tooi:ligtInProvincie),
 * gemeente -> waterschap (stelsel:waterschap), gemeente -> GGD region (stelsel:ggdRegio).
 * An unknown postcode or name leaves only the national organisations.
 */
import type * as RDF from '@rdfjs/types';
import { sparql } from '../shared/rdf/encode.js';
import { literal } from '../shared/rdf/factory.js';
import { SKOS, STELSEL, TOOI, OWL } from '../shared/rdf/vocab.js';
import type { TripleStore } from '../shared/store/port.js';
import type { UriPolicy } from '../shared/uri.js';
import { listGraph, postcodeIri } from '../catalog/valuelists/index.js';
import { AUTHORITY_IRI_FIELD, fold, key, tokens } from '../catalog/search-index/index.js';
import type { Scope } from './translate/translate.js';
import type { Algebra } from './translate/algebra.js';

export interface ResolvedScope {
  /** Authority IRIs: the gemeente, its provincie and waterschappen (or the one named organisation). */
  readonly organisations: readonly RDF.NamedNode[];
  /** Names of the GGD region(s) (GGD products are matched on their authority label). */
  readonly ggd: readonly string[];
}

const ORGANISATION_LISTS = ['provincie', 'waterschap', 'ministerie', 'overige-overheidsorganisatie', 'overheidsorganisatie'] as const;

/**
 * Resolved scopes, per site and scope: the value lists change only when they are reloaded, so a
 * scope is resolved at most once per CACHE_MS (and the cache is bounded).
 */
const CACHE_MS = 5 * 60_000;
const CACHE_SIZE = 2000;
const cache = new Map<string, { at: number; scope: Promise<ResolvedScope> }>();

export function resolveScope(store: TripleStore, uris: UriPolicy, scope: Scope): Promise<ResolvedScope> {
  const id = JSON.stringify([uris.base, scope.kind, fold(scope.value).trim()]);
  const hit = cache.get(id);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.scope;
  if (cache.size >= CACHE_SIZE) cache.clear();
  const resolved = resolveUncached(store, uris, scope);
  cache.set(id, { at: Date.now(), scope: resolved });
  resolved.catch(() => cache.delete(id));
  return resolved;
}

async function resolveUncached(store: TripleStore, uris: UriPolicy, scope: Scope): Promise<ResolvedScope> {
  const gemeente = scope.kind === 'postcode' ? await gemeenteOfPostcode(store, uris, scope.value) : await byName(store, uris, ['gemeente'], scope.value);
  if (!gemeente) {
    const other = scope.kind === 'organisatie' ? await byName(store, uris, ORGANISATION_LISTS, scope.value) : null;
    return { organisations: other ? [other] : [], ggd: [] };
  }
  const rows = await store.select(sparql`
    SELECT ?org ?ggd WHERE {
      { GRAPH ${listGraph(uris, 'gemeente')} { ${gemeente} ${TOOI.ligtInProvincie} ?org } }
      UNION { GRAPH ${listGraph(uris, 'gemeente-relaties')} { ${gemeente} ${STELSEL.waterschap} ?org } }
      UNION { GRAPH ${listGraph(uris, 'gemeente-relaties')} { ${gemeente} ${STELSEL.ggdRegio} ?r }
              GRAPH ${listGraph(uris, 'ggd-regio')} { ?r ${SKOS.prefLabel} ?ggd } }
    }`);
  const organisations = new Map<string, RDF.NamedNode>([[gemeente.value, gemeente]]);
  const ggd = new Set<string>();
  for (const r of rows) {
    if (r.org?.termType === 'NamedNode') organisations.set(r.org.value, r.org);
    if (r.ggd) ggd.add(r.ggd.value);
  }
  return { organisations: [...organisations.values()], ggd: [...ggd] };
}

async function gemeenteOfPostcode(store: TripleStore, uris: UriPolicy, pc4: string): Promise<RDF.NamedNode | null> {
  const rows = await store.select(sparql`
    SELECT ?g WHERE { GRAPH ${listGraph(uris, 'postcode')} { ${postcodeIri(uris, pc4)} ${STELSEL.gemeente} ?g } } LIMIT 1`);
  const g = rows[0]?.g;
  return g?.termType === 'NamedNode' ? g : null;
}

/** The concept with this name (case and accents ignored) in the lists, current ones first. */
async function byName(store: TripleStore, uris: UriPolicy, lists: readonly Parameters<typeof listGraph>[1][], name: string): Promise<RDF.NamedNode | null> {
  const wanted = fold(name).trim();
  if (!wanted) return null;
  const graphs = lists.map((l) => listGraph(uris, l));
  // Narrow by the first word in the store (CONTAINS on lower case), confirm the whole name here.
  const first = tokens(name)[0] ?? wanted;
  const rows = await store.select(sparql`
    SELECT ?c ?label ?dep WHERE {
      VALUES ?g { ${graphs} }
      GRAPH ?g { ?c ${SKOS.prefLabel} ?label OPTIONAL { ?c ${OWL.deprecated} ?dep } }
      FILTER(CONTAINS(LCASE(STR(?label)), ${literal(first)}))
    }`);
  const hits = rows
    .filter((r) => r.c?.termType === 'NamedNode' && r.label && fold(r.label.value).trim() === wanted)
    .sort((a, b) => Number(a.dep?.value === 'true') - Number(b.dep?.value === 'true') || a.c!.value.localeCompare(b.c!.value));
  const c = hits[0]?.c;
  return c?.termType === 'NamedNode' ? c : null;
}

/** The products in scope. */
export function scopeMatch<T>(alg: Algebra<T>, s: ResolvedScope): T {
  // The authority IRIs as the index keeps them, and the national organisations: exact lookups.
  const keys = [...s.organisations.map((o) => key(AUTHORITY_IRI_FIELD, o.value)), key('organisatietype', 'ministerie')];
  const parts: T[] = [alg.valueKeys(keys)];
  for (const name of s.ggd) {
    const words = tokens(name).map((w) => ({ pieces: [{ kind: 'text' as const, value: w }], masked: false }));
    if (words.length) parts.push(alg.and([alg.exactText('authority', words), alg.value('organisatietype', { pieces: [{ kind: 'text', value: 'ggd' }], masked: false })]));
  }
  return alg.union(parts);
}
