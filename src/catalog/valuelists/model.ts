/**
 * Value lists as SKOS. The RDF model (one named graph per list):
 *
 * - List `{name}`: scheme `{BASE}/id/waardelijst/{name}` (skos:ConceptScheme, stelsel:ValueList,
 *   dct:title, dct:source = the file it was loaded from), stored in graph `{BASE}/graph/waardelijst/{name}`.
 *   Loading a list replaces exactly that graph, in one transaction.
 * - Concepts keep the official IRI: the OWMS URI for gemeenten, provincies, waterschappen,
 *   ministeries, organisations and UPL products (so a renamed entry keeps its IRI). GGD regions and
 *   postcodes have no official IRI and are minted: `{BASE}/id/ggd-regio/{slug}`, `{BASE}/id/postcode/{pc4}`.
 *   Each concept: a skos:Concept, skos:inScheme, skos:prefLabel@nl, skos:notation (CBS gemeentecode,
 *   provinciecode, waterschapscode, ministeriecode, postcode) where there is a code, and
 *   skos:exactMatch to its TOOI IRI (and any further owmsIds).
 * - Validity: schema:validFrom / schema:validThrough (xsd:date, inclusive, as delivered in
 *   startDate/endDate, TOOI begindatum/einddatum), plus owl:deprecated true when validThrough lies
 *   before the load date. Historic entries are never dropped: a merged or renamed gemeente stays with
 *   its end date. Where TOOI records a change (Samenvoeging, Uitbreiding, ...), the successor
 *   dct:replaces its predecessors and each predecessor dct:isReplacedBy its successors.
 * - gemeente -> provincie: tooi:ligtInProvincie (object: the provincie's OWMS URI when the provincie
 *   register is loaded, otherwise its TOOI IRI), in the gemeente list.
 * - gemeente -> waterschap: stelsel:waterschap, gemeente -> GGD region: stelsel:ggdRegio; both in
 *   the `gemeente-relaties` list (from relaties/gemeente-relaties.csv; gemeente -> GGD falls back to
 *   the postcode table's ggdregio column).
 * - postcode -> gemeente: stelsel:gemeente (and stelsel:ggdRegio) in the `postcode` list.
 * - UPL: stelsel:particulier / stelsel:ondernemer (the Burger / Bedrijf columns), stelsel:dienstenwet,
 *   stelsel:bestuurslaag ("Rijk", "Provincie", "Waterschap", "Gemeente") and the other flags as
 *   booleans, stelsel:sdgCode (SDG information area, e.g. "A1"), stelsel:grondslag (the legal basis'
 *   OWMS URI, with rdfs:label and rdfs:seeAlso to wetten.overheid.nl) or stelsel:grondslagLabel.
 */
import type * as RDF from '@rdfjs/types';
import { literal, namedNode, quad } from '../../shared/rdf/factory.js';
import { DCT, OWL, RDFS, RDF_, SCHEMA, SKOS, STELSEL, XSD } from '../../shared/rdf/vocab.js';
import type { UriPolicy } from '../../shared/uri.js';
import type { UplFlag, UplProduct } from './upl.js';

export const LIST_NAMES = [
  'gemeente', 'provincie', 'waterschap', 'ministerie', 'overheidsorganisatie', 'overige-overheidsorganisatie', 'upl',
  'postcode', 'ggd-regio', 'gemeente-relaties',
] as const;
export type ListName = (typeof LIST_NAMES)[number];

export const LIST_TITLES: Record<ListName, string> = {
  gemeente: 'Gemeenten (OWMS overheid:Gemeente, TOOI)',
  provincie: 'Provincies (TOOI)',
  waterschap: 'Waterschappen (TOOI)',
  ministerie: 'Ministeries (TOOI)',
  overheidsorganisatie: 'Overheidsorganisaties (OWMS overheid:Overheidsorganisatie)',
  'overige-overheidsorganisatie': 'Overige overheidsorganisaties (TOOI)',
  upl: 'Uniforme Productnamenlijst',
  postcode: 'Postcodes (PC4) naar gemeente',
  'ggd-regio': 'GGD-regio’s',
  'gemeente-relaties': 'Gemeente naar waterschap en GGD-regio',
};

export function listGraph(uris: UriPolicy, name: ListName): RDF.NamedNode {
  return uris.graph('waardelijst', name);
}
export function listScheme(uris: UriPolicy, name: ListName): RDF.NamedNode {
  return uris.id('waardelijst', name);
}
export function ggdRegioIri(uris: UriPolicy, name: string): RDF.NamedNode {
  const slug = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return uris.id('ggd-regio', slug || 'onbekend');
}
export function postcodeIri(uris: UriPolicy, pc4: string): RDF.NamedNode {
  return uris.id('postcode', pc4);
}

