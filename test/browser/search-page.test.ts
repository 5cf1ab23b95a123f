/**
 * The citizens' search page in a real browser, JavaScript disabled: type in the search box,
 * submit, narrow with a facet, open a result. Headless Chromium (Debian package, driven by
 * playwright-core) against the whole app on a real HTTP server on 127.0.0.1. Skipped when Chromium
 * is not installed, unless REQUIRE_CHROMIUM=1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSkipNote, haveChromium, launchChromium, listenFirst, type Browser, type ListeningServer } from '../support/browser.js';
import { makeTestApp } from '../support/app.js';
import { loadDemoValueLists } from '../catalog/support.js';
import { storeCollection } from '../sru/fixtures.js';


describe.skipIf(!haveChromium)(`the search page in a real browser without JavaScript${chromiumSkipNote}`, () => {
  let server: ListeningServer;
  let base: string;
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // Listen first, so that BASE_URL (and with it every IRI and link) is this server.
    server = await listenFirst();
    base = server.base;
    t = await makeTestApp({ demo: true, env: { BASE_URL: base, RATE_LIMIT_PER_MINUTE: '100000' } });
    await loadDemoValueLists(t);
    await storeCollection(t);
    server.handle((req) => t.app.fetch(req));

    browser = await launchChromium({ javaScriptEnabled: false });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
  });

  it('searches, narrows with a facet and opens a result', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zoeken' }).click();
    await page.waitForURL(`${base}/zoeken`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Zoeken in producten en diensten');

    await page.getByLabel('Zoekwoorden').fill('paspoort');
    await page.getByLabel('Postcode').fill('5014');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/\/zoeken\?q=paspoort&postcode=5014/);
    const heading = page.locator('#resultaten-kop');
    const before = Number(/^(\d+)/.exec((await heading.textContent()) ?? '')![1]);
    expect(before).toBeGreaterThan(1);
    expect(await page.getByRole('link', { name: 'Paspoort aanvragen', exact: true }).count()).toBe(1);
    expect(await page.getByLabel('Zoekwoorden').inputValue()).toBe('paspoort');

    const facet = page.getByRole('complementary', { name: 'Filters' }).getByRole('link', { name: /^Gemeente \(\d+\)$/ });
    const count = Number(/\((\d+)\)/.exec((await facet.textContent()) ?? '')![1]);
    expect(count).toBeLessThan(before);
    await facet.click();
    await page.waitForURL(/organisatietype=Gemeente/);
    expect(await heading.textContent()).toBe(count === 1 ? '1 resultaat' : `${count} resultaten`);
    expect(await page.getByRole('link', { name: 'weghalen' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Paspoort aanvragen', exact: true }).click();
    await page.waitForURL(`${base}/doc/product/gemeente-tilburg/T1`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Paspoort aanvragen');
  });

  it('shows a message in Dutch for a postcode that is none', async () => {
    await page.goto(`${base}/zoeken`);
    await page.getByLabel('Postcode').fill('12');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/postcode=12/);
    expect(await page.getByRole('alert').textContent()).toMatch(/geen postcode/);
  });
});
