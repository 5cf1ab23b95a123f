/**
 * Test helpers: extract the RDFa of an HTML page with two independent processors, and compare
 * triple sets exactly.
 *
 * - rdfa-streaming-parser (RDF/JS, htmlparser2), with the HTML+RDFa profile of text/html;
 * - @lblod/graph-rdfa-processor (Green Turtle, as the LBLOD harvester uses it) over jsdom.
 */
import { JSDOM } from 'jsdom';
import getRdfaGraph from '@lblod/graph-rdfa-processor';
import { RdfaParser } from 'rdfa-streaming-parser';
import N3 from 'n3';
import type * as RDF from '@rdfjs/types';
import { encodeQuad } from '../../src/shared/rdf/encode.js';
import { blankNode, defaultGraph, literal, namedNode, quad } from '../../src/shared/rdf/factory.js';

const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** Triples of the page's RDFa per rdfa-streaming-parser (profile from the media type). */
export function rdfaStreaming(html: string, baseIRI: string, contentType = 'text/html'): Promise<RDF.Quad[]> {
  return new Promise((resolve, reject) => {
    const parser = new RdfaParser({ baseIRI, contentType });
    const out: RDF.Quad[] = [];
    parser.on('data', (q: RDF.Quad) => out.push(quad(q.subject, q.predicate, q.object, defaultGraph())));
    parser.on('error', reject);
    parser.on('end', () => resolve(out));
    parser.write(html);
    parser.end();
  });
}

/** Triples of the page's RDFa per Green Turtle (@lblod/graph-rdfa-processor) over jsdom. */
export function rdfaLblod(html: string, baseURI: string): RDF.Quad[] {
  const dom = new JSDOM(html, { url: baseURI, contentType: 'text/html' });
  const graph = getRdfaGraph(dom.window.document, { baseURI });
  const bnodes = new Map<string, RDF.BlankNode>();
  const node = (v: string): RDF.NamedNode | RDF.BlankNode => {
    if (!v.startsWith('_:')) return namedNode(v);
    let b = bnodes.get(v);
    if (!b) bnodes.set(v, (b = blankNode()));
    return b;
  };
  const out: RDF.Quad[] = [];
  for (const [s, snode] of Object.entries(graph.subjects)) {
    for (const [p, pnode] of Object.entries(snode.predicates)) {
      for (const o of pnode.objects) {
        let object: RDF.Quad_Object;
        if (o.type === `${RDF_NS}object`) object = node(String(o.value));
        else if (o.type === `${RDF_NS}PlainLiteral`) object = o.language ? literal(String(o.value), o.language) : literal(String(o.value));
        else if (o.type === `${RDF_NS}XMLLiteral` || o.type === `${RDF_NS}HTML`) {
          const nodes = o.value as unknown as { textContent: string | null }[];
          object = literal(nodes.map((n) => n.textContent ?? '').join(''), namedNode(o.type));
        } else object = literal(String(o.value), namedNode(o.type));
        out.push(quad(node(s), namedNode(p), object));
      }
    }
  }
  return out;
}

/** Parses Turtle (base = document URL). */
export function turtle(text: string, baseIRI: string): RDF.Quad[] {
  return new N3.Parser({ format: 'text/turtle', baseIRI }).parse(text);
}

/** N-Triples lines of a triple set (sorted, deduplicated): a readable, exact comparison key. */
export function lines(quads: readonly RDF.Quad[]): string[] {
  return [...new Set(quads.map((q) => encodeQuad(quad(q.subject, q.predicate, q.object, defaultGraph())).trimEnd()))].sort();
}

export function hasBlankNodes(quads: readonly RDF.Quad[]): boolean {
  return quads.some((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode');
}
