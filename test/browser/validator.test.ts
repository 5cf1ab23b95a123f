/**
 * The catalogue validator in a real browser: headless Chromium (playwright-core) uploads a file
 * through the real form to the whole app on a real HTTP server on 127.0.0.1. Skipped when Chromium
 * is not installed, unless REQUIRE_CHROMIUM=1.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { makeTestApp } from '../support/app.js';
import { catalogue, loadDemoValueLists } from '../catalog/support.js';
import { REPO } from '../catalog/valuelists/helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.REQUIRE_CHROMIUM === '1') {
  throw new Error('chromium not installed (apt-get install chromium) and REQUIRE_CHROMIUM=1');
}
const SKIP_REASON = 'chromium not installed (apt-get install chromium)';
const CATALOGI = path.join(REPO, 'data/demo/catalogi');

describe.skipIf(!haveChromium)(`catalogue validator in a real browser${haveChromium ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let server: ServerType;
  let base: string;
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const problems: string[] = [];
  const shots = mkdtempSync(path.join(os.tmpdir(), 'stelsel-shots-')); // kept for inspection

  beforeAll(async () => {
    let handler: (req: Request) => Response | Promise<Response> = () => new Response('starting', { status: 503 });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: (req) => handler(req), port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // the product pages of the link check test are on this server, on 127.0.0.1
    t = await makeTestApp({ demo: true, env: { BASE_URL: base, HARVEST_ALLOW_PRIVATE_ADDRESSES: 'true' } });
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
    page.on('console', (m) => {
      // a missing favicon is the browser's own request, not the page's
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) problems.push(`${m.text()} ${m.location().url}`);
    });
    page.on('pageerror', (e) => problems.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    await t?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
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
