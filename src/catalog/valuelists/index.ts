/** Value lists (OWMS, UPL, TOOI, postcodes, gemeente relations) as SKOS; see model.ts for the RDF model. */
export { loadValueLists, parseValueListDir, countValidConcepts, LAYOUT, type LoadDeps, type LoadReport, type LoadedList } from './load.js';
export { fetchValueLists, fetchLimited, OFFICIAL_SOURCES, ValueListFetchError, type ValueListSource, type FetchOptions, type FetchReport } from './fetch.js';
export { parseOwmsCv, type OwmsList, type OwmsValue } from './owms-cv.js';
export { parseUpl, parseUplSdg, applySdg, UPL_NOT_YET_AVAILABLE, type UplProduct } from './upl.js';
export { parseTooi, type TooiOrganisation, type TooiChange, type TooiRegister } from './tooi.js';
export { parsePostcodes, type PostcodeRow } from './postcode.js';
export { parseRelations, type GemeenteRelation } from './relations.js';
export { ValueListError } from './errors.js';
export { listGraph, listScheme, ggdRegioIri, postcodeIri, LIST_NAMES, type ListName } from './model.js';
