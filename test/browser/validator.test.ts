/**
 * The catalogue validator in a real browser: headless Chromium (playwright-core) uploads a file
 * through the real form to the whole app on a real HTTP server on 127.0.0.1. Skipped when Chromium
 * is not installed, unless REQUIRE_CHROMIUM=1.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSkipNote, haveChromium, launchChromium, listenFirst, type Browser, type ListeningServer } from '../support/browser.js';
import { makeTestApp } from '../support/app.js';
import { catalogue, loadDemoValueLists } from '../catalog/support.js';
import { REPO } from '../catalog/valuelists/helpers.js';

const CATALOGI = path.join(REPO, 'data/demo/catalogi');

describe.skipIf(!haveChromium)(`catalogue validator in a real browser${chromiumSkipNote}`, () => {
  let server: ListeningServer;
  let base: string;
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const shots = mkdtempSync(path.join(os.tmpdir(), 'stelsel-shots-')); // kept for inspection

  beforeAll(async () => {
    server = await listenFirst();
    base = server.base;
    // the product pages of the link check test are on this server, on 127.0.0.1
    t = await makeTestApp({ demo: true, env: { BASE_URL: base, HARVEST_ALLOW_PRIVATE_ADDRESSES: 'true' } });
    await loadDemoValueLists(t);
    server.handle((req) => t.app.fetch(req));

    browser = await launchChromium();
    page = browser.page;
    page.on('console', (m) => {
      // a missing favicon is the browser's own request, not the page's
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) problems.push(`${m.text()} ${m.location().url}`);
    });
    page.on('pageerror', (e) => problems.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
  });

  it('uploads fouten.xml through the form and shows the report with the problems per product', async () => {
    const res = await page.goto(`${base}/catalogus/validator`);
    expect(res?.status()).toBe(200);
    expect(await page.title()).toBe('SC-catalogus valideren · Stelsel');
    await page.getByLabel('Bestand').setInputFiles(path.join(CATALOGI, 'fouten.xml'));
    // the demo product pages are on the internet: no link check in this test
    await page.getByLabel("Productpagina's controleren", { exact: false }).uncheck();
    await Promise.all([page.waitForURL(`${base}/catalogus/validator`), page.getByRole('button', { name: 'Valideren' }).click()]);
    await page.getByRole('heading', { name: 'Resultaat' }).waitFor();

    expect(await page.getByRole('status').textContent()).toBe('De catalogus is niet geldig: fouten.xml');
    const rows = page.locator('#producten tbody tr');
    expect(await rows.count()).toBe(5);
    const first = await rows.first().locator('td').allTextContents();
    expect(Number(first[0])).toBeGreaterThan(1);
    expect(first[2]).toBe('FOUT-01');
    expect(first[5]).toContain('aanvraagurl-missing');
    expect(await page.locator('#linkcontrole').textContent()).toContain("De productpagina's zijn niet gecontroleerd.");
    expect(problems).toEqual([]); // no CSP violations or script errors
    await page.screenshot({ path: path.join(shots, 'validator-fouten.png'), fullPage: true });
  }, 60_000);

  it('checks the product page links when asked to', async () => {
    const file = path.join(shots, 'links.xml');
    writeFileSync(file, catalogue([{ id: 'B-1', identifier: `${base}/catalogi` }, { id: 'B-2', identifier: `${base}/bestaat-niet` }]));
    await page.goto(`${base}/catalogus/validator`);
    await page.getByLabel('Bestand').setInputFiles(file);
    expect(await page.getByLabel("Productpagina's controleren", { exact: false }).isChecked()).toBe(true);
    await Promise.all([page.waitForURL(`${base}/catalogus/validator`), page.getByRole('button', { name: 'Valideren' }).click()]);
    const rows = page.locator('#linkcontrole tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('td').allTextContents()).toEqual([`${base}/catalogi`, 'in orde', '200', '']);
    expect((await rows.nth(1).locator('td').allTextContents()).slice(0, 3)).toEqual([`${base}/bestaat-niet`, '4xx (pagina niet gevonden of geweigerd)', '404']);
    expect(await page.locator('#linkcontrole').textContent()).toContain("2 van de 2 productpagina's gecontroleerd");
  }, 60_000);

  it('uploads a valid catalogue and shows the overview', async () => {
    await page.goto(`${base}/catalogus/validator`);
    await page.getByLabel('Bestand').setInputFiles(path.join(CATALOGI, 'tilburg.xml'));
    await page.getByLabel("Productpagina's controleren", { exact: false }).uncheck();
    await Promise.all([page.waitForURL(`${base}/catalogus/validator`), page.getByRole('button', { name: 'Valideren' }).click()]);
    expect(await page.getByRole('status').textContent()).toBe('De catalogus is geldig: tilburg.xml');
    const products = await page.locator('#overzicht tr', { hasText: 'Producten' }).locator('td').textContent();
    expect(Number(products)).toBe(await page.locator('#producten tbody tr').count());
    expect(Number(products)).toBeGreaterThan(0);
  }, 60_000);
});
