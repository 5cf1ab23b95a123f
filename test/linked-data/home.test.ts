/** The home page, the stylesheet and the API documentation, through the whole app. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/app.js';
import { TEST_BASE } from '../support/tmp.js';
import { parse } from '../../src/shared/rdf/serialize.js';
import { lines } from './rdfa-support.js';

let t: Awaited<ReturnType<typeof makeTestApp>>;
const get = (path: string, headers: Record<string, string> = {}) => t.app.request(`${TEST_BASE}${path}`, { headers });

beforeAll(async () => {
  t = await makeTestApp();
});

afterAll(async () => {
  await t?.close();
});

describe('home page', () => {
  it('links to the registers, search, SPARQL and the API docs', async () => {
    const res = await get('/', { accept: 'text/html' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="nl"');
    for (const path of ['/catalogi', '/besluiten', '/series']) {
      expect(html).toContain(`href="${TEST_BASE}${path}"`);
      expect((await get(path, { accept: 'text/html' })).status, path).toBe(200);
    }
    for (const path of ['/zoeken', '/catalogus/validator', '/export/cpsv-ap.ttl']) {
      expect(html).toContain(`href="${path}"`);
      expect((await get(path, { accept: 'text/html' })).status, path).toBe(200);
    }
    for (const title of ['Productcatalogus', 'Lokale besluiten', 'Serieregister']) expect(html).toContain(`>${title}</span>`);
    expect(html).toContain('href="/zoeken"');
    expect(html).toContain(`href="${TEST_BASE}/sparql"`);
    expect(html).toContain('href="/api/docs"');
    expect(html).toMatch(/<h1>.*Stelsel.*<\/h1>/);
  });

  it('serves the same description as RDF, by ?format= and by Accept', async () => {
    const ttl = await get('/?format=ttl');
    expect(ttl.headers.get('content-type')).toContain('text/turtle');
    const byAccept = await get('/', { accept: 'application/ld+json' });
    expect(byAccept.headers.get('content-type')).toContain('application/ld+json');
    expect(byAccept.headers.get('vary')).toContain('Accept');
    expect(byAccept.headers.get('link')).toContain('</?format=ttl>; rel="alternate"; type="text/turtle"');
    const a = lines(await parse(await ttl.text(), 'ttl', { base: `${TEST_BASE}/` }));
    const b = lines(await parse(await byAccept.text(), 'jsonld'));
    expect(b).toEqual(a);
    expect(a.some((l) => l.includes('http://rdfs.org/ns/void#sparqlEndpoint'))).toBe(true);
    expect(a.filter((l) => l.includes('http://www.w3.org/ns/dcat#catalog>'))).toHaveLength(3);
  });

  it('answers 406 for an unknown format', async () => {
    expect((await get('/?format=docx', { accept: 'application/json' })).status).toBe(406);
  });
});

describe('stylesheet', () => {
  it('is served as CSS with an ETag and answers 304 when unchanged', async () => {
    const res = await get('/static/stelsel.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const css = await res.text();
    expect(css).toContain(':focus-visible');
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await get('/static/stelsel.css', { 'if-none-match': etag! })).status).toBe(304);
  });

  it('is left out of the OpenAPI document', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).not.toContain('/static/stelsel.css');
  });
});

describe('API documentation', () => {
  it('serves the OpenAPI document from the registry', async () => {
    const res = await get('/api/openapi.json');
    expect(res.headers.get('content-type')).toContain('application/json');
    const doc = (await res.json()) as { openapi: string; info: { version: string }; servers: { url: string }[]; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.servers[0]!.url).toBe(TEST_BASE);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/', '/api/docs', '/api/openapi.json', '/id/{rest}', '/doc/{rest}']));
    // OpenAPI: two paths that differ only in their parameter names are the same path, which is invalid
    const shapes = Object.keys(doc.paths).map((path) => path.replace(/\{[^}]+\}/g, '{}'));
    expect(shapes.filter((x, i) => shapes.indexOf(x) !== i)).toEqual([]);
    expect(Object.keys(doc.paths)).toContain('/besluiten/{eenheid}/{orgaan}/{datum}/besluitenlijst/versies/{vpdf}.pdf');
  });

  it('lists every path, method, summary, parameter and response of the registry in HTML', async () => {
    const res = await get('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('href="/api/openapi.json"');
    const doc = (await (await get('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { summary: string; parameters?: { name: string }[]; responses: Record<string, unknown> }>>;
    };
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(html).toContain(`<code>${esc(path)}</code>`);
      for (const [method, op] of Object.entries(item)) {
        expect(html).toContain(`<span class="method">${method.toUpperCase()}</span> <code>${esc(path)}</code>`);
        expect(html).toContain(esc(op.summary));
        for (const p of op.parameters ?? []) expect(html).toContain(`<code>${esc(p.name)}</code>`);
        for (const code of Object.keys(op.responses)) expect(html).toContain(`<th scope="row">${code}</th>`);
      }
    }
  });
});
