/**
 * Choosing and sending a representation of an RDF description: explicit suffix, then `?format=`,
 * then the Accept header. Every response names its siblings in `Link: <…>; rel="alternate"`
 * headers, says where it lives (`Content-Location`) and, when Accept decided, `Vary: Accept`.
 */
import type { Context } from 'hono';
import type * as RDF from '@rdfjs/types';
import { AppError } from '../shared/errors.js';
import { preferredType, RDF_FORMATS, type RdfFormat } from '../shared/http/conneg.js';
import { serialize } from '../shared/rdf/serialize.js';
import { FORMATS, FORMAT_LABELS, isFormat } from './documents.js';

export interface FormatChoice {
  format: RdfFormat;
  /** True when the Accept header decided (the response then varies by Accept). */
  negotiated: boolean;
}

const OFFERED = FORMATS.map((f) => RDF_FORMATS[f]);

export function chooseFormat(req: { suffix?: RdfFormat; formatParam?: string; accept?: string }): FormatChoice {
  if (req.suffix) return { format: req.suffix, negotiated: false };
  if (req.formatParam !== undefined) {
    if (!isFormat(req.formatParam)) {
      throw new AppError('not_acceptable', `Unknown format ${JSON.stringify(req.formatParam.slice(0, 40))}; use one of ${FORMATS.join(', ')}`);
    }
    return { format: req.formatParam, negotiated: false };
  }
  const type = preferredType(req.accept, OFFERED);
  const format = FORMATS.find((f) => RDF_FORMATS[f] === type);
  if (!format) {
    throw new AppError('not_acceptable', `None of the accepted media types is offered; available: ${OFFERED.join(', ')}`);
  }
  return { format, negotiated: true };
}

const CONTENT_TYPES: Record<Exclude<RdfFormat, 'html'>, string> = {
  ttl: 'text/turtle; charset=utf-8',
  jsonld: 'application/ld+json',
  nt: 'application/n-triples; charset=utf-8',
  rdf: 'application/rdf+xml; charset=utf-8',
};

/** A `Link` header value listing `paths` of the formats other than `current`. */
export function alternateLinks(paths: Record<RdfFormat, string>, current: RdfFormat): string {
  return FORMATS.filter((f) => f !== current)
    .map((f) => `<${paths[f]}>; rel="alternate"; type="${RDF_FORMATS[f]}"; title="${FORMAT_LABELS[f]}"`)
    .join(', ');
}

export interface Representation {
  choice: FormatChoice;
  /** Paths of the specific representation in every format. */
  paths: Record<RdfFormat, string>;
  quads: readonly RDF.Quad[];
  /** The HTML+RDFa page (called only when HTML was chosen). */
  page: () => Promise<string>;
}

export async function sendRepresentation(c: Context, r: Representation): Promise<Response> {
  const { format, negotiated } = r.choice;
  c.header('Link', alternateLinks(r.paths, format));
  c.header('Content-Location', r.paths[format]);
  if (negotiated) c.header('Vary', 'Accept', { append: true });
  if (format === 'html') return c.html(await r.page());
  const body = await serialize(r.quads, format);
  return c.body(body, 200, { 'Content-Type': CONTENT_TYPES[format] });
}
