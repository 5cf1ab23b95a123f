/**
 * PDF renditions of published documents: at page path + ".pdf" for the stable URL and every version,
 * rendered from the stored version graph with the page's content, text extractable (pdfjs), the
 * non-public treatment reduced as on the page, deterministic bytes, and the right HTTP headers.
 */
import path from 'node:path';
import type { NamedNode } from '@rdfjs/types';
import { JSDOM } from 'jsdom';
import pino from 'pino';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDecisionService } from '../../src/decisions/index.js';
import { PublishedDocuments } from '../../src/decisions/page-cache-documents.js';
import { renderDocumentPdf } from '../../src/decisions/pdf.js';
import { ROOT } from '../../src/main.js';
import { literal, quad } from '../../src/shared/rdf/factory.js';
import { ELI, NFO } from '../../src/shared/rdf/vocab.js';
import { TEST_BASE } from '../support/tmp.js';
import { GENT, createMeeting, makeWorld, meetingBody, publish, type World } from './support.js';

const FONTS = `${path.join(ROOT, 'node_modules/pdfjs-dist/standard_fonts')}/`;

/** The text of every page, one line per text line, and the document information. */
interface StructNode {
  role?: string;
  type?: string;
  children?: StructNode[];
}
const roles = (n: StructNode | null): string[] => (n ? [...(n.role ? [n.role] : []), ...(n.children ?? []).flatMap(roles)] : []);

async function pdfText(bytes: Uint8Array): Promise<{ text: string; info: Record<string, unknown>; pages: number; roles: string[]; marked: boolean }> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: FONTS, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  let text = '';
  const structure: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    text += '\n';
    structure.push(...roles((await page.getStructTree()) as StructNode | null));
  }
  const meta = await doc.getMetadata();
  const marked = !!(await doc.getMarkInfo())?.Marked;
  const pages = doc.numPages;
  await doc.destroy();
  return { text, info: meta.info as Record<string, unknown>, pages, roles: structure, marked };
}

/** Text with every run of white space as one space (PDF lines break where the page is full). */
const flat = (s: string) => s.replace(/\s+/g, ' ');

