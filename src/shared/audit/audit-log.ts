/**
 * The audit log: every write is recorded as a PROV-O activity in the audit graph, committed in the
 * same transaction as the change (so neither exists without the other). Entries are only ever
 * inserted; no API edits or deletes them.
 *
 * Each audited resource carries a version counter in the versions graph. A write names the version
 * it expects (or takes the current one), the transaction's precondition checks it, and the entry
 * records the version before and after.
 */
import { randomUUID } from 'node:crypto';
import type * as RDF from '@rdfjs/types';
import { sparql } from '../rdf/encode.js';
import { literal, namedNode, quad } from '../rdf/factory.js';
import { PROV, RDF_, STELSEL, XSD } from '../rdf/vocab.js';
import { preconditionsOf, type Precondition, type Transaction, type TripleStore } from '../store/port.js';
import type { UriPolicy } from '../uri.js';
import { agentOf, type Actor } from '../auth/actor.js';

export interface AuditContext {
  actor: Actor;
  requestId: string;
}

export interface AuditEntry {
  /** Stable action name, e.g. 'token.issue', 'graph.replace', 'login', 'authorization.denied'. */
  action: string;
  /** The resource acted on (its IRI). */
  resource?: RDF.NamedNode;
  /** Organisation (or committee, or platform) in whose scope the action happened. */
  scope?: RDF.NamedNode;
  /** For a write: the version the caller based its change on; omitted = take the current one. */
  expectVersion?: number;
  outcome?: 'success' | 'denied' | 'failure';
  /** Short, client-safe detail (e.g. the reason of a denial). */
  detail?: string;
}

export interface AuditResult {
  entry: RDF.NamedNode;
  versionBefore?: number;
  versionAfter?: number;
}

export class AuditLog {
  constructor(
    private readonly store: TripleStore,
    private readonly uris: UriPolicy,
  ) {}

  /** Current version of a resource (0 when it was never written through the audit log). */
  async version(resource: RDF.NamedNode): Promise<number> {
    const rows = await this.store.select(
      sparql`SELECT ?v WHERE { GRAPH ${this.uris.versionsGraph} { ${resource} ${STELSEL.version} ?v } }`,
    );
    const v = rows[0]?.v;
    return v ? Number(v.value) : 0;
  }

  /**
   * Commits `tx` together with its audit entry (and the resource's next version), atomically.
   * Throws PreconditionFailed (409) when the resource's version is not the expected one.
   */
  async write(ctx: AuditContext, entry: AuditEntry, tx: Transaction): Promise<AuditResult> {
    const graphs = new Map<string, RDF.NamedNode>();
    for (const r of tx.replaceGraphs ?? []) graphs.set(r.graph.value, r.graph);
    for (const q of [...(tx.insert ?? []), ...(tx.delete ?? [])]) if (q.graph.termType === 'NamedNode') graphs.set(q.graph.value, q.graph);

    const inserts: RDF.Quad[] = [...(tx.insert ?? [])];
    const deletes: RDF.Quad[] = [...(tx.delete ?? [])];
    const preconditions: Precondition[] = [...preconditionsOf(tx)];
    let before: number | undefined;
    let after: number | undefined;
    if (entry.resource) {
      const r = entry.resource;
      const vg = this.uris.versionsGraph;
      before = entry.expectVersion ?? (await this.version(r));
      after = before + 1;
      const v = (n: number) => quad(r, STELSEL.version, literal(String(n), XSD.integer), vg);
      if (before > 0) deletes.push(v(before));
      inserts.push(v(after));
      preconditions.push({
        ask:
          before > 0
            ? sparql`ASK { GRAPH ${vg} { ${r} ${STELSEL.version} ${literal(String(before), XSD.integer)} } }`
            : sparql`ASK { FILTER NOT EXISTS { GRAPH ${vg} { ${r} ${STELSEL.version} ?v } } }`,
        expect: true,
        message: `The resource was changed by someone else (expected version ${before}); reload and try again`,
      });
    }
    const iri = this.entryIri();
    inserts.push(...this.entryQuads(iri, ctx, { ...entry, outcome: entry.outcome ?? 'success' }, [...graphs.values()], before, after));
    await this.store.transact({ ...tx, delete: deletes, insert: inserts, precondition: preconditions });
    return { entry: iri, versionBefore: before, versionAfter: after };
  }

  /** Records an event that changes nothing else (a login, a denied authorisation). */
  async record(ctx: AuditContext, entry: AuditEntry): Promise<RDF.NamedNode> {
    const iri = this.entryIri();
    await this.store.transact({ insert: this.entryQuads(iri, ctx, { outcome: 'success', ...entry }, [], undefined, undefined) });
    return iri;
  }

  private entryIri(): RDF.NamedNode {
    return namedNode(`${this.uris.auditGraph.value}/${randomUUID()}`);
  }

  private entryQuads(
    iri: RDF.NamedNode,
    ctx: AuditContext,
    e: AuditEntry,
    graphs: RDF.NamedNode[],
    before: number | undefined,
    after: number | undefined,
  ): RDF.Quad[] {
    const g = this.uris.auditGraph;
    const now = new Date().toISOString(); // always with milliseconds
    const q = (p: RDF.NamedNode, o: RDF.Quad_Object) => quad(iri, p, o, g);
    const agent = agentOf(ctx.actor);
    return [
      q(RDF_.type, PROV.Activity),
      q(RDF_.type, STELSEL.AuditEntry),
      q(PROV.startedAtTime, literal(now, XSD.dateTime)),
      q(PROV.endedAtTime, literal(now, XSD.dateTime)),
      q(STELSEL.action, literal(e.action)),
      q(STELSEL.outcome, literal(e.outcome ?? 'success')),
      q(STELSEL.requestId, literal(ctx.requestId)),
      ...(agent ? [q(PROV.wasAssociatedWith, namedNode(agent))] : []),
      ...(e.resource ? [q(STELSEL.resource, e.resource), q(PROV.used, e.resource)] : []),
      ...(e.scope ? [q(STELSEL.scope, e.scope)] : []),
      ...(e.detail ? [q(PROV.value, literal(e.detail.slice(0, 1000)))] : []),
      ...graphs.map((x) => q(STELSEL.affectedGraph, x)),
      ...(before !== undefined ? [q(STELSEL.versionBefore, literal(String(before), XSD.integer))] : []),
      ...(after !== undefined ? [q(STELSEL.versionAfter, literal(String(after), XSD.integer))] : []),
    ];
  }
}
