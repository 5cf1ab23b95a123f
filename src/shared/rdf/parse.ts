/** Parsing RDF request bodies, with positioned errors. */
import N3 from 'n3';
import type * as RDF from '@rdfjs/types';
import { AppError } from '../errors.js';

export const PARSEABLE = ['text/turtle', 'application/n-triples', 'application/n-quads', 'application/trig'] as const;

export function parseRdf(text: string, mediaType: string, baseIRI: string): RDF.Quad[] {
  const format = mediaType === 'application/n-triples' ? 'N-Triples' : mediaType === 'application/n-quads' ? 'N-Quads' : mediaType === 'application/trig' ? 'TriG' : 'Turtle';
  try {
    return new N3.Parser({ format, baseIRI }).parse(text);
  } catch (e) {
    const err = e as Error & { context?: { line?: number; token?: { value?: unknown } } };
    const line = err.context?.line;
    const col = line !== undefined ? columnOf(text, line, err.context?.token?.value) : undefined;
    throw new AppError('bad_request', `${format} syntax error: ${err.message}`, {
      ...(line !== undefined ? { line } : {}),
      ...(col !== undefined ? { column: col } : {}),
    });
  }
}

/** Best-effort column of the offending token on its line (1-based). */
function columnOf(text: string, line: number, token: unknown): number | undefined {
  const l = text.split('\n')[line - 1];
  if (l === undefined) return undefined;
  if (typeof token === 'string' && token) {
    const i = l.indexOf(token);
    if (i >= 0) return i + 1;
  }
  return undefined;
}