const shown = (iso: string) =>
  new Intl.DateTimeFormat('nl-BE', { timeZone: 'Europe/Brussels', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso))
    .replace(/\//g, '-')
    .replace(',', '');

let w: World;
let id: string;
const base = `/besluiten/${GENT}/gemeenteraad/2026-01-15`;
const versions = new Map<string, { iri: string; publishedAt: string; number: number }>();

async function get(p: string, headers: Record<string, string> = {}) {
  const res = await w.t.app.request(p, { headers });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

beforeAll(async () => {
  w = await makeWorld();
  id = (await createMeeting(w)).id;
  for (const k of ['agenda', 'besluitenlijst', 'notulen', 'uittreksels']) {
    const res = await publish(w, id, k);
    expect(res.status, await res.clone().text()).toBe(201);
    for (const v of ((await res.json()) as { versies: { iri: string; document: string; publishedAt: string; number: number }[] }).versies) versions.set(v.document.slice(TEST_BASE.length), v);
  }
}, 120_000);
afterAll(() => w?.t.close());

describe('PDF renditions', () => {
  it('serves the stable PDF of a besluitenlijst with its content, publication time and version', async () => {
    const { res, bytes } = await get(`${base}/besluitenlijst.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="gemeente-gent-gemeenteraad-2026-01-15-besluitenlijst-versie-1.pdf"');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const v = versions.get(`${base}/besluitenlijst`)!;
    const { text } = await pdfText(bytes);
    const t = flat(text);
    expect(t).toContain('Besluitenlijst · Gemeenteraad Gent · zitting van 15-01-2026');
    expect(t).toContain(`versie 1 · gepubliceerd op ${shown(v.publishedAt)}`);
    expect(shown(v.publishedAt)).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/);
    expect(t).toContain(v.iri);
    for (const n of [1, 2, 3]) expect(t).toContain(`${n}. Agendapunt ${n}: reglement`);
    expect(t).toContain('Besluit 1');
    expect(t).toContain('Juridische grond en motivering 1');
    expect(t).toContain('Goedkeuring van punt 1');
    expect(t).toContain('3 voor, 1 tegen, 0 onthoudingen. Geheim: nee. Gevolg: Aangenomen');
    expect(t).toContain('Voor: An Andries, Bert Baert, Vera Voorzitter Tegen: Chris Claes');
    expect(t).toContain('Gemeenteraad Gent (bestuursperiode 2025-2030');
    // the besluitenlijst has no artikels, as on the page; the non-public treatment is reduced
    expect(t).not.toContain('Het reglement 1 wordt goedgekeurd.');
    expect(t).not.toContain('Juridische grond en motivering 2');
    expect(t).toContain('Dit agendapunt werd niet openbaar behandeld.');
    expect(t).toContain('pagina 1 van');
  });

  it('shows in the notulen what the notulen page shows: artikels, and the non-public treatment reduced', async () => {
    const html = flat(new JSDOM(await (await w.t.app.request(`${base}/notulen`)).text()).window.document.body.textContent ?? '');
    const { text } = await pdfText((await get(`${base}/notulen.pdf`)).bytes);
    const t = flat(text);
    for (const s of ['Het reglement 1 wordt goedgekeurd.', 'Artikel 1', 'Beschrijving van punt 2', 'Agendapunt 2: reglement', 'Juridische grond en motivering 3', 'Aanwezig bij de start']) {
      expect(html, s).toContain(s);
      expect(t, s).toContain(s);
    }
    for (const s of ['Juridische grond en motivering 2', 'Goedkeuring van punt 2', 'Het reglement 2 wordt goedgekeurd.']) {
      expect(html, s).not.toContain(s);
      expect(t, s).not.toContain(s);
    }
    expect(html).toContain('Dit agendapunt werd niet openbaar behandeld.');
    expect(t).toContain('Dit agendapunt werd niet openbaar behandeld.');
  });

  it('renders the agenda without treatments and an uittreksel with its one agendapunt', async () => {
    const agenda = flat((await pdfText((await get(`${base}/agenda.pdf`)).bytes)).text);
    expect(agenda).toContain('Agenda · Gemeenteraad Gent · zitting van 15-01-2026');
    expect(agenda).toContain('Agendapunt 3: reglement');
    expect(agenda).not.toContain('Openbaar behandeld');
    expect(agenda).not.toContain('Besluit 1');
    const { res, bytes } = await get(`${base}/uittreksels/3.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('inline; filename="gemeente-gent-gemeenteraad-2026-01-15-uittreksel-3-versie-1.pdf"');
    const u3 = flat((await pdfText(bytes)).text);
    expect(u3).toContain('Uittreksel agendapunt 3');
    expect(u3).toContain('Agendapunt 3: reglement');
    expect(u3).toContain('Geheim: ja');
    expect(u3).not.toContain('Agendapunt 1: reglement');
    const version = await get(`${base}/uittreksels/3/versies/1.pdf`);
    expect(version.res.status).toBe(200);
    expect(version.res.headers.get('etag')).toBe(res.headers.get('etag'));
  });

  it('serves version PDFs immutable, with an ETag and 304 on If-None-Match', async () => {
    const stable = await get(`${base}/besluitenlijst.pdf`);
    const { res, bytes } = await get(`${base}/besluitenlijst/versies/1.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = res.headers.get('etag')!;
    expect(etag).toBe(stable.res.headers.get('etag'));
    expect(Buffer.from(bytes).equals(Buffer.from(stable.bytes))).toBe(true);
    const again = await get(`${base}/besluitenlijst/versies/1.pdf`, { 'if-none-match': etag });
    expect(again.res.status).toBe(304);
    expect(again.bytes.byteLength).toBe(0);
    expect(again.res.headers.get('etag')).toBe(etag);
    const stable304 = await get(`${base}/besluitenlijst.pdf`, { 'if-none-match': `"other", ${etag}` });
    expect(stable304.res.status).toBe(304);
    expect((await get(`${base}/besluitenlijst.pdf`, { 'if-none-match': '"other"' })).res.status).toBe(200);
  });

  it('renders deterministically, dated at the publication time', async () => {
    const t = w.t;
    const svc = createDecisionService({ config: t.config, store: t.store, uris: t.uris, audit: t.audit, logger: pino({ level: 'silent' }) });
    const docs = new PublishedDocuments(svc, t.store);
    const a = { eenheid: GENT, orgaan: 'gemeenteraad', datum: '2026-01-15', ref: { kind: 'notulen' as const } };
    const render = async () => {
      const d = await docs.content(a, await docs.resolve(a));
      return renderDocumentPdf({ iris: svc.iris, lists: svc.lists, ref: a.ref, z: d.z, body: d.body, names: d.names, current: d.current, quads: d.quads });
    };
    const one = await render();
    const two = await render();
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
    const served = (await get(`${base}/notulen/versies/1.pdf`)).bytes;
    expect(Buffer.from(served).equals(Buffer.from(one))).toBe(true);
    const { info, roles: structure, marked } = await pdfText(one);
    // tagged for screen readers: a structure tree of headings and paragraphs
    expect(marked).toBe(true);
    expect(structure.filter((r) => r === 'H1')).toHaveLength(1);
    for (const r of ['Document', 'H2', 'H3', 'H4', 'P']) expect(structure, r).toContain(r);
    const v = versions.get(`${base}/notulen`)!;
    const compact = v.publishedAt.replace(/[-:T]/g, '').replace('Z', '');
    expect(String(info.CreationDate)).toContain(compact);
    expect(info.Title).toBe('Notulen · Gemeenteraad Gent · zitting van 15-01-2026');
  });

  it('lists the attachments a decision refers to (eli:related_to) by file name, and the signatures', async () => {
    const t = w.t;
    const svc = createDecisionService({ config: t.config, store: t.store, uris: t.uris, audit: t.audit, logger: pino({ level: 'silent' }) });
    const docs = new PublishedDocuments(svc, t.store);
    const a = { eenheid: GENT, orgaan: 'gemeenteraad', datum: '2026-01-15', ref: { kind: 'uittreksel' as const, n: 1 } };
    const d = await docs.content(a, await docs.resolve(a));
    const g = d.quads[0]!.graph as NamedNode;
    const file = (id: string, name: string) => [quad(svc.iris.besluit('b-1'), ELI.related_to, svc.iris.bijlage(id), g), quad(svc.iris.bijlage(id), NFO.fileName, literal(name), g)];
    const quads = [...d.quads, ...file('f-2', 'Verslag commissie.pdf'), ...file('f-1', 'Reglement (ontwerp).pdf')];
    const bytes = await renderDocumentPdf({ iris: svc.iris, lists: svc.lists, ref: a.ref, z: d.z, body: d.body, names: d.names, current: d.current, quads });
    const text = flat((await pdfText(bytes)).text);
    expect(text).toContain('Bijlagen - Reglement (ontwerp).pdf - Verslag commissie.pdf');
    const signatures = [{ ondertekenaarNaam: 'Sam Secretaris', tijdstip: '2026-01-20T09:30:05Z', hash: 'ab'.repeat(32) }];
    const without = flat((await pdfText(await renderDocumentPdf({ iris: svc.iris, lists: svc.lists, ref: a.ref, z: d.z, body: d.body, names: d.names, current: d.current, quads: d.quads, signatures }))).text);
    expect(without).not.toContain('Bijlagen');
    expect(without).toContain(`Handtekeningen Ondertekend door Sam Secretaris op 20-01-2026 10:30:05 · sha256: ${'ab'.repeat(32)}`);
    expect(text).not.toContain('Handtekeningen');
  });

  it('documents the PDF URLs in the OpenAPI description', () => {
    const doc = w.t.registry.document({ title: 't', version: '1', description: 'd', serverUrl: TEST_BASE }) as { paths: Record<string, Record<string, { parameters?: { name: string }[]; responses: Record<string, { content?: Record<string, unknown> }> }>> };
    const d = '/besluiten/{eenheid}/{orgaan}/{datum}';
    for (const [p, param] of [[`${d}/besluitenlijst.pdf`, 'datum'], [`${d}/besluitenlijst/versies/{vpdf}.pdf`, 'vpdf'], [`${d}/uittreksels/{npdf}.pdf`, 'npdf'], [`${d}/uittreksels/{n}/versies/{vpdf}.pdf`, 'vpdf']] as const) {
      const op = doc.paths[p]?.get;
      expect(op, p).toBeDefined();
      expect(op!.parameters?.map((x) => x.name), p).toContain(param);
      expect(JSON.stringify(op!.responses['200']), p).toContain('application/pdf');
    }
  });

  it('answers 404 for what was not published', async () => {
    const draft = await createMeeting(w, meetingBody({ geplandeStart: '2026-03-02T19:00:00+01:00' }));
    expect(draft.slug).toBe('2026-03-02');
    for (const p of [
      `${base}/besluitenlijst/versies/7.pdf`,
      `${base}/uittreksels/9.pdf`,
      `${base}/uittreksels/3/versies/2.pdf`,
      `/besluiten/${GENT}/gemeenteraad/2026-03-02/besluitenlijst.pdf`,
      `/besluiten/${GENT}/gemeenteraad/2026-03-02/agenda.pdf`,
      `/besluiten/onbekend/gemeenteraad/2026-01-15/besluitenlijst.pdf`,
      `${base}/besluitenlijst/versies/1x.pdf`,
    ]) {
      const { res } = await get(p);
      expect(res.status, p).toBe(404);
      expect(res.headers.get('content-type'), p).not.toBe('application/pdf');
    }
  });
});
