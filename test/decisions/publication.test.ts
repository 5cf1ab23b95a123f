/**
 * Publication: stable URLs per body, date and document type; immutable versions with their own
 * URL, publication time (xsd:dateTime, shown DD-MM-YYYY HH:mm:ss in Brussels time), publisher and
 * dct:isVersionOf; a correction never overwrites what was published.
 */
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sparql } from '../../src/shared/rdf/encode.js';
import { namedNode } from '../../src/shared/rdf/factory.js';
import { DCT, PROV, STELSEL } from '../../src/shared/rdf/vocab.js';
import { TEST_BASE } from '../support/tmp.js';
import { rdfaLblod } from '../linked-data/rdfa-support.js';
import { GENT, createMeeting, makeWorld, meetingBody, orgaanBody, publish, send, type World } from './support.js';

let w: World;
let id: string;
const base = `/besluiten/${GENT}/gemeenteraad/2026-01-15`;

beforeAll(async () => {
  w = await makeWorld();
  id = (await createMeeting(w)).id;
}, 60_000);
afterAll(() => w?.t.close());

async function page(path: string): Promise<{ status: number; html: string; res: Response }> {
  const res = await w.t.app.request(path, { headers: { accept: 'text/html' } });
  return { status: res.status, html: await res.text(), res };
}

interface V {
  iri: string;
  document: string;
  number: number;
  publishedAt: string;
  publisherName: string;
}

