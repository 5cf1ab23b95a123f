/**
 * Who is asking. Built once per request by the authentication middleware (session cookie, API
 * token, or the bootstrap ADMIN_TOKEN) and passed explicitly to services.
 */
import type { Role } from './roles.js';

export interface Grant {
  role: Role;
  /** IRI of the organisation, the committee, or the platform (UriPolicy.platform). */
  scope: string;
}

export type Actor =
  | { kind: 'anonymous' }
  /** A person logged in (OIDC or demo login). `iri` is the user's IRI under BASE_URL. */
  | { kind: 'user'; iri: string; name: string; grants: Grant[] }
  /** A machine client with an API token; `iri` is the token's IRI (its id, never its secret). */
  | { kind: 'token'; iri: string; name: string; grants: Grant[] }
  /** The bootstrap ADMIN_TOKEN: every right. `iri` identifies it in the audit log. */
  | { kind: 'bootstrap'; iri: string };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** Stelsel itself, for writes no person or client asked for (start-up data, seeding). */
export function systemActor(uris: { id(kind: string, ...id: string[]): { value: string } }): Actor {
  return { kind: 'bootstrap', iri: uris.id('agent', 'system').value };
}

export function grantsOf(actor: Actor): Grant[] {
  return actor.kind === 'user' || actor.kind === 'token' ? actor.grants : [];
}

/** The agent IRI recorded in the audit log (undefined for anonymous callers). */
export function agentOf(actor: Actor): string | undefined {
  return actor.kind === 'anonymous' ? undefined : actor.iri;
}
