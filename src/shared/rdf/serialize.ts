/**
 * Serialising and parsing RDF in the formats every resource is offered in: Turtle, N-Triples,
 * JSON-LD (compacted with a local context built from PREFIXES; never a remote context) and RDF/XML.
 *
 * Output is deterministic (triples sorted, only the prefixes that are used), and every format
 * round-trips exactly: parse(serialize(q, f), f) has the same triples as q.
 */
import N3 from 'n3';
import jsonld from 'jsonld';
import type * as RDF from '@rdfjs/types';
import { AppError } from '../errors.js';
import { encodeIri, encodeQuads } from './encode.js';
import { blankNode, defaultGraph, literal, namedNode, quad } from './factory.js';
import { PREFIXES, RDF_, XSD } from './vocab.js';

export type SerializationFormat = 'ttl' | 'nt' | 'jsonld' | 'rdf';

export interface SerializeOptions {
  /** Prefix name -> namespace IRI; defaults to vocab PREFIXES. Only the ones used are written. */
  prefixes?: Record<string, string>;
  /**
   * Base IRI. Turtle and JSON-LD declare it (`@base`) and write IRIs under it relative to it;
   * RDF/XML declares `xml:base` but keeps absolute IRIs; N-Triples has no base.
   */
  base?: string;
}

/** Thrown when a graph cannot be written in a format (e.g. a predicate RDF/XML cannot name). */
export class NotSerializable extends AppError {
  constructor(format: SerializationFormat, reason: string) {
    super('not_acceptable', `This description cannot be written as ${FORMAT_NAMES[format]}: ${reason}`);
  }
}

const FORMAT_NAMES: Record<SerializationFormat, string> = { ttl: 'Turtle', nt: 'N-Triples', jsonld: 'JSON-LD', rdf: 'RDF/XML' };

/** A JSON-LD document loader that never touches the network. */
export const localDocumentLoader = async (url: string): Promise<never> => {
  throw new AppError('bad_request', `Remote JSON-LD contexts are not loaded (${url.slice(0, 200)})`);
};

export async function serialize(quads: Iterable<RDF.Quad>, format: SerializationFormat, opts: SerializeOptions = {}): Promise<string> {
  const triples = sortTriples(quads);
  const prefixes = usedPrefixes(triples, opts.prefixes ?? PREFIXES);
  switch (format) {
    case 'ttl':
      return writeTurtle(triples, prefixes, opts.base);
    case 'nt':
      return encodeQuads(triples);
    case 'jsonld':
      return writeJsonLd(triples, prefixes, opts.base);
    case 'rdf':
      return writeRdfXml(triples, prefixes, opts.base);
  }
}

// ------------------------------------------------------------------ helpers shared by the writers

const termKey = (t: RDF.Term): string =>
  t.termType === 'Literal' ? `3${t.value}\u0000${t.language}\u0000${t.datatype.value}` : `${t.termType === 'BlankNode' ? 2 : 1}${t.value}`;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Distinct triples (graphs dropped), sorted by subject, predicate (rdf:type first), object. */
export function sortTriples(quads: Iterable<RDF.Quad>): RDF.Quad[] {
  const seen = new Map<string, RDF.Quad>();
  for (const q of quads) {
    const t = q.graph.termType === 'DefaultGraph' ? q : quad(q.subject, q.predicate, q.object, defaultGraph());
    seen.set(`${termKey(t.subject)}\u0001${t.predicate.value}\u0001${termKey(t.object)}`, t);
  }
  const predKey = (p: RDF.Term) => (p.equals(RDF_.type) ? '' : p.value);
  return [...seen.values()].sort(
    (a, b) => cmp(termKey(a.subject), termKey(b.subject)) || cmp(predKey(a.predicate), predKey(b.predicate)) || cmp(termKey(a.object), termKey(b.object)),
  );
}

function usedPrefixes(triples: readonly RDF.Quad[], all: Record<string, string>): Record<string, string> {
  const iris = new Set<string>();
  for (const t of triples) {
    for (const term of [t.subject, t.predicate, t.object]) {
      if (term.termType === 'NamedNode') iris.add(term.value);
      else if (term.termType === 'Literal') iris.add(term.datatype.value);
    }
  }
  const used: Record<string, string> = {};
  for (const [p, ns] of Object.entries(all).sort(([a], [b]) => cmp(a, b))) {
    for (const iri of iris) {
      if (iri.startsWith(ns) && iri.length > ns.length) {
        used[p] = ns;
        break;
      }
    }
  }
  return used;
}

// ------------------------------------------------------------------ Turtle

