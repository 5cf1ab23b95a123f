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

export type Op = ['c', string] | ['d', string] | ['i', string] | ['l', string];

export interface Payload {
  s: number;
  o: Op[];
}

export const NQUADS = 'application/n-quads';

export function encodePayload(p: Payload): Buffer {
  return Buffer.from(JSON.stringify(p), 'utf8');
}

export function decodePayload(buf: Buffer): Payload {
  const p = JSON.parse(buf.toString('utf8')) as Payload;
  if (typeof p.s !== 'number' || !Array.isArray(p.o)) throw new Error('Malformed journal payload');
  return p;
}

export function parseNQuads(text: string): oxigraph.Quad[] {
  return text ? (oxigraph.parse(text, { format: NQUADS }) as oxigraph.Quad[]) : [];
}

/** What applying a payload changed, so it can be undone if the journal write fails. */
export interface Undo {
  added: oxigraph.Quad[];
  removed: oxigraph.Quad[];
}

export interface PreparedOp {
  op: Op;
  /** Parsed quads for 'd' and 'i' (already validated Oxigraph terms). */
  quads?: oxigraph.Quad[];
}

/**
 * Applies ops to the store, recording an undo log. Never throws for prepared ops: all terms were
 * validated when the Oxigraph quads were built.
 */
export function applyOps(store: oxigraph.Store, ops: readonly PreparedOp[], undo?: Undo): void {
  for (const { op, quads } of ops) {
    switch (op[0]) {
      case 'c': {
        const g = oxigraph.namedNode(op[1]);
        for (const q of store.match(null, null, null, g)) {
          store.delete(q);
          undo?.removed.push(q);
        }
        break;
      }
      case 'd':
        for (const q of quads ?? parseNQuads(op[1])) {
          if (undo && !store.has(q)) continue;
          store.delete(q);
          undo?.removed.push(q);
        }
        break;
      case 'i':
        for (const q of quads ?? parseNQuads(op[1])) {
          if (undo && store.has(q)) continue;
          store.add(q);
          undo?.added.push(q);
        }
        break;
      case 'l':
        if (undo) {
          for (const q of quads ?? parseNQuads(op[1])) {
            if (store.has(q)) continue;
            store.add(q);
            undo.added.push(q);
          }
        } else if (op[1]) {
          store.load(op[1], { format: NQUADS });
        }
        break;
    }
  }
}

export function revert(store: oxigraph.Store, undo: Undo): void {
  for (let i = undo.added.length - 1; i >= 0; i--) store.delete(undo.added[i]!);
  for (let i = undo.removed.length - 1; i >= 0; i--) store.add(undo.removed[i]!);
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
