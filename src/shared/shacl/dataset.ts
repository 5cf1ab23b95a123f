/**
 * The data graph handed to shacl-engine: a small read-mostly RDF/JS DatasetCore, indexed by subject
 * and predicate, and by predicate. shacl-engine walks it with many `match` calls (one per focus node and
 * path step); answering those from plain arrays is much cheaper than N3.Store, whose `match` builds
 * a new store for every answer.
 */
import type * as RDF from '@rdfjs/types';

/** A key that tells terms apart exactly as RDF/JS `equals` does. */
function termKey(t: RDF.Term): string {
  switch (t.termType) {
    case 'NamedNode':
      return `<${t.value}`;
    case 'BlankNode':
      return `_${t.value}`;
    case 'Literal':
      return `"${t.language}|${t.datatype.value}|${t.value}`;
    case 'DefaultGraph':
      return '';
    case 'Variable':
      return `?${t.value}`;
    default:
      return `(${termKey(t.subject)} ${termKey(t.predicate)} ${termKey(t.object)} ${termKey(t.graph)})`;
  }
}

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
};

const EMPTY: readonly RDF.Quad[] = [];

export class ValidationDataset implements RDF.DatasetCore<RDF.Quad> {
  private readonly quads: RDF.Quad[];
  /** subject key -> predicate IRI -> quads; also what add() checks for duplicates. */
  private bySubject: Map<string, Map<string, RDF.Quad[]>> | null = null;
  /** predicate IRI -> quads (literal objects can be whole documents: no object keys). */
  private byPredicate: Map<string, RDF.Quad[]> | null = null;

  /** `quads` must be distinct when `distinct` is true (answers of `match` are). */
  constructor(quads: Iterable<RDF.Quad> = [], distinct = false) {
    this.quads = distinct ? [...quads] : [];
    if (!distinct) for (const q of quads) this.add(q);
  }

  get size(): number {
    return this.quads.length;
  }

  [Symbol.iterator](): Iterator<RDF.Quad> {
    return this.quads[Symbol.iterator]();
  }

  add(q: RDF.Quad): this {
    const bySubject = this.subjectIndex();
    let byPredicate = bySubject.get(termKey(q.subject));
    if (!byPredicate) bySubject.set(termKey(q.subject), (byPredicate = new Map()));
    const same = byPredicate.get(q.predicate.value);
    if (same?.some((x) => x.object.equals(q.object) && x.graph.equals(q.graph))) return this;
    if (same) same.push(q);
    else byPredicate.set(q.predicate.value, [q]);
    this.quads.push(q);
    this.byPredicate = null;
    return this;
  }

  delete(q: RDF.Quad): this {
    const i = this.quads.findIndex((x) => x.equals(q));
    if (i >= 0) {
      this.quads.splice(i, 1);
      this.bySubject = null;
      this.byPredicate = null;
    }
    return this;
  }

  has(q: RDF.Quad): boolean {
    return this.match(q.subject, q.predicate, q.object, q.graph).size > 0;
  }

  match(subject?: RDF.Term | null, predicate?: RDF.Term | null, object?: RDF.Term | null, graph?: RDF.Term | null): ValidationDataset {
    let candidates: readonly RDF.Quad[];
    if (subject) {
      const byPredicate = this.subjectIndex().get(termKey(subject));
      if (!byPredicate) candidates = EMPTY;
      else if (predicate) candidates = predicate.termType === 'NamedNode' ? (byPredicate.get(predicate.value) ?? EMPTY) : EMPTY;
      else candidates = [...byPredicate.values()].flat();
    } else if (predicate) {
      candidates = predicate.termType === 'NamedNode' ? (this.predicateIndex().get(predicate.value) ?? EMPTY) : EMPTY;
    } else {
      candidates = this.quads;
    }
    const out: RDF.Quad[] = [];
    for (const q of candidates) {
      if (object && !q.object.equals(object)) continue;
      if (graph && !q.graph.equals(graph)) continue;
      out.push(q);
    }
    return new ValidationDataset(out, true);
  }

  private subjectIndex(): Map<string, Map<string, RDF.Quad[]>> {
    if (!this.bySubject) {
      this.bySubject = new Map();
      for (const q of this.quads) {
        let byPredicate = this.bySubject.get(termKey(q.subject));
        if (!byPredicate) this.bySubject.set(termKey(q.subject), (byPredicate = new Map()));
        push(byPredicate, q.predicate.value, q);
      }
    }
    return this.bySubject;
  }

  private predicateIndex(): Map<string, RDF.Quad[]> {
    if (!this.byPredicate) {
      this.byPredicate = new Map();
      for (const q of this.quads) push(this.byPredicate, q.predicate.value, q);
    }
    return this.byPredicate;
  }
}
