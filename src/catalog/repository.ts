/**
 * Store access for the product catalogue (no authorisation here): the organisation behind an
 * authority's OWMS IRI, the value-list concepts products refer to, identifiers already used by
 * other organisations, and the atomic replacement of an organisation's products.
 */
import type * as RDF from '@rdfjs/types';
import type { AuditContext } from '../shared/audit/audit-log.js';
import type { CoreDeps } from '../shared/http/context.js';
import { sparql } from '../shared/rdf/encode.js';
import { literal } from '../shared/rdf/factory.js';
import { DCT, ORG, OWL, SKOS, STELSEL } from '../shared/rdf/vocab.js';
import type { GraphReplacement } from '../shared/store/port.js';
import { listGraph, type ListName } from './valuelists/index.js';
import { organisationProductGraphPrefix } from './model.js';

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

export interface CatalogueOrganisation {
  iri: RDF.NamedNode;
  slug: string;
}

export interface ConceptHit {
  list: ListName;
  labels: string[];
}

export class CatalogueRepository {
  constructor(private readonly deps: Pick<CoreDeps, 'store' | 'uris' | 'audit'>) {}

  /** The Stelsel organisation that is owl:sameAs this OWMS IRI, or null. */
  async organisationOf(owms: RDF.NamedNode): Promise<CatalogueOrganisation | null> {
    const idPrefix = this.deps.uris.url('/id/organisatie/');
    const graphPrefix = this.deps.uris.url('/graph/organisatie/');
    const rows = await this.deps.store.select(sparql`
      SELECT ?org WHERE {
        GRAPH ?g { ?org a ${ORG.Organization} ; ${OWL.sameAs} ${owms} }
        FILTER(STRSTARTS(STR(?g), ${literal(graphPrefix)}))
      } ORDER BY ?org LIMIT 1`);
    const org = rows[0]?.org;
    if (org?.termType !== 'NamedNode' || !org.value.startsWith(idPrefix)) return null;
    const slug = org.value.slice(idPrefix.length);
    return SLUG.test(slug) ? { iri: org, slug } : null;
  }

  /** For each IRI found in one of the lists: the lists it is in and its labels there. */
  async concepts(iris: readonly RDF.NamedNode[], lists: readonly ListName[]): Promise<Map<string, ConceptHit[]>> {
    const out = new Map<string, ConceptHit[]>();
    if (!iris.length || !lists.length) return out;
    const byGraph = new Map(lists.map((l) => [listGraph(this.deps.uris, l).value, l] as const));
    const graphs = lists.map((l) => listGraph(this.deps.uris, l));
    const rows = await this.deps.store.select(sparql`
      SELECT ?c ?g ?label WHERE {
        VALUES ?c { ${iris} }
        VALUES ?g { ${graphs} }
        GRAPH ?g { ?c ${SKOS.prefLabel} ?label }
      }`);
    for (const r of rows) {
      const list = r.g ? byGraph.get(r.g.value) : undefined;
      if (!r.c || !list || !r.label) continue;
      const hits = out.get(r.c.value) ?? [];
      let hit = hits.find((h) => h.list === list);
      if (!hit) hits.push((hit = { list, labels: [] }));
      hit.labels.push(r.label.value);
      out.set(r.c.value, hits);
    }
    return out;
  }

  /** Identifiers (product page URLs) among `ids` that products of other organisations already use. */
  async identifiersUsedElsewhere(ids: readonly string[], orgSlug: string | null): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const own = orgSlug ? organisationProductGraphPrefix(this.deps.uris, orgSlug) : '\u0000';
    const rows = await this.deps.store.select(sparql`
      SELECT DISTINCT ?id WHERE {
        VALUES ?id { ${ids.map((i) => literal(i))} }
        GRAPH ?g { ?p a ${STELSEL.Product} ; ${DCT.identifier} ?id }
        FILTER(!STRSTARTS(STR(?g), ${literal(own)}))
      }`);
    return new Set(rows.flatMap((r) => (r.id ? [r.id.value] : [])));
  }

  /** The graphs of the organisation's stored products. */
  async productGraphs(orgSlug: string): Promise<RDF.NamedNode[]> {
    const rows = await this.deps.store.select(sparql`
      SELECT DISTINCT ?g WHERE {
        GRAPH ?g { ?p a ${STELSEL.Product} }
        FILTER(STRSTARTS(STR(?g), ${literal(organisationProductGraphPrefix(this.deps.uris, orgSlug))}))
      }`);
    return rows.flatMap((r) => (r.g?.termType === 'NamedNode' ? [r.g] : []));
  }

  /**
   * Replaces the organisation's products in one audited transaction: every delivered product's
   * graph is replaced, the graphs of products no longer delivered are cleared.
   */
  async replaceProducts(ctx: AuditContext, org: CatalogueOrganisation, products: readonly GraphReplacement[]): Promise<{ removed: number }> {
    const keep = new Set(products.map((p) => p.graph.value));
    const removed = (await this.productGraphs(org.slug)).filter((g) => !keep.has(g.value));
    await this.deps.audit.write(
      ctx,
      { action: 'catalogue.import', resource: this.deps.uris.id('catalogus', org.slug), scope: org.iri },
      { replaceGraphs: [...products, ...removed.map((graph) => ({ graph, quads: [] }))] },
    );
    return { removed: removed.length };
  }
}
