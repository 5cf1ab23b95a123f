/** Public surface of the audit pages (the audit log itself is src/shared/audit/audit-log.ts). */
export { createAuditRoutes } from './routes.js';
export { AUDIT_PATH, auditHistoryPath } from './paths.js';
export type { AuditFilter, AuditRecord, AuditPage } from './model.js';
