/**
 * Rendered publication pages and PDFs in memory. A published version never changes, so a render is
 * keyed by what it was made from (the version IRI, the document's latest version IRI for pages
 * that name it, the format) and never invalidated: a new version gives new keys. The cache is
 * bounded by bytes and drops the least recently used renders first.
 */
import { etagOf } from '../shared/http/etag.js';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The content codings kept for a render, in order of preference. */
export const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface Encoded {
  body: Uint8Array;
  /** Strong ETag of this representation (quoted). */
  etag: string;
}

export interface Rendered {
  body: Uint8Array;
  contentType: string;
  /** Strong ETag of the body (quoted). */
  etag: string;
  /** The body compressed, each with its own ETag; empty when compression would hardly make it smaller. */
  encoded: Partial<Record<Encoding, Encoded>>;
}

const compress: Record<Encoding, (b: Uint8Array) => Uint8Array> = {
  // quality 5: about 4 ms for a 300 KB page, most of the gain of the slow qualities
  br: (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: b.byteLength } }),
  gzip: (b) => gzipSync(b, { level: 6 }),
};

/**
 * A render with its ETag, also kept compressed (brotli, gzip) when that saves at least a tenth:
 * HTML always; a PDF's content streams are compressed already, its structure tree is not.
 */
export function rendered(body: Uint8Array | string, contentType: string): Rendered {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const etag = etagOf(bytes);
  const encoded: Partial<Record<Encoding, Encoded>> = {};
  for (const e of ENCODINGS) {
    const c = new Uint8Array(compress[e](bytes));
    if (c.byteLength <= bytes.byteLength * 0.9) encoded[e] = { body: c, etag: `${etag.slice(0, -1)}-${e}"` };
  }
  return { body: bytes, contentType, etag, encoded };
}

/**
 * The coding to answer with: of those available, the one the Accept-Encoding header rates highest
 * (its own q-value, else that of "*"), brotli before gzip on a tie; undefined for the plain body.
 */
export function chooseEncoding(acceptEncoding: string | undefined, available: readonly Encoding[]): Encoding | undefined {
  if (!acceptEncoding || !available.length) return undefined;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';').map((x) => x.trim());
    const qp = params.find((x) => x.startsWith('q='));
    q.set(name, qp === undefined ? 1 : Number(qp.slice(2)) || 0);
  }
  const rate = (e: Encoding) => q.get(e) ?? (e === 'gzip' ? q.get('x-gzip') : undefined) ?? q.get('*') ?? 0;
  let best: Encoding | undefined;
  for (const e of ENCODINGS) if (available.includes(e) && rate(e) > 0 && (!best || rate(e) > rate(best))) best = e;
  return best;
}

/** Per-entry bookkeeping beyond the body: the key and a small fixed overhead. */
const OVERHEAD = 256;

export class PageCache {
  private readonly entries = new Map<string, Rendered>();
  private readonly pending = new Map<string, Promise<Rendered>>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes: number) {}

  private sizeOf(key: string, r: Rendered): number {
    return r.body.byteLength + Object.values(r.encoded).reduce((n, e) => n + e.body.byteLength, 0) + key.length * 2 + OVERHEAD;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  get(key: string): Rendered | undefined {
    const r = this.entries.get(key);
    if (!r) return undefined;
    this.entries.delete(key); // most recently used goes last
    this.entries.set(key, r);
    return r;
  }

  set(key: string, r: Rendered): void {
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= this.sizeOf(key, old);
      this.entries.delete(key);
    }
    const size = this.sizeOf(key, r);
    if (size > this.maxBytes) return; // larger than the whole cache: served, not kept
    this.entries.set(key, r);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= this.sizeOf(k, v);
    }
  }

  /**
   * The cached render, or a new one (counted as a miss) that is kept for the next request.
   * Requests that arrive while the same key is being rendered wait for that render.
   */
  async through(key: string, render: () => Promise<Rendered>): Promise<{ r: Rendered; hit: boolean }> {
    const found = this.get(key);
    if (found) {
      this.hits++;
      return { r: found, hit: true };
    }
    const running = this.pending.get(key);
    if (running) {
      this.hits++;
      return { r: await running, hit: true };
    }
    this.misses++;
    const p = render().then((r) => {
      this.set(key, r);
      return r;
    });
    this.pending.set(key, p);
    try {
      return { r: await p, hit: false };
    } finally {
      this.pending.delete(key);
    }
  }
}
