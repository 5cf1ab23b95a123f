/**
 * Stored SC products to CPSV-AP 3.2 (docs/cpsv-ap.md has the table). Pure: the records come from
 * the repository, the quads go to the writers. Every code-list value is typed skos:Concept (and
 * dct:Location / dct:LinguisticSystem where the official shapes ask for that class), so the
 * official CPSV-AP shapes hold on the exported graph alone.
 */
import type * as RDF from '@rdfjs/types';
import { isValidIri } from '../../shared/rdf/encode.js';
import { literal, namedNode, quad } from '../../shared/rdf/factory.js';
import { CPSV, CV, DCAT, DCT, EU_COUNTRY, EU_LANGUAGE, FOAF, OWMS, RDF_, SKOS } from '../../shared/rdf/vocab.js';
import { euLanguage, primaryLanguage } from './languages.js';

/** One stored product, as read from its graph (src/catalog/model.ts). */
export interface ServiceRecord {
  iri: RDF.NamedNode;
  /** The IRI of the aanvraag channel (minted by the caller under the product). */
  channel: RDF.NamedNode;
  identifier: string;
  title: string;
  abstract: string | undefined;
  languages: string[];
  modified: RDF.Literal | undefined;
  spatial: RDF.NamedNode[];
  subjects: string[];
  onlineAanvragen: string | undefined;
  aanvraagURL: string | undefined;
  upl: RDF.NamedNode[];
}

/** The competent authority: a Stelsel organisation. */
export interface OrganisationRecord {
  iri: RDF.NamedNode;
  labels: RDF.Literal[];
  /** Its area (the OWMS gemeente, provincie or waterschap it is); empty for other organisations. */
  areas: RDF.NamedNode[];
}

/** What the value lists say about the concepts the products refer to. */
export interface ConceptInfo {
  /** skos:prefLabel values by concept IRI. */
  labels: ReadonlyMap<string, readonly RDF.Literal[]>;
  /** SDG information-area codes (e.g. `A1`) by UPL concept IRI. */
  sdg: ReadonlyMap<string, readonly string[]>;
}

/** The Netherlands, the area of organisations that are not a gemeente, provincie or waterschap. */
export const NETHERLANDS = EU_COUNTRY('NLD');

const DEFAULT_LANGUAGE = 'nl';

export class CpsvMapper {
  private readonly out: RDF.Quad[] = [];
  private readonly described = new Set<string>();

  constructor(private readonly concepts: ConceptInfo) {}

  private add(s: RDF.Quad_Subject, p: RDF.NamedNode, o: RDF.Quad_Object): void {
    this.out.push(quad(s, p, o));
  }

  /** Describes a node once per export (types and labels), however many services refer to it. */
  private once(node: RDF.NamedNode, describe: () => void): RDF.NamedNode {
    if (!this.described.has(node.value)) {
      this.described.add(node.value);
      describe();
    }
    return node;
  }

  private concept(node: RDF.NamedNode, extraTypes: RDF.NamedNode[] = [], fallbackLabel?: RDF.Literal): RDF.NamedNode {
    return this.once(node, () => {
      this.add(node, RDF_.type, SKOS.Concept);
      for (const t of extraTypes) this.add(node, RDF_.type, t);
      const labels = this.concepts.labels.get(node.value) ?? (fallbackLabel ? [fallbackLabel] : []);
      for (const l of labels) this.add(node, SKOS.prefLabel, l);
    });
  }

  private location(node: RDF.NamedNode): RDF.NamedNode {
    return this.concept(node, [DCT.Location], node.equals(NETHERLANDS) ? literal('Nederland', 'nl') : undefined);
  }

  organisation(org: OrganisationRecord): RDF.NamedNode {
    return this.once(org.iri, () => {
      this.add(org.iri, RDF_.type, CV.PublicOrganisation);
      for (const l of org.labels) this.add(org.iri, SKOS.prefLabel, l);
      for (const area of org.areas.length > 0 ? org.areas : [NETHERLANDS]) this.add(org.iri, DCT.spatial, this.location(area));
    });
  }

  service(r: ServiceRecord, org: OrganisationRecord): void {
    const s = r.iri;
    // Literals are tagged with the product's language: Dutch when it is one of them (as it almost always is).
    const tags = r.languages.map(primaryLanguage).filter((x) => x !== '').sort();
    const lang = tags.length === 0 || tags.includes(DEFAULT_LANGUAGE) ? DEFAULT_LANGUAGE : (tags[0] as string);
    this.add(s, RDF_.type, CPSV.PublicService);
    this.add(s, DCT.identifier, literal(r.identifier));
    this.add(s, DCT.title, literal(r.title, lang));
    // CPSV-AP requires a description; a product delivered without owmsmantel has no abstract.
    this.add(s, DCT.description, literal(r.abstract ?? r.title, lang));
    this.add(s, CV.hasCompetentAuthority, this.organisation(org));
    if (r.modified) this.add(s, DCT.modified, r.modified);
    for (const k of r.subjects) if (k !== '') this.add(s, DCAT.keyword, literal(k, lang));
    for (const sp of r.spatial) this.add(s, DCT.spatial, this.location(sp));
    for (const tag of r.languages) {
      const eu = euLanguage(tag);
      if (eu) this.add(s, DCT.language, this.concept(EU_LANGUAGE(eu.code), [DCT.LinguisticSystem], literal(eu.label, 'nl')));
    }
    if (isValidIri(r.identifier)) {
      const page = this.once(namedNode(r.identifier), () => this.add(namedNode(r.identifier), RDF_.type, FOAF.Document));
      this.add(s, FOAF.page, page);
    }
    if (r.aanvraagURL !== undefined && isValidIri(r.aanvraagURL)) this.channel(r);
    const sdg = new Set<string>();
    for (const upl of r.upl) {
      this.add(s, CV.isClassifiedBy, this.concept(upl));
      for (const code of this.concepts.sdg.get(upl.value) ?? []) sdg.add(code);
    }
    for (const code of [...sdg].sort()) {
      const area = this.once(OWMS(`sdg_${code}`), () => {
        this.add(OWMS(`sdg_${code}`), RDF_.type, SKOS.Concept);
        this.add(OWMS(`sdg_${code}`), SKOS.notation, literal(code));
      });
      this.add(s, CV.thematicArea, area);
    }
  }

  private channel(r: ServiceRecord): void {
    const c = r.channel;
    const url = namedNode(r.aanvraagURL as string);
    this.add(r.iri, CV.hasChannel, c);
    this.add(c, RDF_.type, CV.Channel);
    this.add(c, DCT.identifier, literal(url.value));
    const how = r.onlineAanvragen === 'digid' ? 'Online aanvragen met DigiD' : 'Online aanvragen';
    this.add(c, DCT.description, literal(how, 'nl'));
    this.add(c, FOAF.page, this.once(url, () => this.add(url, RDF_.type, FOAF.Document)));
  }

  /** The quads produced so far. */
  quads(): RDF.Quad[] {
    return this.out;
  }
}
