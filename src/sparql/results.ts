/**
 * SPARQL query results: the JSON structure every executor produces first (so rows can be counted
 * and the extra row dropped), and the writers for the other result formats. Term text goes through
 * the project's one term encoder (TSV) or the one XML escaper below.
 */
import type * as RDF from '@rdfjs/types';
import { encodeTerm } from '../shared/rdf/encode.js';
import { blankNode, literal, namedNode, quad } from '../shared/rdf/factory.js';
import { SPARQL_RESULTS_XML_NS, type ResultsFormat } from './formats.js';

export type JsonTerm =
  | { type: 'uri'; value: string }
  | { type: 'bnode'; value: string }
  | { type: 'literal'; value: string; 'xml:lang'?: string; datatype?: string; direction?: string }
  | { type: 'triple'; value: { subject: JsonTerm; predicate: JsonTerm; object: JsonTerm } };

export type JsonRow = Record<string, JsonTerm>;

export interface SelectResults {
  head: { vars: string[]; link?: string[] };
  results: { bindings: JsonRow[] };
}

export interface AskResults {
  head: Record<string, unknown>;
  boolean: boolean;
}

export type SparqlJson = SelectResults | AskResults;

export function isAsk(r: SparqlJson): r is AskResults {
  return typeof (r as AskResults).boolean === 'boolean';
}

export function toRdfTerm(t: JsonTerm): RDF.Term {
  switch (t.type) {
    case 'uri':
      return namedNode(t.value);
    case 'bnode':
      return blankNode(t.value);
    case 'literal':
      return t['xml:lang'] ? literal(t.value, t['xml:lang']) : literal(t.value, t.datatype ? namedNode(t.datatype) : undefined);
    case 'triple':
      return quad(
        toRdfTerm(t.value.subject) as RDF.Quad_Subject,
        toRdfTerm(t.value.predicate) as RDF.Quad_Predicate,
        toRdfTerm(t.value.object) as RDF.Quad_Object,
      );
  }
}

/** Serialises results (already cut to size) in one of the four result formats. */
export function writeResults(r: SparqlJson, format: ResultsFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(r);
    case 'xml':
      return writeXml(r);
    case 'csv':
      return writeCsv(r);
    case 'tsv':
      return writeTsv(r);
  }
}

// ------------------------------------------------------------------ XML

// Characters XML 1.0 cannot carry at all; replaced so the document stays well-formed.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

/** The one XML escaper: text and attribute values. */
export function xmlEscape(s: string): string {
  return s
    .toWellFormed()
    .replace(XML_INVALID, '\uFFFD')
    .replace(/[&<>"'\r]/g, (c) => XML_ESCAPES[c] ?? c);
}

function xmlTerm(t: JsonTerm): string {
  switch (t.type) {
    case 'uri':
      return `<uri>${xmlEscape(t.value)}</uri>`;
    case 'bnode':
      return `<bnode>${xmlEscape(t.value)}</bnode>`;
    case 'literal': {
      const attr = t['xml:lang'] ? ` xml:lang="${xmlEscape(t['xml:lang'])}"` : t.datatype ? ` datatype="${xmlEscape(t.datatype)}"` : '';
      return `<literal${attr}>${xmlEscape(t.value)}</literal>`;
    }
    case 'triple':
      return (
        `<triple><subject>${xmlTerm(t.value.subject)}</subject><predicate>${xmlTerm(t.value.predicate)}</predicate>` +
        `<object>${xmlTerm(t.value.object)}</object></triple>`
      );
  }
}

function writeXml(r: SparqlJson): string {
  const out: string[] = [`<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="${SPARQL_RESULTS_XML_NS}">\n`];
  if (isAsk(r)) {
    out.push(`<head/>\n<boolean>${r.boolean}</boolean>\n</sparql>\n`);
    return out.join('');
  }
  out.push('<head>');
  for (const v of r.head.vars) out.push(`<variable name="${xmlEscape(v)}"/>`);
  out.push('</head>\n<results>\n');
  for (const row of r.results.bindings) {
    out.push('<result>');
    for (const v of r.head.vars) {
      const t = row[v];
      if (t) out.push(`<binding name="${xmlEscape(v)}">${xmlTerm(t)}</binding>`);
    }
    out.push('</result>\n');
  }
  out.push('</results>\n</sparql>\n');
  return out.join('');
}

// ------------------------------------------------------------------ CSV / TSV

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV carries values only (no datatype or language); blank nodes as `_:label`. */
function csvValue(t: JsonTerm): string {
  switch (t.type) {
    case 'uri':
    case 'literal':
      return t.value;
    case 'bnode':
      return `_:${t.value}`;
    case 'triple':
      return encodeTerm(toRdfTerm(t));
  }
}

function writeCsv(r: SparqlJson): string {
  if (isAsk(r)) return `_askResult\r\n${r.boolean}\r\n`;
  const lines = [r.head.vars.map(csvField).join(',')];
  for (const row of r.results.bindings) {
    lines.push(r.head.vars.map((v) => (row[v] ? csvField(csvValue(row[v])) : '')).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

function writeTsv(r: SparqlJson): string {
  if (isAsk(r)) return `?_askResult\n${r.boolean}\n`;
  const lines = [r.head.vars.map((v) => `?${v}`).join('\t')];
  for (const row of r.results.bindings) {
    // encodeTerm escapes tab and newline inside literals, as TSV requires.
    lines.push(r.head.vars.map((v) => (row[v] ? encodeTerm(toRdfTerm(row[v])) : '')).join('\t'));
  }
  return lines.join('\n') + '\n';
}
