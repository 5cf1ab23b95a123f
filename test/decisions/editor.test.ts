/**
 * The web editor's forms: start a meeting (Brussels local time to xsd:dateTime with the right
 * offset, winter and summer), add an agendapunt, publish; lezers see no forms and cannot post;
 * hostile text comes back as text.
 */
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDateTime } from '../../src/decisions/editor-routes.js';
import { GENT, makeWorld, send, type World } from './support.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
}, 60_000);
afterAll(() => w?.t.close());

const editor = `/beheer/besluiten/${GENT}`;

async function post(headers: Record<string, string>, path: string, fields: Record<string, string>): Promise<Response> {
  return w.t.app.request(path, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, body: new URLSearchParams(fields).toString() });
}

describe('brusselsDateTime', () => {
  it('adds the Brussels offset of that day', () => {
    expect(brusselsDateTime('2026-01-15T19:00')).toBe('2026-01-15T19:00:00+01:00');
    expect(brusselsDateTime('2026-07-01T09:30:15')).toBe('2026-07-01T09:30:15+02:00');
    expect(() => brusselsDateTime('15/01/2026')).toThrow(/geplandeStart/);
  });
});

describe('the editor', () => {
  it('lets a schrijver start a meeting and add an agendapunt, and a publiceerder publish its agenda', async () => {
    const list = await w.t.app.request(editor, { headers: { ...w.schrijver, accept: 'text/html' } });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('Zitting aanmaken');
    const created = await post(w.schrijver, `${editor}/zittingen`, { orgaan: 'gemeenteraad', geplandeStart: '2026-05-07T20:00' });
    expect(created.status, await created.clone().text()).toBe(303);
    const location = created.headers.get('location')!;
    const id = location.slice(location.lastIndexOf('/') + 1);
    const hostile = 'Parkeren <script>alert(1)</script> "centrum"';
    const added = await post(w.schrijver, `${location}/agendapunten`, { titel: hostile, type: 'aanvullend', geplandOpenbaar: 'true', version: '1' });
    expect(added.status, await added.clone().text()).toBe(303);
    const json = (await (await send(w.t, w.lezer, 'GET', `/api/besluiten/${GENT}/zittingen/${id}`)).json()) as { geplandeStart: string; agendapunten: { titel: string; type: string }[] };
    expect(json.geplandeStart).toBe('2026-05-07T20:00:00+02:00');
    expect(json.agendapunten).toEqual([expect.objectContaining({ titel: hostile, type: 'aanvullend' })]);
    const page = await (await w.t.app.request(location, { headers: { ...w.publiceerder, accept: 'text/html' } })).text();
    const dom = new JSDOM(page);
    expect(dom.window.document.querySelectorAll('script').length).toBe(0);
    expect(dom.window.document.querySelector('ol li')?.textContent).toContain(hostile);
    expect(page).not.toContain('Agendapunt toevoegen'); // a publiceerder does not edit
    const published = await post(w.publiceerder, `${location}/publiceren`, { soort: 'agenda' });
    expect(published.status, await published.clone().text()).toBe(303);
    expect((await w.t.app.request(`/besluiten/${GENT}/gemeenteraad/2026-05-07/agenda`)).status).toBe(200);
  });

  it('shows a lezer the drafts without forms and refuses its posts', async () => {
    const created = await post(w.schrijver, `${editor}/zittingen`, { orgaan: 'gemeenteraad', geplandeStart: '2026-05-08T20:00' });
    const location = created.headers.get('location')!;
    const page = await (await w.t.app.request(location, { headers: { ...w.lezer, accept: 'text/html' } })).text();
    expect(page).not.toContain('<form method="post" action="' + location);
    expect((await post(w.lezer, `${location}/agendapunten`, { titel: 'x' })).status).toBe(403);
    expect((await post(w.lezer, `${location}/publiceren`, { soort: 'agenda' })).status).toBe(403);
    expect((await post(w.aalstSchrijver, `${editor}/zittingen`, { orgaan: 'gemeenteraad', geplandeStart: '2026-05-08T20:00' })).status).toBe(403);
    expect((await w.t.app.request(editor, { headers: { accept: 'text/html' } })).status).toBe(401);
  });
});
