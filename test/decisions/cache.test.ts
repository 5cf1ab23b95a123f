/**
 * The cache of rendered publications: bounded by bytes (least recently used out first), one render
 * per key even under concurrent requests, strong ETags with 304, and a correction visible at the
 * stable URL at once while the earlier version's PDF stays byte for byte what it was.
 */
import { randomBytes } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageCache, chooseEncoding, rendered } from '../../src/decisions/page-cache.js';
import { etagOf, matches } from '../../src/shared/http/etag.js';
import { VersionHeadsMemo } from '../../src/decisions/page-cache-versions.js';
import { DecisionIris } from '../../src/decisions/rdf.js';
import { TEST_BASE } from '../support/tmp.js';
import { GENT, createMeeting, makeWorld, meetingBody, publish, send, type World } from './support.js';

const bytes = (n: number) => rendered(new Uint8Array(n).fill(n % 251), 'application/octet-stream');

describe('PageCache', () => {
  it('keeps at most maxBytes and drops the least recently used first', () => {
    const c = new PageCache(4000);
    c.set('a', bytes(1000));
    c.set('b', bytes(1000));
    c.set('c', bytes(1000));
    expect(c.get('a')).toBeDefined(); // a is now the most recently used
    c.set('d', bytes(1000));
    expect(c.size.bytes).toBeLessThanOrEqual(4000);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBeDefined();
    expect(c.get('c')).toBeDefined();
    expect(c.get('d')).toBeDefined();
    c.set('huge', bytes(5000));
    expect(c.get('huge')).toBeUndefined();
    expect(c.size.entries).toBe(3);
  });

  it('replaces an entry without counting it twice', () => {
    const c = new PageCache(10_000);
    c.set('a', bytes(1000));
    const before = c.size.bytes;
    c.set('a', bytes(1000));
    expect(c.size.bytes).toBe(before);
  });

  it('renders once for concurrent requests of the same key', async () => {
    const c = new PageCache(10_000);
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 20));
      return bytes(100);
    };
    const all = await Promise.all(Array.from({ length: 10 }, () => c.through('k', render)));
    expect(renders).toBe(1);
    expect(all.filter((x) => !x.hit)).toHaveLength(1);
    expect((await c.through('k', render)).hit).toBe(true);
    expect(renders).toBe(1);
    expect(c.misses).toBe(1);
    expect(c.hits).toBe(10);
  });

  it('compares If-None-Match as HTTP does', () => {
    const e = etagOf(new TextEncoder().encode('x'));
    expect(e).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(matches(e, e)).toBe(true);
    expect(matches(`W/${e}`, e)).toBe(true);
    expect(matches(`"a", ${e}`, e)).toBe(true);
    expect(matches('*', e)).toBe(true);
    expect(matches('"a"', e)).toBe(false);
    expect(matches(undefined, e)).toBe(false);
  });

  it('chooses the coding the client rates highest, brotli on a tie', () => {
    const both = ['br', 'gzip'] as const;
    expect(chooseEncoding('gzip, deflate, br', both)).toBe('br');
    expect(chooseEncoding('gzip, deflate', both)).toBe('gzip');
    expect(chooseEncoding('br;q=0.5, GZIP;q=1.0', both)).toBe('gzip');
    expect(chooseEncoding('*', both)).toBe('br');
    expect(chooseEncoding('gzip;q=0, br;q=0', both)).toBeUndefined();
    expect(chooseEncoding('gzip;q=0, *', ['gzip'])).toBeUndefined();
    expect(chooseEncoding('br, *;q=0.1', ['gzip'])).toBe('gzip');
    expect(chooseEncoding('deflate, identity', both)).toBeUndefined();
    expect(chooseEncoding('gzip, br', [])).toBeUndefined();
    expect(chooseEncoding(undefined, both)).toBeUndefined();
  });
});

