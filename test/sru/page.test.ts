/**
 * The citizens' search page (GET /zoeken) over a real embedded store holding the SRU fixture
 * collection (the demo value lists give the postcode and gemeente relations): what the page shows
 * is checked against the SRU endpoint's answer for the same CQL and against known fixture facts.
 */
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formToCql, readForm } from '../../src/sru/page/index.js';
import { storeProducts, TILBURG } from './fixtures.js';
import { makeSruApp, matches, sru, type TestApp } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeSruApp();
  await storeProducts(t, 'gemeente-tilburg-extra', [
    { id: 'X1', title: '<script>alert("titel")</script> Rioolaansluiting', abstract: 'Aansluiten op het riool </p><img src=x onerror=alert(1)>.', authority: TILBURG, modified: '2024-02-02', online: 'ja' },
    ...Array.from({ length: 13 }, (_, i) => ({ id: `S${i + 1}`, title: `Subsidie nummer ${i + 1}`, abstract: 'Een subsidie.', authority: TILBURG, modified: `2024-01-${String(i + 10)}` })),
  ]);
});
afterAll(() => t.close());

interface Page {
  status: number;
  body: string;
  doc: Document;
  heading: string;
  results: { title: string; href: string; text: string }[];
  facets: Map<string, { text: string; href: string | null }[]>;
  alert: string | null;
  next: string | null;
  prev: string | null;
}

async function page(path: string): Promise<Page> {
  const res = await t.app.request(path);
  const body = await res.text();
  const doc = new JSDOM(body).window.document;
  const facets = new Map<string, { text: string; href: string | null }[]>();
  for (const s of doc.querySelectorAll('aside.facets section')) {
    facets.set(s.querySelector('h4')!.textContent!, [...s.querySelectorAll('li')].map((li) => ({ text: li.textContent!.replace(/\s+/g, ' ').trim(), href: li.querySelector('a')?.getAttribute('href') ?? null })));
  }
  return {
    status: res.status,
    body,
    doc,
    heading: doc.querySelector('#resultaten-kop')?.textContent ?? '',
    results: [...doc.querySelectorAll('ol.results > li')].map((li) => ({ title: li.querySelector('h3')!.textContent!, href: li.querySelector('h3 a')!.getAttribute('href')!, text: li.textContent! })),
    facets,
    alert: doc.querySelector('[role=alert]')?.textContent ?? null,
    next: doc.querySelector('nav.paging a[rel=next]')?.getAttribute('href') ?? null,
    prev: doc.querySelector('nav.paging a[rel=prev]')?.getAttribute('href') ?? null,
  };
}

const cqlOf = (q: Record<string, string>) => formToCql(readForm((n) => q[n]))!;
const keys = (p: Page) => p.results.map((r) => r.href.split('/').pop()!).sort();

