import Negotiator from 'negotiator';

/** Picks the best of `offered` media types for an Accept header (first offered wins when absent). */
export function preferredType(accept: string | undefined, offered: readonly string[]): string | undefined {
  const n = new Negotiator({ headers: { accept: accept && accept.trim() ? accept : '*/*' } });
  return n.mediaType([...offered]) ?? undefined;
}

/** RDF serialisations every resource is offered in, with their explicit format names. */
export const RDF_FORMATS = {
  html: 'text/html',
  ttl: 'text/turtle',
  jsonld: 'application/ld+json',
  nt: 'application/n-triples',
  rdf: 'application/rdf+xml',
} as const;

export type RdfFormat = keyof typeof RDF_FORMATS;
