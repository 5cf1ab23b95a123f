/** /id and /doc through the whole app (createApp) over a real embedded store in a temp dir. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/app.js';
import { TEST_BASE } from '../support/tmp.js';
import { parse, type SerializationFormat } from '../../src/shared/rdf/serialize.js';
import { literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import { DCT, XSD } from '../../src/shared/rdf/vocab.js';
import type * as RDF from '@rdfjs/types';
import { exampleData } from './fixtures.js';
import { lines } from './rdfa-support.js';

const canonicalDouble = (q: RDF.Quad): RDF.Quad =>
  q.object.termType === 'Literal' && q.object.datatype.equals(XSD.double)
    ? quad(q.subject, q.predicate, literal(String(Number(q.object.value)), XSD.double))
    : q;

let t: Awaited<ReturnType<typeof makeTestApp>>;
let data: ReturnType<typeof exampleData>;
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => t.app.request(`${TEST_BASE}${path}`, { method, headers });

beforeAll(async () => {
  t = await makeTestApp();
  data = exampleData(t.uris);
  await t.raw.transact({ insert: data.quads });
  // A thing whose own identifier ends in a format suffix.
  const odd = t.uris.id('rapport', 'jaarverslag.ttl');
  await t.raw.transact({ insert: [quad(odd, DCT.title, literal('Jaarverslag', 'nl'), t.uris.graph('test', 'odd'))] });
  // A thing with a predicate RDF/XML cannot name (no NCName at its end).
  const numeric = t.uris.id('test', 'numeric');
  await t.raw.transact({ insert: [quad(numeric, namedNode('http://example.org/p/123'), literal('x'), t.uris.graph('test', 'odd'))] });
});

afterAll(async () => {
  await t?.close();
});

const MEDIA: [SerializationFormat | 'html', string][] = [
  ['html', 'text/html'],
  ['ttl', 'text/turtle'],
  ['jsonld', 'application/ld+json'],
  ['nt', 'application/n-triples'],
  ['rdf', 'application/rdf+xml'],
];

describe('GET /id/...', () => {
  for (const [format, type] of MEDIA) {
    it(`answers 303 See Other to the ${format} document for Accept: ${type}`, async () => {
      const res = await get('/id/product/p-1', { accept: type });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(format === 'html' ? '/doc/product/p-1' : `/doc/product/p-1.${format}`);
      expect(res.headers.get('vary')).toContain('Accept');
    });
  }

  it('sends browsers (and */*) to the HTML document', async () => {
    const browser = await get('/id/product/p-1', { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' });
    expect(browser.headers.get('location')).toBe('/doc/product/p-1');
    expect((await get('/id/product/p-1')).headers.get('location')).toBe('/doc/product/p-1');
    expect((await get('/id/product/p-1', { accept: '*/*' })).headers.get('location')).toBe('/doc/product/p-1');
  });

  it('honours q-values', async () => {
    const res = await get('/id/product/p-1', { accept: 'text/html;q=0.5, text/turtle' });
    expect(res.headers.get('location')).toBe('/doc/product/p-1.ttl');
  });

  it('takes ?format= over Accept', async () => {
    const res = await get('/id/product/p-1?format=jsonld', { accept: 'text/html' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/doc/product/p-1.jsonld');
  });

  it('answers 404 for a thing nobody described, 406 for an unknown format', async () => {
    expect((await get('/id/product/unknown')).status).toBe(404);
    expect((await get('/id/product/p-1?format=pdf')).status).toBe(406);
    expect((await get('/id/product/p-1', { accept: 'image/png' })).status).toBe(406);
  });

  it('redirects a thing whose identifier ends in a suffix to an explicit document', async () => {
    expect((await get('/id/rapport/jaarverslag.ttl', { accept: 'text/html' })).headers.get('location')).toBe('/doc/rapport/jaarverslag.ttl.html');
    expect((await get('/id/rapport/jaarverslag.ttl', { accept: 'text/turtle' })).headers.get('location')).toBe('/doc/rapport/jaarverslag.ttl.ttl');
  });
});

