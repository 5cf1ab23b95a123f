/**
 * Virtuoso 7 for the SRU benchmark: a throw-away instance (test/support/virtuoso.ts), the product
 * N-Quads bulk-loaded (ld_dir + rdf_loader_run), the free-text index on every literal
 * (DB.DBA.RDF_OBJ_FT_RULE_ADD, then DB.DBA.VT_INC_INDEX_DB_DBA_RDF_OBJ), queried over HTTP.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ISQL_BIN, startVirtuoso, virtuosoInstalled, type RunningVirtuoso } from '../test/support/virtuoso.js';
import { sparql, type SparqlFragment } from '../src/shared/rdf/encode.js';
import { STELSEL } from '../src/shared/rdf/vocab.js';

export { virtuosoInstalled };

function isql(v: RunningVirtuoso, sql: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(ISQL_BIN, [`127.0.0.1:${v.sqlPort}`, v.user, v.password], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 && !/\*\*\* Error/.test(out) ? resolve(out) : reject(new Error(`isql: ${out.slice(0, 1500)}`))));
    child.stdin.end(`${sql}\nEXIT;\n`);
  });
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

export interface LoadedVirtuoso {
  v: RunningVirtuoso;
  /** The directory to write the N-Quads into before `load`. */
  dataDir: string;
  load(): Promise<{ loadMs: number; indexMs: number; products: number }>;
  query(q: SparqlFragment): Promise<Record<string, { value: string }>[]>;
  stop(): Promise<void>;
}

export async function virtuosoForBench(): Promise<LoadedVirtuoso> {
  const v = await startVirtuoso();
  const dataDir = path.join(v.dir, 'nq');
  mkdirSync(dataDir);
  const query = async (q: SparqlFragment) => {
    const res = await fetch(v.queryUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' },
      body: new URLSearchParams({ query: q.text }).toString(),
    });
    const body = await res.text();
    if (!res.ok) throw new Error(`Virtuoso ${res.status}: ${body.slice(0, 500)}\n${q.text}`);
    return (JSON.parse(body) as { results: { bindings: Record<string, { value: string }>[] } }).results.bindings;
  };
  return {
    v,
    dataDir,
    query,
    async load() {
      await isql(v, "DB.DBA.RDF_OBJ_FT_RULE_ADD (null, null, 'stelsel_bench');");
      let t = performance.now();
      await isql(v, `ld_dir (${sqlString(dataDir)}, '*.nq', 'urn:x-bench:default');\nrdf_loader_run ();\ncheckpoint;`);
      const loadMs = performance.now() - t;
      t = performance.now();
      await isql(v, 'DB.DBA.VT_INC_INDEX_DB_DBA_RDF_OBJ ();\ncheckpoint;');
      const indexMs = performance.now() - t;
      const errors = await isql(v, "SELECT COUNT(*) FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;");
      if (!/\n\s*0\s*\n/.test(errors)) throw new Error(`Virtuoso bulk load errors: ${errors.slice(0, 800)}`);
      const n = await query(sparql`SELECT (COUNT(*) AS ?n) WHERE { ?p a ${STELSEL.Product} }`);
      return { loadMs, indexMs, products: Number(n[0]?.n?.value ?? 0) };
    },
    stop: () => v.stop(),
  };
}
