/**
 * Private graphs on Virtuoso. Its anonymous /sparql hides only the graphs that are members of its
 * private-graphs group, one by one, while Stelsel mints private graphs all the time (a graph per
 * series draft, decisions draft, search-index entry, harvest). So before a write reaches a private
 * graph (UriPolicy.isPrivateGraph) for the first time, the store adds that graph to the group,
 * from SPARQL, as its own account:
 *
 *   SELECT (<sql:RDF_GRAPH_GROUP_INS>("...#PrivateGraphs", STR(?g)) AS ?done) { VALUES ?g { ... } }
 *
 * which needs `GRANT EXECUTE ON DB.DBA.RDF_GRAPH_GROUP_INS` for that account (docs/remote-store.md).
 * Adding a graph that is already a member changes nothing, so a restart simply adds again; within
 * one process each graph is added once.
 */
import type * as RDF from '@rdfjs/types';
import { sparql, type SparqlFragment } from '../../rdf/encode.js';
import { literal } from '../../rdf/factory.js';
import { VIRTRDF, VIRTUOSO_SQL } from '../../rdf/vocab.js';
import type { Transaction } from '../port.js';

/** Graphs per registration request. */
const GRAPHS_PER_REQUEST = 500;

export class PrivateGraphRegistry {
  private readonly registered = new Set<string>();

  constructor(private readonly isPrivate: (iri: string) => boolean) {}

  /** The private graphs among `graphs` not yet added by this process, without duplicates. */
  pending(graphs: Iterable<RDF.Term>): RDF.NamedNode[] {
    const out = new Map<string, RDF.NamedNode>();
    for (const g of graphs) {
      if (g.termType === 'NamedNode' && !this.registered.has(g.value) && this.isPrivate(g.value)) out.set(g.value, g);
    }
    return [...out.values()];
  }

  /** The SELECT queries that add `graphs` to Virtuoso's private-graphs group. */
  requests(graphs: readonly RDF.NamedNode[]): SparqlFragment[] {
    const out: SparqlFragment[] = [];
    for (let i = 0; i < graphs.length; i += GRAPHS_PER_REQUEST) {
      const slice = graphs.slice(i, i + GRAPHS_PER_REQUEST);
      out.push(sparql`SELECT (${VIRTUOSO_SQL.RDF_GRAPH_GROUP_INS}(${literal(VIRTRDF.PrivateGraphs.value)}, STR(?g)) AS ?done) WHERE { VALUES ?g { ${slice} } }`);
    }
    return out;
  }

  /** Creates the private-graphs group (a server whose one-time set-up did not); a no-op when it exists. */
  createGroupRequest(): SparqlFragment {
    return sparql`SELECT (${VIRTUOSO_SQL.RDF_GRAPH_GROUP_CREATE}(${literal(VIRTRDF.PrivateGraphs.value)}, 1) AS ?done) WHERE { }`;
  }

  markRegistered(graphs: readonly RDF.NamedNode[]): void {
    for (const g of graphs) this.registered.add(g.value);
  }
}

/** The graphs a transaction writes into (replaced graphs and the graphs of inserted quads). */
export function writtenGraphs(tx: Transaction): RDF.Term[] {
  return [...(tx.replaceGraphs ?? []).map((r) => r.graph), ...(tx.insert ?? []).map((q) => q.graph)];
}
