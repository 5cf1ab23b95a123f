/**
 * Reads the audit graph (written only by src/shared/audit/audit-log.ts): one query for a page of
 * entry IRIs (filters, newest first), one for those entries' triples, one for the labels of the
 * agents, resources and scopes they mention. Read-only: nothing here writes.
 */
import type * as RDF from '@rdfjs/types';
import { labelsOf } from '../shared/rdf/describe.js';
import { sparql, type SparqlFragment } from '../shared/rdf/encode.js';
import { literal, namedNode, quad } from '../shared/rdf/factory.js';
import { PROV, RDF_, STELSEL, XSD } from '../shared/rdf/vocab.js';
import type { TripleStore } from '../shared/store/port.js';
import type { UriPolicy } from '../shared/uri.js';
import type { AuditFilter, AuditPage, AuditRecord } from './model.js';

export class AuditRepository {
  constructor(
    private readonly store: TripleStore,
    private readonly uris: UriPolicy,
  ) {}

  async page(filter: AuditFilter): Promise<AuditPage> {
    const ids = await this.entryIds(filter);
    const hasMore = ids.length > filter.size;
    if (hasMore) ids.length = filter.size;
    const triples = ids.length ? await this.triplesOf(ids) : [];
    const entries = ids.map((id) => toRecord(id, triples.filter((t) => t.subject.equals(id))));
    await this.addLabels(entries);
    return { filter, entries, quads: triples, hasMore };
  }

  /** IRIs of the entries of the requested page (one extra, to know whether more exist). */
  private async entryIds(f: AuditFilter): Promise<RDF.NamedNode[]> {
    const dt = (d: Date) => literal(d.toISOString(), XSD.dateTime);
    const conditions: SparqlFragment[] = [];
    if (f.resource) conditions.push(sparql`?e ${STELSEL.resource} ${f.resource} .`);
    if (f.scope) conditions.push(sparql`?e ${STELSEL.scope} ${f.scope} .`);
    if (f.agent) conditions.push(sparql`?e ${PROV.wasAssociatedWith} ${f.agent} .`);
    if (f.action !== undefined) conditions.push(sparql`?e ${STELSEL.action} ${literal(f.action)} .`);
    if (f.outcome !== undefined) conditions.push(sparql`?e ${STELSEL.outcome} ${literal(f.outcome)} .`);
    if (f.from) conditions.push(sparql`FILTER(?at >= ${dt(f.from)})`);
    if (f.until) conditions.push(sparql`FILTER(?at < ${dt(f.until)})`);
    const rows = await this.store.select(sparql`
      SELECT ?e ?at WHERE {
        GRAPH ${this.uris.auditGraph} {
          ?e ${RDF_.type} ${STELSEL.AuditEntry} ; ${PROV.startedAtTime} ?at .
          ${sparql.join(conditions)}
        }
      }
      ORDER BY DESC(?at) DESC(STR(?e))
      LIMIT ${f.size + 1} OFFSET ${(f.page - 1) * f.size}`);
    return rows.flatMap((r) => (r.e?.termType === 'NamedNode' ? [r.e] : []));
  }

  /** Every triple of these entries in the audit graph (graph dropped). */
  private async triplesOf(ids: readonly RDF.NamedNode[]): Promise<RDF.Quad[]> {
    const rows = await this.store.select(sparql`
      SELECT ?e ?p ?o WHERE { VALUES ?e { ${ids} } GRAPH ${this.uris.auditGraph} { ?e ?p ?o } }`);
    const out: RDF.Quad[] = [];
    for (const r of rows) {
      if (r.e?.termType !== 'NamedNode' || r.p?.termType !== 'NamedNode' || !r.o) continue;
      if (r.o.termType !== 'NamedNode' && r.o.termType !== 'Literal') continue;
      out.push(quad(r.e, r.p, r.o));
    }
    return out;
  }

  /** Names for agents, resources and scopes: their labels in the store, and two names of our own. */
  private async addLabels(entries: AuditRecord[]): Promise<void> {
    const own = new Map<string, string>([
      [this.uris.id('agent', 'bootstrap').value, 'Bootstraptoken (ADMIN_TOKEN)'],
      [this.uris.platform.value, 'Platform'],
    ]);
    const iris = new Set<string>();
    for (const e of entries) for (const i of [e.agent, e.resource, e.scope]) if (i && !own.has(i)) iris.add(i);
    const labels = iris.size ? await labelsOf(this.store, [...iris].map((i) => namedNode(i))) : new Map<string, RDF.Literal>();
    const name = (iri: string | undefined) => (iri === undefined ? undefined : (own.get(iri) ?? labels.get(iri)?.value));
    for (const e of entries) {
      const a = name(e.agent);
      const r = name(e.resource);
      const s = name(e.scope);
      if (a) e.agentLabel = a;
      if (r) e.resourceLabel = r;
      if (s) e.scopeLabel = s;
    }
  }
}

/** An entry's triples as a record. */
export function toRecord(id: RDF.NamedNode, triples: readonly RDF.Quad[]): AuditRecord {
  const rec: AuditRecord = { id: id.value, time: '', action: '', outcome: '', affectedGraphs: [] };
  for (const { predicate: p, object: o } of triples) {
    const v = o.value;
    if (p.equals(PROV.startedAtTime)) rec.time = normaliseTime(v);
    else if (p.equals(STELSEL.action)) rec.action = v;
    else if (p.equals(STELSEL.outcome)) rec.outcome = v;
    else if (p.equals(STELSEL.requestId)) rec.requestId = v;
    else if (p.equals(PROV.wasAssociatedWith)) rec.agent = v;
    else if (p.equals(STELSEL.resource)) rec.resource = v;
    else if (p.equals(STELSEL.scope)) rec.scope = v;
    else if (p.equals(PROV.value)) rec.detail = v;
    else if (p.equals(STELSEL.affectedGraph)) rec.affectedGraphs.push(v);
    else if (p.equals(STELSEL.versionBefore)) rec.versionBefore = Number(v);
    else if (p.equals(STELSEL.versionAfter)) rec.versionAfter = Number(v);
  }
  rec.affectedGraphs.sort();
  return rec;
}

/** The time as ISO 8601 in UTC with milliseconds (a remote store may write it differently). */
function normaliseTime(v: string): string {
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? v : new Date(ms).toISOString();
}
