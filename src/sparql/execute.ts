/**
 * Runs a query plan on an Oxigraph store and produces the response body in the chosen format, cut
 * to the row limit. Pure and synchronous: used inside the replica workers and, with replicas = 0,
 * in process. Errors come back as plain data (they cross the worker boundary).
 */
import oxigraph from 'oxigraph';
import type { ErrorCode } from '../shared/errors.js';
import { GRAPH_FORMATS, RESULTS_FORMATS, type GraphFormat, type ResultsFormat } from './formats.js';
import type { QueryPlan } from './plan.js';
import { isAsk, writeResults, type SparqlJson } from './results.js';

export type FormatKey = { kind: 'results'; key: ResultsFormat } | { kind: 'graph'; key: GraphFormat };

export interface ExecJob {
  plan: QueryPlan;
  format: FormatKey;
}

export interface ExecResult {
  contentType: string;
  body: string;
  truncated: boolean;
  /** Rows (SELECT), triples (CONSTRUCT/DESCRIBE) or 1 (ASK) in the body. */
  count: number;
}

export interface ExecFailure {
  code: ErrorCode;
  message: string;
  /** The engine may be in a bad state (WASM trap): the replica must be replaced. */
  fatal?: boolean;
}

export type ExecOutcome = { ok: true; result: ExecResult } | { ok: false; error: ExecFailure };

type OxQueryOptions = NonNullable<Parameters<oxigraph.Store['query']>[1]>;

function queryOptions(plan: QueryPlan): OxQueryOptions {
  const opts: OxQueryOptions = { base_iri: plan.baseIri };
  const { defaultGraphUri, namedGraphUri } = plan.dataset;
  if (defaultGraphUri.length || namedGraphUri.length) {
    opts.default_graph = defaultGraphUri.map((g) => oxigraph.namedNode(g));
    opts.named_graphs = namedGraphUri.map((g) => oxigraph.namedNode(g));
  } else if (plan.unionDefaultGraph) {
    opts.use_default_graph_as_union = true;
  }
  return opts;
}

export function execute(store: oxigraph.Store, job: ExecJob): ExecOutcome {
  try {
    return { ok: true, result: job.format.kind === 'results' ? runResults(store, job.plan, job.format.key) : runGraph(store, job.plan, job.format.key) };
  } catch (e) {
    return { ok: false, error: failure(e) };
  }
}

export function failure(e: unknown): ExecFailure {
  // A trap inside Oxigraph's WebAssembly (e.g. out of memory) is a WebAssembly.RuntimeError.
  if ((e instanceof Error && e.name === 'RuntimeError') || e instanceof RangeError) {
    return { code: 'store_unavailable', message: 'The query engine failed (out of memory?); try a smaller query', fatal: true };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return { code: 'bad_request', message: `The query could not be evaluated: ${msg.slice(0, 2000)}` };
}

/**
 * Cuts JSON results to maxRows and serialises them in the requested format. `trusted` JSON (from
 * Oxigraph) is passed through unchanged when nothing was cut; other JSON (a remote server's) is
 * normalised first.
 */
export function finishResults(json: string, plan: QueryPlan, key: ResultsFormat, trusted: boolean): ExecResult {
  const format = RESULTS_FORMATS.find((f) => f.key === key)!;
  const parsed = JSON.parse(json) as SparqlJson;
  if (!trusted) normalise(parsed);
  if (isAsk(parsed)) {
    return { contentType: format.mediaType, body: key === 'json' && trusted ? json : writeResults(parsed, key), truncated: false, count: 1 };
  }
  const rows = parsed.results.bindings;
  const truncated = rows.length > plan.maxRows;
  if (truncated) rows.length = plan.maxRows;
  const body = key === 'json' && trusted && !truncated ? json : writeResults(parsed, key);
  return { contentType: format.mediaType, body, truncated, count: rows.length };
}

/** Checks the shape of foreign JSON results and maps the old `typed-literal` type to `literal`. */
function normalise(r: SparqlJson): void {
  if (isAsk(r)) return;
  if (!r?.head || !Array.isArray(r.head.vars) || !Array.isArray(r.results?.bindings)) throw new Error('Malformed SPARQL JSON results');
  for (const row of r.results.bindings) {
    for (const t of Object.values(row)) {
      if ((t as { type: string }).type === 'typed-literal') (t as { type: string }).type = 'literal';
    }
  }
}

function runResults(store: oxigraph.Store, plan: QueryPlan, key: ResultsFormat): ExecResult {
  const json = store.query(plan.text, { ...queryOptions(plan), results_format: 'json' });
  if (typeof json !== 'string') throw new Error('Expected serialised results');
  return finishResults(json, plan, key, true);
}

/**
 * Keeps the first maxRows distinct triples, `truncated` when more existed. (The caller then runs
 * the plan's probe when there is one and nothing was cut here.)
 */
export function finishGraph(quads: Iterable<oxigraph.Quad>, plan: QueryPlan, key: GraphFormat): ExecResult {
  const format = GRAPH_FORMATS.find((f) => f.key === key)!;
  const kept = new oxigraph.Store();
  let truncated = false;
  for (const q of quads) {
    const t = q.graph.termType === 'DefaultGraph' ? q : oxigraph.quad(q.subject, q.predicate, q.object);
    if (kept.has(t)) continue;
    if (kept.size >= plan.maxRows) {
      truncated = true;
      break;
    }
    kept.add(t);
  }
  // Oxigraph writes a well-formed (empty) document for every format when there is nothing to write.
  const body = kept.dump({ format: format.oxigraph, from_graph_name: oxigraph.defaultGraph() });
  return { contentType: format.mediaType, body, truncated, count: kept.size };
}

function runGraph(store: oxigraph.Store, plan: QueryPlan, key: GraphFormat): ExecResult {
  const opts = queryOptions(plan);
  const res = store.query(plan.text, opts);
  if (!Array.isArray(res)) throw new Error('Expected triples');
  const out = finishGraph(res as oxigraph.Quad[], plan, key);
  if (!out.truncated && plan.probe) out.truncated = (store.query(plan.probe, opts) as unknown[]).length > 0;
  return out;
}
