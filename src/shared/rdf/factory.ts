import N3 from 'n3';
import type * as RDF from '@rdfjs/types';

/** The one RDF/JS data factory used throughout Stelsel. */
export const df: RDF.DataFactory<RDF.Quad> & { dataset(quads?: Iterable<RDF.Quad>): N3.Store } = {
  ...N3.DataFactory,
  dataset: (quads?: Iterable<RDF.Quad>) => new N3.Store(quads ? [...quads] : undefined),
} as never;

export const { namedNode, literal, blankNode, quad, defaultGraph, variable } = N3.DataFactory;

export type { RDF };
