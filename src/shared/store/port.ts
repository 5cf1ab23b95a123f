/**
 * The TripleStore port. Two adapters implement it (embedded Oxigraph with our journal, and any
 * SPARQL 1.1 Protocol server); both pass the same contract suite (test/store/contract.ts).
 * Callers never branch on which adapter they have.
 */
import type * as RDF from '@rdfjs/types';
import type { SparqlFragment } from '../rdf/encode.js';

export type StoreKind = 'embedded' | 'sparql';

/** One solution of a SELECT: variable name (without '?') -> bound term. Unbound variables are absent. */
export type Bindings = Record<string, RDF.Term>;

export type Query = string | SparqlFragment;

export interface GraphReplacement {
  graph: RDF.NamedNode;
  /** The new content of the graph. The quads' own graph terms are ignored. */
  quads: readonly RDF.Quad[];
}

/**
 * A write, applied all-or-nothing in this order: graph replacements, deletions, insertions.
 * Blank nodes are skolemised to IRIs under `${BASE_URL}/.well-known/genid/` on the way in, so a
 * stored resource never has a blank-node identity that could change on reload.
 */
export interface Transaction {
  replaceGraphs?: readonly GraphReplacement[];
  delete?: readonly RDF.Quad[];
  insert?: readonly RDF.Quad[];
  /**
   * Optimistic concurrency: ASK queries evaluated immediately before the write, inside the write
   * queue; when an answer differs from its `expect` the write is refused with a PreconditionFailed.
   */
  precondition?: Precondition | readonly Precondition[];
}

export interface Precondition {
  ask: Query;
  expect: boolean;
  message?: string;
}

/** The preconditions of a transaction as a list. */
export function preconditionsOf(tx: Transaction): readonly Precondition[] {
  const p = tx.precondition;
  return p === undefined ? [] : Array.isArray(p) ? (p as readonly Precondition[]) : [p as Precondition];
}

export interface RawQueryResult {
  contentType: string;
  body: string;
}

export interface TripleStore {
  readonly kind: StoreKind;
  select(query: Query): Promise<Bindings[]>;
  ask(query: Query): Promise<boolean>;
  /** CONSTRUCT or DESCRIBE. */
  construct(query: Query): Promise<RDF.Quad[]>;
  transact(tx: Transaction): Promise<void>;
  /** Number of quads in all graphs. */
  count(): Promise<number>;
  /** A number that changes with every committed write, where the store knows it without a query (embedded store). */
  commitSequence?(): number;
  /** The embedded store's commit feed, for in-process copies kept up to date commit by commit (absent on remote stores). */
  commitFeed?(): CommitFeed;
  /**
   * Takes a named lease (for scheduled jobs when several instances share a store). Returns true
   * when `owner` holds the lease until now + ttlMs; false when another owner holds an unexpired one.
   */
  acquireLock(name: string, owner: string, ttlMs: number): Promise<boolean>;
  releaseLock(name: string, owner: string): Promise<void>;
  /** Finish pending writes and release resources. */
  close(): Promise<void>;
}

/**
 * What an in-process copy of part of the embedded store needs: a consistent first read and every
 * commit after it. The journal payloads are those of src/shared/store/embedded/ops.ts.
 */
export interface CommitFeed {
  /** Runs fn when no write is between "applied in memory" and "acknowledged"; its synchronous part sees one committed state. */
  whenIdle<T>(fn: () => Promise<T>): Promise<T>;
  /** Calls the listener with the journal payload of every committed write, in commit order. */
  onCommit(listener: (payload: Buffer, seq: number) => void): () => void;
  /** A SPARQL SELECT on the in-memory store, synchronously, serialised in `format` (e.g. text/tab-separated-values). */
  selectText(query: string, format: string): string;
}

export class PreconditionFailed extends Error {
  readonly code = 'precondition_failed';
}

export class StoreUnavailable extends Error {
  readonly code = 'store_unavailable';
}
