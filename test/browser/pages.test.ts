/**
 * Real browser: headless Chromium (Debian package, driven by playwright-core) against the whole
 * app on a real HTTP server on 127.0.0.1. Skipped when Chromium is not installed, unless
 * REQUIRE_CHROMIUM=1.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSkipNote, haveChromium, launchChromium, listenFirst, type Browser, type ListeningServer } from '../support/browser.js';
import { makeTestApp } from '../support/app.js';
import { exampleData } from '../linked-data/fixtures.js';



describe.skipIf(!haveChromium)(`pages in a real browser${chromiumSkipNote}`, () => {
  let server: ListeningServer;
  let base: string;
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let browser: Browser;
  let page: Page;
  const shots = mkdtempSync(path.join(os.tmpdir(), 'stelsel-shots-'));

  beforeAll(async () => {
    // Listen first, so that BASE_URL (and with it every IRI on the pages) is this server.
    server = await listenFirst();
    base = server.base;
    t = await makeTestApp({ env: { BASE_URL: base } });
    await t.raw.transact({ insert: exampleData(t.uris).quads });
    server.handle((req) => t.app.fetch(req));

    browser = await launchChromium();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
    // screenshots stay in `shots` for inspection
  });

  it('shows the home page with its registers, styled, in Dutch', async () => {
    const res = await page.goto(`${base}/`);
    expect(res?.status()).toBe(200);
    expect(await page.title()).toBe('Home · Stelsel');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await page.evaluate(() => document.compatMode)).toBe('CSS1Compat');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Stelsel');
    for (const name of ['Productcatalogus', 'Lokale besluiten', 'Serieregister']) {
      expect(await page.getByRole('link', { name, exact: true }).first().isVisible()).toBe(true);
    }
    expect(await page.getByRole('link', { name: 'SPARQL-endpoint' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'API-documentatie' }).isVisible()).toBe(true);
    // the stylesheet loaded (CSP allows it): the site header has its background colour
    const bg = await page.evaluate(() => getComputedStyle(document.querySelector('header.site')!).backgroundColor);
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');
    await page.screenshot({ path: path.join(shots, 'home.png'), fullPage: true });
  });

  it('follows the 303 from /id to the resource page and navigates by clicking a link', async () => {
    const res = await page.goto(`${base}/id/product/p-1`);
    expect(res?.status()).toBe(200);
    expect(page.url()).toBe(`${base}/doc/product/p-1`);
    expect(await page.title()).toBe('Parkeervergunning · Stelsel');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Parkeervergunning');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await page.getByRole('table').first().isVisible()).toBe(true);
    expect(await page.getByRole('rowheader', { name: /titel|voorkeursnaam/ }).first().isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Turtle' }).isVisible()).toBe(true);
    // the hostile literal is text, not markup: no script element in the page body
    expect(await page.evaluate(() => document.querySelectorAll('main script').length)).toBe(0);
    await page.screenshot({ path: path.join(shots, 'resource.png'), fullPage: true });

    await page.getByRole('link', { name: 'Gemeente Voorbeeld' }).click();
    await page.waitForURL(`${base}/doc/organisatie/o-1`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Gemeente Voorbeeld');
  });

  it('navigates from the menu to the API documentation', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'API' }).click();
    await page.waitForURL(`${base}/api/docs`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('API-documentatie');
    expect(await page.getByRole('link', { name: 'OpenAPI 3-document' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(shots, 'api-docs.png'), fullPage: false });
  });

  it('shows a helpful 404 page', async () => {
    const res = await page.goto(`${base}/doc/product/bestaat-niet`);
    expect(res?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Niet gevonden (404)');
    expect(await page.getByRole('main').getByRole('link', { name: 'zoeken', exact: true }).isVisible()).toBe(true);
    process.stdout.write(`screenshots in ${shots}\n`);
  });
});