function writeTurtle(triples: readonly RDF.Quad[], prefixes: Record<string, string>, base?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const writer = new N3.Writer({ format: 'text/turtle', prefixes, ...(base ? { baseIRI: base } : {}) });
    writer.addQuads([...triples]);
    writer.end((err, out: string) => {
      if (err) reject(err);
      // N3's writer makes IRIs relative to baseIRI but does not declare it; we do, so the document
      // means the same wherever it is read from.
      else resolve(base ? `@base ${encodeIri(base)} .\n${out}` : out);
    });
  });
}

// ------------------------------------------------------------------ JSON-LD

async function writeJsonLd(triples: readonly RDF.Quad[], prefixes: Record<string, string>, base?: string): Promise<string> {
  const expanded = await jsonld.fromRDF(encodeQuads(triples), { format: 'application/n-quads' });
  const context: Record<string, string> = { ...(base ? { '@base': base } : {}), ...prefixes };
  const compacted = await jsonld.compact(expanded, context, {
    documentLoader: localDocumentLoader,
    compactToRelative: !!base,
    ...(base ? { base } : {}),
  });
  return JSON.stringify(compacted, null, 2) + '\n';
}

// ------------------------------------------------------------------ RDF/XML

// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
/** XML names (approximating the XML 1.0 NameStartChar / NameChar classes with Unicode properties). */
const NAME_START = /^[\p{L}_]$/u;
const NAME_CHAR = /^[\p{L}\p{N}\p{M}_.\-\u00B7\u203F\u2040]$/u;
const NCNAME = /^[\p{L}_][\p{L}\p{N}\p{M}_.\-\u00B7\u203F\u2040]*$/u;

/** Splits an IRI into namespace and the longest XML local name at its end (linear time), or null. */
function splitQName(iri: string): [ns: string, local: string] | null {
  const chars = [...iri];
  let i = chars.length;
  while (i > 0 && NAME_CHAR.test(chars[i - 1]!)) i--;
  while (i < chars.length && !NAME_START.test(chars[i]!)) i++;
  if (i === 0 || i >= chars.length) return null;
  return [chars.slice(0, i).join(''), chars.slice(i).join('')];
}

function xmlChars(s: string, what: string): string {
  if (NOT_XML_CHAR.test(s)) throw new NotSerializable('rdf', `${what} contains a character XML 1.0 cannot represent`);
  return s;
}

