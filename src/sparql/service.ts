/**
 * The public, read-only SPARQL endpoint as a use case: parse (refusing updates and bad syntax),
 * bound the result size, negotiate the format, run within the time budget.
 *
 * Where queries run:
 *   embedded store, replicas > 0   worker-thread replicas (src/sparql/replica-pool.ts)
 *   embedded store, replicas = 0   in process, on a copy of the public graphs kept next to the
 *                                  primary store (src/sparql/public-copy.ts): for tiny deployments
 *                                  and tests; same row limit, but a running query cannot be
 *                                  interrupted (the time budget is only checked when it returns)
 *   STORE=sparql                   the remote server's query URL (src/sparql/remote.ts)
 *
 * Private graphs (UriPolicy.isPrivateGraph: the system graphs, i.e. audit, identity, versions,
 * locks, and the unpublished series drafts) are never public. The embedded replicas and the
 * in-process copy do not hold them at all, so no query form (default graph, GRAPH ?g, FROM, FROM
 * NAMED, protocol dataset) can reach them. A remote server must enforce it itself
 * (docs/remote-store.md: Virtuoso graph permissions); the endpoint also refuses extension
 * functions, through which Virtuoso would run SQL past its graph permissions (plan.ts).
 */
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { AppError } from '../shared/errors.js';
import { EmbeddedStore } from '../shared/store/embedded/embedded-store.js';
import type { TripleStore } from '../shared/store/port.js';
import { UriPolicy } from '../shared/uri.js';
import { execute, type ExecJob, type ExecResult } from './execute.js';
import { chooseFormat, GRAPH_FORMATS, isGraphForm, RESULTS_FORMATS } from './formats.js';
import { planQuery } from './plan.js';
import { PublicCopy } from './public-copy.js';
import { RemoteRunner } from './remote.js';
import { ReplicaPool, type ReplicaPoolStats } from './replica-pool.js';

export interface SparqlQueryOptions {
  accept?: string;
  defaultGraphUri?: string[];
  namedGraphUri?: string[];
}

export interface SparqlAnswer {
  contentType: string;
  body: string;
  /** More results existed than the row limit allows; the body holds the first maxRows. */
  truncated: boolean;
}

export interface SparqlEndpointService {
  query(text: string, opts: SparqlQueryOptions): Promise<SparqlAnswer>;
  /** Resolves once the query engine can answer (replicas loaded). */
  ready(): Promise<void>;
  /** Resolves once commit `seq` of the embedded store is visible to queries. */
  waitFor(seq: number, timeoutMs?: number): Promise<void>;
  /** Replica states, for operations and tests (undefined without replicas). */
  stats(): ReplicaPoolStats | undefined;
  close(): Promise<void>;
}

export interface SparqlServiceDeps {
  config: Config;
  store: TripleStore;
  logger: Logger;
  /** Queries that may wait for a free replica (default: 16 per replica). */
  queueLimit?: number;
}

interface Runner {
  run(job: ExecJob): Promise<ExecResult>;
}

export async function createSparqlService(deps: SparqlServiceDeps): Promise<SparqlEndpointService> {
  const { config, store } = deps;
  const { timeoutMs, maxRows, replicas } = config.sparqlEndpoint;
  const log = deps.logger.child({ component: 'sparql-endpoint' });
  const baseIri = `${config.baseUrl}/sparql`;

  let runner: Runner;
  let pool: ReplicaPool | undefined;
  let copy: PublicCopy | undefined;
  if (config.store.kind === 'sparql') {
    runner = new RemoteRunner({ queryUrl: config.store.queryUrl, timeoutMs, logger: log });
  } else {
    if (!(store instanceof EmbeddedStore)) throw new Error('The SPARQL endpoint needs the embedded store (or STORE=sparql)');
    if (replicas > 0) {
      pool = new ReplicaPool({
        store,
        dir: path.dirname(store.journalFile),
        baseUrl: config.baseUrl,
        size: replicas,
        timeoutMs,
        queueLimit: deps.queueLimit ?? 16 * replicas,
        logger: log,
      });
      runner = pool;
    } else {
      const uris = new UriPolicy(config.baseUrl);
      copy = await PublicCopy.open(store, (g) => uris.isPrivateGraph(g));
      runner = inProcess(copy.ox, timeoutMs, log);
    }
  }

  return {
    async query(text, opts) {
      const plan = planQuery(text, {
        maxRows,
        baseIri,
        dataset: { defaultGraphUri: opts.defaultGraphUri ?? [], namedGraphUri: opts.namedGraphUri ?? [] },
      });
      const chosen = chooseFormat(plan.form, opts.accept);
      if (!chosen) {
        const offered = (isGraphForm(plan.form) ? GRAPH_FORMATS : RESULTS_FORMATS).map((f) => f.mediaType);
        throw new AppError('not_acceptable', `A ${plan.form} query can be answered as ${offered.join(', ')}`);
      }
      const t0 = performance.now();
      const format: ExecJob['format'] =
        chosen.kind === 'results' ? { kind: 'results', key: chosen.format.key } : { kind: 'graph', key: chosen.format.key };
      const result = await runner.run({ plan, format });
      log.debug(
        { form: plan.form, format: chosen.format.key, count: result.count, truncated: result.truncated, ms: Math.round(performance.now() - t0) },
        'sparql query answered',
      );
      return { contentType: result.contentType, body: result.body, truncated: result.truncated };
    },
    async ready() {
      await pool?.ready();
    },
    async waitFor(seq, waitMs) {
      await pool?.waitFor(seq, waitMs);
    },
    stats() {
      return pool?.stats();
    },
    async close() {
      copy?.close();
      await pool?.close();
    },
  };
}

/**
 * replicas = 0: the query runs on the main thread, on the public copy. Nothing can interrupt it;
 * the time budget is applied when it returns (the answer is then refused, and a warning logged).
 */
function inProcess(ox: PublicCopy['ox'], timeoutMs: number, log: Logger): Runner {
  return {
    async run(job) {
      const t0 = performance.now();
      const out = execute(ox, job);
      const ms = performance.now() - t0;
      if (ms > timeoutMs) {
        log.warn({ ms: Math.round(ms), timeoutMs }, 'in-process SPARQL query blocked the event loop beyond the time budget');
        throw new AppError('query_timeout', `The query exceeded the time budget of ${timeoutMs} ms`);
      }
      if (!out.ok) throw new AppError(out.error.code, out.error.message);
      return out.result;
    },
  };
}
