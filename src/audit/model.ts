/** The audit trail as the beheer pages see it: filters, and entries read back from the audit graph. */
import type * as RDF from '@rdfjs/types';

export const OUTCOMES = ['success', 'denied', 'failure'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface AuditFilter {
  /** Entries about this resource (stelsel:resource). */
  resource?: RDF.NamedNode;
  /** Entries in this organisation's (committee's, platform's) scope (stelsel:scope). */
  scope?: RDF.NamedNode;
  /** Entries of this agent: a user, an API token, or the bootstrap token (prov:wasAssociatedWith). */
  agent?: RDF.NamedNode;
  action?: string;
  outcome?: Outcome;
  /** Entries started at or after this instant. */
  from?: Date;
  /** Entries started before this instant. */
  until?: Date;
  /** 1-based page number, newest entries first. */
  page: number;
  size: number;
}

/** One entry, flattened for views and the JSON form. */
export interface AuditRecord {
  id: string;
  /** prov:startedAtTime as written (ISO 8601, UTC, milliseconds). */
  time: string;
  action: string;
  outcome: string;
  requestId?: string;
  agent?: string;
  agentLabel?: string;
  resource?: string;
  resourceLabel?: string;
  scope?: string;
  scopeLabel?: string;
  detail?: string;
  affectedGraphs: string[];
  versionBefore?: number;
  versionAfter?: number;
}

export interface AuditPage {
  filter: AuditFilter;
  entries: AuditRecord[];
  /** The entries' own triples (from the audit graph), for the RDF forms. */
  quads: RDF.Quad[];
  /** A next (older) page exists. */
  hasMore: boolean;
}