describe('cached publication pages', () => {
  let w: World;
  let id: string;
  const base = `/besluiten/${GENT}/gemeenteraad/2026-01-15`;
  const get = async (p: string, headers: Record<string, string> = {}) => {
    const res = await w.t.app.request(p, { headers: { accept: 'text/html', ...headers } });
    return { res, body: new Uint8Array(await res.arrayBuffer()), cache: res.headers.get('x-cache'), etag: res.headers.get('etag') };
  };
  const text = (b: Uint8Array) => new TextDecoder().decode(b);

  beforeAll(async () => {
    w = await makeWorld();
    id = (await createMeeting(w)).id;
    expect((await publish(w, id, 'besluitenlijst')).status).toBe(201);
  }, 60_000);
  afterAll(() => w?.t.close());

  it('renders a page once and serves the same bytes from the cache after', async () => {
    const first = await get(`${base}/besluitenlijst`);
    expect(first.res.status).toBe(200);
    expect(first.cache).toBe('miss');
    expect(first.res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8$/i);
    expect(first.res.headers.get('cache-control')).toBe('no-cache');
    const second = await get(`${base}/besluitenlijst`);
    expect(second.cache).toBe('hit');
    expect(second.etag).toBe(first.etag);
    expect(Buffer.from(second.body).equals(Buffer.from(first.body))).toBe(true);
    expect(first.etag).toBe(etagOf(first.body));
    const version = await get(`${base}/besluitenlijst/versies/1`);
    expect(version.cache).toBe('miss');
    expect(version.res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get(`${base}/besluitenlijst/versies/1`)).cache).toBe('hit');
  });

  it('answers If-None-Match with 304 and no body', async () => {
    const { etag } = await get(`${base}/besluitenlijst/versies/1`);
    const res = await get(`${base}/besluitenlijst/versies/1`, { 'if-none-match': etag! });
    expect(res.res.status).toBe(304);
    expect(res.body.byteLength).toBe(0);
    expect(res.etag).toBe(etag);
    expect(res.res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const stableTag = (await get(`${base}/besluitenlijst`)).etag!;
    const stable = await get(`${base}/besluitenlijst`, { 'if-none-match': stableTag });
    expect(stable.res.status).toBe(304);
    expect(stable.res.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves the page compressed to clients that accept it, each coding with its own ETag', async () => {
    const plain = await get(`${base}/besluitenlijst/versies/1`);
    const br = await get(`${base}/besluitenlijst/versies/1`, { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await get(`${base}/besluitenlijst/versies/1`, { 'accept-encoding': 'gzip, deflate' });
    expect(br.res.headers.get('content-encoding')).toBe('br');
    expect(gz.res.headers.get('content-encoding')).toBe('gzip');
    for (const r of [plain, br, gz]) expect(r.res.headers.get('vary')).toBe('Accept-Encoding');
    expect(plain.res.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(brotliDecompressSync(br.body)).equals(Buffer.from(plain.body))).toBe(true);
    expect(Buffer.from(gunzipSync(gz.body)).equals(Buffer.from(plain.body))).toBe(true);
    expect(gz.body.byteLength).toBeLessThan(plain.body.byteLength / 3);
    expect(new Set([plain.etag, br.etag, gz.etag]).size).toBe(3);
    expect((await get(`${base}/besluitenlijst/versies/1`, { 'accept-encoding': 'gzip', 'if-none-match': gz.etag! })).res.status).toBe(304);
    expect((await get(`${base}/besluitenlijst/versies/1`, { 'accept-encoding': 'gzip', 'if-none-match': plain.etag! })).res.status).toBe(200);
    expect((await get(`${base}/besluitenlijst/versies/1`, { 'accept-encoding': 'gzip;q=0, identity' })).res.headers.get('content-encoding')).toBeNull();
    // a PDF's structure tree is plain text: it is compressed too, to the same bytes once unpacked
    const pdf = await get(`${base}/besluitenlijst/versies/1.pdf`);
    const pdfGz = await get(`${base}/besluitenlijst/versies/1.pdf`, { 'accept-encoding': 'gzip' });
    expect(pdfGz.res.headers.get('content-encoding')).toBe('gzip');
    expect(pdfGz.res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(gunzipSync(pdfGz.body)).equals(Buffer.from(pdf.body))).toBe(true);
    expect(pdf.res.headers.get('content-encoding')).toBeNull();
    // bodies compression cannot shrink are kept as they are only
    expect(rendered(new Uint8Array(randomBytes(4096)), 'application/octet-stream').encoded).toEqual({});
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get1 = await get(`${base}/besluitenlijst/versies/1.pdf`);
    const head = await w.t.app.request(`${base}/besluitenlijst/versies/1.pdf`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(get1.etag);
    expect(head.headers.get('content-type')).toBe('application/pdf');
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('renders each of many concurrent first requests once', async () => {
    expect((await publish(w, id, 'notulen')).status).toBe(201);
    const all = await Promise.all(Array.from({ length: 12 }, () => get(`${base}/notulen/versies/1.pdf`)));
    expect(all.map((r) => r.res.status)).toEqual(all.map(() => 200));
    expect(all.filter((r) => r.cache === 'miss')).toHaveLength(1);
    expect(new Set(all.map((r) => r.etag)).size).toBe(1);
  });

  it('shows a correction at the stable URL at once; version 1 keeps its content and its PDF', async () => {
    const stableBefore = await get(`${base}/besluitenlijst`);
    const v1Before = await get(`${base}/besluitenlijst/versies/1`);
    const pdfBefore = await get(`${base}/besluitenlijst/versies/1.pdf`);
    expect((await get(`${base}/besluitenlijst/versies/1.pdf`)).cache).toBe('hit');
    const body = meetingBody();
    body.agendapunten[0]!.behandeling.besluit.titel = 'Besluit 1 (verbeterd)';
    expect((await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/zittingen/${id}`, body)).status).toBe(200);
    expect((await publish(w, id, 'besluitenlijst')).status).toBe(201);

    const stable = await get(`${base}/besluitenlijst`);
    expect(stable.cache).toBe('miss');
    expect(stable.etag).not.toBe(stableBefore.etag);
    expect(text(stable.body)).toContain('Besluit 1 (verbeterd)');
    expect(text(stable.body)).toContain('versie 2');
    const old = await get(`${base}/besluitenlijst`, { 'if-none-match': stableBefore.etag! });
    expect(old.res.status).toBe(200);

    const stablePdf = await get(`${base}/besluitenlijst.pdf`);
    expect(stablePdf.res.headers.get('content-disposition')).toContain('besluitenlijst-versie-2.pdf');
    expect(stablePdf.etag).not.toBe(pdfBefore.etag);

    // version 1: the same content (its page now also names the newer version), the same PDF bytes
    const v1 = await get(`${base}/besluitenlijst/versies/1`);
    const content = (b: Uint8Array) => text(b).slice(text(b).indexOf('<section about'), text(b).indexOf('id="versies"'));
    expect(content(v1.body)).toBe(content(v1Before.body));
    expect(text(v1.body)).toContain('Er is een nieuwere versie');
    expect(text(v1.body)).not.toContain('Besluit 1 (verbeterd)');
    const pdf = await get(`${base}/besluitenlijst/versies/1.pdf`);
    expect(pdf.cache).toBe('hit');
    expect(pdf.etag).toBe(pdfBefore.etag);
    expect(Buffer.from(pdf.body).equals(Buffer.from(pdfBefore.body))).toBe(true);
  });

  it('looks the versions up again after a write, and not before', async () => {
    let selects = 0;
    const real = w.t.store;
    const select = (q: Parameters<typeof real.select>[0]) => (selects++, real.select(q));
    expect(real.commitSequence).toBeDefined();
    const counting = { select, commitSequence: () => real.commitSequence?.() ?? 0 };
    const memo = new VersionHeadsMemo(counting, new DecisionIris(w.t.uris));
    const doc = `${TEST_BASE}${base}/besluitenlijst`;
    const first = await memo.heads(doc);
    expect(first.map((h) => h.number)).toEqual([1, 2]);
    expect(await memo.heads(doc)).toEqual(first);
    expect(selects).toBe(1);
    const body = meetingBody();
    body.agendapunten[0]!.behandeling.besluit.titel = 'Besluit 1 (derde versie)';
    expect((await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/zittingen/${id}`, body)).status).toBe(200);
    expect(selects).toBe(1);
    expect((await memo.heads(doc)).map((h) => h.number)).toEqual([1, 2]); // the edit changed the store: looked up again
    expect(selects).toBe(2);
    expect((await publish(w, id, 'besluitenlijst')).status).toBe(201);
    expect((await memo.heads(doc)).map((h) => h.number)).toEqual([1, 2, 3]);
    expect(selects).toBe(3);
    const remote = new VersionHeadsMemo({ select }, new DecisionIris(w.t.uris));
    await remote.heads(doc);
    await remote.heads(doc);
    expect(selects).toBe(5); // no change detector for a remote store: every call asks
  });

  it('does not share one request\'s page frame with another kind of requester', async () => {
    const anonymous = await get(`${base}/besluitenlijst/versies/3`);
    const withToken = await get(`${base}/besluitenlijst/versies/3`, w.lezer);
    expect(anonymous.res.status).toBe(200);
    expect(withToken.res.status).toBe(200);
    expect(withToken.cache).toBe('miss'); // its own variant, rendered for its kind of frame
    expect((await get(`${base}/besluitenlijst/versies/3`, w.lezer)).cache).toBe('hit');
  });
});
