/**
 * Store access for harvest sources and reports (no authorisation here). Every write goes through
 * the audit log, in the same transaction.
 */
import type * as RDF from '@rdfjs/types';
import type { AuditContext } from '../../shared/audit/audit-log.js';
import type { CoreDeps } from '../../shared/http/context.js';
import { sparql } from '../../shared/rdf/encode.js';
import { literal } from '../../shared/rdf/factory.js';
import { DCT, PROV, RDFS, STELSEL } from '../../shared/rdf/vocab.js';
import type { Bindings } from '../../shared/store/port.js';
import {
  HISTORY_LIMIT, OUTCOMES, SLUG, reportGraph, reportGraphPrefix, reportIri, reportQuads, sourceGraph, sourceGraphPrefix,
  sourceIri, sourceQuads,
  type HarvestOutcome, type HarvestProblem, type HarvestReport, type HarvestSource, type HarvestTrigger,
} from './model.js';

const num = (t: RDF.Term | undefined): number | undefined => (t ? Number(t.value) : undefined);
const str = (t: RDF.Term | undefined): string | undefined => t?.value;

export class HarvestRepository {
  constructor(private readonly deps: Pick<CoreDeps, 'store' | 'uris' | 'audit'>) {}

  private organisation(slug: string): RDF.NamedNode {
    return this.deps.uris.id('organisatie', slug);
  }

  async listSources(): Promise<HarvestSource[]> {
    const rows = await this.deps.store.select(sparql`
      SELECT ?s ?org ?url ?created ?creator WHERE {
        GRAPH ?g { ?s a ${STELSEL.HarvestSource} ; ${STELSEL.organisation} ?org ; ${STELSEL.catalogueUrl} ?url ; ${DCT.created} ?created .
          OPTIONAL { ?s ${DCT.creator} ?creator } }
        FILTER(STRSTARTS(STR(?g), ${literal(sourceGraphPrefix(this.deps.uris))}))
      } ORDER BY ?org`);
    const prefix = this.deps.uris.url('/id/organisatie/');
    return rows.flatMap((r) => {
      const id = r.org?.value.startsWith(prefix) ? r.org.value.slice(prefix.length) : '';
      if (!SLUG.test(id) || !r.s || !r.url || !r.created) return [];
      return [{ id, iri: r.s.value, organisation: r.org!.value, url: r.url.value, created: r.created.value, ...(r.creator ? { creator: r.creator.value } : {}) }];
    });
  }

  async getSource(slug: string): Promise<HarvestSource | null> {
    return (await this.listSources()).find((s) => s.id === slug) ?? null;
  }

  /** Stores a new source; refused (409) when the organisation already has one. */
  async createSource(ctx: AuditContext, s: { id: string; url: string; created: string; creator?: string }): Promise<void> {
    const graph = sourceGraph(this.deps.uris, s.id);
    await this.deps.audit.write(
      ctx,
      { action: 'catalogue.harvest.source.create', resource: sourceIri(this.deps.uris, s.id), scope: this.organisation(s.id) },
      {
        replaceGraphs: [{ graph, quads: sourceQuads(this.deps.uris, { ...s, organisation: this.organisation(s.id).value }) }],
        precondition: {
          ask: sparql`ASK { GRAPH ${graph} { ?s a ${STELSEL.HarvestSource} } }`,
          expect: false,
          message: 'Deze organisatie heeft al een oogstbron; verwijder die eerst',
        },
      },
    );
  }

  /** Removes a source and its history in one audited transaction. */
  async deleteSource(ctx: AuditContext, slug: string): Promise<void> {
    const graph = sourceGraph(this.deps.uris, slug);
    const history = await this.reportGraphs(slug);
    await this.deps.audit.write(
      ctx,
      { action: 'catalogue.harvest.source.delete', resource: sourceIri(this.deps.uris, slug), scope: this.organisation(slug) },
      {
        replaceGraphs: [graph, ...history].map((g) => ({ graph: g, quads: [] })),
        precondition: { ask: sparql`ASK { GRAPH ${graph} { ?s a ${STELSEL.HarvestSource} } }`, expect: true, message: 'Deze oogstbron bestaat niet (meer)' },
      },
    );
  }

  /** The report graphs of a source, newest first. */
  async reportGraphs(slug: string): Promise<RDF.NamedNode[]> {
    const rows = await this.deps.store.select(sparql`
      SELECT DISTINCT ?g WHERE {
        GRAPH ?g { ?r a ${STELSEL.HarvestReport} }
        FILTER(STRSTARTS(STR(?g), ${literal(reportGraphPrefix(this.deps.uris, slug))}))
      } ORDER BY DESC(?g)`);
    return rows.flatMap((r) => (r.g?.termType === 'NamedNode' ? [r.g] : []));
  }

  /** Stores a run's report (audited) and drops the oldest reports beyond HISTORY_LIMIT. */
  async saveReport(ctx: AuditContext, slug: string, report: Omit<HarvestReport, 'iri' | 'source'>): Promise<void> {
    const older = (await this.reportGraphs(slug)).slice(HISTORY_LIMIT - 1);
    await this.deps.audit.write(
      ctx,
      {
        action: 'catalogue.harvest.run',
        resource: sourceIri(this.deps.uris, slug),
        scope: this.organisation(slug),
        outcome: report.outcome === 'ok' ? 'success' : 'failure',
        detail: `${report.outcome}${report.problems[0] ? `: ${report.problems[0].message}` : ''}`.slice(0, 300),
      },
      {
        replaceGraphs: [
          { graph: reportGraph(this.deps.uris, slug, report.id), quads: reportQuads(this.deps.uris, slug, report) },
          ...older.map((graph) => ({ graph, quads: [] })),
        ],
      },
    );
  }

