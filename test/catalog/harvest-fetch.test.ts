/**
 * fetchCatalogue's prerequisites against a real HTTP server on 127.0.0.1 (the refusal of private
 * addresses included), and the daily schedule's next-run computation.
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCatalogueUrl, dailyPattern, fetchCatalogue, isNonPublicAddress, nextHarvestRun } from '../../src/catalog/harvest/index.js';

let server: http.Server;
let port = 0;
const XML = '<?xml version="1.0" encoding="UTF-8"?><a/>';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/ok') {
      res.writeHead(200, { 'content-type': 'Application/XML ; charset=UTF-8' });
      res.end(XML);
    } else if (url === '/declared-huge') {
      res.writeHead(200, { 'content-type': 'text/xml', 'content-length': String(10 * 1024 * 1024) });
      res.write('<a>'); // the client must not wait for the rest
    } else if (url === '/xhtml') {
      res.writeHead(200, { 'content-type': 'application/xhtml+xml' });
      res.end(XML);
    } else if (url === '/no-type') {
      res.writeHead(200);
      res.end(XML);
    } else if (url === '/to-ftp') {
      res.writeHead(302, { location: 'ftp://127.0.0.1/sc.xml' });
      res.end();
    } else if (url === '/to-localhost') {
      res.writeHead(302, { location: `http://localhost:${port}/ok` });
      res.end();
    } else if (url === '/see-other-no-location') {
      res.writeHead(303);
      res.end();
    } else {
      res.writeHead(500);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const open = { maxBytes: 1024 * 1024, timeoutMs: 2000, maxRedirects: 3, allowPrivateAddresses: true };
const closed = { ...open, allowPrivateAddresses: false };
const at = (p: string) => `http://127.0.0.1:${port}${p}`;

describe('fetchCatalogue', () => {
  it('answers the body, final URL, status and content type (media type case-insensitive, parameters allowed)', async () => {
    const r = await fetchCatalogue(at('/ok'), open);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(new TextDecoder().decode(r.body)).toBe(XML);
    expect(r).toMatchObject({ finalUrl: at('/ok'), status: 200, contentType: 'Application/XML ; charset=UTF-8' });
    expect(r.ms).toBeGreaterThanOrEqual(0);
  });

  it('refuses other content types and a missing one', async () => {
    for (const p of ['/xhtml', '/no-type']) {
      const r = await fetchCatalogue(at(p), open);
      expect(r).toMatchObject({ ok: false, status: 200, problem: { code: 'content-type' } });
    }
  });

  it('refuses a declared Content-Length above the limit without reading the body', async () => {
    const r = await fetchCatalogue(at('/declared-huge'), open);
    expect(r).toMatchObject({ ok: false, problem: { code: 'too-large' } });
    expect(r.ms).toBeLessThan(1500);
  });

  it('refuses non-http schemes and credentials, also on a redirect hop', async () => {
    expect(await fetchCatalogue('file:///etc/passwd', open)).toMatchObject({ ok: false, problem: { code: 'url-scheme' } });
    expect(await fetchCatalogue(`http://u:p@127.0.0.1:${port}/ok`, open)).toMatchObject({ ok: false, problem: { code: 'url-credentials' } });
    expect(await fetchCatalogue(at('/to-ftp'), open)).toMatchObject({ ok: false, status: 302, problem: { code: 'url-scheme' } });
    expect(await fetchCatalogue('http://[::1', open)).toMatchObject({ ok: false, problem: { code: 'url-invalid' } });
  });

  it('treats a redirect without Location as a wrong status', async () => {
    expect(await fetchCatalogue(at('/see-other-no-location'), open)).toMatchObject({ ok: false, status: 303, problem: { code: 'http-status' } });
    expect(await fetchCatalogue(at('/boom'), open)).toMatchObject({ ok: false, status: 500, problem: { code: 'http-status' } });
  });

  it('refuses loopback and private addresses unless allowed', async () => {
    expect(await fetchCatalogue(at('/ok'), closed)).toMatchObject({ ok: false, problem: { code: 'private-address' } });
    expect(await fetchCatalogue(`http://localhost:${port}/ok`, closed)).toMatchObject({ ok: false, problem: { code: 'private-address' } });
    expect(await fetchCatalogue(`http://[::1]:${port}/ok`, closed)).toMatchObject({ ok: false, problem: { code: 'private-address' } });
    expect(await fetchCatalogue(`http://[::ffff:127.0.0.1]:${port}/ok`, closed)).toMatchObject({ ok: false, problem: { code: 'private-address' } });
    expect(await fetchCatalogue('http://10.1.2.3/sc.xml', closed)).toMatchObject({ ok: false, problem: { code: 'private-address' } });
    expect(await fetchCatalogue('http://169.254.169.254/latest/meta-data', closed)).toMatchObject({ ok: false, problem: { code: 'private-address' } });
    // Allowed: the redirect to localhost is followed.
    expect(await fetchCatalogue(at('/to-localhost'), open)).toMatchObject({ ok: true, finalUrl: `http://localhost:${port}/ok` });
  });
});

/** A host name of this machine that resolves to a loopback address (not "localhost", which is refused by name). */
const loopbackName = await (async () => {
  const name = os.hostname();
  try {
    const addresses = await lookup(name, { all: true });
    return addresses.length && addresses.every((a) => isNonPublicAddress(a.address)) && name !== 'localhost' ? name : null;
  } catch {
    return null;
  }
})();