/** A concept as the model needs it; the builders below turn records into these. */
export interface ConceptData {
  iri: string;
  label: string;
  notation?: string;
  validFrom?: string;
  validThrough?: string;
  exactMatch?: string[];
  extra?: [RDF.NamedNode, RDF.Quad_Object][];
  /** Triples about other resources described with the concept (e.g. a UPL legal basis). */
  more?: [RDF.NamedNode, RDF.NamedNode, RDF.Quad_Object][];
}

/** Collects the quads of one list graph (the graph term is set by the store on replacement). */
export class ListBuilder {
  readonly quads: RDF.Quad[] = [];
  readonly scheme: RDF.NamedNode;

  constructor(
    readonly uris: UriPolicy,
    readonly name: ListName,
    private readonly today: string,
    sources: string[],
  ) {
    this.scheme = listScheme(uris, name);
    this.add(this.scheme, RDF_.type, SKOS.ConceptScheme);
    this.add(this.scheme, RDF_.type, STELSEL.ValueList);
    this.add(this.scheme, DCT.title, literal(LIST_TITLES[name], 'nl'));
    for (const s of sources) this.add(this.scheme, DCT.source, literal(s));
  }

  get graph(): RDF.NamedNode {
    return listGraph(this.uris, this.name);
  }

  add(s: RDF.Quad_Subject, p: RDF.NamedNode, o: RDF.Quad_Object): void {
    this.quads.push(quad(s, p, o));
  }

  private readonly seen = new Set<string>();

  get concepts(): number {
    return this.seen.size;
  }

  /** True when a concept with this IRI was already added (callers keep the first and warn). */
  has(iri: string): boolean {
    return this.seen.has(iri);
  }

  concept(c: ConceptData): RDF.NamedNode {
    const s = namedNode(c.iri);
    this.seen.add(c.iri);
    this.add(s, RDF_.type, SKOS.Concept);
    this.add(s, SKOS.inScheme, this.scheme);
    this.add(s, SKOS.prefLabel, literal(c.label, 'nl'));
    if (c.notation) this.add(s, SKOS.notation, literal(c.notation));
    if (c.validFrom) this.add(s, SCHEMA.validFrom, literal(c.validFrom, XSD.date));
    if (c.validThrough) {
      this.add(s, SCHEMA.validThrough, literal(c.validThrough, XSD.date));
      if (c.validThrough < this.today) this.add(s, OWL.deprecated, literal('true', XSD.boolean));
    }
    for (const m of c.exactMatch ?? []) if (m !== c.iri) this.add(s, SKOS.exactMatch, namedNode(m));
    for (const [p, o] of c.extra ?? []) this.add(s, p, o);
    for (const [x, p, o] of c.more ?? []) this.add(x, p, o);
    return s;
  }
}

const bool = (b: boolean) => literal(b ? 'true' : 'false', XSD.boolean);
const FLAG_TERMS: Partial<Record<UplFlag, RDF.NamedNode>> = {
  Burger: STELSEL.particulier, Bedrijf: STELSEL.ondernemer, Dienstenwet: STELSEL.dienstenwet, Autonomie: STELSEL.autonomie, Medebewind: STELSEL.medebewind,
  Aanvraag: STELSEL.aanvraag, Subsidie: STELSEL.subsidie, Melding: STELSEL.melding, Verplichting: STELSEL.verplichting, DigiDMacht: STELSEL.digidMachtiging,
};
const LAYERS: UplFlag[] = ['Rijk', 'Provincie', 'Waterschap', 'Gemeente'];

export function uplConcept(p: UplProduct): ConceptData {
  const extra: [RDF.NamedNode, RDF.Quad_Object][] = [];
  for (const [flag, term] of Object.entries(FLAG_TERMS) as [UplFlag, RDF.NamedNode][]) extra.push([term, bool(p.flags.has(flag))]);
  for (const l of LAYERS) if (p.flags.has(l)) extra.push([STELSEL.bestuurslaag, literal(l)]);
  for (const c of p.sdgCodes) extra.push([STELSEL.sdgCode, literal(c)]);
  const more: [RDF.NamedNode, RDF.NamedNode, RDF.Quad_Object][] = [];
  for (const g of p.grondslagen) {
    if (g.uri) {
      const gi = namedNode(g.uri);
      extra.push([STELSEL.grondslag, gi]);
      more.push([gi, RDFS.label, literal(g.label, 'nl')]);
      if (g.link) more.push([gi, RDFS.seeAlso, namedNode(g.link)]);
    } else extra.push([STELSEL.grondslagLabel, literal(g.label, 'nl')]);
  }
  return { iri: p.uri, label: p.label, extra, more };
}

