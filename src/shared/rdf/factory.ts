import N3 from 'n3';
import type * as RDF from '@rdfjs/types';

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANGSTRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

/**
 * RDF/JS literal. An empty language means "no language" (RDF/JS spec), which N3's factory would
 * otherwise turn into a langString with an empty tag.
 */
function literal(value: string, languageOrDatatype?: string | RDF.NamedNode): RDF.Literal {
  if (languageOrDatatype === '' || languageOrDatatype === undefined) return N3.DataFactory.literal(value);
  return N3.DataFactory.literal(value, languageOrDatatype);
}

/** True for a langString whose tag is empty (from a foreign factory): treat as xsd:string. */
export function isPlainString(l: RDF.Literal): boolean {
  return !l.language && (!l.datatype || l.datatype.value === XSD_STRING || l.datatype.value === RDF_LANGSTRING);
}

/** The one RDF/JS data factory used throughout Stelsel. */
export const df: RDF.DataFactory<RDF.Quad> & { dataset(quads?: Iterable<RDF.Quad>): N3.Store } = {
  ...N3.DataFactory,
  literal,
  dataset: (quads?: Iterable<RDF.Quad>) => new N3.Store(quads ? [...quads] : undefined),
} as never;

export const { namedNode, blankNode, quad, defaultGraph, variable } = N3.DataFactory;
export { literal };

export type { RDF };
