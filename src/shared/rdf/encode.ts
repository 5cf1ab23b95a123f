/**
 * The one term encoder. Every RDF term that reaches SPARQL or N-Quads text passes through here;
 * user text can only ever become a literal or a validated IRI, never query structure.
 */
import type * as RDF from '@rdfjs/types';
import { isPlainString } from './factory.js';
import { XSD } from './vocab.js';

// Characters forbidden in IRIREF by the SPARQL / N-Triples grammars.
// eslint-disable-next-line no-control-regex
const BAD_IRI = /[\u0000-\u0020<>"{}|^`\\]/;
const LANG = /^[a-zA-Z]+(-[a-zA-Z0-9]+)*$/;
const BNODE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

export class TermEncodingError extends Error {
  readonly code = 'invalid_term';
}

export function isValidIri(iri: string): boolean {
  return !BAD_IRI.test(iri) && /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(iri);
}

export function encodeIri(iri: string): string {
  if (!isValidIri(iri)) throw new TermEncodingError(`Not an absolute IRI: ${JSON.stringify(iri.slice(0, 200))}`);
  return `<${iri}>`;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

export function escapeString(value: string): string {
  // Lone surrogates cannot be represented in UTF-8 text; replace them so the output is always valid.
  return value.toWellFormed().replace(/[\\"\n\r\t\b\f]/g, (c) => ESCAPES[c] ?? c);
}

export function encodeLiteral(lit: RDF.Literal): string {
  const body = `"${escapeString(lit.value)}"`;
  if (lit.language) {
    if (!LANG.test(lit.language)) throw new TermEncodingError(`Invalid language tag: ${JSON.stringify(lit.language)}`);
    return `${body}@${lit.language}`;
  }
  if (isPlainString(lit)) return body;
  return `${body}^^${encodeIri(lit.datatype.value)}`;
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
  const g = q.graph.termType === 'DefaultGraph' ? '' : ` ${encodeTerm(q.graph)}`;
  return `${encodeTerm(q.subject)} ${encodeTerm(q.predicate)} ${encodeTerm(q.object)}${g} .\n`;
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
