import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HTTPException } from 'hono/http-exception';
import N3 from 'n3';
import { AppError, type ErrorCode } from '../errors.js';
import { PreconditionFailed, StoreUnavailable } from '../store/port.js';
import { TermEncodingError } from '../rdf/encode.js';
import { PREFIXES } from '../rdf/vocab.js';
import { ErrorPage } from '../render/error-page.js';
import { ValidationFailed } from '../shacl/validating-store.js';
import { ValidationReportPage } from '../shacl/report-view.js';
import { reportToQuads } from '../shacl/validator.js';
import { preferredType } from './conneg.js';

/** The one table from error code to HTTP status. */
export const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  invalid_term: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  conflict: 409,
  precondition_failed: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  query_timeout: 503,
  store_unavailable: 503,
  internal: 500,
};

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof PreconditionFailed) return new AppError('precondition_failed', err.message);
  if (err instanceof StoreUnavailable) return new AppError('store_unavailable', 'The triple store is unavailable; try again later');
  if (err instanceof TermEncodingError) return new AppError('invalid_term', err.message);
  if (err instanceof HTTPException) {
    const byStatus: Partial<Record<number, ErrorCode>> = {
      400: 'bad_request',
      401: 'unauthorized',
      403: 'forbidden',
      404: 'not_found',
      413: 'payload_too_large',
      415: 'unsupported_media_type',
    };
    return new AppError(byStatus[err.status] ?? 'internal', err.status === 413 ? 'The request body is too large' : err.message || 'Request refused');
  }
  return new AppError('internal', 'An unexpected error occurred');
}

/** Renders an error as JSON, HTML, Turtle (SHACL reports) or plain text, by the Accept header. */
export function renderError(c: Context, err: AppError, requestId: string): Response | Promise<Response> {
  const status = STATUS[err.code];
  if (status === 401) c.header('WWW-Authenticate', 'Bearer realm="stelsel"');
  const offered = ['application/json', 'application/problem+json', 'text/html', 'text/plain'];
  if (err instanceof ValidationFailed) offered.push('text/turtle');
  const type = preferredType(c.req.header('accept'), offered) ?? 'application/json';
  if (err instanceof ValidationFailed && type === 'text/turtle') {
    const writer = new N3.Writer({ prefixes: { sh: PREFIXES.sh!, xsd: PREFIXES.xsd! } });
    writer.addQuads(reportToQuads(err.report));
    let body = '';
    writer.end((_e, out) => (body = out));
    return c.body(body, status, { 'Content-Type': 'text/turtle; charset=utf-8' });
  }
  if (type === 'text/html') {
    if (err instanceof ValidationFailed) return c.html(ValidationReportPage({ report: err.report, requestId }), status);
    return c.html(ErrorPage({ status, code: err.code, message: err.message, requestId, details: err.details }), status);
  }
  if (type === 'text/plain') return c.text(`${status} ${err.code}: ${err.message}\nrequest id: ${requestId}\n`, status);
  return c.json(
    { error: { code: err.code, message: err.message, requestId, ...(err.details !== undefined ? { details: err.details } : {}) } },
    status,
  );
}