describe('GET /doc/...', () => {
  it('serves HTML by default, with Link, Vary and Content-Location', async () => {
    const res = await get('/doc/product/p-1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('vary')).toContain('Accept');
    expect(res.headers.get('content-location')).toBe('/doc/product/p-1.html');
    const link = res.headers.get('link') ?? '';
    for (const [format, type] of MEDIA.filter(([f]) => f !== 'html')) {
      expect(link).toContain(`</doc/product/p-1.${format}>; rel="alternate"; type="${type}"`);
    }
    expect(link).not.toContain('type="text/html"');
  });

  for (const [format, type] of MEDIA) {
    it(`negotiates ${type}`, async () => {
      const res = await get('/doc/product/p-1', { accept: type });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('content-location')).toBe(`/doc/product/p-1.${format}`);
      expect(res.headers.get('vary')).toContain('Accept');
    });

    it(`serves .${format} whatever the Accept header says, and names the others in Link`, async () => {
      const res = await get(`/doc/product/p-1.${format}`, { accept: 'text/html' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('vary')).toBeNull();
      expect(res.headers.get('content-location')).toBe(`/doc/product/p-1.${format}`);
      const link = res.headers.get('link') ?? '';
      expect(link.split(', <')).toHaveLength(4);
      expect(link).not.toContain(`type="${type}"`);
      if (format === 'html') expect(link).toContain('</doc/product/p-1.ttl>');
      else expect(link).toContain('</doc/product/p-1.html>; rel="alternate"; type="text/html"');
    });

    it(`serves ?format=${format}`, async () => {
      const res = await get(`/doc/product/p-1?format=${format}`, { accept: 'application/json' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
    });
  }

  it('serves the same triples in every RDF format, deduplicated across graphs', async () => {
    const sets: string[][] = [];
    for (const f of ['ttl', 'jsonld', 'nt', 'rdf'] as const) {
      const body = await (await get(`/doc/product/p-1.${f}`)).text();
      // jsonld.js's toRDF rewrites every xsd:double to its canonical form ("0.001" -> "1.0E-3"),
      // even string values (our JSON-LD keeps the stored lexical form); compare doubles by value.
      sets.push(lines((await parse(body, f, { base: `${TEST_BASE}/doc/product/p-1.${f}` })).map(canonicalDouble)));
    }
    for (const s of sets) expect(s).toEqual(sets[0]);
    const identifiers = sets[0]!.filter((l) => l.includes(DCT.identifier.value));
    expect(identifiers).toHaveLength(1);
    // the nested nodes travel with their parent
    expect(sets[0]!.some((l) => l.includes('POINT(4.9 52.37)'))).toBe(true);
    expect(sets[0]!.some((l) => l.includes('"Balie"'))).toBe(true);
    // but the description of another resource does not
    expect(sets[0]!.some((l) => l.includes('Gemeente Voorbeeld'))).toBe(false);
  });

  it('answers 404 with a helpful page for browsers, JSON for API clients', async () => {
    const html = await get('/doc/product/unknown', { accept: 'text/html' });
    expect(html.status).toBe(404);
    const body = await html.text();
    expect(body).toContain('Niet gevonden');
    expect(body).toContain('href="/zoeken"');
    expect(body).toContain(`${TEST_BASE}/id/product/unknown`);
    const json = await get('/doc/product/unknown.ttl', { accept: 'application/json' });
    expect(json.status).toBe(404);
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('answers 406 for an unknown ?format= and for unacceptable Accept', async () => {
    const res = await get('/doc/product/p-1?format=xml', { accept: 'application/json' });
    expect(res.status).toBe(406);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_acceptable');
    expect((await get('/doc/product/p-1', { accept: 'application/pdf' })).status).toBe(406);
  });

  it('answers 406 when RDF/XML cannot express a description, which the other formats serve', async () => {
    const res = await get('/doc/test/numeric.rdf', { accept: 'application/json' });
    expect(res.status).toBe(406);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('RDF/XML cannot name the predicate');
    expect((await get('/doc/test/numeric.ttl')).status).toBe(200);
  });

  it('treats an unknown suffix as part of the identifier', async () => {
    expect((await get('/doc/product/p-1.pdf')).status).toBe(404);
  });

  it('serves the document of a thing whose identifier ends in a suffix', async () => {
    const html = await get('/doc/rapport/jaarverslag.ttl.html');
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('Jaarverslag');
    const ttl = await get('/doc/rapport/jaarverslag.ttl.ttl');
    expect(await ttl.text()).toContain(`<${TEST_BASE}/id/rapport/jaarverslag.ttl>`);
    // /doc/rapport/jaarverslag.ttl is the Turtle of /id/rapport/jaarverslag, which does not exist
    expect((await get('/doc/rapport/jaarverslag.ttl')).status).toBe(404);
  });

  it('answers HEAD like GET without a body', async () => {
    const res = await get('/doc/product/p-1.ttl', {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/turtle');
    expect(res.headers.get('link')).toContain('rel="alternate"');
    expect(await res.text()).toBe('');
    const id = await get('/id/product/p-1', { accept: 'text/turtle' }, 'HEAD');
    expect(id.status).toBe(303);
  });

  it('refuses paths that cannot name one of our things', async () => {
    expect((await get('/doc/')).status).toBe(404);
    expect((await get('/doc/%3Cscript%3E')).status).toBe(404);
    expect((await get('/id/a%20b')).status).toBe(404);
  });
});

describe('the OpenAPI document', () => {
  it('lists /id and /doc', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/id/{rest}', '/doc/{rest}']));
  });
});
