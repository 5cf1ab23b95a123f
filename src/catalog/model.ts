/**
 * SC 4.0 products as RDF. One named graph per product:
 *
 *   graph   {BASE}/graph/product/{org-slug}/{key}
 *   product {BASE}/id/product/{org-slug}/{key}
 *
 * where {key} is the productID when it is a safe IRI path segment (letters, digits, `._~-`, at most
 * 100 characters) and otherwise `h-` + the first 32 hex digits of its SHA-256, so the IRIs are stable
 * for as long as the organisation keeps the productID.
 *
 * Mapping (the SC/OWMS element names are the RDF properties, in their own namespaces):
 *
 *   <product> a stelsel:Product ;
 *     dcterms:identifier "product page URL" ;          (owmskern, plain literals as delivered)
 *     dcterms:title "..." ; dcterms:language "nl" ; dcterms:type "productbeschrijving" ;
 *     dcterms:modified "2024-03-18"^^xsd:date ;          (xsd:dateTime when delivered as a dateTime)
 *     dcterms:spatial <OWMS IRI> ; stelsel:spatialScheme "Gemeente" ;
 *     overheid:authority <OWMS IRI> ; stelsel:authorityScheme "Gemeente" ;
 *     dcterms:audience "particulier" ; dcterms:subject "..." ; dcterms:abstract "..." ;   (owmsmantel)
 *     overheidproduct:productID "..." ; overheidproduct:onlineAanvragen "ja" ;         (scmeta)
 *     overheidproduct:aanvraagURL "https://..."^^xsd:anyURI ; overheidproduct:eenmaligAanmelden "nee" ;
 *     overheidproduct:contactpunt "..." ;
 *     overheidproduct:uniformeProductnaam <UPL IRI> ; overheidproduct:gerelateerdProduct <UPL IRI> ;
 *     overheidproduct:productHTML "<p xmlns=...>...</p>" ;                               (body)
 *     stelsel:organisation <{BASE}/id/organisatie/{slug}> ;
 *     stelsel:sourceXml "<overheidproduct:scproduct ...>...</overheidproduct:scproduct>" .
 *
 * Value-list references point at the concept IRIs of the value lists (src/catalog/valuelists), so a
 * product is linked to its gemeente, organisation and UPL concepts; their labels live in the lists.
 * stelsel:sourceXml keeps the scproduct exactly as delivered (a plain string, so RDFa pages show it
 * as text), which is what SRU returns and what export republishes.
 */
import { createHash } from 'node:crypto';
import type * as RDF from '@rdfjs/types';
import type { ScProduct } from './sc-xml/index.js';
import { isValidIri } from '../shared/rdf/encode.js';
import { literal, namedNode, quad } from '../shared/rdf/factory.js';
import { DCT, OVERHEID, OVERHEIDPRODUCT, RDF_, STELSEL, XSD } from '../shared/rdf/vocab.js';
import type { UriPolicy } from '../shared/uri.js';

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,99}$/;

/** The IRI path segment of a productID (stable). */
export function productKey(productID: string): string {
  return SAFE_KEY.test(productID) ? productID : `h-${createHash('sha256').update(productID, 'utf8').digest('hex').slice(0, 32)}`;
}

export function productIri(uris: UriPolicy, orgSlug: string, productID: string): RDF.NamedNode {
  return uris.id('product', orgSlug, productKey(productID));
}

export function productGraph(uris: UriPolicy, orgSlug: string, productID: string): RDF.NamedNode {
  return uris.graph('product', orgSlug, productKey(productID));
}

/** The graph prefix of an organisation's products (every product graph of it starts with this). */
export function organisationProductGraphPrefix(uris: UriPolicy, orgSlug: string): string {
  return `${uris.graph('product', orgSlug).value}/`;
}

/** The local name of a scheme QName as delivered (`overheid:Gemeente` -> `Gemeente`). */
export function schemeName(scheme: string): string {
  const i = scheme.indexOf(':');
  return i < 0 ? scheme : scheme.slice(i + 1);
}

