/**
 * A read replica of the embedded store, in a worker thread: loads snapshot + journal from the data
 * directory, then applies the commit payloads the main thread forwards (skipping those already on
 * disk), and answers queries. A query runs synchronously here, so the main thread's event loop
 * never waits for it; the main thread terminates this worker when a query exceeds its budget.
 *
 * The replica is public: it never holds Stelsel's private graphs (the system graphs: audit,
 * identity, versions, locks; and the unpublished series drafts). They are left out while loading
 * and cut out of every forwarded commit, by the same predicate the main thread uses
 * (UriPolicy.isPrivateGraph, built from the base URL in the worker data).
 */
import { parentPort, workerData } from 'node:worker_threads';
import oxigraph from 'oxigraph';
import { loadReplica } from '../shared/store/embedded/embedded-store.js';
import { applyOps, decodePayload, opsWithoutGraphs } from '../shared/store/embedded/ops.js';
import { UriPolicy } from '../shared/uri.js';
import { execute } from './execute.js';
import type { FromWorker, ReplicaWorkerData, ToWorker } from './replica-protocol.js';

if (!parentPort) throw new Error('replica-worker must run in a worker thread');
const port = parentPort;
const { dir, baseUrl } = workerData as ReplicaWorkerData;
const uris = new UriPolicy(baseUrl);
const isPrivate = (graph: string) => uris.isPrivateGraph(graph);

const store = new oxigraph.Store();
let seq = -1; // -1 while loading
const early: { seq: number; payload: Uint8Array }[] = [];

const send = (m: FromWorker) => port.postMessage(m);

function fatal(message: string): void {
  send({ type: 'fatal', message });
  // Stop processing anything else; the main thread terminates and replaces this worker.
  port.removeAllListeners('message');
}

/** Applies one forwarded commit; returns false when one is missing (the replica must be rebuilt). */
function apply(c: { seq: number; payload: Uint8Array }): boolean {
  if (c.seq <= seq) return true; // already contained in what was loaded from disk
  if (c.seq !== seq + 1) {
    fatal(`Replica missed commits ${seq + 1}..${c.seq - 1}`);
    return false;
  }
  const p = decodePayload(Buffer.from(c.payload.buffer, c.payload.byteOffset, c.payload.byteLength));
  applyOps(store, opsWithoutGraphs(p.o, isPrivate).map((op) => ({ op })));
  seq = c.seq;
  return true;
}

port.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'commit':
      if (seq < 0) early.push(m);
      else if (apply(m)) send({ type: 'applied', seq });
      return;
    case 'query': {
      const t0 = performance.now();
      const out = execute(store, m.job);
      const ms = performance.now() - t0;
      if (out.ok) send({ type: 'result', id: m.id, result: out.result, ms });
      else {
        send({ type: 'error', id: m.id, error: out.error, ms });
        if (out.error.fatal) fatal(out.error.message);
      }
      return;
    }
  }
});

const t0 = performance.now();
loadReplica(dir, store, isPrivate).then(
  (loaded) => {
    seq = loaded;
    for (const c of early.splice(0)) if (!apply(c)) return;
    send({ type: 'ready', loadedSeq: loaded, applied: seq, ms: performance.now() - t0, quads: store.size });
  },
  (e: unknown) => fatal(`Loading the replica failed: ${e instanceof Error ? e.message : String(e)}`),
);
