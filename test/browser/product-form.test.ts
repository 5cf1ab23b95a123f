/**
 * Real browser: a producteditor logs in (demo login), creates a product through the form, picking
 * the UPL name from the field's datalist, sees the problem the catalogue rules report next to the
 * field, fixes it, and lands on the product page. Headless Chromium (Debian package, driven by
 * playwright-core) against the whole app on 127.0.0.1. Skipped when Chromium is not installed,
 * unless REQUIRE_CHROMIUM=1.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { makeTestApp } from '../support/app.js';
import { loadDemoValueLists } from '../catalog/support.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.REQUIRE_CHROMIUM === '1') {
  throw new Error('chromium not installed (apt-get install chromium) and REQUIRE_CHROMIUM=1');
}
const SKIP_REASON = 'chromium not installed (apt-get install chromium)';

describe.skipIf(!haveChromium)(`the product form in a real browser${haveChromium ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let server: ServerType;
  let base: string;
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const shots = mkdtempSync(path.join(os.tmpdir(), 'stelsel-shots-'));

  beforeAll(async () => {
    let handler: (req: Request) => Response | Promise<Response> = () => new Response('starting', { status: 503 });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: (req) => handler(req), port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await makeTestApp({ demo: true, env: { BASE_URL: base, DEMO: 'true', SESSION_SECRET: 'test-session-secret-0123456789abcdef0123', RATE_LIMIT_PER_MINUTE: '100000' } });
    await loadDemoValueLists(t);
    handler = (req) => t.app.fetch(req);
    profile = mkdtempSync(path.join(os.tmpdir(), 'stelsel-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1100, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    await t?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
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
