/**
 * Snapshots: the whole store as N-Quads, written atomically. The first line is a comment carrying
 * the sequence number of the last journal record the snapshot contains.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import oxigraph from 'oxigraph';
import { writeFileAtomic } from './journal.js';
import { NQUADS } from './ops.js';

const HEADER_PREFIX = '# stelsel-snapshot seq=';

function graphsOf(store: oxigraph.Store): (oxigraph.NamedNode | oxigraph.DefaultGraph)[] {
  const rows = store.query('SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }') as Map<string, oxigraph.Term>[];
  const graphs: (oxigraph.NamedNode | oxigraph.DefaultGraph)[] = [oxigraph.defaultGraph()];
  for (const r of rows) {
    const g = r.get('g');
    if (g?.termType === 'NamedNode') graphs.push(g);
  }
  return graphs;
}

/**
 * Writes the snapshot graph by graph (each dump is one bounded string), yielding to the event
 * loop between graphs.
 */
export async function writeSnapshot(file: string, store: oxigraph.Store, seq: number): Promise<void> {
  const graphs = graphsOf(store);
  async function* chunks(): AsyncGenerator<string> {
    yield `${HEADER_PREFIX}${seq}\n`;
    for (const g of graphs) {
      const text = store.dump({ format: NQUADS, from_graph_name: g });
      if (!text) continue;
      if (g.termType === 'DefaultGraph') {
        yield text;
      } else {
        // dump() of one graph writes triples; add the graph name back to make N-Quads.
        const suffix = ` <${g.value}> .\n`;
        yield text.replace(/ \.\n/g, suffix);
      }
      await new Promise((r) => setImmediate(r));
    }
  }
  await writeFileAtomic(file, chunks());
}

/**
 * Loads a snapshot into the store in chunks; returns its sequence number (0 when absent). Lines for
 * which `keepLine` returns false are skipped (the public SPARQL replicas leave out system graphs).
 */
export async function loadSnapshot(file: string, store: oxigraph.Store, chunkLines = 50_000, keepLine?: (line: string) => boolean): Promise<number> {
  if (!existsSync(file)) return 0;
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let seq = 0;
  let first = true;
  let buf: string[] = [];
  const flush = () => {
    if (buf.length) store.load(buf.join('\n') + '\n', { format: NQUADS });
    buf = [];
  };
  for await (const line of rl) {
    if (first) {
      first = false;
      if (!line.startsWith(HEADER_PREFIX)) throw new Error(`${file} is not a Stelsel snapshot (missing header)`);
      seq = Number(line.slice(HEADER_PREFIX.length));
      if (!Number.isSafeInteger(seq)) throw new Error(`${file} has an invalid snapshot header`);
      continue;
    }
    if (line && (!keepLine || keepLine(line))) buf.push(line);
    if (buf.length >= chunkLines) flush();
  }
  flush();
  return seq;
}
