/**
 * The sitemap of the publication site: well-formed sitemaps.org XML listing every published
 * document and version with its publication time, nothing from drafts, and a sitemap index when
 * the URLs do not fit in one file.
 */
import { Hono } from 'hono';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionFeeds } from '../../src/decisions/feed-routes.js';
import { DecisionIris } from '../../src/decisions/rdf.js';
import type { AppEnv } from '../../src/shared/http/context.js';
import { ApiRegistry } from '../../src/shared/http/openapi.js';
import { SITEMAPS } from '../../src/shared/rdf/vocab.js';
import { GENT, createMeeting, makeWorld, meetingBody, publish, send, type World } from './support.js';

let w: World;
let published: { iri: string; document: string; publishedAt: string }[] = [];
let draftPage = '';

interface Parsed {
  root: string;
  ns: string;
  entries: { loc: string; lastmod: string }[];
}

/** Parses strictly (saxes throws on anything not well-formed) and collects loc/lastmod pairs. */
function parse(xml: string): Parsed {
  const out: Parsed = { root: '', ns: '', entries: [] };
  const p = new SaxesParser({ xmlns: true });
  let current: { loc: string; lastmod: string } | null = null;
  let field: 'loc' | 'lastmod' | null = null;
  p.on('opentag', (t) => {
    if (!out.root) {
      out.root = t.local ?? '';
      out.ns = t.uri ?? '';
    }
    if (t.local === 'url' || t.local === 'sitemap') current = { loc: '', lastmod: '' };
    if (t.local === 'loc' || t.local === 'lastmod') field = t.local;
  });
  p.on('text', (text) => {
    if (current && field) current[field] += text;
  });
  p.on('closetag', (t) => {
    if (t.local === 'loc' || t.local === 'lastmod') field = null;
    if ((t.local === 'url' || t.local === 'sitemap') && current) {
      out.entries.push(current);
      current = null;
    }
  });
  p.write(xml).close();
  return out;
}

beforeAll(async () => {
  w = await makeWorld();
  const a = await createMeeting(w);
  for (const soort of ['agenda', 'besluitenlijst', 'uittreksels']) expect((await publish(w, a.id, soort)).status).toBe(201);
  const fixed = meetingBody();
  fixed.agendapunten[1]!.titel = 'Agendapunt 2: reglement & <tarieven>';
  expect((await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/zittingen/${a.id}`, fixed)).status).toBe(200);
  expect((await publish(w, a.id, 'agenda')).status).toBe(201);
  const res = await send(w.t, w.lezer, 'GET', `/api/besluiten/${GENT}/zittingen/${a.id}/publicaties`);
  published = (await res.json()) as typeof published;
  const draft = await createMeeting(w, meetingBody({ geplandeStart: '2026-03-05T19:00:00+01:00' }));
  draftPage = draft.pagina;
}, 60_000);
afterAll(() => w?.t.close());

describe('sitemap', () => {
  it('lists every published document and version with its publication time, and no draft', async () => {
    const res = await w.t.app.request('/besluiten/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await res.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const map = parse(xml);
    expect(map).toMatchObject({ root: 'urlset', ns: SITEMAPS.iri });
    const lastmod = new Map(map.entries.map((e) => [e.loc, e.lastmod]));
    expect(lastmod.size).toBe(map.entries.length);
    expect(published.length).toBe(2 + 1 + 3);
    for (const v of published) expect(lastmod.get(v.iri), v.iri).toBe(v.publishedAt);
    const documents = new Set(published.map((v) => v.document));
    for (const d of documents) {
      const latest = published.filter((v) => v.document === d).map((v) => v.publishedAt).sort().at(-1);
      expect(lastmod.get(d), d).toBe(latest);
    }
    expect(map.entries.length).toBe(published.length + documents.size);
    expect(draftPage).toMatch(/2026-03-05$/);
    expect(map.entries.filter((e) => e.loc.includes('2026-03-05'))).toEqual([]);
  });

  it('becomes a sitemap index of parts when the URLs do not fit in one file', async () => {
    const app = new Hono<AppEnv>();
    decisionFeeds(app, w.t, new DecisionIris(w.t.uris), new ApiRegistry().scope(''), { pageSize: 100, maxSitemapUrls: 4 });
    const index = parse(await (await app.request('/besluiten/sitemap.xml')).text());
    expect(index.root).toBe('sitemapindex');
    const total = published.length + new Set(published.map((v) => v.document)).size;
    expect(index.entries).toHaveLength(Math.ceil(total / 4));
    const all: string[] = [];
    for (const part of index.entries) {
      const res = await app.request(new URL(part.loc).pathname);
      expect(res.status).toBe(200);
      const urls = parse(await res.text());
      expect(urls.root).toBe('urlset');
      expect(urls.entries.length).toBeLessThanOrEqual(4);
      expect(part.lastmod).toBe(urls.entries.map((e) => e.lastmod).sort().at(-1));
      all.push(...urls.entries.map((e) => e.loc));
    }
    expect(new Set(all).size).toBe(total);
    // With every URL in one file there are no parts.
    expect((await w.t.app.request('/besluiten/sitemap/1.xml')).status).toBe(404);
  });
});
