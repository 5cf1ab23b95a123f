/**
 * Real browser: headless Chromium (Debian package, driven by playwright-core) against the whole
 * app on a real HTTP server on 127.0.0.1. Skipped when Chromium is not installed, unless
 * REQUIRE_CHROMIUM=1.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { makeTestApp } from '../support/app.js';
import { exampleData } from '../linked-data/fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.REQUIRE_CHROMIUM === '1') {
  throw new Error('chromium not installed (apt-get install chromium) and REQUIRE_CHROMIUM=1');
}

const SKIP_REASON = 'chromium not installed (apt-get install chromium)';

describe.skipIf(!haveChromium)(`pages in a real browser${haveChromium ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let server: ServerType;
  let base: string;
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const shots = mkdtempSync(path.join(os.tmpdir(), 'stelsel-shots-'));

  beforeAll(async () => {
    // Listen first, so that BASE_URL (and with it every IRI on the pages) is this server.
    let handler: (req: Request) => Response | Promise<Response> = () => new Response('starting', { status: 503 });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: (req) => handler(req), port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await makeTestApp({ env: { BASE_URL: base } });
    await t.raw.transact({ insert: exampleData(t.uris).quads });
    handler = (req) => t.app.fetch(req);

    profile = mkdtempSync(path.join(os.tmpdir(), 'stelsel-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1100, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    await t?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
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
