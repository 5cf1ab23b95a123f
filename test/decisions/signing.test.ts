/**
 * Signing before publication: ondertekenaars of the bestuurseenheid sign a document of a draft
 * meeting (SHA-256 over its content, the signer and the time); with DECISIONS_REQUIRED_SIGNATURES
 * = 2 a document is published only with two valid signatures of different signers over its
 * current content; a later change invalidates them; the published version carries them and its
 * page shows them. Other roles and other bestuurseenheden cannot sign.
 */
import { createHash } from 'node:crypto';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDecisionService } from '../../src/decisions/index.js';
import { contentKey } from '../../src/decisions/publish.js';
import { sparql } from '../../src/shared/rdf/encode.js';
import { literal } from '../../src/shared/rdf/factory.js';
import { SIGN, STELSEL } from '../../src/shared/rdf/vocab.js';
import { AALST, GENT, createMeeting, makeWorld, meetingBody, publish, send, tokenFor, type World } from './support.js';

let w: World;
let signer1: Record<string, string>;
let signer2: Record<string, string>;
let aalstSigner: Record<string, string>;
beforeAll(async () => {
  w = await makeWorld({ DECISIONS_REQUIRED_SIGNATURES: '2' });
  signer1 = await tokenFor(w.t, GENT, ['ondertekenaar'], 'Ondertekenaar Een');
  signer2 = await tokenFor(w.t, GENT, ['ondertekenaar'], 'Ondertekenaar Twee');
  aalstSigner = await tokenFor(w.t, AALST, ['ondertekenaar']);
}, 60_000);
afterAll(() => w?.t.close());

interface Signature {
  id: string;
  document: string;
  ondertekenaar: string;
  ondertekenaarNaam: string;
  tijdstip: string;
  hash: string;
  geldig: boolean;
}

const sign = (id: string, document: unknown, headers: Record<string, string>) => send(w.t, headers, 'POST', `/api/besluiten/${GENT}/zittingen/${id}/handtekeningen`, { document });
const signatures = async (id: string) => (await (await send(w.t, w.lezer, 'GET', `/api/besluiten/${GENT}/zittingen/${id}/handtekeningen`)).json()) as Signature[];

