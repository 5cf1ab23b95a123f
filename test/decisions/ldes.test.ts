/**
 * The LDES feed of published document versions, read over real HTTP by the reference LDES client
 * (npm ldes-client): every version exactly once, full pages immutable, the open page has the newest.
 * Versions are published through the service with a clock in the past (so pages have settled) and
 * the last one through the API at the real time.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import N3 from 'n3';
import jsonld from 'jsonld';
import { replicateLDES } from 'ldes-client';
import { createDecisionService } from '../../src/decisions/index.js';
import { feedPage, SETTLE_MS } from '../../src/decisions/ldes.js';
import { ROOT } from '../../src/main.js';
import { systemActor } from '../../src/shared/auth/actor.js';
import { DCT, FOAF, LDES, PROV, RDF_, TREE } from '../../src/shared/rdf/vocab.js';
import { listenFirst, type ListeningServer } from '../support/browser.js';
import { GENT, createMeeting, makeWorld, meetingBody, publish, send, type World } from './support.js';

const PAGE_SIZE = 3;
let server: ListeningServer;
let w: World;
const meetings: string[] = [];
let clock = new Date('2026-01-16T09:00:00Z');
let svc: ReturnType<typeof createDecisionService>;

interface ApiVersion {
  iri: string;
  document: string;
  publishedAt: string;
}

async function allVersions(): Promise<ApiVersion[]> {
  const out: ApiVersion[] = [];
  for (const id of meetings) {
    const res = await send(w.t, w.lezer, 'GET', `/api/besluiten/${GENT}/zittingen/${id}/publicaties`);
    expect(res.status).toBe(200);
    out.push(...((await res.json()) as ApiVersion[]));
  }
  return out;
}

async function get(path: string, accept = 'text/turtle'): Promise<Response> {
  return fetch(server.base + path, { headers: { accept } });
}

function parseTurtle(text: string, base: string) {
  return new N3.Parser({ baseIRI: base }).parse(text);
}

beforeAll(async () => {
  server = await listenFirst();
  w = await makeWorld({ BASE_URL: server.base, DECISIONS_LDES_PAGE_SIZE: String(PAGE_SIZE) });
  server.handle(w.t.app.fetch);
  const { config, store, uris, audit } = w.t;
  svc = createDecisionService({ config, store, uris, audit, logger: pino({ level: 'silent' }) }, () => clock);
  const ctx = { actor: systemActor(uris), requestId: 'test' };
  const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

  const a = await createMeeting(w);
  meetings.push(a.id);
  await svc.publish(ctx, GENT, a.id, 'agenda');
  later(60 * 24);
  for (const kind of ['besluitenlijst', 'notulen', 'uittreksels'] as const) await svc.publish(ctx, GENT, a.id, kind);
  // A correction: new versions of the besluitenlijst, the notulen and the uittreksel of point 1.
  later(60);
  const fixed = meetingBody();
  fixed.agendapunten[0]!.behandeling.besluit.titel = 'Besluit 1 (verbeterd)';
  expect((await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/zittingen/${a.id}`, fixed)).status).toBe(200);
  for (const kind of ['besluitenlijst', 'notulen', 'uittreksels'] as const) await svc.publish(ctx, GENT, a.id, kind, 'Verbeterde titel van besluit 1');
  later(60 * 24 * 7);
  // Same content, other ids (ids become IRIs).
  const second = JSON.parse(JSON.stringify(meetingBody({ geplandeStart: '2026-02-12T19:00:00+01:00' })).replace(/"(ap|bh|b|a|s)-/g, '"z2-$1-')) as unknown;
  const b = await createMeeting(w, second);
  meetings.push(b.id);
  await svc.publish(ctx, GENT, b.id, 'agenda');
  // The newest version: through the API, now.
  const res = await publish(w, b.id, 'besluitenlijst');
  expect(res.status, await res.clone().text()).toBe(201);
}, 120_000);

afterAll(async () => {
  await w?.t.close();
  await server?.close();
});

describe('LDES feed', () => {
  it('describes the event stream with its paths and its view', async () => {
    const res = await get('/besluiten/ldes');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/turtle/);
    const stream = server.base + '/besluiten/ldes';
    const store = new N3.Store(parseTurtle(await res.text(), stream));
    const has = (p: { value: string }, o: { value: string }) => store.getQuads(stream, p.value, o.value, null).length === 1;
    expect(has(RDF_.type, LDES.EventStream)).toBe(true);
    expect(has(LDES.timestampPath, PROV.generatedAtTime)).toBe(true);
    expect(has(LDES.versionOfPath, DCT.isVersionOf)).toBe(true);
    expect(has(TREE.view, { value: `${stream}/1` })).toBe(true);
  });

  it('is read completely by the LDES client: every published version exactly once', async () => {
    const versions = await allVersions();
    expect(versions.length).toBeGreaterThan(3 * PAGE_SIZE);
    for (const ordered of ['none', 'ascending'] as const) {
      const client = replicateLDES({ url: `${server.base}/besluiten/ldes` }, ordered);
      const seen: { id: string; isVersionOf?: string; timestamp?: string | Date }[] = [];
      const reader = client.stream({ highWaterMark: 10 }).getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) seen.push({ id: r.value.id.value, isVersionOf: r.value.isVersionOf, timestamp: r.value.timestamp });
      expect(seen.map((m) => m.id).sort(), ordered).toEqual(versions.map((v) => v.iri).sort());
      const byIri = new Map(versions.map((v) => [v.iri, v]));
      for (const m of seen) {
        expect(m.isVersionOf).toBe(byIri.get(m.id)?.document);
        expect(new Date(m.timestamp ?? 0).toISOString().replace('.000Z', 'Z')).toBe(byIri.get(m.id)?.publishedAt);
      }
      if (ordered === 'ascending') {
        const times = seen.map((m) => new Date(m.timestamp ?? 0).getTime());
        expect(times).toEqual([...times].sort((x, y) => x - y));
      }
    }
  }, 60_000);

  it('describes each member as a document version with its HTML location and type', async () => {
    const versions = await allVersions();
    const v = versions.find((x) => x.document.endsWith('/besluitenlijst') && x.iri.endsWith('/versies/2'));
    expect(v).toBeDefined();
    const quads = [];
    for (let n = 1; ; n++) {
      const res = await get(`/besluiten/ldes/${n}`);
      if (res.status === 404) break;
      quads.push(...parseTurtle(await res.text(), server.base));
    }
    const store = new N3.Store(quads);
    const o = (p: { value: string }) => store.getObjects(v!.iri, p.value, null).map((x) => x.value);
    expect(o(RDF_.type)).toEqual([FOAF.Document.value]);
    expect(o(DCT.isVersionOf)).toEqual([v!.document]);
    expect(o(PROV.atLocation)).toEqual([v!.iri]);
    expect(o(DCT.type)).toEqual([svc.lists.documentTypes.get('besluitenlijst').iri.value]);
    expect(o(PROV.generatedAtTime)).toEqual([v!.publishedAt]);
    const html = await fetch(o(PROV.atLocation)[0]!, { headers: { accept: 'text/html' } });
    expect(html.status).toBe(200);
  });

  it('links full pages with a GreaterThanOrEqualToRelation, caches them as immutable, and keeps the newest on the open page', async () => {
    const versions = await allVersions();
    const newest = [...versions].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt)).at(-1)!;
    const pages = Math.floor(versions.length / PAGE_SIZE) + 1;
    for (let n = 1; n <= pages; n++) {
      const res = await get(`/besluiten/ldes/${n}`);
      expect(res.status).toBe(200);
      const page = `${server.base}/besluiten/ldes/${n}`;
      const store = new N3.Store(parseTurtle(await res.text(), page));
      const members = store.getObjects(`${server.base}/besluiten/ldes`, TREE.member.value, null).map((m) => m.value);
      const relations = store.getObjects(page, TREE.relation.value, null);
      if (n < pages) {
        expect(members).toHaveLength(PAGE_SIZE);
        expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(relations).toHaveLength(1);
        const r = relations[0]!;
        expect(store.getObjects(r, RDF_.type.value, null).map((x) => x.value)).toEqual([TREE.GreaterThanOrEqualToRelation.value]);
        expect(store.getObjects(r, TREE.node.value, null).map((x) => x.value)).toEqual([`${server.base}/besluiten/ldes/${n + 1}`]);
        expect(store.getObjects(r, TREE.path.value, null).map((x) => x.value)).toEqual([PROV.generatedAtTime.value]);
        const value = store.getObjects(r, TREE.value.value, null)[0]!;
        const times = members.map((m) => store.getObjects(m, PROV.generatedAtTime.value, null)[0]!.value);
        expect(value.value).toBe([...times].sort().at(-1));
      } else {
        expect(members.length).toBeLessThan(PAGE_SIZE);
        expect(members).toContain(newest.iri);
        expect(res.headers.get('cache-control')).toBe('no-cache');
        const etag = res.headers.get('etag');
        expect(etag).toMatch(/^"[\w-]+"$/);
        expect((await fetch(page, { headers: { accept: 'text/turtle', 'if-none-match': etag! } })).status).toBe(304);
        expect(relations).toHaveLength(0);
      }
    }
    expect((await get(`/besluiten/ldes/${pages + 1}`)).status).toBe(404);
    expect((await get('/besluiten/ldes/123456789012345678901234567890')).status).toBe(404);
    expect((await get('/besluiten/ldes/0')).status).toBe(404);
  });

  it('offers JSON-LD with the same triples', async () => {
    const ttl = parseTurtle(await (await get('/besluiten/ldes/2')).text(), server.base);
    const res = await get('/besluiten/ldes/2', 'application/ld+json');
    expect(res.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const nquads = (await jsonld.toRDF((await res.json()) as object, { format: 'application/n-quads' })) as unknown as string;
    const fromJson = new N3.Parser({ format: 'N-Quads' }).parse(nquads);
    expect(fromJson.length).toBe(ttl.length);
    const key = (q: N3.Quad) => (q.subject.termType === 'BlankNode' ? '_' : q.subject.value) + q.predicate.value + (q.object.termType === 'BlankNode' ? '_' : q.object.value);
    expect(fromJson.map(key).sort()).toEqual(ttl.map(key).sort());
    expect((await get('/besluiten/ldes/2', 'image/png')).status).toBe(406);
  });
});

describe('LDES feed pages', () => {
  it('closes a full page only once its last member has settled', async () => {
    const full = await feedPage(w.t.store, svc.iris, 1, PAGE_SIZE, new Date(0));
    expect(full?.members).toHaveLength(PAGE_SIZE);
    const last = Date.parse(full!.members.at(-1)!.publishedAt);
    expect((await feedPage(w.t.store, svc.iris, 1, PAGE_SIZE, new Date(last + SETTLE_MS - 1000)))?.closed).toBe(false);
    expect((await feedPage(w.t.store, svc.iris, 1, PAGE_SIZE, new Date(last + SETTLE_MS)))?.closed).toBe(true);
    // The same members again: page boundaries do not depend on the time of asking.
    expect((await feedPage(w.t.store, svc.iris, 1, PAGE_SIZE, new Date()))?.members).toEqual(full!.members);
  });
});

const REF = path.resolve(ROOT, '../shared/reference/ldes');
describe.skipIf(!existsSync(REF))('LDES and TREE terms (../shared/reference/ldes absent)', () => {
  it('uses only terms the LDES and TREE vocabularies define', () => {
    const defined = new Set(
      ['ldes-vocabulary.ttl', 'tree-vocabulary.ttl'].flatMap((f) => new N3.Parser().parse(readFileSync(path.join(REF, f), 'utf8')).map((q) => q.subject.value)),
    );
    const used = [...Object.values(LDES), ...Object.values(TREE)].map((t: { value: string }) => t.value);
    expect(used.length).toBe(11);
    expect(used.filter((t) => !defined.has(t))).toEqual([]);
  });
});
