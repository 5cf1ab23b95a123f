/**
 * Product forms and the single-product API with real sessions and tokens: who may edit, CSRF,
 * the catalogue's rules shown next to the fields (nothing stored), the stored RDF and SC XML
 * agreeing, optimistic concurrency (409 on a stale version), delete with confirmation, UPL look-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { ADMIN_TOKEN, makeTestApp } from '../support/app.js';
import { TEST_BASE } from '../support/tmp.js';
import { sparql } from '../../src/shared/rdf/encode.js';
import { namedNode } from '../../src/shared/rdf/factory.js';
import { DCT, OVERHEIDPRODUCT, STELSEL } from '../../src/shared/rdf/vocab.js';
import { parseScCatalogue } from '../../src/catalog/sc-xml/index.js';
import { writeScCatalogue } from '../../src/catalog/sc-xml/write.js';
import { catalogue, loadDemoValueLists, OWMS, TILBURG } from './support.js';

const SECRET = 'test-session-secret-0123456789abcdef0123';
const ORG = 'gemeente-aalsmeer';
const BASE_PATH = `/beheer/catalogus/${ORG}/producten`;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

let t: Awaited<ReturnType<typeof makeTestApp>>;
let editor: string; // session cookie of the Aalsmeer producteditor
let beheerder: string; // session cookie of the catalogusbeheerder (platform)

async function login(user: string): Promise<string> {
  const res = await t.app.request('/demo/login', {
    method: 'POST',
    headers: { origin: TEST_BASE, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ user: `${TEST_BASE}/id/gebruiker/${user}` }).toString(),
  });
  expect(res.status).toBe(303);
  return res.headers.getSetCookie().find((c) => c.startsWith('stelsel_session='))!.split(';')[0]!;
}

async function token(slug: string): Promise<string> {
  const res = await t.app.request(`/api/organisaties/${slug}/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ name: 'producten', roles: ['producteditor'] }),
  });
  expect(res.status).toBe(201);
  return `Bearer ${((await res.json()) as { token: string }).token}`;
}

const page = (path: string, cookie?: string) => t.app.request(path, { headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });
const post = (path: string, fields: Record<string, string | string[]>, cookie?: string, origin: string | null = TEST_BASE) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  return t.app.request(path, {
    method: 'POST',
    headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) },
    body: body.toString(),
  });
};
const dom = async (res: Response) => new JSDOM(await res.text()).window.document;

const VALID = {
  title: 'Paspoort aanvragen',
  abstract: 'Een paspoort vraagt u aan bij de gemeente.',
  identifier: 'https://www.aalsmeer.nl/producten/paspoort-formulier',
  productID: 'FORM-1',
  audience: ['particulier'],
  onlineAanvragen: 'digid',
  aanvraagURL: 'https://www.aalsmeer.nl/aanvragen/paspoort',
  eenmaligAanmelden: '',
  contactpunt: '',
  upl: 'paspoort',
};

/** Every quad outside the audit and versions graphs, as a comparable string. */
async function snapshot(): Promise<string> {
  const rows = await t.raw.select(`SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <${TEST_BASE}/graph/audit> && ?g != <${TEST_BASE}/graph/versions>) }`);
  return rows.map((r) => `${r.g!.value} ${r.s!.value} ${r.p!.value} ${r.o!.value}`).sort().join('\n');
}

