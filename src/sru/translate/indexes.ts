/**
 * The whitelist of SC indexes. Every CQL index maps to one typed field; anything else is
 * diagnostic 16. Names are case-insensitive and may carry one of the context-set prefixes the SC
 * service uses (`dcterms.title`, `overheidproduct.onlineaanvragen`, `overheid.authority`).
 */
import { SruDiagnostic, DIAG } from '../diagnostic.js';
import type { TextField, ValueField } from '../../catalog/search-index/index.js';

export type IndexSpec =
  | { kind: 'text'; field: TextField; name: string }
  | { kind: 'value'; field: ValueField; name: string }
  | { kind: 'date'; name: string }
  | { kind: 'all'; name: string }
  | { kind: 'scope'; field: 'postcode' | 'organisatie'; name: string };

const PREFIXES = ['dcterms.', 'dc.', 'dct.', 'overheid.', 'overheidproduct.', 'cql.'];

const TEXT: Record<string, TextField> = {
  keyword: 'keyword', serverchoice: 'keyword', anywhere: 'keyword', title: 'title', abstract: 'abstract',
  subject: 'subject', producthtml: 'producthtml', authority: 'authority',
};
const VALUE: Record<string, ValueField> = {
  audience: 'audience', language: 'language', identifier: 'identifier', productid: 'productid', type: 'type',
  onlineaanvragen: 'onlineaanvragen', aanvraagurl: 'aanvraagurl', eenmaligaanmelden: 'eenmaligaanmelden',
  organisatietype: 'organisatietype', spatialtype: 'spatialtype', uniformeproductnaam: 'uniformeproductnaam',
  gerelateerdproduct: 'gerelateerdproduct',
};

/** The field of an index as written (null: a bare term, the server's choice = keyword). */
export function indexSpec(written: string | null): IndexSpec {
  if (written === null) return { kind: 'text', field: 'keyword', name: 'keyword' };
  let name = written.toLowerCase();
  const prefix = PREFIXES.find((p) => name.startsWith(p));
  if (prefix) name = name.slice(prefix.length);
  if (name.includes('.')) throw new SruDiagnostic(DIAG.unsupportedIndex, written, `Unsupported index: ${written}`);
  const text = TEXT[name];
  if (text) return { kind: 'text', field: text, name };
  const value = VALUE[name];
  if (value) return { kind: 'value', field: value, name };
  if (name === 'modified') return { kind: 'date', name };
  if (name === 'allrecords') return { kind: 'all', name };
  if (name === 'postcode' || name === 'organisatie') return { kind: 'scope', field: name, name };
  throw new SruDiagnostic(DIAG.unsupportedIndex, written, `Unsupported index: ${written}`);
}

/** Index names for explain (ZeeRex): the SC names as the service documents them. */
export const EXPLAIN_INDEXES = [
  'keyword', 'title', 'abstract', 'subject', 'productHTML', 'authority', 'modified', 'audience', 'language', 'identifier',
  'productID', 'onlineAanvragen', 'aanvraagURL', 'eenmaligAanmelden', 'organisatieType', 'spatialType',
  'uniformeProductnaam', 'gerelateerdProduct', 'postcode', 'organisatie',
] as const;
