/**
 * STORE=sparql against the real Virtuoso 7 from globalSetup: with the graph permissions of
 * docs/remote-store.md applied (system graphs in Virtuoso's private-graphs group, "nobody" may not
 * read them), the audit entry the app writes is invisible to Virtuoso's anonymous /sparql and to
 * Stelsel's public /sparql, while the app itself (a dedicated account reading through /sparql-auth
 * with Digest) still shows it on the audit page, time filters included. Also measures what the
 * authenticated reads cost.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { start, type Running } from '../../src/main.js';
import { SparqlStore } from '../../src/shared/store/remote/sparql-store.js';
import { UriPolicy } from '../../src/shared/uri.js';
import { VIRTUOSO_MISSING } from '../support/global-setup.js';
import { tempDir } from '../support/tmp.js';
import { createStelselUser, makeGraphsPrivate } from '../support/virtuoso.js';

const virtuoso = inject('virtuoso');
const TOKEN = 'remote-audit-admin-token-0123456789abcdef';

type Rows = { results: { bindings: Record<string, { value: string }>[] } };

/** A query to Virtuoso's own anonymous endpoint (form-encoded POST, as Stelsel sends). */
async function anonymous(query: string, params: Record<string, string> = {}): Promise<Rows['results']['bindings']> {
  const res = await fetch(virtuoso!.queryUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' },
    body: new URLSearchParams({ query, ...params }).toString(),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as Rows).results.bindings;
}

