import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../src/shared/store/embedded/embedded-store.js';
import { namedNode } from '../../src/shared/rdf/factory.js';
import { tempDir } from '../support/tmp.js';

const CHILD = fileURLToPath(new URL('./embedded-crash-child.ts', import.meta.url));
const GRAPHS = 7;
const WIDTH = 40;
const KILLS = 24;

function runChildUntilKilled(dir: string, killAfterMs: number): Promise<{ acked: number[]; ready: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, '150000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      // Start the kill clock only once the child is writing, so every run kills it mid-write.
      if (!timer && out.includes('READY')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child exited by itself (code ${code}): ${err}`));
      const acked = [...out.matchAll(/^ACK (\d+)$/gm)].map((m) => Number(m[1]));
      const r = /^READY (\d+)$/m.exec(out);
      resolve({ acked, ready: r ? Number(r[1]) : null, stderr: err });
    });
  });
}

async function verify(dir: string, mustContain: Set<number>): Promise<number> {
  const store = await EmbeddedStore.open({
    dir,
    genidBase: 'http://test.example/.well-known/genid/',
    locksGraph: namedNode('http://test.example/graph/locks'),
  });
  try {
    const log = new Set(
      (await store.select('SELECT ?n WHERE { GRAPH <http://test.example/log> { ?t <http://test.example/n> ?n } }')).map((r) => Number(r.n!.value)),
    );
    for (const n of mustContain) expect(log.has(n), `acknowledged transaction ${n} lost`).toBe(true);
    // No partial transaction: each graph holds exactly WIDTH quads, all from one transaction,
    // and that transaction is the latest logged one for that graph.
    for (let g = 0; g < GRAPHS; g++) {
      const markers = (
        await store.select(`SELECT ?m WHERE { GRAPH <http://test.example/g${g}> { ?s <http://test.example/marker> ?m } }`)
      ).map((r) => Number(r.m!.value));
      const latest = Math.max(-1, ...[...log].filter((n) => n % GRAPHS === g));
      if (latest === -1) {
        expect(markers).toEqual([]);
        continue;
      }
      expect(markers.length).toBe(WIDTH);
      expect(new Set(markers)).toEqual(new Set([latest]));
    }
    // The log is gap-free: transactions are acknowledged and recovered in order.
    const max = Math.max(-1, ...log);
    expect(log.size).toBe(max + 1);
    return max;
  } finally {
    await store.close({ snapshot: false });
  }
}

describe('embedded store crash safety (real SIGKILL)', () => {
  it(`loses no acknowledged transaction and shows no partial one over ${KILLS} kills`, async () => {
    const tmp = tempDir();
    try {
      const acked = new Set<number>();
      let restarts = 0;
      for (let k = 0; k < KILLS; k++) {
        const run = await runChildUntilKilled(tmp.dir, 30 + Math.floor(Math.random() * 400));
        for (const n of run.acked) acked.add(n);
        if (run.ready !== null) restarts++;
        const max = await verify(tmp.dir, acked);
        expect(max + 1).toBeGreaterThanOrEqual(acked.size);
      }
      expect(restarts).toBe(KILLS);
      expect(acked.size).toBeGreaterThan(KILLS * 5);
    } finally {
      tmp.remove();
    }
  }, 240_000);
});
