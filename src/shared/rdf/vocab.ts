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
  'string', 'boolean', 'integer', 'decimal', 'double', 'date', 'dateTime', 'duration', 'yearMonthDuration', 'dayTimeDuration', 'anyURI', 'gYear',
] as const);
export const OWL = namespace('http://www.w3.org/2002/07/owl#', ['Ontology', 'Class', 'ObjectProperty', 'DatatypeProperty', 'sameAs', 'deprecated'] as const);
export const SH = namespace('http://www.w3.org/ns/shacl#', [
  'NodeShape', 'PropertyShape', 'ValidationReport', 'ValidationResult', 'conforms', 'result', 'focusNode', 'resultPath',
  'value', 'resultMessage', 'resultSeverity', 'sourceShape', 'sourceConstraintComponent', 'Violation', 'Warning', 'Info',
] as const);
export const DCT = namespace('http://purl.org/dc/terms/', [
  'title', 'description', 'identifier', 'created', 'modified', 'issued', 'type', 'subject', 'spatial', 'language',
  'isVersionOf', 'hasVersion', 'creator', 'publisher', 'license', 'source', 'conformsTo', 'format', 'abstract', 'audience', 'replaces', 'isReplacedBy', 'Location', 'LinguisticSystem'] as const);
export const FOAF = namespace('http://xmlns.com/foaf/0.1/', ['Document', 'page', 'name', 'homepage', 'primaryTopic', 'Person'] as const);
export const SKOS = namespace('http://www.w3.org/2004/02/skos/core#', [
  'Concept', 'ConceptScheme', 'prefLabel', 'altLabel', 'notation', 'inScheme', 'broader', 'narrower', 'definition', 'exactMatch', 'hasTopConcept'] as const);
export const PROV = namespace('http://www.w3.org/ns/prov#', [
  'Activity', 'Agent', 'wasGeneratedBy', 'wasAssociatedWith', 'startedAtTime', 'endedAtTime', 'generatedAtTime', 'used',
  'generated', 'value', 'atLocation', 'wasDerivedFrom', 'invalidated', 'wasAttributedTo'] as const);
export const ORG = namespace('http://www.w3.org/ns/org#', ['Organization', 'classification', 'identifier', 'hasMember'] as const);
/** LBLOD decisions vocabulary (DOMAIN.md section 3; http, not https). */
export const BESLUIT = namespace('http://data.vlaanderen.be/ns/besluit#', [
  'Bestuurseenheid', 'classificatie', 'werkingsgebied', 'Bestuursorgaan', 'bestuurt', 'Zitting', 'isGehoudenDoor', 'geplandeStart',
  'behandelt', 'heeftAgenda', 'heeftBesluitenlijst', 'heeftNotulen', 'heeftUittreksel', 'heeftVoorzitter', 'heeftSecretaris',
  'heeftAanwezigeBijStart', 'heeftAanwezige', 'Agendapunt', 'geplandOpenbaar', 'aangebrachtNa', 'Agendapunt.type',
  'BehandelingVanAgendapunt', 'gebeurtNa', 'openbaar', 'heeftStemming', 'Besluit', 'motivering', 'Artikel', 'Stemming',
  'onderwerp', 'gevolg', 'aantalVoorstanders', 'aantalTegenstanders', 'aantalOnthouders', 'geheim', 'heeftVoorstander',
  'heeftTegenstander', 'heeftOnthouder', 'heeftStemmer',
] as const);
/** LBLOD mandates, European Legislation Identifier, the harvester's link predicate, persons. */
export const MANDAAT = namespace('http://data.vlaanderen.be/ns/mandaat#', ['isTijdspecialisatieVan', 'Mandataris', 'isBestuurlijkeAliasVan', 'bindingStart', 'bindingEinde'] as const);
export const ELI = namespace('http://data.europa.eu/eli/ontology#', [
  'title', 'description', 'title_short', 'language', 'has_part', 'is_part_of', 'passed_by', 'date_publication', 'realizes', 'number', 'related_to', 'consolidates',
] as const);
export const LBLOD_BESLUIT = namespace('http://lblod.data.gift/vocabularies/besluit/', ['linkToPublication'] as const);
/** Linked Data Event Streams and TREE: the change feed of published decision documents (src/decisions/ldes.ts). */
export const LDES = namespace('https://w3id.org/ldes#', ['EventStream', 'timestampPath', 'versionOfPath'] as const);
export const TREE = namespace('https://w3id.org/tree#', ['Node', 'view', 'member', 'relation', 'node', 'path', 'value', 'GreaterThanOrEqualToRelation'] as const);
/** The XML namespace of sitemaps.org 0.9 (the decisions' sitemap; not RDF). */
export const SITEMAPS = namespace('http://www.sitemaps.org/schemas/sitemap/0.9', [] as const);
/** Files (attachments of decisions, as LBLOD's file service describes them) and the signing vocabulary of Gelinkt Notuleren. */
export const NFO = namespace('http://www.semanticdesktop.org/ontologies/2007/03/22/nfo#', ['FileDataObject', 'fileName', 'fileSize'] as const);
export const SIGN = namespace('http://mu.semte.ch/vocabularies/ext/signing/', ['SignedResource', 'hashValue', 'hashAlgorithm', 'signatory'] as const);
export const PERSON = namespace('http://www.w3.org/ns/person#', ['Person'] as const);
/** Namespaces of organisation identifiers that live elsewhere (src/identity/organisations.ts). */
export const OWMS_TERMS = namespace('http://standaarden.overheid.nl/owms/terms/', [] as const);
export const LBLOD_BESTUURSEENHEDEN = namespace('http://data.lblod.info/id/bestuurseenheden/', [] as const);
export const BESTUURSEENHEID_CLASSIFICATIE = namespace('http://data.vlaanderen.be/id/concept/BestuurseenheidClassificatieCode/', [] as const);
export const SD = namespace('http://www.w3.org/ns/sparql-service-description#', [
  'Service', 'endpoint', 'supportedLanguage', 'SPARQL11Query', 'resultFormat', 'feature', 'defaultDataset',
] as const);
export const VOID = namespace('http://rdfs.org/ns/void#', ['Dataset', 'sparqlEndpoint', 'triples', 'rootResource'] as const);
export const DCAT = namespace('http://www.w3.org/ns/dcat#', ['Catalog', 'Dataset', 'Distribution', 'accessURL', 'catalog', 'keyword'] as const);

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
  // search index (src/catalog/search-index): one graph per product, written with the product
  'zoekterm', 'zoektekst', 'zoekwaarde', 'zoeklabel', 'zoekdatum', 'zoekwoord',
  // catalogue harvester (src/catalog/harvest/model.ts)
  'HarvestSource', 'catalogueUrl', 'HarvestReport', 'harvestOf', 'harvestOutcome', 'trigger', 'durationMs', 'finalUrl',
  'httpStatus', 'contentType', 'bytes', 'productsDelivered', 'productsImported', 'productsRemoved', 'problemCount',
  'problem', 'HarvestProblem', 'position', 'problemCode', 'line', 'column', 'problemProduct',
  // decisions register: attachments (src/decisions/attachment*.ts) and agenda types
  'sha256', 'downloadUrl', 'agendaType',
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

