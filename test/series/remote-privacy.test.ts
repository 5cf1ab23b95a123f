/**
 * Series drafts on STORE=sparql (the real Virtuoso 7 from globalSetup, set up as
 * docs/remote-store.md says: a dedicated account, the system graphs in Virtuoso's private group).
 * Stelsel's own routes keep a draft private there too (/id, /doc in every format, the series API),
 * because they filter UriPolicy.isPrivateGraph themselves. The public /sparql endpoint forwards to
 * Virtuoso's anonymous query URL, which only hides graphs in its private-graphs group: the store
 * adds every per-draft graph to that group before writing it, so neither serves the draft, and
 * the start-up check stays quiet.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { start, type Running } from '../../src/main.js';
import { UriPolicy } from '../../src/shared/uri.js';
import { VIRTUOSO_MISSING } from '../support/global-setup.js';
import { tempDir } from '../support/tmp.js';
import { createStelselUser, makeGraphsPrivate } from '../support/virtuoso.js';
import { fullContent } from './support.js';

const virtuoso = inject('virtuoso');
const TOKEN = 'remote-series-admin-token-0123456789abcdef';

describe.skipIf(!virtuoso)(`series drafts on STORE=sparql (Virtuoso 7)${virtuoso ? '' : ` (skipped: ${VIRTUOSO_MISSING})`}`, () => {
  const tmp = tempDir();
  const base = `http://series-${randomUUID().slice(0, 8)}.stelsel.test`;
  const uris = new UriPolicy(base);
  const user = `stelsel_${randomUUID().slice(0, 8)}`;
  const password = randomUUID();
  const logged: { level: number; msg: string }[] = [];
  let running: Running | undefined;
  const name = `Ontwerp op Virtuoso ${randomUUID()}`;
  let id = '';

  const boot = () =>
    start(
      loadConfig({
        STORE: 'sparql', SPARQL_QUERY_URL: virtuoso!.queryUrl, SPARQL_UPDATE_URL: virtuoso!.updateUrl, SPARQL_USER: user, SPARQL_PASSWORD: password,
        BASE_URL: base, PORT: '0', HOST: '127.0.0.1', DATA_DIR: tmp.dir, ADMIN_TOKEN: TOKEN, DEMO: 'false', LOG_LEVEL: 'error',
      }),
      pino({ level: 'error' }, new Writable({ write: (chunk: Buffer, _e, done) => (logged.push(JSON.parse(chunk.toString()) as { level: number; msg: string }), done()) })),
    );
  const api = (method: string, path: string, body?: unknown, auth = true) =>
    fetch(`${running!.url}${path}`, {
      method,
      headers: { accept: 'application/json', ...(auth ? { authorization: `Bearer ${TOKEN}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  beforeAll(async () => {
    await createStelselUser(virtuoso!, user, password);
    await makeGraphsPrivate(virtuoso!, uris.systemGraphs.map((g) => g.value));
    running = await boot();
    const org = await api('POST', '/api/organisaties', { slug: 'gemeente-remote', name: 'Gemeente Remote', classification: 'http://data.vlaanderen.be/id/concept/BestuurseenheidClassificatieCode/5ab0e9b8a3b2ca7c5e000001' });
    expect(org.status, await org.clone().text()).toBe(201);
    const created = await api('POST', '/api/series', { organisatie: 'gemeente-remote', ...fullContent(name) });
    expect(created.status, await created.clone().text()).toBe(201);
    id = ((await created.json()) as { Id: string }).Id;
  }, 120_000);

  afterAll(async () => {
    await running?.stop();
    tmp.remove();
  });

  it('keeps the draft out of /id, /doc and the series API for anonymous clients, and shows it to its readers', async () => {
    for (const path of [`/id/serie/${id}`, `/doc/serie/${id}`, `/doc/serie/${id}.ttl`, `/doc/serie/${id}/versie/1.nt`, `/api/series/${id}`]) {
      const res = await fetch(`${running!.url}${path}`, { redirect: 'manual', headers: { accept: 'text/turtle' } });
      expect(res.status, path).toBe(404);
      expect((await res.text()).includes(name), path).toBe(false);
    }
    expect(((await (await api('GET', `/api/series/${id}`)).json()) as { Content: { Name: string } }).Content.Name).toBe(name);
  });

  it('is served neither by Stelsel\'s /sparql nor by Virtuoso\'s anonymous endpoint, and start-up finds no exposed private graph', async () => {
    const draftsPrefix = `${uris.seriesDraftsGraph.value}/`;
    // The draft graph exists: the app (authenticated) reads it.
    const inStore = await running!.store.select(`SELECT ?o WHERE { GRAPH ?g { ?s <http://purl.org/dc/terms/title> ?o } FILTER(STRSTARTS(STR(?g), "${draftsPrefix}")) }`);
    expect(inStore.map((r) => r.o?.value)).toContain(name);
    const queries = [
      `SELECT ?o WHERE { GRAPH ?g { ?s <http://purl.org/dc/terms/title> ?o } FILTER(STRSTARTS(STR(?g), "${draftsPrefix}")) }`,
      `SELECT ?o WHERE { ?s <http://purl.org/dc/terms/title> ?o }`,
      `SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(${uris.privateGraphs.map((g) => `STRSTARTS(STR(?g), "${g.value}")`).join(' || ')}) } LIMIT 5`,
    ];
    for (const q of queries) {
      const viaStelsel = await fetch(`${running!.url}/sparql?query=${encodeURIComponent(q)}`, { headers: { accept: 'application/sparql-results+json' } });
      expect(viaStelsel.status, q).toBe(200);
      const viaVirtuoso = await fetch(virtuoso!.queryUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' },
        body: new URLSearchParams({ query: q }).toString(),
      });
      expect(viaVirtuoso.status, q).toBe(200);
      for (const body of [await viaStelsel.text(), await viaVirtuoso.text()]) {
        expect(body.includes(name), q).toBe(false);
        expect(body.includes(draftsPrefix), q).toBe(false);
      }
    }
    await running!.stop();
    logged.length = 0;
    running = await boot();
    expect(logged.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
  }, 60_000);
});
