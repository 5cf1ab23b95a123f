/**
 * `stelsel validate-sc` and `stelsel import-sc`, spawned as a real process (tsx) on a temporary
 * data directory seeded with the demo data; URL mode against a real HTTP server on 127.0.0.1; the
 * progress output (plain lines when stderr is no terminal, a cli-progress bar when it is).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withProgress } from '../../src/cli/progress.js';
import { loadConfig } from '../../src/config.js';
import { start } from '../../src/main.js';
import { EmbeddedStore } from '../../src/shared/store/embedded/embedded-store.js';
import { UriPolicy } from '../../src/shared/uri.js';
import { tempDir, TEST_BASE } from '../support/tmp.js';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const CATALOGI = fileURLToPath(new URL('../../data/demo/catalogi', import.meta.url));
const { BASE_URL: _viteBase, ...parentEnv } = process.env;
const tmp = tempDir();
const ADMIN = 'cli-sc-test-admin-token-0123456789abcd';
let server: http.Server;
let base: string;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the CLI without blocking this process (the HTTP server below must keep answering). */
function run(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { ...parentEnv, DATA_DIR: tmp.dir, BASE_URL: TEST_BASE, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill(), 90_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

const demo = (name: string) => readFileSync(path.join(CATALOGI, name), 'utf8');

/** aalsmeer.xml without its last product. */
function withoutLastProduct(xml: string): { xml: string; removedId: string } {
  const startTag = xml.lastIndexOf('<overheidproduct:scproduct ');
  const endTag = '</overheidproduct:scproduct>';
  const end = xml.indexOf(endTag, startTag) + endTag.length;
  const removedId = /<overheidproduct:productID>([^<]+)</.exec(xml.slice(startTag, end))![1]!;
  return { xml: xml.slice(0, startTag) + xml.slice(end), removedId };
}

beforeAll(async () => {
  // The demo data (organisations, value lists, demo catalogues), then the data directory is free again.
  const running = await start(
    loadConfig({ DATA_DIR: tmp.dir, BASE_URL: TEST_BASE, PORT: '0', HOST: '127.0.0.1', ADMIN_TOKEN: ADMIN, SPARQL_REPLICAS: '0', DEMO: 'true' }),
    pino({ level: 'silent' }),
  );
  await running.stop();
  server = http.createServer((req, res) => {
    if (req.url === '/aalsmeer.xml') return res.writeHead(200, { 'content-type': 'application/xml' }).end(demo('aalsmeer.xml'));
    return res.writeHead(404, { 'content-type': 'text/plain' }).end('nee');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  tmp.remove();
});

describe('stelsel validate-sc', () => {
  it('prints the overview and every problem of fouten.xml, with product lines, and exits 1', async () => {
    const r = await run('validate-sc', path.join(CATALOGI, 'fouten.xml'));
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^products: 5$/m);
    expect(r.stdout).toMatch(/^ {2}line \d+ FOUT-01 "Online aanvragen zonder link"$/m);
    for (const code of ['aanvraagurl-missing', 'spatial-label', 'audience-value', 'upl-unknown', 'modified-in-future', 'productid-duplicate', 'identifier-duplicate']) {
      expect(r.stdout).toContain(`${code}: `);
    }
    expect(r.stdout).toMatch(/^not valid \(\d+ problems\)$/m);
    // stderr is a pipe: plain progress lines
    expect(r.stderr).toMatch(/^parsing: \d+ bytes$/m);
    expect(r.stderr).toMatch(/^parsing: done \(\d+ bytes\)$/m);
  }, 120_000);

  it('exits 0 for a valid catalogue fetched by URL, with the counts', async () => {
    const r = await run('validate-sc', `${base}/aalsmeer.xml`);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`catalogue: ${base}/aalsmeer.xml`);
    expect(r.stdout).toMatch(/^products: 10$/m);
    expect(r.stdout).toMatch(/^products with problems: 0$/m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('valid');
  }, 120_000);

  it('exits 1 when the URL cannot be fetched, and 2 for a missing file or argument', async () => {
    const gone = await run('validate-sc', `${base}/weg.xml`);
    expect(gone.status).toBe(1);
    expect(gone.stderr).toMatch(/could not fetch the catalogue: .*404/);

    const missing = await run('validate-sc', path.join(tmp.dir, 'geen.xml'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such file');
    expect(missing.stderr).toContain('usage: stelsel valuelists load');

    const none = await run('validate-sc');
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('stelsel validate-sc <file | http(s) URL>');
  }, 120_000);
});

describe('stelsel import-sc', () => {
  it('refuses an invalid catalogue and stores nothing (exit 1)', async () => {
    const r = await run('import-sc', path.join(CATALOGI, 'fouten.xml'));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^nothing imported$/m);
  }, 120_000);

  it('imports as the system operator and prints the imported and removed counts', async () => {
    const { xml, removedId } = withoutLastProduct(demo('aalsmeer.xml'));
    const file = path.join(tmp.dir, 'aalsmeer-9.xml');
    writeFileSync(file, xml);
    const r = await run('import-sc', file);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^imported: 9$/m);
    expect(r.stdout).toMatch(/^removed: 1$/m);
    expect(r.stdout).toMatch(/^organisation: .+$/m);

    const uris = new UriPolicy(TEST_BASE);
    const store = await EmbeddedStore.open({ dir: path.join(tmp.dir, 'store'), genidBase: uris.genidBase, locksGraph: uris.locksGraph });
    try {
      const ids = await store.select(`SELECT ?id WHERE { GRAPH ?g { ?p <http://standaarden.overheid.nl/product/terms/productID> ?id } FILTER(STRSTARTS(STR(?g), "${TEST_BASE}/graph/product/")) }`);
      const all = ids.map((x) => x.id!.value);
      expect(all).not.toContain(removedId);
      const entries = await store.select(`
        SELECT ?r ?agent WHERE { GRAPH ?g { ?e <https://data.stelsel.nl/ns/stelsel#action> "catalogue.import" ;
          <https://data.stelsel.nl/ns/stelsel#requestId> ?r ; <http://www.w3.org/ns/prov#wasAssociatedWith> ?agent }
          FILTER(STRSTARTS(?r, "cli-import-sc-")) }`);
      expect(entries.map((e) => e.agent!.value)).toEqual([`${TEST_BASE}/id/agent/system`]);
    } finally {
      await store.close({ snapshot: false });
    }
  }, 120_000);
});

describe('progress output', () => {
  const drain = async (it: AsyncIterable<Uint8Array>) => {
    let n = 0;
    for await (const c of it) n += c.length;
    return n;
  };
  async function* chunks(n: number, size: number) {
    for (let i = 0; i < n; i++) yield new Uint8Array(size);
  }

  it('draws a cli-progress bar on a terminal', async () => {
    const out = Object.assign(new PassThrough(), { isTTY: true, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true }) as unknown as NodeJS.WriteStream;
    let text = '';
    (out as unknown as PassThrough).on('data', (d: Buffer) => (text += d.toString()));
    expect(await drain(withProgress(chunks(8, 1024 * 1024), 8 * 1024 * 1024, 'parsing', out))).toBe(8 * 1024 * 1024);
    expect(text).toContain('parsing [');
    expect(text).toContain('100%');
    expect(text).toContain('8.0 MiB of 8.0 MiB');
  });

  it('writes a line per quarter otherwise', async () => {
    const out = new PassThrough() as unknown as NodeJS.WriteStream;
    let text = '';
    (out as unknown as PassThrough).on('data', (d: Buffer) => (text += d.toString()));
    await drain(withProgress(chunks(8, 100), 800, 'parsing', out));
    expect(text.trim().split('\n')).toEqual(['parsing: 800 bytes', 'parsing: 25% (200 of 800 bytes)', 'parsing: 50% (400 of 800 bytes)', 'parsing: 75% (600 of 800 bytes)', 'parsing: done (800 bytes)']);
  });
});
