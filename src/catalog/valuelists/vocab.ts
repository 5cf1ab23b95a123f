/**
 * Vocabulary terms of the value-list loaders that src/shared/rdf/vocab.ts does not (yet) define.
 * The stelsel-namespace terms below still have to be added to ontologies/stelsel.ttl.
 */
import { namespace, STELSEL } from '../../shared/rdf/vocab.js';

/** OWMS terms: the IRIs of gemeenten, organisations and UPL products. */
export const OWMS = namespace('http://standaarden.overheid.nl/owms/terms/', [] as const);
/** TOOI ontology (the register exports in tooi/rwc_*.json). */
export const TOOI = namespace('https://identifier.overheid.nl/tooi/def/ont/', [
  'Gemeente', 'Provincie', 'Waterschap', 'Ministerie', 'HistorischeVersie', 'ligtInProvincie', 'owmsId', 'begindatum',
  'einddatum', 'gemeentecode', 'provinciecode', 'waterschapscode', 'ministeriecode', 'afkorting', 'organisatiecode',
  'officieleNaamExclSoort', 'voorkeursnaamExclSoort', 'Samenvoeging', 'Uitbreiding', 'Herschikking', 'Afsplitsing',
] as const);
export const SCHEMA = namespace('https://schema.org/', ['validFrom', 'validThrough'] as const);
export const OWL_VL = namespace('http://www.w3.org/2002/07/owl#', ['deprecated'] as const);
export const SKOS_VL = namespace('http://www.w3.org/2004/02/skos/core#', ['exactMatch', 'hasTopConcept'] as const);
export const DCT_VL = namespace('http://purl.org/dc/terms/', ['replaces', 'isReplacedBy'] as const);
export const PROV_VL = namespace('http://www.w3.org/ns/prov#', ['used', 'generated', 'invalidated'] as const);
export const RDFS_VL = namespace('http://www.w3.org/2000/01/rdf-schema#', ['label', 'seeAlso'] as const);

/** Stelsel's own value-list terms (to be declared in ontologies/stelsel.ttl). */
export const VL = namespace(STELSEL.iri, [
  'ValueList',
  /** gemeente -> waterschap (a gemeente can lie in several). */
  'waterschap',
  /** gemeente (or postcode) -> GGD region. */
  'ggdRegio',
  /** postcode -> gemeente. */
  'gemeente',
  /** UPL: audience flags and government layers, as delivered in UPL-actueel.csv. */
  'particulier', 'ondernemer', 'dienstenwet', 'bestuurslaag', 'sdgCode', 'grondslagLabel', 'grondslag',
  'autonomie', 'medebewind', 'aanvraag', 'subsidie', 'melding', 'verplichting', 'digidMachtiging',
] as const);
