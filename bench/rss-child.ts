/**
 * Measures resident memory for N triples in a fresh process (WASM memory never shrinks, so this
 * cannot be measured after other loads in the same process). Mode "embedded" loads through the
 * journaled store, mode "plain" into a bare Oxigraph store. Prints one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import oxigraph from 'oxigraph';
import { EmbeddedStore } from '../src/shared/store/embedded/embedded-store.js';
import { chunkLines } from '../src/shared/store/embedded/ops.js';
import { namedNode } from '../src/shared/rdf/factory.js';
import { dataset, BASE } from './dataset.js';

const [mode, nArg] = process.argv.slice(2);
const n = Number(nArg);
const gc = () => (globalThis as { gc?: () => void }).gc?.();
gc();
const before = process.memoryUsage().rss;
// Generated here and dropped before the second reading, so only the store remains.
let chunks: string[] = [...chunkLines(dataset(n), 50_000)];
let dir: string | undefined;
if (mode === 'plain') {
  const s = new oxigraph.Store();
  for (const c of chunks) s.load(c, { format: 'application/n-quads' });
  (globalThis as { keep?: unknown }).keep = s;
} else {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stelsel-rss-'));
  const s = await EmbeddedStore.open({ dir, genidBase: `${BASE}/.well-known/genid/`, locksGraph: namedNode(`${BASE}/graph/locks`), snapshotAfterBytes: 4 * 1024 ** 3 });
  await s.bulkLoad(chunks);
  (globalThis as { keep?: unknown }).keep = s;
}
chunks = [];
void chunks;
gc();
await new Promise((r) => setTimeout(r, 200));
gc();
const after = process.memoryUsage().rss;
if (dir) rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ mode, n, before, after }) + '\n');