beforeAll(async () => {
  t = await makeTestApp({ demo: true, env: { DEMO: 'true', SESSION_SECRET: SECRET, RATE_LIMIT_PER_MINUTE: '100000' } });
  await loadDemoValueLists(t);
  // Tilburg already publishes a product page URL that Aalsmeer may not reuse.
  const res = await t.app.request('/api/catalogus/import', {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/xml' },
    body: catalogue([{ id: 'TIL-1', authority: TILBURG, identifier: 'https://www.tilburg.nl/producten/paspoort' }], 'tilburg'),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  editor = await login('demo-producteditor');
  beheerder = await login('demo-catalogusbeheerder');
});
afterAll(() => t?.close());

describe('who may use the forms', () => {
  it('sends anonymous visitors to the login page, and refuses their posts with 401', async () => {
    const res = await page(`${BASE_PATH}/nieuw`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`${BASE_PATH}/nieuw`)}`);
    expect((await post(`${BASE_PATH}/nieuw`, VALID)).status).toBe(401);
  });

  it("refuses a producteditor another organisation's products (403), page and post", async () => {
    expect((await page('/beheer/catalogus/gemeente-tilburg/producten/nieuw', editor)).status).toBe(403);
    const before = await snapshot();
    expect((await post('/beheer/catalogus/gemeente-tilburg/producten/nieuw', { ...VALID, productID: 'X-1' }, editor)).status).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a form post with the session cookie that does not come from this site (CSRF)', async () => {
    const before = await snapshot();
    for (const origin of [null, 'https://evil.example']) {
      const res = await post(`${BASE_PATH}/nieuw`, { ...VALID, productID: 'CSRF-1' }, editor, origin);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('cross-site');
    }
    expect(await snapshot()).toBe(before);
  });

  it('lets the catalogusbeheerder (platform role) open any organisation’s forms', async () => {
    expect((await page(`${BASE_PATH}/nieuw`, beheerder)).status).toBe(200);
    expect((await page('/beheer/catalogus/gemeente-tilburg/producten', beheerder)).status).toBe(200);
  });
});

describe('creating a product', () => {
  it('offers the UPL value list as a datalist on the UPL field', async () => {
    const doc = await dom(await page(`${BASE_PATH}/nieuw`, editor));
    const input = doc.querySelector('input[name="upl"]')!;
    const list = doc.getElementById(input.getAttribute('list')!)!;
    const names = [...list.querySelectorAll('option')].map((o) => o.getAttribute('value'));
    expect(names).toContain('paspoort');
    expect(names).toContain('UPL-naam nog niet beschikbaar');
    expect(names.length).toBeGreaterThan(20);
  });

  it('shows every problem next to its field (422) and stores nothing', async () => {
    const before = await snapshot();
    const res = await post(
      `${BASE_PATH}/nieuw`,
      { ...VALID, identifier: 'https://www.tilburg.nl/producten/paspoort', onlineAanvragen: 'ja', aanvraagURL: '', upl: 'paspoort bestaat niet', audience: [], abstract: ' ' },
      editor,
    );
    expect(res.status).toBe(422);
    const doc = await dom(res);
    const next = (field: string) => doc.getElementById(`fout-${field}`)?.textContent ?? '';
    expect(next('upl')).toContain('niet op de Uniforme Productnamenlijst');
    expect(next('audience')).toContain('doelgroep');
    expect(next('abstract')).toContain('samenvatting');
    expect(doc.querySelector('#f-upl')?.getAttribute('aria-invalid')).toBe('true');
    // The fields keep what was typed.
    expect(doc.querySelector<HTMLInputElement>('#f-upl')?.value).toBe('paspoort bestaat niet');
    expect(await snapshot()).toBe(before);

    // With the form-level problems fixed, the catalogue's own rules speak.
    const rules = await post(`${BASE_PATH}/nieuw`, { ...VALID, identifier: 'https://www.tilburg.nl/producten/paspoort', onlineAanvragen: 'ja', aanvraagURL: '' }, editor);
    expect(rules.status).toBe(422);
    const rdoc = await dom(rules);
    expect(rdoc.getElementById('fout-identifier')?.textContent).toContain('andere organisatie');
    expect(rdoc.getElementById('fout-aanvraagURL')?.textContent).toContain('verplicht');
    expect(await snapshot()).toBe(before);
  });

  it('stores a valid product (RDF and SC XML agreeing, modified today, audited) and shows its page', async () => {
    const res = await post(`${BASE_PATH}/nieuw`, VALID, editor);
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toBe(`/doc/product/${ORG}/FORM-1`);
    const doc = await dom(await page(`/doc/product/${ORG}/FORM-1`, editor));
    expect(doc.querySelector('h1')?.textContent).toBe(VALID.title);
    expect(doc.querySelector('a[property="overheidproduct:uniformeProductnaam"]')?.getAttribute('href')).toBe(`${OWMS}paspoort`);
    expect(doc.querySelector(`a[href="${BASE_PATH}/FORM-1/bewerken"]`)).not.toBeNull(); // the editor gets an edit link

    const iri = namedNode(`${TEST_BASE}/id/product/${ORG}/FORM-1`);
    const rows = await t.store.select(sparql`SELECT ?x ?m ?u WHERE { GRAPH ?g { ${iri} ${STELSEL.sourceXml} ?x ; ${DCT.modified} ?m ; ${OVERHEIDPRODUCT.uniformeProductnaam} ?u } }`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.m!.value).toBe(today);
    expect(rows[0]!.u!.value).toBe(`${OWMS}paspoort`);
    const reread = await parseScCatalogue(writeScCatalogue([rows[0]!.x!.value]), { maxBytes: 1e6 });
    expect(reread.errors).toEqual([]);
    expect(reread.products[0]).toMatchObject({
      title: VALID.title, abstract: VALID.abstract, identifier: VALID.identifier, productID: 'FORM-1', audience: ['particulier'], onlineAanvragen: 'digid',
      aanvraagURL: VALID.aanvraagURL, modified: today, authority: { resourceIdentifier: `${OWMS}Aalsmeer_(gemeente)`, label: 'Aalsmeer' },
      spatial: [{ resourceIdentifier: `${OWMS}Aalsmeer_(gemeente)`, label: 'Aalsmeer' }], uniformeProductnaam: [{ resourceIdentifier: `${OWMS}paspoort`, label: 'paspoort' }],
    });
    const audit = await t.store.select(sparql`SELECT ?a WHERE { GRAPH ${t.uris.auditGraph} { ?e ${STELSEL.action} ?a ; ${STELSEL.resource} ${iri} } }`);
    expect(audit.map((r) => r.a!.value)).toEqual(['catalogue.product.create']);

    // The published SC catalogue carries it, readable by the SC reader.
    const sc = await t.app.request(`/catalogi/${ORG}/sc.xml`);
    expect(sc.status).toBe(200);
    const published = await parseScCatalogue(new Uint8Array(await sc.arrayBuffer()), { maxBytes: 1e7 });
    expect(published.errors).toEqual([]);
    expect(published.products.find((p) => p.productID === 'FORM-1')?.title).toBe(VALID.title);

    // It is in the organisation's lists.
    expect(await (await page(`/catalogi/${ORG}`)).text()).toContain(VALID.title);
    expect(await (await page(BASE_PATH, editor)).text()).toContain(`${BASE_PATH}/FORM-1/bewerken`);
  });

  it('refuses a second product with the same productID', async () => {
    const before = await snapshot();
    const res = await post(`${BASE_PATH}/nieuw`, { ...VALID, identifier: 'https://www.aalsmeer.nl/producten/ander' }, editor);
    expect(res.status).toBe(422);
    expect((await dom(res)).getElementById('fout-productID')?.textContent).toContain('al een product met deze productID');
    expect(await snapshot()).toBe(before);
  });
});

describe('editing and deleting', () => {
  const EDIT = `${BASE_PATH}/FORM-1/bewerken`;
  const versionOf = async (path: string, cookie = editor) => (await dom(await page(path, cookie))).querySelector<HTMLInputElement>('input[name="version"]')!.value;

  it('loads the stored fields into the form, saves a change, and refuses a stale form with 409', async () => {
    const doc = await dom(await page(EDIT, editor));
    expect(doc.querySelector<HTMLInputElement>('#f-title')?.value).toBe(VALID.title);
    expect(doc.querySelector<HTMLInputElement>('#f-upl')?.value).toBe('paspoort');
    expect(doc.querySelector('#f-productID')).toBeNull(); // fixed once created
    const version = doc.querySelector<HTMLInputElement>('input[name="version"]')!.value;

    const saved = await post(EDIT, { ...VALID, version, title: 'Paspoort of identiteitskaart', upl: 'identiteitskaart' }, editor);
    expect(saved.status).toBe(303);
    expect((await dom(await page(`/doc/product/${ORG}/FORM-1`))).querySelector('h1')?.textContent).toBe('Paspoort of identiteitskaart');

    // A second editor (the catalogusbeheerder) still has the old form.
    const before = await snapshot();
    const stale = await post(EDIT, { ...VALID, version, title: 'Oude versie' }, beheerder);
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Iemand anders heeft');
    expect(await snapshot()).toBe(before);
  });

  it('detects a change made by a catalogue import in between', async () => {
    const version = await versionOf(EDIT);
    const xml = catalogue([{ id: 'FORM-1', title: 'Uit de import', identifier: VALID.identifier, online: 'nee' }]);
    const imp = await t.app.request('/api/catalogus/import', { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/xml' }, body: xml });
    expect(imp.status).toBe(200);
    expect((await post(EDIT, { ...VALID, version }, editor)).status).toBe(409);
  });

  it('deletes after confirmation, guarded by the version', async () => {
    const confirm = await page(`${BASE_PATH}/FORM-1/verwijderen`, editor);
    expect(confirm.status).toBe(200);
    const version = (await dom(confirm)).querySelector<HTMLInputElement>('input[name="version"]')!.value;
    expect((await post(`${BASE_PATH}/FORM-1/verwijderen`, { version: '0-0000000000000000' }, editor)).status).toBe(409);
    const res = await post(`${BASE_PATH}/FORM-1/verwijderen`, { version }, editor);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(BASE_PATH);
    expect((await page(`/doc/product/${ORG}/FORM-1`)).status).toBe(404);
    expect((await page(EDIT, editor)).status).toBe(404);
  });

  it('keeps what the form does not show: subjects, further UPL names, related products, productHTML', async () => {
    const html = '<p xmlns="http://www.w3.org/1999/xhtml">Met <em>pasfoto</em>.</p>';
    const xml = catalogue([{ id: 'KEEP-1', upl: [[`${OWMS}paspoort`, 'paspoort'], [`${OWMS}identiteitskaart`, 'identiteitskaart']] }])
      .replace('<dcterms:abstract>', '<dcterms:subject>reisdocumenten</dcterms:subject>\n        <dcterms:abstract>')
      .replace('</overheidproduct:scmeta>', `<overheidproduct:gerelateerdProduct scheme="overheid:UniformeProductnaam" resourceIdentifier="${OWMS}rijbewijs">rijbewijs</overheidproduct:gerelateerdProduct></overheidproduct:scmeta>`)
      .replace('<overheidproduct:body/>', `<overheidproduct:body><overheidproduct:productHTML>${html}</overheidproduct:productHTML></overheidproduct:body>`);
    const imp = await t.app.request('/api/catalogus/import', { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/xml' }, body: xml });
    expect(imp.status, await imp.clone().text()).toBe(200);
    const edit = `${BASE_PATH}/KEEP-1/bewerken`;
    const doc = await dom(await page(edit, editor));
    const field = (name: string) => doc.querySelector<HTMLInputElement>(`[name="${name}"]`)!.value;
    const res = await post(
      edit,
      { version: field('version'), title: 'Nieuwe titel', abstract: field('abstract'), identifier: field('identifier'), audience: ['particulier', 'ondernemer'], onlineAanvragen: 'nee', upl: field('upl') },
      editor,
    );
    expect(res.status, await res.clone().text()).toBe(303);
    const iri = namedNode(`${TEST_BASE}/id/product/${ORG}/KEEP-1`);
    const rows = await t.store.select(sparql`SELECT ?x WHERE { GRAPH ?g { ${iri} ${STELSEL.sourceXml} ?x } }`);
    const p = (await parseScCatalogue(writeScCatalogue([rows[0]!.x!.value]), { maxBytes: 1e6 })).products[0]!;
    expect(p).toMatchObject({
      title: 'Nieuwe titel', subject: ['reisdocumenten'], audience: ['particulier', 'ondernemer'], productHTML: html,
      uniformeProductnaam: [{ resourceIdentifier: `${OWMS}paspoort`, label: 'paspoort' }, { resourceIdentifier: `${OWMS}identiteitskaart`, label: 'identiteitskaart' }],
      gerelateerdProduct: [{ resourceIdentifier: `${OWMS}rijbewijs`, label: 'rijbewijs' }],
    });
  });
});

describe('the single-product API and the UPL look-up', () => {
  const API = `/api/catalogus/producten/${ORG}/API-1`;
  const body = { ...VALID, productID: 'API-1', identifier: 'https://www.aalsmeer.nl/producten/api-1', upl: 'rijbewijs' };

  it('creates, reads (ETag), changes with If-Match, refuses stale and foreign writes, deletes', async () => {
    const aalsmeer = await token(ORG);
    const tilburg = await token('gemeente-tilburg');
    const put = (auth: string, b: unknown, ifMatch?: string) =>
      t.app.request(API, { method: 'PUT', headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json', ...(ifMatch ? { 'if-match': ifMatch } : {}) }, body: JSON.stringify(b) });

    expect((await put(tilburg, body)).status).toBe(403);
    const bad = await put(aalsmeer, { ...body, onlineAanvragen: 'ja', aanvraagURL: '' });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { details: { problems: { field: string; code: string }[] } } }).error.details.problems).toContainEqual(expect.objectContaining({ field: 'aanvraagURL', code: 'aanvraagurl-missing' }));
    expect((await put(aalsmeer, { ...body, productID: 'ANDERS' })).status).toBe(400);
    const control = await put(aalsmeer, { ...body, title: 'Rijbewijs\u0001' });
    expect(control.status).toBe(422);
    expect(((await control.json()) as { error: { details: { problems: { field: string }[] } } }).error.details.problems.map((p) => p.field)).toEqual(['title']);

    const created = await put(aalsmeer, body);
    expect(created.status, await created.clone().text()).toBe(201);
    const etag = created.headers.get('etag')!;
    expect(((await created.json()) as { upl: string }).upl).toBe('rijbewijs');
    const got = await t.app.request(API, { headers: { accept: 'application/json' } });
    expect(got.headers.get('etag')).toBe(etag);

    const changed = await put(aalsmeer, { ...body, title: 'Rijbewijs verlengen' }, etag);
    expect(changed.status).toBe(200);
    expect((await put(aalsmeer, { ...body, title: 'Te laat' }, etag)).status).toBe(409);

    const del = (auth: string, ifMatch?: string) => t.app.request(API, { method: 'DELETE', headers: { authorization: auth, ...(ifMatch ? { 'if-match': ifMatch } : {}) } });
    expect((await del(tilburg)).status).toBe(403);
    expect((await del(aalsmeer, etag)).status).toBe(409);
    expect((await del(aalsmeer, changed.headers.get('etag')!)).status).toBe(204);
    expect((await t.app.request(API, { headers: { accept: 'application/json' } })).status).toBe(404);
  });

  it('looks up UPL names by part of the name', async () => {
    const res = await t.app.request('/api/waardelijsten/upl?q=PAS');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ iri: `${OWMS}paspoort`, label: 'paspoort' }]);
    expect(((await (await t.app.request('/api/waardelijsten/upl?q=vergunning&limit=2')).json()) as unknown[]).length).toBe(2);
    expect((await t.app.request('/api/waardelijsten/upl?limit=0')).status).toBe(400);
  });
});
