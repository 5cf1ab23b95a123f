/**
 * Every vocabulary IRI Stelsel uses. No IRI literals elsewhere in src/.
 */
import type * as RDF from '@rdfjs/types';
import { namedNode } from './factory.js';

type Namespace<T extends string> = { [K in T]: RDF.NamedNode } & { (local: string): RDF.NamedNode; readonly iri: string };

export function namespace<T extends string>(iri: string, terms: readonly T[]): Namespace<T> {
  const fn = ((local: string) => namedNode(iri + local)) as unknown as Namespace<T>;
  Object.defineProperty(fn, 'iri', { value: iri });
  for (const t of terms) Object.defineProperty(fn, t, { value: namedNode(iri + t), enumerable: true });
  return fn;
}

export const RDF_ = namespace('http://www.w3.org/1999/02/22-rdf-syntax-ns#', ['type', 'langString', 'first', 'rest', 'nil', 'HTML', 'XMLLiteral'] as const);
export const RDFS = namespace('http://www.w3.org/2000/01/rdf-schema#', ['label', 'comment', 'seeAlso', 'Class', ] as const);
export const XSD = namespace('http://www.w3.org/2001/XMLSchema#', [
  'string', 'boolean', 'integer', 'decimal', 'double', 'date', 'dateTime', 'duration', 'anyURI', 'gYear',
] as const);
export const OWL = namespace('http://www.w3.org/2002/07/owl#', ['Ontology', 'Class', 'ObjectProperty', 'DatatypeProperty', 'sameAs', 'deprecated'] as const);
export const SH = namespace('http://www.w3.org/ns/shacl#', [
  'NodeShape', 'PropertyShape', 'ValidationReport', 'ValidationResult', 'conforms', 'result', 'focusNode', 'resultPath',
  'value', 'resultMessage', 'resultSeverity', 'sourceShape', 'sourceConstraintComponent', 'Violation', 'Warning', 'Info',
] as const);
export const DCT = namespace('http://purl.org/dc/terms/', [
  'title', 'description', 'identifier', 'created', 'modified', 'issued', 'type', 'subject', 'spatial', 'language',
  'isVersionOf', 'hasVersion', 'creator', 'publisher', 'license', 'source', 'conformsTo', 'format', 'abstract', 'audience', 'replaces', 'isReplacedBy'] as const);
export const FOAF = namespace('http://xmlns.com/foaf/0.1/', ['Document', 'page', 'name', 'homepage', 'primaryTopic', 'Person'] as const);
export const SKOS = namespace('http://www.w3.org/2004/02/skos/core#', [
  'Concept', 'ConceptScheme', 'prefLabel', 'altLabel', 'notation', 'inScheme', 'broader', 'narrower', 'definition', 'exactMatch', 'hasTopConcept'] as const);
export const PROV = namespace('http://www.w3.org/ns/prov#', [
  'Activity', 'Agent', 'wasGeneratedBy', 'wasAssociatedWith', 'startedAtTime', 'endedAtTime', 'generatedAtTime', 'used',
  'generated', 'value', 'atLocation', 'wasDerivedFrom', 'invalidated'] as const);
export const ORG = namespace('http://www.w3.org/ns/org#', ['Organization', 'classification', 'identifier'] as const);
/** LBLOD decisions vocabulary (DOMAIN.md section 3; http, not https). */
export const BESLUIT = namespace('http://data.vlaanderen.be/ns/besluit#', ['Bestuurseenheid', 'classificatie'] as const);
/** Namespaces of organisation identifiers that live elsewhere (src/identity/organisations.ts). */
export const OWMS_TERMS = namespace('http://standaarden.overheid.nl/owms/terms/', [] as const);
export const LBLOD_BESTUURSEENHEDEN = namespace('http://data.lblod.info/id/bestuurseenheden/', [] as const);
export const BESTUURSEENHEID_CLASSIFICATIE = namespace('http://data.vlaanderen.be/id/concept/BestuurseenheidClassificatieCode/', [] as const);
export const SD = namespace('http://www.w3.org/ns/sparql-service-description#', [
  'Service', 'endpoint', 'supportedLanguage', 'SPARQL11Query', 'resultFormat', 'feature', 'defaultDataset',
] as const);
export const VOID = namespace('http://rdfs.org/ns/void#', ['Dataset', 'sparqlEndpoint', 'triples', 'rootResource'] as const);
export const DCAT = namespace('http://www.w3.org/ns/dcat#', ['Catalog', 'Dataset', 'Distribution', 'accessURL', 'catalog'] as const);

