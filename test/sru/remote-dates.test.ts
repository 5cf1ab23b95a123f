/**
 * Date searches on Virtuoso while other sites write to the same server. Virtuoso 7.2 answers a
 * typed comparison `?d <= "2020-01-01"^^xsd:date` intermittently without the boundary day (or with
 * nothing at all) while concurrent writes go on, where `<`, `=`, `>=` and string comparisons stay
 * right; date searches are therefore exact lookups of period tokens, with no typed comparison.
 * This checks the boundary queries over and over while three other sites keep rewriting their
 * products.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
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
import { storeCollection, type StoreDeps } from './fixtures.js';
import { matches } from './support.js';

const virtuoso = inject('virtuoso');

interface Site {
  running: Running;
  deps: StoreDeps;
}

async function site(dir: string): Promise<Site> {
  const base = `http://sru-${randomUUID().slice(0, 8)}.stelsel.test`;
  const config = loadConfig({
    STORE: 'sparql', SPARQL_QUERY_URL: virtuoso!.queryUrl, SPARQL_UPDATE_URL: virtuoso!.updateUrl, SPARQL_USER: virtuoso!.user,
    SPARQL_PASSWORD: virtuoso!.password, BASE_URL: base, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir,
    ADMIN_TOKEN: 'sru-remote-admin-token-0123456789abcdef', DEMO: 'false', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000',
  });
  const running = await start(config, pino({ level: 'silent' }));
  const uris = new UriPolicy(base);
  const deps = { store: running.store, uris, audit: new AuditLog(running.store, uris) };
  await loadValueLists({ dir: path.resolve(DEMO_DIR) }, deps);
  await storeCollection(deps);
  return { running, deps };
}

describe.skipIf(!virtuoso)(`SRU date searches on Virtuoso under concurrent writes${virtuoso ? '' : ` (skipped: ${VIRTUOSO_MISSING})`}`, () => {
  const tmp = tempDir();
  let searched: Site;
  beforeAll(async () => {
    searched = await site(path.join(tmp.dir, 'searched'));
  }, 120_000);
  afterAll(async () => {
    await searched?.running.stop();
    tmp.remove();
  });

  it('answers the boundary queries exactly every time', async () => {
    let writing = true;
    const writers = [1, 2, 3].map(async (i) => {
      const other = await site(path.join(tmp.dir, `other-${i}`));
      while (writing) await storeCollection(other.deps);
      await other.running.stop();
    });
    const url = searched.running.url;
    const client = { app: { request: (p: string) => fetch(`${url}${p}`) } };
    try {
      for (let i = 0; i < 40; i++) {
        expect(await matches(client, 'modified<=2020-01-01')).toEqual(['M1', 'W1']);
        expect(await matches(client, 'modified<2020-01-02')).toEqual(['M1', 'W1']);
        expect(await matches(client, 'modified>=2020-01-01 and modified<=2020-07-01')).toEqual(['W1', 'W2']);
      }
    } finally {
      writing = false;
      await Promise.all(writers);
    }
  }, 300_000);
});
