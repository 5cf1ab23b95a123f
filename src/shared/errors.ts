/**
 * Domain errors carry a stable code; src/shared/http/errors.ts maps each code to an HTTP status
 * in one table. Domain code never mentions HTTP.
 */
export type ErrorCode =
  | 'bad_request'
  | 'invalid_term'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'not_acceptable'
  | 'conflict'
  | 'precondition_failed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'validation_failed'
  | 'rate_limited'
  | 'query_timeout'
  | 'store_unavailable'
  | 'internal';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra, client-safe information (e.g. a SHACL report, a parse position). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found`);
export const badRequest = (message: string, details?: unknown) => new AppError('bad_request', message, details);
