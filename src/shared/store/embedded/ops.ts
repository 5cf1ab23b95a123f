/**
 * Journal payloads and how they are applied to an Oxigraph store. Shared by the primary store, its
 * recovery and the read replicas of the public SPARQL endpoint, so all three apply a record the
 * same way.
 *
 * Payload (UTF-8 JSON): { s: seq, o: Op[] } where an Op is
 *   ["c", graphIri]      clear that named graph
 *   ["d", nquads]        delete these quads
 *   ["i", nquads]        insert these quads
 *   ["l", nquads]        bulk load (insert) these quads
 */
import oxigraph from 'oxigraph';
import { sparql } from '../../rdf/encode.js';
import { namedNode } from '../../rdf/factory.js';

export type Op = ['c', string] | ['d', string] | ['i', string] | ['l', string];

export interface Payload {
  s: number;
  o: Op[];
}

export const NQUADS = 'application/n-quads';

export function encodePayload(p: Payload): Buffer {
  return Buffer.from(payloadText(p), 'utf8');
}

/** The payload's JSON text (encodePayload without the UTF-8 bytes). */
export function payloadText(p: Payload): string {
  return JSON.stringify(p);
}

export function decodePayload(buf: Buffer): Payload {
  const p = JSON.parse(buf.toString('utf8')) as Payload;
  if (typeof p.s !== 'number' || !Array.isArray(p.o)) throw new Error('Malformed journal payload');
  return p;
}

/** Lines of N-Quads text in which every line ends with a newline. */
function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function parseNQuads(text: string): oxigraph.Quad[] {
  return text ? (oxigraph.parse(text, { format: NQUADS }) as oxigraph.Quad[]) : [];
}

/** One reversible step of applying a payload. */
export type UndoStep =
  | { readonly added: oxigraph.Quad[] }
  | { readonly removed: oxigraph.Quad[] }
  /** A graph that was empty and was filled: undone by clearing it again. */
  | { readonly filled: string }
  /** The triples of a cleared graph (a graph dump has no graph terms): undone by loading them into it again. */
  | { readonly restore: string; readonly graph: string };

/** What applying a payload changed, so it can be undone if the journal write fails. */
export interface Undo {
  steps: UndoStep[];
  /** Quads added minus quads removed. */
  delta: number;
}

export function newUndo(): Undo {
  return { steps: [], delta: 0 };
}

export interface PreparedOp {
  op: Op;
  /** Parsed quads for 'd' and 'i' (already validated Oxigraph terms). */
  quads?: oxigraph.Quad[];
  /**
   * For an 'i' op that fills graphs cleared earlier in the same transaction: the graphs, and the
   * number of (distinct) lines. Such an insert is loaded in bulk, which is an order of magnitude
   * faster than adding quad by quad (Store.add and Store.has cost 0.1-0.4 ms each in Oxigraph WASM 0.5).
   */
  fills?: { graphs: readonly string[]; quads: number };
}

/**
 * Applies ops to the store, recording an undo log. With an undo log, a failure (a term Oxigraph
 * refuses in a bulk insert) reverts what this call applied and rethrows, so nothing is half done.
 */
export function applyOps(store: oxigraph.Store, ops: readonly PreparedOp[], undo?: Undo): void {
  const mark = undo?.steps.length ?? 0;
  try {
    for (let i = 0; i < ops.length; ) {
      // A run of clears (a transaction's graph replacements) is one update: parsing and running
      // one CLEAR per update costs more than the clear itself.
      let end = i;
      while (end < ops.length && ops[end]!.op[0] === 'c') end++;
      if (end - i > 1) {
        clearGraphs(store, ops.slice(i, end).map((o) => o.op[1]), undo);
        i = end;
      } else {
        applyOp(store, ops[i]!, undo);
        i++;
      }
    }
  } catch (e) {
    if (undo) {
      revert(store, { steps: undo.steps.splice(mark), delta: 0 });
    }
    throw e;
  }
}

function applyOp(store: oxigraph.Store, { op, quads, fills }: PreparedOp, undo?: Undo): void {
  switch (op[0]) {
    case 'c':
      clearGraphs(store, [op[1]], undo);
      break;
    case 'd': {
      const removed: oxigraph.Quad[] = [];
      for (const q of quads ?? parseNQuads(op[1])) {
        if (undo && !store.has(q)) continue;
        store.delete(q);
        removed.push(q);
      }
      if (undo) {
        undo.steps.push({ removed });
        undo.delta -= removed.length;
      }
      break;
    }
    case 'i':
    case 'l':
      if (!undo) {
        if (op[1]) store.load(op[1], { format: NQUADS });
      } else if (fills) {
        for (const graph of fills.graphs) undo.steps.push({ filled: graph }); // before the load: a failed load is cleared too
        // So the load need not be atomic, and Oxigraph loads faster without a transaction.
        if (op[1]) store.load(op[1], { format: NQUADS, no_transaction: true });
        undo.delta += fills.quads;
      } else {
        const added: oxigraph.Quad[] = [];
        for (const q of quads ?? parseNQuads(op[1])) {
          if (store.has(q)) continue;
          store.add(q);
          added.push(q);
        }
        undo.steps.push({ added });
        undo.delta += added.length;
      }
      break;
  }
}