describe('GET /zoeken', () => {
  it('shows the empty form without searching', async () => {
    const p = await page('/zoeken');
    expect(p.status).toBe(200);
    expect(p.doc.querySelector('form[role=search][method=get] input[name=q]')).not.toBeNull();
    expect(p.doc.querySelector('input[name=postcode]')).not.toBeNull();
    expect(p.doc.querySelector('select[name=doelgroep]')).not.toBeNull();
    expect(p.heading).toBe('');
    expect(p.doc.documentElement.lang).toBe('nl');
  });

  it('finds what the SRU service finds for the same question, scoped to the gemeente, linked to the product pages', async () => {
    const q = { q: 'paspoort', gemeente: 'Tilburg' };
    const p = await page(`/zoeken?${new URLSearchParams(q)}`);
    expect(p.status).toBe(200);
    const expected = await matches(t, cqlOf(q));
    expect(keys(p)).toEqual(expected);
    expect(expected).toContain('T1');
    expect(expected).not.toContain('A1');
    expect(p.heading).toBe(`${expected.length} resultaten`);
    const t1 = p.results.find((r) => r.href.endsWith('/T1'))!;
    expect(t1.href).toBe('/doc/product/gemeente-tilburg/T1');
    expect(t1.title).toBe('Paspoort aanvragen');
    expect(t1.text).toContain('Tilburg');
    expect(t1.text).toContain('voor particulier');
    expect(t1.text).toContain('online aan te vragen met DigiD');
    expect(t1.text).toContain('Vraag een nieuw paspoort aan bij de gemeente.');
    const link = p.doc.querySelector('ol.results a[rel~=external]');
    expect(link?.getAttribute('href')).toBe('https://example.org/aanvragen/T1');
    // the product page the result links to exists
    expect((await t.app.request(t1.href)).status).toBe(200);
  });

  it('scopes by postcode: the gemeente of 1431 (Aalsmeer) and the Rijk', async () => {
    const p = await page('/zoeken?q=paspoort&postcode=1431');
    expect(keys(p)).toEqual(['A1', 'M1']);
    expect(p.heading).toBe('2 resultaten');
  });

  it('shows facets with counts as filter links, and following one filters with that count', async () => {
    const p = await page('/zoeken?gemeente=Tilburg');
    const audience = p.facets.get('Doelgroep')!;
    const ondernemer = audience.find((f) => f.text.startsWith('ondernemer'))!;
    const count = Number(/\((\d+)\)/.exec(ondernemer.text)![1]);
    const engine = await sru(t, { query: `${cqlOf({ gemeente: 'Tilburg' })} and dcterms.audience = "ondernemer"` });
    expect(count).toBe(engine.numberOfRecords);
    expect(ondernemer.href).toBe('/zoeken?gemeente=Tilburg&doelgroep=ondernemer');
    const filtered = await page(ondernemer.href!);
    expect(filtered.heading).toBe(count === 1 ? '1 resultaat' : `${count} resultaten`);
    expect(filtered.results.every((r) => r.text.includes('ondernemer'))).toBe(true);
    // the active filter can be removed
    const active = filtered.facets.get('Doelgroep')!.find((f) => f.text.startsWith('ondernemer'))!;
    expect(active.href).toBe('/zoeken?gemeente=Tilburg');
    for (const label of ['Online aanvragen', 'Organisatie', 'Soort organisatie', 'Laatst gewijzigd']) expect(p.facets.has(label)).toBe(true);
    // the date facet: "eerder" filters modified before this year
    const earlier = p.facets.get('Laatst gewijzigd')!.find((f) => f.text.startsWith('eerder'))!;
    expect(earlier.href).toBe(`/zoeken?gemeente=Tilburg&tot=${new Date().getFullYear()}-01-01`);
    const n = Number(/\((\d+)\)/.exec(earlier.text)![1]);
    expect((await page(earlier.href!)).heading).toBe(n === 1 ? '1 resultaat' : `${n} resultaten`);
  });

  it('pages by ten, with next and previous links', async () => {
    const all = await matches(t, 'keyword=subsidie');
    expect(all).toHaveLength(13);
    const first = await page('/zoeken?q=subsidie');
    expect(first.results).toHaveLength(10);
    expect(first.prev).toBeNull();
    expect(first.next).toBe('/zoeken?q=subsidie&pagina=2');
    const second = await page(first.next!);
    expect(second.results).toHaveLength(all.length - 10);
    expect(second.doc.querySelector('ol.results')!.getAttribute('start')).toBe('11');
    expect(second.prev).toBe('/zoeken?q=subsidie');
    expect(second.next).toBeNull();
    expect([...keys(first), ...keys(second)].sort()).toEqual(all);
  });

  it('sorts newest first on request', async () => {
    const p = await page('/zoeken?gemeente=Tilburg&sorteer=datum');
    const engine = await sru(t, { query: `(organisatie="Tilburg") sortby modified/sort.descending`, maximumRecords: '10' });
    expect(p.results.map((r) => r.href.split('/').pop())).toEqual(engine.ids);
  });

  it.each([
    ['/zoeken?postcode=14*', /geen postcode/],
    ['/zoeken?postcode=abcd&q=paspoort', /geen postcode/],
    ['/zoeken?q=%2A%2A%2A', /letters of cijfers/],
    ['/zoeken?q=paspoort&pagina=99', /pagina bestaat niet/],
    ['/zoeken?q=paspoort&vanaf=gisteren', /jjjj-mm-dd/],
  ])('answers %s with a message in Dutch, not an error page', async (path, message) => {
    const p = await page(path);
    expect(p.status).toBe(400);
    expect(p.alert).toMatch(message);
    expect(p.doc.querySelector('form[role=search]')).not.toBeNull();
  });

  it('escapes hostile input and hostile product text', async () => {
    const hostile = '<script>alert(1)</script>" onfocus="alert(2)';
    const p = await page(`/zoeken?${new URLSearchParams({ q: hostile, gemeente: '"><img src=x onerror=alert(3)>' })}`);
    expect(p.status).toBe(200);
    expect(p.body).not.toContain('<script>alert');
    expect(p.body).not.toContain('<img src=x');
    expect(p.doc.querySelectorAll('main script, main img').length).toBe(0);
    expect((p.doc.querySelector('input[name=q]') as HTMLInputElement).value).toBe(hostile);
    // the text is searched for as words, not as CQL
    expect(p.heading).toBe('0 resultaten');

    const r = await page('/zoeken?q=rioolaansluiting');
    expect(r.results.map((x) => x.title)).toEqual(['<script>alert("titel")</script> Rioolaansluiting']);
    expect(r.body).not.toContain('<script>alert');
    expect(r.body).not.toContain('<img src=x');
    expect(r.doc.querySelectorAll('main script, main img').length).toBe(0);
  });
});
