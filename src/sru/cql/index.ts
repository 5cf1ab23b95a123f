/** Public surface of the CQL 1.2 parser. */
export * from './ast.js';
export { MAX_CLAUSES, MAX_DEPTH, parseCql } from './parse.js';
export { printCql } from './print.js';
