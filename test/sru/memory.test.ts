/**
 * The in-memory index copy (src/sru/memory) against the SPARQL over the index graphs, on the same
 * embedded store: every golden query, every query diagnostic and 2,000 generated queries (words,
 * masks, phrases, typed values, dates, booleans, scopes, sorting) must give the same number of
 * records, the same products in the same order and the same facet counts; after writes (new,
 * replaced, removed products) the copy answers the same at once; a copy filled while products are
 * being written ends up the same; and it really answers without SPARQL for the matches.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/app.js';
import { loadDemoValueLists } from '../catalog/support.js';
import { SruSearchService, type SearchParams } from '../../src/sru/index.js';
import { SruDiagnostic } from '../../src/sru/diagnostic.js';
import { IndexCopy } from '../../src/sru/memory/index-copy.js';
import type { Query, TripleStore } from '../../src/shared/store/port.js';
import { daysAgo, storeCollection, storeProducts, TILBURG, type Fx, type Ref } from './fixtures.js';
import { GOLDEN, QUERY_DIAGNOSTICS } from './golden.js';

type App = Awaited<ReturnType<typeof makeTestApp>>;
let t: App;
let copySvc: SruSearchService;
let sparqlSvc: SruSearchService;

// 200 products, so common literals pass the short-list limit of a posting (bit sets); labels and
// values with characters the result and journal formats escape.
const ODD: Ref = ['overheid:Gemeente', 'http://standaarden.overheid.nl/owms/terms/Tilburg_(gemeente)', 'Til"burg \\ één\t😀'];
const EXTRA: Fx[] = [
  ...Array.from({ length: 200 }, (_, i) => ({
    id: `X${String(i).padStart(2, '0')}`,
    title: i % 3 ? `Kapvergunning boom ${i}` : `Subsidie voor bomen ${i}`,
    abstract: i % 2 ? 'Een boom kappen in de tuin.' : 'Bezwaar maken tegen een kapvergunning.',
    authority: TILBURG,
    modified: [daysAgo(1), '2022-05-01', '2023-05-01', daysAgo(200)][i % 4]!,
    audience: i % 5 ? ['particulier'] : ['ondernemer', 'particulier'],
    online: (['ja', 'nee', 'digid'] as const)[i % 3],
    subject: i % 4 ? ['natuur'] : ['bezwaar maken', 'boom'],
    html: i % 2 ? '<p xmlns="http://www.w3.org/1999/xhtml">U kunt bezwaar maken binnen zes weken.</p>' : i % 3 ? '<p xmlns="http://www.w3.org/1999/xhtml">Wij maken geen bezwaar tegen een boom.</p>' : undefined,
  })),
  { id: 'Q1', title: 'Aanvraag "met" \\ tekens é 😀', abstract: 'Tab\there, quote " and backslash \\.', authority: ODD, modified: '2024-02-29', audience: ['ondernemer'] },
];

/** The whole answer in a comparable form: count, every product in order, facets; or the diagnostic. */
async function answer(svc: SruSearchService, p: Partial<SearchParams> & { query: string }): Promise<unknown> {
  try {
    const r = await svc.search({ startRecord: 1, maximumRecords: 100, facets: true, ...p });
    return { n: r.numberOfRecords, products: r.records.map((x) => x.product), next: r.nextRecordPosition, facets: r.facets };
  } catch (e) {
    if (e instanceof SruDiagnostic) return { diagnostic: e.code, details: e.details };
    throw e;
  }
}

/** Asserts both answers are equal; returns the number of records (-1 for a diagnostic). */
async function same(query: string, p: Partial<SearchParams> = {}): Promise<number> {
  const a = await answer(copySvc, { query, ...p });
  expect(a, query).toEqual(await answer(sparqlSvc, { query, ...p }));
  return (a as { n?: number }).n ?? -1;
}

beforeAll(async () => {
  t = await makeTestApp({ demo: true });
  await loadDemoValueLists(t);
  await storeCollection(t);
  await storeProducts(t, 'gemeente-tilburg-extra', EXTRA);
  copySvc = new SruSearchService({ store: t.store, uris: t.uris });
  sparqlSvc = new SruSearchService({ store: t.store, uris: t.uris, indexCopy: false });
  expect(await copySvc.indexCopyReady()).toBe(true);
}, 120_000);
afterAll(() => t.close());

