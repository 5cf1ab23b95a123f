/**
 * The link check against a real HTTP server on 127.0.0.1: outcomes per status, HEAD then GET,
 * timeouts, the concurrency bound (measured on the server), the link limit and the SSRF rules.
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLink, checkLinks, type LinkCheckOptions } from '../../src/catalog/validator/index.js';
import { isNonPublicAddress } from '../../src/catalog/harvest/index.js';

/** This machine's host name when it resolves to a non-public address (a name the URL check cannot see through). */
const HOST = os.hostname();
const hostAddress = await lookup(HOST).then((a) => a.address, () => null);
const hostIsPrivate = hostAddress !== null && isNonPublicAddress(hostAddress);

let server: http.Server;
let base: string;
let active = 0;
let maxActive = 0;
const seen: string[] = [];
const open = new Set<http.ServerResponse>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(`${req.method} ${url.pathname}`);
    active++;
    maxActive = Math.max(maxActive, active);
    res.on('close', () => active--);
    const p = url.pathname;
    if (p === '/ok') return res.end('fine');
    if (p === '/gone') return res.writeHead(404).end();
    if (p === '/broken') return res.writeHead(503).end();
    if (p === '/moved') return res.writeHead(301, { location: '/ok' }).end();
    if (p === '/get-only') return res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
    if (p === '/slow') {
      open.add(res); // never answers
      return;
    }
    if (p.startsWith('/busy/')) return setTimeout(() => res.end('done'), 60);
    return res.writeHead(500).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const r of open) r.destroy();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const opts: LinkCheckOptions = { concurrency: 4, timeoutMs: 400, maxLinks: 100, allowPrivateAddresses: true };

describe('checkLink', () => {
  it('reports ok, 4xx, 5xx and redirects with the status and the target', async () => {
    const [ok, gone, broken, moved] = await Promise.all(['/ok', '/gone', '/broken', '/moved'].map((p) => checkLink(base + p, opts)));
    expect(ok).toMatchObject({ outcome: 'ok', status: 200, method: 'HEAD' });
    expect(gone).toMatchObject({ outcome: 'client-error', status: 404, method: 'GET' });
    expect(broken).toMatchObject({ outcome: 'server-error', status: 503, method: 'GET' });
    expect(moved).toMatchObject({ outcome: 'redirect', status: 301, location: `${base}/ok` });
  });

  it('falls back to GET when the server refuses HEAD', async () => {
    seen.length = 0;
    const r = await checkLink(`${base}/get-only`, opts);
    expect(r).toMatchObject({ outcome: 'ok', status: 200, method: 'GET' });
    expect(seen).toEqual(['HEAD /get-only', 'GET /get-only']);
  });

  it('gives up after the time limit', async () => {
    const t0 = performance.now();
    const r = await checkLink(`${base}/slow`, { ...opts, timeoutMs: 300 });
    const elapsed = performance.now() - t0;
    expect(r.outcome).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(3000);
  });

  it('reports a closed port as unreachable', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const r = await checkLink(`http://127.0.0.1:${port}/`, opts);
    expect(r.outcome).toBe('unreachable');
    expect(r.message).toMatch(/refused/);
  });

  it('refuses private addresses, other schemes and credentials without requesting anything', async () => {
    seen.length = 0;
    const strict = { ...opts, allowPrivateAddresses: false };
    const [loop, localhost, ftp, creds, js] = await Promise.all(
      [`${base}/ok`, `http://localhost:${new URL(base).port}/ok`, 'ftp://example.org/x', 'https://user:pw@example.org/', 'javascript:alert(1)'].map((u) => checkLink(u, strict)),
    );
    for (const r of [loop, localhost, ftp, creds, js]) expect(r).toMatchObject({ outcome: 'refused', method: null });
    expect(loop!.message).toMatch(/loopback, private or reserved/);
    expect(seen).toEqual([]);
  });

  it.skipIf(!hostIsPrivate)(`refuses a host name that resolves to a private address, on connecting${hostIsPrivate ? '' : ` (skipped: ${HOST} does not resolve to a non-public address here)`}`, async () => {
    seen.length = 0;
    const r = await checkLink(`http://${HOST}:${new URL(base).port}/ok`, { ...opts, allowPrivateAddresses: false });
    expect(r).toMatchObject({ outcome: 'refused', method: null });
    expect(r.message).toContain(hostAddress!);
    expect(seen).toEqual([]);
  });
});

describe('checkLinks', () => {
  it('never runs more requests at once than the concurrency bound, and uses it', async () => {
    maxActive = 0;
    const urls = Array.from({ length: 20 }, (_, i) => `${base}/busy/${i}`);
    const report = await checkLinks(urls, { ...opts, concurrency: 4 });
    expect(report.counts.ok).toBe(20);
    expect(maxActive).toBe(4);

    maxActive = 0;
    await checkLinks(urls.slice(0, 6), { ...opts, concurrency: 1 });
    expect(maxActive).toBe(1);
  });

  it('checks at most maxLinks distinct URLs, in input order, and says how many there were', async () => {
    seen.length = 0;
    const urls = [...Array.from({ length: 12 }, (_, i) => `${base}/busy/${i}`), `${base}/busy/0`];
    const report = await checkLinks(urls, { ...opts, maxLinks: 5 });
    expect(report).toMatchObject({ total: 12, checked: 5, limit: 5 });
    expect(report.results.map((r) => r.url)).toEqual(urls.slice(0, 5));
    expect(seen).toHaveLength(5);
  });

  it('counts every outcome', async () => {
    const report = await checkLinks(['/ok', '/gone', '/broken', '/moved', '/slow'].map((p) => base + p), { ...opts, timeoutMs: 300 });
    expect(report.counts).toEqual({ ok: 1, redirect: 1, 'client-error': 1, 'server-error': 1, timeout: 1, unreachable: 0, refused: 0 });
  });
});
