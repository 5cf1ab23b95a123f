/** @jsxImportSource hono/jsx */
/**
 * RDFa helpers that take RDF terms, so the visible markup and the RDFa it carries come from the
 * same value and cannot drift apart. Conventions (see docs/linked-data.md):
 *
 * - Subjects are explicit: `<Resource about={iri}>`; every IRI is written absolute (or as a CURIE
 *   with a prefix declared by `prefixAttribute()` on `<html prefix>`), so the page URL never matters.
 * - A literal states its kind explicitly: a language tag as `lang` + `xml:lang`, every other literal
 *   (xsd:string included) as `datatype`. RDFa inherits `lang` from ancestors, and `lang=""` is
 *   read inconsistently by processors, so an explicit `datatype="xsd:string"` is the one exact way to
 *   say "no language" while the text keeps the page language for screen readers.
 * - An IRI object is a link: `<a property=… href=…>`, link text a label when known, else the IRI.
 * - Links without `property`/`rel` carry no RDFa, so navigation and plain links are harmless.
 */
import type { Child } from 'hono/jsx';
import { escapeToBuffer, raw } from 'hono/utils/html';
import type * as RDF from '@rdfjs/types';
import { PREFIXES, RDF_, XSD } from '../rdf/vocab.js';

// ------------------------------------------------------------------ prefixes and CURIEs

/** The value of the RDFa `prefix` attribute (on `<html>`) for a prefix map. */
export function prefixAttribute(prefixes: Record<string, string> = PREFIXES): string {
  return Object.entries(prefixes)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([p, iri]) => `${p}: ${iri}`)
    .join(' ');
}

const CURIE_LOCAL = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;

/** `dct:title` for an IRI in a known namespace (longest match), or null. */
export function curie(iri: string, prefixes: Record<string, string> = PREFIXES): string | null {
  let best: [string, string] | null = null;
  for (const [p, ns] of Object.entries(prefixes)) {
    if (iri.startsWith(ns) && (!best || ns.length > best[1].length)) best = [p, ns];
  }
  if (!best) return null;
  const local = iri.slice(best[1].length);
  return CURIE_LOCAL.test(local) ? `${best[0]}:${local}` : null;
}

/** An IRI as written in `property`, `typeof` and `rel`: a CURIE when possible, else absolute. */
export const rdfaIri = (iri: string): string => curie(iri) ?? iri;

/** An IRI or blank node as written in `about`/`resource` (blank nodes as safe CURIEs `[_:x]`). */
function rdfaResource(t: RDF.Term): string {
  if (t.termType === 'BlankNode') return `[_:${t.value}]`;
  return t.value;
}

// ------------------------------------------------------------------ text and dates

/**
 * Text that survives the HTML parser exactly: HTML normalises a raw CR (and CRLF) to LF, so a CR
 * is written as the character reference `&#13;`; everything else is escaped by Hono as usual.
 */
export function exactText(value: string): Child {
  if (!value.includes('\r')) return value;
  const buf: [string] = [''];
  escapeToBuffer(value, buf);
  return raw(buf[0].replace(/\r/g, '&#13;'));
}

const TZ = 'Europe/Amsterdam';
const DATE = /^(-?\d{4,})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const dateFmt = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A UTC date from its parts (Date.UTC would read the years 0-99 as 1900-1999). */
function utcDate(year: number, month: number, day: number, h = 0, mi = 0, s = 0): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(h, mi, s, 0);
  return d;
}

/** "1 maart 2024" for an xsd:date lexical form; null when it is not one. */
export function formatDate(value: string): string | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const d = utcDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m[3])) return null;
  return dateFmt.format(d);
}

/**
 * "1 maart 2024 om 11:00" for an xsd:dateTime lexical form; a dateTime with a time zone is shown in
 * Dutch time (Europe/Amsterdam), one without is shown as written. Null when it is not a dateTime.
 */