describe('SRU search from the in-memory index copy', () => {
  it('answers without SPARQL for the matches: only the page records are read', async () => {
    const queries: string[] = [];
    const counting: TripleStore = Object.create(t.store) as TripleStore;
    counting.select = (q: Query) => {
      queries.push(typeof q === 'string' ? q : q.text);
      return t.store.select(q);
    };
    const svc = new SruSearchService({ store: counting, uris: t.uris, indexCopy: (copySvc as unknown as { copy: IndexCopy }).copy });
    const r = await svc.search({ query: 'kapvergunning and audience=particulier sortby modified', startRecord: 1, maximumRecords: 5, facets: true });
    expect(r.numberOfRecords).toBeGreaterThan(5);
    expect(queries).toHaveLength(1);
    expect(queries[0]).toContain('sourceXml');
  });

  it('answers every golden query and diagnostic as the SPARQL does', async () => {
    for (const [cql, ids] of GOLDEN) {
      const r = (await answer(copySvc, { query: cql, maximumRecords: 4020 })) as { products: string[] };
      expect(r.products.map((p) => p.split('/').pop()).filter((x) => !/^(X|Q)/.test(x!)).sort(), cql).toEqual([...ids].sort());
      await same(cql);
    }
    for (const [query, code] of QUERY_DIAGNOSTICS) {
      expect(await answer(copySvc, { query }), query).toMatchObject({ diagnostic: code });
      await same(query);
    }
  }, 120_000);

  it('pages and sorts the same: every page is the slice of one order', async () => {
    for (const query of ['productHTML adj "maken bezwaar"', 'keyword adj "bezwaar maken"', 'keyword adj "geen bezwaar tegen"', 'kapvergunning', 'boom or subsidie', 'cql.allRecords=1 sortby modified', 'cql.allRecords=1 sortby modified/sort.descending', 'bezwaar']) {
      for (const [startRecord, maximumRecords] of [[1, 3], [4, 7], [11, 10], [30, 4020]] as const) {
        await same(query, { startRecord, maximumRecords, facets: false });
      }
    }
  }, 120_000);

  it('2000 generated queries: the same records, order and facets', async () => {
    const word = fc.constantFrom('paspoort', 'aanvragen', 'vergunning', 'kapvergunning', 'boom', 'bomen', 'subsidie', 'bezwaar', 'maken', 'geen', 'ma?en', 'tilburg', 'café', 'hond', 'tekens', 'met', '😀', 'pas*', '*vergunning', 'b?om', 'ka*ing', 'x*', 'é*');
    const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => `"${w.join(' ')}"`);
    const text = fc.tuple(fc.constantFrom('keyword', 'title', 'abstract', 'subject', 'productHTML', 'authority'), fc.constantFrom('=', '==', 'adj', 'all', 'any'), fc.oneof(word, phrase)).map(([i, r, w]) => `${i} ${r} ${w}`);
    const typed = fc.tuple(fc.constantFrom('audience', 'onlineAanvragen', 'organisatietype', 'identifier', 'aanvraagURL', 'productID'), fc.constantFrom('=', '==', '<>', 'any', 'all'), fc.constantFrom('ondernemer', 'particulier', '"ondernemer particulier"', 'ja', 'digid', 'gemeente', 'provincie', 'ggd', '"https://example.org/T*"', 'X0*', 'x?1', '*'))
      .map(([i, r, v]) => `${i} ${r} ${v}`);
    const date = fc.tuple(fc.constantFrom('=', '==', '<', '>', '<=', '>=', '<>'), fc.constantFrom('2024', '2022-05', '2023-05-01', '2024-02-29', daysAgo(1).slice(0, 7))).map(([r, d]) => `modified ${r} ${d}`);
    const clause = fc.oneof({ weight: 3, arbitrary: text }, { weight: 2, arbitrary: typed }, { weight: 1, arbitrary: date }, { weight: 1, arbitrary: fc.constant('cql.allRecords=1') });
    const tree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, clause, fc.tuple(tie('node'), fc.constantFrom('and', 'or', 'not'), tie('node')).map(([a, op, b]) => `(${a}) ${op} (${b})`)),
    })).node;
    const scope = fc.constantFrom('', '(organisatie="Tilburg") and ', '(postcode="1431") and ', '(organisatie="Aalsmeer") and ');
    const sort = fc.constantFrom('', ' sortby modified', ' sortby modified/sort.descending');
    const outcomes = { diagnostic: 0, none: 0, some: 0 };
    await fc.assert(
      fc.asyncProperty(scope, tree, sort, fc.constantFrom(1, 2, 5), async (s, q, o, start) => {
        const n = await same(`${s}${q}${o}`, { startRecord: start, maximumRecords: 7 });
        outcomes[n < 0 ? 'diagnostic' : n === 0 ? 'none' : 'some']++;
      }),
      { numRuns: 2000, seed: 20261124 },
    );
    // Most generated queries have matches (else the comparison would say little).
    expect(outcomes.some, JSON.stringify(outcomes)).toBeGreaterThan(400);
  }, 300_000);

  it('follows writes at once: new, replaced and removed products', async () => {
    // Pair postings of productHTML built before the writes must follow them.
    const before = await same('productHTML adj "maken geen"');
    expect(before).toBeGreaterThan(0);
    await storeProducts(t, 'gemeente-tilburg-extra', [...EXTRA.slice(3), { id: 'N1', title: 'Nieuwe kapvergunning subsidie', abstract: 'Nieuw.', authority: TILBURG, modified: daysAgo(0) }]);
    await same('kapvergunning');
    await same('subsidie sortby modified/sort.descending');
    expect(((await answer(copySvc, { query: 'title=nieuwe' })) as { n: number }).n).toBe(1);
    expect(((await answer(copySvc, { query: 'productID==X00' })) as { n: number }).n).toBe(0);
    expect(await same('productHTML adj "maken geen"')).toBeLessThan(before);
    await storeProducts(t, 'gemeente-tilburg-extra', EXTRA);
    expect(((await answer(copySvc, { query: 'title=nieuwe' })) as { n: number }).n).toBe(0);
    await same('cql.allRecords=1');
    expect(await same('productHTML adj "maken geen"')).toBe(before);
  }, 60_000);

  it('a copy filled while products are written ends up as the store', async () => {
    const writes = (async () => {
      for (let i = 0; i < 6; i++) {
        await storeProducts(t, `gemeente-schrijf-${i % 2}`, Array.from({ length: 30 }, (_, j) => ({ id: `S${i}-${j}`, title: `Schrijftest ${i} product ${j}`, abstract: 'Tijdens het vullen.', authority: TILBURG, modified: '2021-01-01' })));
      }
    })();
    const copy = IndexCopy.open(t.raw.commitFeed(), t.uris);
    await writes;
    expect(await copy.ready).toBe(true);
    const fresh = new SruSearchService({ store: t.store, uris: t.uris, indexCopy: copy });
    for (const query of ['schrijftest', 'schrijftest and title=5', 'cql.allRecords=1', 'tijdens adj "het vullen"']) {
      expect(await answer(fresh, { query }), query).toEqual(await answer(sparqlSvc, { query }));
    }
    copy.close();
  }, 60_000);
});

describe('Posting', () => {
  it('keeps the same set as a short list and as a bit set', async () => {
    const { Posting } = await import('../../src/sru/memory/index-copy.js');
    const { ids } = await import('../../src/sru/memory/bits.js');
    const p = new Posting('t', 'title:x');
    const model = new Set<number>();
    let capacity = 0;
    fc.assert(
      // Three adds to one delete, so the set grows past the short-list limit and shrinks again.
      fc.property(fc.array(fc.tuple(fc.nat(3).map((n) => n > 0), fc.nat(5000)), { maxLength: 3000 }), (steps) => {
        for (const [add, id] of steps) {
          capacity = Math.max(capacity, id + 1);
          expect(add ? p.add(id, capacity) : p.delete(id)).toBe(add ? !model.has(id) : model.has(id));
          if (add) model.add(id);
          else model.delete(id);
        }
        expect(p.size).toBe(model.size);
        expect(p.ids()).toEqual([...model].sort((a, b) => a - b));
        expect(ids(p.bits(Math.ceil(capacity / 32) + 1))).toEqual([...model].sort((a, b) => a - b));
      }),
      { numRuns: 50, seed: 7 },
    );
    expect(model.size).toBeGreaterThan(128);
  });
});
