/**
 * Graph Store use cases. Every operation authorises the caller first (platform beheerder or the
 * bootstrap token), then checks the graph IRI, parses the body, and writes through the audit log
 * (SHACL validation and the audit entry in the same transaction).
 */
import type * as RDF from '@rdfjs/types';
import type { AuditContext } from '../shared/audit/audit-log.js';
import type { Actor } from '../shared/auth/actor.js';
import { authorize } from '../shared/auth/policy.js';
import { AppError } from '../shared/errors.js';
import type { CoreDeps } from '../shared/http/context.js';
import { isValidIri, sparql } from '../shared/rdf/encode.js';
import { namedNode, quad } from '../shared/rdf/factory.js';
import { parseRdf } from '../shared/rdf/parse.js';
import type { Transaction } from '../shared/store/port.js';

/** Media types a graph body may have. */
export const GRAPH_BODY_TYPES = ['text/turtle', 'application/n-triples'] as const;

export interface GraphBody {
  contentType: string | undefined;
  text: () => Promise<string>;
}

export class GraphStoreService {
  constructor(private readonly deps: CoreDeps) {}

  async read(actor: Actor, graphParam: string | undefined): Promise<RDF.Quad[]> {
    this.authorize(actor);
    const graph = this.graph(graphParam);
    return this.deps.store.construct(sparql`CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ${graph} { ?s ?p ?o } }`);
  }

  async replace(ctx: AuditContext, graphParam: string | undefined, body: GraphBody): Promise<{ graph: RDF.NamedNode; quads: number }> {
    this.authorize(ctx.actor);
    const graph = this.graph(graphParam);
    const quads = await this.parse(graph, body);
    await this.write(ctx, 'graph.replace', graph, { replaceGraphs: [{ graph, quads }] });
    return { graph, quads: quads.length };
  }

  async merge(ctx: AuditContext, graphParam: string | undefined, body: GraphBody): Promise<void> {
    this.authorize(ctx.actor);
    const graph = this.graph(graphParam);
    await this.write(ctx, 'graph.merge', graph, { insert: await this.parse(graph, body) });
  }

  async drop(ctx: AuditContext, graphParam: string | undefined): Promise<void> {
    this.authorize(ctx.actor);
    const graph = this.graph(graphParam);
    await this.write(ctx, 'graph.drop', graph, { replaceGraphs: [{ graph, quads: [] }] });
  }

  private authorize(actor: Actor): void {
    authorize(actor, 'graph.write', undefined, this.deps.uris.platform.value);
  }

  private graph(iri: string | undefined): RDF.NamedNode {
    const prefix = this.deps.uris.url('/graph/');
    if (!iri) throw new AppError('bad_request', 'The query parameter "graph" is required');
    if (!isValidIri(iri) || !iri.startsWith(prefix) || iri.length === prefix.length) {
      throw new AppError('bad_request', `"graph" must be an IRI starting with ${prefix}`);
    }
    if (this.deps.uris.isSystemGraph(iri)) throw new AppError('forbidden', 'System graphs cannot be written through this API');
    return namedNode(iri);
  }

  private async parse(graph: RDF.NamedNode, body: GraphBody): Promise<RDF.Quad[]> {
    const type = (body.contentType ?? '').split(';')[0]!.trim().toLowerCase();
    if (!(GRAPH_BODY_TYPES as readonly string[]).includes(type)) throw new AppError('unsupported_media_type', 'Send text/turtle or application/n-triples');
    return parseRdf(await body.text(), type, graph.value).map((q) => quad(q.subject, q.predicate, q.object, graph));
  }

  private write(ctx: AuditContext, action: string, graph: RDF.NamedNode, tx: Transaction) {
    return this.deps.audit.write(ctx, { action, resource: graph, scope: this.deps.uris.platform }, tx);
  }
}
