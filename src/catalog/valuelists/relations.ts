/**
 * Configurable gemeente relations, a small CSV format of our own (relaties/gemeente-relaties.csv):
 *
 *   gemeente,relatie,doel
 *   http://standaarden.overheid.nl/owms/terms/Tilburg,waterschap,http://standaarden.overheid.nl/owms/terms/Waterschap_De_Dommel
 *   http://standaarden.overheid.nl/owms/terms/Tilburg,ggd,GGD Hart voor Brabant
 *
 * - gemeente: the OWMS URI of the gemeente (the concept IRI in the gemeente list);
 * - relatie: `waterschap` (doel = OWMS URI of the waterschap; a gemeente may have several rows) or
 *   `ggd` (doel = name of the GGD region; at most one per gemeente);
 * - empty lines and lines starting with `#` are ignored.
 */
import { isValidIri } from '../../shared/rdf/encode.js';
import { ValueListError } from './errors.js';
import { csvRows } from './csv.js';
import { chunks, type TextInput } from './input.js';

export interface GemeenteRelation {
  gemeente: string;
  relatie: 'waterschap' | 'ggd';
  doel: string;
  line: number;
}

async function* withoutComments(input: TextInput): AsyncGenerator<string> {
  let text = '';
  for await (const c of chunks(input)) text += c;
  // Keep line numbers: a comment line becomes an empty line (skipped by the CSV reader).
  yield text.split('\n').map((l) => (l.trimStart().startsWith('#') ? '' : l)).join('\n');
}

export async function parseRelations(input: TextInput, file: string): Promise<GemeenteRelation[]> {
  const out: GemeenteRelation[] = [];
  const ggdOf = new Map<string, number>();
  for await (const row of csvRows(withoutComments(input), file, ['gemeente', 'relatie', 'doel'])) {
    const gemeente = row.get('gemeente');
    const relatie = row.get('relatie');
    const doel = row.get('doel');
    if (!isValidIri(gemeente)) throw new ValueListError(file, row.line, `gemeente must be an OWMS URI: ${JSON.stringify(gemeente)}`);
    if (relatie !== 'waterschap' && relatie !== 'ggd') throw new ValueListError(file, row.line, `relatie must be waterschap or ggd, not ${JSON.stringify(relatie)}`);
    if (!doel) throw new ValueListError(file, row.line, 'empty doel');
    if (relatie === 'waterschap' && !isValidIri(doel)) throw new ValueListError(file, row.line, `waterschap must be an OWMS URI: ${JSON.stringify(doel)}`);
    if (relatie === 'ggd') {
      const prev = ggdOf.get(gemeente);
      if (prev !== undefined) throw new ValueListError(file, row.line, `second GGD region for ${gemeente} (first on line ${prev})`);
      ggdOf.set(gemeente, row.line);
    }
    out.push({ gemeente, relatie, doel, line: row.line });
  }
  return out;
}
