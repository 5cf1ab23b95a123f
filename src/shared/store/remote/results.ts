/**
 * Parsing of SPARQL 1.1 Query Results JSON (application/sparql-results+json) and of CONSTRUCT
 * responses into RDF/JS terms.
 */
import N3 from 'n3';
import type * as RDF from '@rdfjs/types';
import { blankNode, literal, namedNode, quad } from '../../rdf/factory.js';
import { XSD } from '../../rdf/vocab.js';
import type { Bindings } from '../port.js';

export class SparqlResultError extends Error {
  readonly code = 'bad_sparql_result';
}

interface JsonTerm {
  type?: string;
  value?: unknown;
  datatype?: string;
  'xml:lang'?: string;
  // RDF-star (SPARQL-star JSON): { type: 'triple', value: { subject, predicate, object } }
}

export type ParsedResult = { kind: 'boolean'; value: boolean } | { kind: 'bindings'; bindings: Bindings[] };

export function parseSparqlJson(text: string): ParsedResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new SparqlResultError(`SPARQL server returned invalid JSON: ${(err as Error).message}; starts with ${JSON.stringify(text.slice(0, 120))}`);
  }
  if (typeof doc !== 'object' || doc === null) throw new SparqlResultError('SPARQL JSON result is not an object');
  const d = doc as { boolean?: unknown; results?: { bindings?: unknown } };
  if (typeof d.boolean === 'boolean') return { kind: 'boolean', value: d.boolean };
  const rows = d.results?.bindings;
  if (!Array.isArray(rows)) throw new SparqlResultError('SPARQL JSON result has neither "boolean" nor "results.bindings"');
  return {
    kind: 'bindings',
    bindings: rows.map((row: Record<string, JsonTerm>) => {
      const out: Bindings = {};
      for (const [name, t] of Object.entries(row)) out[name] = termFromJson(t);
      return out;
    }),
  };
}

const BOOLEAN_CANONICAL: Record<string, string> = { '1': 'true', '0': 'false' };

/**
 * One JSON term. Accepts the legacy "typed-literal" type (Virtuoso, SPARQL 1.0 drafts).
 * xsd:boolean is returned in its canonical lexical form ("true"/"false"): Virtuoso stores
 * booleans as integers and answers "1"/"0" in JSON results.
 */
export function termFromJson(t: JsonTerm): RDF.Term {
  switch (t.type) {
    case 'uri':
      return namedNode(String(t.value));
    case 'bnode':
      return blankNode(String(t.value));
    case 'literal':
    case 'typed-literal': {
      const value = String(t.value);
      const lang = t['xml:lang'];
      if (lang) return literal(value, lang);
      if (t.datatype) {
        if (t.datatype === XSD.boolean.value) return literal(BOOLEAN_CANONICAL[value] ?? value, XSD.boolean);
        return literal(durationFromMonths(value, t.datatype), namedNode(t.datatype));
      }
      return literal(value);
    }
    case 'triple': {
      const v = t.value as { subject: JsonTerm; predicate: JsonTerm; object: JsonTerm };
      return quad(termFromJson(v.subject) as RDF.Quad_Subject, termFromJson(v.predicate) as RDF.Quad_Predicate, termFromJson(v.object) as RDF.Quad_Object);
    }
    default:
      throw new SparqlResultError(`Unknown term type in SPARQL JSON result: ${JSON.stringify(t.type)}`);
  }
}

/** Accept header for CONSTRUCT/DESCRIBE: line-based N-Triples first, Turtle as fallback. */
export const RDF_ACCEPT = 'application/n-triples, text/turtle;q=0.9, application/n-quads;q=0.8, text/plain;q=0.5';

const FORMATS: Record<string, string> = {
  'application/n-triples': 'N-Triples',
  'text/plain': 'N-Triples',
  'text/turtle': 'Turtle',
  'application/x-turtle': 'Turtle',
  'application/n-quads': 'N-Quads',
  'application/trig': 'TriG',
};

/** Parses a CONSTRUCT/DESCRIBE response body; booleans are canonicalised as in termFromJson. */
export function parseRdf(body: string, contentType: string): RDF.Quad[] {
  const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const format = FORMATS[mime];
  if (!format) throw new SparqlResultError(`Unsupported CONSTRUCT response type ${JSON.stringify(mime)}`);
  let quads: RDF.Quad[];
  try {
    quads = new N3.Parser({ format }).parse(body);
  } catch (err) {
    throw new SparqlResultError(`Could not parse the ${format} CONSTRUCT response: ${(err as Error).message}`);
  }
  return quads.map((q) => {
    if (q.object.termType !== 'Literal') return q;
    const { value, datatype } = q.object;
    if (datatype.value === XSD.boolean.value && BOOLEAN_CANONICAL[value]) return quad(q.subject, q.predicate, literal(BOOLEAN_CANONICAL[value], XSD.boolean), q.graph);
    const duration = durationFromMonths(value, datatype.value);
    return duration === value ? q : quad(q.subject, q.predicate, literal(duration, datatype), q.graph);
  });
}

const MONTH_DURATIONS = new Set([XSD.duration.value, XSD.yearMonthDuration.value]);

/**
 * Virtuoso 7 keeps a year-month duration as its number of months and answers "P10Y"^^xsd:duration
 * as "120"^^xsd:duration (measured); that count is written back in ISO 8601 form (P10Y, P1Y6M).
 * Any other value is returned unchanged.
 */
export function durationFromMonths(value: string, datatype: string): string {
  if (!MONTH_DURATIONS.has(datatype) || !/^-?\d{1,9}$/.test(value)) return value;
  const n = Number(value);
  const years = Math.floor(Math.abs(n) / 12);
  const months = Math.abs(n) % 12;
  const body = `${years ? `${years}Y` : ''}${months || !years ? `${months}M` : ''}`;
  return `${n < 0 ? '-' : ''}P${body}`;
}
