/**
 * Read replicas of the embedded store in worker threads, so that no public query runs on the main
 * thread (Oxigraph is synchronous: one pathological query would stall every request).
 *
 * Feed: the pool subscribes to the store's commits when it is created. A new worker is spawned
 * under a snapshot hold (the journal cannot be truncated while it reads), loads snapshot + journal
 * from the data directory, and receives every commit emitted after its spawn, in order; it skips
 * what it already loaded from disk. A gap (a commit neither loaded nor forwarded) makes the worker
 * report itself, and it is replaced.
 *
 * Queries go to an idle, loaded worker, or wait in a bounded queue. A query that exceeds the time
 * budget gets its worker terminated (the only way to stop a synchronous WASM call) and a
 * replacement is spawned, which reloads from disk.
 */
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { AppError } from '../shared/errors.js';
import type { EmbeddedStore } from '../shared/store/embedded/embedded-store.js';
import type { ExecJob, ExecResult } from './execute.js';
import type { FromWorker, ReplicaWorkerData, ToWorker } from './replica-protocol.js';

export interface ReplicaPoolOptions {
  store: EmbeddedStore;
  /** Data directory the store journals into. */
  dir: string;
  /** BASE_URL, from which the replicas know the system graphs they must leave out. */
  baseUrl: string;
  size: number;
  timeoutMs: number;
  /** Queries that may wait for a free replica; more are refused at once. */
  queueLimit: number;
  logger: Logger;
}

interface Running {
  id: number;
  resolve: (r: ExecResult) => void;
  reject: (e: AppError) => void;
  timer: NodeJS.Timeout;
}

interface Replica {
  n: number;
  worker: Worker;
  state: 'loading' | 'idle' | 'busy' | 'dead';
  /** Highest commit seq applied. */
  applied: number;
  /** Highest commit seq emitted before this worker was spawned: it must load at least that far. */
  emittedAtSpawn: number;
  releaseHold: (() => void) | null;
  current: Running | null;
}

interface Waiting {
  job: ExecJob;
  resolve: (r: ExecResult) => void;
  reject: (e: AppError) => void;
  timer: NodeJS.Timeout;
}

export interface ReplicaPoolStats {
  replicas: { n: number; state: Replica['state']; applied: number }[];
  queued: number;
  spawned: number;
  timeouts: number;
}

/** How a replica worker is started, both from TypeScript sources (tsx, vitest) and from dist/. */
export function startReplicaWorker(data: ReplicaWorkerData): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSources ? './replica-worker-boot.mjs' : './replica-worker.js', import.meta.url);
  return new Worker(entry, { workerData: data });
}

export class ReplicaPool {
  private readonly replicas = new Set<Replica>();
  private readonly queue: Waiting[] = [];
  private readonly unsubscribe: () => void;
  private lastEmitted: number;
  private nextId = 1;
  private nextN = 1;
  private closed = false;
  private failuresInARow = 0;
  private spawned = 0;
  private timeouts = 0;
  private readonly waiters = new Set<() => void>();
  private readonly log: Logger;

  constructor(private readonly opts: ReplicaPoolOptions) {
    this.log = opts.logger.child({ component: 'sparql-replicas' });
    this.lastEmitted = opts.store.lastSeq;
    this.unsubscribe = opts.store.onCommit((payload, seq) => this.forward(payload, seq));
    for (let i = 0; i < opts.size; i++) this.spawn();
  }

  /** Runs a job on a replica within the time budget. */
  run(job: ExecJob): Promise<ExecResult> {
    if (this.closed) return Promise.reject(new AppError('store_unavailable', 'The SPARQL endpoint is shutting down'));
    return new Promise<ExecResult>((resolve, reject) => {
      const idle = this.idleReplica();
      if (idle) return this.dispatch(idle, { job, resolve, reject });
      if (this.queue.length >= this.opts.queueLimit) {
        return reject(new AppError('store_unavailable', `The SPARQL endpoint is busy (${this.queue.length} queries waiting); try again shortly`));
      }
      const w: Waiting = {
        job,
        resolve,
        reject,
        timer: setTimeout(() => {
          const i = this.queue.indexOf(w);
          if (i >= 0) this.queue.splice(i, 1);
          reject(new AppError('query_timeout', `No query replica became free within the time budget of ${this.opts.timeoutMs} ms; try again shortly`));
        }, this.opts.timeoutMs),
      };
      this.queue.push(w);
    });
  }

  /** Resolves when every replica has loaded (first start, or after a replacement). */
  async ready(timeoutMs = 60_000): Promise<void> {
    await this.until(() => [...this.replicas].every((r) => r.state === 'idle' || r.state === 'busy') && this.replicas.size > 0, timeoutMs);
  }

  /** Resolves when every loaded replica has applied commit `seq` (and at least one is loaded). */
  async waitFor(seq: number, timeoutMs = 10_000): Promise<void> {
    await this.until(() => {
      const live = [...this.replicas].filter((r) => r.state === 'idle' || r.state === 'busy');
      return live.length > 0 && live.every((r) => r.applied >= seq);
    }, timeoutMs);
  }

