/** Product pages and forms: public catalogue pages, the product page view, administration forms, UPL look-up, single-product API. */
export { createProductRoutes } from './routes.js';
export { productDocumentView } from './document-view.js';
export { ProductService, ProductInvalid, type ProductOrganisation, type LoadedProduct } from './service.js';
export { CATALOGUES_PATH, cataloguePath, adminListPath, editPath, productDocPath, UPL_API_PATH } from './paths.js';
export type { ProductFields, FieldProblem } from './model.js';
