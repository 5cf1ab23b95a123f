/**
 * The decisions tests' world: the demo app, API tokens per role (issued through the API), a
 * gemeenteraad with mandatarissen, and a complete meeting as JSON.
 */
import { expect } from 'vitest';
import { ADMIN_TOKEN, makeTestApp } from '../support/app.js';

export type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

export const GENT = 'gemeente-gent';
export const AALST = 'stad-aalst';
export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

export async function send(t: TestApp, headers: Record<string, string>, method: string, path: string, json?: unknown): Promise<Response> {
  const h: Record<string, string> = { accept: 'application/json', ...headers };
  if (json !== undefined) h['content-type'] = 'application/json';
  return t.app.request(path, { method, headers: h, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
}

/** An API token of `org` with `roles`, issued by the bootstrap token. */
export async function tokenFor(t: TestApp, org: string, roles: string[], name = roles.join('+')): Promise<Record<string, string>> {
  const res = await send(t, admin, 'POST', `/api/organisaties/${org}/tokens`, { name, roles });
  expect(res.status, await res.clone().text()).toBe(201);
  const { token } = (await res.json()) as { token: string };
  return { authorization: `Bearer ${token}` };
}

export const MANDATARISSEN = ['m-voorzitter', 'm-secretaris', 'm-an', 'm-bert', 'm-chris'];

export const orgaanBody = (naam = 'Gemeenteraad Gent') => ({
  naam,
  classificatie: 'gemeenteraad',
  perioden: [
    {
      id: '2025-2030',
      start: '2025-01-01',
      einde: '2030-12-31',
      mandatarissen: [
        { id: 'm-voorzitter', naam: 'Vera Voorzitter' },
        { id: 'm-secretaris', naam: 'Sam Secretaris' },
        { id: 'm-an', naam: 'An Andries' },
        { id: 'm-bert', naam: 'Bert Baert' },
        { id: 'm-chris', naam: 'Chris Claes' },
      ],
    },
  ],
});

/** A held meeting: three agendapunten (one non-public), each treated, with a decision and a vote. */
export function meetingBody(over: Record<string, unknown> = {}, text: (s: string) => string = (s) => s) {
  const voters = ['m-voorzitter', 'm-an', 'm-bert', 'm-chris'];
  const point = (n: number, openbaar: boolean, type: string) => ({
    id: `ap-${n}`,
    titel: text(`Agendapunt ${n}: reglement`),
    beschrijving: text(`Beschrijving van punt ${n}`),
    type,
    geplandOpenbaar: openbaar,
    behandeling: {
      id: `bh-${n}`,
      openbaar,
      besluit: {
        id: `b-${n}`,
        titel: text(`Besluit ${n}`),
        beschrijving: text(`Korte inhoud van besluit ${n}`),
        citeeropschrift: text(`Reglement ${n}`),
        motivering: text(`Juridische grond en motivering ${n}`),
        type: 'huishoudelijk-reglement',
        artikels: [
          { id: `a-${n}-1`, nummer: '1', inhoud: text(`Het reglement ${n} wordt goedgekeurd.`) },
          { id: `a-${n}-2`, nummer: '2', inhoud: text(`Dit besluit treedt in werking op 1 maart.`) },
        ],
      },
      stemmingen: [
        {
          id: `s-${n}`,
          onderwerp: text(`Goedkeuring van punt ${n}`),
          gevolg: text('Aangenomen'),
          geheim: n === 3,
          ...(n === 3
            ? { aantalVoorstanders: 3, aantalTegenstanders: 1, aantalOnthouders: 0, stemmers: voters }
            : { voorstanders: ['m-voorzitter', 'm-an', 'm-bert'], tegenstanders: ['m-chris'], onthouders: [] }),
        },
      ],
    },
  });
  return {
    orgaan: 'gemeenteraad',
    geplandeStart: '2026-01-15T19:00:00+01:00',
    gestart: '2026-01-15T19:02:10+01:00',
    geeindigd: '2026-01-15T22:15:00+01:00',
    voorzitter: 'm-voorzitter',
    secretaris: 'm-secretaris',
    aanwezigen: ['m-voorzitter', 'm-secretaris', 'm-an', 'm-bert', 'm-chris'],
    agendapunten: [point(1, true, 'gepland'), point(2, false, 'gepland'), point(3, true, 'aanvullend')],
    ...over,
  };
}

export interface World {
  t: TestApp;
  schrijver: Record<string, string>;
  lezer: Record<string, string>;
  publiceerder: Record<string, string>;
  aalstSchrijver: Record<string, string>;
}

export async function makeWorld(env: Record<string, string> = {}): Promise<World> {
  const t = await makeTestApp({ demo: true, env: { RATE_LIMIT_PER_MINUTE: '100000', ...env } });
  const w: World = {
    t,
    schrijver: await tokenFor(t, GENT, ['schrijver']),
    lezer: await tokenFor(t, GENT, ['lezer']),
    publiceerder: await tokenFor(t, GENT, ['publiceerder']),
    aalstSchrijver: await tokenFor(t, AALST, ['schrijver']),
  };
  const res = await send(t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/organen/gemeenteraad`, orgaanBody());
  expect(res.status, await res.clone().text()).toBe(201);
  return w;
}

export async function createMeeting(w: World, body: unknown = meetingBody()): Promise<{ id: string; slug: string; version: number; pagina: string }> {
  const res = await send(w.t, w.schrijver, 'POST', `/api/besluiten/${GENT}/zittingen`, body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; slug: string; version: number; pagina: string };
}

export async function publish(w: World, id: string, soort: string, headers = w.publiceerder, toelichting?: string): Promise<Response> {
  return send(w.t, headers, 'POST', `/api/besluiten/${GENT}/zittingen/${id}/publicaties`, { soort, ...(toelichting ? { toelichting } : {}) });
}

/** A small, real PDF (pdfkit) with one line of text. */
export async function pdfBytes(text = 'Bijlage'): Promise<Uint8Array> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.text(text);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** Uploads an attachment for a meeting of Gent (raw body). */
export async function upload(w: World, id: string, body: Uint8Array | ReadableStream<Uint8Array>, bestandsnaam: string | undefined, headers: Record<string, string> = w.schrijver, contentType = 'application/pdf'): Promise<Response> {
  const q = bestandsnaam === undefined ? '' : `?bestandsnaam=${encodeURIComponent(bestandsnaam)}`;
  const init: RequestInit & { duplex?: 'half' } = { method: 'POST', headers: { accept: 'application/json', 'content-type': contentType, ...headers }, body: body as BodyInit };
  if (body instanceof ReadableStream) init.duplex = 'half';
  return w.t.app.request(`/api/besluiten/${GENT}/zittingen/${id}/bijlagen${q}`, init);
}

export interface UploadedBijlage {
  id: string;
  zitting: string;
  bestandsnaam: string;
  grootte: number;
  sha256: string;
  bestand: string;
}
