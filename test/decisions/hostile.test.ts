/**
 * Hostile text (script tags, quotes, RDFa attributes) in every editable field is shown as text:
 * parsing the rendered pages finds no script element, no injected link or resource, and every
 * field back as exactly the literal that was entered.
 */
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BASE } from '../support/tmp.js';
import { parsePage } from './harvest-support.js';
import { GENT, createMeeting, makeWorld, meetingBody, orgaanBody, pdfBytes, publish, send, tokenFor, upload, type World } from './support.js';

const HOSTILE = ` "'><script>alert(1)</script><a property="lblodBesluit:linkToPublication" href="http://evil.example/x">x</a><span about="http://evil.example/s" property="dct:title" content="evil">e</span> 😀𝄞`;
const SHORT = `<b typeof="foaf:Document">"1'</b>`;
/** File names may not contain slashes: the rest of an injection attempt. */
const FILE_HOSTILE = `"'><img src=x onerror=alert(1)><a property="lblodBesluit:linkToPublication" href="evil.example">x<.pdf`;

let w: World;
const urls: string[] = [];
let expected: string[] = [];

beforeAll(async () => {
  w = await makeWorld();
  const orgaan = orgaanBody(`Gemeenteraad${HOSTILE}`);
  orgaan.perioden[0]!.mandatarissen = orgaan.perioden[0]!.mandatarissen.map((m) => ({ ...m, naam: `${m.naam}${HOSTILE}` }));
  expect((await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/organen/gemeenteraad`, orgaan)).status).toBe(200);
  const body = meetingBody({}, (s) => `${s}${HOSTILE}`);
  for (const a of body.agendapunten) for (const x of a.behandeling.besluit.artikels) x.nummer = `${x.nummer}${SHORT}`;
  const { id } = await createMeeting(w, body);
  const up = await upload(w, id, await pdfBytes(), FILE_HOSTILE);
  expect(up.status, await up.clone().text()).toBe(201);
  (body.agendapunten[0]!.behandeling.besluit as Record<string, unknown>).bijlagen = [((await up.json()) as { id: string }).id];
  expect((await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/zittingen/${id}`, body)).status).toBe(200);
  const signer = await tokenFor(w.t, GENT, ['ondertekenaar'], `Ondertekenaar${SHORT}${FILE_HOSTILE}`);
  expect((await send(w.t, signer, 'POST', `/api/besluiten/${GENT}/zittingen/${id}/handtekeningen`, { document: 'notulen' })).status).toBe(201);
  for (const k of ['agenda', 'besluitenlijst', 'notulen', 'uittreksels']) {
    const res = await publish(w, id, k, w.publiceerder, `Toelichting${HOSTILE}`);
    expect(res.status, await res.clone().text()).toBe(201);
    urls.push(...((await res.json()) as { versies: { iri: string }[] }).versies.map((v) => v.iri));
  }
  const base = `${TEST_BASE}/besluiten/${GENT}`;
  urls.push(`${TEST_BASE}/besluiten`, base, `${base}/gemeenteraad`, `${base}/gemeenteraad/2026-01-15`, `${base}/gemeenteraad/2026-01-15/notulen`);
  const a = body.agendapunten[0]!;
  const b = a.behandeling.besluit;
  expected = [
    `Gemeenteraad${HOSTILE}`, `Vera Voorzitter${HOSTILE}`, a.titel, a.beschrijving, b.titel, b.beschrijving, b.citeeropschrift, b.motivering,
    b.artikels[0]!.inhoud, b.artikels[0]!.nummer, a.behandeling.stemmingen[0]!.onderwerp, a.behandeling.stemmingen[0]!.gevolg, `Toelichting${HOSTILE}`,
    FILE_HOSTILE,
  ];
}, 120_000);
afterAll(() => w?.t.close());

describe('hostile text in every editable field', () => {
  it('adds no element, link or resource to any page', async () => {
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      const res = await w.t.app.request(url, { headers: { accept: 'text/html' } });
      expect(res.status, url).toBe(200);
      const html = await res.text();
      const dom = new JSDOM(html, { url });
      expect(dom.window.document.querySelectorAll('script, img').length, url).toBe(0);
      expect(dom.window.document.querySelector('[href^="http://evil.example"], [about^="http://evil.example"], [href="evil.example"]'), url).toBeNull();
      const page = parsePage(url, html);
      expect(page.links.filter((l) => !l.startsWith(TEST_BASE)), url).toEqual([]);
      const bad = page.triples.filter((q) => q.subject.value.includes('evil.example') || (q.object.termType === 'NamedNode' && q.object.value.includes('evil.example')) || q.object.value === 'evil');
      expect(bad, url).toEqual([]);
    }
  });

  it('shows every field back as exactly the literal that was entered', async () => {
    const url = urls.find((u) => u.includes('/notulen/versies/'))!;
    const html = await (await w.t.app.request(url, { headers: { accept: 'text/html' } })).text();
    const literals = new Set(parsePage(url, html).triples.filter((q) => q.object.termType === 'Literal').map((q) => q.object.value));
    for (const v of expected) expect(literals.has(v), v.slice(0, 40)).toBe(true);
    // the signer's name is shown as text (it is the label of sign:signatory)
    const signatures = [...new JSDOM(html).window.document.querySelectorAll('.handtekeningen li')].map((li) => li.textContent ?? '');
    expect(signatures).toHaveLength(1);
    expect(signatures[0]).toContain(`Ondertekenaar${SHORT}${FILE_HOSTILE}`);
  });
});
