/** Public surface of the SC 4.0 XML reader/validator. */
export { parseScCatalogue, type ParseOptions, type ScInput } from './parse.js';
export type { ParseResult, ScProduct, ScReference, XmlProblem, XmlProblemCode } from './model.js';
export { NS as SC_NAMESPACES } from './namespaces.js';
