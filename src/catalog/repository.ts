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
import type { GraphReplacement, Precondition } from '../shared/store/port.js';
import { listGraph, type ListName } from './valuelists/index.js';
import { organisationProductGraphPrefix } from './model.js';
import { searchIndexWrite } from './search-index/index.js';

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

export interface CatalogueOrganisation {
  iri: RDF.NamedNode;
  slug: string;
}

export interface ConceptHit {
  list: ListName;
  labels: string[];
}

/** A catalogue organisation by its slug: its IRI, names (skos:prefLabel) and owl:sameAs targets. */
export interface OrganisationDescription {
  iri: RDF.NamedNode;
  slug: string;
  labels: RDF.Literal[];
  sameAs: RDF.NamedNode[];
}

const ORGANISATION_SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** The organisation with this slug, or null (also for a slug that cannot be one). */
export async function organisationBySlug(deps: Pick<CoreDeps, 'store' | 'uris'>, slug: string): Promise<OrganisationDescription | null> {
  if (!ORGANISATION_SLUG.test(slug)) return null;
  const iri = deps.uris.id('organisatie', slug);
  const rows = await deps.store.select(sparql`
    SELECT ?label ?same WHERE {
      GRAPH ${deps.uris.graph('organisatie', slug)} {
        ${iri} a ${ORG.Organization} .
        OPTIONAL { ${iri} ${SKOS.prefLabel} ?label }
        OPTIONAL { ${iri} ${OWL.sameAs} ?same }
      }
    }`);
  if (!rows.length) return null;
  const distinct = <T extends RDF.Term>(ts: T[]) => [...new Map(ts.map((t) => [`${t.termType} ${t.value} ${'language' in t ? t.language : ''}`, t] as const)).values()];
  return {
    iri,
    slug,
    labels: distinct(rows.flatMap((r) => (r.label?.termType === 'Literal' ? [r.label] : []))),
    sameAs: distinct(rows.flatMap((r) => (r.same?.termType === 'NamedNode' ? [r.same] : []))),
  };
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

  /**
   * The graphs of the organisation's stored products. Every stored product names its organisation
   * (shapes/catalog.ttl requires stelsel:organisation), and starting from it the query reads only this
   * organisation's products; starting from the type it would read every product of the collection.
   */
  async productGraphs(org: CatalogueOrganisation): Promise<RDF.NamedNode[]> {
    const rows = await this.deps.store.select(sparql`
      SELECT DISTINCT ?g WHERE {
        GRAPH ?g { ?p ${STELSEL.organisation} ${org.iri} . ?p a ${STELSEL.Product} }
        FILTER(STRSTARTS(STR(?g), ${literal(organisationProductGraphPrefix(this.deps.uris, org.slug))}))
      }`);
    return rows.flatMap((r) => (r.g?.termType === 'NamedNode' ? [r.g] : []));
  }

  /**
   * Replaces the organisation's products in one audited transaction: every delivered product's
   * graph is replaced, the graphs of products no longer delivered are cleared.
   */
  async replaceProducts(ctx: AuditContext, org: CatalogueOrganisation, products: readonly GraphReplacement[]): Promise<{ removed: number }> {
    const keep = new Set(products.map((p) => p.graph.value));
    const removed = (await this.productGraphs(org)).filter((g) => !keep.has(g.value));
    await this.deps.audit.write(
      ctx,
      { action: 'catalogue.import', resource: this.deps.uris.id('catalogus', org.slug), scope: org.iri },
      searchIndexWrite(this.deps.uris, [...products, ...removed.map((graph) => ({ graph, quads: [] }))]),
    );
    return { removed: removed.length };
  }

  /**
   * Creates or replaces one product's graph in one audited transaction. `expect` guards against
   * concurrent changes: the product's audit version, and its stored scproduct (null: the graph holds
   * no product yet), both checked inside the transaction.
   */
  async saveProduct(ctx: AuditContext, org: CatalogueOrganisation, product: ProductWrite): Promise<{ version: number }> {
    const result = await this.deps.audit.write(
      ctx,
      { action: product.expect.sourceXml === null ? 'catalogue.product.create' : 'catalogue.product.update', resource: product.iri, scope: org.iri, expectVersion: product.expect.version },
      { ...searchIndexWrite(this.deps.uris, [{ graph: product.graph, quads: product.quads }]), precondition: productPrecondition(product) },
    );
    return { version: result.versionAfter ?? 0 };
  }

  /** Removes one product (its whole graph) in one audited transaction, guarded like saveProduct. */
  async deleteProduct(ctx: AuditContext, org: CatalogueOrganisation, product: Omit<ProductWrite, 'quads'>): Promise<void> {
    await this.deps.audit.write(
      ctx,
      { action: 'catalogue.product.delete', resource: product.iri, scope: org.iri, expectVersion: product.expect.version },
      { ...searchIndexWrite(this.deps.uris, [{ graph: product.graph, quads: [] }]), precondition: productPrecondition(product) },
    );
  }
}

/** One product write: its IRI and graph, the new content, and the state the writer based it on. */
export interface ProductWrite {
  iri: RDF.NamedNode;
  graph: RDF.NamedNode;
  quads: readonly RDF.Quad[];
  /** The audit version the writer saw (undefined: take the current one), and the stored scproduct (null: none yet). */
  expect: { version: number | undefined; sourceXml: string | null };
}

function productPrecondition(p: Omit<ProductWrite, 'quads'>): Precondition {
  const message = 'The product was changed by someone else meanwhile; reload it and try again';
  return p.expect.sourceXml === null
    ? { ask: sparql`ASK { GRAPH ${p.graph} { ?p a ${STELSEL.Product} } }`, expect: false, message: 'A product with this productID already exists' }
    : { ask: sparql`ASK { GRAPH ${p.graph} { ${p.iri} ${STELSEL.sourceXml} ${literal(p.expect.sourceXml)} } }`, expect: true, message };
}
