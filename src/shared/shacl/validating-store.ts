/**
 * SHACL around the write path: a TripleStore wrapper that validates the resulting content of every
 * graph a transaction touches (the aggregate) before the inner store commits anything.
 */
import type * as RDF from '@rdfjs/types';
import { AppError } from '../errors.js';
import { sparql } from '../rdf/encode.js';
import type { Query, Transaction, TripleStore } from '../store/port.js';
import type { ShaclReport, ShaclValidator } from './validator.js';

export class ValidationFailed extends AppError {
  constructor(readonly report: ShaclReport) {
    const n = report.results.filter((r) => r.severity === 'Violation').length;
    super('validation_failed', `The data does not conform to the shapes (${n} violation${n === 1 ? '' : 's'})`, report);
  }
}

export interface ValidatingStoreOptions {
  /** Graphs that are not register resources (audit, locks, indexes) and are not validated. */
  exempt: (graph: RDF.NamedNode) => boolean;
}

interface GraphChanges {
  insert: RDF.Quad[];
  delete: RDF.Quad[];
}

const key = (q: RDF.Quad) => `${q.subject.termType}|${q.subject.value}|${q.predicate.value}|${q.object.termType}|${q.object.value}|${'datatype' in q.object ? q.object.datatype?.value : ''}|${'language' in q.object ? q.object.language : ''}`;

export function validatingStore(inner: TripleStore, validator: ShaclValidator, opts: ValidatingStoreOptions): TripleStore {
  /** The content a graph will have after the transaction (`changes`: the transaction's quads in that graph). */
  async function resultingGraph(graph: RDF.NamedNode, replaced: readonly RDF.Quad[] | undefined, changes: GraphChanges | undefined): Promise<readonly RDF.Quad[]> {
    const base = replaced ?? (await inner.construct(sparql`CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ${graph} { ?s ?p ?o } }`));
    // A replaced graph nothing else touches is exactly its new quads (the validator's store drops duplicates).
    if (!changes) return base;
    const content = new Map<string, RDF.Quad>();
    for (const q of base) content.set(key(q), q);
    for (const q of changes.delete) content.delete(key(q));
    for (const q of changes.insert) content.set(key(q), q);
    return [...content.values()];
  }

  return {
    kind: inner.kind,
    select: (q: Query) => inner.select(q),
    ask: (q: Query) => inner.ask(q),
    construct: (q: Query) => inner.construct(q),
    count: () => inner.count(),
    ...(inner.commitSequence ? { commitSequence: () => inner.commitSequence?.() ?? 0 } : {}),
    ...(inner.commitFeed ? { commitFeed: () => inner.commitFeed!() } : {}),
    acquireLock: (n, o, t) => inner.acquireLock(n, o, t),
    releaseLock: (n, o) => inner.releaseLock(n, o),
    close: () => inner.close(),
    async transact(tx: Transaction): Promise<void> {
      const graphs = new Map<string, RDF.NamedNode>();
      const replaced = new Map<string, readonly RDF.Quad[]>();
      const changes = new Map<string, GraphChanges>();
      const checked = (g: RDF.Term): g is RDF.NamedNode => g.termType === 'NamedNode' && !opts.exempt(g);
      for (const r of tx.replaceGraphs ?? []) {
        if (!checked(r.graph)) continue;
        graphs.set(r.graph.value, r.graph);
        replaced.set(r.graph.value, r.quads); // replacements apply in order: the last one is what is stored
      }
      const noteChange = (q: RDF.Quad, kind: keyof GraphChanges) => {
        if (!checked(q.graph)) return;
        graphs.set(q.graph.value, q.graph);
        let c = changes.get(q.graph.value);
        if (!c) changes.set(q.graph.value, (c = { insert: [], delete: [] }));
        c[kind].push(q);
      };
      for (const q of tx.insert ?? []) noteChange(q, 'insert');
      for (const q of tx.delete ?? []) noteChange(q, 'delete');
      if (graphs.size) {
        const quads: RDF.Quad[] = [];
        for (const g of graphs.values()) {
          for (const q of await resultingGraph(g, replaced.get(g.value), changes.get(g.value))) quads.push(q);
        }
        const report = await validator.validate(quads);
        if (!report.conforms) throw new ValidationFailed(report);
      }
      await inner.transact(tx);
    },
  };
}
