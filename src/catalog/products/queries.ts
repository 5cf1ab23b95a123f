/**
 * Reads for the product pages and forms: an organisation by slug (with its OWMS identity and the
 * value list it is in), the organisations that have products, an organisation's product table, one
 * product's stored quads, and the UPL value list.
 */
import type * as RDF from '@rdfjs/types';
import { sparql } from '../../shared/rdf/encode.js';
import { literal } from '../../shared/rdf/factory.js';
import { DCT, OVERHEIDPRODUCT, SKOS, STELSEL } from '../../shared/rdf/vocab.js';
import type { CoreDeps } from '../../shared/http/context.js';
import { listGraph } from '../valuelists/index.js';
import { organisationProductGraphPrefix } from '../model.js';
import { organisationBySlug } from '../repository.js';

type Deps = Pick<CoreDeps, 'store' | 'uris'>;

export const ORG_SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

export interface OrganisationRecord {
  iri: RDF.NamedNode;
  slug: string;
  label: string;
  /** owl:sameAs targets (OWMS IRIs among them). */
  sameAs: RDF.NamedNode[];
}

export interface ProductRow {
  iri: RDF.NamedNode;
  key: string;
  productID: string;
  title: string;
  audience: string[];
  online: string | undefined;
  modified: string | undefined;
  upl: RDF.NamedNode[];
}

export interface UplConcept {
  iri: string;
  label: string;
}

export class ProductQueries {
  constructor(private readonly deps: Deps) {}

  async organisation(slug: string): Promise<OrganisationRecord | null> {
    const org = await organisationBySlug(this.deps, slug);
    return org && { iri: org.iri, slug, label: org.labels[0]?.value ?? slug, sameAs: org.sameAs };
  }

  /** Organisations with at least one product, with their product counts, by name. */
  async organisationsWithProducts(): Promise<{ slug: string; label: string; products: number }[]> {
    const prefix = this.deps.uris.url('/id/organisatie/');
    const rows = await this.deps.store.select(sparql`
      SELECT ?org (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?p) AS ?n) WHERE {
        GRAPH ?g { ?p a ${STELSEL.Product} ; ${STELSEL.organisation} ?org }
        FILTER(STRSTARTS(STR(?g), ${literal(this.deps.uris.url('/graph/product/'))}))
        OPTIONAL { GRAPH ?og { ?org ${SKOS.prefLabel} ?l } }
      } GROUP BY ?org`);
    return rows
      .flatMap((r) => {
        const slug = r.org?.value.startsWith(prefix) ? r.org.value.slice(prefix.length) : '';
        return ORG_SLUG.test(slug) ? [{ slug, label: r.label?.value ?? slug, products: Number(r.n?.value ?? 0) }] : [];
      })
      .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  }

  /** The organisation's products, by title. */
  async products(slug: string): Promise<ProductRow[]> {
    const graphPrefix = organisationProductGraphPrefix(this.deps.uris, slug);
    const idPrefix = `${this.deps.uris.id('product', slug).value}/`;
    const preds = [DCT.title, DCT.audience, DCT.modified, OVERHEIDPRODUCT.productID, OVERHEIDPRODUCT.onlineAanvragen, OVERHEIDPRODUCT.uniformeProductnaam];
    const rows = await this.deps.store.select(sparql`
      SELECT ?p ?pred ?o WHERE {
        GRAPH ?g { ?p a ${STELSEL.Product} . OPTIONAL { VALUES ?pred { ${preds} } ?p ?pred ?o } }
        FILTER(STRSTARTS(STR(?g), ${literal(graphPrefix)}))
      }`);
    const byIri = new Map<string, ProductRow>();
    for (const r of rows) {
      if (r.p?.termType !== 'NamedNode' || !r.p.value.startsWith(idPrefix)) continue;
      let row = byIri.get(r.p.value);
      if (!row) byIri.set(r.p.value, (row = { iri: r.p, key: r.p.value.slice(idPrefix.length), productID: '', title: '', audience: [], online: undefined, modified: undefined, upl: [] }));
      const o = r.o;
      if (!o || !r.pred) continue;
      if (r.pred.equals(DCT.title)) row.title = o.value;
      else if (r.pred.equals(DCT.audience)) row.audience.push(o.value);
      else if (r.pred.equals(DCT.modified)) row.modified = o.value;
      else if (r.pred.equals(OVERHEIDPRODUCT.productID)) row.productID = o.value;
      else if (r.pred.equals(OVERHEIDPRODUCT.onlineAanvragen)) row.online = o.value;
      else if (o.termType === 'NamedNode') row.upl.push(o);
    }
    for (const row of byIri.values()) row.audience.sort();
    return [...byIri.values()].sort((a, b) => a.title.localeCompare(b.title, 'nl') || a.key.localeCompare(b.key));
  }

  /** Every quad of one graph (a product's). */
  async graphQuads(graph: RDF.NamedNode): Promise<RDF.Quad[]> {
    return this.deps.store.construct(sparql`CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ${graph} { ?s ?p ?o } }`);
  }

  /** UPL concepts whose name contains `q` (case-insensitive), by name; all of them when `q` is empty. */
  async uplSearch(q: string, limit: number): Promise<UplConcept[]> {
    const rows = await this.deps.store.select(sparql`
      SELECT ?c ?label WHERE {
        GRAPH ${listGraph(this.deps.uris, 'upl')} { ?c ${SKOS.prefLabel} ?label }
        FILTER(CONTAINS(LCASE(STR(?label)), ${literal(q.toLowerCase())}))
      } ORDER BY LCASE(STR(?label)) ?c LIMIT ${Math.max(1, Math.floor(limit))}`);
    return rows.flatMap((r) => (r.c?.termType === 'NamedNode' && r.label ? [{ iri: r.c.value, label: r.label.value }] : []));
  }

  /** The UPL concepts with exactly this name (normally one). */
  async uplByName(name: string): Promise<UplConcept[]> {
    const rows = await this.deps.store.select(sparql`
      SELECT DISTINCT ?c ?label WHERE {
        GRAPH ${listGraph(this.deps.uris, 'upl')} { ?c ${SKOS.prefLabel} ?label }
        FILTER(STR(?label) = ${literal(name)})
      } ORDER BY ?c`);
    return rows.flatMap((r) => (r.c?.termType === 'NamedNode' && r.label ? [{ iri: r.c.value, label: r.label.value }] : []));
  }
}

/** Identifiers and productIDs of the organisation's products (other than the one in graph `except`). */
export async function siblingsOf(deps: Deps, slug: string, except: RDF.NamedNode | null): Promise<{ identifiers: string[]; productIDs: string[] }> {
  const rows = await deps.store.select(sparql`
    SELECT ?id ?pid WHERE {
      GRAPH ?g { ?p a ${STELSEL.Product} . OPTIONAL { ?p ${DCT.identifier} ?id } OPTIONAL { ?p ${OVERHEIDPRODUCT.productID} ?pid } }
      FILTER(STRSTARTS(STR(?g), ${literal(organisationProductGraphPrefix(deps.uris, slug))}))
      ${except ? sparql`FILTER(?g != ${except})` : sparql``}
    }`);
  return {
    identifiers: rows.flatMap((r) => (r.id ? [r.id.value] : [])),
    productIDs: rows.flatMap((r) => (r.pid ? [r.pid.value] : [])),
  };
}
