/**
 * Real browser: a producteditor logs in (demo login), creates a product through the form, picking
 * the UPL name from the field's datalist, sees the problem the catalogue rules report next to the
 * field, fixes it, and lands on the product page. Headless Chromium (Debian package, driven by
 * playwright-core) against the whole app on 127.0.0.1. Skipped when Chromium is not installed,
 * unless REQUIRE_CHROMIUM=1.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSkipNote, haveChromium, launchChromium, listenFirst, type Browser, type ListeningServer } from '../support/browser.js';
import { makeTestApp } from '../support/app.js';
import { loadDemoValueLists } from '../catalog/support.js';


describe.skipIf(!haveChromium)(`the product form in a real browser${chromiumSkipNote}`, () => {
  let server: ListeningServer;
  let base: string;
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let browser: Browser;
  let page: Page;
  const shots = mkdtempSync(path.join(os.tmpdir(), 'stelsel-shots-'));

  beforeAll(async () => {
    server = await listenFirst();
    base = server.base;
    t = await makeTestApp({ demo: true, env: { BASE_URL: base, DEMO: 'true', SESSION_SECRET: 'test-session-secret-0123456789abcdef0123', RATE_LIMIT_PER_MINUTE: '100000' } });
    await loadDemoValueLists(t);
    server.handle((req) => t.app.fetch(req));
    browser = await launchChromium();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
  });

  it('creates a product with the UPL datalist and shows its page', async () => {
    const form = `${base}/beheer/catalogus/gemeente-aalsmeer/producten/nieuw`;
    // Not logged in: the form sends the visitor to log in.
    await page.goto(form);
    expect(new URL(page.url()).pathname).toBe('/demo/login');
    await page.getByRole('button', { name: /Demo Producteditor \(Gemeente Aalsmeer\)/ }).click();
    await page.waitForLoadState();
    await page.goto(form);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Nieuw product');

    await page.getByLabel('Titel').fill('Paspoort aanvragen (browser)');
    await page.getByLabel('Samenvatting').fill('Een paspoort vraagt u aan bij de balie.');
    await page.getByLabel('Productpagina (URL)').fill('https://www.aalsmeer.nl/producten/paspoort-browser');
    await page.getByLabel('ProductID').fill('BR-1');
    await page.getByLabel('particulier').check();

    // The UPL field is bound to a datalist of the value list; type part of a name, take the offered option.
    const upl = page.getByLabel('Uniforme productnaam');
    await upl.fill('pasp');
    const offered = await upl.evaluate((el) => {
      const input = el as HTMLInputElement;
      return [...(input.list?.options ?? [])].map((o) => o.value).filter((v) => v.toLowerCase().includes(input.value.toLowerCase()));
    });
    expect(offered).toEqual(['paspoort']);
    await upl.fill(offered[0]!);

    // Online aanvragen "ja" without an aanvraag URL: the catalogue rules refuse it, next to the field.
    await page.getByLabel('Online aanvragen').selectOption('ja');
    await page.getByRole('button', { name: 'Product toevoegen' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('alert').textContent()).toContain('Aanvraag-URL');
    expect(await page.locator('#fout-aanvraagURL').textContent()).toContain('verplicht');
    expect(await page.getByLabel('Titel').inputValue()).toBe('Paspoort aanvragen (browser)');
    await page.screenshot({ path: path.join(shots, 'product-form-problem.png'), fullPage: true });

    await page.getByLabel('Aanvraag-URL').fill('https://www.aalsmeer.nl/aanvragen/paspoort');
    await page.getByRole('button', { name: 'Product toevoegen' }).click();
    await page.waitForURL(`${base}/doc/product/gemeente-aalsmeer/BR-1`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Paspoort aanvragen (browser)');
    const uplLink = page.locator('a[property="overheidproduct:uniformeProductnaam"]');
    expect(await uplLink.textContent()).toBe('paspoort');
    expect(await uplLink.getAttribute('href')).toBe('http://standaarden.overheid.nl/owms/terms/paspoort');
    expect(await page.getByRole('link', { name: 'Product bewerken' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(shots, 'product-page.png'), fullPage: true });
    process.stdout.write(`screenshots in ${shots}\n`);
  });
});