  /** The newest reports of a source (at most `limit`), with their problems. */
  async reports(slug: string, limit = HISTORY_LIMIT): Promise<HarvestReport[]> {
    const prefix = literal(reportGraphPrefix(this.deps.uris, slug));
    const rows = await this.deps.store.select(sparql`
      SELECT * WHERE {
        GRAPH ?g {
          ?r a ${STELSEL.HarvestReport} ; ${PROV.startedAtTime} ?started ; ${PROV.endedAtTime} ?ended ; ${STELSEL.durationMs} ?ms ;
             ${STELSEL.trigger} ?trigger ; ${STELSEL.harvestOutcome} ?outcome ; ${STELSEL.catalogueUrl} ?url ; ${STELSEL.problemCount} ?problemCount .
          OPTIONAL { ?r ${PROV.wasAssociatedWith} ?agent }
          OPTIONAL { ?r ${STELSEL.finalUrl} ?finalUrl }
          OPTIONAL { ?r ${STELSEL.httpStatus} ?httpStatus }
          OPTIONAL { ?r ${STELSEL.contentType} ?contentType }
          OPTIONAL { ?r ${STELSEL.bytes} ?bytes }
          OPTIONAL { ?r ${STELSEL.productsDelivered} ?delivered }
          OPTIONAL { ?r ${STELSEL.productsImported} ?imported }
          OPTIONAL { ?r ${STELSEL.productsRemoved} ?removed }
        }
        FILTER(STRSTARTS(STR(?g), ${prefix}))
      } ORDER BY DESC(?g) LIMIT ${Math.max(1, Math.trunc(limit))}`);
    const problems = await this.problems(slug, rows.flatMap((r) => (r.r?.termType === 'NamedNode' ? [r.r] : [])));
    const source = sourceIri(this.deps.uris, slug).value;
    const reportPrefix = `${reportIri(this.deps.uris, slug, 'x').value.slice(0, -1)}`;
    return rows.flatMap((r) => (r.r ? [toReport(r, source, r.r.value.slice(reportPrefix.length), problems.get(r.r.value) ?? [])] : []));
  }

  private async problems(slug: string, reports: RDF.NamedNode[]): Promise<Map<string, HarvestProblem[]>> {
    const out = new Map<string, HarvestProblem[]>();
    if (!reports.length) return out;
    const rows = await this.deps.store.select(sparql`
      SELECT ?r ?pos ?code ?message ?line ?column ?product WHERE {
        VALUES ?r { ${reports} }
        GRAPH ?g {
          ?r ${STELSEL.problem} ?p . ?p ${STELSEL.position} ?pos ; ${STELSEL.problemCode} ?code ; ${RDFS.label} ?message .
          OPTIONAL { ?p ${STELSEL.line} ?line }
          OPTIONAL { ?p ${STELSEL.column} ?column }
          OPTIONAL { ?p ${STELSEL.problemProduct} ?product }
        }
        FILTER(STRSTARTS(STR(?g), ${literal(reportGraphPrefix(this.deps.uris, slug))}))
      } ORDER BY ?r ?pos`);
    for (const r of rows) {
      if (!r.r || !r.code || !r.message) continue;
      const list = out.get(r.r.value) ?? [];
      list.push({
        code: r.code.value,
        message: r.message.value,
        ...(r.line ? { line: Number(r.line.value) } : {}),
        ...(r.column ? { column: Number(r.column.value) } : {}),
        ...(r.product ? { productID: r.product.value } : {}),
      });
      out.set(r.r.value, list);
    }
    return out;
  }
}

function toReport(r: Bindings, source: string, id: string, problems: HarvestProblem[]): HarvestReport {
  const outcome = (OUTCOMES as readonly string[]).includes(r.outcome?.value ?? '') ? (r.outcome!.value as HarvestOutcome) : 'error';
  const opt = <K extends string, V>(k: K, v: V | undefined) => (v === undefined ? {} : ({ [k]: v } as Record<K, V>));
  return {
    id,
    iri: r.r!.value,
    source,
    started: r.started!.value,
    ended: r.ended!.value,
    ms: Number(r.ms!.value),
    trigger: (r.trigger?.value === 'schedule' ? 'schedule' : 'manual') as HarvestTrigger,
    ...opt('agent', str(r.agent)),
    outcome,
    url: r.url!.value,
    ...opt('finalUrl', str(r.finalUrl)),
    ...opt('httpStatus', num(r.httpStatus)),
    ...opt('contentType', str(r.contentType)),
    ...opt('bytes', num(r.bytes)),
    ...opt('productsDelivered', num(r.delivered)),
    ...opt('productsImported', num(r.imported)),
    ...opt('productsRemoved', num(r.removed)),
    problemCount: Number(r.problemCount!.value),
    problems,
  };
}

