/**
 * Real browser: a catalogusbeheerder logs in (demo login), adds a harvest source with the form,
 * harvests it now and reads the history; the forms pass the CSRF check as a browser sends them.
 * Headless Chromium (Debian package, driven by playwright-core) against the whole app on
 * 127.0.0.1, and a second local server serving the catalogue. Skipped when Chromium is not
 * installed, unless REQUIRE_CHROMIUM=1.
 */
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSkipNote, haveChromium, launchChromium, listenFirst, type Browser, type ListeningServer } from '../support/browser.js';
import { makeTestApp } from '../support/app.js';
import { catalogue, loadDemoValueLists } from './support.js';


describe.skipIf(!haveChromium)(`the harvester pages in a real browser${chromiumSkipNote}`, () => {
  let server: ListeningServer;
  let catalogues: http.Server;
  let base: string;
  let source: string;
  let servedType = 'application/xml';
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let browser: Browser;
  let page: Page;
  const shots = mkdtempSync(path.join(os.tmpdir(), 'stelsel-shots-'));

  beforeAll(async () => {
    catalogues = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': servedType });
      res.end(catalogue([{ id: 'BR-H1' }, { id: 'BR-H2', audience: ['ondernemer'] }]));
    });
    await new Promise<void>((r) => catalogues.listen(0, '127.0.0.1', r));
    source = `http://127.0.0.1:${(catalogues.address() as AddressInfo).port}/sc-catalogus.xml`;

    server = await listenFirst();
    base = server.base;
    t = await makeTestApp({
      demo: true,
      env: { BASE_URL: base, DEMO: 'true', SESSION_SECRET: 'test-session-secret-0123456789abcdef0123', RATE_LIMIT_PER_MINUTE: '100000', HARVEST_ALLOW_PRIVATE_ADDRESSES: 'true' },
    });
    await loadDemoValueLists(t);
    server.handle((req) => t.app.fetch(req));
    browser = await launchChromium({ viewport: { width: 1300, height: 900 } });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    catalogues?.closeAllConnections();
    await new Promise<void>((r) => (catalogues ? catalogues.close(() => r()) : r()));
    await t?.close();
  });

  it('adds a source, harvests it now, and shows the history', async () => {
    await page.goto(`${base}/demo/login`);
    await page.getByRole('button', { name: /Demo Catalogusbeheerder/ }).click();
    await page.waitForLoadState();
    await page.goto(`${base}/beheer/catalogus/bronnen`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Oogstbronnen van de productcatalogus');
    expect(await page.getByText('Er zijn nog geen bronnen.').isVisible()).toBe(true);

    await page.getByLabel('Organisatie').selectOption({ label: 'Gemeente Aalsmeer' });
    await page.getByLabel(/Adres van de catalogus/).fill(source);
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.waitForURL(`${base}/beheer/catalogus/bronnen/gemeente-aalsmeer`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Oogsthistorie van Gemeente Aalsmeer');
    expect(await page.getByText('Deze bron is nog niet geoogst.').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Nu oogsten' }).click();
    await page.waitForLoadState();
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Ingelezen');
    expect(await rows.first().textContent()).toContain('2 geleverd, 2 ingelezen, 0 verwijderd');

    // Served as text/html: refused, the two products stay, the reason is one click away.
    servedType = 'text/html';
    await page.getByRole('button', { name: 'Nu oogsten' }).click();
    await page.waitForLoadState();
    expect(await rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('Geweigerd: verkeerd aangeboden');
    await rows.first().getByText('1 probleem').click();
    expect(await rows.first().locator('li').textContent()).toContain('text/xml or application/xml');
    await page.screenshot({ path: path.join(shots, 'harvest-history.png'), fullPage: true });

    await page.goto(`${base}/catalogi/gemeente-aalsmeer`);
    expect(await page.locator('main').textContent()).toContain('Product BR-H2');

    await page.goto(`${base}/beheer/catalogus/bronnen`);
    const row = page.locator('table tbody tr').first();
    expect(await row.textContent()).toContain('Gemeente Aalsmeer');
    expect(await row.textContent()).toContain('Geweigerd');
    await page.screenshot({ path: path.join(shots, 'harvest-sources.png'), fullPage: true });
    process.stdout.write(`screenshots in ${shots}\n`);
  });
});
