/**
 * The same search suite on STORE=sparql against the real Virtuoso from globalSetup: the generated
 * SPARQL is plain SPARQL 1.1, so every golden query, diagnostic and facet count must come out the
 * same as on the embedded store.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { start, type Running } from '../../src/main.js';
import { loadValueLists } from '../../src/catalog/valuelists/index.js';
import { AuditLog } from '../../src/shared/audit/audit-log.js';
import { UriPolicy } from '../../src/shared/uri.js';
import { VIRTUOSO_MISSING } from '../support/global-setup.js';
import { tempDir } from '../support/tmp.js';
import { DEMO_DIR } from '../catalog/valuelists/helpers.js';
import { storeCollection } from './fixtures.js';
import { GOLDEN, QUERY_DIAGNOSTICS } from './golden.js';
import { matches, readSru, sru, type Requester } from './support.js';

const virtuoso = inject('virtuoso');

describe.skipIf(!virtuoso)(`SRU search on STORE=sparql (Virtuoso 7)${virtuoso ? '' : ` (skipped: ${VIRTUOSO_MISSING})`}`, () => {
  const tmp = tempDir();
  // A fresh BASE_URL per run: the server is shared by the whole test run.
  const base = `http://sru-${randomUUID().slice(0, 8)}.stelsel.test`;
  let running: Running | undefined;
  let client: Requester;

  beforeAll(async () => {
    const config = loadConfig({
      STORE: 'sparql', SPARQL_QUERY_URL: virtuoso!.queryUrl, SPARQL_UPDATE_URL: virtuoso!.updateUrl, SPARQL_USER: virtuoso!.user,
      SPARQL_PASSWORD: virtuoso!.password, BASE_URL: base, PORT: '0', HOST: '127.0.0.1', DATA_DIR: tmp.dir,
      ADMIN_TOKEN: 'sru-remote-admin-token-0123456789abcdef', DEMO: 'false', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000',
    });
    running = await start(config, pino({ level: 'silent' }));
    const uris = new UriPolicy(base);
    const deps = { store: running.store, uris, audit: new AuditLog(running.store, uris) };
    await loadValueLists({ dir: path.resolve(DEMO_DIR) }, deps);
    await storeCollection(deps);
    const url = running.url;
    client = { app: { request: (p: string) => fetch(`${url}${p}`) } };
  }, 120_000);
  afterAll(async () => {
    await running?.stop();
    tmp.remove();
  });

  it('answers every golden query with the same products', async () => {
    for (const [cql, ids] of GOLDEN) expect(await matches(client, cql), cql).toEqual([...ids].sort());
  }, 120_000);

  it('answers every query diagnostic', async () => {
    for (const [query, code] of QUERY_DIAGNOSTICS) {
      const r = await sru(client, { query });
      expect(r.diagnostics.map((d) => d.uri), query).toEqual([`info:srw/diagnostic/1/${code}`]);
    }
  }, 120_000);

  it('ranks, sorts, pages and counts facets the same way', async () => {
    expect((await sru(client, { query: 'paspoort' })).ids.slice(0, 2)).toEqual(['T1', 'A1']);
    expect((await sru(client, { query: 'paspoort sortby modified/sort.ascending' })).ids).toEqual(['M1', 'A1', 'T3', 'T1']);
    const page = await sru(client, { query: 'cql.allRecords=1', startRecord: '5', maximumRecords: '4' });
    expect([page.numberOfRecords, page.positions, page.next]).toEqual([14, [5, 6, 7, 8], 9]);
    const r = await sru(client, { query: '(organisatie="Tilburg") and vergunning', 'x-info-1-accept': 'any' });
    let terms = 0;
    for (const f of r.facets) {
      for (const term of f.terms) {
        const res = await fetch(term.requestUrl.replace(base, running!.url));
        const followed = readSru(res.status, res.headers.get('content-type') ?? '', await res.text());
        expect(followed.numberOfRecords, term.query).toBe(term.count);
        terms++;
      }
    }
    expect(terms).toBeGreaterThan(3);
  }, 120_000);

  it('1000 random and hostile queries: never an internal error', async () => {
    const words = fc.constantFrom('paspoort', 'pas*', '"a b"', '"} UNION {"', 'title', '=', 'adj', 'and', 'or', '(', ')', '"', '\\', 'modified<2024', '(postcode="1431")');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(words, { maxLength: 6 }).map((w) => w.join(' ')), fc.string({ maxLength: 30 })), async (q) => {
        const r = await sru(client, { query: q, maximumRecords: '3', 'x-info-1-accept': 'any' });
        expect(r.status).toBe(200);
        expect(r.diagnostics.map((d) => d.uri), q).not.toContain('info:srw/diagnostic/1/1');
      }),
      { numRuns: 1000, seed: 20261124 },
    );
  }, 300_000);
});
