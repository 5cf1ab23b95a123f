/**
 * Append-only write-ahead journal. Each record is
 *
 *   [u32 LE payload length][u32 LE CRC-32 of payload][payload bytes]
 *
 * A record is acknowledged only after its bytes are written and fdatasync'ed. On open, records are
 * read back in order; the first record whose header or checksum does not match ends the readable
 * journal (a torn or corrupt tail from a crash mid-append) and the file is truncated there.
 */
import { crc32 } from 'node:zlib';
import { promises as fsp, openSync, readSync, fstatSync, closeSync, ftruncateSync, fsyncSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

const HEADER = 8;
/** Refuse absurd lengths so a corrupt header cannot make us allocate gigabytes. */
export const MAX_RECORD_BYTES = 512 * 1024 * 1024;

export function encodeRecord(payload: Buffer): Buffer {
  const header = Buffer.allocUnsafe(HEADER);
  header.writeUInt32LE(payload.length, 0);
  header.writeUInt32LE(crc32(payload), 4);
  return Buffer.concat([header, payload]);
}

/**
 * Encodes several records into one buffer, writing each payload's UTF-8 text straight into it (no
 * intermediate copies of what can be tens of megabytes). Returns the buffer and each payload's bytes
 * as a view into it.
 */
export function encodeRecords(payloads: readonly string[]): { data: Buffer; payloads: Buffer[] } {
  const lengths = payloads.map((t) => Buffer.byteLength(t, 'utf8'));
  const data = Buffer.allocUnsafe(lengths.reduce((n, l) => n + HEADER + l, 0));
  const views: Buffer[] = [];
  let offset = 0;
  payloads.forEach((text, i) => {
    const len = lengths[i]!;
    data.write(text, offset + HEADER, len, 'utf8');
    const view = data.subarray(offset + HEADER, offset + HEADER + len);
    data.writeUInt32LE(len, offset);
    data.writeUInt32LE(crc32(view), offset + 4);
    views.push(view);
    offset += HEADER + len;
  });
  return { data, payloads: views };
}

export interface ReadResult {
  records: Buffer[];
  /** Byte offset just past the last valid record. */
  validBytes: number;
  /** Bytes after validBytes that were discarded (torn or corrupt tail). */
  discardedBytes: number;
}

/** Reads every valid record of a journal file (synchronously, in bounded reads). */
export function readJournal(file: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], validBytes: 0, discardedBytes: 0 };
    throw e;
  }
  try {
    const size = fstatSync(fd).size;
    const records: Buffer[] = [];
    let offset = 0;
    const header = Buffer.allocUnsafe(HEADER);
    while (offset + HEADER <= size) {
      if (readSync(fd, header, 0, HEADER, offset) !== HEADER) break;
      const len = header.readUInt32LE(0);
      const sum = header.readUInt32LE(4);
      if (len > MAX_RECORD_BYTES || offset + HEADER + len > size) break;
      const payload = Buffer.allocUnsafe(len);
      if (readSync(fd, payload, 0, len, offset + HEADER) !== len) break;
      if (crc32(payload) !== sum) break;
      records.push(payload);
      offset += HEADER + len;
    }
    return { records, validBytes: offset, discardedBytes: size - offset };
  } finally {
    closeSync(fd);
  }
}

export class Journal {
  private constructor(
    readonly file: string,
    private fh: FileHandle,
    private size: number,
  ) {}

  /** Opens (creating if needed) the journal for appending, truncated to `validBytes`. */
  static async open(file: string, validBytes: number): Promise<Journal> {
    await fsp.mkdir(path.dirname(file), { recursive: true });
    const fh = await fsp.open(file, 'a+');
    const { size } = await fh.stat();
    if (size !== validBytes) {
      await fh.truncate(validBytes);
      await fh.datasync();
    }
    await fsyncDir(path.dirname(file));
    return new Journal(file, fh, validBytes);
  }

  get bytes(): number {
    return this.size;
  }

  /**
   * Appends encoded records and makes them durable. On failure the file is cut back to its previous
   * length so that no partial record stays in front of later ones; the error is rethrown.
   */
  async append(data: Buffer): Promise<void> {
    const before = this.size;
    try {
      let written = 0;
      while (written < data.length) {
        const { bytesWritten } = await this.fh.write(data, written, data.length - written, null);
        written += bytesWritten;
      }
      await this.fh.datasync();
      this.size = before + data.length;
    } catch (err) {
      try {
        await this.fh.truncate(before);
        await this.fh.datasync();
      } catch {
        // The caller marks the store as failed; nothing more can be done here.
      }
      throw err;
    }
  }

  /** Empties the journal (after a snapshot made its records redundant). */
  async reset(): Promise<void> {
    await this.fh.truncate(0);
    await this.fh.datasync();
    this.size = 0;
  }

  async close(): Promise<void> {
    await this.fh.close();
  }
}

export async function fsyncDir(dir: string): Promise<void> {
  const fh = await fsp.open(dir, 'r');
  try {
    await fh.sync();
  } catch {
    // Some file systems do not support fsync on directories; rename is still atomic there.
  } finally {
    await fh.close();
  }
}

/** Writes a file atomically: temp file, fsync, rename, fsync of the directory. */
export async function writeFileAtomic(file: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  const fh = await fsp.open(tmp, 'w');
  try {
    for await (const c of chunks) await fh.write(c);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fsp.rename(tmp, file);
  await fsyncDir(path.dirname(file));
}

/** Synchronous truncate used only by tests that simulate torn writes. */
export function truncateFileSync(file: string, length: number): void {
  const fd = openSync(file, 'r+');
  try {
    ftruncateSync(fd, length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
