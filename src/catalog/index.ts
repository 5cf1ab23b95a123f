/** The product catalogue's public surface: SC import/validation routes, the service and the RDF model. */
export { createCatalogueRoutes } from './routes.js';
export { CatalogueService, overview, type CatalogueServiceOptions, type ImportResult } from './service.js';
export {
  productIri, productGraph, productKey, productQuads,
  type CatalogueOverview, type CatalogueReport, type ProductProblem, type ProductReport,
} from './model.js';
export const CATALOGUE_API_PATH = '/api/catalogus';
