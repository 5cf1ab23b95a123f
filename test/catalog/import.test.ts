/**
 * SC catalogue validation and import through the HTTP API: storage as RDF (one graph per product),
 * replacement of an organisation's products, all-or-nothing refusal, the extra rules, the overview,
 * authorisation and the audit trail.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, makeTestApp } from '../support/app.js';
import { TEST_BASE } from '../support/tmp.js';
import { parseScCatalogue } from '../../src/catalog/sc-xml/index.js';
import { AALSMEER, OWMS, TILBURG, catalogue, loadDemoValueLists, type P } from './support.js';
import { REPO } from './valuelists/helpers.js';

let t: Awaited<ReturnType<typeof makeTestApp>>;
let aalsmeerEditor: Record<string, string>;
let tilburgEditor: Record<string, string>;

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function issue(slug: string, roles: string[]): Promise<Record<string, string>> {
  const res = await t.app.request(`/api/organisaties/${slug}/tokens`, {
    method: 'POST',
    headers: { ...admin, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ name: `catalogus ${roles.join('+')}`, roles }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

beforeAll(async () => {
  t = await makeTestApp({ demo: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  await loadDemoValueLists(t);
  aalsmeerEditor = await issue('gemeente-aalsmeer', ['producteditor']);
  tilburgEditor = await issue('gemeente-tilburg', ['producteditor']);
});
afterAll(() => t.close());

interface Report {
  valid: boolean;
  xmlErrors: { line: number; column: number; code: string; message: string }[];
  catalogueProblems: { code: string; message: string }[];
  overview: { products: number; onlyParticulier: number; onlyOndernemer: number; both: number; withUpl: number; online: { ja: number; digid: number; nee: number }; withAanvraagUrl: number };
  products: { productID: string | null; identifier: string; title: string; audience: string[]; upl: string[]; problems: { code: string; message: string }[] }[];
}

const post = (what: 'validate' | 'import', xml: string | Uint8Array, headers: Record<string, string> = {}, type = 'application/xml') =>
  t.app.request(`/api/catalogus/${what}`, { method: 'POST', headers: { 'content-type': type, accept: 'application/json', ...headers }, body: typeof xml === 'string' ? xml : new Blob([new Uint8Array(xml)]) });

async function validate(xml: string | Uint8Array): Promise<Report> {
  const res = await post('validate', xml);
  expect(res.status).toBe(200);
  return (await res.json()) as Report;
}

const codesOf = (r: Report) => r.products.flatMap((p) => p.problems.map((x) => x.code));

/** productIDs of the stored products of an organisation. */
async function stored(slug: string): Promise<string[]> {
  const rows = await t.raw.select(`
    SELECT ?id WHERE { GRAPH ?g { ?p a <https://data.stelsel.nl/ns/stelsel#Product> ; <http://standaarden.overheid.nl/product/terms/productID> ?id }
      FILTER(STRSTARTS(STR(?g), "${TEST_BASE}/graph/product/${slug}/")) }`);
  return rows.map((r) => r.id!.value).sort();
}

const PASPOORT: [string, string] = [`${OWMS}paspoort`, 'paspoort'];
const PARKEREN: [string, string] = [`${OWMS}parkeervergunning`, 'parkeervergunning'];
const THREE: P[] = [
  { id: 'AAL-1', online: 'digid', upl: [PASPOORT] },
  { id: 'AAL-2', audience: ['particulier', 'ondernemer'], online: 'ja', upl: [PARKEREN] },
  { id: 'AAL 3/ondernemers', audience: ['ondernemer'] },
];

