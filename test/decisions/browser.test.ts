/**
 * A reader in a real browser (headless Chromium via playwright-core, the whole app on a real HTTP
 * server on 127.0.0.1): from /besluiten to a meeting, its besluitenlijst and an earlier version, by
 * clicking links; the publication time as DD-MM-YYYY HH:mm:ss; no console errors (CSP).
 * Skipped when Chromium is not installed, unless REQUIRE_CHROMIUM=1.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { GENT, createMeeting, makeWorld, meetingBody, publish, send, type World } from './support.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.REQUIRE_CHROMIUM === '1') throw new Error('chromium not installed (apt-get install chromium) and REQUIRE_CHROMIUM=1');

describe.skipIf(!haveChromium)(`publications in a real browser${haveChromium ? '' : ' (skipped: chromium not installed)'}`, () => {
  let server: ServerType;
  let base: string;
  let w: World;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const errors: string[] = [];

  beforeAll(async () => {
    let handler: (req: Request) => Response | Promise<Response> = () => new Response('starting', { status: 503 });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: (req) => handler(req), port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    w = await makeWorld({ BASE_URL: base });
    handler = (req) => w.t.app.fetch(req);
    const { id } = await createMeeting(w);
    expect((await publish(w, id, 'besluitenlijst')).status).toBe(201);
    const body = meetingBody();
    body.agendapunten[0]!.behandeling.besluit.titel = 'Besluit 1 (verbeterd)';
    expect((await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/zittingen/${id}`, body)).status).toBe(200);
    expect((await publish(w, id, 'besluitenlijst')).status).toBe(201);
    profile = mkdtempSync(path.join(os.tmpdir(), 'stelsel-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = context.pages()[0] ?? (await context.newPage());
    // Console errors, except the browser's own request for /favicon.ico (the site has none).
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`${m.text()} ${m.location().url}`);
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    await w?.t.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('navigates from the index to the besluitenlijst and to its first version', async () => {
    await page.goto(`${base}/besluiten`);
    await page.getByRole('link', { name: 'Gemeente Gent' }).click();
    await page.waitForURL(`${base}/besluiten/${GENT}`);
    await page.getByRole('link', { name: /zitting van 15-01-2026/ }).click();
    await page.waitForURL(`${base}/besluiten/${GENT}/gemeenteraad/2026-01-15`);
    await page.getByRole('link', { name: 'Besluitenlijst' }).click();
    await page.waitForURL(`${base}/besluiten/${GENT}/gemeenteraad/2026-01-15/besluitenlijst/versies/2`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Besluitenlijst');
    expect(await page.getByText('Besluit 1 (verbeterd)').isVisible()).toBe(true);
    const time = await page.locator('header time').first().textContent();
    expect(time).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/);
    await page.getByRole('table').getByRole('link', { name: 'versie 1', exact: true }).click();
    await page.waitForURL(`${base}/besluiten/${GENT}/gemeenteraad/2026-01-15/besluitenlijst/versies/1`);
    expect(await page.getByRole('status').textContent()).toContain('nieuwere versie');
    expect(await page.getByText('Besluit 1 (verbeterd)').count()).toBe(0);
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