/** Stelsel's own vocabulary (ontologies/stelsel.ttl). */
export const STELSEL = namespace('https://data.stelsel.nl/ns/stelsel#', [
  'Lock', 'lockOwner', 'lockExpires',
  'AuditEntry', 'action', 'resource', 'affectedGraph', 'versionBefore', 'versionAfter', 'outcome', 'requestId', 'scope',
  'version', 'User', 'subject', 'issuer', 'ApiToken', 'tokenHash', 'grantedRole', 'grantScope', 'revoked', 'Grant', 'grantee',
  'lastLogin',
  // identity: organisation identifier datatypes, demo users
  'OvoCode', 'KboNumber', 'OinNumber', 'DemoUser',
  // value lists: gemeente -> waterschap / GGD region, postcode -> gemeente, UPL columns
  'ValueList', 'waterschap', 'ggdRegio', 'gemeente', 'particulier', 'ondernemer', 'dienstenwet', 'bestuurslaag', 'sdgCode',
  'grondslagLabel', 'grondslag', 'autonomie', 'medebewind', 'aanvraag', 'subsidie', 'melding', 'verplichting', 'digidMachtiging',
  // product catalogue (src/catalog/model.ts)
  'Product', 'sourceXml', 'organisation', 'spatialScheme', 'authorityScheme',
] as const);

/** Samenwerkende Catalogi 4.0: the scmeta and body elements as RDF properties (src/catalog/model.ts). */
export const OVERHEIDPRODUCT = namespace('http://standaarden.overheid.nl/product/terms/', [
  'productID', 'onlineAanvragen', 'aanvraagURL', 'eenmaligAanmelden', 'contactpunt', 'uniformeProductnaam',
  'gerelateerdProduct', 'productHTML',
] as const);
/** OWMS properties (overheid:authority); the same namespace also holds the OWMS value-list IRIs (OWMS below). */
export const OVERHEID = namespace('http://standaarden.overheid.nl/owms/terms/', ['authority'] as const);

/** OWMS terms: the IRIs of gemeenten, organisations and UPL products. */
export const OWMS = namespace('http://standaarden.overheid.nl/owms/terms/', [] as const);
/** TOOI ontology (the register exports in tooi/rwc_*.json). */
export const TOOI = namespace('https://identifier.overheid.nl/tooi/def/ont/', [
  'Gemeente', 'Provincie', 'Waterschap', 'Ministerie', 'HistorischeVersie', 'ligtInProvincie', 'owmsId', 'begindatum',
  'einddatum', 'gemeentecode', 'provinciecode', 'waterschapscode', 'ministeriecode', 'afkorting', 'organisatiecode',
  'officieleNaamExclSoort', 'voorkeursnaamExclSoort', 'Samenvoeging', 'Uitbreiding', 'Herschikking', 'Afsplitsing',
] as const);
export const SCHEMA = namespace('https://schema.org/', ['validFrom', 'validThrough'] as const);

/** Well-known graph IRIs are minted by the URI policy (src/shared/uri.ts), not here. */
export const PREFIXES: Record<string, string> = {
  rdf: RDF_.iri, rdfs: RDFS.iri, xsd: XSD.iri, owl: OWL.iri, sh: SH.iri, dct: DCT.iri, foaf: FOAF.iri, skos: SKOS.iri,
  prov: PROV.iri, org: ORG.iri, sd: SD.iri, void: VOID.iri, dcat: DCAT.iri, stelsel: STELSEL.iri,
  overheidproduct: OVERHEIDPRODUCT.iri, overheid: OVERHEID.iri,
};
