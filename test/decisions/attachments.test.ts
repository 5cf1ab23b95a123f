/**
 * Attachments (bijlagen) of decisions: a schrijver uploads a PDF for a draft meeting; it is checked
 * while it is read (PDF signature, size), stored once under its SHA-256 in DATA_DIR, described
 * privately in the store (audited), referred to by a decision, and public only once a published
 * version refers to it, at an immutable URL. Bad uploads leave neither a file nor a triple. An
 * attachment no decision and no published version uses can be removed; its file goes with the last
 * attachment of that checksum, and old files nothing describes are cleaned up.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentService } from '../../src/decisions/attachment-service.js';
import { createDecisionService } from '../../src/decisions/index.js';
import { sparql } from '../../src/shared/rdf/encode.js';
import { literal } from '../../src/shared/rdf/factory.js';
import { STELSEL } from '../../src/shared/rdf/vocab.js';
import { listenFirst, type ListeningServer } from '../support/browser.js';
import { TEST_BASE } from '../support/tmp.js';
import { hasProfile, parsePage, tripleProblems, violations } from './harvest-support.js';
import { GENT, createMeeting, makeWorld, meetingBody, pdfBytes, publish, send, upload, type UploadedBijlage, type World } from './support.js';

const MAX = 256 * 1024;
let w: World;
let dir: string;
beforeAll(async () => {
  // BODY_LIMIT_BYTES is far below the attachment limit: uploads have their own limit.
  w = await makeWorld({ DECISIONS_ATTACHMENT_MAX_BYTES: String(MAX), BODY_LIMIT_BYTES: '16384', DEMO: 'true', SESSION_SECRET: 'decisions-attachments-test-session-secret-0123' });
  dir = path.join(w.t.config.dataDir, 'besluiten', 'bijlagen');
}, 60_000);
afterAll(() => w?.t.close());

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const files = () => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort() : []);
const temps = () => (existsSync(path.join(dir, 'tmp')) ? readdirSync(path.join(dir, 'tmp')) : []);
const zittingApi = (id: string) => `/api/besluiten/${GENT}/zittingen/${id}`;

describe('uploading', () => {
  it('stores a PDF under its SHA-256, describes it privately and audits it', async () => {
    const z = await createMeeting(w);
    const bytes = await pdfBytes('Reglement '.repeat(2500));
    expect(bytes.length).toBeGreaterThan(w.t.config.bodyLimitBytes);
    const res = await upload(w, z.id, bytes, 'Reglement parkeren.pdf');
    expect(res.status, await res.clone().text()).toBe(201);
    const b = (await res.json()) as UploadedBijlage;
    expect(b).toMatchObject({ bestandsnaam: 'Reglement parkeren.pdf', grootte: bytes.length, sha256: sha(bytes), zitting: z.id });
    expect(res.headers.get('location')).toBe(`${zittingApi(z.id)}/bijlagen/${b.id}`);
    expect(readFileSync(path.join(dir, `${b.sha256}.pdf`)).equals(Buffer.from(bytes))).toBe(true);
    expect(temps()).toEqual([]);

    // the bestuurseenheid's roles read it; another bestuurseenheid and the public do not
    const list = await send(w.t, w.lezer, 'GET', `${zittingApi(z.id)}/bijlagen`);
    expect(((await list.json()) as UploadedBijlage[]).map((x) => x.id)).toEqual([b.id]);
    const file = await w.t.app.request(b.bestand, { headers: w.lezer });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    expect((await w.t.app.request(b.bestand, { headers: w.aalstSchrijver })).status).toBe(403);
    expect((await w.t.app.request(b.bestand)).status).toBe(401);
    expect((await w.t.app.request(`/besluiten/bijlagen/${b.sha256}.pdf`)).status).toBe(404);

    const audited = await w.t.raw.ask(sparql`ASK { GRAPH ${w.t.uris.auditGraph} { ?e ${STELSEL.action} ${literal('decisions.bijlage.upload')} } }`);
    expect(audited).toBe(true);
  });

  it('refuses what is not a PDF, empty, too large, mistyped or unnamed: a clear 4xx and nothing stored', async () => {
    const z = await createMeeting(w, meetingBody({ geplandeStart: '2026-02-01T19:00:00+01:00' }));
    const before = await contentCount();
    const stored = files();
    const big = new Uint8Array(MAX + 1).fill(0x20);
    big.set(Buffer.from('%PDF-1.7\n'));
    const streamed = (bytes: Uint8Array, chunk = 4096) =>
      new ReadableStream<Uint8Array>({
        start(ctl) {
          for (let i = 0; i < bytes.length; i += chunk) ctl.enqueue(bytes.slice(i, i + chunk));
          ctl.close();
        },
      });
    const cases: [Promise<Response>, number, string][] = [
      [upload(w, z.id, Buffer.from('Hallo, dit is tekst en geen PDF'), 'nep.pdf'), 422, 'geen PDF-bestand'],
      [upload(w, z.id, Buffer.from('<html>%PDF-1.4'), 'nep.pdf'), 422, '%PDF-'],
      [upload(w, z.id, new Uint8Array(0), 'leeg.pdf'), 422, 'leeg'],
      [upload(w, z.id, Buffer.from('%PD'), 'kort.pdf'), 422, 'geen PDF-bestand'],
      [upload(w, z.id, big, 'groot.pdf'), 413, String(MAX)],
      [upload(w, z.id, streamed(big), 'groot-gestreamd.pdf'), 413, String(MAX)],
      [upload(w, z.id, await pdfBytes(), 'bijlage.pdf', w.schrijver, 'text/plain'), 415, 'application/pdf'],
      [upload(w, z.id, await pdfBytes(), undefined), 422, 'bestandsnaam'],
      [upload(w, z.id, await pdfBytes(), 'bijlage.docx'), 422, '.pdf'],
      [upload(w, z.id, await pdfBytes(), 'map/bijlage.pdf'), 422, 'schuine'],
      [upload(w, z.id, await pdfBytes(), 'regel\nInjected: x.pdf'), 422, 'stuurtekens'],
      [upload(w, z.id, await pdfBytes(), 'bijlage.pdf', w.lezer), 403, ''],
      [upload(w, z.id, await pdfBytes(), 'bijlage.pdf', w.aalstSchrijver), 403, ''],
      [upload(w, z.id, await pdfBytes(), 'bijlage.pdf', {}), 401, ''],
    ];
    for (const [pending, status, text] of cases) {
      const res = await pending;
      const body = await res.text();
      expect(res.status, body).toBe(status);
      expect(body).toContain(text);
    }
    expect(await contentCount()).toBe(before);
    expect(files()).toEqual(stored);
    expect(temps()).toEqual([]);
  });

  it('removes temporary files a crash left behind, and only those', async () => {
    const z = await createMeeting(w, meetingBody({ geplandeStart: '2026-02-03T19:00:00+01:00' }));
    const tmp = path.join(dir, 'tmp');
    mkdirSync(tmp, { recursive: true });
    writeFileSync(path.join(tmp, 'oud.part'), '%PDF-half');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(path.join(tmp, 'oud.part'), old, old);
    writeFileSync(path.join(tmp, 'bezig.part'), '%PDF-half');
    expect((await upload(w, z.id, await pdfBytes('Na een crash'), 'na-crash.pdf')).status).toBe(201);
    expect(temps()).toEqual(['bezig.part']);
    rmSync(path.join(tmp, 'bezig.part'));
  });

  it('accepts a streamed upload without Content-Length up to the limit', async () => {
    const z = await createMeeting(w, meetingBody({ geplandeStart: '2026-02-02T19:00:00+01:00' }));
    const bytes = await pdfBytes('Gestreamd '.repeat(200));
    const stream = new ReadableStream<Uint8Array>({
      start(ctl) {
        for (let i = 0; i < bytes.length; i += 1000) ctl.enqueue(bytes.slice(i, i + 1000));
        ctl.close();
      },
    });
    const res = await upload(w, z.id, stream, 'gestreamd.pdf');
    expect(res.status, await res.clone().text()).toBe(201);
    expect(((await res.json()) as UploadedBijlage).sha256).toBe(sha(bytes));
  });
});

describe("the editor's upload form", () => {
  /** A multipart form as a browser sends it: with its Content-Length. */
  async function formPost(path: string, headers: Record<string, string>, file: Uint8Array, name: string) {
    const fd = new FormData();
    fd.append('bestand', new File([new Uint8Array(file)], name, { type: 'application/pdf' }));
    const encoded = new Request('http://x/', { method: 'POST', body: fd });
    const body = new Uint8Array(await encoded.arrayBuffer());
    return w.t.app.request(path, { method: 'POST', headers: { ...headers, 'content-type': encoded.headers.get('content-type')!, 'content-length': String(body.length) }, body });
  }

  it('uploads a PDF for a schrijver with a session, and refuses forged, foreign and too large posts', async () => {
    const login = await w.t.app.request('/demo/login', {
      method: 'POST',
      headers: { origin: TEST_BASE, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user: `${TEST_BASE}/id/gebruiker/demo-schrijver` }).toString(),
    });
    expect(login.status).toBe(303);
    const session = { cookie: login.headers.getSetCookie().find((c) => c.startsWith('stelsel_session='))!.split(';')[0]!, origin: TEST_BASE };
    const z = await createMeeting(w, meetingBody({ geplandeStart: '2026-02-10T19:00:00+01:00' }));
    const path = `/beheer/besluiten/${GENT}/zittingen/${z.id}/bijlagen`;
    const page = await (await w.t.app.request(`/beheer/besluiten/${GENT}/zittingen/${z.id}`, { headers: { cookie: session.cookie } })).text();
    expect(new JSDOM(page).window.document.querySelector(`form[action="${path}"][enctype="multipart/form-data"] input[type="file"][name="bestand"]`)).not.toBeNull();

    const bytes = await pdfBytes('Via het formulier');
    const before = files();
    expect((await formPost(path, { cookie: session.cookie, origin: 'https://evil.example' }, bytes, 'vals.pdf')).status).toBe(403);
    expect((await formPost(path, w.aalstSchrijver, bytes, 'vreemd.pdf')).status).toBe(403);
    expect((await formPost(path, w.lezer, bytes, 'lezer.pdf')).status).toBe(403);
    const big = new Uint8Array(MAX * 2).fill(0x20);
    big.set(Buffer.from('%PDF-1.7\n'));
    expect((await formPost(path, session, big, 'groot.pdf')).status).toBe(413);
    expect((await formPost(path, session, Buffer.from('geen pdf'), 'nep.pdf')).status).toBe(422);
    expect(files()).toEqual(before);

    const res = await formPost(path, session, bytes, 'Via het formulier.pdf');
    expect(res.status, await res.clone().text()).toBe(303);
    const list = (await (await send(w.t, w.lezer, 'GET', `/api/besluiten/${GENT}/zittingen/${z.id}/bijlagen`)).json()) as UploadedBijlage[];
    expect(list.map((b) => [b.bestandsnaam, b.sha256])).toEqual([['Via het formulier.pdf', sha(bytes)]]);
  });
});

