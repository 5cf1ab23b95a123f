/**
 * GET /sru and /sru/Search: parameters and their diagnostics, query diagnostics, paging,
 * ranking and sorting, the gzd records and the response envelope (validated against the SRU XSD
 * where ../shared/reference is present).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { children, makeSruApp, sru, type TestApp } from './support.js';
import { QUERY_DIAGNOSTICS } from './golden.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeSruApp();
});
afterAll(() => t.close());

const diag = async (params: Record<string, string | null>) => {
  const r = await sru(t, params);
  expect(r.status).toBe(200);
  expect(r.root).toBe('{http://www.loc.gov/zing/srw/diagnostic/}diagnostics');
  expect(r.diagnostics).toHaveLength(1);
  return r.diagnostics[0]!;
};

describe('parameters', () => {
  it('answers text/xml with open CORS on both paths', async () => {
    for (const path of ['/sru/Search', '/sru']) {
      const res = await t.app.request(`${path}?version=1.2&operation=searchRetrieve&x-connection=sc&query=paspoort`, { headers: { origin: 'https://elders.example' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(await res.text()).toContain('<sru:numberOfRecords>4</sru:numberOfRecords>');
    }
  });

  it.each([
    [{ version: null }, 7, 'version'],
    [{ operation: null }, 7, 'operation'],
    [{ query: null }, 7, 'query'],
    [{ 'x-connection': null, query: 'a' }, 7, 'x-connection'],
    [{ operation: 'scan', query: 'a' }, 4, 'scan'],
    [{ version: '1.1', query: 'a' }, 5, '1.1'],
    [{ startRecord: '0', query: 'a' }, 6, 'startRecord'],
    [{ startRecord: 'een', query: 'a' }, 6, 'startRecord'],
    [{ maximumRecords: '-1', query: 'a' }, 6, 'maximumRecords'],
    [{ recordSchema: 'dc', query: 'a' }, 6, 'recordSchema'],
    [{ recordPacking: 'string', query: 'a' }, 6, 'recordPacking'],
    [{ 'x-connection': 'oep', query: 'a' }, 6, 'x-connection'],
    [{ sortKeys: 'title', query: 'a' }, 8, 'sortKeys'],
    [{ foo: 'bar', query: 'a' }, 8, 'foo'],
  ] as [Record<string, string | null>, number, string][])('%j -> diagnostic %i', async (params, code, details) => {
    const d = await diag(params);
    expect(d.uri).toBe(`info:srw/diagnostic/1/${code}`);
    expect(d.details).toBe(details);
    expect(d.message.length).toBeGreaterThan(0);
  });

  it('ignores extension parameters it does not know and caps maximumRecords at 4020', async () => {
    const r = await sru(t, { query: 'cql.allRecords=1', 'x-unknown': '1', maximumRecords: '99999' });
    expect(r.diagnostics).toEqual([]);
    expect(r.numberOfRecords).toBe(14);
    expect(r.ids).toHaveLength(14);
  });

  it('explain: a ZeeRex record listing indexes and sort keys', async () => {
    const res = await t.app.request('/sru?version=1.2&operation=explain');
    const body = await res.text();
    expect(body).toContain('http://explain.z3950.org/dtd/2.0/');
    expect(body).toContain('uniformeProductnaam');
    expect((await t.app.request('/sru')).status).toBe(200);
  });
});

describe('query diagnostics', () => {
  it.each(QUERY_DIAGNOSTICS)('%s -> %i', async (query, code) => {
    const d = await diag({ query });
    expect(d.uri).toBe(`info:srw/diagnostic/1/${code}`);
  });

  it('61 when startRecord lies past the last record', async () => {
    expect((await diag({ query: 'paspoort', startRecord: '5' })).uri).toBe('info:srw/diagnostic/1/61');
  });
});

describe('paging, ranking and sorting', () => {
  it('pages with exact numberOfRecords and nextRecordPosition', async () => {
    const all = await sru(t, { query: 'cql.allRecords=1', maximumRecords: '100' });
    const seen: string[] = [];
    let start = 1;
    for (;;) {
      const r = await sru(t, { query: 'cql.allRecords=1', startRecord: String(start), maximumRecords: '4' });
      expect(r.numberOfRecords).toBe(14);
      expect(r.positions).toEqual(r.ids.map((_, i) => start + i));
      seen.push(...r.ids);
      if (r.next === null) break;
      expect(r.next).toBe(start + 4);
      start = r.next;
    }
    expect(seen).toEqual(all.ids);
    const none = await sru(t, { query: 'paspoort', maximumRecords: '0' });
    expect(none.numberOfRecords).toBe(4);
    expect(none.ids).toEqual([]);
    expect(none.next).toBeNull();
  });

  it('ranks by relevance: more words found first, a title hit above other fields, ties stable', async () => {
    const r = await sru(t, { query: 'paspoort' });
    // A1 and T1 have paspoort in the title; T1 is newer. M1 and T3 only elsewhere.
    expect(r.ids.slice(0, 2)).toEqual(['T1', 'A1']);
    expect(r.ids.slice(2).sort()).toEqual(['M1', 'T3']);
    const any = await sru(t, { query: 'keyword any "paspoort aanvragen hond"' });
    expect(any.ids.slice(0, 2)).toEqual(['T1', 'A1']);
    expect((await sru(t, { query: 'keyword any "paspoort aanvragen hond"' })).ids).toEqual(any.ids);
  });

  it('sorts by modified ascending and descending', async () => {
    const asc = await sru(t, { query: 'paspoort sortby modified/sort.ascending' });
    expect(asc.ids).toEqual(['M1', 'A1', 'T3', 'T1']);
    const desc = await sru(t, { query: 'paspoort sortby dcterms.modified/sort.descending' });
    expect(desc.ids).toEqual(['T1', 'T3', 'A1', 'M1']);
    const short = await sru(t, { query: 'paspoort sortby modified/ascending' });
    expect(short.ids).toEqual(asc.ids);
  });
});

describe('records', () => {
  it('gzd: originalData is the product as delivered minus dcterms:subject, plus enrichedData', async () => {
    const r = await sru(t, { query: 'productID==T1' });
    expect(r.ids).toEqual(['T1']);
    const gzd = children(r.doc, 'http://standaarden.overheid.nl/sru', 'gzd')[0]!;
    const original = children(gzd, 'http://standaarden.overheid.nl/sru', 'originalData')[0]!;
    const product = children(original, 'http://standaarden.overheid.nl/product/terms/', 'scproduct')[0]!;
    expect(product).toBeDefined();
    expect(children(product, 'http://purl.org/dc/terms/', 'subject')).toHaveLength(0);
    expect(r.body).not.toContain('geheim trefwoord');
    expect(children(product, 'http://purl.org/dc/terms/', 'title')[0]!.textContent).toBe('Paspoort aanvragen');
    expect(children(product, 'http://www.w3.org/1999/xhtml', 'strong')[0]!.textContent).toBe('tien jaar');
    const enriched = (n: string) => children(gzd, 'http://standaarden.overheid.nl/sru', n).map((e) => e.textContent);
    expect(enriched('authorityScheme')).toEqual(['overheid:Gemeente']);
    expect(enriched('authorityUri')).toEqual(['http://standaarden.overheid.nl/owms/terms/Tilburg_(gemeente)']);
    expect(enriched('spatialUri')).toEqual(['http://standaarden.overheid.nl/owms/terms/Tilburg_(gemeente)']);
    expect(enriched('uniformeProductnaamUri')).toEqual(['http://standaarden.overheid.nl/owms/terms/paspoort']);
    // a subject word still finds the product
    expect((await sru(t, { query: 'subject adj "geheim trefwoord"' })).ids).toEqual(['T1']);
  });
});
