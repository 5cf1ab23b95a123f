/**
 * The whole product on STORE=sparql against the real Virtuoso from globalSetup: demo seeding,
 * /health, SHACL-validated writes, the public SPARQL endpoint forwarding to Virtuoso, linked-data
 * pages, and a restart that finds everything again (the app keeps no state of its own).
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, inject, it } from 'vitest';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { start, type Running } from '../../src/main.js';
import { VIRTUOSO_MISSING } from '../support/global-setup.js';
import { tempDir } from '../support/tmp.js';
import { makeGraphsPrivate } from '../support/virtuoso.js';
import { literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import { DCT } from '../../src/shared/rdf/vocab.js';
import { SparqlStore } from '../../src/shared/store/remote/sparql-store.js';
import { UriPolicy } from '../../src/shared/uri.js';

const virtuoso = inject('virtuoso');
const TOKEN = 'remote-app-admin-token-0123456789abcdef';

describe.skipIf(!virtuoso)(`Stelsel on STORE=sparql (Virtuoso 7)${virtuoso ? '' : ` (skipped: ${VIRTUOSO_MISSING})`}`, () => {
  const tmp = tempDir();
  // A fresh BASE_URL per run: the server is shared by the whole test run.
  const base = `http://remote-${randomUUID().slice(0, 8)}.stelsel.test`;
  const config = () =>
    loadConfig({
      STORE: 'sparql',
      SPARQL_QUERY_URL: virtuoso!.queryUrl,
      SPARQL_UPDATE_URL: virtuoso!.updateUrl,
      SPARQL_USER: virtuoso!.user,
      SPARQL_PASSWORD: virtuoso!.password,
      BASE_URL: base,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: tmp.dir,
      ADMIN_TOKEN: TOKEN,
      DEMO: 'true',
      LOG_LEVEL: 'silent',
    });
  let running: Running | undefined;
  afterAll(async () => {
    await running?.stop();
    tmp.remove();
  });

  it('serves, validates writes and answers queries from the remote store, and survives a restart', async () => {
    running = await start(config(), pino({ level: 'silent' }));
    const health = (await (await fetch(`${running.url}/health`)).json()) as { status: string; store: string; triples: number };
    expect(health).toMatchObject({ status: 'ok', store: 'sparql' });
    expect(health.triples).toBeGreaterThan(10); // the demo data, counted in this BASE_URL's graphs only

    const graph = `${base}/graph/remote-test`;
    const put = (body: string, accept = 'application/json') =>
      fetch(`${running!.url}/api/graphs?graph=${encodeURIComponent(graph)}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/turtle', accept },
        body,
      });
    const org = `<${base}/id/organisatie/remote> a <http://www.w3.org/ns/org#Organization>`;
    expect((await put(`${org} .`)).status).toBe(422);
    expect((await put(`${org} ; <http://www.w3.org/2004/02/skos/core#prefLabel> "Gemeente Op Afstand"@nl .`)).status).toBe(204);

    const written = (await (await fetch(`${running.url}/health`)).json()) as { triples: number };
    const q = encodeURIComponent(`SELECT ?l WHERE { GRAPH <${graph}> { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } }`);
    const res = await fetch(`${running.url}/sparql?query=${q}`, { headers: { accept: 'application/sparql-results+json' } });
    expect(res.status).toBe(200);
    const json = (await res.json()) as { results: { bindings: { l: { value: string; 'xml:lang'?: string } }[] } };
    expect(json.results.bindings).toEqual([{ l: expect.objectContaining({ value: 'Gemeente Op Afstand', 'xml:lang': 'nl' }) }]);

    const page = await fetch(`${running.url}/doc/organisatie/remote`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Gemeente Op Afstand');

    await running.stop();
    // With the one-time set-up of docs/remote-store.md (the private-graphs group, closed to anonymous
    // readers) and the store having put every private graph it wrote (audit, identity, ...) into that
    // group, the start-up check finds nothing exposed, now that the audit graph has entries.
    await makeGraphsPrivate(virtuoso!, []);
    // A private graph written by a store that did not add it to the group (an older instance):
    // the start-up check finds it exposed, so start-up adds the existing private graphs, and checks again.
    const uris = new UriPolicy(base);
    const marker = randomUUID();
    const hidden = namedNode(`${uris.seriesDraftsGraph.value}/${marker}`);
    const older = new SparqlStore({ queryUrl: virtuoso!.queryUrl, updateUrl: virtuoso!.updateUrl, user: virtuoso!.user, password: virtuoso!.password, genidBase: uris.genidBase, locksGraph: uris.locksGraph, graphPrefix: `${base}/` });
    await older.transact({ insert: [quad(hidden, DCT.title, literal(`old draft ${marker}`), hidden)] });
    await older.close();
    const anonymous = async () => {
      const res = await fetch(virtuoso!.queryUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' },
        body: new URLSearchParams({ query: `ASK { GRAPH ?g { ?s ?p "old draft ${marker}" } }` }).toString(),
      });
      return ((await res.json()) as { boolean: boolean }).boolean;
    };
    expect(await anonymous()).toBe(true);
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    running = await start(config(), pino({ level: 'warn' }, sink));
    expect(lines.join('')).not.toContain('answers anonymous queries');
    expect(lines.join('')).not.toContain('could not make the existing private graphs private');
    expect(await anonymous()).toBe(false);
    const again = (await (await fetch(`${running.url}/health`)).json()) as { triples: number };
    expect(again.triples).toBe(written.triples + 1); // + the old draft title written above
  }, 120_000);
});
