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

const key = (q: RDF.Quad) => `${q.subject.termType}|${q.subject.value}|${q.predicate.value}|${q.object.termType}|${q.object.value}|${'datatype' in q.object ? q.object.datatype?.value : ''}|${'language' in q.object ? q.object.language : ''}`;

export function validatingStore(inner: TripleStore, validator: ShaclValidator, opts: ValidatingStoreOptions): TripleStore {
  async function resultingGraph(graph: RDF.NamedNode, tx: Transaction): Promise<RDF.Quad[]> {
    const replaced = tx.replaceGraphs?.find((r) => r.graph.equals(graph));
    const content = new Map<string, RDF.Quad>();
    const base = replaced
      ? replaced.quads
      : await inner.construct(sparql`CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ${graph} { ?s ?p ?o } }`);
    for (const q of base) content.set(key(q), q);
    for (const q of tx.delete ?? []) if (q.graph.equals(graph)) content.delete(key(q));
    for (const q of tx.insert ?? []) if (q.graph.equals(graph)) content.set(key(q), q);
    return [...content.values()];
  }

  return {
    kind: inner.kind,
    select: (q: Query) => inner.select(q),
    ask: (q: Query) => inner.ask(q),
    construct: (q: Query) => inner.construct(q),
    count: () => inner.count(),
    acquireLock: (n, o, t) => inner.acquireLock(n, o, t),
    releaseLock: (n, o) => inner.releaseLock(n, o),
    close: () => inner.close(),
    async transact(tx: Transaction): Promise<void> {
      const graphs = new Map<string, RDF.NamedNode>();
      const note = (g: RDF.Term) => {
        if (g.termType === 'NamedNode' && !opts.exempt(g)) graphs.set(g.value, g);
      };
      for (const r of tx.replaceGraphs ?? []) note(r.graph);
      for (const q of tx.insert ?? []) note(q.graph);
      for (const q of tx.delete ?? []) note(q.graph);
      if (graphs.size) {
        const quads: RDF.Quad[] = [];
        for (const g of graphs.values()) quads.push(...(await resultingGraph(g, tx)));
        const report = await validator.validate(quads);
        if (!report.conforms) throw new ValidationFailed(report);
      }
      await inner.transact(tx);
    },
  };
}
