/**
 * Facets (x-info-1-accept=any): Doelgroep, Online aanvragen, Bevoegd gezag (authority and
 * organisatietype), Datum laatste wijziging. Every term's requestUrl, followed, gives exactly
 * `count` records, and its query is the original query `and` the facet clause.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSruApp, readSru, sru, type TestApp } from './support.js';
import { TEST_BASE } from '../support/tmp.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeSruApp();
});
afterAll(() => t.close());

async function follow(url: string) {
  expect(url.startsWith(`${TEST_BASE}/sru/Search?`)).toBe(true);
  const res = await t.app.request(url.slice(TEST_BASE.length));
  return readSru(res.status, res.headers.get('content-type') ?? '', await res.text());
}

describe('facets', () => {
  it.each([
    'cql.allRecords=1',
    'paspoort',
    '(organisatie="Tilburg") and vergunning',
    '(postcode="1431") sortby modified/sort.descending',
    'title any "paspoort \\"vaarvergunning\\" hond*"',
  ])('%s: each term leads to exactly count records', async (query) => {
    const r = await sru(t, { query, 'x-info-1-accept': 'any', maximumRecords: '1000' });
    expect(r.diagnostics).toEqual([]);
    const known = [
      'Doelgroep|dcterms.audience', 'Online aanvragen|overheidproduct.onlineaanvragen', 'Bevoegd gezag|overheid.authority',
      'Bevoegd gezag|organisatietype', 'Datum laatste wijziging|dcterms.modified',
    ];
    const shown = r.facets.map((f) => `${f.label}|${f.index}`);
    expect(shown.filter((x) => !known.includes(x))).toEqual([]);
    expect(shown).toContain('Datum laatste wijziging|dcterms.modified');
    let terms = 0;
    for (const f of r.facets) {
      for (const term of f.terms) {
        expect(term.query.startsWith(query.replace(/ sortby .*$/, ''))).toBe(true);
        const followed = await follow(term.requestUrl);
        expect(followed.diagnostics, term.query).toEqual([]);
        expect(followed.numberOfRecords, term.query).toBe(term.count);
        expect(term.count).toBeLessThanOrEqual(r.numberOfRecords!);
        terms++;
      }
    }
    expect(terms).toBeGreaterThan(3);
  });

  it('counts the whole result, not the page', async () => {
    const r = await sru(t, { query: 'cql.allRecords=1', 'x-info-1-accept': 'any', maximumRecords: '1' });
    const doelgroep = r.facets.find((f) => f.index === 'dcterms.audience')!;
    expect(Object.fromEntries(doelgroep.terms.map((x) => [x.actualTerm, x.count]))).toEqual({ particulier: 9, ondernemer: 6 });
    const type = r.facets.find((f) => f.index === 'organisatietype')!;
    expect(Object.fromEntries(type.terms.map((x) => [x.actualTerm, x.count]))).toEqual({ Gemeente: 7, Provincie: 2, Waterschap: 2, GGD: 2, Ministerie: 1 });
    const date = r.facets.find((f) => f.index === 'dcterms.modified')!;
    expect(date.terms.map((x) => x.actualTerm)).toEqual(['afgelopen week', 'huidig jaar', 'eerder']);
    expect(date.terms[0]!.count).toBe(1); // T4, two days ago
    expect(date.terms[1]!.count + date.terms[2]!.count).toBe(14);
  });

  it('no facets without x-info-1-accept=any', async () => {
    const r = await sru(t, { query: 'paspoort' });
    expect(r.facets).toEqual([]);
    expect(r.body).not.toContain('facetedResults');
  });
});
