/**
 * The URI policy: the only place that mints IRIs. Things live under /id/{kind}/{id}; their
 * documents under /doc/{kind}/{id}; named graphs under /graph/... Published URIs never change.
 */
import type * as RDF from '@rdfjs/types';
import { namedNode } from './rdf/factory.js';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/;

export class UriPolicy {
  readonly base: string;

  constructor(baseUrl: string) {
    this.base = baseUrl.replace(/\/+$/, '');
  }

  private seg(s: string): string {
    if (!SEGMENT.test(s)) throw new Error(`Not a valid IRI path segment: ${JSON.stringify(s)}`);
    return s;
  }

  /** IRI of a thing: /id/{kind}/{id...}. */
  id(kind: string, ...id: string[]): RDF.NamedNode {
    return namedNode(`${this.base}/id/${this.seg(kind)}/${id.map((s) => this.seg(s)).join('/')}`);
  }

  /** IRI of a named graph: /graph/{name...}. */
  graph(...name: string[]): RDF.NamedNode {
    return namedNode(`${this.base}/graph/${name.map((s) => this.seg(s)).join('/')}`);
  }

  /** Absolute URL for a path on this site. */
  url(path: string): string {
    return this.base + (path.startsWith('/') ? path : `/${path}`);
  }

  /** Prefix for skolemised blank nodes (RDF 1.1 §3.5). */
  get genidBase(): string {
    return `${this.base}/.well-known/genid/`;
  }

  get locksGraph(): RDF.NamedNode {
    return this.graph('locks');
  }

  /** The append-only audit log (PROV-O activities). */
  get auditGraph(): RDF.NamedNode {
    return this.graph('audit');
  }

  /** Version counters of resources (one integer per resource). */
  get versionsGraph(): RDF.NamedNode {
    return this.graph('versions');
  }

  /** Users, role grants and API tokens (hashed). */
  get identityGraph(): RDF.NamedNode {
    return this.graph('identity');
  }

  /** The product search index: one graph per product under this IRI (src/catalog/search-index). */
  get searchIndexGraph(): RDF.NamedNode {
    return this.graph('zoekindex');
  }

  /** Catalogue harvest sources and reports: graphs under this IRI (src/catalog/harvest). */
  get harvestGraph(): RDF.NamedNode {
    return this.graph('oogst');
  }

  /** Draft meetings of the decisions register (unpublished, readable by lezers only): one graph per meeting under this IRI. */
  get decisionDraftsGraph(): RDF.NamedNode {
    return this.graph('besluiten-ontwerp');
  }

  /**
   * Unpublished series (drafts, internal approval, submitted): one graph per series and one per
   * version under this IRI (src/series/rdf.ts). Private, but validated like every register resource.
   */
  get seriesDraftsGraph(): RDF.NamedNode {
    return this.graph('serie-ontwerp');
  }

  /** The scope IRI of platform-wide roles. */
  get platform(): RDF.NamedNode {
    return this.id('platform', 'stelsel');
  }

  /**
   * Graphs only Stelsel itself reads: never served by the public SPARQL endpoint, never written
   * through the Graph Store API, not validated as register resources.
   */
  get systemGraphs(): RDF.NamedNode[] {
    return [this.locksGraph, this.auditGraph, this.versionsGraph, this.identityGraph, this.searchIndexGraph, this.harvestGraph, this.decisionDraftsGraph];
  }

  isSystemGraph(iri: string): boolean {
    return this.systemGraphs.some(
      (g) => iri === g.value || iri.startsWith(g.value + '/'),
    );
  }

  /**
   * Graphs the public never reads: the system graphs and the unpublished work of the registers
   * (series drafts). Left out of the public SPARQL endpoint (copy and replicas) and of the
   * linked-data documents (/id, /doc). Unlike system graphs they are validated (SHACL): exemption
   * from validation stays with isSystemGraph.
   */
  get privateGraphs(): RDF.NamedNode[] {
    return [...this.systemGraphs, this.seriesDraftsGraph];
  }

  /** Called for every quad the public replicas load, hence the precomputed prefixes. */
  isPrivateGraph(iri: string): boolean {
    const graphs = (this.privateIris ??= this.privateGraphs.map((g) => g.value));
    return graphs.some((g) => iri.startsWith(g) && (iri.length === g.length || iri.charCodeAt(g.length) === 47 /* '/' */));
  }

  private privateIris?: string[];

  /** True when the IRI is one of ours (under BASE_URL). */
  isLocal(iri: string): boolean {
    return iri === this.base || iri.startsWith(this.base + '/');
  }

  /** Maps a local /id/... IRI to the path of its document (/doc/...), or null when not local. */
  documentPathFor(iri: string): string | null {
    if (!iri.startsWith(this.base + '/id/')) return null;
    return '/doc/' + iri.slice(this.base.length + '/id/'.length);
  }

  /** Maps a /doc/... path back to the IRI of the thing it describes. */
  iriForDocumentPath(path: string): string | null {
    if (!path.startsWith('/doc/')) return null;
    return `${this.base}/id/${path.slice('/doc/'.length)}`;
  }
}
