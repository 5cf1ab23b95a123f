/**
 * The versions of one published document, cheaply: one lookup by object (dct:isVersionOf the
 * document) in the publication graphs, without the version descriptions. The page cache keys its
 * renders with it, so a request served from the cache costs this one small query.
 */
import type { TripleStore } from '../shared/store/port.js';
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

interface Remembered {
  seq: number;
  at: number;
  heads: VersionHead[];
}

/**
 * versionHeads, remembered per document while the store commits nothing (its commit sequence is
 * unchanged); a maximum age bounds the rare case of a write that is rolled back after being applied
 * (its sequence number is reused). With a store that has no commit sequence (remote) every call queries.
 */
export class VersionHeadsMemo {
  private readonly memo = new Map<string, Remembered>();

  constructor(
    private readonly store: Pick<TripleStore, 'select' | 'commitSequence'>,
    private readonly iris: DecisionIris,
    private readonly opts: { maxAgeMs: number; maxDocuments: number } = { maxAgeMs: 1000, maxDocuments: 10_000 },
  ) {}

  async heads(document: string): Promise<VersionHead[]> {
    const sequence = this.store.commitSequence?.bind(this.store);
    if (!sequence) return versionHeads(this.store, this.iris, document);
    // Read before the query: a commit in between makes the remembered heads stale, never wrong.
    const seq = sequence();
    const now = Date.now();
    const seen = this.memo.get(document);
    if (seen && seen.seq === seq && now - seen.at < this.opts.maxAgeMs) return seen.heads;
    const heads = await versionHeads(this.store, this.iris, document);
    if (this.memo.size >= this.opts.maxDocuments) this.memo.clear();
    this.memo.set(document, { seq, at: now, heads });
    return heads;
  }
}
