/**
 * The series register's pages: the demo data (templates, a series in every state), browsing with
 * facets, the series page's RDFa against the stored data, and a series walked from draft to
 * published through the HTML forms by the demo users (real sessions, CSRF origin check).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSeriesDemo } from '../../src/series/index.js';
import { rdfaStreaming } from '../linked-data/rdfa-support.js';
import { TEST_BASE } from '../support/tmp.js';
import { call, loginAs, seriesTestApp, serviceOf, type TestApp } from './support.js';

let t: TestApp;
let demo: Awaited<ReturnType<typeof seedSeriesDemo>>;
beforeAll(async () => {
  t = await seriesTestApp();
  demo = await seedSeriesDemo(serviceOf(t));
});
afterAll(() => t.close());

async function post(headers: Record<string, string>, path: string, fields: Record<string, string>) {
  return t.app.request(path, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
}

describe('series demo data', () => {
  it('has published templates for gemeenten and a Gent series in every state', async () => {
    expect(demo.templates).toHaveLength(3);
    const status = async (id: string) => (await call(t, { authorization: 'Bearer test-admin-token-0123456789abcdef' }, 'GET', `/api/series/${id}`)).body;
    expect(((await status(demo.byState.ontwerp!)).Versions as { Status: { Code: string } }[])[0]!.Status.Code).toBe('ontwerp');
    expect(((await status(demo.byState['interne-goedkeuring']!)).Versions as { Status: { Code: string } }[])[0]!.Status.Code).toBe('interne-goedkeuring');
    expect(((await status(demo.byState.ingediend!)).Versions as { Status: { Code: string } }[])[0]!.Status.Code).toBe('ingediend');
    expect(((await status(demo.byState.gepubliceerd!)).Versions as { Status: { Code: string } }[])[0]!.Status.Code).toBe('gepubliceerd');
    expect(((await status(demo.byState.vervangen!)).Versions as { Status: { Code: string } }[]).map((v) => v.Status.Code)).toEqual(['vervangen', 'gepubliceerd']);
    const templates = await call(t, {}, 'GET', '/api/series?q=%2BKind%3Ageneriek');
    expect(templates.body.Total).toBe(3);
  });
});

describe('series pages', () => {
  it('browses published series with facets and flags series due for review', async () => {
    const res = await t.app.request('/series');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Huwelijksdossiers');
    expect(html).not.toContain('Personeelsdossiers'); // a draft
    expect(html).toMatch(/Gemeente Gent<\/a> \(\d+\)/);
    const filtered = await (await t.app.request('/series?bestemming=bewaren&soort=gewoon')).text();
    expect(filtered).toContain('Huwelijksdossiers');
    expect(filtered).not.toContain('Registers van inkomende post');
    const ending = await (await t.app.request('/series?geldigheid=verloopt')).text();
    expect(ending).toContain('Registers van inkomende post');
    const page = await (await t.app.request(`/doc/serie/${demo.byState['verloopt-binnenkort']}`)).text();
    expect(page).toContain('tijd voor een herziening');
  });

  it('serves the series at its stable IRI as HTML+RDFa with its version history', async () => {
    const id = demo.byState.vervangen!;
    const redirect = await t.app.request(`/id/serie/${id}`, { headers: { accept: 'text/html' } });
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe(`/doc/serie/${id}`);
    const html = await (await t.app.request(`/doc/serie/${id}`)).text();
    const quads = await rdfaStreaming(html, `${TEST_BASE}/doc/serie/${id}`);
    const s = `${TEST_BASE}/id/serie/${id}`;
    const has = (sub: string, p: string, o?: string) => quads.some((q) => q.subject.value === sub && q.predicate.value.endsWith(p) && (o === undefined || q.object.value === o));
    expect(has(s, '#gepubliceerdeVersie', `${s}/versie/2`)).toBe(true);
    expect(has(s, 'hasVersion', `${s}/versie/1`)).toBe(true);
    expect(has(s, 'hasVersion', `${s}/versie/2`)).toBe(true);
    expect(has(`${s}/versie/2`, 'title', 'Verslagen van de adviesraden')).toBe(true);
    expect(has(`${s}/versie/2/bewaarregel`, '#administratieveBewaartermijn', 'P10Y')).toBe(true);
    // Every RDFa triple about the series is in the store.
    const stored = await t.store.select(`SELECT ?p ?o WHERE { GRAPH ?g { <${s}> ?p ?o } }`);
    for (const q of quads.filter((x) => x.subject.value === s)) {
      expect(stored.some((r) => r.p!.value === q.predicate.value && r.o!.value === q.object.value), `${q.predicate.value} ${q.object.value}`).toBe(true);
    }
    // A draft is not shown to anonymous visitors.
    expect((await t.app.request(`/doc/serie/${demo.byState.ontwerp}`)).status).toBe(404);
  });

  it('walks a series from draft to published through the forms with the demo users', async () => {
    const ib = await loginAs(t, 'demo-informatiebeheerder');
    const ig = await loginAs(t, 'demo-interne-goedkeurder');
    const chair = await loginAs(t, 'demo-commissievoorzitter-gemeenten');
    const form = (await (await t.app.request('/series/nieuw', { headers: ib })).text());
    expect(form).toContain('Gemeente Gent');
    const created = await post(ib, '/series/nieuw', {
      organisatie: 'gemeente-gent', naam: 'Vergaderverslagen schepencollege', omschrijving: 'Verslagen', proces: 'Besluitvorming',
      administratieveBewaartermijn: 'P10Y', termijnspecificatie: 'na-afhandeling', motivering: 'Verantwoording', bestemming: 'bewaren',
      bestemmingMotivering: 'Historische waarde', openbaarheid: 'openbaar', geldigVan: '2026-01-01', geldigTot: '2030-12-31',
    });
    expect(created.status, await created.clone().text()).toBe(303);
    const path = created.headers.get('location')!;
    const id = path.split('/').pop()!;
    const etag = async () => /name="etag" value="(\d+)"/.exec(await (await t.app.request(path, { headers: ib })).text())?.[1] ?? '';

    // A forged cross-site form post is refused.
    const forged = await post({ ...ib, origin: 'https://evil.example' }, `/series/${id}/acties`, { actie: 'indienen' });
    expect(forged.status).toBe(403);

    expect((await post(ib, `/series/${id}/acties`, { actie: 'indienen', etag: await etag() })).status).toBe(303);
    const page = await (await t.app.request(path, { headers: ig })).text();
    expect(page).toContain('Intern goedkeuren');
    expect((await post(ig, `/series/${id}/acties`, { actie: 'intern-goedkeuren', etag: /name="etag" value="(\d+)"/.exec(page)![1]! })).status).toBe(303);
    const tasks = await (await t.app.request('/series/taken', { headers: chair })).text();
    expect(tasks).toContain('Vergaderverslagen schepencollege');
    const stale = await post(chair, `/series/${id}/acties`, { actie: 'goedkeuren', etag: '1' });
    expect(stale.status).toBe(409);
    const chairPage = await (await t.app.request(path, { headers: chair })).text();
    expect((await post(chair, `/series/${id}/acties`, { actie: 'goedkeuren', etag: /name="etag" value="(\d+)"/.exec(chairPage)![1]! })).status).toBe(303);
    const published = await (await t.app.request(path)).text();
    expect(published).toContain('Gepubliceerd');
    expect(await (await t.app.request('/series?q=schepencollege')).text()).toContain('Vergaderverslagen schepencollege');
  });

  it('shows the import report per row and column', async () => {
    const ib = await loginAs(t, 'demo-informatiebeheerder');
    const body = new FormData();
    body.set('organisatie', 'gemeente-gent');
    body.set('bestand', new File(['Naam,Bestemming\nA,verbranden\n'], 'blad.csv', { type: 'text/csv' }));
    const res = await t.app.request('/series/import', { method: 'POST', headers: ib, body });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Geweigerd');
    expect(html).toMatch(/<td>2<\/td><td>Bestemming<\/td>/);
  });
});