describe('signing', () => {
  it('lets only ondertekenaars of the bestuurseenheid sign, and names a bad document', async () => {
    const z = await createMeeting(w);
    for (const [h, status] of [[w.lezer, 403], [w.schrijver, 403], [w.publiceerder, 403], [aalstSigner, 403], [{}, 401]] as const) {
      expect((await sign(z.id, 'notulen', h)).status).toBe(status);
    }
    for (const bad of ['notulen-x', 'uittreksel-9', 'uittreksel-0', 42, undefined]) {
      const res = await sign(z.id, bad, signer1);
      expect(res.status).toBe(422);
      expect(await res.text()).toContain('document');
    }
    expect(await signatures(z.id)).toEqual([]);
    const res = await sign(z.id, 'uittreksel-2', signer1);
    expect(res.status, await res.clone().text()).toBe(201);
    const s = (await res.json()) as Signature;
    expect(s).toMatchObject({ document: 'uittreksel-2', ondertekenaarNaam: 'Ondertekenaar Een', geldig: true });
    expect(s.hash).toMatch(/^[0-9a-f]{64}$/);
    const audited = await w.t.raw.ask(sparql`ASK { GRAPH ${w.t.uris.auditGraph} { ?e ${STELSEL.action} ${literal('decisions.sign')} } }`);
    expect(audited).toBe(true);
  });

  it('refuses to publish without the required valid signatures, and publishes them with the document', async () => {
    const z = await createMeeting(w, meetingBody({ geplandeStart: '2026-04-02T19:00:00+02:00' }));
    let res = await publish(w, z.id, 'notulen');
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('notulen: 0 van de 2 vereiste geldige handtekeningen');

    expect((await sign(z.id, 'notulen', signer1)).status).toBe(201);
    expect((await sign(z.id, 'notulen', signer1)).status).toBe(201); // the same signer twice counts once
    res = await publish(w, z.id, 'notulen');
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('1 van de 2');
    expect((await w.t.app.request(`${z.pagina}/notulen`)).status).toBe(404);

    // a change invalidates the signatures made so far
    const changed = meetingBody({ geplandeStart: '2026-04-02T19:00:00+02:00' });
    changed.agendapunten[0]!.behandeling.besluit.motivering = 'Gewijzigde motivering';
    expect((await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/zittingen/${z.id}`, changed)).status).toBe(200);
    expect((await signatures(z.id)).map((s) => s.geldig)).toEqual([false, false]);
    expect((await sign(z.id, 'notulen', signer2)).status).toBe(201);
    res = await publish(w, z.id, 'notulen');
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('1 van de 2 vereiste geldige handtekeningen (2 ongeldig door een latere wijziging)');

    expect((await sign(z.id, 'notulen', signer1)).status).toBe(201);
    const all = await signatures(z.id);
    expect(all.filter((s) => s.geldig).map((s) => s.ondertekenaarNaam).sort()).toEqual(['Ondertekenaar Een', 'Ondertekenaar Twee']);
    expect(all.filter((s) => !s.geldig)).toHaveLength(2);
    res = await publish(w, z.id, 'notulen');
    expect(res.status, await res.clone().text()).toBe(201);
    const v = ((await res.json()) as { versies: { iri: string; number: number }[] }).versies[0]!;

    // the version holds both valid signatures, each over exactly the published content
    const svc = createDecisionService({ config: w.t.config, store: w.t.store, uris: w.t.uris, audit: w.t.audit, logger: undefined as never });
    const doc = await svc.document(GENT, 'gemeenteraad', '2026-04-02', { kind: 'notulen' }, 1);
    const content = contentKey(doc.quads, doc.current);
    const signed = doc.current.handtekeningen ?? [];
    expect(signed.map((h) => h.ondertekenaarNaam).sort()).toEqual(['Ondertekenaar Een', 'Ondertekenaar Twee']);
    for (const h of signed) {
      expect(h.hash).toBe(createHash('sha256').update(`${content}\n${h.ondertekenaar}\n${h.tijdstip}`).digest('hex'));
    }
    expect(doc.quads.filter((q) => q.predicate.equals(SIGN.hashAlgorithm)).map((q) => q.object.value)).toEqual(['sha256', 'sha256']);

    // the page shows them (RDFa: sign:SignedResource about the version)
    const html = await (await w.t.app.request(v.iri.replace(/^https?:\/\/[^/]+/, ''))).text();
    const page = new JSDOM(html).window.document;
    const items = [...page.querySelectorAll('.handtekeningen li')].map((li) => li.textContent ?? '');
    expect(items).toHaveLength(2);
    for (const h of signed) expect(items.some((t) => t.includes(h.ondertekenaarNaam) && t.includes(h.hash))).toBe(true);

    // unchanged content: nothing to publish, no signature needed
    res = await publish(w, z.id, 'notulen');
    expect(res.status).toBe(200);
  });

  it('can be done in the editor, which shows whether each signature is still valid', async () => {
    const z = await createMeeting(w, meetingBody({ geplandeStart: '2026-04-16T19:00:00+02:00' }));
    const page = `/beheer/besluiten/${GENT}/zittingen/${z.id}`;
    const html = async (h: Record<string, string>) => new JSDOM(await (await w.t.app.request(page, { headers: { ...h, accept: 'text/html' } })).text()).window.document;
    expect((await html(w.schrijver)).querySelector(`form[action="${page}/ondertekenen"]`)).toBeNull();
    const options = [...(await html(signer1)).querySelectorAll(`form[action="${page}/ondertekenen"] option`)].map((o) => o.getAttribute('value'));
    expect(options).toEqual(['agenda', 'aanvullende-agenda', 'spoedeisende-agenda', 'besluitenlijst', 'notulen', 'uittreksel-1', 'uittreksel-2', 'uittreksel-3']);
    const post = (h: Record<string, string>) => w.t.app.request(`${page}/ondertekenen`, { method: 'POST', headers: { ...h, 'content-type': 'application/x-www-form-urlencoded' }, body: 'document=besluitenlijst' });
    expect((await post(w.schrijver)).status).toBe(403);
    expect((await post(signer1)).status).toBe(303);
    expect([...(await html(w.lezer)).querySelectorAll('li.geldig')].map((li) => li.textContent)).toEqual([expect.stringContaining('besluitenlijst: Ondertekenaar Een')]);
    const changed = meetingBody({ geplandeStart: '2026-04-16T19:00:00+02:00' });
    changed.agendapunten[2]!.behandeling.stemmingen[0]!.gevolg = 'Verworpen';
    expect((await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/zittingen/${z.id}`, changed)).status).toBe(200);
    const after = await html(w.lezer);
    expect(after.querySelectorAll('li.geldig')).toHaveLength(0);
    expect(after.querySelector('li.ongeldig')?.textContent).toContain('ongeldig (de inhoud werd sindsdien gewijzigd)');
  });

  it('signs each uittreksel on its own', async () => {
    const z = await createMeeting(w, meetingBody({ geplandeStart: '2026-04-09T19:00:00+02:00' }));
    for (const n of [1, 2]) for (const h of [signer1, signer2]) expect((await sign(z.id, `uittreksel-${n}`, h)).status).toBe(201);
    const res = await publish(w, z.id, 'uittreksels');
    expect(res.status).toBe(409);
    const body = await res.text();
    expect(body).toContain('uittreksel-3: 0 van de 2');
    expect(body).not.toContain('uittreksel-1:');
    for (const h of [signer1, signer2]) expect((await sign(z.id, 'uittreksel-3', h)).status).toBe(201);
    expect((await publish(w, z.id, 'uittreksels')).status).toBe(201);
  });
});
