/**
 * Result order under paging: many products share a sort key (same score, same date), so tie
 * groups straddle page boundaries. Every page must be the matching slice of one total order
 * (score, date, then product IRI), whatever the page size, for relevance and date sorting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/app.js';
import { loadDemoValueLists } from '../catalog/support.js';
import { SruSearchService } from '../../src/sru/index.js';
import { parseQuery } from '../../src/sru/service.js';
import { pageQuery } from '../../src/sru/queries.js';
import { Vars } from '../../src/sru/translate/patterns.js';
import { literal } from '../../src/shared/rdf/factory.js';
import { storeProducts, TILBURG, type Fx } from './fixtures.js';

type App = Awaited<ReturnType<typeof makeTestApp>>;
let t: App;
let svc: SruSearchService;

// 3 dates x 2 title variants x 5 = 30 products; "kapvergunning" in the title of half of them.
const PRODUCTS: Fx[] = Array.from({ length: 30 }, (_, i) => ({
  id: `K${String(i).padStart(2, '0')}`,
  title: i % 2 ? `Kapvergunning boom ${i}` : `Boom ${i}`,
  abstract: i % 2 ? 'Een boom kappen.' : 'Een kapvergunning voor een boom.',
  authority: TILBURG,
  modified: ['2021-05-01', '2022-05-01', '2023-05-01'][i % 3]!,
}));

beforeAll(async () => {
  t = await makeTestApp({ demo: true });
  await loadDemoValueLists(t);
  // Stored in a shuffled order, so store order is not IRI order.
  await storeProducts(t, 'tilburg', [...PRODUCTS].sort((a, b) => (a.id.charCodeAt(2) * 7) % 10 - (b.id.charCodeAt(2) * 7) % 10));
  svc = new SruSearchService({ store: t.store, uris: t.uris });
});
afterAll(() => t.close());

async function pages(query: string, size: number): Promise<string[]> {
  const out: string[] = [];
  for (let start = 1; ; start += size) {
    const r = await svc.search({ query, startRecord: start, maximumRecords: size, facets: false });
    out.push(...r.records.map((x) => x.product.slice(x.product.lastIndexOf('/') + 1)));
    if (!r.nextRecordPosition) return out;
    expect(r.nextRecordPosition).toBe(start + size);
  }
}

const id = (p: Fx) => p.id;
const byIri = (a: Fx, b: Fx) => (a.id < b.id ? -1 : 1);

describe('paging through tie groups', () => {
  it('relevance: title hits first, then newer, then by IRI; the same for every page size', async () => {
    const expected = [...PRODUCTS].filter((p) => /kapvergunning/i.test(p.title + p.abstract))
      .sort((a, b) => Number(/Kap/.test(b.title)) - Number(/Kap/.test(a.title)) || b.modified.localeCompare(a.modified) || byIri(a, b)).map(id);
    expect(expected).toHaveLength(30);
    for (const size of [1, 4, 7, 30]) expect(await pages('kapvergunning', size)).toEqual(expected);
  });

  it('sortby modified ascending and descending, ties by IRI', async () => {
    const asc = [...PRODUCTS].sort((a, b) => a.modified.localeCompare(b.modified) || byIri(a, b)).map(id);
    const desc = [...PRODUCTS].sort((a, b) => b.modified.localeCompare(a.modified) || byIri(a, b)).map(id);
    for (const size of [3, 11]) {
      expect(await pages('boom sortby modified/sort.ascending', size)).toEqual(asc);
      expect(await pages('boom sortby modified/sort.descending', size)).toEqual(desc);
    }
  });

  it('ranks the same by point lookups per match (few matches) and by one grouped score (many)', async () => {
    for (const query of ['kapvergunning', 'boom kappen', 'keyword any "boom kapvergunning"', 'boom not title=kapvergunning']) {
      const cx = { vars: new Vars(), productPrefix: literal(t.uris.url('/id/product/')) };
      const { where, translation } = await svc.where(parseQuery(query), cx);
      const page = async (count: number) => (await t.store.select(pageQuery(cx, where, translation, 0, 100, count))).map((r) => r.p!.value);
      const byLookups = await page(1);
      expect(byLookups.length, query).toBeGreaterThan(0);
      expect(await page(Infinity), query).toEqual(byLookups);
    }
  });
});
