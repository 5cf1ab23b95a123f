/**
 * A reader in a real browser (headless Chromium via playwright-core, the whole app on a real HTTP
 * server on 127.0.0.1): from /besluiten to a meeting, its besluitenlijst and an earlier version, by
 * clicking links; the publication time as DD-MM-YYYY HH:mm:ss; no console errors (CSP). A schrijver
 * (real session) enters a treatment in the editor's form, first refused with a message at the field.
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
    w = await makeWorld({ BASE_URL: base, DEMO: 'true', SESSION_SECRET: 'decisions-browser-test-session-secret-0123456789' });
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

  it('lets a schrijver enter a treatment in its form, with a message at the field that is wrong', async () => {
    const login = await w.t.app.request('/demo/login', {
      method: 'POST',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user: `${base}/id/gebruiker/demo-schrijver` }).toString(),
    });
    expect(login.status).toBe(303);
    const [name, value] = login.headers.getSetCookie().find((c) => c.startsWith('stelsel_session='))!.split(';')[0]!.split('=');
    await browser.context.addCookies([{ name: name!, value: value!, url: base }]);
    const created = await send(w.t, w.schrijver, 'POST', `/api/besluiten/${GENT}/zittingen`, {
      orgaan: 'gemeenteraad', geplandeStart: '2026-11-05T19:00:00+01:00', aanwezigen: ['m-voorzitter', 'm-an'], agendapunten: [{ titel: 'Subsidiereglement' }],
    });
    const { id } = (await created.json()) as { id: string };
    await page.goto(`${base}/beheer/besluiten/${GENT}/zittingen/${id}`);
    await page.getByRole('link', { name: 'Behandeling invoeren' }).click();
    await page.getByLabel('Titel', { exact: true }).fill('Subsidiereglement 2027');
    await page.getByRole('button', { name: 'Behandeling opslaan' }).click();
    // no motivering: the form comes back with the message at that field and the title kept
    expect(await page.locator('#f-besluit-motivering-fout').textContent()).toContain('mag niet leeg zijn');
    expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe('Subsidiereglement 2027');
    await page.getByLabel('Motivering').fill('Gelet op het decreet.');
    await page.getByLabel('Artikel 1: nummer').fill('1');
    await page.locator('#f-artikel-0-inhoud').fill('Het reglement wordt goedgekeurd.');
    await page.locator('#f-stemming-0-onderwerp').fill('Goedkeuring');
    await page.locator('#f-stemming-0-gevolg').fill('Aangenomen');
    await page.getByLabel('Stem van Vera Voorzitter').selectOption('voor');
    await page.getByLabel('Stem van An Andries').selectOption('tegen');
    await page.getByRole('button', { name: 'Behandeling opslaan' }).click();
    await page.waitForURL(`${base}/beheer/besluiten/${GENT}/zittingen/${id}`);
    const z = (await (await send(w.t, w.lezer, 'GET', `/api/besluiten/${GENT}/zittingen/${id}`)).json()) as { agendapunten: { behandeling: { besluit: { titel: string }; stemmingen: { voorstanders: string[]; tegenstanders: string[] }[] } }[] };
    expect(z.agendapunten[0]!.behandeling.besluit.titel).toBe('Subsidiereglement 2027');
    expect(z.agendapunten[0]!.behandeling.stemmingen[0]).toMatchObject({ voorstanders: ['m-voorzitter'], tegenstanders: ['m-an'] });
    // the refused form is answered with 422 on purpose (Chromium logs that status); nothing else
    const unexpected = errors.filter((e) => !(e.includes('status of 422') && e.includes('/agendapunten/1/behandeling')));
    expect(unexpected, unexpected.join('\n')).toEqual([]);
  });
});
