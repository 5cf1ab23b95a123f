/**
 * Postcode (PC4) -> gemeente table: `pc4,gemeente,provincie,ggdregio,plaats` (only pc4 and
 * gemeente are required). Gemeenten are named, not identified: the loader resolves names against
 * the current gemeenten of the gemeente list.
 */
import { ValueListError } from './errors.js';
import { csvRows } from './csv.js';
import type { TextInput } from './input.js';

export interface PostcodeRow {
  pc4: string;
  gemeente: string;
  provincie?: string;
  ggdRegio?: string;
  plaats?: string;
  line: number;
}

export async function parsePostcodes(input: TextInput, file: string): Promise<PostcodeRow[]> {
  const out: PostcodeRow[] = [];
  const seen = new Map<string, number>();
  for await (const row of csvRows(input, file, ['pc4', 'gemeente'])) {
    const pc4 = row.get('pc4');
    if (!/^[1-9]\d{3}$/.test(pc4)) throw new ValueListError(file, row.line, `not a 4-digit postcode: ${JSON.stringify(pc4)}`);
    const prev = seen.get(pc4);
    if (prev !== undefined) throw new ValueListError(file, row.line, `postcode ${pc4} repeats (first on line ${prev})`);
    seen.set(pc4, row.line);
    const gemeente = row.get('gemeente');
    if (!gemeente) continue; // unassigned PC4 (no gemeente in the source): skipped
    const opt = (c: string, k: 'provincie' | 'ggdRegio' | 'plaats') => (row.get(c) ? { [k]: row.get(c) } : {});
    out.push({ pc4, gemeente, line: row.line, ...opt('provincie', 'provincie'), ...opt('ggdregio', 'ggdRegio'), ...opt('plaats', 'plaats') });
  }
  return out;
}
