/**
 * The one term encoder. Every RDF term that reaches SPARQL or N-Quads text passes through here;
 * user text can only ever become a literal or a validated IRI, never query structure.
 */
import type * as RDF from '@rdfjs/types';
import { RDF_, XSD } from './vocab.js';

const LANG = /^[a-zA-Z]+(-[a-zA-Z0-9]+)*$/;
const BNODE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

export class TermEncodingError extends Error {
  readonly code = 'invalid_term';
}

// An absolute IRI: a scheme, then no character forbidden in IRIREF by the SPARQL / N-Triples grammars.
// eslint-disable-next-line no-control-regex
const VALID_IRI = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\u0000-\u0020<>"{}|^`\\]*$/;

export function isValidIri(iri: string): boolean {
  return VALID_IRI.test(iri);
}

export function encodeIri(iri: string): string {
  if (!isValidIri(iri)) throw new TermEncodingError(`Not an absolute IRI: ${JSON.stringify(iri.slice(0, 200))}`);
  return `<${iri}>`;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

const NEEDS_ESCAPE = /[\\"\n\r\t\b\f]/;
const ESCAPED = /[\\"\n\r\t\b\f]/g;
const XSD_STRING = XSD.string.value;
const RDF_LANGSTRING = RDF_.langString.value;

export function escapeString(value: string): string {
  // Lone surrogates cannot be represented in UTF-8 text; replace them so the output is always valid.
  const text = value.isWellFormed() ? value : value.toWellFormed();
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, (c) => ESCAPES[c] ?? c) : text;
}

export function encodeLiteral(lit: RDF.Literal): string {
  // Each property read once: N3 computes them from the literal's id on every access.
  const body = `"${escapeString(lit.value)}"`;
  const language = lit.language;
  if (language) {
    if (!LANG.test(language)) throw new TermEncodingError(`Invalid language tag: ${JSON.stringify(language)}`);
    return `${body}@${language}`;
  }
  // As isPlainString: no datatype, xsd:string, or a langString with an empty tag.
  const datatype = lit.datatype?.value;
  if (!datatype || datatype === XSD_STRING || datatype === RDF_LANGSTRING) return body;
  return `${body}^^${encodeIri(datatype)}`;
}

export function encodeTerm(term: RDF.Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return encodeIri(term.value);
    case 'Literal':
      return encodeLiteral(term);
    case 'BlankNode':
      if (!BNODE.test(term.value)) throw new TermEncodingError(`Invalid blank node label: ${JSON.stringify(term.value)}`);
      return `_:${term.value}`;
    case 'Variable':
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(term.value)) throw new TermEncodingError(`Invalid variable name: ${term.value}`);
      return `?${term.value}`;
    case 'DefaultGraph':
      throw new TermEncodingError('The default graph has no term syntax');
    case 'Quad':
      return `<< ${encodeTerm(term.subject)} ${encodeTerm(term.predicate)} ${encodeTerm(term.object)} >>`;
  }
}

/** One quad as an N-Quads line (with trailing newline). */
export function encodeQuad(q: RDF.Quad): string {
  return encodeQuadIn(q, q.graph.termType === 'DefaultGraph' ? '' : encodeTerm(q.graph));
}

/** A quad's triple as an N-Quads line in the graph `graph` (its encodeTerm text; '' for the default graph). */
export function encodeQuadIn(q: RDF.Quad, graph: string): string {
  return `${encodeTerm(q.subject)} ${encodeTerm(q.predicate)} ${encodeTerm(q.object)}${graph ? ` ${graph}` : ''} .\n`;
}

export function encodeQuads(quads: Iterable<RDF.Quad>): string {
  let out = '';
  for (const q of quads) out += encodeQuad(q);
  return out;
}

/** A piece of SPARQL text that was produced by this module (or is a trusted constant). */
export class SparqlFragment {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type SparqlValue = RDF.Term | SparqlFragment | number | boolean | readonly (RDF.Term | SparqlFragment)[];

function encodeValue(v: SparqlValue): string {
  if (v instanceof SparqlFragment) return v.text;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TermEncodingError('Non-finite number in SPARQL');
    return Number.isInteger(v) ? String(v) : `"${v}"^^<${XSD.double.value}>`;
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return (v as readonly (RDF.Term | SparqlFragment)[]).map((x) => encodeValue(x)).join(' ');
  if (typeof v === 'object' && v !== null && 'termType' in v) return encodeTerm(v as RDF.Term);
  throw new TermEncodingError(`Refusing to put a ${typeof v} into SPARQL text; wrap it in an RDF term`);
}

/**
 * Tagged template for SPARQL: interpolations must be RDF terms, fragments, numbers or booleans.
 * Plain strings are refused at compile time and at run time.
 */
export function sparql(strings: TemplateStringsArray, ...values: SparqlValue[]): SparqlFragment {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += encodeValue(v) + (strings[i + 1] ?? '');
  });
  return new SparqlFragment(out);
}

/** Joins fragments (e.g. a list of triple patterns). */
sparql.join = (parts: readonly SparqlFragment[], sep = '\n'): SparqlFragment => new SparqlFragment(parts.map((p) => p.text).join(sep));

/** Prefix declarations for a query, from vocab PREFIXES. */
export function prefixes(map: Record<string, string>): SparqlFragment {
  return new SparqlFragment(Object.entries(map).map(([p, iri]) => `PREFIX ${p}: ${encodeIri(iri)}`).join('\n') + '\n');
}
