import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fetchLimited, fetchValueLists, loadValueLists, OFFICIAL_SOURCES, ValueListFetchError, type ValueListSource } from '../../../src/catalog/valuelists/index.js';
import { tempDir } from '../../support/tmp.js';
import { DEMO_DIR, openTestStore } from './helpers.js';

describe('value-list fetcher (local HTTP server)', () => {
  let server: http.Server;
  let base = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const url = req.url ?? '/';
      if (url === '/slow') return void setTimeout(() => res.end('late'), 2_000);
      if (url === '/huge') {
        res.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024, 97);
        let n = 0;
        const pump = () => {
          while (n < 64 && res.write(chunk)) n++;
          if (n >= 64) res.end();
          else res.once('drain', pump);
        };
        return pump();
      }
      if (url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
      if (url.startsWith('/moved/')) return void res.writeHead(301, { location: url.slice('/moved'.length) }).end();
      const file = path.join(DEMO_DIR, decodeURIComponent(url.slice('/files/'.length)));
      if (!url.startsWith('/files/') || !existsSync(file)) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((r) => server.close(() => r())));

  it('documents the official sources', () => {
    expect(OFFICIAL_SOURCES.map((s) => s.url)).toContain('https://standaarden.overheid.nl/owms/terms/Gemeente.xml');
    expect(OFFICIAL_SOURCES.map((s) => s.url)).toContain('https://standaarden.overheid.nl/owms/oquery/UPL-actueel.csv');
  });

  it('downloads into the loader layout, then loads', async () => {
    const dir = tempDir('stelsel-vl-fetch-');
    const t = await openTestStore();
    try {
      const sources: ValueListSource[] = [
        { url: `${base}/files/owms/Gemeente-demo.xml`, path: 'owms/Gemeente.xml' },
        { url: `${base}/moved/files/owms/UPL-actueel-demo.csv`, path: 'owms/UPL-actueel.csv' },
        { url: `${base}/files/tooi/rwc_gemeenten_demo.json`, path: 'tooi/rwc_gemeenten_demo.json' },
        { url: `${base}/files/nope.csv`, path: 'owms/UPL-SDG-Informatiegebied.csv', optional: true },
      ];
      const report = await fetchValueLists(dir.dir, sources, { timeoutMs: 5_000 });
      expect(report.downloaded.map((d) => d.path)).toEqual(['owms/Gemeente.xml', 'owms/UPL-actueel.csv', 'tooi/rwc_gemeenten_demo.json']);
      expect(report.failed).toEqual([expect.objectContaining({ path: 'owms/UPL-SDG-Informatiegebied.csv', optional: true, error: expect.stringMatching(/HTTP 404/) })]);
      const loaded = await loadValueLists({ dir: dir.dir }, { store: t.store, uris: t.uris, audit: t.audit });
      expect(loaded.lists.map((l) => [l.name, l.concepts])).toEqual([['gemeente', 5], ['upl', 30]]);
    } finally {
      await t.close();
      dir.remove();
    }
  });

  it('a failing required source throws after trying the others', async () => {
    const dir = tempDir('stelsel-vl-fetch-');
    try {
      await expect(fetchValueLists(dir.dir, [{ url: `${base}/files/missing.xml`, path: 'owms/Gemeente.xml' }])).rejects.toThrow(/HTTP 404/);
      await expect(fetchValueLists(dir.dir, [{ url: `${base}/files/owms/Gemeente-demo.xml`, path: '../escape.xml' }])).rejects.toThrow(/outside/);
    } finally {
      dir.remove();
    }
  });

  it('enforces timeout, size limit, redirect limit, scheme and credentials', async () => {
    await expect(fetchLimited(`${base}/slow`, { timeoutMs: 200 })).rejects.toThrow(/timed out after 200 ms/);
    await expect(fetchLimited(`${base}/huge`, { maxBytes: 1024 * 1024 })).rejects.toThrow(/larger than 1048576 bytes/);
    await expect(fetchLimited(`${base}/loop`, { maxRedirects: 3 })).rejects.toThrow(/more than 3 redirects/);
    await expect(fetchLimited('file:///etc/passwd')).rejects.toThrow(ValueListFetchError);
    await expect(fetchLimited(`http://user:pw@127.0.0.1:1/x`)).rejects.toThrow(/credentials/);
    expect((await fetchLimited(`${base}/files/owms/Gemeente-demo.xml`)).toString('utf8')).toContain('Aalsmeer');
  });
});
