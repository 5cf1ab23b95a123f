/** Inputs of the parsers: a whole text, or a stream of chunks (a file read stream, a fetch body). */
import { createReadStream } from 'node:fs';

export type TextInput = string | AsyncIterable<string | Buffer | Uint8Array>;

export async function* chunks(input: TextInput): AsyncGenerator<string> {
  if (typeof input === 'string') {
    yield input;
    return;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const c of input) yield typeof c === 'string' ? c : decoder.decode(c, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

export async function readAll(input: TextInput): Promise<string> {
  if (typeof input === 'string') return input;
  let out = '';
  for await (const c of chunks(input)) out += c;
  return out;
}

/** A file as a stream of 64 KiB chunks. */
export function fileInput(file: string): AsyncIterable<Buffer> {
  return createReadStream(file, { highWaterMark: 64 * 1024 });
}
