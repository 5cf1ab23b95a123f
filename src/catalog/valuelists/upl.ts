/**
 * The Uniforme Productnamenlijst (owms/oquery/UPL-actueel.csv): one row per product x legal basis,
 * so a URI repeats. Rows are merged per URI: flags are OR-ed, legal bases collected.
 * The special value `UPL-naam nog niet beschikbaar` is kept like any other entry.
 */
import { isValidIri } from '../../shared/rdf/encode.js';
import { ValueListError } from './errors.js';
import { csvRows } from './csv.js';
import type { TextInput } from './input.js';

const SDG_CODE = /^[A-Z]\d{1,2}$/;

export const UPL_NOT_YET_AVAILABLE = 'UPL-naam nog niet beschikbaar';

/** Flag columns of UPL-actueel.csv ('X' = yes). The SDG column holds an SDG code instead. */
export const UPL_FLAGS = [
  'Rijk', 'Provincie', 'Waterschap', 'Gemeente', 'Burger', 'Bedrijf', 'Dienstenwet', 'Autonomie', 'Medebewind',
  'Aanvraag', 'Subsidie', 'Melding', 'Verplichting', 'DigiDMacht',
] as const;
export type UplFlag = (typeof UPL_FLAGS)[number];

export interface Grondslag {
  uri?: string;
  label: string;
  link?: string;
}

export interface UplProduct {
  uri: string;
  label: string;
  flags: Set<UplFlag>;
  /** Legal bases (Grondslag = OWMS URI, Grondslaglabel, Grondslaglink = wetten.overheid.nl), deduplicated. */
  grondslagen: Grondslag[];
  /** SDG information-area codes (the SDG column, merged with UPL-SDG-Informatiegebied.csv), e.g. 'A1'. */
  sdgCodes: string[];
  line: number;
}

export async function parseUpl(input: TextInput, file: string): Promise<UplProduct[]> {
  const byUri = new Map<string, UplProduct>();
  for await (const row of csvRows(input, file, ['UniformeProductnaam', 'URI'])) {
    const uri = row.get('URI');
    const label = row.get('UniformeProductnaam');
    if (!isValidIri(uri)) throw new ValueListError(file, row.line, `URI is not an absolute IRI: ${JSON.stringify(uri)}`);
    if (!label) throw new ValueListError(file, row.line, 'empty UniformeProductnaam');
    let p = byUri.get(uri);
    if (!p) {
      p = { uri, label, flags: new Set(), grondslagen: [], sdgCodes: [], line: row.line };
      byUri.set(uri, p);
    } else if (p.label !== label) {
      throw new ValueListError(file, row.line, `URI ${uri} has label ${JSON.stringify(label)} here and ${JSON.stringify(p.label)} on line ${p.line}`);
    }
    for (const f of UPL_FLAGS) if (row.get(f).toUpperCase() === 'X') p.flags.add(f);
    // The SDG column holds zero or more codes separated by ';' (e.g. "B4;C1;C4").
    for (const sdg of row.get('SDG').split(';').map((x) => x.trim()).filter(Boolean)) {
      if (!SDG_CODE.test(sdg)) throw new ValueListError(file, row.line, `SDG is not an SDG code: ${JSON.stringify(sdg)}`);
      if (!p.sdgCodes.includes(sdg)) p.sdgCodes.push(sdg);
    }
    const gUri = row.get('Grondslag');
    const gLabel = row.get('Grondslaglabel') || gUri;
    const gLink = row.get('Grondslaglink');
    if (gLabel) {
      const g: Grondslag = { label: gLabel, ...(gUri && isValidIri(gUri) ? { uri: gUri } : {}), ...(gLink && isValidIri(gLink) ? { link: gLink } : {}) };
      if (!p.grondslagen.some((x) => x.label === g.label && x.uri === g.uri && x.link === g.link)) p.grondslagen.push(g);
    }
  }
  return [...byUri.values()];
}

/** UPL URI -> SDG codes (UPL-SDG-Informatiegebied.csv: UniformeProductnaam,URI,SDG_Code,...). */
export async function parseUplSdg(input: TextInput, file: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for await (const row of csvRows(input, file, ['URI', 'SDG_Code'])) {
    const uri = row.get('URI');
    const code = row.get('SDG_Code');
    if (!uri || !code) continue;
    if (!SDG_CODE.test(code)) throw new ValueListError(file, row.line, `not an SDG code: ${JSON.stringify(code)}`);
    const list = out.get(uri) ?? [];
    if (!list.includes(code)) list.push(code);
    out.set(uri, list);
  }
  return out;
}

export function applySdg(products: UplProduct[], sdg: Map<string, string[]>): void {
  for (const p of products) p.sdgCodes = [...new Set([...p.sdgCodes, ...(sdg.get(p.uri) ?? [])])].sort();
}
