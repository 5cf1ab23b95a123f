/**
 * Hostile text in the PDF renditions: markup, quotes, RDFa-looking attributes, PDF string
 * delimiters, characters the standard fonts cannot show and very long words. The PDF stays
 * readable, shows markup literally, and maps what WinAnsi lacks to "?" (one per character).
 */
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createDecisionService } from '../../src/decisions/index.js';
import { PublishedDocuments } from '../../src/decisions/page-cache-documents.js';
import { renderDocumentPdf } from '../../src/decisions/pdf.js';
import { pdfText as winAnsi, safeFileName } from '../../src/decisions/pdf-text.js';
import { ROOT } from '../../src/main.js';
import { GENT, createMeeting, makeWorld, meetingBody, orgaanBody, publish, send, type World } from './support.js';

const FONTS = `${path.join(ROOT, 'node_modules/pdfjs-dist/standard_fonts')}/`;
const MARKUP = `"'><script>alert(1)</script><span about="http://evil.example/s" property="dct:title" content="evil">e</span>`;
const DELIMITERS = String.raw`(\) \\ ( ) %EOF endobj`;
const UNICODE = 'Zoë Ωmega 中文 łódź ’quotes’ € e\u0301';
/** What the standard fonts show of UNICODE: Ω, 中, 文, ł, ź are not in WinAnsi; e + combining acute composes to é. */
const UNICODE_SHOWN = 'Zoë ?mega ?? ?ód? ’quotes’ € é';
/** Outside the Basic Multilingual Plane (one "?" per character, not per UTF-16 unit). */
const ASTRAL = 'stem 😀 𝔘 ok';
const LONG = 'Gemeenteraadsbeslissingsvoorbereidingsdocument'.repeat(9);

let w: World;
let base = '';

async function text(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: FONTS, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  let out = '';
  for (let i = 1; i <= doc.numPages; i++) {
    for (const item of (await (await doc.getPage(i)).getTextContent()).items) if ('str' in item) out += item.str + (item.hasEOL ? '\n' : '');
    out += '\n';
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { text: out, pages };
}

beforeAll(async () => {
  w = await makeWorld();
  const orgaan = orgaanBody(`Gemeenteraad ${UNICODE}`);
  orgaan.perioden[0]!.mandatarissen = orgaan.perioden[0]!.mandatarissen.map((m) => ({ ...m, naam: `${m.naam} ${MARKUP}` }));
  expect((await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/organen/gemeenteraad`, orgaan)).status).toBe(200);
  const body = meetingBody({}, (s) => `${s} ${MARKUP} ${DELIMITERS} ${UNICODE}`);
  body.agendapunten[0]!.behandeling.besluit.motivering = `Lang woord: ${LONG} einde.`;
  const { id, slug } = await createMeeting(w, body);
  base = `/besluiten/${GENT}/gemeenteraad/${slug}`;
  for (const k of ['notulen', 'uittreksels']) {
    const res = await publish(w, id, k, w.publiceerder, `Toelichting ${MARKUP}\r\nmet ${UNICODE}`);
    expect(res.status, await res.clone().text()).toBe(201);
  }
}, 120_000);
afterAll(() => w?.t.close());

describe('hostile text in the PDF renditions', () => {
  it('keeps the PDF readable and shows markup and delimiters literally', async () => {
    for (const p of [`${base}/notulen.pdf`, `${base}/notulen/versies/1.pdf`, `${base}/uittreksels/1.pdf`]) {
      const res = await w.t.app.request(p);
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-disposition'), p).toMatch(/^inline; filename="[a-z0-9-]+\.pdf"$/);
      const { text: t, pages } = await text(new Uint8Array(await res.arrayBuffer()));
      expect(pages, p).toBeGreaterThan(0);
      const flat = t.replace(/\s+/g, ' ');
      expect(flat, p).toContain(`Agendapunt 1: reglement ${MARKUP} ${DELIMITERS} ${UNICODE_SHOWN}`);
      expect(flat, p).toContain(`Vera Voorzitter ${MARKUP}`);
      expect(flat, p).toContain(`Gemeenteraad ${UNICODE_SHOWN}`);
    }
  });

  it('maps what the standard fonts cannot show to "?", keeps line breaks of the note, and wraps a very long word', async () => {
    const res = await w.t.app.request(`${base}/notulen.pdf`);
    const { text: t } = await text(new Uint8Array(await res.arrayBuffer()));
    expect(t).not.toMatch(/[Ωł中文😀ź]/u);
    expect(t.replace(/\s+/g, ' ')).toContain(`Toelichting: Toelichting ${MARKUP} met ${UNICODE_SHOWN}`);
    expect(t.replace(/\s+/g, '')).toContain(`Langwoord:${LONG}einde.`);
    // the long word did not fit on one line: it was broken, not cut off
    expect(t.split('\n').some((line) => line.includes(LONG))).toBe(false);
    expect(winAnsi(UNICODE)).toBe(UNICODE_SHOWN);
  });

  it('shows one "?" per character outside the Basic Multilingual Plane', async () => {
    const t = w.t;
    const svc = createDecisionService({ config: t.config, store: t.store, uris: t.uris, audit: t.audit, logger: pino({ level: 'silent' }) });
    const docs = new PublishedDocuments(svc, t.store);
    const a = { eenheid: GENT, orgaan: 'gemeenteraad', datum: base.slice(base.lastIndexOf('/') + 1), ref: { kind: 'notulen' as const } };
    const d = await docs.content(a, await docs.resolve(a));
    const z = { ...d.z, agendapunten: d.z.agendapunten.map((x, i) => (i === 0 ? { ...x, titel: ASTRAL } : x)) };
    const bytes = await renderDocumentPdf({ iris: svc.iris, lists: svc.lists, ref: a.ref, z, body: d.body, names: d.names, current: d.current, quads: d.quads });
    const { text: out } = await text(bytes);
    expect(out.replace(/\s+/g, ' ')).toContain('1. stem ? ? ok');
    expect(winAnsi(ASTRAL)).toBe('stem ? ? ok');
  });

  it('maps control characters and lone surrogates too, and drops soft hyphens', () => {
    expect(winAnsi('a\u0000b\uD800c\u00ADd\te\r\nf\rg\u0085h')).toBe('a?b?cd e\nf\ng?h');
    expect(safeFileName(['Gemeente Gent', 'Raad/../x', 3], 'pdf')).toBe('gemeente-gent-raad-x-3.pdf');
  });
});
