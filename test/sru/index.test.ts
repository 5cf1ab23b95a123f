/**
 * The search index is written with the products: import indexes every product in the same
 * transaction, re-import replaces the index, removal clears it; index graphs are system graphs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/app.js';
import { loadDemoValueLists } from '../catalog/support.js';
import { AUTHORITY_IRI_FIELD, dictionaryGraph, indexQuads, key, tokens, fold } from '../../src/catalog/search-index/index.js';
import { STELSEL } from '../../src/shared/rdf/vocab.js';
import { sparql } from '../../src/shared/rdf/encode.js';
import { literal } from '../../src/shared/rdf/factory.js';
import { collection, storeProducts, TILBURG } from './fixtures.js';
import { matches } from './support.js';

let t: Awaited<ReturnType<typeof makeTestApp>>;

beforeAll(async () => {
  t = await makeTestApp({ demo: true });
  await loadDemoValueLists(t);
});
afterAll(() => t.close());

async function indexed(term: string): Promise<string[]> {
  const rows = await t.raw.select(sparql`SELECT ?g WHERE { GRAPH ?g { ?p ${STELSEL.zoekterm} ${literal(term)} } } ORDER BY ?g`);
  return rows.map((r) => r.g!.value.replace(`${t.uris.searchIndexGraph.value}/`, ''));
}

describe('tokeniser', () => {
  it('folds case and accents and splits on non-letters', () => {
    expect(tokens('Café-terras: ÉÉN vergunning (2024)!')).toEqual(['cafe', 'terras', 'een', 'vergunning', '2024']);
    expect(fold('Ĳsselmeer Ærø')).toBe('ĳsselmeer ærø');
    expect(tokens('')).toEqual([]);
  });
});

describe('index written with the products', () => {
  const tilburg = collection()['gemeente-tilburg']!;

  it('indexes every stored product in its own system graph', async () => {
    await storeProducts(t, 'gemeente-tilburg', tilburg);
    expect(await indexed('title:paspoort')).toEqual(['gemeente-tilburg/T1']);
    expect(await indexed('subject:paspoort')).toEqual(['gemeente-tilburg/T3']);
    expect(await indexed('abstract:paspoort')).toEqual(['gemeente-tilburg/T1']);
    expect(await indexed('producthtml:tien')).toEqual(['gemeente-tilburg/T1']);
    expect(await indexed('title:cafe')).toEqual(['gemeente-tilburg/T5']);
    expect(t.uris.isSystemGraph(`${t.uris.searchIndexGraph.value}/gemeente-tilburg/T1`)).toBe(true);
    expect(await matches(t, 'paspoort')).toEqual(['T1', 'T3']);
    // The authority IRI as delivered, for location scoping by exact lookup.
    const gezag = await t.raw.select(sparql`SELECT ?g WHERE { GRAPH ?g { ?p ${STELSEL.zoekwaarde} ${literal(key(AUTHORITY_IRI_FIELD, TILBURG[1]))} } }`);
    expect(gezag.map((r) => r.g!.value.replace(`${t.uris.searchIndexGraph.value}/`, '')).sort()).toEqual(tilburg.map((p) => `gemeente-tilburg/${p.id}`).sort());
  });

  it('re-import replaces the index of changed products and clears that of removed ones', async () => {
    const changed = tilburg.filter((p) => p.id !== 'T3').map((p) => (p.id === 'T1' ? { ...p, title: 'Identiteitsbewijs aanvragen', html: undefined } : p));
    await storeProducts(t, 'gemeente-tilburg', changed);
    expect(await indexed('title:paspoort')).toEqual([]);
    expect(await indexed('abstract:paspoort')).toEqual(['gemeente-tilburg/T1']);
    expect(await indexed('producthtml:tien')).toEqual([]);
    expect(await indexed('title:hondenbelasting')).toEqual([]);
    expect(await matches(t, 'title=identiteitsbewijs')).toEqual(['T1']);
    expect(await matches(t, 'hondenbelasting')).toEqual([]);
    // Pairs and the word dictionary follow the new text (a word no product has any more expands
    // to a lookup that finds nothing).
    expect(await matches(t, 'title adj "identiteitsbewijs aanvragen"')).toEqual(['T1']);
    expect(await matches(t, 'title adj "paspoort aanvragen"')).toEqual([]);
    expect(await matches(t, 'title=identiteitsb*')).toEqual(['T1']);
    expect(await matches(t, 'title=paspo*')).toEqual([]);
    expect(await matches(t, 'title=hondenb*')).toEqual([]);
    const orphans = await t.raw.select(sparql`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ${t.uris.graph('zoekindex', 'gemeente-tilburg', 'T3')} { ?s ?p ?o } }`);
    expect(Number(orphans[0]!.n!.value)).toBe(0);
  });

  it('removing all products clears every index graph of the organisation', async () => {
    await storeProducts(t, 'gemeente-tilburg', []);
    const rows = await t.raw.select(sparql`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), ${literal(`${t.uris.searchIndexGraph.value}/gemeente-tilburg/`)})) }`);
    expect(Number(rows[0]!.n!.value)).toBe(0);
  });

  it('the public SPARQL endpoint does not show index graphs', async () => {
    await storeProducts(t, 'gemeente-tilburg', tilburg);
    expect(t.uris.isSystemGraph(dictionaryGraph(t.uris).value)).toBe(true);
    const res = await t.app.request(`/sparql?query=${encodeURIComponent(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } VALUES ?p { <${STELSEL.zoekterm.value}> <${STELSEL.zoekwoord.value}> } }`)}`, { headers: { accept: 'application/sparql-results+json' } });
    expect(res.status).toBe(200);
    const json = (await res.json()) as { results: { bindings: { n: { value: string } }[] } };
    expect(json.results.bindings[0]!.n.value).toBe('0');
  });

  it('a graph without a product gets no index', () => {
    expect(indexQuads([])).toEqual([]);
  });
});
