import { randomUUID } from 'node:crypto';
import type * as RDF from '@rdfjs/types';
import { namedNode, quad } from '../rdf/factory.js';
import type { Transaction } from './port.js';

/**
 * Replaces blank nodes by fresh IRIs under `genidBase` (one IRI per distinct label within one
 * transaction). Deleting a blank node is refused: a stored resource never has a blank identity.
 */
export function skolemizeTransaction(tx: Transaction, genidBase: string): Transaction {
  const map = new Map<string, RDF.NamedNode>();
  const sk = <T extends RDF.Term>(t: T): T | RDF.NamedNode => {
    if (t.termType !== 'BlankNode') return t;
    let iri = map.get(t.value);
    if (!iri) {
      iri = namedNode(genidBase + randomUUID());
      map.set(t.value, iri);
    }
    return iri;
  };
  const skq = (q: RDF.Quad, graph?: RDF.Quad_Graph): RDF.Quad =>
    quad(sk(q.subject) as RDF.Quad_Subject, q.predicate, sk(q.object) as RDF.Quad_Object, graph ?? (sk(q.graph) as RDF.Quad_Graph));
  for (const q of tx.delete ?? []) {
    if (q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode' || q.graph.termType === 'BlankNode') {
      throw new BlankNodeDeletion('Deleting a quad with a blank node is not possible: stored blank nodes are skolemised to IRIs');
    }
  }
  return {
    ...tx,
    replaceGraphs: tx.replaceGraphs?.map((r) => ({ graph: r.graph, quads: r.quads.map((q) => skq(q, r.graph)) })),
    insert: tx.insert?.map((q) => skq(q)),
  };
}

export class BlankNodeDeletion extends Error {
  readonly code = 'invalid_term';
}
