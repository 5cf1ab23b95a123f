/**
 * The citizens' search page in a real browser, JavaScript disabled: type in the search box,
 * submit, narrow with a facet, open a result. Headless Chromium (Debian package, driven by
 * playwright-core) against the whole app on a real HTTP server on 127.0.0.1. Skipped when Chromium
 * is not installed, unless REQUIRE_CHROMIUM=1.
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
import { storeCollection } from '../sru/fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.REQUIRE_CHROMIUM === '1') {
  throw new Error('chromium not installed (apt-get install chromium) and REQUIRE_CHROMIUM=1');
}
const SKIP_REASON = 'chromium not installed (apt-get install chromium)';

describe.skipIf(!haveChromium)(`the search page in a real browser without JavaScript${haveChromium ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let server: ServerType;
  let base: string;
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let context: BrowserContext;
  let page: Page;
  let profile: string;

  beforeAll(async () => {
    // Listen first, so that BASE_URL (and with it every IRI and link) is this server.
    let handler: (req: Request) => Response | Promise<Response> = () => new Response('starting', { status: 503 });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: (req) => handler(req), port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await makeTestApp({ demo: true, env: { BASE_URL: base, RATE_LIMIT_PER_MINUTE: '100000' } });
    await loadDemoValueLists(t);
    await storeCollection(t);
    handler = (req) => t.app.fetch(req);

    profile = mkdtempSync(path.join(os.tmpdir(), 'stelsel-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      javaScriptEnabled: false,
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
