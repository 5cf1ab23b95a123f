/** CPSV-AP 3.2 export of the product catalogue (Turtle and framed JSON-LD). */
export { createCpsvRoutes, CPSV_EXPORT_PATH } from './routes.js';
export { CpsvExportService, CPSV_PREFIXES, type CpsvFormat } from './service.js';
export { CONTEXT_PATH as CPSV_CONTEXT_PATH, cpsvContext, cpsvDocumentLoader, frameServices } from './jsonld.js';
export { CpsvMapper, NETHERLANDS, type ConceptInfo, type OrganisationRecord, type ServiceRecord } from './mapping.js';
