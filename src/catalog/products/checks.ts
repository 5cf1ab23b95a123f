/**
 * What the SC writer needs before the catalogue rules can run (required fields, URL shapes, the
 * closed value sets of the form), and the product version used for optimistic concurrency.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors.js';
import { AUDIENCES, EENMALIG, ONLINE, type FieldProblem, type ProductFields } from './model.js';

const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

export function versionToken(version: number, sourceXml: string): string {
  return `${version}-${createHash('sha256').update(sourceXml, 'utf8').digest('hex').slice(0, 16)}`;
}

/** The audit version to expect, after checking the editor's token against the stored product (409 when stale). */
export function checkVersion(existing: { version: string }, token: string | undefined): number {
  const current = Number(existing.version.split('-')[0]);
  if (token === undefined) return current;
  if (token !== existing.version) throw new AppError('precondition_failed', 'The product was changed by someone else meanwhile; reload it and try again');
  return current;
}

/** What the writer needs before the rules can run (each with the rules' code where there is one). */
export function formProblems(f: ProductFields, productID: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  const add = (field: FieldProblem['field'], code: string, message: string) => out.push({ field, code, message });
  if (f.title.trim() === '') add('title', 'title-missing', 'A title is required');
  if (f.abstract.trim() === '') add('abstract', 'abstract-missing', 'dcterms:abstract is required');
  if (!HTTP_URL.test(f.identifier.trim())) add('identifier', 'identifier-url', 'The product page must be an http(s) URL');
  if (productID === '') add('productID', 'productid-missing', 'overheidproduct:productID is required');
  if (f.audience.length === 0) add('audience', 'audience-missing', 'At least one dcterms:audience is required');
  for (const a of f.audience) if (!(AUDIENCES as readonly string[]).includes(a)) add('audience', 'audience-value', `dcterms:audience must be particulier or ondernemer, not "${a}"`);
  if (!(ONLINE as readonly string[]).includes(f.onlineAanvragen)) add('onlineAanvragen', 'onlineaanvragen-value', 'onlineAanvragen must be ja, digid or nee');
  if (f.aanvraagURL.trim() !== '' && !HTTP_URL.test(f.aanvraagURL.trim())) add('aanvraagURL', 'aanvraagurl-url', 'The aanvraag URL must be an http(s) URL');
  if (f.eenmaligAanmelden.trim() !== '' && !(EENMALIG as readonly string[]).includes(f.eenmaligAanmelden.trim())) add('eenmaligAanmelden', 'eenmaligaanmelden-value', 'eenmaligAanmelden must be ja, nee or digi-d');
  if (f.upl.trim() === '') add('upl', 'upl-missing', `Choose a name from the Uniforme Productnamenlijst (or "UPL-naam nog niet beschikbaar")`);
  return out;
}
