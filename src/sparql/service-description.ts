/**
 * SPARQL 1.1 Service Description of the endpoint (https://www.w3.org/TR/sparql11-service-description/),
 * built as RDF/JS quads and written by N3's writer (Turtle or N-Triples).
 */
import N3 from 'n3';
import type * as RDF from '@rdfjs/types';
import { namedNode, quad } from '../shared/rdf/factory.js';
import { RDF_, SD } from '../shared/rdf/vocab.js';
import { FORMATS, GRAPH_FORMATS, RESULTS_FORMATS } from './formats.js';

export const SD_MEDIA_TYPES = ['text/turtle', 'application/n-triples'] as const;

export function serviceDescriptionQuads(endpoint: string, opts: { unionDefaultGraph: boolean }): RDF.Quad[] {
  const s = namedNode(endpoint);
  const quads = [
    quad(s, RDF_.type, SD.Service),
    quad(s, SD.endpoint, s),
    quad(s, SD.supportedLanguage, SD.SPARQL11Query),
    ...[...RESULTS_FORMATS, ...GRAPH_FORMATS].map((f) => quad(s, SD.resultFormat, namedNode(f.w3c))),
  ];
  if (opts.unionDefaultGraph) quads.push(quad(s, SD.feature, SD('UnionDefaultGraph')));
  return quads;
}

export function writeServiceDescription(quads: RDF.Quad[], mediaType: (typeof SD_MEDIA_TYPES)[number]): Promise<string> {
  const writer = new N3.Writer(
    mediaType === 'text/turtle'
      ? { format: 'Turtle', prefixes: { rdf: RDF_.iri, sd: SD.iri, formats: FORMATS.iri } }
      : { format: 'N-Triples' },
  );
  writer.addQuads(quads);
  return new Promise((resolve, reject) => writer.end((err, out: string) => (err ? reject(err) : resolve(out))));
}