  stats(): ReplicaPoolStats {
    return {
      replicas: [...this.replicas].map((r) => ({ n: r.n, state: r.state, applied: r.applied })),
      queued: this.queue.length,
      spawned: this.spawned,
      timeouts: this.timeouts,
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    for (const w of this.queue.splice(0)) {
      clearTimeout(w.timer);
      w.reject(new AppError('store_unavailable', 'The SPARQL endpoint is shutting down'));
    }
    await Promise.all([...this.replicas].map((r) => this.retire(r, 'shutdown')));
    this.notify();
  }

  // ---------------------------------------------------------------- internals

  private until(cond: () => boolean, timeoutMs: number): Promise<void> {
    if (cond() || this.closed) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter = () => {
        if (cond() || this.closed) {
          finish();
          resolve();
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new AppError('store_unavailable', `The SPARQL replicas did not catch up within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  private idleReplica(): Replica | undefined {
    for (const r of this.replicas) if (r.state === 'idle') return r;
    return undefined;
  }

  private forward(payload: Buffer, seq: number): void {
    this.lastEmitted = seq;
    const msg: ToWorker = { type: 'commit', seq, payload };
    for (const r of this.replicas) if (r.state !== 'dead') r.worker.postMessage(msg);
  }

  private spawn(): void {
    if (this.closed) return;
    const releaseHold = this.opts.store.holdSnapshots();
    let worker: Worker;
    try {
      worker = startReplicaWorker({ dir: this.opts.dir, baseUrl: this.opts.baseUrl });
    } catch (e) {
      releaseHold();
      this.log.error({ err: e }, 'could not start a SPARQL replica worker');
      this.respawnLater();
      return;
    }
    this.spawned++;
    const r: Replica = { n: this.nextN++, worker, state: 'loading', applied: -1, emittedAtSpawn: this.lastEmitted, releaseHold, current: null };
    this.replicas.add(r);
    worker.on('message', (m: FromWorker) => this.onMessage(r, m));
    worker.on('error', (err) => {
      this.log.error({ err, replica: r.n }, 'SPARQL replica worker failed');
      void this.replace(r, 'worker error');
    });
    worker.on('exit', (code) => {
      if (r.state !== 'dead') {
        this.log.error({ code, replica: r.n }, 'SPARQL replica worker exited');
        void this.replace(r, 'worker exited');
      }
    });
    // Never keep the process alive for an idle replica.
    worker.unref();
  }

  private onMessage(r: Replica, m: FromWorker): void {
    if (r.state === 'dead') return;
    switch (m.type) {
      case 'ready':
        r.releaseHold?.();
        r.releaseHold = null;
        if (m.applied < r.emittedAtSpawn) {
          this.log.warn({ replica: r.n, loaded: m.loadedSeq, expected: r.emittedAtSpawn }, 'replica loaded an older state than expected; reloading');
          void this.replace(r, 'stale load');
          return;
        }
        this.failuresInARow = 0;
        r.applied = m.applied;
        r.state = 'idle';
        this.log.info({ replica: r.n, seq: m.applied, quads: m.quads, ms: Math.round(m.ms) }, 'SPARQL replica ready');
        this.pump();
        this.notify();
        return;
      case 'applied':
        r.applied = m.seq;
        this.notify();
        return;
      case 'result':
      case 'error': {
        const cur = r.current;
        if (!cur || cur.id !== m.id) return;
        clearTimeout(cur.timer);
        r.current = null;
        r.state = 'idle';
        if (m.type === 'result') cur.resolve(m.result);
        else cur.reject(new AppError(m.error.code, m.error.message));
        this.pump();
        return;
      }
      case 'fatal':
        this.log.error({ replica: r.n, message: m.message }, 'SPARQL replica gave up');
        void this.replace(r, m.message);
        return;
    }
  }

  private dispatch(r: Replica, w: { job: ExecJob; resolve: (x: ExecResult) => void; reject: (e: AppError) => void }): void {
    const id = this.nextId++;
    r.state = 'busy';
    r.current = {
      id,
      resolve: w.resolve,
      reject: w.reject,
      timer: setTimeout(() => {
        this.timeouts++;
        r.current = null;
        w.reject(new AppError('query_timeout', `The query exceeded the time budget of ${this.opts.timeoutMs} ms`));
        this.log.warn({ replica: r.n, timeoutMs: this.opts.timeoutMs }, 'query timed out; replacing its replica');
        void this.replace(r, 'query timeout');
      }, this.opts.timeoutMs),
    };
    const msg: ToWorker = { type: 'query', id, job: w.job };
    r.worker.postMessage(msg);
  }

  private pump(): void {
    let r: Replica | undefined;
    while (this.queue.length && (r = this.idleReplica())) {
      const w = this.queue.shift()!;
      clearTimeout(w.timer);
      this.dispatch(r, w);
    }
  }

  private async retire(r: Replica, reason: string): Promise<void> {
    if (r.state === 'dead') return;
    const wasLoading = r.state === 'loading';
    r.state = 'dead';
    this.replicas.delete(r);
    r.releaseHold?.();
    r.releaseHold = null;
    if (r.current) {
      clearTimeout(r.current.timer);
      r.current.reject(new AppError('store_unavailable', 'The query replica failed while running the query; try again'));
      r.current = null;
    }
    if (wasLoading && reason !== 'shutdown') this.failuresInARow++;
    await r.worker.terminate().catch(() => undefined);
  }

  private async replace(r: Replica, reason: string): Promise<void> {
    if (r.state === 'dead') return;
    const retired = this.retire(r, reason);
    if (this.failuresInARow > 0) this.respawnLater();
    else this.spawn();
    this.notify();
    await retired;
  }

  private respawnLater(): void {
    const delay = Math.min(30_000, 250 * 2 ** Math.min(this.failuresInARow, 7));
    setTimeout(() => this.spawn(), delay).unref();
  }
}
