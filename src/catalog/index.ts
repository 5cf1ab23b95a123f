/** The product catalogue's public surface: SC import/validation routes, the service and the RDF model. */
export { createCatalogueRoutes } from './routes.js';
export { CatalogueService, overview, type CatalogueServiceOptions, type ImportResult } from './service.js';
export {
  productIri, productGraph, productKey, productQuads,
  type CatalogueOverview, type CatalogueReport, type ProductProblem, type ProductReport,
} from './model.js';
/** The search index written with every product (read by the SRU search). */
export { withSearchIndex, indexQuads, indexGraphOf } from './search-index/index.js';
export const CATALOGUE_API_PATH = '/api/catalogus';
export { createProductRoutes, productDocumentView } from './products/index.js';
export {
  createHarvestRoutes, createHarvestScheduler, fetchCatalogue, HarvestService, HARVEST_API_PATH, HARVEST_ADMIN_PATH,
  type FetchOutcome, type HarvestReport, type HarvestSource,
} from './harvest/index.js';
export { createValidatorRoutes, LINKCHECK_API_PATH, VALIDATOR_PATH } from './validator/index.js';
export { createScPublicationRoutes, scCatalogueOf, SC_XML_ROUTE } from './export/index.js';
export { createCpsvRoutes, CpsvExportService, CPSV_EXPORT_PATH } from './cpsv/index.js';
