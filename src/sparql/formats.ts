/**
 * Result formats of the public SPARQL endpoint and their negotiation. One table per query form;
 * the first entry of each table is the default (used for a missing Accept or `*∕*`).
 */
import { preferredType } from '../shared/http/conneg.js';
import { namespace } from '../shared/rdf/vocab.js';

export type QueryForm = 'SELECT' | 'ASK' | 'CONSTRUCT' | 'DESCRIBE';

/** W3C format identifiers (https://www.w3.org/ns/formats/), used by the service description. */
export const FORMATS = namespace('http://www.w3.org/ns/formats/', [
  'SPARQL_Results_JSON', 'SPARQL_Results_XML', 'SPARQL_Results_CSV', 'SPARQL_Results_TSV',
  'Turtle', 'N-Triples', 'JSON-LD', 'RDF_XML',
] as const);

/** Namespace of the SPARQL Query Results XML Format. */
export const SPARQL_RESULTS_XML_NS = 'http://www.w3.org/2005/sparql-results#';

export type ResultsFormat = 'json' | 'xml' | 'csv' | 'tsv';
export type GraphFormat = 'turtle' | 'ntriples' | 'jsonld' | 'rdfxml';

export interface FormatInfo<K extends string> {
  key: K;
  mediaType: string;
  /** Extra media types accepted for this format in Accept headers. */
  aliases: readonly string[];
  /** Format name understood by Oxigraph's `results_format` / `dump({ format })`. */
  oxigraph: string;
  w3c: string;
  label: string;
}

export const RESULTS_FORMATS: readonly FormatInfo<ResultsFormat>[] = [
  { key: 'json', mediaType: 'application/sparql-results+json', aliases: ['application/json'], oxigraph: 'json', w3c: FORMATS.SPARQL_Results_JSON.value, label: 'SPARQL JSON' },
  { key: 'xml', mediaType: 'application/sparql-results+xml', aliases: ['application/xml', 'text/xml'], oxigraph: 'xml', w3c: FORMATS.SPARQL_Results_XML.value, label: 'SPARQL XML' },
  { key: 'csv', mediaType: 'text/csv', aliases: [], oxigraph: 'csv', w3c: FORMATS.SPARQL_Results_CSV.value, label: 'CSV' },
  { key: 'tsv', mediaType: 'text/tab-separated-values', aliases: [], oxigraph: 'tsv', w3c: FORMATS.SPARQL_Results_TSV.value, label: 'TSV' },
];

export const GRAPH_FORMATS: readonly FormatInfo<GraphFormat>[] = [
  { key: 'turtle', mediaType: 'text/turtle', aliases: [], oxigraph: 'text/turtle', w3c: FORMATS.Turtle.value, label: 'Turtle' },
  { key: 'ntriples', mediaType: 'application/n-triples', aliases: [], oxigraph: 'application/n-triples', w3c: FORMATS['N-Triples'].value, label: 'N-Triples' },
  { key: 'jsonld', mediaType: 'application/ld+json', aliases: [], oxigraph: 'application/ld+json', w3c: FORMATS['JSON-LD'].value, label: 'JSON-LD' },
  { key: 'rdfxml', mediaType: 'application/rdf+xml', aliases: [], oxigraph: 'application/rdf+xml', w3c: FORMATS.RDF_XML.value, label: 'RDF/XML' },
];

export const HTML = 'text/html';

/** Every media type the endpoint can answer with, HTML last (so `*∕*` never picks the page). */
export const ALL_MEDIA_TYPES: readonly string[] = [
  ...RESULTS_FORMATS.flatMap((f) => [f.mediaType, ...f.aliases]),
  ...GRAPH_FORMATS.flatMap((f) => [f.mediaType, ...f.aliases]),
  HTML,
];

export function isGraphForm(form: QueryForm): form is 'CONSTRUCT' | 'DESCRIBE' {
  return form === 'CONSTRUCT' || form === 'DESCRIBE';
}

export type Chosen = { kind: 'results'; format: FormatInfo<ResultsFormat> } | { kind: 'graph'; format: FormatInfo<GraphFormat> };

/** The format for a query form and an Accept header; undefined when nothing offered is acceptable. */
export function chooseFormat(form: QueryForm, accept: string | undefined): Chosen | undefined {
  if (isGraphForm(form)) {
    const f = pick(GRAPH_FORMATS, accept);
    return f && { kind: 'graph', format: f };
  }
  const f = pick(RESULTS_FORMATS, accept);
  return f && { kind: 'results', format: f };
}

function pick<K extends string>(table: readonly FormatInfo<K>[], accept: string | undefined): FormatInfo<K> | undefined {
  const offered = table.flatMap((f) => [f.mediaType, ...f.aliases]);
  const type = preferredType(accept, offered);
  return type === undefined ? undefined : table.find((f) => f.mediaType === type || f.aliases.includes(type));
}

/**
 * The `format` request parameter (used by the HTML form; a convenience for browsers that cannot
 * set Accept): a short name (`json`, `turtle`, `html`, ...) or a media type.
 */
export function mediaTypeForParam(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'html' || v === HTML) return HTML;
  for (const f of [...RESULTS_FORMATS, ...GRAPH_FORMATS]) {
    if (v === f.key || v === f.mediaType || f.aliases.includes(v)) return f.mediaType;
  }
  return undefined;
}

/** Accept value the HTML page uses internally: JSON results for SELECT/ASK, N-Triples for graphs. */
export const HTML_PAGE_ACCEPT = 'application/sparql-results+json, application/n-triples;q=0.9';
