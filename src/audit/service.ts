/** The audit trail use case: beheerders only (authorised here, not only in the route), read-only. */
import type { Actor } from '../shared/auth/actor.js';
import { authorize } from '../shared/auth/policy.js';
import type { UriPolicy } from '../shared/uri.js';
import { parseAuditFilter } from './filters.js';
import type { AuditPage } from './model.js';
import type { AuditRepository } from './repository.js';

export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly uris: UriPolicy,
  ) {}

  /** One page of the trail for the filter in `params` (400 on a bad filter, 401/403 unless allowed). */
  async trail(actor: Actor, params: URLSearchParams): Promise<AuditPage> {
    authorize(actor, 'audit.read', undefined, this.uris.platform.value);
    return this.repository.page(parseAuditFilter(params));
  }
}
