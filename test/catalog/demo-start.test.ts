/**
 * The real demo process (src/main.ts with DEMO=true and no VALUELISTS_DIR): on an empty store it
 * loads the demo value lists and imports the demo catalogues, so about thirty products of three
 * organisations are found over SPARQL; a restart on the same data seeds nothing again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { sparql } from '../../src/shared/rdf/encode.js';
import { OVERHEIDPRODUCT, SKOS, STELSEL } from '../../src/shared/rdf/vocab.js';
import { tempDir } from '../support/tmp.js';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const TOKEN = 'demo-start-admin-token-0123456789abcdef';
/** The environment of the test runner, minus what Vite adds to it (Vite sets BASE_URL=/) and any value-list directory. */
const { BASE_URL: _viteBase, VALUELISTS_DIR: _lists, ...parentEnv } = process.env;

function startDemo(dataDir: string): Promise<{ child: ChildProcess; url: string; out: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: { ...parentEnv, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN, DEMO: 'true', SPARQL_REPLICAS: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
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

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  return exited;
}

interface Bindings {
  results: { bindings: Record<string, { value: string }>[] };
}

async function select(url: string, query: string): Promise<Record<string, string>[]> {
  const res = await fetch(`${url}/sparql?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/sparql-results+json' } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as Bindings;
  return body.results.bindings.map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.value])));
}

const PRODUCTS_PER_ORG = sparql`SELECT ?org (COUNT(?p) AS ?n) WHERE { GRAPH ?g { ?p a ${STELSEL.Product} ; ${STELSEL.organisation} ?org } } GROUP BY ?org ORDER BY ?org`.text;

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('demo start', () => {
  it('seeds the demo catalogues into an empty store, once', async () => {
    const first = await startDemo(tmp.dir);
    let triples: number;
    try {
      expect(first.out()).not.toContain('demo catalogue refused');
      const rows = await select(first.url, PRODUCTS_PER_ORG);
      const counts = Object.fromEntries(rows.map((r) => [r.org!.replace(/^.*\/id\/organisatie\//, ''), Number(r.n)]));
      expect(counts).toEqual({ 'gemeente-aalsmeer': 10, 'gemeente-nieuwegein': 10, 'gemeente-tilburg': 10 });
      // The products point at the demo value lists' concepts.
      const upl = await select(first.url, sparql`SELECT (COUNT(DISTINCT ?u) AS ?n) WHERE { GRAPH ?g { ?p ${OVERHEIDPRODUCT.uniformeProductnaam} ?u } GRAPH ?l { ?u ${SKOS.prefLabel} ?label } }`.text);
      expect(Number(upl[0]!.n)).toBeGreaterThan(20);
      triples = ((await (await fetch(`${first.url}/health`)).json()) as { triples: number }).triples;
    } finally {
      expect(await stop(first.child)).toBe(0);
    }

    const second = await startDemo(tmp.dir);
    try {
      expect(second.out()).not.toContain('demo catalogue imported');
      const rows = await select(second.url, PRODUCTS_PER_ORG);
      expect(rows.reduce((n, r) => n + Number(r.n), 0)).toBe(30);
      expect(((await (await fetch(`${second.url}/health`)).json()) as { triples: number }).triples).toBe(triples);
    } finally {
      expect(await stop(second.child)).toBe(0);
    }
  }, 240_000);
});
