/**
 * The SRU diagnostics this service answers with (info:srw/diagnostic/1/N), with the message
 * texts of the SRU diagnostics list (https://www.loc.gov/standards/sru/diagnostics/diagnosticsList.html).
 */
export const DIAGNOSTICS = {
  1: 'General system error',
  4: 'Unsupported operation',
  5: 'Unsupported version',
  6: 'Unsupported parameter value',
  7: 'Mandatory parameter not supplied',
  8: 'Unsupported parameter',
  10: 'Query syntax error',
  16: 'Unsupported index',
  19: 'Unsupported relation',
  20: 'Unsupported relation modifier',
  22: 'Unsupported combination of relation and index',
  26: 'Non special character escaped in term',
  27: 'Empty term unsupported',
  36: 'Term in invalid format for index or relation',
  37: 'Unsupported boolean operator',
  48: 'Query feature unsupported',
  60: 'Too many records retrieved',
  61: 'First record position out of range',
  80: 'Sort not supported',
} as const satisfies Readonly<Record<number, string>>;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;

/** One diagnostic as written in a response. */
export interface Diagnostic {
  readonly code: number;
  /** What exactly was wrong (parameter name, offending index, position in the query...). */
  readonly details?: string;
  readonly message: string;
}

/** The diagnostic URI of a code of the SRU diagnostic set. */
export function diagnosticUri(code: number): string {
  return `info:srw/diagnostic/1/${code}`;
}

/** A diagnostic with the standard message for its code. */
export function diagnostic(code: DiagnosticCode, details?: string): Diagnostic {
  return details === undefined ? { code, message: DIAGNOSTICS[code] } : { code, details, message: DIAGNOSTICS[code] };
}