describe('POST /api/catalogus/validate', () => {
  it('reports a valid catalogue with the overview and stores nothing', async () => {
    const before = await t.raw.count();
    const r = await validate(catalogue(THREE));
    expect(r.valid, JSON.stringify(r)).toBe(true);
    expect(r.xmlErrors).toEqual([]);
    expect(r.overview).toEqual({ products: 3, onlyParticulier: 1, onlyOndernemer: 1, both: 1, withUpl: 2, online: { ja: 1, digid: 1, nee: 1 }, withAanvraagUrl: 2 });
    expect(r.products.map((p) => [p.productID, p.audience, p.upl])).toEqual([
      ['AAL-1', ['particulier'], ['paspoort']],
      ['AAL-2', ['particulier', 'ondernemer'], ['parkeervergunning']],
      ['AAL 3/ondernemers', ['ondernemer'], []],
    ]);
    expect(await t.raw.count()).toBe(before);
  });

  it('reports XML errors with the positions the reader gives', async () => {
    const file = path.join(REPO, 'test/fixtures/sc/invalid/mismatched-end-tag.xml');
    const bytes = readFileSync(file);
    const expected = await parseScCatalogue(bytes, { maxBytes: 1 << 20 });
    const r = await validate(bytes);
    expect(r.valid).toBe(false);
    expect(r.xmlErrors.length).toBeGreaterThan(0);
    expect(r.xmlErrors.map((e) => [e.line, e.column])).toEqual(expected.errors.map((e) => [e.line, e.column]));
    expect(r.xmlErrors[0]!.line).toBeGreaterThan(1);
  });

  it('extra rule: owmsmantel and scmeta (productID, audience, abstract, onlineAanvragen) are required', async () => {
    const r = await validate(readFileSync(path.join(REPO, 'test/fixtures/sc/valid/minimaal-alleen-owmskern.xml')));
    expect(r.xmlErrors).toEqual([]);
    expect(r.valid).toBe(false);
    expect(codesOf(r)).toEqual(expect.arrayContaining(['productid-missing', 'abstract-missing', 'audience-missing', 'onlineaanvragen-missing']));
  });

  it('refuses a body that is not XML', async () => {
    expect((await post('validate', '{}', {}, 'application/json')).status).toBe(415);
  });

  it.each<[string, P[], string]>([
    ['aanvraagURL missing when online', [{ id: 'X1', online: 'ja', aanvraagURL: null }], 'aanvraagurl-missing'],
    ['modified in the future', [{ id: 'X1', modified: '2999-01-01' }], 'modified-in-future'],
    ['audience value', [{ id: 'X1', audience: ['burger'] }], 'audience-value'],
    ['identifier twice in the catalogue', [{ id: 'X1', identifier: 'https://www.aalsmeer.nl/p' }, { id: 'X2', identifier: 'https://www.aalsmeer.nl/p' }], 'identifier-duplicate'],
    ['productID twice (per organisation)', [{ id: 'X1' }, { id: 'X1', identifier: 'https://www.aalsmeer.nl/other' }], 'productid-duplicate'],
    ['authority not in the list of its scheme', [{ id: 'X1', authority: ['overheid:Provincie', `${OWMS}Aalsmeer_(gemeente)`, 'Aalsmeer'] }], 'authority-not-in-list'],
    ['authority unknown', [{ id: 'X1', authority: ['overheid:Gemeente', `${OWMS}Atlantis_(gemeente)`, 'Atlantis'] }], 'authority-not-in-list'],
    ['authority label', [{ id: 'X1', authority: ['overheid:Gemeente', `${OWMS}Aalsmeer_(gemeente)`, 'Aalsmeerder'] }], 'authority-label'],
    ['spatial label', [{ id: 'X1', spatial: ['overheid:Gemeente', `${OWMS}Tilburg_(gemeente)`, 'Tilbrug'] }], 'spatial-label'],
    ['UPL unknown', [{ id: 'X1', upl: [[`${OWMS}vliegbrevet`, 'vliegbrevet']] }], 'upl-unknown'],
    ['UPL label', [{ id: 'X1', upl: [[`${OWMS}paspoort`, 'reisdocument']] }], 'upl-label'],
    ['two authorities in one catalogue', [{ id: 'X1' }, { id: 'X2', authority: TILBURG }], 'authority-differs'],
  ])('extra rule: %s', async (_name, products, code) => {
    const r = await validate(catalogue(products));
    expect(r.valid).toBe(false);
    expect(r.xmlErrors).toEqual([]);
    expect(codesOf(r)).toContain(code);
  });
});