const XML_TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const XML_ATTR: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Escapes element content (CR as a character reference: XML parsers normalise a raw CR away). */
export const escapeXmlText = (s: string): string => xmlChars(s, 'A literal').replace(/[&<>\r]/g, (c) => XML_TEXT[c] ?? c);
/** Escapes an attribute value (whitespace as character references: parsers normalise raw ones). */
export const escapeXmlAttr = (s: string): string => xmlChars(s, 'An IRI').replace(/[&<>"\t\n\r]/g, (c) => XML_ATTR[c] ?? c);

type XmlAttrs = readonly (readonly [name: string, value: string])[];

const xmlAttrs = (attrs: XmlAttrs): string => attrs.map(([k, v]) => ` ${k}="${escapeXmlAttr(v)}"`).join('');

/** One element with escaped attributes and either escaped text content or no content. */
function xmlElement(indent: string, name: string, attrs: XmlAttrs, text?: string): string {
  const a = xmlAttrs(attrs);
  return text === undefined ? `${indent}<${name}${a}/>` : `${indent}<${name}${a}>${escapeXmlText(text)}</${name}>`;
}

function writeRdfXml(triples: readonly RDF.Quad[], prefixes: Record<string, string>, base?: string): string {
  const preferred = new Map<string, string>();
  for (const [p, iri] of Object.entries(prefixes)) if (NCNAME.test(p) && !/^xml/i.test(p) && p !== 'rdf') preferred.set(iri, p);
  // Namespaces declared on rdf:RDF: rdf itself plus those of the predicates (element names).
  const ns = new Map<string, string>([[RDF_.iri, 'rdf']]);
  const taken = new Set(ns.values());
  const qname = (iri: string): string => {
    const split = splitQName(iri);
    if (!split) throw new NotSerializable('rdf', `RDF/XML cannot name the predicate <${iri}>`);
    const [nsIri, local] = split;
    let prefix = ns.get(nsIri);
    if (!prefix) {
      prefix = preferred.get(nsIri);
      for (let i = 0; !prefix || taken.has(prefix); i++) prefix = `ns${i}`;
      ns.set(nsIri, prefix);
      taken.add(prefix);
    }
    return `${prefix}:${local}`;
  };
  const node = (t: RDF.Term, about: 'rdf:about' | 'rdf:resource'): [string, string] => {
    if (t.termType === 'BlankNode') {
      if (!NCNAME.test(t.value)) throw new NotSerializable('rdf', `blank node label ${t.value} is not an XML name`);
      return ['rdf:nodeID', t.value];
    }
    return [about, t.value];
  };

  const body: string[] = [];
  let current: RDF.Term | null = null;
  for (const t of triples) {
    if (!current || !current.equals(t.subject)) {
      if (current) body.push('  </rdf:Description>');
      body.push(`  <rdf:Description${xmlAttrs([node(t.subject, 'rdf:about')])}>`);
      current = t.subject;
    }
    const name = qname(t.predicate.value);
    const o = t.object;
    if (o.termType === 'Literal') {
      const attrs: [string, string][] = o.language
        ? [['xml:lang', o.language]]
        : o.datatype.value === XSD.string.value
          ? []
          : [['rdf:datatype', o.datatype.value]];
      body.push(xmlElement('    ', name, attrs, o.value));
    } else if (o.termType === 'NamedNode' || o.termType === 'BlankNode') {
      body.push(xmlElement('    ', name, [node(o, 'rdf:resource')]));
    } else {
      throw new NotSerializable('rdf', `a ${o.termType} object`);
    }
  }
  if (current) body.push('  </rdf:Description>');

  const rootAttrs: [string, string][] = [...ns].map(([iri, p]) => [`xmlns:${p}`, iri]);
  if (base) rootAttrs.push(['xml:base', base]);
  return ['<?xml version="1.0" encoding="utf-8"?>', `<rdf:RDF${xmlAttrs(rootAttrs)}>`, ...body, '</rdf:RDF>', ''].join('\n');
}

// ------------------------------------------------------------------ parsing

export interface ParseOptions {
  /** Base IRI against which relative IRIs are resolved (the document URL). */
  base?: string;
}

/** Parses Turtle, N-Triples, JSON-LD or RDF/XML into triples (graph: default graph). */
export async function parse(text: string, format: SerializationFormat, opts: ParseOptions = {}): Promise<RDF.Quad[]> {
  switch (format) {
    case 'ttl':
    case 'nt':
      return new N3.Parser({ format: format === 'ttl' ? 'text/turtle' : 'application/n-triples', ...(opts.base ? { baseIRI: opts.base } : {}) }).parse(text);
    case 'jsonld': {
      let nquads: string;
      try {
        nquads = (await jsonld.toRDF(JSON.parse(text) as jsonld.JsonLdDocument, {
          format: 'application/n-quads',
          documentLoader: localDocumentLoader,
          ...(opts.base ? { base: opts.base } : {}),
        })) as unknown as string;
      } catch (e) {
        throw new AppError('bad_request', `Invalid JSON-LD: ${jsonLdErrorMessage(e)}`);
      }
      return new N3.Parser({ format: 'application/n-quads' }).parse(nquads);
    }
    case 'rdf':
      return parseRdfXml(text, opts.base);
  }
}

/** The innermost message of a jsonld.js error (its causes are nested in `details.cause`). */
function jsonLdErrorMessage(e: unknown): string {
  let err = e as { message?: string; details?: { cause?: unknown } } | undefined;
  let message = err?.message ?? String(e);
  for (let i = 0; err?.details?.cause && i < 5; i++) {
    err = err.details.cause as typeof err;
    if (err?.message) message = err.message;
  }
  return message;
}

async function parseRdfXml(text: string, base = 'urn:x-stelsel:base'): Promise<RDF.Quad[]> {
  const $rdf = await import('rdflib');
  const store = $rdf.graph();
  $rdf.parse(text, store, base, 'application/rdf+xml');
  const bnodes = new Map<string, RDF.BlankNode>();
  const conv = (t: { termType: string; value: string; language?: string; datatype?: { value: string } }): RDF.Term => {
    switch (t.termType) {
      case 'NamedNode':
        return namedNode(t.value);
      case 'BlankNode': {
        let b = bnodes.get(t.value);
        if (!b) bnodes.set(t.value, (b = blankNode()));
        return b;
      }
      case 'Literal':
        return t.language ? literal(t.value, t.language) : literal(t.value, namedNode(t.datatype?.value ?? XSD.string.value));
      default:
        throw new AppError('bad_request', `Unexpected ${t.termType} in RDF/XML`);
    }
  };
  return store.statements.map((s) =>
    quad(conv(s.subject) as RDF.Quad_Subject, conv(s.predicate) as RDF.Quad_Predicate, conv(s.object) as RDF.Quad_Object),
  );
}
