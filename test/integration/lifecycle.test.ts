/**
 * The real process: start src/main.ts, write over HTTP, SIGTERM (graceful: exit 0, snapshot
 * written), start again and find the data; a wrong configuration stops the start with a message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp.js';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const TOKEN = 'lifecycle-admin-token-0123456789abcdef';

function startServer(dataDir: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; out: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: { ...parentEnv, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN, DEMO: 'true', SPARQL_REPLICAS: '1', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /"port":(\d+)[^\n]*Stelsel is listening/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${m[1]}`, out: () => out });
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

/** The environment of the test runner, minus what Vite adds to it (Vite sets BASE_URL=/). */
const { BASE_URL: _viteBase, ...parentEnv } = process.env;

const exited = (child: ChildProcess) => new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('process lifecycle', () => {
  it('serves demo data, shuts down gracefully on SIGTERM and keeps every write across a restart', async () => {
    const first = await startServer(tmp.dir);
    const health = (await (await fetch(`${first.url}/health`)).json()) as { status: string; store: string; triples: number };
    expect(health).toMatchObject({ status: 'ok', store: 'embedded' });
    expect(health.triples).toBeGreaterThan(10);

    const graph = `http://localhost:0/graph/lifecycle`;
    const body = '<http://localhost:0/id/thing/1> <http://purl.org/dc/terms/title> "kept across restarts"@nl .';
    // BASE_URL defaults to http://localhost:PORT, with PORT=0 here.
    const put = await fetch(`${first.url}/api/graphs?graph=${encodeURIComponent(graph)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/turtle' },
      body,
    });
    expect(put.status).toBe(204);
    const afterWrite = (await (await fetch(`${first.url}/health`)).json()) as { triples: number };
    // The triple, its version counter and its audit entry.
    expect(afterWrite.triples).toBeGreaterThan(health.triples + 2);

    const code = exited(first.child);
    first.child.kill('SIGTERM');
    expect(await code).toBe(0);
    expect(first.out()).toContain('Stelsel stopped');
    // The graceful stop wrote a snapshot and emptied the journal.
    expect(existsSync(path.join(tmp.dir, 'store', 'snapshot.nq'))).toBe(true);
    expect(readFileSync(path.join(tmp.dir, 'store', 'journal.log')).length).toBe(0);

    const second = await startServer(tmp.dir);
    try {
      const res = await fetch(`${second.url}/sparql?query=${encodeURIComponent(`ASK { GRAPH <${graph}> { ?s ?p "kept across restarts"@nl } }`)}`, {
        headers: { accept: 'application/sparql-results+json' },
      });
      expect(((await res.json()) as { boolean: boolean }).boolean).toBe(true);
      const h2 = (await (await fetch(`${second.url}/health`)).json()) as { triples: number };
      expect(h2.triples).toBe(afterWrite.triples);
    } finally {
      const c2 = exited(second.child);
      second.child.kill('SIGINT');
      expect(await c2).toBe(0);
    }
  }, 120_000);

  it('refuses to start with a wrong configuration and names the variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: { ...parentEnv, PORT: 'not-a-port', STORE: 'sparql', DATA_DIR: tmp.dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    expect(await exited(child)).toBe(2);
    expect(err).toContain('PORT');
    expect(err).toContain('SPARQL_QUERY_URL is required when STORE=sparql');
  }, 60_000);
});
