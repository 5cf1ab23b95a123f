/** Messages between the main thread and a replica worker (src/sparql/replica-worker.ts). */
import type { ExecFailure, ExecJob, ExecResult } from './execute.js';

export interface ReplicaWorkerData {
  /** Data directory of the embedded store (snapshot.nq + journal.log). */
  dir: string;
  /** BASE_URL: the worker leaves out the system graphs under it (UriPolicy.isSystemGraph). */
  baseUrl: string;
}

export type ToWorker =
  /** A commit payload exactly as the primary journaled it. */
  | { type: 'commit'; seq: number; payload: Uint8Array }
  | { type: 'query'; id: number; job: ExecJob };

export type FromWorker =
  /** Snapshot + journal are loaded (up to `seq`) and buffered commits applied (up to `applied`). */
  | { type: 'ready'; loadedSeq: number; applied: number; ms: number; quads: number }
  | { type: 'applied'; seq: number }
  | { type: 'result'; id: number; result: ExecResult; ms: number }
  | { type: 'error'; id: number; error: ExecFailure; ms: number }
  /** The replica cannot go on (load failed, a commit is missing, engine trapped): replace it. */
  | { type: 'fatal'; message: string };
