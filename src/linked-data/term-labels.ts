/**
 * Readable Dutch names for the vocabulary terms a generic resource page shows (predicates and
 * classes). Terms not listed fall back to a label from the store, then to their local name.
 */
import type * as RDF from '@rdfjs/types';
import type { Labels } from '../shared/render/rdfa.js';
import { curie } from '../shared/render/rdfa.js';
import { DCAT, DCT, FOAF, ORG, PROV, RDFS, RDF_, SKOS, VOID } from '../shared/rdf/vocab.js';

const NL = new Map<string, string>(
  (
    [
      [RDF_.type, 'soort'],
      [RDFS.label, 'label'],
      [RDFS.comment, 'toelichting'],
      [RDFS.seeAlso, 'zie ook'],
      [SKOS.prefLabel, 'voorkeursnaam'],
      [SKOS.altLabel, 'alternatieve naam'],
      [SKOS.notation, 'code'],
      [SKOS.definition, 'definitie'],
      [SKOS.inScheme, 'in begrippenlijst'],
      [SKOS.broader, 'ruimer begrip'],
      [SKOS.narrower, 'specifieker begrip'],
      [DCT.title, 'titel'],
      [DCT.description, 'beschrijving'],
      [DCT.abstract, 'samenvatting'],
      [DCT.identifier, 'identificatie'],
      [DCT.created, 'aangemaakt'],
      [DCT.modified, 'gewijzigd'],
      [DCT.issued, 'uitgegeven'],
      [DCT.type, 'type'],
      [DCT.subject, 'onderwerp'],
      [DCT.spatial, 'gebied'],
      [DCT.language, 'taal'],
      [DCT.isVersionOf, 'is versie van'],
      [DCT.hasVersion, 'heeft versie'],
      [DCT.creator, 'maker'],
      [DCT.publisher, 'uitgever'],
      [DCT.license, 'licentie'],
      [DCT.source, 'bron'],
      [DCT.conformsTo, 'volgt standaard'],
      [DCT.format, 'formaat'],
      [DCT.audience, 'doelgroep'],
      [FOAF.name, 'naam'],
      [FOAF.homepage, 'website'],
      [FOAF.page, 'pagina'],
      [ORG.classification, 'classificatie'],
      [ORG.identifier, 'identificatie'],
      [PROV.wasGeneratedBy, 'gemaakt door activiteit'],
      [PROV.wasDerivedFrom, 'afgeleid van'],
      [PROV.generatedAtTime, 'gemaakt op'],
      [DCAT.catalog, 'catalogus'],
      [VOID.sparqlEndpoint, 'SPARQL-endpoint'],
      // classes
      [DCAT.Catalog, 'Catalogus'],
      [DCAT.Dataset, 'Dataset'],
      [VOID.Dataset, 'Dataset'],
      [ORG.Organization, 'Organisatie'],
      [SKOS.Concept, 'Begrip'],
      [SKOS.ConceptScheme, 'Begrippenlijst'],
      [FOAF.Document, 'Document'],
      [PROV.Activity, 'Activiteit'],
    ] as const
  ).map(([t, l]) => [t.value, l]),
);

/**
 * The name to show for a vocabulary term: a Dutch name we know, else its label in the store, else
 * its local name (after the last `#` or `/`), else the IRI. `termNotation` gives the exact term.
 */
export function termLabel(term: RDF.NamedNode, labels?: Labels): string {
  return NL.get(term.value) ?? labels?.get(term.value)?.value ?? localName(term.value) ?? term.value;
}

/** The exact term as people write it: its CURIE, or the full IRI. */
export function termNotation(term: RDF.NamedNode): string {
  return curie(term.value) ?? term.value;
}

function localName(iri: string): string | null {
  const m = /[^/#]+$/.exec(iri);
  if (!m || m.index <= iri.indexOf('://') + 3) return null;
  try {
    return decodeURIComponent(m[0]);
  } catch {
    return m[0];
  }
}

/** Sort key of a predicate on a resource page: labels and descriptions first, then by name. */
export function predicateRank(p: RDF.NamedNode): number {
  const order = [SKOS.prefLabel, DCT.title, RDFS.label, FOAF.name, SKOS.altLabel, DCT.identifier, SKOS.notation, DCT.description, DCT.abstract, RDFS.comment];
  const i = order.findIndex((t) => t.equals(p));
  return i < 0 ? order.length : i;
}
