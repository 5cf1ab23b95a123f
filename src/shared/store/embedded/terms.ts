/** Conversion between Oxigraph terms and the project's RDF/JS (N3) terms. */
import oxigraph from 'oxigraph';
import type * as RDF from '@rdfjs/types';
import { blankNode, defaultGraph, isPlainString, literal, namedNode, quad, variable } from '../../rdf/factory.js';

export function fromOx(t: oxigraph.Term): RDF.Term {
  switch (t.termType) {
    case 'NamedNode':
      return namedNode(t.value);
    case 'BlankNode':
      return blankNode(t.value);
    case 'Literal':
      return t.language ? literal(t.value, t.language) : literal(t.value, namedNode(t.datatype.value));
    case 'DefaultGraph':
      return defaultGraph();
    case 'Variable':
      return variable(t.value);
    default:
      return quadFromOx(t as oxigraph.Quad);
  }
}

export function quadFromOx(q: oxigraph.Quad): RDF.Quad {
  return quad(
    fromOx(q.subject) as RDF.Quad_Subject,
    fromOx(q.predicate) as RDF.Quad_Predicate,
    fromOx(q.object) as RDF.Quad_Object,
    fromOx(q.graph) as RDF.Quad_Graph,
  );
}

export function toOx(t: RDF.Term): oxigraph.Term {
  switch (t.termType) {
    case 'NamedNode':
      return oxigraph.namedNode(t.value);
    case 'BlankNode':
      return oxigraph.blankNode(t.value);
    case 'Literal':
      if (t.language) return oxigraph.literal(t.value, t.language);
      return isPlainString(t) ? oxigraph.literal(t.value) : oxigraph.literal(t.value, oxigraph.namedNode(t.datatype.value));
    case 'DefaultGraph':
      return oxigraph.defaultGraph();
    case 'Variable':
      return oxigraph.variable(t.value);
    case 'Quad':
      return toOxQuad(t as RDF.Quad);
  }
}

export function toOxQuad(q: RDF.Quad): oxigraph.Quad {
  return oxigraph.quad(
    toOx(q.subject) as oxigraph.Quad_Subject,
    toOx(q.predicate) as oxigraph.Quad_Predicate,
    toOx(q.object) as oxigraph.Quad_Object,
    toOx(q.graph) as oxigraph.Quad_Graph,
  );
}
