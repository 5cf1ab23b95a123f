/** Public surface of the SPARQL endpoint module. */
export { createSparqlService, type SparqlEndpointService, type SparqlAnswer, type SparqlQueryOptions } from './service.js';
export { createSparqlRoutes, TRUNCATED_HEADER } from './routes.js';
