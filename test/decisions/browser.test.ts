/**
 * A reader in a real browser (headless Chromium via playwright-core, the whole app on a real HTTP
 * server on 127.0.0.1): from /besluiten to a meeting, its besluitenlijst and an earlier version, by
 * clicking links; the publication time as DD-MM-YYYY HH:mm:ss; no console errors (CSP).
 * Skipped when Chromium is not installed, unless REQUIRE_CHROMIUM=1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSkipNote, haveChromium, launchChromium, listenFirst, type Browser, type ListeningServer } from '../support/browser.js';
import { GENT, createMeeting, makeWorld, meetingBody, publish, send, type World } from './support.js';

describe.skipIf(!haveChromium)(`publications in a real browser${chromiumSkipNote}`, () => {
  let server: ListeningServer;
  let base: string;
  let w: World;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await listenFirst();
    base = server.base;
    w = await makeWorld({ BASE_URL: base });
    server.handle((req) => w.t.app.fetch(req));
    const { id } = await createMeeting(w);
    expect((await publish(w, id, 'besluitenlijst')).status).toBe(201);
    const body = meetingBody();
    body.agendapunten[0]!.behandeling.besluit.titel = 'Besluit 1 (verbeterd)';
    expect((await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/zittingen/${id}`, body)).status).toBe(200);
    expect((await publish(w, id, 'besluitenlijst')).status).toBe(201);
    browser = await launchChromium();
    page = browser.page;
    // Console errors, except the browser's own request for /favicon.ico (the site has none).
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`${m.text()} ${m.location().url}`);
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await w?.t.close();
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
