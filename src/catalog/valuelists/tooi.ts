/**
 * TOOI register exports (rwc_*_compleet_N.json): expanded JSON-LD, a top-level array of node
 * objects with full IRIs as keys. The structure is regular, so it is read as JSON (no JSON-LD
 * processing, so no remote context can ever be fetched).
 */
import { PROV, RDFS, TOOI } from '../../shared/rdf/vocab.js';
import { isValidIri } from '../../shared/rdf/encode.js';
import { ISO_DATE, ValueListError, jsonErrorOffset, lineOf } from './errors.js';

export type TooiKind = 'gemeente' | 'provincie' | 'waterschap' | 'ministerie' | 'overig';

export interface TooiOrganisation {
  tooi: string;
  kind: TooiKind;
  /** OWMS URIs (tooi:owmsId); the first is the concept IRI (else the TOOI IRI), the others are exact matches. */
  owmsIds: string[];
  name: string;
  code?: string;
  /** TOOI IRI of the provincie (gemeenten). */
  provincie?: string;
  startDate?: string;
  endDate?: string;
  /** A tooi:HistorischeVersie (an earlier state of an organisation that continues). */
  historic: boolean;
}

/** A change (Samenvoeging, Uitbreiding, ...): organisations `from` were succeeded by `to`. */
export interface TooiChange {
  tooi: string;
  type: string;
  from: string[];
  to: string[];
  date?: string;
}

export interface TooiRegister {
  organisations: TooiOrganisation[];
  changes: TooiChange[];
}

type Node = Record<string, unknown>;

const KINDS: [string, TooiKind][] = [
  [TOOI.Gemeente.value, 'gemeente'],
  [TOOI.Provincie.value, 'provincie'],
  [TOOI.Waterschap.value, 'waterschap'],
  [TOOI.Ministerie.value, 'ministerie'],
];
const CHANGE_TYPES = new Set([TOOI.Samenvoeging.value, TOOI.Uitbreiding.value, TOOI.Herschikking.value, TOOI.Afsplitsing.value]);

function values(n: Node, p: string): unknown[] {
  const v = n[p];
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}
function literals(n: Node, p: string): string[] {
  return values(n, p).flatMap((v) => (v && typeof v === 'object' && typeof (v as Node)['@value'] === 'string' ? [(v as Node)['@value'] as string] : []));
}
function ids(n: Node, p: string): string[] {
  return values(n, p).flatMap((v) => (v && typeof v === 'object' && typeof (v as Node)['@id'] === 'string' ? [(v as Node)['@id'] as string] : []));
}

export function parseTooi(text: string, file: string): TooiRegister {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ValueListError(file, lineOf(text, jsonErrorOffset(text)), `not JSON: ${(e as Error).message.slice(0, 200)}`);
  }
  const nodes = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as Node)['@graph']) ? ((data as Node)['@graph'] as unknown[]) : undefined;
  if (!nodes) throw new ValueListError(file, 1, 'expected expanded JSON-LD: an array of node objects (or an object with @graph)');
  const organisations: TooiOrganisation[] = [];
  const changes: TooiChange[] = [];
  nodes.forEach((raw, i) => {
    if (!raw || typeof raw !== 'object') throw new ValueListError(file, undefined, `node #${i} is not an object`);
    const n = raw as Node;
    const id = typeof n['@id'] === 'string' ? n['@id'] : '';
    const types = values(n, '@type').filter((t): t is string => typeof t === 'string');
    const where = (msg: string) => new ValueListError(file, lineOf(text, text.indexOf(JSON.stringify(id))), `${id}: ${msg}`);
    const kind = KINDS.find(([t]) => types.includes(t))?.[1] ?? (literals(n, TOOI.owmsId.value).length ? 'overig' : undefined);
    if (kind) {
      if (!isValidIri(id)) throw where('not an IRI');
      const owmsIds = literals(n, TOOI.owmsId.value);
      // Some organisations (e.g. newer ministeries) have no OWMS URI: their TOOI IRI is the concept IRI then.
      if (!owmsIds.every(isValidIri)) throw where('invalid tooi:owmsId');
      const name = literals(n, TOOI.officieleNaamExclSoort.value)[0] ?? literals(n, TOOI.voorkeursnaamExclSoort.value)[0] ?? literals(n, RDFS.label.value)[0];
      if (!name) throw where('no name');
      const code = [TOOI.gemeentecode, TOOI.provinciecode, TOOI.waterschapscode, TOOI.ministeriecode, TOOI.organisatiecode].map((p) => literals(n, p.value)[0]).find((c) => c);
      const startDate = literals(n, TOOI.begindatum.value)[0];
      const endDate = literals(n, TOOI.einddatum.value)[0];
      for (const d of [startDate, endDate]) if (d !== undefined && !ISO_DATE.test(d)) throw where(`not a date: ${JSON.stringify(d)}`);
      const provincie = ids(n, TOOI.ligtInProvincie.value)[0];
      organisations.push({
        tooi: id,
        kind,
        owmsIds,
        name,
        historic: types.includes(TOOI.HistorischeVersie.value),
        ...(code ? { code } : {}),
        ...(provincie ? { provincie } : {}),
        ...(startDate ? { startDate } : {}),
        ...(endDate ? { endDate } : {}),
      });
    } else if (types.some((t) => CHANGE_TYPES.has(t))) {
      const date = literals(n, TOOI('tijdstipWijziging').value)[0]?.slice(0, 10);
      changes.push({
        tooi: id,
        type: types.find((t) => CHANGE_TYPES.has(t)) ?? '',
        from: ids(n, PROV.invalidated.value),
        to: [...ids(n, PROV.generated.value), ...ids(n, PROV.used.value)],
        ...(date ? { date } : {}),
      });
    }
  });
  return { organisations, changes };
}