/** CPSV-AP 3.2 (DOMAIN.md section 5): the Core Public Service Vocabulary and the Core Vocabularies. */
export const CPSV = namespace('http://purl.org/vocab/cpsv#', ['PublicService'] as const);
export const CV = namespace('http://data.europa.eu/m8g/', [
  'PublicOrganisation', 'Channel', 'hasCompetentAuthority', 'hasChannel', 'thematicArea', 'isClassifiedBy',
] as const);
/** EU Publications Office authority tables (languages, countries). */
export const EU_LANGUAGE = namespace('http://publications.europa.eu/resource/authority/language/', [] as const);
export const EU_COUNTRY = namespace('http://publications.europa.eu/resource/authority/country/', [] as const);

/** Records in Contexts ontology 1.1 and its record-set types (series register, DOMAIN.md section 4). */
export const RICO = namespace('https://www.ica.org/standards/RiC/ontology#', [
  'RecordSet', 'Rule', 'hasRecordSetType', 'isOrWasRegulatedBy', 'title', 'scopeAndContent', 'hasOrHadCreator', 'ruleType',
] as const);
export const RICO_RST = namespace('https://www.ica.org/standards/RiC/vocabularies/recordSetTypes#', ['Series'] as const);
/** OSLO Dossier (Flemish application profile). */
export const DOSSIER = namespace('https://data.vlaanderen.be/ns/dossier#', ['Serie'] as const);
/** The series register's own terms (ontologies/serieregister.ttl; src/series/model.ts). */
export const SERIE = namespace('https://data.stelsel.nl/ns/serieregister#', [
  'Serieversie', 'Bewaarregel', 'Opmerking', 'Commissie', 'Organisatietype',
  'soort', 'organisatie', 'organisatietype', 'versienummer', 'status', 'reden', 'proces',
  'administratieveBewaartermijn', 'wettelijkeBewaartermijn', 'termijnspecificatie', 'verduidelijking', 'motivering',
  'bestemming', 'bestemmingMotivering', 'openbaarheid', 'goedgekeurd', 'werkversie', 'gepubliceerdeVersie',
  'sjabloon', 'opmerking', 'actie', 'tekst', 'bevoegdVoor', 'classificatie',
] as const);
/** Fixed concept IRIs of Stelsel's own code lists (data/series/codelijsten.ttl, ontologies/roles.ttl). */
export const STELSEL_CONCEPT = namespace('https://data.stelsel.nl/id/concept/', [] as const);

/** Virtuoso's built-in group of private graphs (docs/remote-store.md, "Keeping system graphs private"). */
export const VIRTRDF = namespace('http://www.openlinksw.com/schemas/virtrdf#', ['PrivateGraphs'] as const);
/** Virtuoso SQL procedures called from SPARQL: `<sql:NAME>(...)` calls DB.DBA.NAME. */
export const VIRTUOSO_SQL = namespace('sql:', ['RDF_GRAPH_GROUP_INS', 'RDF_GRAPH_GROUP_CREATE'] as const);

/** Well-known graph IRIs are minted by the URI policy (src/shared/uri.ts), not here. */
export const PREFIXES: Record<string, string> = {
  rdf: RDF_.iri, rdfs: RDFS.iri, xsd: XSD.iri, owl: OWL.iri, sh: SH.iri, dct: DCT.iri, foaf: FOAF.iri, skos: SKOS.iri,
  prov: PROV.iri, org: ORG.iri, sd: SD.iri, void: VOID.iri, dcat: DCAT.iri, stelsel: STELSEL.iri,
  overheidproduct: OVERHEIDPRODUCT.iri, overheid: OVERHEID.iri,
  rico: RICO.iri, dossier: DOSSIER.iri, serie: SERIE.iri,
  besluit: BESLUIT.iri, mandaat: MANDAAT.iri, eli: ELI.iri, lblodBesluit: LBLOD_BESLUIT.iri, person: PERSON.iri,
  ldes: LDES.iri, tree: TREE.iri,
  nfo: NFO.iri, sign: SIGN.iri,
};
