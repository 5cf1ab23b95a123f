/**
 * A product as the web form and the single-product API see it: the editable fields, the problems
 * shown next to them, and the stored product read back from its graph (the fields plus what the
 * form keeps unchanged: subjects, related products, productHTML, languages, spatial).
 */
import type * as RDF from '@rdfjs/types';
import { DCT, OVERHEIDPRODUCT, RDF_, STELSEL } from '../../shared/rdf/vocab.js';

export const AUDIENCES = ['particulier', 'ondernemer'] as const;
export const ONLINE = ['ja', 'digid', 'nee'] as const;
export const EENMALIG = ['ja', 'nee', 'digi-d'] as const;

/** The editable fields, as strings (a form's view of a product). */
export interface ProductFields {
  title: string;
  abstract: string;
  identifier: string;
  productID: string;
  audience: string[];
  onlineAanvragen: string;
  aanvraagURL: string;
  eenmaligAanmelden: string;
  contactpunt: string;
  /** The UPL name (the label; the server resolves it to the concept IRI). */
  upl: string;
}

export const EMPTY_FIELDS: ProductFields = {
  title: '', abstract: '', identifier: '', productID: '', audience: [], onlineAanvragen: 'nee', aanvraagURL: '', eenmaligAanmelden: '', contactpunt: '', upl: '',
};

export type FieldName = keyof ProductFields | 'general';

export interface FieldProblem {
  field: FieldName;
  code: string;
  message: string;
}

/** Which form field a rule's problem code belongs to. */
export function fieldOf(code: string): FieldName {
  if (code.startsWith('identifier')) return 'identifier';
  if (code.startsWith('productid')) return 'productID';
  if (code.startsWith('abstract')) return 'abstract';
  if (code.startsWith('audience')) return 'audience';
  if (code.startsWith('onlineaanvragen')) return 'onlineAanvragen';
  if (code.startsWith('aanvraagurl')) return 'aanvraagURL';
  if (code.startsWith('upl')) return 'upl';
  if (code.startsWith('title')) return 'title';
  return 'general';
}

/** Dutch wording of the rules' problems on the form (the API reports the rules' own messages). */
const DUTCH: Record<string, string> = {
  'identifier-duplicate': 'Een ander product van deze organisatie heeft al deze productpagina-URL.',
  'identifier-not-unique': 'Een product van een andere organisatie heeft al deze productpagina-URL.',
  'productid-duplicate': 'Deze organisatie heeft al een product met deze productID.',
  'productid-missing': 'Vul een productID in.',
  'abstract-missing': 'Vul een samenvatting in.',
  'audience-missing': 'Kies minstens één doelgroep.',
  'audience-value': 'Kies particulier en/of ondernemer.',
  'aanvraagurl-missing': 'Een aanvraag-URL is verplicht als online aanvragen ja of DigiD is.',
  'upl-unknown': 'Deze naam staat niet op de Uniforme Productnamenlijst.',
  'upl-label': 'Deze naam hoort niet bij dit UPL-begrip.',
  'modified-in-future': 'De wijzigingsdatum ligt in de toekomst.',
};

export function dutch(p: { code: string; message: string }): string {
  return DUTCH[p.code] ?? p.message;
}

/** A product as stored, read back from its graph. */
export interface StoredProduct {
  iri: RDF.NamedNode;
  fields: ProductFields;
  uplIris: string[];
  /** Kept as they are when the form saves. */
  keep: {
    languages: string[];
    subject: string[];
    spatial: { iri: string; scheme: string }[];
    gerelateerdProduct: string[];
    /** UPL names beyond the first (the form edits the first one). */
    uplExtra: string[];
    productHTML: string | undefined;
  };
  sourceXml: string;
}

/** Reads a product's fields from the quads of its graph (subject `iri`). */
export function storedProduct(iri: RDF.NamedNode, quads: readonly RDF.Quad[]): StoredProduct | null {
  const own = quads.filter((q) => q.subject.equals(iri));
  if (!isProduct(iri, own)) return null;
  const all = (p: RDF.NamedNode) => own.filter((q) => q.predicate.equals(p)).map((q) => q.object);
  const one = (p: RDF.NamedNode) => all(p)[0]?.value ?? '';
  const iris = (p: RDF.NamedNode) => all(p).flatMap((o) => (o.termType === 'NamedNode' ? [o.value] : []));
  const spatialIris = iris(DCT.spatial);
  const schemes = all(STELSEL.spatialScheme).map((o) => o.value);
  return {
    iri,
    fields: {
      title: one(DCT.title),
      abstract: one(DCT.abstract),
      identifier: one(DCT.identifier),
      productID: one(OVERHEIDPRODUCT.productID),
      audience: all(DCT.audience).map((o) => o.value).sort(),
      onlineAanvragen: one(OVERHEIDPRODUCT.onlineAanvragen),
      aanvraagURL: one(OVERHEIDPRODUCT.aanvraagURL),
      eenmaligAanmelden: one(OVERHEIDPRODUCT.eenmaligAanmelden),
      contactpunt: one(OVERHEIDPRODUCT.contactpunt),
      upl: '',
    },
    uplIris: iris(OVERHEIDPRODUCT.uniformeProductnaam),
    keep: {
      languages: all(DCT.language).map((o) => o.value),
      subject: all(DCT.subject).map((o) => o.value),
      // Each spatial IRI with the scheme stored with it (one scheme each in practice; else the first).
      spatial: spatialIris.map((s, i) => ({ iri: s, scheme: schemes[i] ?? schemes[0] ?? '' })),
      gerelateerdProduct: iris(OVERHEIDPRODUCT.gerelateerdProduct),
      uplExtra: iris(OVERHEIDPRODUCT.uniformeProductnaam).slice(1),
      productHTML: all(OVERHEIDPRODUCT.productHTML)[0]?.value,
    },
    sourceXml: one(STELSEL.sourceXml),
  };
}

/** Whether the description of `iri` is a stored SC product (so the product page applies). */
export function isProduct(iri: RDF.NamedNode, quads: readonly RDF.Quad[]): boolean {
  return quads.some((q) => q.subject.equals(iri) && q.predicate.equals(RDF_.type) && q.object.equals(STELSEL.Product));
}
