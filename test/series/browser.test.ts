/**
 * The series forms in a real browser: headless Chromium (playwright-core) against the whole app on
 * a real HTTP server on 127.0.0.1. The demo informatiebeheerder logs in through the demo login page,
 * creates a complete series with the form and submits it; the series page then says so. Skipped
 * when Chromium is not installed, unless REQUIRE_CHROMIUM=1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSkipNote, haveChromium, launchChromium, listenFirst, type Browser, type ListeningServer } from '../support/browser.js';
import { makeTestApp } from '../support/app.js';
import { SECRET } from './support.js';


describe.skipIf(!haveChromium)(`series forms in a real browser${chromiumSkipNote}`, () => {
  let server: ListeningServer;
  let base: string;
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await listenFirst();
    base = server.base;
    t = await makeTestApp({ demo: true, env: { BASE_URL: base, DEMO: 'true', SESSION_SECRET: SECRET } });
    server.handle((req) => t.app.fetch(req));
    browser = await launchChromium();
    page = browser.page;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
  });

  it('logs in, creates a series with the form and submits it', async () => {
    await page.goto(`${base}/demo/login`);
    await page.getByRole('button', { name: 'Aanmelden als Demo Informatiebeheerder (Gemeente Gent)' }).click();
    await page.goto(`${base}/series/nieuw`);
    const fill = (name: string, value: string) => page.locator(`[name="${name}"]`).fill(value);
    const choose = (name: string, value: string) => page.locator(`select[name="${name}"]`).selectOption(value);
    await fill('naam', 'Archief van de brandweer');
    await fill('omschrijving', 'Interventieverslagen');
    await fill('proces', 'Veiligheid');
    await fill('administratieveBewaartermijn', 'P20Y');
    await choose('termijnspecificatie', 'na-afhandeling');
    await fill('motivering', 'Aansprakelijkheid');
    await choose('bestemming', 'bewaren');
    await fill('bestemmingMotivering', 'Historische waarde');
    await choose('openbaarheid', 'beperkt-openbaar');
    await fill('geldigVan', '2026-01-01');
    await fill('geldigTot', '2030-12-31');
    await page.getByRole('button', { name: 'Ontwerp bewaren' }).click();
    await expect.poll(() => page.url()).toContain('/doc/serie/');
    expect(await page.locator('h1').textContent()).toBe('Archief van de brandweer');
    await page.getByRole('button', { name: 'Indienen' }).click();
    await expect.poll(async () => page.locator('h2').first().textContent()).toContain('Interne goedkeuring');
  }, 60_000);
});
