/** Strong ETags of response bodies and the If-None-Match comparison, for every conditional GET. */
import { createHash } from 'node:crypto';

/** A strong ETag for a body: the first 128 bits of its SHA-256, base64url, quoted. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}

/** Whether an If-None-Match header matches the ETag (weak comparison, RFC 9110 section 13.1.2). */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(etag));
}