/** The product's quads in its own graph. Needs a productID (the import requires one). */
export function productQuads(uris: UriPolicy, orgSlug: string, organisation: RDF.NamedNode, p: ScProduct & { productID: string }): RDF.Quad[] {
  const s = productIri(uris, orgSlug, p.productID);
  const g = productGraph(uris, orgSlug, p.productID);
  const out: RDF.Quad[] = [];
  const add = (pred: RDF.NamedNode, o: RDF.Quad_Object) => out.push(quad(s, pred, o, g));
  const iri = (pred: RDF.NamedNode, value: string) => {
    if (isValidIri(value)) add(pred, namedNode(value));
  };
  add(RDF_.type, STELSEL.Product);
  add(DCT.identifier, literal(p.identifier));
  add(DCT.title, literal(p.title));
  for (const l of p.languages) add(DCT.language, literal(l));
  add(DCT.type, literal(p.type));
  add(DCT.modified, literal(p.modified, p.modified.includes('T') ? XSD.dateTime : XSD.date));
  for (const r of p.spatial) {
    iri(DCT.spatial, r.resourceIdentifier);
    add(STELSEL.spatialScheme, literal(schemeName(r.scheme)));
  }
  for (const r of p.authorities) {
    iri(OVERHEID.authority, r.resourceIdentifier);
    add(STELSEL.authorityScheme, literal(schemeName(r.scheme)));
  }
  for (const a of p.audience) add(DCT.audience, literal(a));
  for (const x of p.subject) add(DCT.subject, literal(x));
  if (p.abstract !== undefined) add(DCT.abstract, literal(p.abstract));
  add(OVERHEIDPRODUCT.productID, literal(p.productID));
  if (p.onlineAanvragen !== undefined) add(OVERHEIDPRODUCT.onlineAanvragen, literal(p.onlineAanvragen));
  if (p.aanvraagURL !== undefined) add(OVERHEIDPRODUCT.aanvraagURL, literal(p.aanvraagURL, XSD.anyURI));
  if (p.eenmaligAanmelden !== undefined) add(OVERHEIDPRODUCT.eenmaligAanmelden, literal(p.eenmaligAanmelden));
  if (p.contactpunt !== undefined) add(OVERHEIDPRODUCT.contactpunt, literal(p.contactpunt));
  for (const r of p.uniformeProductnaam) iri(OVERHEIDPRODUCT.uniformeProductnaam, r.resourceIdentifier);
  for (const r of p.gerelateerdProduct) iri(OVERHEIDPRODUCT.gerelateerdProduct, r.resourceIdentifier);
  if (p.productHTML !== undefined) add(OVERHEIDPRODUCT.productHTML, literal(p.productHTML));
  add(STELSEL.organisation, organisation);
  add(STELSEL.sourceXml, literal(p.xml));
  return out;
}

/** One problem of one product (an extra rule, or a required field). */
export interface ProductProblem {
  /** Stable code, e.g. `identifier-not-unique`. */
  readonly code: string;
  readonly message: string;
}

export interface ProductReport {
  readonly productID: string | null;
  readonly identifier: string;
  readonly title: string;
  readonly line: number;
  readonly audience: readonly string[];
  readonly upl: readonly string[];
  readonly problems: readonly ProductProblem[];
}

export interface CatalogueOverview {
  products: number;
  onlyParticulier: number;
  onlyOndernemer: number;
  both: number;
  withUpl: number;
  online: { ja: number; digid: number; nee: number };
  withAanvraagUrl: number;
}

/** The validator's answer (also the body of a refused import). */
export interface CatalogueReport {
  valid: boolean;
  xmlErrors: { line: number; column: number; code: string; message: string }[];
  /** Problems of the catalogue as a whole (e.g. more than one authority). */
  catalogueProblems: ProductProblem[];
  overview: CatalogueOverview;
  products: ProductReport[];
}
