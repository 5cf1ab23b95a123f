/** Reading product fields from a posted form or a JSON body (strings only; the service judges them). */
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { EMPTY_FIELDS, type ProductFields } from './model.js';

type Form = Record<string, string | File | (string | File)[]>;

const MAX = 10_000;

function first(form: Form, name: string): string {
  const v = form[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.slice(0, MAX) : '';
}

function all(form: Form, name: string): string[] {
  const v = form[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((s): s is string => typeof s === 'string').map((s) => s.slice(0, MAX));
}

/** The fields of the product form, and the hidden version of the product it was loaded from. */
export function fieldsFromForm(form: Form): { fields: ProductFields; version: string | undefined } {
  const fields: ProductFields = {
    title: first(form, 'title'),
    abstract: first(form, 'abstract'),
    identifier: first(form, 'identifier'),
    productID: first(form, 'productID'),
    audience: all(form, 'audience'),
    onlineAanvragen: first(form, 'onlineAanvragen') || EMPTY_FIELDS.onlineAanvragen,
    aanvraagURL: first(form, 'aanvraagURL'),
    eenmaligAanmelden: first(form, 'eenmaligAanmelden'),
    contactpunt: first(form, 'contactpunt'),
    upl: first(form, 'upl'),
  };
  const version = first(form, 'version');
  return { fields, version: version === '' ? undefined : version };
}

const str = z.string().max(MAX);
const productBody = z
  .object({
    title: str,
    abstract: str,
    identifier: str,
    productID: str.optional(),
    audience: z.array(str).max(4),
    onlineAanvragen: str,
    aanvraagURL: str.optional(),
    eenmaligAanmelden: str.optional(),
    contactpunt: str.optional(),
    upl: str,
  })
  .strict();

/** The fields of a JSON product body (400 naming the field when the shape is wrong). */
export function fieldsFromJson(body: unknown): ProductFields {
  const r = productBody.safeParse(body);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new AppError('bad_request', `Invalid product: ${issue ? `${issue.path.join('.') || '(body)'}: ${issue.message}` : 'unexpected shape'}`);
  }
  return { ...EMPTY_FIELDS, ...r.data, productID: r.data.productID ?? '', aanvraagURL: r.data.aanvraagURL ?? '', eenmaligAanmelden: r.data.eenmaligAanmelden ?? '', contactpunt: r.data.contactpunt ?? '' };
}
