/** Streaming CSV rows with their line numbers (csv-parse 5), with positioned errors. */
import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { ValueListError } from './errors.js';
import { chunks, type TextInput } from './input.js';

export interface CsvRow {
  line: number;
  get(column: string): string;
}

export async function* csvRows(input: TextInput, file: string, required: readonly string[]): AsyncGenerator<CsvRow> {
  const parser = Readable.from(chunks(input)).pipe(
    parse({ columns: (h: string[]) => h.map((c) => c.replace(/^\uFEFF/, '').trim()), info: true, bom: true, skip_empty_lines: true, relax_column_count: false }),
  );
  let checked = false;
  try {
    for await (const r of parser as AsyncIterable<{ record: Record<string, string | undefined>; info: { lines: number } }>) {
      if (!checked) {
        const missing = required.filter((c) => !(c in r.record));
        if (missing.length) throw new ValueListError(file, 1, `missing column(s) ${missing.join(', ')}`);
        checked = true;
      }
      const rec = r.record;
      yield { line: r.info.lines, get: (c) => (rec[c] ?? '').trim() };
    }
  } catch (e) {
    if (e instanceof ValueListError) throw e;
    const err = e as { message?: string; lines?: number };
    throw new ValueListError(file, err.lines, err.message ?? String(e));
  }
}
