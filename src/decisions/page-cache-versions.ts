/**
 * The versions of one published document, cheaply: one lookup by object (dct:isVersionOf the
 * document) in the publication graphs, without the version descriptions. The page cache keys its
 * renders with it, so a request served from the cache costs this one small query.
 */
import type { TripleStore } from '../shared/store/port.js';
import { memoBySequence } from '../shared/store/memo.js';
import { sparql } from '../shared/rdf/encode.js';
import { literal, namedNode } from '../shared/rdf/factory.js';
import { DCT } from '../shared/rdf/vocab.js';
import type { DecisionIris } from './rdf.js';

export interface VersionHead {
  iri: string;
  number: number;
}

/** Every version of the document (IRI and number), oldest first; empty when nothing was published. */
export async function versionHeads(store: Pick<TripleStore, 'select'>, iris: DecisionIris, document: string): Promise<VersionHead[]> {
  const rows = await store.select(sparql`
    SELECT ?g ?v WHERE {
      GRAPH ?g { ?v ${DCT.isVersionOf} ${namedNode(document)} }
      FILTER(STRSTARTS(STR(?g), ${literal(iris.publicationGraphs)}))
    }`);
  return rows
    .flatMap((r) => (r.g && r.v ? [{ iri: r.v.value, number: Number(iris.idOf(r.g.value)) }] : []))
    .filter((h) => Number.isInteger(h.number) && h.number > 0)
    .sort((a, b) => a.number - b.number);
}

/** versionHeads, remembered per document until the store changes (memoBySequence). */
export class VersionHeadsMemo {
  private readonly memo: (document: string, compute: () => Promise<VersionHead[]>) => Promise<VersionHead[]>;

  constructor(
    private readonly store: Pick<TripleStore, 'select' | 'commitSequence'>,
    private readonly iris: DecisionIris,
    maxDocuments = 10_000,
  ) {
    this.memo = memoBySequence(store, maxDocuments);
  }

  heads(document: string): Promise<VersionHead[]> {
    return this.memo(document, () => versionHeads(this.store, this.iris, document));
  }
}
