/**
 * Editing draft meetings through the API: the model round-trips, bad input is refused with the
 * field named and nothing written, rights per role and bestuurseenheid, drafts stay private, and
 * every change is in the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sparql } from '../../src/shared/rdf/encode.js';
import { literal } from '../../src/shared/rdf/factory.js';
import { PROV, STELSEL } from '../../src/shared/rdf/vocab.js';
import { AALST, GENT, createMeeting, makeWorld, meetingBody, send, type World } from './support.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
}, 60_000);
afterAll(() => w?.t.close());

const zittingen = `/api/besluiten/${GENT}/zittingen`;

describe('draft meetings', () => {
  it('creates a meeting and reads it back exactly (order, votes, artikels)', async () => {
    const created = await createMeeting(w);
    expect(created.slug).toBe('2026-01-15');
    expect(created.pagina).toBe(`/besluiten/${GENT}/gemeenteraad/2026-01-15`);
    const res = await send(w.t, w.lezer, 'GET', `${zittingen}/${created.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    const z = (await res.json()) as ReturnType<typeof meetingBody> & { periode: string };
    const want = meetingBody();
    expect(z.periode).toBe('2025-2030');
    expect(z.agendapunten.map((a) => a.id)).toEqual(['ap-1', 'ap-2', 'ap-3']);
    expect(z.agendapunten.map((a) => a.titel)).toEqual(want.agendapunten.map((a) => a.titel));
    expect(z.agendapunten[0]!.behandeling.besluit.artikels.map((a) => a.inhoud)).toEqual(want.agendapunten[0]!.behandeling.besluit.artikels.map((a) => a.inhoud));
    const vote = z.agendapunten[0]!.behandeling.stemmingen[0] as unknown as Record<string, unknown>;
    expect(vote).toMatchObject({ aantalVoorstanders: 3, aantalTegenstanders: 1, aantalOnthouders: 0, geheim: false, tegenstanders: ['m-chris'] });
    const secret = z.agendapunten[2]!.behandeling.stemmingen[0] as unknown as Record<string, unknown>;
    expect(secret).toMatchObject({ geheim: true, aantalVoorstanders: 3, voorstanders: [] });
  });

  it('gives a second meeting of the same body on the same day a suffix, and keeps it', async () => {
    const second = await createMeeting(w, meetingBody({ geplandeStart: '2026-01-15T20:30:00+01:00' }));
    expect(second.slug).toBe('2026-01-15-2');
    const res = await send(w.t, w.schrijver, 'PUT', `${zittingen}/${second.id}`, meetingBody({ geplandeStart: '2026-01-15T21:00:00+01:00' }));
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as { slug: string }).slug).toBe('2026-01-15-2');
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const before = await w.t.raw.count();
    const cases: [unknown, string][] = [
      [meetingBody({ geplandeStart: '15-01-2026 19:00' }), 'geplandeStart'],
      [meetingBody({ voorzitter: 'm-onbekend' }), 'voorzitter.0'],
      [meetingBody({ orgaan: 'college' }), 'orgaan'],
      [{ ...meetingBody(), onbekendVeld: 1 }, '(body)'],
    ];
    const bad = meetingBody();
    bad.agendapunten[0]!.behandeling.stemmingen[0] = { ...bad.agendapunten[0]!.behandeling.stemmingen[0]!, aantalVoorstanders: 7 } as never;
    cases.push([bad, 'agendapunten.0.behandeling.stemmingen.0.aantalVoorstanders']);
    const badType = meetingBody();
    (badType.agendapunten[1]!.behandeling.besluit as { type: string }).type = 'geen-type';
    cases.push([badType, 'agendapunten.1.behandeling.besluit.type']);
    for (const [body, field] of cases) {
      const res = await send(w.t, w.schrijver, 'POST', zittingen, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      const err = (await res.json()) as { error: { details?: { problems: { field: string }[] } } };
      expect(err.error.details?.problems.map((p) => p.field), JSON.stringify(err)).toContain(field);
    }
    const notJson = await w.t.app.request(zittingen, { method: 'POST', headers: { ...w.schrijver, 'content-type': 'application/json' }, body: '{"orgaan":' });
    expect(notJson.status).toBe(400);
    expect(await w.t.raw.count()).toBe(before + 0 /* denied writes add nothing either */);
  });

  it('refuses a stale If-Match with 409', async () => {
    const z = await createMeeting(w, meetingBody({ geplandeStart: '2026-02-01T19:00:00+01:00' }));
    const ok = await send(w.t, { ...w.schrijver, 'if-match': '"1"' }, 'PUT', `${zittingen}/${z.id}`, meetingBody({ geplandeStart: '2026-02-01T19:00:00+01:00' }));
    expect(ok.status).toBe(200);
    const stale = await send(w.t, { ...w.schrijver, 'if-match': '"1"' }, 'PUT', `${zittingen}/${z.id}`, meetingBody({ geplandeStart: '2026-02-01T19:00:00+01:00' }));
    expect(stale.status).toBe(409);
  });
});