describe.skipIf(!loopbackName)('a host name resolving to a private address (needs a machine name that resolves to loopback)', () => {
  it('is refused on the address actually resolved', async () => {
    const r = await fetchCatalogue(`http://${loopbackName}:${port}/ok`, closed);
    expect(r).toMatchObject({ ok: false, problem: { code: 'private-address' } });
    if (!r.ok) expect(r.problem.message).toContain(`${loopbackName} resolves to`);
    expect(await fetchCatalogue(`http://${loopbackName}:${port}/ok`, open)).toMatchObject({ ok: true });
  });
});

describe('isNonPublicAddress / checkCatalogueUrl', () => {
  it.each([
    ['127.0.0.1', true], ['10.0.0.1', true], ['172.16.5.4', true], ['172.32.0.1', false], ['192.168.1.1', true], ['169.254.169.254', true],
    ['100.64.0.1', true], ['0.0.0.0', true], ['224.0.0.1', true], ['8.8.8.8', false], ['145.21.1.1', false],
    ['::1', true], ['::', true], ['fd00::1', true], ['fe80::1', true], ['::ffff:127.0.0.1', true], ['::ffff:7f00:1', true], ['::ffff:8.8.8.8', true], ['64:ff9b::a00:1', true], ['2a00:1450::1', false],
  ])('%s -> %s', (address, expected) => {
    expect(isNonPublicAddress(address)).toBe(expected);
  });

  it('checks a URL before it is stored, without network access', () => {
    expect(checkCatalogueUrl('https://www.aalsmeer.nl/sc.xml', { allowPrivateAddresses: false })).toBeNull();
    expect(checkCatalogueUrl('http://192.168.0.10/sc.xml', { allowPrivateAddresses: false })?.code).toBe('private-address');
    expect(checkCatalogueUrl('http://192.168.0.10/sc.xml', { allowPrivateAddresses: true })).toBeNull();
    expect(checkCatalogueUrl('gopher://x/', { allowPrivateAddresses: true })?.code).toBe('url-scheme');
    expect(checkCatalogueUrl('https://a:b@x.nl/', { allowPrivateAddresses: true })?.message).not.toContain(':b@');
  });
});

describe('the daily schedule', () => {
  it('runs at 05:00 Europe/Amsterdam: 04:00 UTC in winter, 03:00 UTC in summer', () => {
    expect(nextHarvestRun('05:00', 'Europe/Amsterdam', new Date('2026-01-15T12:00:00Z')).toISOString()).toBe('2026-01-16T04:00:00.000Z');
    expect(nextHarvestRun('05:00', 'Europe/Amsterdam', new Date('2026-07-15T12:00:00Z')).toISOString()).toBe('2026-07-16T03:00:00.000Z');
    // Before today's run: today. On the night the clocks go forward (29 March 2026): 03:00 UTC.
    expect(nextHarvestRun('05:00', 'Europe/Amsterdam', new Date('2026-01-15T03:59:00Z')).toISOString()).toBe('2026-01-15T04:00:00.000Z');
    expect(nextHarvestRun('05:00', 'Europe/Amsterdam', new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T03:00:00.000Z');
    expect(nextHarvestRun('23:30', 'UTC', new Date('2026-01-15T23:30:00Z')).toISOString()).toBe('2026-01-16T23:30:00.000Z');
  });

  it('refuses a malformed time', () => {
    expect(dailyPattern('05:00')).toBe('0 0 5 * * *');
    expect(() => dailyPattern('5:00')).toThrow('HH:MM');
    expect(() => dailyPattern('24:00')).toThrow('HH:MM');
  });
});
