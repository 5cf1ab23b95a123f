/**
 * Property: any query string, random or hostile, gets a well-formed SRU answer (a
 * searchRetrieveResponse or a bare diagnostics document) with HTTP 200; never a 500, never
 * diagnostic 1 (which is what a SPARQL syntax error or any other internal failure would become).
 */
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSruApp, type TestApp } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeSruApp();
});
afterAll(() => t.close());

const RUNS = 10_000;

const INDEXES = ['keyword', 'title', 'abstract', 'subject', 'productHTML', 'authority', 'modified', 'audience', 'language', 'identifier',
  'productID', 'onlineAanvragen', 'aanvraagURL', 'eenmaligAanmelden', 'organisatieType', 'spatialType', 'uniformeProductnaam',
  'gerelateerdProduct', 'postcode', 'organisatie', 'dcterms.title', 'cql.serverChoice', 'cql.allRecords', 'foo', 'x.y', 'sortby', 'and'];
const RELATIONS = ['=', '==', '<>', '<', '>', '<=', '>=', 'adj', 'all', 'any', 'within', 'cql.adj', '=/stem', 'any/relevant', 'exact', 'foo'];
const WORDS = ['paspoort', 'pas*', '*', '?', '^a', 'a^', 'café', '2024', '2024-02-30', '2024-03', '1431', 'Tilburg', '"', '\\', '\\*', '\\a',
  '} UNION { ?s ?p ?o', '"; DROP ALL; #', '\u0000', '\uD800', '𝒜', 'a"b', ')', '(', '> dc = "x"', 'prox', 'not', '\n', "'", '<![CDATA[', '&amp;'];

const term = fc.tuple(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 })), fc.boolean())
  .map(([s, quoted]) => (quoted ? `"${s}"` : s));
const clause = fc.oneof(
  term,
  fc.tuple(fc.constantFrom(...INDEXES), fc.constantFrom(...RELATIONS), term).map(([i, r, x]) => `${i} ${r} ${x}`),
  fc.tuple(fc.constantFrom(...INDEXES), fc.constantFrom(...RELATIONS), term).map(([i, r, x]) => `(${i}${r}${x})`),
);
const query = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.tuple(clause, fc.constantFrom(' and ', ' or ', ' not ', ' prox ', ' AND ', ' and/x ', ') (', ' ')), { minLength: 1, maxLength: 5 })
    .chain((parts) => fc.tuple(fc.constant(parts), fc.constantFrom('', ' sortby modified/sort.descending', ' sortby title', ' sortby', ')')))
    .map(([parts, tail]) => parts.map(([c, op], i) => (i ? op : '') + c).join('') + tail) },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

function rootAndDiagnostics(xml: string): { root: string; diagnostics: string[] } {
  const parser = new SaxesParser({ xmlns: true });
  let root = '';
  const diagnostics: string[] = [];
  let inUri = false;
  parser.on('opentag', (tag) => {
    if (!root) root = `{${tag.uri}}${tag.local}`;
    inUri = tag.local === 'uri' && tag.uri === 'http://www.loc.gov/zing/srw/diagnostic/';
  });
  parser.on('text', (text) => {
    if (inUri) diagnostics.push(text);
  });
  parser.on('closetag', () => {
    inUri = false;
  });
  parser.write(xml).close();
  return { root, diagnostics };
}

describe('hostile and random queries', () => {
  it(`${RUNS} queries: always a well-formed answer, never an internal error`, async () => {
    const seen = { response: 0, diagnostics: 0 };
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom('1', '2', '15'), fc.constantFrom('0', '3', '10'), fc.boolean(), async (q, start, max, facets) => {
        const params = new URLSearchParams({ version: '1.2', operation: 'searchRetrieve', 'x-connection': 'sc', query: q, startRecord: start, maximumRecords: max });
        if (facets) params.set('x-info-1-accept', 'any');
        const res = await t.app.request(`/sru/Search?${params.toString()}`);
        const body = await res.text();
        expect(res.status, q).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
        const { root, diagnostics } = rootAndDiagnostics(body);
        if (root === '{http://www.loc.gov/zing/srw/}searchRetrieveResponse') seen.response++;
        else {
          expect(root, q).toBe('{http://www.loc.gov/zing/srw/diagnostic/}diagnostics');
          seen.diagnostics++;
        }
        expect(diagnostics, `${JSON.stringify(q)}: ${body.slice(0, 400)}`).not.toContain('info:srw/diagnostic/1/1');
      }),
      { numRuns: RUNS, seed: 20261124 },
    );
    // Both kinds of answers occurred (the generator reaches the translator, not only the parser).
    expect(seen.response).toBeGreaterThan(RUNS / 20);
    expect(seen.diagnostics).toBeGreaterThan(RUNS / 20);
  }, 600_000);
});