describe('POST /api/catalogus/import', () => {
  it('refuses anonymous callers (401) and another organisation’s producteditor (403)', async () => {
    expect((await post('import', catalogue(THREE))).status).toBe(401);
    expect((await post('import', catalogue(THREE), tilburgEditor)).status).toBe(403);
    expect(await stored('gemeente-aalsmeer')).toEqual([]);
  });

  it('stores a valid catalogue: one graph per product, linked to organisation, lists and the original XML', async () => {
    const xml = catalogue(THREE);
    const res = await post('import', xml, aalsmeerEditor);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as Report & { organisation: string; removed: number };
    expect(body).toMatchObject({ valid: true, organisation: `${TEST_BASE}/id/organisatie/gemeente-aalsmeer`, removed: 0 });
    expect(await stored('gemeente-aalsmeer')).toEqual(['AAL 3/ondernemers', 'AAL-1', 'AAL-2']);

    const graphs = await t.raw.select(`SELECT DISTINCT ?g WHERE { GRAPH ?g { ?p a <https://data.stelsel.nl/ns/stelsel#Product> } }`);
    expect(graphs).toHaveLength(3);
    const p = `${TEST_BASE}/id/product/gemeente-aalsmeer/AAL-1`;
    const rows = await t.raw.select(`SELECT ?p ?o WHERE { GRAPH <${TEST_BASE}/graph/product/gemeente-aalsmeer/AAL-1> { <${p}> ?p ?o } }`);
    const values = (pred: string) => rows.filter((r) => r.p!.value === pred).map((r) => r.o!.value);
    expect(values('http://purl.org/dc/terms/title')).toEqual(['Product AAL-1']);
    expect(values('http://standaarden.overheid.nl/owms/terms/authority')).toEqual([AALSMEER[1]]);
    expect(values('http://standaarden.overheid.nl/product/terms/uniformeProductnaam')).toEqual([PASPOORT[0]]);
    expect(values('http://standaarden.overheid.nl/product/terms/onlineAanvragen')).toEqual(['digid']);
    expect(values('https://data.stelsel.nl/ns/stelsel#organisation')).toEqual([`${TEST_BASE}/id/organisatie/gemeente-aalsmeer`]);
    const source = values('https://data.stelsel.nl/ns/stelsel#sourceXml')[0]!;
    expect(xml).toContain(source);
    expect(source.startsWith('<overheidproduct:scproduct')).toBe(true);
    const modified = rows.find((r) => r.p!.value === 'http://purl.org/dc/terms/modified')!.o!;
    expect(modified.termType === 'Literal' && modified.datatype.value).toBe('http://www.w3.org/2001/XMLSchema#date');
  });

  it('records the import in the audit trail', async () => {
    const rows = await t.raw.select(`SELECT ?e WHERE { GRAPH <${TEST_BASE}/graph/audit> {
      ?e <https://data.stelsel.nl/ns/stelsel#action> "catalogue.import" ;
         <https://data.stelsel.nl/ns/stelsel#scope> <${TEST_BASE}/id/organisatie/gemeente-aalsmeer> } }`);
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });

  it('replaces the organisation’s products: a product no longer delivered is removed', async () => {
    const res = await post('import', catalogue(THREE.slice(0, 2)), aalsmeerEditor);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { removed: number }).removed).toBe(1);
    expect(await stored('gemeente-aalsmeer')).toEqual(['AAL-1', 'AAL-2']);
  });

  it('leaves the stored catalogue untouched when the new one is invalid (422 with the report)', async () => {
    const before = await t.raw.count();
    const bad = catalogue([{ id: 'AAL-1' }, { id: 'AAL-9', online: 'ja', aanvraagURL: null }]);
    const res = await post('import', bad, aalsmeerEditor);
    expect(res.status).toBe(422);
    const r = (await res.json()) as Report;
    expect(r.valid).toBe(false);
    expect(r.products.find((p) => p.productID === 'AAL-9')!.problems.map((p) => p.code)).toEqual(['aanvraagurl-missing']);
    expect(await t.raw.count()).toBe(before);
    expect(await stored('gemeente-aalsmeer')).toEqual(['AAL-1', 'AAL-2']);

    const broken = catalogue(THREE).replace('</overheidproduct:scproducten>', '');
    const res2 = await post('import', broken, aalsmeerEditor);
    expect(res2.status).toBe(422);
    expect(((await res2.json()) as Report).xmlErrors.length).toBeGreaterThan(0);
    expect(await t.raw.count()).toBe(before);
  });

  it('refuses an identifier another organisation already uses', async () => {
    const taken = 'https://www.aalsmeer.nl/producten/AAL-1';
    const r = await validate(catalogue([{ id: 'TIL-1', authority: TILBURG, identifier: taken }], 'tilburg'));
    expect(codesOf(r)).toContain('identifier-not-unique');
    const res = await post('import', catalogue([{ id: 'TIL-1', authority: TILBURG, identifier: taken }], 'tilburg'), tilburgEditor);
    expect(res.status).toBe(422);
    // The organisation's own products may keep their identifiers on re-import (checked above).
  });

  it('lets a catalogusbeheerder-equivalent (bootstrap) import for any organisation', async () => {
    const res = await post('import', catalogue([{ id: 'TIL-1', authority: TILBURG }], 'tilburg'), admin);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await stored('gemeente-tilburg')).toEqual(['TIL-1']);
    expect(await stored('gemeente-aalsmeer')).toEqual(['AAL-1', 'AAL-2']);
  });
});