export function formatDateTime(value: string): string | null {
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, , tz] = m;
  const withSeconds = s !== '00';
  const opts: Intl.DateTimeFormatOptions = {
    day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', ...(withSeconds ? { second: '2-digit' } : {}),
    timeZone: tz ? TZ : 'UTC',
  };
  const date = tz
    ? new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${tz}`)
    : utcDate(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(date.getTime()) || Number(h) > 23) return null;
  const parts = new Intl.DateTimeFormat('nl-NL', opts).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const time = [get('hour'), get('minute'), ...(withSeconds ? [get('second')] : [])].join(':');
  return `${get('day')} ${get('month')} ${get('year')} om ${time}`;
}

/** Whether a lexical form is also a valid HTML `datetime` value (so `<time datetime>` may carry it). */
const HTML_DATETIME = /^\d{4,}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** How a literal is displayed: the visible text, and the exact value when the text differs. */
export interface LiteralDisplay {
  text: string;
  /** The lexical form for the `content` attribute (set when `text` is not the lexical form). */
  content?: string;
  /** Render as `<time>` with this `datetime`. */
  datetime?: string;
}

export function displayLiteral(lit: RDF.Literal): LiteralDisplay {
  const dt = lit.language ? '' : lit.datatype.value;
  if (dt === XSD.boolean.value && (lit.value === 'true' || lit.value === 'false' || lit.value === '1' || lit.value === '0')) {
    return { text: lit.value === 'true' || lit.value === '1' ? 'ja' : 'nee', content: lit.value };
  }
  const date = dt === XSD.date.value ? formatDate(lit.value) : dt === XSD.dateTime.value ? formatDateTime(lit.value) : null;
  if (date !== null) {
    return { text: date, content: lit.value, ...(HTML_DATETIME.test(lit.value) ? { datetime: lit.value } : {}) };
  }
  if (lit.value === '') return { text: '(leeg)', content: '' };
  return { text: lit.value };
}

/** The datatypes RDFa reads from element markup instead of text: they cannot round-trip safely. */
const MARKUP_DATATYPES = new Set([RDF_.HTML.value, RDF_.XMLLiteral.value]);

// ------------------------------------------------------------------ components

type Block = 'div' | 'section' | 'article' | 'li' | 'span' | 'main' | 'header' | 'dd' | 'td';

export interface ResourceProps {
  /** The subject of every Prop inside (until a nested Resource). */
  about: RDF.NamedNode | RDF.BlankNode;
  typeof?: readonly RDF.NamedNode[];
  as?: Block;
  class?: string;
  id?: string;
  'aria-labelledby'?: string;
  children?: Child;
}

/** An element that sets the RDFa subject (`about`) and its types (`typeof`). */
export function Resource({ about, typeof: types, as = 'div', children, ...rest }: ResourceProps) {
  const Tag = as;
  return (
    <Tag about={rdfaResource(about)} typeof={types && types.length ? types.map((t) => rdfaIri(t.value)).join(' ') : undefined} {...rest}>
      {children}
    </Tag>
  );
}

/** Labels of IRIs, for link texts (IRI -> label literal). */
export type Labels = ReadonlyMap<string, RDF.Literal>;

export interface PropProps {
  p: RDF.NamedNode;
  o: RDF.Term;
  /** Link text for an IRI object (else `labels`, else the IRI). */
  label?: string | RDF.Literal;
  labels?: Labels;
  class?: string;
  /** Content of the link for an IRI object (instead of the label). Props inside it still describe the current subject, not `o`. */
  children?: Child;
  /** `false`: an IRI object that should not be a link (e.g. a nested node shown in place). */
  link?: boolean;
}

/**
 * One triple (current subject, p, o). A literal becomes a `<span>` (a `<time>` for dates) with
 * `property`, an explicit `datatype` or `lang`, and `content` when the visible text is not the
 * value; an IRI becomes `<a property href>`.
 */
export function Prop({ p, o, label, labels, class: cls, children, link = true }: PropProps) {
  const property = rdfaIri(p.value);
  if (o.termType === 'Literal') {
    if (!o.language && MARKUP_DATATYPES.has(o.datatype.value)) {
      // RDFa would take the value from the element's markup: showing it would mean trusting it.
      return (
        <span class={['markup-literal', cls].filter(Boolean).join(' ')} title={o.datatype.value}>
          {exactText(o.value)}
        </span>
      );
    }
    const d = displayLiteral(o);
    const langAttrs = o.language ? { lang: o.language, 'xml:lang': o.language } : { datatype: rdfaIri(o.datatype.value) };
    const attrs = { property, ...langAttrs, ...(d.content !== undefined ? { content: d.content } : {}), class: literalClass(o, cls) };
    if (d.datetime !== undefined) {
      return (
        <time {...attrs} datetime={d.datetime}>
          {d.text}
        </time>
      );
    }
    return <span {...attrs}>{d.content !== undefined ? d.text : exactText(d.text)}</span>;
  }
  if (o.termType === 'NamedNode') {
    const text = label ?? labels?.get(o.value);
    const lang = children === undefined && typeof text === 'object' && text.language ? text.language : undefined;
    const content = children ?? (text === undefined ? o.value : typeof text === 'string' ? text : text.value);
    if (!link) {
      return (
        <span property={property} resource={rdfaResource(o)} class={cls} lang={lang}>
          {content}
        </span>
      );
    }
    return (
      <a property={property} href={o.value} class={cls} lang={lang}>
        {content}
      </a>
    );
  }
  if (o.termType === 'BlankNode') {
    return (
      <span property={property} resource={rdfaResource(o)} class={cls}>
        {typeof label === 'string' ? label : (label?.value ?? `_:${o.value}`)}
      </span>
    );
  }
  throw new TypeError(`Cannot render a ${o.termType} as RDFa`);
}

function literalClass(o: RDF.Literal, extra?: string): string {
  const kind = o.language ? 'lang' : (curie(o.datatype.value)?.replace(':', '-') ?? 'typed');
  return ['literal', `literal-${kind}`, extra].filter(Boolean).join(' ');
}

export interface RelProps {
  /** The predicate linking the current subject to `o`. */
  p: RDF.NamedNode;
  /** The object, which becomes the subject of the Props inside. */
  o: RDF.NamedNode;
  typeof?: readonly RDF.NamedNode[];
  as?: Block;
  class?: string;
  children?: Child;
}

/**
 * (current subject, p, o) where the children describe `o` (RDFa chaining: `rel` + `resource`),
 * e.g. a catalogue listing its datasets with their titles.
 */
export function Rel({ p, o, typeof: types, as = 'div', children, class: cls }: RelProps) {
  const Tag = as;
  return (
    <Tag rel={rdfaIri(p.value)} resource={rdfaResource(o)} typeof={types && types.length ? types.map((t) => rdfaIri(t.value)).join(' ') : undefined} class={cls}>
      {children}
    </Tag>
  );
}
