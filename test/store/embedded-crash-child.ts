/**
 * Child process for the crash test: recovers the store, then writes transactions forever,
 * printing "ACK <n>" after each acknowledged one. The parent kills it with SIGKILL.
 * Each transaction n replaces graph g<n % GRAPHS> with WIDTH quads all marked n, and adds the
 * quad <tx/n> ex:n n to the log graph: so a partial transaction would be visible as a graph with
 * mixed markers, a wrong size, or a log entry without its graph content.
 */
import { writeSync } from 'node:fs';
import { EmbeddedStore } from '../../src/shared/store/embedded/embedded-store.js';
import { literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import { XSD } from '../../src/shared/rdf/vocab.js';

const [dir, snapshotAfter] = process.argv.slice(2);
export const GRAPHS = 7;
export const WIDTH = 40;
const ex = (s: string) => namedNode(`http://test.example/${s}`);

const store = await EmbeddedStore.open({
  dir: dir!,
  genidBase: 'http://test.example/.well-known/genid/',
  locksGraph: ex('graph/locks'),
  snapshotAfterBytes: Number(snapshotAfter),
});
const rows = await store.select(`SELECT (MAX(?n) AS ?m) WHERE { GRAPH <http://test.example/log> { ?t <http://test.example/n> ?n } }`);
let n = rows[0]?.m ? Number(rows[0].m.value) + 1 : 0;
writeSync(1, `READY ${n}\n`);
for (;;) {
  const batch: Promise<void>[] = [];
  // Several transactions in flight at once exercise group commit.
  for (let k = 0; k < 3; k++, n++) {
    const i = n;
    const g = ex(`g${i % GRAPHS}`);
    const quads = Array.from({ length: WIDTH }, (_, j) => quad(ex(`s${j}`), ex('marker'), literal(String(i), XSD.integer), g));
    batch.push(
      store
        .transact({ replaceGraphs: [{ graph: g, quads }], insert: [quad(ex(`tx/${i}`), ex('n'), literal(String(i), XSD.integer), ex('log'))] })
        .then(() => {
          writeSync(1, `ACK ${i}\n`);
        }),
    );
  }
  await Promise.all(batch);
}