/** Clears graphs in one update, first keeping the content of each (for the undo log). */
function clearGraphs(store: oxigraph.Store, graphs: readonly string[], undo?: Undo): void {
  // Dump + CLEAR run inside Oxigraph: quad-by-quad deletion from JS costs ~0.1 ms per quad.
  const nonEmpty: string[] = [];
  for (const g of graphs) {
    if (!undo) {
      nonEmpty.push(g);
      continue;
    }
    const text = store.dump({ format: NQUADS, from_graph_name: oxigraph.namedNode(g) });
    if (!text) continue;
    undo.steps.push({ restore: text, graph: g });
    undo.delta -= lineCount(text);
    nonEmpty.push(g);
  }
  if (nonEmpty.length) store.update(sparql.join(nonEmpty.map((g) => sparql`CLEAR SILENT GRAPH ${namedNode(g)}`), ' ;\n').text);
}

export function revert(store: oxigraph.Store, undo: Undo): void {
  for (let i = undo.steps.length - 1; i >= 0; i--) {
    const step = undo.steps[i]!;
    if ('added' in step) for (let j = step.added.length - 1; j >= 0; j--) store.delete(step.added[j]!);
    else if ('removed' in step) for (let j = step.removed.length - 1; j >= 0; j--) store.add(step.removed[j]!);
    else if ('filled' in step) {
      // The graphs one bulk load filled (consecutive steps), cleared in one update.
      const graphs = [step.filled];
      for (let prev = undo.steps[i - 1]; prev !== undefined && 'filled' in prev; prev = undo.steps[i - 1]) {
        graphs.push(prev.filled);
        i--;
      }
      store.update(sparql.join(graphs.map((g) => sparql`CLEAR SILENT GRAPH ${namedNode(g)}`), ' ;\n').text);
    } else store.load(step.restore, { format: NQUADS, to_graph_name: oxigraph.namedNode(step.graph) });
  }
}

/** Splits N-Quads text into chunks of about `lines` lines (see DESIGN.md: load in chunks). */
export function* chunkLines(text: string, lines = 50_000): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = start;
    for (let n = 0; n < lines && end < text.length; n++) {
      const nl = text.indexOf('\n', end);
      end = nl === -1 ? text.length : nl + 1;
    }
    yield text.slice(start, end);
    start = end;
  }
}

// ---------------------------------------------------------------- graph filter (public replicas)

/** Characters that cannot occur inside an IRI written by our encoder (or Oxigraph's). */
// eslint-disable-next-line no-control-regex
const NOT_IN_IRI = /[\u0000-\u0020<>"{}|^`\\]/;

/**
 * The graph IRI of one N-Quads line as written by our encoder and by snapshots (`S P O [G] .`,
 * single spaces), or undefined for a triple in the default graph. Exact for those lines: subject and
 * predicate contain no space; a trailing `<...>` is the graph only when three terms precede it; an
 * IRI-looking tail inside a literal always contains a `"`, which no IRI can.
 */
export function graphOfLine(line: string): string | undefined {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 10 || line.charCodeAt(end - 1) === 13)) end--;
  if (end < 4 || line.slice(end - 3, end) !== '> .') return undefined;
  const open = line.lastIndexOf(' <', end - 3);
  if (open < 0) return undefined;
  const iri = line.slice(open + 2, end - 3);
  if (NOT_IN_IRI.test(iri)) return undefined;
  // Three terms before it: at least two separating spaces before `open`.
  const first = line.indexOf(' ');
  const second = first < 0 ? -1 : line.indexOf(' ', first + 1);
  return second >= 0 && second < open ? iri : undefined;
}

/** N-Quads text without the lines whose graph is excluded. */
export function withoutGraphs(nquads: string, excluded: (graphIri: string) => boolean): string {
  if (!nquads) return nquads;
  const lines = nquads.split('\n');
  let dropped = false;
  const kept = lines.filter((l) => {
    const g = graphOfLine(l);
    const drop = g !== undefined && excluded(g);
    dropped ||= drop;
    return !drop;
  });
  return dropped ? kept.join('\n') : nquads;
}

/**
 * A payload's ops without anything in excluded graphs: their 'c' ops are dropped and their quads
 * are cut out of 'd', 'i' and 'l' ops (ops left empty are dropped). Used by the read replicas of the
 * public SPARQL endpoint, which must never hold Stelsel's system graphs.
 */
export function opsWithoutGraphs(ops: readonly Op[], excluded: (graphIri: string) => boolean): Op[] {
  const out: Op[] = [];
  for (const op of ops) {
    if (op[0] === 'c') {
      if (!excluded(op[1])) out.push(op);
      continue;
    }
    const text = withoutGraphs(op[1], excluded);
    if (text.trim()) out.push([op[0], text]);
  }
  return out;
}
