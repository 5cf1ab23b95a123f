/**
 * The description of a resource, as served at its document URL: every triple with the resource as
 * subject, in any named graph except the hidden ones (Stelsel's system graphs), plus (recursively) the descriptions of the skolemised nodes it points to,
 * so nested structures (addresses, contact points, list nodes) travel with their parent.
 */
import type * as RDF from '@rdfjs/types';
import type { TripleStore } from '../store/port.js';
import { sparql, type SparqlFragment } from './encode.js';
import { defaultGraph, literal, quad } from './factory.js';
import { sortTriples } from './serialize.js';
import { DCT, FOAF, RDFS, SKOS } from './vocab.js';

export interface DescribeOptions {
  /**
   * Prefix of skolem IRIs whose descriptions are included. Default: any IRI whose path contains
   * `/.well-known/genid/` (RDF 1.1 §3.5), which covers `${BASE_URL}/.well-known/genid/`.
   */
  genidBase?: string;
  /** How many levels of nested skolemised nodes to follow (default 8). */
  maxDepth?: number;
  /** Graphs (and graphs below them, `<g>/...`) whose triples are never shown. */
  hiddenGraphs?: readonly RDF.NamedNode[];
}

/**
 * A filter on ?g that leaves out the hidden graphs. Only named graphs are read: Stelsel writes
 * nothing to the default graph, and on some servers (Virtuoso) the default graph is the union of
 * all graphs, which would bring the hidden ones back.
 */
function visibleGraph(hidden: readonly RDF.NamedNode[] = []): SparqlFragment {
  if (!hidden.length) return sparql``;
  return sparql.join(
    hidden.map((g) => sparql`FILTER(?g != ${g} && !STRSTARTS(STR(?g), ${literal(`${g.value}/`)}))`),
    ' ',
  );
}

const WELL_KNOWN_GENID = '/.well-known/genid/';
/** Most subjects fetched per query when following nested nodes. */
const BATCH = 200;

export function isSkolemIri(iri: string, genidBase?: string): boolean {
  return genidBase ? iri.startsWith(genidBase) : iri.includes(WELL_KNOWN_GENID);
}

/** Triples (default graph, deduplicated, sorted) describing `iri` and its nested skolemised nodes. */
export async function describe(store: TripleStore, iri: RDF.NamedNode, opts: DescribeOptions = {}): Promise<RDF.Quad[]> {
  const maxDepth = opts.maxDepth ?? 8;
  const seen = new Set<string>([iri.value]);
  const out: RDF.Quad[] = [];
  let frontier: RDF.NamedNode[] = [iri];
  for (let depth = 0; frontier.length > 0 && depth <= maxDepth; depth++) {
    const next: RDF.NamedNode[] = [];
    for (let i = 0; i < frontier.length; i += BATCH) {
      const found = await triplesOf(store, frontier.slice(i, i + BATCH), opts.hiddenGraphs);
      for (const t of found) {
        out.push(t);
        const o = t.object;
        if (o.termType === 'NamedNode' && !seen.has(o.value) && isSkolemIri(o.value, opts.genidBase)) {
          seen.add(o.value);
          next.push(o);
        }
      }
    }
    frontier = next;
  }
  return sortTriples(out);
}

/** Every triple whose subject is one of `subjects`, from the default graph and all named graphs. */
async function triplesOf(store: TripleStore, subjects: readonly RDF.NamedNode[], hidden?: readonly RDF.NamedNode[]): Promise<RDF.Quad[]> {
  const quads = await store.construct(sparql`
    CONSTRUCT { ?s ?p ?o }
    WHERE {
      VALUES ?s { ${subjects} }
      GRAPH ?g { ?s ?p ?o } ${visibleGraph(hidden)}
    }`);
  return quads.map((q) => (q.graph.termType === 'DefaultGraph' ? q : quad(q.subject, q.predicate, q.object, defaultGraph())));
}

/** True when the store has at least one triple about `iri` (in a visible named graph). */
export async function isDescribed(store: TripleStore, iri: RDF.NamedNode, hidden?: readonly RDF.NamedNode[]): Promise<boolean> {
  return store.ask(sparql`ASK { GRAPH ?g { ${iri} ?p ?o } ${visibleGraph(hidden)} }`);
}

/** The label predicates, best first. */
export const LABEL_PREDICATES: readonly RDF.NamedNode[] = [SKOS.prefLabel, DCT.title, RDFS.label, FOAF.name];

/**
 * The best label for a resource among `triples`: by predicate order, then language (`lang`, no
 * language, English, any other), then value (for a stable choice).
 */
export function pickLabel(triples: readonly RDF.Quad[], subject: RDF.Term, lang = 'nl'): RDF.Literal | undefined {
  let best: { lit: RDF.Literal; rank: number } | undefined;
  for (const t of triples) {
    if (!t.subject.equals(subject) || t.object.termType !== 'Literal') continue;
    const pi = LABEL_PREDICATES.findIndex((p) => p.equals(t.predicate));
    if (pi < 0) continue;
    const l = t.object.language.toLowerCase();
    const li = l === lang ? 0 : l === '' ? 1 : l === 'en' || l.startsWith('en-') ? 2 : l.startsWith(`${lang}-`) ? 0.5 : 3;
    const rank = pi * 10 + li;
    if (!best || rank < best.rank || (rank === best.rank && t.object.value < best.lit.value)) best = { lit: t.object, rank };
  }
  return best?.lit;
}

/** Labels of `iris` found in the store (visible named graphs), for link texts. IRIs without a label are absent. */
export async function labelsOf(
  store: TripleStore,
  iris: readonly RDF.NamedNode[],
  lang = 'nl',
  hidden?: readonly RDF.NamedNode[],
): Promise<Map<string, RDF.Literal>> {
  const labels = new Map<string, RDF.Literal>();
  const unique = [...new Map(iris.map((i) => [i.value, i])).values()];
  for (let i = 0; i < unique.length; i += BATCH) {
    const batch = unique.slice(i, i + BATCH);
    const quads = await store.construct(sparql`
      CONSTRUCT { ?s ?p ?label }
      WHERE {
        VALUES ?s { ${batch} }
        VALUES ?p { ${LABEL_PREDICATES} }
        GRAPH ?g { ?s ?p ?label } ${visibleGraph(hidden)}
        FILTER(isLiteral(?label))
      }`);
    for (const s of batch) {
      const l = pickLabel(quads, s, lang);
      if (l) labels.set(s.value, l);
    }
  }
  return labels;
}