describe('publishing', () => {
  it('publishes nothing before a publiceerder asks: pages are 404', async () => {
    expect((await page(`${base}/besluitenlijst`)).status).toBe(404);
    expect((await page(base)).status).toBe(404);
  });

  it('publishes a besluitenlijst at its stable URL and version 1 URL', async () => {
    const res = await publish(w, id, 'besluitenlijst');
    expect(res.status, await res.clone().text()).toBe(201);
    const { versies } = (await res.json()) as { versies: V[] };
    expect(versies).toHaveLength(1);
    const v = versies[0]!;
    expect(v.document).toBe(`${TEST_BASE}${base}/besluitenlijst`);
    expect(v.iri).toBe(`${TEST_BASE}${base}/besluitenlijst/versies/1`);
    expect(v.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const stable = await page(`${base}/besluitenlijst`);
    const versioned = await page(`${base}/besluitenlijst/versies/1`);
    expect(stable.status).toBe(200);
    expect(versioned.status).toBe(200);
    expect(versioned.res.headers.get('cache-control')).toContain('immutable');
    // the time as stored and as shown (Europe/Brussels)
    const triples = rdfaLblod(versioned.html, `${TEST_BASE}${base}/besluitenlijst/versies/1`);
    const time = triples.find((q) => q.subject.value === v.iri && q.predicate.equals(PROV.generatedAtTime));
    expect(time?.object.value).toBe(v.publishedAt);
    expect(time?.object.termType === 'Literal' && time.object.datatype.value).toBe('http://www.w3.org/2001/XMLSchema#dateTime');
    const shown = new Intl.DateTimeFormat('nl-BE', { timeZone: 'Europe/Brussels', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .format(new Date(v.publishedAt))
      .replace(/\//g, '-')
      .replace(',', '');
    expect(versioned.html).toContain(shown);
    expect(shown).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/);
  });

  it('does not make a new version when nothing changed', async () => {
    const res = await publish(w, id, 'besluitenlijst');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { versies: V[] }).versies).toEqual([]);
  });

  it('publishes a correction as version 2; version 1 stays exactly as it was', async () => {
    const v1Before = (await page(`${base}/besluitenlijst/versies/1`)).html;
    const v1Quads = await w.t.raw.count();
    const body = meetingBody();
    body.agendapunten[0]!.behandeling.besluit.titel = 'Besluit 1 (verbeterd)';
    const upd = await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/zittingen/${id}`, body);
    expect(upd.status, await upd.clone().text()).toBe(200);
    const res = await publish(w, id, 'besluitenlijst', w.publiceerder, 'Titel van besluit 1 verbeterd');
    expect(res.status, await res.clone().text()).toBe(201);
    const v2 = ((await res.json()) as { versies: V[] }).versies[0]!;
    expect(v2.number).toBe(2);
    expect(v2.iri).toBe(`${TEST_BASE}${base}/besluitenlijst/versies/2`);
    expect(v1Quads).toBeGreaterThan(0);

    const v1After = (await page(`${base}/besluitenlijst/versies/1`)).html;
    // version 1's content is unchanged (only its list of versions and the "newer version" notice grew)
    const content = (html: string) => html.slice(html.indexOf('<section about'), html.indexOf('id="versies"'));
    expect(content(v1After)).toBe(content(v1Before));
    expect(v1After).toContain('Besluit 1<');
    expect(v1After).toContain('Er is een nieuwere versie');
    const stable = await page(`${base}/besluitenlijst`);
    expect(stable.html).toContain('Besluit 1 (verbeterd)');
    expect(stable.html).toContain('Titel van besluit 1 verbeterd');

    // the stable page describes version 2, linked to the document and to version 1
    const triples = rdfaLblod(stable.html, `${TEST_BASE}${base}/besluitenlijst`);
    const has = (s: string, p: { value: string }, o: string) => triples.some((q) => q.subject.value === s && q.predicate.value === p.value && q.object.value === o);
    expect(has(v2.iri, DCT.isVersionOf, v2.document)).toBe(true);
    expect(has(v2.iri, DCT.replaces, `${TEST_BASE}${base}/besluitenlijst/versies/1`)).toBe(true);
    expect(has(`${TEST_BASE}${base}/besluitenlijst/versies/1`, DCT.isVersionOf, v2.document)).toBe(true);
    // version list: both versions with time and publisher
    expect(stable.html.match(/versie 1/g)?.length).toBeGreaterThan(0);
    expect(stable.html).toContain(v2.publisherName);
  });

  it('audits each version with the document as resource, and refuses to write a version graph twice', async () => {
    const doc = namedNode(`${TEST_BASE}${base}/besluitenlijst`);
    const rows = await w.t.raw.select(sparql`SELECT ?e WHERE { GRAPH ${w.t.uris.auditGraph} { ?e ${STELSEL.action} ?a ; ${STELSEL.resource} ${doc} } }`);
    expect(rows).toHaveLength(2);
    const svcVersion = await w.t.audit.version(doc);
    expect(svcVersion).toBe(2);
  });

  it('publishes notulen with the non-public treatment reduced to title and description', async () => {
    const res = await publish(w, id, 'notulen');
    expect(res.status, await res.clone().text()).toBe(201);
    const notulen = (await page(`${base}/notulen`)).html;
    expect(notulen).toContain('Agendapunt 2: reglement');
    expect(notulen).toContain('Beschrijving van punt 2');
    expect(notulen).not.toContain('Juridische grond en motivering 2');
    expect(notulen).not.toContain('Goedkeuring van punt 2');
    expect(notulen).toContain('Juridische grond en motivering 1');
    expect(notulen).toContain('Het reglement 1 wordt goedgekeurd.');
  });

  it('publishes one uittreksel per treatment, and the agenda', async () => {
    const res = await publish(w, id, 'uittreksels');
    expect(res.status, await res.clone().text()).toBe(201);
    const { versies } = (await res.json()) as { versies: V[] };
    expect(versies.map((v) => v.document)).toEqual([1, 2, 3].map((n) => `${TEST_BASE}${base}/uittreksels/${n}`));
    const u3 = (await page(`${base}/uittreksels/3`)).html;
    expect(u3).toContain('Agendapunt 3: reglement');
    expect(u3).not.toContain('Agendapunt 1: reglement');
    expect((await publish(w, id, 'agenda')).status).toBe(201);
    expect((await page(`${base}/agenda`)).status).toBe(200);
    expect((await page(`${base}/uittreksels/9`)).status).toBe(404);
    expect((await page(`${base}/besluitenlijst/versies/7`)).status).toBe(404);
  });

  it('lets only one of two simultaneous publications become the next version', async () => {
    const body = meetingBody();
    body.agendapunten[0]!.behandeling.besluit.titel = 'Besluit 1 (tweede verbetering)';
    expect((await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/zittingen/${id}`, body)).status).toBe(200);
    const [a, b] = await Promise.all([publish(w, id, 'besluitenlijst'), publish(w, id, 'besluitenlijst')]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const stable = await page(`${base}/besluitenlijst`);
    expect(stable.html).toContain('versies/3');
    expect(stable.html).not.toContain('versies/4');
  });

  it('lists every version of the meeting\'s documents for its readers', async () => {
    const res = await send(w.t, w.lezer, 'GET', `/api/besluiten/${GENT}/zittingen/${id}/publicaties`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as V[];
    expect(list.filter((v) => v.document.endsWith('/besluitenlijst')).map((v) => v.number)).toEqual([1, 2, 3]);
    expect(list.filter((v) => v.document.includes('/uittreksels/')).length).toBe(3);
    expect((await send(w.t, w.aalstSchrijver, 'GET', `/api/besluiten/${GENT}/zittingen/${id}/publicaties`)).status).toBe(403);
  });

  it('keeps the URLs of a published meeting when it is edited, and refuses a change of body', async () => {
    const moved = await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/zittingen/${id}`, meetingBody({ geplandeStart: '2026-01-16T19:00:00+01:00' }));
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(((await moved.json()) as { slug: string }).slug).toBe('2026-01-15');
  });

  it('refuses to publish when a mandataris of the meeting was removed from the body', async () => {
    const z = await createMeeting(w, meetingBody({ geplandeStart: '2026-02-20T19:00:00+01:00' }));
    const body = orgaanBody();
    body.perioden[0]!.mandatarissen = body.perioden[0]!.mandatarissen.filter((m) => m.id !== 'm-chris');
    expect((await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/organen/gemeenteraad`, body)).status).toBe(200);
    const res = await publish(w, z.id, 'besluitenlijst');
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('m-chris is geen mandataris');
    expect((await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/organen/gemeenteraad`, orgaanBody())).status).toBe(200);
  });

  it('refuses to publish notulen of a meeting that has not been held, naming what is missing', async () => {
    const future = await createMeeting(w, { orgaan: 'gemeenteraad', geplandeStart: '2026-06-01T19:00:00+02:00', agendapunten: [{ titel: 'Punt', geplandOpenbaar: true }] });
    const res = await publish(w, future.id, 'notulen');
    expect(res.status).toBe(422);
    const fields = ((await res.json()) as { error: { details: { problems: { field: string }[] } } }).error.details.problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['gestart', 'geeindigd', 'voorzitter', 'secretaris', 'aanwezigen', 'agendapunten.0.behandeling']));
    expect((await publish(w, future.id, 'agenda')).status).toBe(201);
  });
});

describe('the document page', () => {
  it('links its PDF rendition with a plain link (no RDFa property, so harvesters do not follow it)', async () => {
    const z = await createMeeting(w, meetingBody({ geplandeStart: '2026-08-20T19:00:00+02:00' }));
    expect((await publish(w, z.id, 'besluitenlijst')).status).toBe(201);
    const stable = `${TEST_BASE}/besluiten/${GENT}/gemeenteraad/2026-08-20/besluitenlijst`;
    for (const [path, pdf] of [[stable, `${stable}.pdf`], [`${stable}/versies/1`, `${stable}/versies/1.pdf`]] as const) {
      const { html } = await page(path.slice(TEST_BASE.length));
      const doc = new JSDOM(html).window.document;
      const links = [...doc.querySelectorAll('a[href$=".pdf"]')];
      expect(links.map((a) => a.getAttribute('href')), path).toEqual([pdf]);
      expect(links[0]!.hasAttribute('property') || links[0]!.hasAttribute('rel'), path).toBe(false);
    }
  });
});

describe('the aanvullende and spoedeisende agenda', () => {
  it('are publications of their own, with only their agendapunten, and are refused when there are none', async () => {
    const z = await createMeeting(w, {
      orgaan: 'gemeenteraad',
      geplandeStart: '2026-07-02T19:00:00+02:00',
      agendapunten: [
        { titel: 'Gepland punt', type: 'gepland' },
        { titel: 'Aanvullend punt', type: 'aanvullend' },
      ],
    });
    const res = await publish(w, z.id, 'spoedeisende-agenda');
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('geen spoedeisende agendapunten');
    const ok = await publish(w, z.id, 'aanvullende-agenda');
    expect(ok.status, await ok.clone().text()).toBe(201);
    const [v] = ((await ok.json()) as { versies: (V & { kind: string })[] }).versies;
    expect(v).toMatchObject({ kind: 'aanvullende-agenda', document: `${TEST_BASE}/besluiten/${GENT}/gemeenteraad/2026-07-02/aanvullende-agenda`, number: 1 });
    const { status, html } = await page(`/besluiten/${GENT}/gemeenteraad/2026-07-02/aanvullende-agenda`);
    expect(status).toBe(200);
    expect(html).toContain('Aanvullend punt');
    expect(html).not.toContain('Gepland punt');
    expect(html).toContain('Aanvullende agenda');
    // the planned agenda is a separate document, untouched
    expect((await page(`/besluiten/${GENT}/gemeenteraad/2026-07-02/agenda`)).status).toBe(404);
    const list = (await (await send(w.t, w.lezer, 'GET', `/api/besluiten/${GENT}/zittingen/${z.id}/publicaties`)).json()) as { kind: string }[];
    expect(list.map((x) => x.kind)).toEqual(['aanvullende-agenda']);
  });
});

describe('a decision that replaces a regulation', () => {
  it('links the replaced regulation with eli:consolidates in the published pages, and refuses what is not an http(s) IRI', async () => {
    const replaced = `${TEST_BASE}/id/besluit/b-1`;
    const body = meetingBody({ geplandeStart: '2026-09-17T19:00:00+02:00' });
    body.agendapunten[0]!.behandeling.besluit = { ...body.agendapunten[0]!.behandeling.besluit, vervangt: replaced } as typeof body.agendapunten[0]['behandeling']['besluit'];
    const z = await createMeeting(w, body);
    expect((await publish(w, z.id, 'notulen')).status).toBe(201);
    const path = `/besluiten/${GENT}/gemeenteraad/2026-09-17/notulen/versies/1`;
    const triples = rdfaLblod((await page(path)).html, `${TEST_BASE}${path}`);
    const links = triples.filter((q) => q.predicate.value === 'http://data.europa.eu/eli/ontology#consolidates');
    expect(links.map((q) => [q.subject.termType, q.object.value])).toEqual([['NamedNode', replaced]]);

    for (const bad of ['javascript:alert(1)', 'http://example.org/a b', 'geen iri']) {
      const wrong = meetingBody({ geplandeStart: '2026-09-18T19:00:00+02:00' });
      wrong.agendapunten[0]!.behandeling.besluit = { ...wrong.agendapunten[0]!.behandeling.besluit, vervangt: bad } as typeof wrong.agendapunten[0]['behandeling']['besluit'];
      const res = await send(w.t, w.schrijver, 'POST', `/api/besluiten/${GENT}/zittingen`, wrong);
      expect(res.status, bad).toBe(422);
      expect(await res.text(), bad).toContain('vervangt');
    }
  });
});
