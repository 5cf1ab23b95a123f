/**
 * The series forms in a real browser: headless Chromium (playwright-core) against the whole app on
 * a real HTTP server on 127.0.0.1. The demo informatiebeheerder logs in through the demo login page,
 * creates a complete series with the form and submits it; the series page then says so. Skipped
 * when Chromium is not installed, unless REQUIRE_CHROMIUM=1.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { makeTestApp } from '../support/app.js';
import { SECRET } from './support.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.REQUIRE_CHROMIUM === '1') throw new Error('chromium not installed (apt-get install chromium) and REQUIRE_CHROMIUM=1');

describe.skipIf(!haveChromium)(`series forms in a real browser${haveChromium ? '' : ' (skipped: chromium not installed)'}`, () => {
  let server: ServerType;
  let base: string;
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let context: BrowserContext;
  let page: Page;
  let profile: string;

  beforeAll(async () => {
    let handler: (req: Request) => Response | Promise<Response> = () => new Response('starting', { status: 503 });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: (req) => handler(req), port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await makeTestApp({ demo: true, env: { BASE_URL: base, DEMO: 'true', SESSION_SECRET: SECRET } });
    handler = (req) => t.app.fetch(req);
    profile = mkdtempSync(path.join(os.tmpdir(), 'stelsel-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    await t?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
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
