/**
 * From query text to an execution plan: parse with sparqljs (syntax errors and updates are refused
 * here, before any store sees the text), bound the result size by rewriting the LIMIT of the parsed
 * query, and regenerate the text from the AST.
 *
 * Row limit (maxRows = N):
 *   SELECT             LIMIT min(user limit, N + 1); N + 1 rows back means "truncated", the extra
 *                      row is dropped.
 *   CONSTRUCT/DESCRIBE the WHERE clause gets LIMIT min(user limit, N + 1); more than N distinct
 *                      triples means "truncated" (the first N are kept). When the limit may have cut
 *                      solutions but fewer than N + 1 triples came back, a probe (a SELECT over the
 *                      same pattern, OFFSET past our limit, LIMIT 1) tells whether any were cut.
 *   ASK                unchanged.
 * A query whose own LIMIT is at most N is passed on as written.
 */
import sparqljs from 'sparqljs';
import type * as RDF from '@rdfjs/types';
import { AppError } from '../shared/errors.js';
import { isValidIri } from '../shared/rdf/encode.js';
import { namedNode, literal, variable } from '../shared/rdf/factory.js';
import { XSD } from '../shared/rdf/vocab.js';
import type { QueryForm } from './formats.js';

export interface Dataset {
  defaultGraphUri: string[];
  namedGraphUri: string[];
}

/** Everything an executor needs; plain data so it can be posted to a worker thread. */
export interface QueryPlan {
  form: QueryForm;
  /** The text to run (rewritten when a limit was imposed). */
  text: string;
  /** Base IRI the text was parsed against. */
  baseIri: string;
  maxRows: number;
  /** SELECT over the same pattern answering "were solutions cut by our LIMIT?" (graph forms only). */
  probe?: string;
  /** Protocol dataset (default-graph-uri / named-graph-uri); empty lists when not given. */
  dataset: Dataset;
  /** Evaluate the default graph as the union of all graphs (no FROM and no protocol dataset). */
  unionDefaultGraph: boolean;
}

interface Limited {
  limit?: number;
  offset?: number;
  group?: unknown;
  having?: unknown;
  order?: unknown;
}

export function planQuery(text: string, opts: { maxRows: number; baseIri: string; dataset?: Partial<Dataset> }): QueryPlan {
  const parsed = parse(text, opts.baseIri);
  if (parsed.type === 'update') throw readOnly();
  if (containsService(parsed)) {
    throw new AppError('bad_request', 'Federated queries (SERVICE) are not supported by this endpoint');
  }
  refuseExtensions(parsed);
  const dataset: Dataset = {
    defaultGraphUri: checkIris(opts.dataset?.defaultGraphUri ?? [], 'default-graph-uri'),
    namedGraphUri: checkIris(opts.dataset?.namedGraphUri ?? [], 'named-graph-uri'),
  };
  const hasFrom = !!parsed.from && (parsed.from.default.length > 0 || parsed.from.named.length > 0);
  const hasProtocolDataset = dataset.defaultGraphUri.length > 0 || dataset.namedGraphUri.length > 0;
  const plan: QueryPlan = {
    form: parsed.queryType,
    text,
    baseIri: opts.baseIri,
    maxRows: opts.maxRows,
    dataset,
    unionDefaultGraph: !hasFrom && !hasProtocolDataset,
  };
  if (parsed.queryType === 'ASK') return plan;
  if (parsed.queryType === 'DESCRIBE' && !parsed.where) return plan; // DESCRIBE <iri>: no solutions to bound

  const q = parsed as sparqljs.Query & Limited;
  const cap = opts.maxRows + 1;
  if (q.limit !== undefined && q.limit <= opts.maxRows) return plan;
  const generator = new sparqljs.Generator();
  const userLimit = q.limit;
  q.limit = Math.min(userLimit ?? Infinity, cap);
  plan.text = generator.stringify(q);
  if (parsed.queryType !== 'SELECT' && (userLimit === undefined || userLimit > cap)) {
    plan.probe = generator.stringify(probeFor(q, text));
  }
  return plan;
}

function parse(text: string, baseIri: string): sparqljs.SparqlQuery {
  try {
    return new sparqljs.Parser({ baseIRI: baseIri }).parse(text);
  } catch (e) {
    const err = e as Error & { hash?: { loc?: { first_line?: number; first_column?: number } } };
    const loc = err.hash?.loc;
    throw new AppError(
      'bad_request',
      `The query is not valid SPARQL 1.1: ${err.message}`,
      loc ? { line: loc.first_line, column: loc.first_column } : undefined,
    );
  }
}

