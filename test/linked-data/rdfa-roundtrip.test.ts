/**
 * The RDFa of every page kind states exactly the triples of the page's Turtle representation:
 * no more (navigation, layout, the stylesheet link), no fewer, no blank nodes. Checked with two
 * independent processors, each with the page URL as base.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/app.js';
import { TEST_BASE } from '../support/tmp.js';
import { literal, quad } from '../../src/shared/rdf/factory.js';
import { DCT } from '../../src/shared/rdf/vocab.js';
import { exampleData } from './fixtures.js';
import { hasBlankNodes, lines, rdfaLblod, rdfaStreaming, turtle } from './rdfa-support.js';

let t: Awaited<ReturnType<typeof makeTestApp>>;

beforeAll(async () => {
  t = await makeTestApp({ demo: true });
  await t.raw.transact({ insert: exampleData(t.uris).quads });
  await t.raw.transact({ insert: [quad(t.uris.id('test', 'minimal'), DCT.title, literal('Alleen een titel'), t.uris.graph('test', 'min'))] });
  await t.raw.transact({ insert: [quad(t.uris.id('rapport', 'jaarverslag.ttl'), DCT.title, literal('Jaarverslag', 'nl'), t.uris.graph('test', 'min'))] });
});

afterAll(async () => {
  await t?.close();
});

async function fetchText(url: string): Promise<string> {
  const res = await t.app.request(url, { headers: { accept: url.endsWith('.ttl') || url.includes('format=ttl') ? 'text/turtle' : 'text/html' } });
  expect(res.status).toBe(200);
  return res.text();
}

/** [name, HTML page URL, Turtle URL of the same description] */
const PAGES: [string, string, string][] = [
  ['generic resource page (every term kind, nested nodes)', '/doc/product/p-1', '/doc/product/p-1.ttl'],
  ['generic resource page, explicit .html', '/doc/product/p-1.html', '/doc/product/p-1.ttl'],
  ['generic resource page with one triple', '/doc/test/minimal', '/doc/test/minimal.ttl'],
  ['resource whose identifier ends in a suffix', '/doc/rapport/jaarverslag.ttl.html', '/doc/rapport/jaarverslag.ttl.ttl'],
  ['demo organisation', '/doc/organisatie/gemeente-gent', '/doc/organisatie/gemeente-gent.ttl'],
  ['demo register', '/doc/register/catalogus', '/doc/register/catalogus.ttl'],
  ['home page', '/', '/?format=ttl'],
];

describe('RDFa round trip', () => {
  for (const [name, pagePath, ttlPath] of PAGES) {
    describe(name, () => {
      const pageUrl = `${TEST_BASE}${pagePath}`;
      const ttlUrl = `${TEST_BASE}${ttlPath}`;
      let html: string;
      let want: string[];

      beforeAll(async () => {
        html = await fetchText(pageUrl);
        want = lines(turtle(await fetchText(ttlUrl), ttlUrl));
        expect(want.length).toBeGreaterThan(0);
      });

      it('rdfa-streaming-parser finds exactly the Turtle triples', async () => {
        const got = await rdfaStreaming(html, pageUrl);
        expect(lines(got)).toEqual(want);
        expect(hasBlankNodes(got)).toBe(false);
      });

      it('@lblod/graph-rdfa-processor (jsdom) finds exactly the Turtle triples', () => {
        const got = rdfaLblod(html, pageUrl);
        expect(lines(got)).toEqual(want);
        expect(hasBlankNodes(got)).toBe(false);
      });
    });
  }

  it('the error page states no triples', async () => {
    const res = await t.app.request(`${TEST_BASE}/doc/product/unknown`, { headers: { accept: 'text/html' } });
    const html = await res.text();
    expect(await rdfaStreaming(html, res.url || `${TEST_BASE}/doc/product/unknown`)).toEqual([]);
    expect(rdfaLblod(html, `${TEST_BASE}/doc/product/unknown`)).toEqual([]);
  });

  it('read as XHTML+RDFa (not our media type), only the stylesheet link adds a triple', async () => {
    // Documented in docs/linked-data.md: our pages are text/html, processed as HTML+RDFa, where
    // rel="stylesheet" has no meaning. An XHTML processor maps it to xhv:stylesheet.
    const pageUrl = `${TEST_BASE}/doc/product/p-1`;
    const html = await fetchText(pageUrl);
    const want = lines(turtle(await fetchText(`${pageUrl}.ttl`), `${pageUrl}.ttl`));
    const got = lines(await rdfaStreaming(html, pageUrl, 'application/xhtml+xml'));
    expect(got.filter((l) => !want.includes(l))).toEqual([
      `<${pageUrl}> <http://www.w3.org/1999/xhtml/vocab#stylesheet> <${TEST_BASE}/static/stelsel.css> .`,
    ]);
    expect(want.filter((l) => !got.includes(l))).toEqual([]);
  });
});
