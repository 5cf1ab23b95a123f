/**
 * SRU 1.2 request parameters (GET query string) checked the way the SC service checks them; every
 * problem is a diagnostic: 7 missing (details: the parameter), 4 operation, 5 version, 6 value,
 * 8 unknown parameter. Extension parameters (`x-...`) that are not ours are ignored, as SRU asks.
 */
import { DIAG, SruDiagnostic } from './diagnostic.js';
import { MAX_RECORDS } from './service.js';

export const DEFAULT_RECORDS = 10;
const SCHEMAS = new Set(['http://standaarden.overheid.nl/sru/', 'http://standaarden.overheid.nl/sru', 'gzd']);
const KNOWN = new Set([
  'version', 'operation', 'query', 'startRecord', 'maximumRecords', 'recordPacking', 'recordSchema', 'resultSetTTL',
  'stylesheet', 'extraRequestData', 'x-connection', 'x-info-1-accept',
]);

export type SruRequest =
  | { operation: 'explain' }
  | { operation: 'searchRetrieve'; query: string; startRecord: number; maximumRecords: number; facets: boolean };

function integer(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d{1,9}$/.test(raw.trim())) throw new SruDiagnostic(DIAG.unsupportedParameterValue, name, `${name} must be a whole number: ${raw}`);
  const n = Number(raw.trim());
  if (n < min) throw new SruDiagnostic(DIAG.unsupportedParameterValue, name, `${name} must be at least ${min}`);
  return n;
}

/** The checked request, from all query-string values (name -> values in order). */
export function parseSruParams(all: Record<string, string[]>): SruRequest {
  for (const [name, values] of Object.entries(all)) {
    if (!KNOWN.has(name) && !name.startsWith('x-')) throw new SruDiagnostic(DIAG.unsupportedParameter, name, `Unsupported parameter: ${name}`);
    if (values.length > 1) throw new SruDiagnostic(DIAG.unsupportedParameterValue, name, `${name} is given more than once`);
  }
  const get = (name: string) => all[name]?.[0];
  if (!Object.keys(all).length) return { operation: 'explain' };
  const operation = get('operation');
  if (operation === undefined) throw new SruDiagnostic(DIAG.missingParameter, 'operation', 'Mandatory parameter not supplied: operation');
  if (operation !== 'searchRetrieve' && operation !== 'explain') throw new SruDiagnostic(DIAG.unsupportedOperation, operation, `Unsupported operation: ${operation}`);
  const version = get('version');
  if (version === undefined) throw new SruDiagnostic(DIAG.missingParameter, 'version', 'Mandatory parameter not supplied: version');
  if (version !== '1.2') throw new SruDiagnostic(DIAG.unsupportedVersion, version, `Unsupported version: ${version} (this service speaks 1.2)`);
  const packing = get('recordPacking');
  if (packing !== undefined && packing !== 'xml') throw new SruDiagnostic(DIAG.unsupportedParameterValue, 'recordPacking', `Unsupported recordPacking: ${packing} (only xml)`);
  if (operation === 'explain') return { operation };

  const connection = get('x-connection');
  if (connection === undefined) throw new SruDiagnostic(DIAG.missingParameter, 'x-connection', 'Mandatory parameter not supplied: x-connection');
  if (connection.toLowerCase() !== 'sc') throw new SruDiagnostic(DIAG.unsupportedParameterValue, 'x-connection', `Unknown collection: ${connection} (only sc)`);
  const query = get('query');
  if (query === undefined) throw new SruDiagnostic(DIAG.missingParameter, 'query', 'Mandatory parameter not supplied: query');
  const schema = get('recordSchema');
  if (schema !== undefined && !SCHEMAS.has(schema)) throw new SruDiagnostic(DIAG.unsupportedParameterValue, 'recordSchema', `Unsupported recordSchema: ${schema}`);
  const accept = get('x-info-1-accept');
  if (accept !== undefined && accept !== 'any') throw new SruDiagnostic(DIAG.unsupportedParameterValue, 'x-info-1-accept', `Unsupported x-info-1-accept: ${accept} (only any)`);
  return {
    operation,
    query,
    startRecord: integer('startRecord', get('startRecord'), 1, 1),
    maximumRecords: Math.min(integer('maximumRecords', get('maximumRecords'), DEFAULT_RECORDS, 0), MAX_RECORDS),
    facets: accept === 'any',
  };
}