describe('decisions referring to attachments, and publication', () => {
  let z: { id: string; pagina: string };
  let open: UploadedBijlage;
  let closed: UploadedBijlage;
  let draftOnly: UploadedBijlage;
  // slashes are refused in file names; everything else of an injection attempt must come out as text
  const hostile = `"><img src=x onerror=alert(1)><script>alert(2)<" property="eli:title" x='.pdf`;

  beforeAll(async () => {
    z = await createMeeting(w, meetingBody({ geplandeStart: '2026-03-05T19:00:00+01:00' }));
    const up = async (text: string, name: string) => {
      const res = await upload(w, z.id, await pdfBytes(text), name);
      expect(res.status, await res.clone().text()).toBe(201);
      return (await res.json()) as UploadedBijlage;
    };
    open = await up('Openbare bijlage', hostile);
    closed = await up('Besloten bijlage', 'besloten.pdf');
    draftOnly = await up('Nooit gepubliceerd', 'ontwerp.pdf');
  });

  it('refuses a reference to an attachment the meeting does not have, naming the field', async () => {
    const body = meetingBody({ geplandeStart: '2026-03-05T19:00:00+01:00' });
    (body.agendapunten[0]!.behandeling.besluit as Record<string, unknown>).bijlagen = ['geen-bijlage'];
    const res = await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/zittingen/${z.id}`, body);
    expect(res.status).toBe(422);
    const err = (await res.json()) as { error: { details: { problems: { field: string }[] } } };
    expect(err.error.details.problems.map((p) => p.field)).toEqual(['agendapunten.0.behandeling.besluit.bijlagen.0']);
  });

  it('keeps the references in the draft and publishes the shown ones at a public, immutable URL', async () => {
    const body = meetingBody({ geplandeStart: '2026-03-05T19:00:00+01:00' });
    (body.agendapunten[0]!.behandeling.besluit as Record<string, unknown>).bijlagen = [open.id];
    (body.agendapunten[1]!.behandeling.besluit as Record<string, unknown>).bijlagen = [closed.id]; // agendapunt 2 is not public
    const put = await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/zittingen/${z.id}`, body);
    expect(put.status, await put.clone().text()).toBe(200);
    const read = (await (await send(w.t, w.lezer, 'GET', `/api/besluiten/${GENT}/zittingen/${z.id}`)).json()) as ReturnType<typeof meetingBody>;
    expect((read.agendapunten[0]!.behandeling.besluit as Record<string, unknown>).bijlagen).toEqual([open.id]);

    for (const k of ['notulen', 'uittreksels']) expect((await publish(w, z.id, k)).status).toBe(201);
    const page = await w.t.app.request(`${z.pagina}/uittreksels/1`);
    const html = await page.text();
    const doc = new JSDOM(html).window.document;
    const link = [...doc.querySelectorAll('.bijlagen a')].map((a) => ({ href: a.getAttribute('href'), text: a.textContent }));
    expect(link).toEqual([{ href: `${TEST_BASE}/besluiten/bijlagen/${open.sha256}.pdf`, text: hostile }]);
    // hostile file name: escaped, adds no element or attribute
    expect(doc.querySelectorAll('script, img')).toHaveLength(0);
    expect(doc.querySelectorAll('[x]')).toHaveLength(0);
    // the harvester sees the decision's eli:related_to and no unsupported literal
    const triples = parsePage(`${TEST_BASE}${z.pagina}/uittreksels/1`, html).triples;
    expect(tripleProblems(triples)).toEqual([]);
    expect(triples.some((q) => q.predicate.value === 'http://data.europa.eu/eli/ontology#related_to' && q.object.value.endsWith(`/bijlage/${open.id}`))).toBe(true);
    expect(triples.filter((q) => q.predicate.value === 'http://data.europa.eu/eli/ontology#title').map((q) => q.object.value)).not.toContain('');
    if (hasProfile) expect((await violations(triples)).list).toEqual([]);

    // the notulen reduce the non-public treatment: its attachment is neither listed nor public
    const notulen = await (await w.t.app.request(`${z.pagina}/notulen`)).text();
    expect(notulen).toContain(open.sha256);
    expect(notulen).not.toContain(closed.sha256);

    const file = await w.t.app.request(`/besluiten/bijlagen/${open.sha256}.pdf`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const disposition = file.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^inline; filename="[A-Za-z0-9._ -]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(hostile);
    expect(sha(new Uint8Array(await file.arrayBuffer()))).toBe(open.sha256);
    expect((await w.t.app.request(`/besluiten/bijlagen/${open.sha256}.pdf`, { headers: { 'if-none-match': `"${open.sha256}"` } })).status).toBe(304);
    for (const b of [closed, draftOnly]) expect((await w.t.app.request(`/besluiten/bijlagen/${b.sha256}.pdf`)).status).toBe(404);
    expect((await w.t.app.request('/besluiten/bijlagen/not-a-checksum.pdf')).status).toBe(404);
  });

  it('makes a changed attachment a changed document: a new version', async () => {
    const extra = await upload(w, z.id, await pdfBytes('Nog een bijlage'), 'tweede.pdf');
    const b = (await extra.json()) as UploadedBijlage;
    const body = meetingBody({ geplandeStart: '2026-03-05T19:00:00+01:00' });
    (body.agendapunten[0]!.behandeling.besluit as Record<string, unknown>).bijlagen = [open.id, b.id];
    (body.agendapunten[1]!.behandeling.besluit as Record<string, unknown>).bijlagen = [closed.id];
    expect((await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/zittingen/${z.id}`, body)).status).toBe(200);
    const res = await publish(w, z.id, 'uittreksels');
    const versies = ((await res.json()) as { versies: { iri: string }[] }).versies.map((v) => v.iri);
    expect(versies).toEqual([`${TEST_BASE}${z.pagina}/uittreksels/1/versies/2`]);
    expect((await w.t.app.request(`/besluiten/bijlagen/${b.sha256}.pdf`)).status).toBe(200);
  });
});

describe('removing attachments', () => {
  const remove = (id: string, b: string, headers: Record<string, string> = w.schrijver, extra: Record<string, string> = {}) => send(w.t, { ...headers, ...extra }, 'DELETE', `${zittingApi(id)}/bijlagen/${b}`);
  const up = async (id: string, bytes: Uint8Array, name: string) => {
    const res = await upload(w, id, bytes, name);
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as UploadedBijlage;
  };
  const listed = async (id: string) => ((await (await send(w.t, w.lezer, 'GET', `${zittingApi(id)}/bijlagen`)).json()) as UploadedBijlage[]).map((b) => b.id);
  const onDisk = (b: UploadedBijlage) => existsSync(path.join(dir, `${b.sha256}.pdf`));
  const withBijlagen = (start: string, refs: Record<number, string[]>) => {
    const body = meetingBody({ geplandeStart: start });
    for (const [i, ids] of Object.entries(refs)) (body.agendapunten[Number(i)]!.behandeling.besluit as Record<string, unknown>).bijlagen = ids;
    return body;
  };

  it('removes an unused attachment (204, audited): its metadata, then its file; refuses a stale If-Match', async () => {
    const z = await createMeeting(w, meetingBody({ geplandeStart: '2026-04-01T19:00:00+02:00' }));
    const b = await up(z.id, await pdfBytes('Weg ermee'), 'weg.pdf');
    const file = await w.t.app.request(b.bestand, { headers: w.lezer });
    expect(file.headers.get('etag')).toBe('"1"');
    await file.body?.cancel();
    const stale = await remove(z.id, b.id, w.schrijver, { 'if-match': '"7"' });
    expect(stale.status, await stale.clone().text()).toBe(409);
    expect(onDisk(b)).toBe(true);

    const res = await remove(z.id, b.id, w.schrijver, { 'if-match': '"1"' });
    expect(res.status, await res.clone().text()).toBe(204);
    expect(onDisk(b)).toBe(false);
    expect((await w.t.app.request(b.bestand, { headers: w.lezer })).status).toBe(404);
    expect(await listed(z.id)).toEqual([]);
    expect(await w.t.raw.ask(sparql`ASK { GRAPH ?g { ?a ${STELSEL.sha256} ${literal(b.sha256)} } }`)).toBe(false);
    expect(await w.t.raw.ask(sparql`ASK { GRAPH ${w.t.uris.auditGraph} { ?e ${STELSEL.action} ${literal('decisions.bijlage.delete')} } }`)).toBe(true);
    expect((await remove(z.id, b.id)).status).toBe(404);
    expect((await remove(z.id, 'bestaat-niet')).status).toBe(404);
  });

  it('keeps a file shared by two meetings until its last attachment goes', async () => {
    const bytes = await pdfBytes('Gedeelde inhoud');
    const z1 = await createMeeting(w, meetingBody({ geplandeStart: '2026-04-02T19:00:00+02:00' }));
    const z2 = await createMeeting(w, meetingBody({ geplandeStart: '2026-04-03T19:00:00+02:00' }));
    const a = await up(z1.id, bytes, 'gedeeld.pdf');
    const b = await up(z2.id, bytes, 'ook-gedeeld.pdf');
    expect(a.sha256).toBe(b.sha256);
    expect((await remove(z1.id, a.id)).status).toBe(204);
    expect(onDisk(b)).toBe(true);
    const still = await w.t.app.request(b.bestand, { headers: w.lezer });
    expect(sha(new Uint8Array(await still.arrayBuffer()))).toBe(b.sha256);
    expect((await remove(z2.id, b.id)).status).toBe(204);
    expect(onDisk(b)).toBe(false);
  });

  it('refuses (409) while a decision of the draft refers to it, naming the agendapunt', async () => {
    const start = '2026-04-04T19:00:00+02:00';
    const z = await createMeeting(w, meetingBody({ geplandeStart: start }));
    const b = await up(z.id, await pdfBytes('In gebruik'), 'in-gebruik.pdf');
    expect((await send(w.t, w.schrijver, 'PUT', zittingApi(z.id), withBijlagen(start, { 2: [b.id] }))).status).toBe(200);
    const res = await remove(z.id, b.id);
    const text = await res.text();
    expect(res.status, text).toBe(409);
    expect(text).toContain('agendapunt 3 (Agendapunt 3: reglement)');
    expect(text).toContain('in-gebruik.pdf');
    expect(onDisk(b)).toBe(true);
    expect(await listed(z.id)).toEqual([b.id]);
    // without the reference it goes
    expect((await send(w.t, w.schrijver, 'PUT', zittingApi(z.id), withBijlagen(start, {}))).status).toBe(200);
    expect((await remove(z.id, b.id)).status).toBe(204);
  });

  it('refuses (409) once a published version refers to it: the public file stays served', async () => {
    const start = '2026-04-05T19:00:00+02:00';
    const z = await createMeeting(w, meetingBody({ geplandeStart: start }));
    const b = await up(z.id, await pdfBytes('Gepubliceerd'), 'gepubliceerd.pdf');
    expect((await send(w.t, w.schrijver, 'PUT', zittingApi(z.id), withBijlagen(start, { 0: [b.id] }))).status).toBe(200);
    expect((await publish(w, z.id, 'uittreksels')).status).toBe(201);
    // the draft no longer refers to it; the published version still does
    expect((await send(w.t, w.schrijver, 'PUT', zittingApi(z.id), withBijlagen(start, {}))).status).toBe(200);
    const res = await remove(z.id, b.id);
    const text = await res.text();
    expect(res.status, text).toBe(409);
    expect(text).toContain('gepubliceerde versie');
    expect(onDisk(b)).toBe(true);
    const pub = await w.t.app.request(`/besluiten/bijlagen/${b.sha256}.pdf`);
    expect(pub.status).toBe(200);
    expect(sha(new Uint8Array(await pub.arrayBuffer()))).toBe(b.sha256);
    expect(await listed(z.id)).toEqual([b.id]);
  });

  it("refuses another bestuurseenheid's schrijver (403), a lezer (403) and the anonymous (401): nothing changes", async () => {
    const z = await createMeeting(w, meetingBody({ geplandeStart: '2026-04-06T19:00:00+02:00' }));
    const b = await up(z.id, await pdfBytes('Van Gent'), 'gent.pdf');
    const before = await contentCount();
    for (const [headers, status] of [[w.aalstSchrijver, 403], [w.lezer, 403], [w.publiceerder, 403], [{}, 401]] as const) {
      const res = await remove(z.id, b.id, headers);
      expect(res.status, await res.text()).toBe(status);
    }
    expect(await contentCount()).toBe(before);
    expect(onDisk(b)).toBe(true);
    expect(await listed(z.id)).toEqual([b.id]);
  });

  it("removes through the editor's button (session, same-origin form only)", async () => {
    const login = await w.t.app.request('/demo/login', {
      method: 'POST',
      headers: { origin: TEST_BASE, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user: `${TEST_BASE}/id/gebruiker/demo-schrijver` }).toString(),
    });
    expect(login.status).toBe(303);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('stelsel_session='))!.split(';')[0]!;
    const z = await createMeeting(w, meetingBody({ geplandeStart: '2026-04-07T19:00:00+02:00' }));
    const b = await up(z.id, await pdfBytes('Via de knop'), 'knop.pdf');
    const editorPage = `/beheer/besluiten/${GENT}/zittingen/${z.id}`;
    const action = `${editorPage}/bijlagen/${b.id}/verwijderen`;
    const doc = new JSDOM(await (await w.t.app.request(editorPage, { headers: { cookie } })).text()).window.document;
    expect(doc.querySelector(`form[method="post"][action="${action}"] button[type="submit"]`)?.textContent).toContain('Verwijderen');
    const lezerPage = new JSDOM(await (await w.t.app.request(editorPage, { headers: w.lezer })).text()).window.document;
    expect(lezerPage.querySelector(`form[action="${action}"]`)).toBeNull();
    const form = (origin: string) => w.t.app.request(action, { method: 'POST', headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect((await form('https://evil.example')).status).toBe(403);
    expect(onDisk(b)).toBe(true);
    const res = await form(TEST_BASE);
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toBe(editorPage);
    expect(onDisk(b)).toBe(false);
    expect(await listed(z.id)).toEqual([]);
  });

  it('cleans up old files nothing refers to, and keeps fresh and referenced ones', async () => {
    const deps = { config: w.t.config, store: w.t.store, uris: w.t.uris, audit: w.t.audit, logger: pino({ level: 'silent' }) };
    const att = new AttachmentService(deps, createDecisionService(deps));
    const z = await createMeeting(w, meetingBody({ geplandeStart: '2026-04-08T19:00:00+02:00' }));
    const kept = await up(z.id, await pdfBytes('Verwezen en oud'), 'oud-maar-gebruikt.pdf');
    const orphan = Buffer.from('%PDF-1.7 wees, oud');
    const fresh = Buffer.from('%PDF-1.7 wees, vers (een upload die nog bezig is)');
    writeFileSync(path.join(dir, `${sha(orphan)}.pdf`), orphan);
    writeFileSync(path.join(dir, `${sha(fresh)}.pdf`), fresh);
    writeFileSync(path.join(dir, 'notitie.txt'), 'geen bijlage');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const name of [`${sha(orphan)}.pdf`, `${kept.sha256}.pdf`, 'notitie.txt']) utimesSync(path.join(dir, name), old, old);
    const before = files();

    expect(await att.removeOrphans()).toEqual([sha(orphan)]);
    expect(files()).toEqual(before.filter((f) => f !== `${sha(orphan)}.pdf`));
    expect(existsSync(path.join(dir, 'notitie.txt'))).toBe(true);
    expect(await att.removeOrphans()).toEqual([]);
    rmSync(path.join(dir, `${sha(fresh)}.pdf`));
    rmSync(path.join(dir, 'notitie.txt'));
  });
});

/** Triples outside the audit graph (refusals may add audit entries, nothing else). */
async function contentCount(): Promise<number> {
  const rows = await w.t.raw.select(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <${w.t.uris.auditGraph.value}>) }`);
  return Number(rows[0]?.n?.value ?? -1);
}

describe('over real HTTP (127.0.0.1)', () => {
  let server: ListeningServer;
  let hw: World;
  beforeAll(async () => {
    server = await listenFirst();
    hw = await makeWorld({ BASE_URL: server.base, DECISIONS_ATTACHMENT_MAX_BYTES: String(MAX) });
    server.handle((req) => hw.t.app.fetch(req));
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await hw?.t.close();
  });

  /** A chunked upload (no Content-Length) of `total` bytes starting with the PDF signature. */
  const chunked = (id: string, total: number) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(`${server.base}/api/besluiten/${GENT}/zittingen/${id}/bijlagen?bestandsnaam=groot.pdf`);
      let answered = false;
      const req = request(url, { method: 'POST', agent: false, headers: { ...hw.schrijver, 'content-type': 'application/pdf', 'transfer-encoding': 'chunked' } }, (res) => {
        answered = true;
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      // After the answer the server may close the connection while the rest is still being sent.
      req.on('error', (e) => (answered ? undefined : reject(e)));
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      req.write(Buffer.from('%PDF-1.7\n'));
      let sent = 9;
      const pump = () => {
        while (sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });

  it('removes old unreferenced files at the first upload after start-up (and then not at every upload)', async () => {
    const hdir = path.join(hw.t.config.dataDir, 'besluiten', 'bijlagen');
    mkdirSync(hdir, { recursive: true });
    const orphan = (text: string) => {
      const bytes = Buffer.from(`%PDF-1.7 ${text}`);
      const name = `${sha(bytes)}.pdf`;
      writeFileSync(path.join(hdir, name), bytes);
      const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
      utimesSync(path.join(hdir, name), old, old);
      return name;
    };
    const first = orphan('achtergelaten na een crash');
    const z = await createMeeting(hw, meetingBody({ geplandeStart: '2026-06-01T19:00:00+02:00' }));
    const up = async () => {
      const res = await hw.t.app.request(`/api/besluiten/${GENT}/zittingen/${z.id}/bijlagen?bestandsnaam=a.pdf`, { method: 'POST', headers: { ...hw.schrijver, 'content-type': 'application/pdf' }, body: (await pdfBytes('Eerste upload')) as BodyInit });
      expect(res.status, await res.clone().text()).toBe(201);
      return (await res.json()) as UploadedBijlage;
    };
    const b = await up();
    expect(existsSync(path.join(hdir, first))).toBe(false);
    const second = orphan('nog een');
    const again = await up();
    expect(existsSync(path.join(hdir, second))).toBe(true); // the next sweep comes an hour later
    rmSync(path.join(hdir, second));
    for (const x of [b, again]) expect((await send(hw.t, hw.schrijver, 'DELETE', `/api/besluiten/${GENT}/zittingen/${z.id}/bijlagen/${x.id}`)).status).toBe(204);
    expect(readdirSync(hdir).filter((f) => f.endsWith('.pdf'))).toEqual([]);
  });

  it('stops a chunked upload beyond the limit with 413, and accepts one below it', async () => {
    const z = await createMeeting(hw);
    const stored = () => (existsSync(path.join(hw.t.config.dataDir, 'besluiten', 'bijlagen')) ? readdirSync(path.join(hw.t.config.dataDir, 'besluiten', 'bijlagen')).filter((f) => f.endsWith('.pdf')) : []);
    const big = await chunked(z.id, MAX * 4);
    expect(big.status, big.body).toBe(413);
    expect(big.body).toContain('DECISIONS_ATTACHMENT_MAX_BYTES');
    expect(stored()).toEqual([]);
    const small = await chunked(z.id, MAX / 2);
    expect(small.status, small.body).toBe(201);
    expect(stored()).toHaveLength(1);
  });
});
