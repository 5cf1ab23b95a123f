/**
 * An SRU diagnostic (info:srw/diagnostic/1/N): how every refused request is answered. Thrown by
 * the parameter checks and the CQL translator, caught by the route and written as XML.
 */
export class SruDiagnostic extends Error {
  constructor(
    readonly code: number,
    /** What exactly was refused (a parameter name, an index, a term). */
    readonly details: string,
    message?: string,
  ) {
    super(message ?? `SRU diagnostic ${code}: ${details}`);
    this.name = 'SruDiagnostic';
  }

  get uri(): string {
    return `info:srw/diagnostic/1/${this.code}`;
  }
}

/** The diagnostic codes used here (DOMAIN.md section 2; SRU 1.2 diagnostics list). */
export const DIAG = {
  general: 1,
  unsupportedOperation: 4,
  unsupportedVersion: 5,
  unsupportedParameterValue: 6,
  missingParameter: 7,
  unsupportedParameter: 8,
  querySyntax: 10,
  unsupportedIndex: 16,
  unsupportedRelation: 19,
  unsupportedRelationModifier: 20,
  unsupportedCombination: 22,
  nonSpecialEscaped: 26,
  emptyTerm: 27,
  invalidTerm: 36,
  unsupportedBoolean: 37,
  unsupportedBooleanModifier: 46,
  unsupportedFeature: 48,
  tooManyRecords: 60,
  firstRecordOutOfRange: 61,
  unsupportedSort: 80,
} as const;
