/** Public surface of the SC 4.0 XML reader/validator and writer. */
export { parseScCatalogue, type ParseOptions, type ScInput } from './parse.js';
export type { ParseResult, ScProduct, ScReference, XmlProblem, XmlProblemCode } from './model.js';
export { NS as SC_NAMESPACES } from './namespaces.js';
export { escapeXml, scCatalogueHead, SC_CATALOGUE_TAIL, SC_PREFIXES, writeScCatalogue, writeScProduct } from './write.js';
