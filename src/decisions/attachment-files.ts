/**
 * The attachment files on disk: {DATA_DIR}/besluiten/bijlagen/{sha256}.pdf, content-addressed.
 * An upload is streamed into a temporary file while its size is counted, its first bytes checked
 * for the PDF signature and its SHA-256 computed; it is refused as soon as it is too large or not
 * a PDF. An accepted file is fsynced and renamed into place (and the directory fsynced) before
 * the metadata is stored, so a stored reference never points at a missing file; a crash in
 * between leaves at most an unreferenced file. Files are shared by every attachment with the same
 * checksum: one is removed only when nothing describes its checksum any more (removal, or the
 * cleanup of orphans older than ORPHAN_AGE_MS), under a per-checksum lock that an upload also
 * holds from moving its file into place until its metadata is stored.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AppError } from '../shared/errors.js';

export const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const SHA256 = /^[0-9a-f]{64}$/;
/** Temporary files older than this were left by a crash: removed at the next upload. */
export const STALE_TEMP_MS = 60 * 60 * 1000;
/** Unreferenced files older than this are orphans (a crash between a commit and an unlink); younger ones may belong to an upload in flight. */
export const ORPHAN_AGE_MS = 60 * 60 * 1000;

/** Per file path: the tail of the operations waiting for it (shared by every AttachmentFiles of the process). */
const locks = new Map<string, Promise<unknown>>();

export interface ReceivedFile {
  tmp: string;
  sha256: string;
  size: number;
}

export class AttachmentFiles {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'besluiten', 'bijlagen');
  }

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new AppError('bad_request', 'Not a SHA-256 checksum');
    return path.join(this.dir, `${sha256}.pdf`);
  }

  /** Streams a request body into a temporary file; refuses (and removes it) when too large, empty or not a PDF. */
  async receive(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<ReceivedFile> {
    const tmpDir = path.join(this.dir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    await this.sweep(tmpDir);
    const tmp = path.join(tmpDir, `${randomUUID()}.part`);
    const file = await open(tmp, 'wx');
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    try {
      if (body) {
        const reader = body.getReader();
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            size += value.byteLength;
            if (size > maxBytes) throw tooLarge(maxBytes);
            if (head.length < PDF_MAGIC.length) {
              head = Buffer.concat([head, Buffer.from(value.subarray(0, PDF_MAGIC.length - head.length))]);
              if (!PDF_MAGIC.subarray(0, head.length).equals(head)) throw notPdf();
            }
            hash.update(value);
            await file.write(value);
          }
        } finally {
          // Not cancel(): that would destroy the connection before the refusal (413) is sent.
          reader.releaseLock();
        }
      }
      if (size === 0) throw new AppError('validation_failed', 'bestand: het bestand is leeg', { problems: [{ field: 'bestand', message: 'het bestand is leeg' }] });
      if (head.length < PDF_MAGIC.length) throw notPdf();
      await file.sync();
      await file.close();
    } catch (e) {
      await file.close().catch(() => undefined);
      await rm(tmp, { force: true });
      throw e;
    }
    return { tmp, sha256: hash.digest('hex'), size };
  }

  /** Removes temporary files a crash left behind (an upload takes far less than STALE_TEMP_MS). */
  private async sweep(tmpDir: string): Promise<void> {
    const now = Date.now();
    for (const name of await readdir(tmpDir).catch(() => [] as string[])) {
      if (!name.endsWith('.part')) continue;
      const p = path.join(tmpDir, name);
      const s = await stat(p).catch(() => null);
      if (s && now - s.mtimeMs > STALE_TEMP_MS) await rm(p, { force: true });
    }
  }

  /** Moves a received file into place under its checksum (durably); an identical file already there is kept. */
  async commit(f: ReceivedFile): Promise<void> {
    const target = this.pathOf(f.sha256);
    await rename(f.tmp, target);
    const dir = await open(this.dir, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }

  /** Runs `fn` while no other upload, removal or cleanup of the same checksum's file runs in this process. */
  async exclusive<T>(sha256: string, fn: () => Promise<T>): Promise<T> {
    const key = this.pathOf(sha256);
    const run = (locks.get(key) ?? Promise.resolve()).then(fn, fn);
    const tail = run.catch(() => undefined);
    locks.set(key, tail);
    try {
      return await run;
    } finally {
      if (locks.get(key) === tail) locks.delete(key);
    }
  }

  /** Deletes a stored file (gone already is fine). */
  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  /** Checksums of the stored files last modified more than `olderThanMs` ago (one directory read and a stat each). */
  async olderThan(olderThanMs: number): Promise<string[]> {
    const now = Date.now();
    const out: string[] = [];
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      const sha256 = name.endsWith('.pdf') ? name.slice(0, -4) : '';
      if (!SHA256.test(sha256)) continue;
      const s = await stat(path.join(this.dir, name)).catch(() => null);
      if (s?.isFile() && now - s.mtimeMs > olderThanMs) out.push(sha256);
    }
    return out;
  }

  async discard(f: ReceivedFile): Promise<void> {
    await rm(f.tmp, { force: true });
  }

  /** The stored file as a stream with its size, or null when it is not on disk. */
  async read(sha256: string): Promise<{ stream: ReadableStream<Uint8Array>; size: number } | null> {
    const p = this.pathOf(sha256);
    const s = await stat(p).catch(() => null);
    if (!s?.isFile()) return null;
    return { stream: Readable.toWeb(createReadStream(p)) as ReadableStream<Uint8Array>, size: s.size };
  }
}

export const tooLarge = (maxBytes: number) => new AppError('payload_too_large', `Een bijlage is hoogstens ${maxBytes} bytes (DECISIONS_ATTACHMENT_MAX_BYTES); de upload werd afgebroken`);

const notPdf = () =>
  new AppError('validation_failed', 'bestand: geen PDF-bestand (het begint niet met %PDF-)', { problems: [{ field: 'bestand', message: 'geen PDF-bestand (het begint niet met %PDF-)' }] });