export function readOnly(): AppError {
  return new AppError('forbidden', 'This endpoint is read-only; SPARQL updates (INSERT, DELETE, LOAD, CLEAR, ...) are refused');
}

/** True when a SERVICE pattern occurs anywhere (nested groups, subqueries, EXISTS filters). */
function containsService(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(containsService);
  if (node === null || typeof node !== 'object') return false;
  if ((node as { type?: unknown }).type === 'service') return true;
  return Object.values(node).some(containsService);
}

/** Namespaces of the functions SPARQL 1.1 itself names: XSD casts and XPath functions. */
const STANDARD_FUNCTIONS = [XSD.iri, 'http://www.w3.org/2005/xpath-functions#'];
/** IRI schemes Virtuoso treats as calls into its SQL engine (built-in and stored procedures). */
const ENGINE_SCHEMES = /^(bif|sql):/i;

/**
 * Refuses extension functions (a function call whose IRI is not an XSD cast or an XPath function)
 * and every IRI in Virtuoso's `bif:` / `sql:` schemes. Virtuoso runs an unknown function IRI as a
 * SQL procedure, and `bif:exec` runs any SQL statement as the endpoint's SQL user, which can read
 * the quad table directly, past the graph permissions that keep system graphs private
 * (docs/remote-store.md). Oxigraph has no extension functions, so nothing useful is lost.
 */
function refuseExtensions(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) refuseExtensions(n);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const o = node as { termType?: unknown; value?: unknown; type?: unknown; function?: unknown };
  if (o.termType === 'NamedNode' && typeof o.value === 'string' && ENGINE_SCHEMES.test(o.value)) {
    throw new AppError('bad_request', `IRIs in the ${o.value.split(':')[0]}: scheme are not allowed in queries to this endpoint`);
  }
  if (o.type === 'functionCall') {
    const fn = o.function as { termType?: unknown; value?: unknown } | undefined;
    const iri = fn && typeof fn.value === 'string' ? fn.value : '';
    if (!STANDARD_FUNCTIONS.some((ns) => iri.startsWith(ns))) {
      throw new AppError('bad_request', `Extension functions are not supported by this endpoint: <${iri.slice(0, 200)}>`);
    }
  }
  for (const v of Object.values(node)) refuseExtensions(v);
}

function checkIris(iris: string[], param: string): string[] {
  for (const iri of iris) {
    if (!isValidIri(iri)) throw new AppError('bad_request', `${param} must be an absolute IRI, got ${JSON.stringify(iri.slice(0, 200))}`);
  }
  return iris;
}

/**
 * `SELECT (1 AS ?v) WHERE { same } [same GROUP BY / HAVING] OFFSET offset + cap LIMIT 1`: non-empty
 * exactly when our LIMIT on a CONSTRUCT/DESCRIBE cut solutions that the user's LIMIT would not have.
 */
function probeFor(q: sparqljs.Query & Limited, text: string): sparqljs.SelectQuery {
  const cap = q.limit!;
  let name = 'stelselProbe';
  while (text.includes(name)) name += '_';
  const one: RDF.Literal = literal('1', XSD.integer);
  const probe: sparqljs.SelectQuery = {
    type: 'query',
    queryType: 'SELECT',
    prefixes: q.prefixes,
    ...(q.base ? { base: q.base } : {}),
    ...(q.from ? { from: q.from } : {}),
    variables: [{ expression: one, variable: variable(name) } as sparqljs.VariableExpression],
    where: q.where ?? [],
    ...(q.values ? { values: q.values } : {}),
    ...(q.group ? { group: q.group as sparqljs.Grouping[] } : {}),
    ...(q.having ? { having: q.having as sparqljs.Expression[] } : {}),
    offset: (q.offset ?? 0) + cap,
    limit: 1,
  };
  return probe;
}

/** IRIs of the protocol dataset as RDF/JS terms. */
export function datasetTerms(d: Dataset): { defaultGraph: RDF.NamedNode[]; namedGraphs: RDF.NamedNode[] } {
  return { defaultGraph: d.defaultGraphUri.map(namedNode), namedGraphs: d.namedGraphUri.map(namedNode) };
}
