/**
 * Document URLs of things. A thing `/id/{path}` is described by documents under `/doc/{path}`:
 *
 *   /doc/{path}          the generic document (content negotiation; HTML for browsers)
 *   /doc/{path}.html     HTML+RDFa          /doc/{path}.ttl     Turtle
 *   /doc/{path}.jsonld   JSON-LD            /doc/{path}.nt      N-Triples
 *   /doc/{path}.rdf      RDF/XML
 *
 * `/id/{path}` answers 303 to `/doc/{path}` for HTML and to `/doc/{path}.{ext}` for RDF. The
 * generic document names its specific representation in Content-Location.
 *
 * Exactly one known suffix is stripped from a /doc path. Identifiers may contain dots, so when a
 * thing's own path ends in a known suffix (`/id/x/report.ttl`), its documents are
 * `/doc/x/report.ttl.html`, `/doc/x/report.ttl.ttl`, ... and `/id/` redirects browsers to the
 * explicit `.html`: the scheme never guesses.
 */
import { RDF_FORMATS, type RdfFormat } from '../shared/http/conneg.js';
import type { UriPolicy } from '../shared/uri.js';

/** Formats in the order they are offered for negotiation (the first wins for `*\/*`). */
export const FORMATS = Object.keys(RDF_FORMATS) as RdfFormat[];

export const FORMAT_LABELS: Record<RdfFormat, string> = {
  html: 'HTML',
  ttl: 'Turtle',
  jsonld: 'JSON-LD',
  nt: 'N-Triples',
  rdf: 'RDF/XML',
};

const SUFFIX = new RegExp(`\\.(${FORMATS.join('|')})$`);

export function isFormat(s: string | undefined): s is RdfFormat {
  return s !== undefined && Object.hasOwn(RDF_FORMATS, s);
}

/** Splits a /doc path into the generic document path and the explicit format suffix, if any. */
export function parseDocumentPath(path: string): { genericPath: string; suffix?: RdfFormat } {
  const m = SUFFIX.exec(path);
  if (!m || !isFormat(m[1])) return { genericPath: path };
  return { genericPath: path.slice(0, m.index), suffix: m[1] };
}

/** The path of the representation of `genericPath` in `format` (always with its suffix). */
export function formatPath(genericPath: string, format: RdfFormat): string {
  return `${genericPath}.${format}`;
}

/**
 * Where `/id/...` sends a client that wants `format`: the generic document for HTML (a clean URL
 * for people; it negotiates HTML for browsers), unless the generic path itself ends in a suffix;
 * the suffixed representation for every RDF format.
 */
export function redirectPath(genericPath: string, format: RdfFormat): string {
  return format === 'html' && !SUFFIX.test(genericPath) ? genericPath : formatPath(genericPath, format);
}

export interface DocumentPaths {
  /** The generic document (negotiated). */
  generic: string;
  /** The specific representation in each format. */
  formats: Record<RdfFormat, string>;
}

/** Document paths of a thing, or null when the IRI is not a local /id/ IRI. */
export function documentPaths(uris: UriPolicy, iri: string): DocumentPaths | null {
  const generic = uris.documentPathFor(iri);
  if (!generic) return null;
  return { generic, formats: Object.fromEntries(FORMATS.map((f) => [f, formatPath(generic, f)])) as Record<RdfFormat, string> };
}
