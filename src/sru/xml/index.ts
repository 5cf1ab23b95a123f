/** Public surface of the SRU 1.2 XML writer. */
export { el, fragments, trustedXml, TrustedXml, xmlDocument, type XmlAttributes, type XmlChild } from './builder.js';
export { diagnostic, DIAGNOSTICS, diagnosticUri, type Diagnostic, type DiagnosticCode } from './diagnostics.js';
export { explainRecord, type ExplainContextSet, type ExplainIndex, type ExplainInput } from './explain.js';
export { facetedResults, type Facet, type FacetTerm } from './facets.js';
export { gzdRecord, type GzdEnrichedData, type GzdRecordInput } from './gzd.js';
export { RECORD_SCHEMA, SRU_NS, SRU_VERSION } from './namespaces.js';
export {
  diagnosticsResponse, explainResponse, searchRetrieveResponse, type EchoedRequest, type SearchRecord, type SearchRetrieveInput,
} from './response.js';
export { xcqlOperand } from './xcql.js';