describe('rights', () => {
  it('a schrijver of another bestuurseenheid cannot read, create or change', async () => {
    const z = await createMeeting(w, meetingBody({ geplandeStart: '2026-03-01T19:00:00+01:00' }));
    expect((await send(w.t, w.aalstSchrijver, 'GET', `${zittingen}/${z.id}`)).status).toBe(403);
    expect((await send(w.t, w.aalstSchrijver, 'PUT', `${zittingen}/${z.id}`, meetingBody())).status).toBe(403);
    expect((await send(w.t, w.aalstSchrijver, 'POST', zittingen, meetingBody())).status).toBe(403);
    expect((await send(w.t, w.aalstSchrijver, 'PUT', `/api/besluiten/${GENT}/organen/gemeenteraad`, { naam: 'x', classificatie: 'gemeenteraad', perioden: [{ id: 'p', start: '2025-01-01' }] })).status).toBe(403);
    // and its own meetings live under its own bestuurseenheid only
    expect((await send(w.t, w.aalstSchrijver, 'GET', `/api/besluiten/${AALST}/zittingen/${z.id}`)).status).toBe(404);
  });

  it('a lezer reads drafts but cannot write or publish; anonymous callers get 401', async () => {
    const z = await createMeeting(w, meetingBody({ geplandeStart: '2026-03-02T19:00:00+01:00' }));
    expect((await send(w.t, w.lezer, 'GET', zittingen)).status).toBe(200);
    expect((await send(w.t, w.lezer, 'PUT', `${zittingen}/${z.id}`, meetingBody())).status).toBe(403);
    expect((await send(w.t, w.lezer, 'POST', `${zittingen}/${z.id}/publicaties`, { soort: 'agenda' })).status).toBe(403);
    expect((await send(w.t, w.schrijver, 'POST', `${zittingen}/${z.id}/publicaties`, { soort: 'agenda' })).status).toBe(403);
    expect((await send(w.t, {}, 'GET', `${zittingen}/${z.id}`)).status).toBe(401);
    expect((await send(w.t, {}, 'POST', zittingen, meetingBody())).status).toBe(401);
  });

  it('keeps drafts out of the public SPARQL endpoint and the linked-data pages', async () => {
    const z = await createMeeting(w, meetingBody({ geplandeStart: '2026-03-03T19:00:00+01:00', agendapunten: [{ titel: 'Geheim ontwerp xyz', geplandOpenbaar: true }] }));
    expect(z.id).toBeTruthy();
    const res = await w.t.app.request(`/sparql?query=${encodeURIComponent('SELECT ?s WHERE { ?s ?p "Geheim ontwerp xyz" }')}`, { headers: { accept: 'application/sparql-results+json' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { bindings: unknown[] } };
    expect(body.results.bindings).toEqual([]);
    // nor in the linked-data pages
    expect((await w.t.app.request(`/doc/zitting/${z.id}`, { headers: { accept: 'text/html' } })).status).toBe(404);
    // while the store does hold it
    expect(await w.t.raw.ask(sparql`ASK { GRAPH ?g { ?s ?p ${literal('Geheim ontwerp xyz')} } }`)).toBe(true);
  });
});

describe('audit', () => {
  it('records who created and changed a meeting, and which fields changed', async () => {
    const z = await createMeeting(w, meetingBody({ geplandeStart: '2026-04-01T19:00:00+01:00' }));
    const changed = meetingBody({ geplandeStart: '2026-04-01T19:00:00+01:00' });
    changed.agendapunten[1]!.titel = 'Nieuwe titel';
    await send(w.t, w.schrijver, 'PUT', `${zittingen}/${z.id}`, changed);
    const rows = await w.t.raw.select(sparql`SELECT ?a ?d ?who WHERE { GRAPH ${w.t.uris.auditGraph} { ?e ${STELSEL.action} ?a ; ${PROV.value} ?d ; ${PROV.wasAssociatedWith} ?who ; ${STELSEL.resource} ${w.t.uris.id('zitting', z.id)} } }`);
    expect(rows.map((r) => r.a?.value).sort()).toEqual(['decisions.zitting.create', 'decisions.zitting.update']);
    const update = rows.find((r) => r.a?.value === 'decisions.zitting.update');
    expect(update?.d?.value).toBe('gemeenteraad 2026-04-01: agendapunten.1.titel');
    expect(update?.who?.value).toMatch(/\/id\/token\//);
  });
});
