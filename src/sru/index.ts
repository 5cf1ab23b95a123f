/** The SRU 1.2 search service over the product catalogue. */
export { createSruRoutes } from './routes.js';
export { SruSearchService, MAX_RECORDS, type SearchParams, type SearchResult, type SruRecord } from './service.js';
export { SruDiagnostic, DIAG } from './diagnostic.js';
export const SRU_PATH = '/sru';
