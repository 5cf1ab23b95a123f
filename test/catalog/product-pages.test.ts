/**
 * Product pages: the catalogue overview pages, and the product page at the product IRI (303 from
 * /id/, a dedicated HTML+RDFa view whose RDFa is exactly the Turtle, other formats, hostile text
 * and productHTML never becoming markup, 404 for what does not exist).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { ADMIN_TOKEN, makeTestApp } from '../support/app.js';
import { TEST_BASE } from '../support/tmp.js';
import { hasBlankNodes, lines, rdfaLblod, rdfaStreaming, turtle } from '../linked-data/rdfa-support.js';
import { loadDemoValueLists, OWMS } from './support.js';

let t: Awaited<ReturnType<typeof makeTestApp>>;

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const HOSTILE_TITLE = '<script>alert("t")</script> Paspoort & "ID" </title>';
const HOSTILE_ABSTRACT = 'Aanvragen <img src=x onerror=alert(1)> bij de balie';
const PRODUCT_HTML =
  '<p xmlns="http://www.w3.org/1999/xhtml" onclick="alert(2)" property="dct:creator">Neem <strong>een pasfoto</strong> mee. <a href="javascript:alert(3)">klik</a> <a href="https://www.aalsmeer.nl/balie" rel="license">balie</a></p>' +
  '<script xmlns="http://www.w3.org/1999/xhtml">alert(4)</script><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/"></iframe>' +
  '<ul xmlns="http://www.w3.org/1999/xhtml"><li>Kosten: € 77,<span style="color:red">85</span></li></ul>';

function catalogueXml(): string {
  const product = (id: string, title: string, upl: [string, string], extra: string, body: string) => `
  <overheidproduct:scproduct owms-version="4.0">
    <overheidproduct:meta>
      <overheidproduct:owmskern>
        <dcterms:identifier>https://www.aalsmeer.nl/producten/${id}</dcterms:identifier>
        <dcterms:title>${xml(title)}</dcterms:title>
        <dcterms:language>nl</dcterms:language>
        <dcterms:type scheme="overheid:Informatietype">productbeschrijving</dcterms:type>
        <dcterms:modified>2024-03-18</dcterms:modified>
        <dcterms:spatial scheme="overheid:Gemeente" resourceIdentifier="${OWMS}Aalsmeer_(gemeente)">Aalsmeer</dcterms:spatial>
        <overheid:authority scheme="overheid:Gemeente" resourceIdentifier="${OWMS}Aalsmeer_(gemeente)">Aalsmeer</overheid:authority>
      </overheidproduct:owmskern>
      <overheidproduct:owmsmantel>
        <dcterms:audience scheme="overheid:Doelgroep">particulier</dcterms:audience>
        <dcterms:subject>reizen</dcterms:subject>
        <dcterms:abstract>${xml(HOSTILE_ABSTRACT)}</dcterms:abstract>
      </overheidproduct:owmsmantel>
      <overheidproduct:scmeta>
        <overheidproduct:productID>${id}</overheidproduct:productID>
        ${extra}
        <overheidproduct:uniformeProductnaam scheme="overheid:UniformeProductnaam" resourceIdentifier="${upl[0]}">${upl[1]}</overheidproduct:uniformeProductnaam>
      </overheidproduct:scmeta>
    </overheidproduct:meta>
    ${body}
  </overheidproduct:scproduct>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<overheidproduct:scproducten xmlns:overheidproduct="http://standaarden.overheid.nl/product/terms/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:overheid="http://standaarden.overheid.nl/owms/terms/">${product(
    'AAL-1',
    HOSTILE_TITLE,
    [`${OWMS}paspoort`, 'paspoort'],
    '<overheidproduct:onlineAanvragen>digid</overheidproduct:onlineAanvragen><overheidproduct:aanvraagURL resourceIdentifier="https://www.aalsmeer.nl/aanvragen/paspoort"/>',
    `<overheidproduct:body><overheidproduct:productHTML>${PRODUCT_HTML}</overheidproduct:productHTML></overheidproduct:body>`,
  )}${product('AAL-2', 'Hondenbelasting', [`${OWMS}hondenbelasting`, 'hondenbelasting'], '<overheidproduct:onlineAanvragen>nee</overheidproduct:onlineAanvragen>', '<overheidproduct:body/>')}
</overheidproduct:scproducten>
`;
}

beforeAll(async () => {
  t = await makeTestApp({ demo: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  await loadDemoValueLists(t);
  const res = await t.app.request('/api/catalogus/import', {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/xml', accept: 'application/json' },
    body: catalogueXml(),
  });
  expect(res.status, await res.clone().text()).toBe(200);
});
afterAll(() => t?.close());

const get = (path: string, accept = 'text/html') => t.app.request(path, { headers: { accept } });
const PAGE = '/doc/product/gemeente-aalsmeer/AAL-1';

describe('public catalogue pages', () => {
  it('/catalogi lists the organisations with products and their counts', async () => {
    const res = await get('/catalogi');
    expect(res.status).toBe(200);
    const doc = new JSDOM(await res.text()).window.document;
    const row = [...doc.querySelectorAll('tbody tr')].find((r) => r.textContent?.includes('Aalsmeer'));
    expect(row?.querySelector('a')?.getAttribute('href')).toBe('/catalogi/gemeente-aalsmeer');
    expect(row?.querySelectorAll('td')[1]?.textContent).toBe('2');
    expect(doc.body.textContent).not.toContain('Tilburg'); // no products there
  });

  it("/catalogi/{org} shows each product's title, UPL name, audience, online and date, linked to its page", async () => {
    const res = await get('/catalogi/gemeente-aalsmeer');
    expect(res.status).toBe(200);
    const doc = new JSDOM(await res.text()).window.document;
    const rows = [...doc.querySelectorAll('table.products tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      [HOSTILE_TITLE, 'paspoort', 'particulier', 'ja, met DigiD', '18 maart 2024'],
      ['Hondenbelasting', 'hondenbelasting', 'particulier', 'nee', '18 maart 2024'],
    ]);
    expect(doc.querySelector('table.products a')?.getAttribute('href')).toBe(PAGE);
    expect(doc.querySelector('a[href="/catalogi/gemeente-aalsmeer/sc.xml"]')).not.toBeNull();
    expect(doc.querySelector('script')).toBeNull();
  });

  it('are documented in the OpenAPI document with their path parameters', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const p of ['/catalogi', '/catalogi/{org}', '/beheer/catalogus/{org}/producten/{key}/bewerken', '/api/catalogus/producten/{org}/{key}', '/api/waardelijsten/upl']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });

  it('answers 404 for an unknown organisation and leaves other paths alone', async () => {
    expect((await get('/catalogi/onbekend')).status).toBe(404);
    expect((await get('/catalogi/Gemeente_Aalsmeer')).status).toBe(404);
  });
});

describe('the product page', () => {
  it('/id/product/{org}/{key} answers 303 to the document; RDF formats to their representations', async () => {
    const res = await get('/id/product/gemeente-aalsmeer/AAL-1');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(PAGE);
    const ttl = await get('/id/product/gemeente-aalsmeer/AAL-1', 'text/turtle');
    expect(ttl.headers.get('location')).toBe(`${PAGE}.ttl`);
  });

  it('shows the SC fields with value-list names, links to the UPL concept, the formats and the SC XML', async () => {
    const res = await get(PAGE);
    expect(res.status).toBe(200);
    const doc = new JSDOM(await res.text()).window.document;
    expect(doc.querySelector('h1')?.textContent).toBe(HOSTILE_TITLE);
    expect(doc.querySelector('.abstract')?.textContent).toBe(HOSTILE_ABSTRACT);
    const facts = Object.fromEntries([...doc.querySelectorAll('dl.facts dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent?.trim()]));
    expect(facts).toMatchObject({ Doelgroep: 'particulier', 'Uniforme productnaam': 'paspoort', 'Bevoegd gezag': 'Aalsmeer', Gebied: 'Aalsmeer', 'Online aanvragen': 'digid', 'Laatst gewijzigd': '18 maart 2024' });
    expect(doc.querySelector(`a[property="overheidproduct:uniformeProductnaam"]`)?.getAttribute('href')).toBe(`${OWMS}paspoort`);
    expect(doc.querySelector('a[href="https://www.aalsmeer.nl/aanvragen/paspoort"]')?.textContent).toBe('aanvragen');
    expect(doc.querySelector('a[property="stelsel:organisation"]')?.textContent).toBe('Gemeente Aalsmeer');
    for (const suffix of ['.ttl', '.jsonld']) expect(doc.querySelector(`a[href="${PAGE}${suffix}"]`)).not.toBeNull();
    expect(doc.querySelector('a[href="/catalogi/gemeente-aalsmeer/sc.xml"]')).not.toBeNull();
    // Anonymous visitors get no edit link.
    expect(doc.querySelector('a[href$="/bewerken"]')).toBeNull();
  });

  it('never lets catalogue text become markup: hostile text is escaped, productHTML is rebuilt from an allow-list', async () => {
    const html = await (await get(PAGE)).text();
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelectorAll('script, iframe, img, [onclick], [onerror], [style]')).toHaveLength(0);
    // The hostile strings are there only as escaped text (in the content attribute and the SC XML).
    expect(html).not.toMatch(/<script|<img|<iframe|href="javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;t&quot;)');
    const desc = doc.querySelector('.product-html div[property="overheidproduct:productHTML"]')!;
    expect(desc.getAttribute('content')).toBe(PRODUCT_HTML); // the literal, exactly
    expect(desc.querySelector('p strong')?.textContent).toBe('een pasfoto');
    expect(desc.querySelector('li')?.textContent).toBe('Kosten: € 77,85');
    // Links: only http(s) targets survive, without any attribute of the source (no rel, no property).
    const links = [...desc.querySelectorAll('a')];
    expect(links.map((a) => [a.getAttribute('href'), a.textContent, a.attributes.length])).toEqual([['https://www.aalsmeer.nl/balie', 'balie', 1]]);
    expect(desc.textContent).toContain('klik'); // the unsafe link's text stays, as text
    expect(desc.textContent).not.toContain('alert(4)'); // script content is dropped
    expect(desc.querySelectorAll('[property], [rel], [about], [typeof]')).toHaveLength(0);
  });

  it('its RDFa states exactly the Turtle triples (two processors)', async () => {
    const pageUrl = `${TEST_BASE}${PAGE}`;
    const html = await (await get(PAGE)).text();
    const ttlUrl = `${pageUrl}.ttl`;
    const want = lines(turtle(await (await get(`${PAGE}.ttl`, 'text/turtle')).text(), ttlUrl));
    expect(want.length).toBeGreaterThan(15);
    expect(want.some((l) => l.includes('productHTML'))).toBe(true);
    expect(lines(await rdfaStreaming(html, pageUrl))).toEqual(want);
    const lblod = rdfaLblod(html, pageUrl);
    expect(hasBlankNodes(lblod)).toBe(false);
    expect(lines(lblod)).toEqual(want);
  });

  it('offers JSON-LD with the same product', async () => {
    const res = await get(`${PAGE}.jsonld`, 'application/ld+json');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('AAL-1');
  });

  it('answers 404 for an unknown product', async () => {
    expect((await get('/doc/product/gemeente-aalsmeer/AAL-99')).status).toBe(404);
    expect((await get('/id/product/gemeente-aalsmeer/AAL-99')).status).toBe(404);
  });

  it('leaves other things with the generic page', async () => {
    const res = await get('/doc/organisatie/gemeente-aalsmeer');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('class="properties"');
  });
});
