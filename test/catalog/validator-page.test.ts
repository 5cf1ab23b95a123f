/**
 * The catalogue validator page (GET/POST /catalogus/validator) and the link check API, through
 * the whole app: uploads (multipart), URL mode against a real HTTP server on 127.0.0.1, the link
 * check, escaping of hostile catalogue content, the CSRF rule and the SSRF rule.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/app.js';
import { TEST_BASE } from '../support/tmp.js';
import { catalogue, loadDemoValueLists } from './support.js';
import { REPO } from './valuelists/helpers.js';

let t: Awaited<ReturnType<typeof makeTestApp>>;
let server: http.Server;
let base: string;
const served = new Map<string, { type: string; body: string }>();

const demo = (name: string) => readFileSync(path.join(REPO, 'data/demo/catalogi', name), 'utf8');

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    const hit = served.get(p);
    if (p === '/pagina/ok') return res.end('<p>ok</p>');
    if (!hit) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': hit.type }).end(req.method === 'HEAD' ? undefined : hit.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await makeTestApp({
    demo: true,
    env: { RATE_LIMIT_PER_MINUTE: '100000', HARVEST_ALLOW_PRIVATE_ADDRESSES: 'true', LINKCHECK_MAX_LINKS: '3', LINKCHECK_TIMEOUT_MS: '2000' },
  });
  await loadDemoValueLists(t);
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  await t.close();
});

function upload(xml: string, name = 'catalogus.xml', extra: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.set('bestand', new File([xml], name, { type: 'application/xml' }));
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  return t.app.request('/catalogus/validator', { method: 'POST', body: form, headers });
}

function byUrl(url: string, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.set('url', url);
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  return t.app.request('/catalogus/validator', { method: 'POST', body: form });
}

const dom = async (res: Response) => new JSDOM(await res.text()).window.document;

async function jsonReport(xml: string) {
  const res = await t.app.request('/api/catalogus/validate', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    valid: boolean;
    overview: { products: number; onlyParticulier: number; onlyOndernemer: number; both: number; withUpl: number; online: { ja: number; digid: number; nee: number }; withAanvraagUrl: number };
    products: { productID: string | null; line: number; title: string; problems: { code: string; message: string }[] }[];
  };
}

const counts = (doc: Document) =>
  Object.fromEntries([...doc.querySelectorAll('td[data-count]')].map((td) => [td.getAttribute('data-count'), Number(td.textContent)]));

describe('GET /catalogus/validator', () => {
  it('shows the form: a file field, a URL field and the link check with its limit', async () => {
    const res = await t.app.request('/catalogus/validator');
    expect(res.status).toBe(200);
    const doc = await dom(res);
    const form = doc.querySelector('form.validator')!;
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('enctype')).toBe('multipart/form-data');
    expect(form.querySelector('input[type=file][name=bestand]')).not.toBeNull();
    expect(form.querySelector('input[type=url][name=url]')).not.toBeNull();
    expect(form.textContent).toContain('hoogstens 3 links');
    expect(doc.querySelector('#resultaat')).toBeNull();
  });
});

describe('POST /catalogus/validator', () => {
  it('shows every problem of fouten.xml with the line of its product, as the JSON API reports them', async () => {
    const xml = demo('fouten.xml');
    const api = await jsonReport(xml);
    expect(api.valid).toBe(false);
    const res = await upload(xml, 'fouten.xml');
    expect(res.status).toBe(200);
    const doc = await dom(res);
    expect(doc.querySelector('.verdict')!.textContent).toBe('De catalogus is niet geldig: fouten.xml');
    const rows = [...doc.querySelectorAll('#producten tbody tr')];
    expect(rows).toHaveLength(api.products.length);
    api.products.forEach((p, i) => {
      const cells = rows[i]!.querySelectorAll('td');
      expect(Number(cells[0]!.textContent)).toBe(p.line);
      expect(cells[2]!.textContent).toBe(p.productID ?? '—');
      const shown = [...cells[5]!.querySelectorAll('li')].map((li) => li.textContent);
      expect(shown).toEqual(p.problems.map((x) => `${x.code}: ${x.message}`));
    });
    expect(api.products.flatMap((p) => p.problems).length).toBeGreaterThan(4);
    expect(api.products.every((p) => p.line > 1)).toBe(true);
    expect(doc.querySelector('#linkcontrole')!.textContent).toContain('niet gecontroleerd');
  });

  it('shows the overview of a valid catalogue with the counts of the JSON API, and the products with audience and UPL names', async () => {
    const xml = demo('aalsmeer.xml');
    const api = await jsonReport(xml);
    expect(api.valid).toBe(true);
    const doc = await dom(await upload(xml, 'aalsmeer.xml'));
    expect(doc.querySelector('.verdict')!.textContent).toContain('De catalogus is geldig');
    const o = api.overview;
    expect(counts(doc)).toEqual({
      Producten: o.products,
      'Alleen particulier': o.onlyParticulier,
      'Alleen ondernemer': o.onlyOndernemer,
      'Particulier en ondernemer': o.both,
      'Met uniforme productnaam': o.withUpl,
      'Online aanvragen: ja': o.online.ja,
      'Online aanvragen: digid': o.online.digid,
      'Online aanvragen: nee': o.online.nee,
      'Met aanvraag-URL': o.withAanvraagUrl,
    });
    const rows = [...doc.querySelectorAll('#producten tbody tr')];
    expect(rows).toHaveLength(o.products);
    const audiences = rows.map((r) => r.querySelectorAll('td')[3]!.textContent);
    expect(audiences.some((a) => a === 'particulier, ondernemer')).toBe(true);
    expect(rows.some((r) => /\w/.test(r.querySelectorAll('td')[4]!.textContent ?? '') && r.querySelectorAll('td')[4]!.textContent !== '—')).toBe(true);
  });

  it('shows XML errors with line and column', async () => {
    const broken = '<?xml version="1.0" encoding="UTF-8"?>\n<overheidproduct:scproducten xmlns:overheidproduct="http://standaarden.overheid.nl/product/terms/">\n  <oops>\n</overheidproduct:scproducten>\n';
    const doc = await dom(await upload(broken));
    const first = doc.querySelector('#xml-fouten tbody tr td')!.textContent!;
    expect(first).toMatch(/^\d+:\d+$/);
    expect(Number(first.split(':')[0])).toBeGreaterThanOrEqual(3);
    expect(doc.querySelector('.verdict')!.textContent).toContain('niet geldig');
  });

  it('escapes hostile content and links only http(s) URLs', async () => {
    const xml = catalogue([{ id: 'X-1', title: '<script>alert("t")</script><img src=x onerror=alert(1)>', identifier: 'javascript:alert(1)' }]);
    const res = await upload(xml, '<b>naam</b>.xml');
    const body = await res.text();
    expect(body).not.toContain('<script>alert');
    expect(body).not.toContain('<img src=x');
    expect(body).not.toContain('<b>naam');
    expect(body).toContain('&lt;script&gt;alert');
    const doc = new JSDOM(body).window.document;
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect([...doc.querySelectorAll('a')].some((a) => (a.getAttribute('href') ?? '').startsWith('javascript:'))).toBe(false);
    expect(doc.querySelector('#producten tbody td:nth-child(2)')!.textContent).toContain('<script>alert("t")</script>');
  });

  it('fetches a catalogue by URL and checks its product pages, at most LINKCHECK_MAX_LINKS', async () => {
    const xml = catalogue([
      { id: 'L-1', identifier: `${base}/pagina/ok` },
      { id: 'L-2', identifier: `${base}/pagina/weg` },
      { id: 'L-3', identifier: `${base}/pagina/ok?x=3` },
      { id: 'L-4', identifier: `${base}/pagina/ok?x=4` },
    ]);
    served.set('/cat.xml', { type: 'application/xml; charset=utf-8', body: xml });
    const res = await byUrl(`${base}/cat.xml`, { links: '1' });
    expect(res.status).toBe(200);
    const doc = await dom(res);
    expect(doc.querySelector('.verdict')!.textContent).toContain(`${base}/cat.xml`);
    expect(counts(doc).Producten).toBe(4);
    const section = doc.querySelector('#linkcontrole')!;
    expect(section.textContent).toContain("3 van de 4 productpagina's gecontroleerd (hoogstens 3 per validatie");
    expect(section.textContent).toContain("1 productpagina's zijn niet gecontroleerd");
    const outcomes = [...section.querySelectorAll('tbody tr')].map((r) => [r.querySelector('a')!.getAttribute('href'), r.getAttribute('data-outcome'), r.querySelectorAll('td')[2]!.textContent]);
    expect(outcomes).toEqual([
      [`${base}/pagina/ok`, 'ok', '200'],
      [`${base}/pagina/weg`, 'client-error', '404'],
      [`${base}/pagina/ok?x=3`, 'ok', '200'],
    ]);
  });

  it('says why a URL could not be fetched (the harvest prerequisites), with the form filled in', async () => {
    served.set('/plain.txt', { type: 'text/plain', body: 'geen xml' });
    const res = await byUrl(`${base}/plain.txt`);
    expect(res.status).toBe(422);
    const doc = await dom(res);
    expect(doc.querySelector('#probleem')!.textContent).toMatch(/kon niet worden opgehaald: .*text\/plain/);
    expect(doc.querySelector<HTMLInputElement>('input[name=url]')!.getAttribute('value')).toBe(`${base}/plain.txt`);
  });

  it('asks for a file or a URL when neither is given', async () => {
    const res = await t.app.request('/catalogus/validator', { method: 'POST', body: new FormData() });
    expect(res.status).toBe(400);
    expect((await dom(res)).querySelector('#probleem')!.textContent).toBe('Kies een bestand of geef de URL van een catalogus.');
  });

  it('keeps the CSRF rule: with the session cookie only same-site posts are accepted', async () => {
    const cookie = { cookie: 'stelsel_session=x' };
    const xml = demo('aalsmeer.xml');
    expect((await upload(xml, 'a.xml', {}, { ...cookie, origin: 'https://evil.example' })).status).toBe(403);
    expect((await upload(xml, 'a.xml', {}, { ...cookie, origin: TEST_BASE })).status).toBe(200);
    expect((await upload(xml, 'a.xml', {}, { origin: 'https://evil.example' })).status).toBe(200); // no ambient credential
  });
});

describe('POST /api/catalogus/linkcheck', () => {
  it('answers the link check as JSON', async () => {
    const xml = catalogue([{ id: 'J-1', identifier: `${base}/pagina/ok` }, { id: 'J-2', identifier: `${base}/pagina/weg` }]);
    const res = await t.app.request('/api/catalogus/linkcheck', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; checked: number; limit: number; counts: Record<string, number>; results: { url: string; outcome: string; status: number }[]; xmlErrors: unknown[] };
    expect(body).toMatchObject({ total: 2, checked: 2, limit: 3, xmlErrors: [] });
    expect(body.counts).toMatchObject({ ok: 1, 'client-error': 1 });
    expect(body.results.map((r) => [r.url, r.outcome, r.status])).toEqual([[`${base}/pagina/ok`, 'ok', 200], [`${base}/pagina/weg`, 'client-error', 404]]);
  });

  it('refuses other content types', async () => {
    const res = await t.app.request('/api/catalogus/linkcheck', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: '{}' });
    expect(res.status).toBe(415);
  });
});

describe('without HARVEST_ALLOW_PRIVATE_ADDRESSES', () => {
  it('refuses to fetch a catalogue or check links on loopback addresses', async () => {
    const strict = await makeTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    try {
      const form = new FormData();
      form.set('url', `${base}/cat.xml`);
      const res = await strict.app.request('/catalogus/validator', { method: 'POST', body: form });
      expect(res.status).toBe(422);
      expect((await dom(res)).querySelector('#probleem')!.textContent).toMatch(/loopback, private or reserved/);

      const xml = catalogue([{ id: 'S-1', identifier: `${base}/pagina/ok` }]);
      const api = await strict.app.request('/api/catalogus/linkcheck', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml });
      const body = (await api.json()) as { results: { outcome: string }[] };
      expect(body.results.map((r) => r.outcome)).toEqual(['refused']);
    } finally {
      await strict.close();
    }
  });
});