describe.skipIf(!virtuoso)(`audit graph privacy on STORE=sparql (Virtuoso 7)${virtuoso ? '' : ` (skipped: ${VIRTUOSO_MISSING})`}`, () => {
  const tmp = tempDir();
  const base = `http://audit-${randomUUID().slice(0, 8)}.stelsel.test`;
  const uris = new UriPolicy(base);
  const graph = `${base}/graph/remote-audit`;
  let running: Running | undefined;
  let before = '';
  const user = `stelsel_${randomUUID().slice(0, 8)}`;
  const password = randomUUID();

  beforeAll(async () => {
    // What the operator does once per deployment (docs/remote-store.md), before Stelsel starts:
    // a dedicated account (not dba), and the system graphs made private.
    await createStelselUser(virtuoso!, user, password);
    await makeGraphsPrivate(virtuoso!, uris.systemGraphs.map((g) => g.value));
    running = await start(
      loadConfig({
        STORE: 'sparql',
        SPARQL_QUERY_URL: virtuoso!.queryUrl,
        SPARQL_UPDATE_URL: virtuoso!.updateUrl,
        SPARQL_USER: user,
        SPARQL_PASSWORD: password,
        BASE_URL: base,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: tmp.dir,
        ADMIN_TOKEN: TOKEN,
        DEMO: 'false',
        LOG_LEVEL: 'silent',
      }),
      pino({ level: 'silent' }),
    );
    before = new Date(Date.now() - 1000).toISOString();
    const put = await fetch(`${running.url}/api/graphs?graph=${encodeURIComponent(graph)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/turtle', 'x-request-id': 'remote-audit-put' },
      body: `<${base}/id/organisatie/r> a <http://www.w3.org/ns/org#Organization> ; <http://www.w3.org/2004/02/skos/core#prefLabel> "Remote"@nl .`,
    });
    expect(put.status, await put.text()).toBe(204);
  }, 120_000);

  afterAll(async () => {
    await running?.stop();
    tmp.remove();
  });

  it('Virtuoso\'s anonymous /sparql sees the public graph but nothing of the audit, versions or identity graphs', async () => {
    const audit = uris.auditGraph.value;
    expect(await anonymous(`SELECT ?s WHERE { GRAPH <${graph}> { ?s ?p ?o } }`)).not.toHaveLength(0);
    expect(await anonymous(`SELECT ?s WHERE { GRAPH <${audit}> { ?s ?p ?o } }`)).toHaveLength(0);
    expect(await anonymous(`SELECT ?s FROM <${audit}> WHERE { ?s ?p ?o }`)).toHaveLength(0);
    expect(await anonymous(`SELECT ?s FROM NAMED <${audit}> WHERE { GRAPH ?g { ?s ?p ?o } }`)).toHaveLength(0);
    expect(await anonymous('SELECT ?s WHERE { ?s ?p ?o }', { 'default-graph-uri': audit })).toHaveLength(0);
    expect(await anonymous(`SELECT ?s WHERE { ?s <https://data.stelsel.nl/ns/stelsel#requestId> "remote-audit-put" }`)).toHaveLength(0);
    expect(await anonymous(`SELECT ?g WHERE { GRAPH ?g { <${graph}> <https://data.stelsel.nl/ns/stelsel#version> ?v } }`)).toHaveLength(0);
    const graphs = (await anonymous(`SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "${base}/")) }`)).map((r) => r.g!.value);
    expect(graphs).toContain(graph);
    for (const g of uris.systemGraphs) expect(graphs).not.toContain(g.value);
  });

  it("Stelsel's public /sparql shows none of it either, and refuses Virtuoso's SQL escape hatch (bif:exec)", async () => {
    const q = (query: string) => fetch(`${running!.url}/sparql?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/sparql-results+json' } });
    const res = await q(`SELECT ?s ?p ?o WHERE { GRAPH <${uris.auditGraph.value}> { ?s ?p ?o } }`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Rows).results.bindings).toHaveLength(0);
    const exec = await q(`PREFIX bif: <bif:> SELECT (bif:exec("select 1") AS ?x) WHERE {}`);
    expect(exec.status).toBe(400);
    expect(((await exec.json()) as { error: { message: string } }).error.message).toMatch(/not supported|not allowed/);
  });

  it('the app still reads the audit graph (through /sparql-auth): the audit page shows the write', async () => {
    const get = (query: string) =>
      fetch(`${running!.url}/beheer/audit?${query}`, { headers: { authorization: `Bearer ${TOKEN}`, accept: 'application/json' } });
    const res = await get(`resource=${encodeURIComponent(graph)}`);
    expect(res.status, await res.clone().text()).toBe(200);
    const entries = (await res.json()) as { action: string; agent: string; requestId: string; versionBefore: number; versionAfter: number; affectedGraphs: string[]; time: string }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'graph.replace',
      agent: `${base}/id/agent/bootstrap`,
      requestId: 'remote-audit-put',
      versionBefore: 0,
      versionAfter: 1,
      affectedGraphs: [graph],
    });
    expect(entries[0]!.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    // Time filters on Virtuoso's xsd:dateTime.
    expect(await (await get(`resource=${encodeURIComponent(graph)}&from=${encodeURIComponent(before)}`)).json()).toHaveLength(1);
    expect(await (await get(`resource=${encodeURIComponent(graph)}&to=${encodeURIComponent(before)}`)).json()).toHaveLength(0);
    const html = await fetch(`${running!.url}/beheer/audit?resource=${encodeURIComponent(graph)}`, { headers: { authorization: `Bearer ${TOKEN}`, accept: 'text/html' } });
    expect(await html.text()).toContain('remote-audit-put');
  });

  it('measures reads: anonymous /sparql vs authenticated /sparql-auth (Digest, nonce reused)', async () => {
    const common = { queryUrl: virtuoso!.queryUrl, updateUrl: virtuoso!.updateUrl, genidBase: uris.genidBase, locksGraph: uris.locksGraph, dialect: 'virtuoso' as const };
    const anon = new SparqlStore({ ...common, readWithCredentials: false });
    const auth = new SparqlStore({ ...common, user, password });
    const query = `SELECT ?s WHERE { GRAPH <${graph}> { ?s ?p ?o } } LIMIT 5`;
    const time = async (s: SparqlStore) => {
      for (let i = 0; i < 10; i++) await s.select(query); // warm up (and the Digest challenge)
      const t0 = performance.now();
      for (let i = 0; i < 200; i++) await s.select(query);
      return (performance.now() - t0) / 200;
    };
    const a = await time(anon);
    const b = await time(auth);
    console.info(`[measure] Virtuoso read, 200 sequential SELECTs: anonymous /sparql ${a.toFixed(2)} ms, /sparql-auth with Digest ${b.toFixed(2)} ms per query`);
    expect(await auth.ask(`ASK { GRAPH <${uris.auditGraph.value}> { ?s ?p ?o } }`)).toBe(true);
    expect(await anon.ask(`ASK { GRAPH <${uris.auditGraph.value}> { ?s ?p ?o } }`)).toBe(false);
    await anon.close();
    await auth.close();
  });
});
