/** XML namespaces of SRU 1.2 responses (fixed by the schemas; prefixes are ours). */
export const SRU_NS = {
  srw: 'http://www.loc.gov/zing/srw/',
  diagnostic: 'http://www.loc.gov/zing/srw/diagnostic/',
  xcql: 'http://www.loc.gov/zing/cql/xcql/',
  gzd: 'http://standaarden.overheid.nl/sru',
  facets: 'http://docs.oasis-open.org/ns/search-ws/sru-facetedResults',
  zeerex: 'http://explain.z3950.org/dtd/2.0/',
} as const;

/** `recordSchema` values. */
export const RECORD_SCHEMA = {
  gzd: 'http://standaarden.overheid.nl/sru/',
  zeerex: 'http://explain.z3950.org/dtd/2.0/',
} as const;

/** The SRU version this service speaks. */
export const SRU_VERSION = '1.2';
