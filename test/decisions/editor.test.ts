/**
 * The web editor's forms: start a meeting (Brussels local time to xsd:dateTime with the right
 * offset, winter and summer), add an agendapunt, publish; lezers see no forms and cannot post;
 * hostile text comes back as text. The treatment form (real session, CSRF origin check): prefilled,
 * refused input shown again with a message per field, saved attendance, decision and vote.
 */
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDateTime } from '../../src/decisions/editor-routes.js';
import { TEST_BASE } from '../support/tmp.js';
import { GENT, makeWorld, send, type World } from './support.js';

let w: World;
beforeAll(async () => {
  // demo login (real sessions, so the CSRF origin check applies)
  w = await makeWorld({ DEMO: 'true', SESSION_SECRET: 'decisions-editor-test-session-secret-0123456789' });
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

describe('the treatment form', () => {
  let session: Record<string, string>;
  let id: string;
  let form: string;
  beforeAll(async () => {
    const res = await w.t.app.request('/demo/login', {
      method: 'POST',
      headers: { origin: TEST_BASE, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user: `${TEST_BASE}/id/gebruiker/demo-schrijver` }).toString(),
    });
    expect(res.status, await res.clone().text()).toBe(303);
    session = { cookie: res.headers.getSetCookie().find((c) => c.startsWith('stelsel_session='))!.split(';')[0]!, origin: TEST_BASE };
    const created = await send(w.t, w.schrijver, 'POST', `/api/besluiten/${GENT}/zittingen`, {
      orgaan: 'gemeenteraad',
      geplandeStart: '2026-10-01T19:00:00+02:00',
      aanwezigen: ['m-voorzitter', 'm-an', 'm-bert'],
      agendapunten: [{ titel: 'Belastingreglement', geplandOpenbaar: true }, { titel: 'Tweede punt' }],
    });
    expect(created.status).toBe(201);
    id = ((await created.json()) as { id: string }).id;
    form = `${editor}/zittingen/${id}/agendapunten/1/behandeling`;
  });

  const valid = (over: Record<string, string> = {}) => ({
    version: '1',
    openbaar: 'true',
    'besluit.titel': 'Belastingreglement 2027',
    'besluit.motivering': 'Gelet op het decreet lokaal bestuur.',
    'besluit.type': 'huishoudelijk-reglement',
    'artikel.0.nummer': '1',
    'artikel.0.inhoud': 'Het reglement wordt goedgekeurd.',
    'artikel.1.nummer': '2',
    'artikel.1.inhoud': 'Het treedt in werking op 1 januari.',
    'stemming.0.onderwerp': 'Goedkeuring',
    'stemming.0.gevolg': 'Aangenomen',
    'stemming.0.stem.m-voorzitter': 'voor',
    'stemming.0.stem.m-an': 'voor',
    'stemming.0.stem.m-bert': 'tegen',
    ...over,
  });
  const body = (fields: Record<string, string>, aanwezigen: string[]) => {
    const p = new URLSearchParams(fields);
    for (const a of aanwezigen) p.append('aanwezigen', a);
    return p.toString();
  };
  const postForm = (headers: Record<string, string>, fields: Record<string, string>, aanwezigen = ['m-voorzitter', 'm-an', 'm-bert']) =>
    w.t.app.request(form, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, body: body(fields, aanwezigen) });

  it('shows the form to a schrijver, prefilled with the meeting attendance, and not to a lezer', async () => {
    const res = await w.t.app.request(form, { headers: { cookie: session.cookie!, accept: 'text/html' } });
    expect(res.status).toBe(200);
    const doc = new JSDOM(await res.text()).window.document;
    const checked = [...doc.querySelectorAll<HTMLInputElement>('input[name="aanwezigen"]')].filter((i) => i.hasAttribute('checked')).map((i) => i.value);
    expect(checked.sort()).toEqual(['m-an', 'm-bert', 'm-voorzitter']);
    expect(doc.querySelector('input[name="openbaar"]')?.hasAttribute('checked')).toBe(true);
    expect((await w.t.app.request(form, { headers: { ...w.lezer, accept: 'text/html' } })).status).toBe(403);
    expect((await postForm(w.lezer, valid())).status).toBe(403);
  });

  it('refuses a forged cross-site post', async () => {
    const res = await postForm({ cookie: session.cookie!, origin: 'https://evil.example' }, valid());
    expect(res.status).toBe(403);
    const z = (await (await send(w.t, w.lezer, 'GET', `/api/besluiten/${GENT}/zittingen/${id}`)).json()) as { agendapunten: { behandeling?: unknown }[] };
    expect(z.agendapunten[0]!.behandeling).toBeUndefined();
  });

  it('shows the form again with a message at each wrong field, keeping what was entered (as text)', async () => {
    const hostile = `"><script>alert(1)</script><b property="eli:title">x</b>`;
    let res = await postForm(session, valid({ 'besluit.titel': hostile, 'besluit.motivering': '' }));
    expect(res.status).toBe(422);
    let doc = new JSDOM(await res.text()).window.document;
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelector<HTMLInputElement>('#f-besluit-titel')?.value).toBe(hostile);
    expect(doc.querySelector('#f-besluit-motivering-fout')?.textContent).toContain('mag niet leeg zijn');
    expect(doc.querySelector('#f-besluit-motivering')?.getAttribute('aria-invalid')).toBe('true');

    // checks against the code lists and of the votes
    res = await postForm(session, valid({ 'besluit.type': 'geen-type', 'stemming.0.geheim': 'true', 'stemming.0.aantalVoorstanders': '2', 'stemming.0.aantalTegenstanders': '1', 'stemming.0.aantalOnthouders': '0' }));
    expect(res.status).toBe(422);
    doc = new JSDOM(await res.text()).window.document;
    expect(doc.querySelector('#f-besluit-type-fout')?.textContent).toContain('huishoudelijk-reglement');
    expect(doc.querySelector('#f-stemming-0-stemmen-fout')?.textContent).toContain('geheime stemming');
    expect(doc.querySelector('#f-besluit-titel-fout')).toBeNull();

    res = await postForm(session, valid({ 'stemming.0.geheim': 'true', 'stemming.0.stem.m-voorzitter': '', 'stemming.0.stem.m-an': '', 'stemming.0.stem.m-bert': '', 'stemming.0.aantalVoorstanders': 'twee' }));
    expect(res.status).toBe(422);
    doc = new JSDOM(await res.text()).window.document;
    expect(doc.querySelector('#f-stemming-0-aantalVoorstanders-fout')?.textContent).toContain('geheel getal');
    const z = (await (await send(w.t, w.lezer, 'GET', `/api/besluiten/${GENT}/zittingen/${id}`)).json()) as { agendapunten: { behandeling?: unknown }[] };
    expect(z.agendapunten[0]!.behandeling).toBeUndefined();
  });

  it('saves attendance, the decision with its artikels and the vote', async () => {
    const res = await postForm(session, valid(), ['m-voorzitter', 'm-an', 'm-bert']);
    expect(res.status, await res.clone().text()).toBe(303);
    const z = (await (await send(w.t, w.lezer, 'GET', `/api/besluiten/${GENT}/zittingen/${id}`)).json()) as {
      agendapunten: { behandeling?: { openbaar: boolean; aanwezigen: string[]; besluit: { titel: string; artikels: { nummer: string; inhoud: string }[] }; stemmingen: Record<string, unknown>[] } }[];
    };
    const b = z.agendapunten[0]!.behandeling!;
    expect(b.openbaar).toBe(true);
    expect(b.aanwezigen).toEqual(['m-an', 'm-bert', 'm-voorzitter']);
    expect(b.besluit.titel).toBe('Belastingreglement 2027');
    expect(b.besluit.artikels.map((a) => [a.nummer, a.inhoud])).toEqual([['1', 'Het reglement wordt goedgekeurd.'], ['2', 'Het treedt in werking op 1 januari.']]);
    expect(b.stemmingen[0]).toMatchObject({ onderwerp: 'Goedkeuring', voorstanders: ['m-an', 'm-voorzitter'], tegenstanders: ['m-bert'], aantalVoorstanders: 2, aantalTegenstanders: 1 });
    expect(z.agendapunten[1]!.behandeling).toBeUndefined();
    // the form now shows what was saved, and saving it unchanged keeps the ids
    const again = new JSDOM(await (await w.t.app.request(form, { headers: { cookie: session.cookie!, accept: 'text/html' } })).text()).window.document;
    expect(again.querySelector<HTMLInputElement>('#f-artikel-1-nummer')?.value).toBe('2');
    expect(again.querySelector<HTMLSelectElement>('select[name="stemming.0.stem.m-bert"] option[selected]')?.getAttribute('value')).toBe('tegen');
  });
});
