import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { start } from '../../src/main.js';
import { tempDir, TEST_BASE } from '../support/tmp.js';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const DEMO_LISTS = fileURLToPath(new URL('../../data/valuelists', import.meta.url));
const { BASE_URL: _viteBase, ...parentEnv } = process.env;
const tmp = tempDir();
afterAll(() => tmp.remove());

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { ...parentEnv, DATA_DIR: tmp.dir, BASE_URL: TEST_BASE, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });

const gemeente = 'http://standaarden.overheid.nl/owms/terms/Aalsmeer_(gemeente)';

describe('stelsel CLI and VALUELISTS_DIR', () => {
  it('loads the value lists into the data directory, and refuses while a server holds it', async () => {
    const r = run('valuelists', 'load', DEMO_LISTS);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^gemeente: \d+ concepts/m);
    expect(r.stdout).toMatch(/^upl: \d+ concepts/m);

    const running = await start(loadConfig({ DATA_DIR: tmp.dir, BASE_URL: TEST_BASE, PORT: '0', HOST: '127.0.0.1', ADMIN_TOKEN: 'cli-test-admin-token-0123456789abcd', SPARQL_REPLICAS: '0' }), pino({ level: 'silent' }));
    try {
      expect(await running.store.ask(`ASK { GRAPH ?g { <${gemeente}> ?p ?o } }`)).toBe(true);
      const busy = run('valuelists', 'load', DEMO_LISTS);
      expect(busy.status).toBe(1);
      expect(busy.stderr).toMatch(/is in use by process \d+/);
    } finally {
      await running.stop();
    }
  }, 120_000);

  it('loads the lists at start when VALUELISTS_DIR is set', async () => {
    const other = tempDir();
    const running = await start(
      loadConfig({ DATA_DIR: other.dir, BASE_URL: TEST_BASE, PORT: '0', HOST: '127.0.0.1', ADMIN_TOKEN: 'cli-test-admin-token-0123456789abcd', SPARQL_REPLICAS: '0', VALUELISTS_DIR: DEMO_LISTS }),
      pino({ level: 'silent' }),
    );
    try {
      expect(await running.store.ask(`ASK { GRAPH ?g { <${gemeente}> ?p ?o } }`)).toBe(true);
    } finally {
      await running.stop();
      other.remove();
    }
  }, 120_000);

  it('prints its usage for an unknown command', () => {
    const r = run('nonsense');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: stelsel valuelists load');
  });
});
