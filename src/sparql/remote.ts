/**
 * STORE=sparql: public queries go to the remote server's query URL (a POST, form-encoded
 * as query=...; the query URL is public, so no credentials are sent). The remote answers
 * in SPARQL JSON or N-Triples; the row limit and the requested format are applied here, as for the
 * embedded replicas. Failures never reveal the server's URL.
 */
import oxigraph from 'oxigraph';
import type { Logger } from 'pino';
import { AppError } from '../shared/errors.js';
import { finishGraph, finishResults, type ExecJob, type ExecResult } from './execute.js';
import type { QueryPlan } from './plan.js';

export interface RemoteOptions {
  queryUrl: string;
  timeoutMs: number;
  logger: Logger;
  /** Largest response accepted from the remote server. */
  maxResponseBytes?: number;
}

const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

export class RemoteRunner {
  constructor(private readonly opts: RemoteOptions) {}

  async run(job: ExecJob): Promise<ExecResult> {
    const deadline = Date.now() + this.opts.timeoutMs;
    const { plan, format } = job;
    if (format.kind === 'results') {
      const text = await this.fetch(plan.text, plan, 'application/sparql-results+json', deadline);
      try {
        return finishResults(text, plan, format.key, false);
      } catch {
        throw new AppError('store_unavailable', 'The triple store sent results that could not be read');
      }
    }
    const text = await this.fetch(plan.text, plan, 'application/n-triples', deadline);
    let out: ExecResult;
    try {
      out = finishGraph(oxigraph.parse(text, { format: 'application/n-triples' }), plan, format.key);
    } catch {
      throw new AppError('store_unavailable', 'The triple store sent triples that could not be read');
    }
    if (!out.truncated && plan.probe) {
      const probe = await this.fetch(plan.probe, plan, 'application/sparql-results+json', deadline);
      const rows = (JSON.parse(probe) as { results?: { bindings?: unknown[] } }).results?.bindings ?? [];
      out.truncated = rows.length > 0;
    }
    return out;
  }

  private async fetch(query: string, plan: QueryPlan, accept: string, deadline: number): Promise<string> {
    const url = new URL(this.opts.queryUrl);
    for (const g of plan.dataset.defaultGraphUri) url.searchParams.append('default-graph-uri', g);
    for (const g of plan.dataset.namedGraphUri) url.searchParams.append('named-graph-uri', g);
    const signal = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
    try {
      const res = await fetch(url, {
        method: 'POST',
        // Form-encoded: every SPARQL 1.1 server accepts it, and Virtuoso 7 hangs on a raw
        // application/sparql-query body.
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept },
        body: new URLSearchParams({ query }).toString(),
        signal,
        redirect: 'error',
      });
      if (res.status === 400) {
        const detail = (await readCapped(res, 4096)).replace(/\s+/g, ' ').trim().slice(0, 500);
        throw new AppError('bad_request', `The triple store refused the query${detail ? `: ${detail}` : ''}`);
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        this.opts.logger.warn({ status: res.status }, 'remote SPARQL query failed');
        throw new AppError('store_unavailable', `The triple store answered with status ${res.status}; try again later`);
      }
      return await readCapped(res, this.opts.maxResponseBytes ?? DEFAULT_MAX_BYTES);
    } catch (e) {
      if (e instanceof AppError) throw e;
      if (signal.aborted) throw new AppError('query_timeout', `The query exceeded the time budget of ${this.opts.timeoutMs} ms`);
      // Log the cause (it may name the host), answer without it.
      this.opts.logger.warn({ err: e }, 'remote SPARQL store unreachable');
      throw new AppError('store_unavailable', 'The triple store could not be reached; try again later');
    }
  }
}

/** Reads a response body as UTF-8, refusing more than `max` bytes. */
async function readCapped(res: Response, max: number): Promise<string> {
  if (!res.body) return '';
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    if (bytes > max) throw new AppError('store_unavailable', 'The triple store sent a larger answer than this endpoint passes on');
    parts.push(decoder.decode(chunk, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}
