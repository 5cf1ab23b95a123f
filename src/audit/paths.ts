/** Where the audit trail lives, and links into it. */

export const AUDIT_PATH = '/beheer/audit';

/** The history of one resource: the audit trail filtered on it. */
export function auditHistoryPath(resourceIri: string): string {
  return `${AUDIT_PATH}?${new URLSearchParams({ resource: resourceIri }).toString()}`;
}

/** The audit trail with these query parameters. */
export function auditPath(params: URLSearchParams): string {
  const q = params.toString();
  return q ? `${AUDIT_PATH}?${q}` : AUDIT_PATH;
}
