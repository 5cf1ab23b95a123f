/**
 * The catalogue harvester end to end: a real HTTP server on 127.0.0.1 serves the catalogue of one
 * source in a mode the test picks (good, invalid, wrong content type, slow, huge, redirects, another
 * organisation's catalogue, 404), plus a closed port for an unreachable source; the application
 * runs over a real embedded store. Checks what is imported, that failures keep the previous
 * products, the reports (JSON and HTML), authorisation, the per-source lease and the daily run.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, makeTestApp } from '../support/app.js';
import { TEST_BASE } from '../support/tmp.js';
import { grantsOf } from '../../src/identity/index.js';
import type { SessionResolver } from '../../src/shared/auth/authenticate.js';
import { DAILY_LEASE, HarvestScheduler, HarvestService, harvestOptions, type HarvestReport } from '../../src/catalog/harvest/index.js';
import { OWMS, TILBURG, catalogue, loadDemoValueLists, type P } from './support.js';

const USER_HEADER = 'x-test-user';
const sessions: SessionResolver = {
  async actorOf(c) {
    const iri = c.req.header(USER_HEADER);
    return iri ? { kind: 'user', iri, name: iri, grants: await grantsOf(t, iri) } : null;
  },
};

type Mode = 'good' | 'fewer' | 'invalid' | 'html' | 'slow' | 'huge' | 'redirect-ok' | 'redirect-loop' | 'redirect-credentials' | 'tilburg' | 'missing';

let t: Awaited<ReturnType<typeof makeTestApp>>;
let server: http.Server;
let base = '';
let closedPort = 0;
let mode: Mode = 'good';
/** Bytes the server managed to send of the huge catalogue before the client stopped reading. */
let hugeSent = 0;

const beheerder = { [USER_HEADER]: `${TEST_BASE}/id/gebruiker/demo-catalogusbeheerder` };
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
let aalsmeerEditor: Record<string, string>;
let tilburgEditor: Record<string, string>;

const PASPOORT: [string, string] = [`${OWMS}paspoort`, 'paspoort'];
const GOOD: P[] = [{ id: 'H-1', online: 'digid', upl: [PASPOORT] }, { id: 'H-2', audience: ['ondernemer'] }, { id: 'H-3' }];
const XML = { good: catalogue(GOOD), fewer: catalogue([GOOD[0]!]), invalid: catalogue([{ id: 'H-1', audience: ['iedereen'] }, { id: 'H-9' }]) };

function serve(req: http.IncomingMessage, res: http.ServerResponse): void {
  const path = req.url ?? '/';
  const xml = (body: string, type = 'application/xml; charset=utf-8') => {
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  };
  if (path.startsWith('/hop/')) {
    const n = Number(path.slice('/hop/'.length));
    res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/catalogus.xml?direct' });
    res.end();
    return;
  }
  if (path === '/catalogus.xml?direct') return xml(XML.good);
  if (path !== '/catalogus.xml') {
    res.writeHead(404);
    res.end();
    return;
  }
  switch (mode) {
    case 'good':
      return xml(XML.good);
    case 'fewer':
      return xml(XML.fewer, 'text/xml');
    case 'invalid':
      return xml(XML.invalid);
    case 'html':
      return xml(XML.good, 'text/html; charset=utf-8');
    case 'tilburg':
      return xml(catalogue([{ id: 'T-1', authority: TILBURG }], 'tilburg'));
    case 'missing':
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<p>weg</p>');
      return;
    case 'slow':
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.write('<?xml version="1.0" encoding="UTF-8"?>\n');
      return; // never ends
    case 'huge': {
      res.writeHead(200, { 'content-type': 'application/xml' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && hugeSent < 512 * 1024 * 1024) {
          hugeSent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => {});
      pump();
      return;
    }
    case 'redirect-ok':
      res.writeHead(301, { location: '/hop/1' });
      res.end();
      return;
    case 'redirect-loop':
      res.writeHead(302, { location: '/hop/10' });
      res.end();
      return;
    case 'redirect-credentials':
      res.writeHead(307, { location: `http://harvest:secret@127.0.0.1:${(server.address() as AddressInfo).port}/catalogus.xml?direct` });
      res.end();
      return;
  }
}

async function listen(s: http.Server): Promise<number> {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return (s.address() as AddressInfo).port;
}

async function issue(slug: string, roles: string[]): Promise<Record<string, string>> {
  const res = await t.app.request(`/api/organisaties/${slug}/tokens`, {
    method: 'POST',
    headers: { ...admin, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ name: `oogst ${roles.join('+')}`, roles }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

beforeAll(async () => {
  server = http.createServer(serve);
  base = `http://127.0.0.1:${await listen(server)}`;
  const closed = http.createServer();
  closedPort = await listen(closed);
  await new Promise<void>((r) => closed.close(() => r()));
  t = await makeTestApp({
    demo: true,
    sessions,
    env: {
      RATE_LIMIT_PER_MINUTE: '100000',
      HARVEST_ALLOW_PRIVATE_ADDRESSES: 'true',
      HARVEST_TIMEOUT_MS: '1000',
      HARVEST_MAX_BYTES: '262144',
      HARVEST_MAX_REDIRECTS: '3',
    },
  });
  await loadDemoValueLists(t);
  aalsmeerEditor = await issue('gemeente-aalsmeer', ['producteditor']);
  tilburgEditor = await issue('gemeente-tilburg', ['producteditor']);
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  await t?.close();
});

async function call(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Response> {
  return t.app.request(path, {
    method,
    headers: { accept: 'application/json', ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

async function harvest(as: Record<string, string> = beheerder, slug = 'gemeente-aalsmeer'): Promise<HarvestReport> {
  const res = await call('POST', `/api/catalogus/bronnen/${slug}/oogsten`, as);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as HarvestReport;
}

/** productIDs of the stored products of an organisation. */
async function stored(slug: string): Promise<string[]> {
  const rows = await t.raw.select(`
    SELECT ?id WHERE { GRAPH ?g { ?p a <https://data.stelsel.nl/ns/stelsel#Product> ; <http://standaarden.overheid.nl/product/terms/productID> ?id }
      FILTER(STRSTARTS(STR(?g), "${TEST_BASE}/graph/product/${slug}/")) }`);
  return rows.map((r) => r.id!.value).sort();
}

const nonAuditQuads = async () =>
  Number((await t.raw.select(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <${TEST_BASE}/graph/audit>) }`))[0]!.n!.value);

describe('harvest sources', () => {
  it('are managed by catalogusbeheerders only (401 anonymous, 403 producteditor), and nothing changes on refusal', async () => {
    const before = await nonAuditQuads();
    const body = { organisation: 'gemeente-aalsmeer', url: `${base}/catalogus.xml` };
    expect((await call('GET', '/api/catalogus/bronnen', {})).status).toBe(401);
    expect((await call('POST', '/api/catalogus/bronnen', {}, body)).status).toBe(401);
    expect((await call('GET', '/api/catalogus/bronnen', aalsmeerEditor)).status).toBe(403);
    expect((await call('POST', '/api/catalogus/bronnen', aalsmeerEditor, body)).status).toBe(403);
    expect((await call('POST', '/api/catalogus/bronnen/oogsten', aalsmeerEditor)).status).toBe(403);
    expect((await t.app.request('/beheer/catalogus/bronnen', { headers: aalsmeerEditor })).status).toBe(403);
    expect(await nonAuditQuads()).toBe(before);
  });

  it('refuses bad URLs, unknown organisations and malformed bodies precisely', async () => {
    const bad = async (body: unknown, status: number, text: string) => {
      const res = await call('POST', '/api/catalogus/bronnen', beheerder, body);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(text);
    };
    await bad({ organisation: 'gemeente-aalsmeer', url: 'ftp://example.org/sc.xml' }, 422, 'use http or https');
    await bad({ organisation: 'gemeente-aalsmeer', url: 'https://user:pw@example.org/sc.xml' }, 422, 'credentials');
    await bad({ organisation: 'gemeente-aalsmeer', url: 'not a url' }, 422, 'not a valid absolute URL');
    await bad({ organisation: 'gemeente-nergens', url: 'https://example.org/sc.xml' }, 422, 'gemeente-nergens');
    await bad({ organisation: 'Gemeente Aalsmeer', url: 'https://example.org/sc.xml' }, 400, 'organisation');
    await bad({ organisation: 'gemeente-aalsmeer' }, 400, 'url');
  });

  it('are created (one per organisation) and listed', async () => {
    const res = await call('POST', '/api/catalogus/bronnen', beheerder, { organisation: 'gemeente-aalsmeer', url: `${base}/catalogus.xml` });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(res.headers.get('location')).toBe('/api/catalogus/bronnen/gemeente-aalsmeer');
    expect(await res.json()).toMatchObject({ id: 'gemeente-aalsmeer', organisation: `${TEST_BASE}/id/organisatie/gemeente-aalsmeer`, organisationName: 'Gemeente Aalsmeer', url: `${base}/catalogus.xml` });
    const again = await call('POST', '/api/catalogus/bronnen', beheerder, { organisation: 'gemeente-aalsmeer', url: `${base}/other.xml` });
    expect(again.status).toBe(409);
    const list = (await (await call('GET', '/api/catalogus/bronnen', beheerder)).json()) as { sources: { id: string; url: string }[] };
    expect(list.sources.map((s) => [s.id, s.url])).toEqual([['gemeente-aalsmeer', `${base}/catalogus.xml`]]);
  });
});

describe('a harvest run', () => {
  it('imports a good catalogue for the source organisation', async () => {
    mode = 'good';
    const r = await harvest();
    expect(r).toMatchObject({ outcome: 'ok', trigger: 'manual', httpStatus: 200, contentType: 'application/xml; charset=utf-8', productsDelivered: 3, productsImported: 3, productsRemoved: 0, problemCount: 0 });
    expect(r.bytes).toBe(Buffer.byteLength(XML.good));
    expect(await stored('gemeente-aalsmeer')).toEqual(['H-1', 'H-2', 'H-3']);
  });

  it('replaces the products: a product no longer delivered is removed', async () => {
    mode = 'fewer';
    const r = await harvest();
    expect(r).toMatchObject({ outcome: 'ok', productsImported: 1, productsRemoved: 2, contentType: 'text/xml' });
    expect(await stored('gemeente-aalsmeer')).toEqual(['H-1']);
    mode = 'good';
    expect((await harvest()).productsImported).toBe(3);
  });

  it('keeps the previous products when the catalogue is invalid, and reports why', async () => {
    mode = 'invalid';
    const r = await harvest();
    expect(r.outcome).toBe('invalid');
    expect(r.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'audience-value', productID: 'H-1' })]));
    expect(r.problemCount).toBe(r.problems.length);
    expect(r.productsImported).toBe(0);
    expect(await stored('gemeente-aalsmeer')).toEqual(['H-1', 'H-2', 'H-3']);
  });

  it('refuses a catalogue served with the wrong content type', async () => {
    mode = 'html';
    const r = await harvest();
    expect(r).toMatchObject({ outcome: 'refused', httpStatus: 200, contentType: 'text/html; charset=utf-8', problems: [expect.objectContaining({ code: 'content-type' })] });
    expect(r.problems[0]!.message).toContain('text/html');
    expect(await stored('gemeente-aalsmeer')).toEqual(['H-1', 'H-2', 'H-3']);
  });

  it('refuses a status other than 200', async () => {
    mode = 'missing';
    const r = await harvest();
    expect(r).toMatchObject({ outcome: 'refused', httpStatus: 404, problems: [expect.objectContaining({ code: 'http-status' })] });
  });

  it('gives up on a slow catalogue after the time limit', async () => {
    mode = 'slow';
    const r = await harvest();
    expect(r).toMatchObject({ outcome: 'unreachable', problems: [expect.objectContaining({ code: 'timeout' })] });
    expect(r.ms).toBeGreaterThanOrEqual(950);
    expect(r.ms).toBeLessThan(5000);
    expect(await stored('gemeente-aalsmeer')).toEqual(['H-1', 'H-2', 'H-3']);
  });

  it('stops a huge catalogue early, at the size limit', async () => {
    mode = 'huge';
    hugeSent = 0;
    const r = await harvest();
    expect(r).toMatchObject({ outcome: 'refused', problems: [expect.objectContaining({ code: 'too-large' })] });
    expect(r.problems[0]!.message).toContain('262144');
    // The server could send 512 MiB; the harvester stopped reading after 256 KiB (socket buffers aside).
    expect(hugeSent).toBeLessThan(32 * 1024 * 1024);
    expect(await stored('gemeente-aalsmeer')).toEqual(['H-1', 'H-2', 'H-3']);
  });

  it('follows a bounded number of redirects, checking every hop', async () => {
    mode = 'redirect-ok';
    const ok = await harvest();
    expect(ok).toMatchObject({ outcome: 'ok', finalUrl: `${base}/catalogus.xml?direct` });
    mode = 'redirect-loop';
    const loop = await harvest();
    expect(loop).toMatchObject({ outcome: 'refused', httpStatus: 302, problems: [expect.objectContaining({ code: 'too-many-redirects' })] });
    mode = 'redirect-credentials';
    const creds = await harvest();
    expect(creds).toMatchObject({ outcome: 'refused', problems: [expect.objectContaining({ code: 'url-credentials' })] });
    expect(creds.problems[0]!.message).not.toContain('secret');
  });

  it("refuses another organisation's catalogue (authority mismatch) and stores nothing for either", async () => {
    mode = 'tilburg';
    const r = await harvest();
    expect(r.outcome).toBe('invalid');
    expect(r.problems).toEqual([expect.objectContaining({ code: 'authority-mismatch' })]);
    expect(r.problems[0]!.message).toContain('gemeente-tilburg');
    expect(await stored('gemeente-aalsmeer')).toEqual(['H-1', 'H-2', 'H-3']);
    expect(await stored('gemeente-tilburg')).toEqual([]);
  });

  it('reports an unreachable source (closed port)', async () => {
    const res = await call('POST', '/api/catalogus/bronnen', beheerder, { organisation: 'gemeente-tilburg', url: `http://127.0.0.1:${closedPort}/sc.xml` });
    expect(res.status).toBe(201);
    const r = await harvest(beheerder, 'gemeente-tilburg');
    expect(r).toMatchObject({ outcome: 'unreachable', problems: [expect.objectContaining({ code: 'unreachable' })] });
    expect(r.problems[0]!.message).toContain('refused');
    expect(await stored('gemeente-tilburg')).toEqual([]);
  });

  it('runs one harvest of a source at a time (a lease in the store)', async () => {
    mode = 'good';
    expect(await t.store.acquireLock('oogst-bron-gemeente-aalsmeer', 'someone-else', 60_000)).toBe(true);
    try {
      const res = await call('POST', '/api/catalogus/bronnen/gemeente-aalsmeer/oogsten', beheerder);
      expect(res.status).toBe(409);
    } finally {
      await t.store.releaseLock('oogst-bron-gemeente-aalsmeer', 'someone-else');
    }
    expect((await harvest()).outcome).toBe('ok');
  });

  it('harvests every source on demand', async () => {
    mode = 'good';
    const res = await call('POST', '/api/catalogus/bronnen/oogsten', beheerder);
    expect(res.status).toBe(200);
    const { runs } = (await res.json()) as { runs: { source: string; outcome: string }[] };
    expect(runs.sort((a, b) => a.source.localeCompare(b.source))).toEqual([
      { source: 'gemeente-aalsmeer', outcome: 'ok' },
      { source: 'gemeente-tilburg', outcome: 'unreachable' },
    ]);
  });

  it('keeps sources and reports out of the public SPARQL endpoint', async () => {
    const ask = async (type: string) => {
      const q = `ASK { GRAPH ?g { ?s a <https://data.stelsel.nl/ns/stelsel#${type}> } }`;
      const res = await t.app.request(`/sparql?query=${encodeURIComponent(q)}`, { headers: { accept: 'application/sparql-results+json' } });
      expect(res.status).toBe(200);
      return ((await res.json()) as { boolean: boolean }).boolean;
    };
    expect(await ask('Product')).toBe(true); // the endpoint sees the public data
    expect(await ask('HarvestSource')).toBe(false);
    expect(await ask('HarvestReport')).toBe(false);
  });

  it('is audited', async () => {
    const rows = await t.raw.select(`SELECT ?action (COUNT(*) AS ?n) WHERE { GRAPH <${TEST_BASE}/graph/audit> {
      ?e <https://data.stelsel.nl/ns/stelsel#action> ?action FILTER(STRSTARTS(?action, "catalogue.harvest")) } } GROUP BY ?action`);
    const counts = Object.fromEntries(rows.map((r) => [r.action!.value, Number(r.n!.value)]));
    expect(counts['catalogue.harvest.source.create']).toBe(2);
    expect(counts['catalogue.harvest.run']).toBeGreaterThanOrEqual(14);
  });
});

describe('harvest history', () => {
  it('is JSON, newest first, readable by the organisation producteditor but not by others', async () => {
    const res = await call('GET', '/api/catalogus/bronnen/gemeente-aalsmeer/historie', aalsmeerEditor);
    expect(res.status).toBe(200);
    const { source, reports } = (await res.json()) as { source: { id: string }; reports: HarvestReport[] };
    expect(source.id).toBe('gemeente-aalsmeer');
    expect(reports.length).toBeGreaterThanOrEqual(13);
    const starts = reports.map((r) => Date.parse(r.started)); // canonical xsd:dateTime drops trailing zeros: compare instants
    expect(starts.every(Number.isFinite)).toBe(true);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    const outcomes = new Set(reports.map((r) => r.outcome));
    expect([...outcomes].sort()).toEqual(['invalid', 'ok', 'refused', 'unreachable']);
    expect(reports[0]!.trigger).toBe('manual');
    expect(reports[0]!.agent).toBe(beheerder[USER_HEADER]);
    expect((await call('GET', '/api/catalogus/bronnen/gemeente-aalsmeer/historie?limit=2', beheerder).then((r) => r.json()) as { reports: unknown[] }).reports).toHaveLength(2);
    expect((await call('GET', '/api/catalogus/bronnen/gemeente-aalsmeer/historie?limit=0', beheerder)).status).toBe(400);
    expect((await call('GET', '/api/catalogus/bronnen/gemeente-aalsmeer/historie', tilburgEditor)).status).toBe(403);
    expect((await call('GET', '/api/catalogus/bronnen/gemeente-aalsmeer/historie', {})).status).toBe(401);
    expect((await call('GET', '/api/catalogus/bronnen/gemeente-nergens/historie', beheerder)).status).toBe(404);
  });

  it('is an HTML page with every run and its problems', async () => {
    const res = await t.app.request('/beheer/catalogus/bronnen/gemeente-aalsmeer', { headers: { ...beheerder, accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    for (const s of ['Oogsthistorie van Gemeente Aalsmeer', 'Ingelezen', 'Afgekeurd: ongeldige catalogus', 'Geweigerd: verkeerd aangeboden', 'Onbereikbaar', 'authority-mismatch', 'too-large', 'Nu oogsten', 'Bron verwijderen']) {
      expect(page).toContain(s);
    }
    const editor = await (await t.app.request('/beheer/catalogus/bronnen/gemeente-aalsmeer', { headers: { ...aalsmeerEditor, accept: 'text/html' } })).text();
    expect(editor).toContain('Oogsthistorie van Gemeente Aalsmeer');
    expect(editor).not.toContain('Nu oogsten');
  });

  it('the sources page lists each source with its last run, and its forms work', async () => {
    const page = await (await t.app.request('/beheer/catalogus/bronnen', { headers: { ...beheerder, accept: 'text/html' } })).text();
    expect(page).toContain('Gemeente Aalsmeer');
    expect(page).toContain(`${base}/catalogus.xml`);
    expect(page).toContain('De volgende dagelijkse oogst begint');
    // The add form offers only organisations without a source.
    expect(page).not.toMatch(/<option value="gemeente-aalsmeer"/);
    const form = (body: Record<string, string>, path: string) =>
      t.app.request(path, { method: 'POST', headers: { ...beheerder, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });
    const run = await form({}, '/beheer/catalogus/bronnen/gemeente-aalsmeer/oogsten');
    expect(run.status).toBe(303);
    expect(run.headers.get('location')).toMatch(/^\/beheer\/catalogus\/bronnen\/gemeente-aalsmeer#run-\d{8}T\d{9}Z-[0-9a-f]{6}$/);
    const removed = await form({}, '/beheer/catalogus/bronnen/gemeente-tilburg/verwijderen');
    expect(removed.status).toBe(303);
    const added = await form({ organisation: 'gemeente-tilburg', url: `${base}/tilburg.xml` }, '/beheer/catalogus/bronnen');
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe('/beheer/catalogus/bronnen/gemeente-tilburg');
    const history = (await (await call('GET', '/api/catalogus/bronnen/gemeente-tilburg/historie', beheerder)).json()) as { reports: unknown[] };
    expect(history.reports).toEqual([]); // removing a source removed its history
  });
});

describe('the daily harvest', () => {
  it('runs every source as Stelsel itself, once per day across instances (a lease)', async () => {
    mode = 'good';
    const deps = { config: t.config, store: t.store, uris: t.uris, logger: pino({ level: 'silent' }), audit: t.audit };
    const service = new HarvestService(deps, harvestOptions(deps));
    const one = new HarvestScheduler({ service, store: t.store, uris: t.uris, logger: deps.logger }, { time: '05:00', timezone: 'Europe/Amsterdam' });
    const other = new HarvestScheduler({ service, store: t.store, uris: t.uris, logger: deps.logger }, { time: '05:00', timezone: 'Europe/Amsterdam' });
    const count = async () => ((await (await call('GET', '/api/catalogus/bronnen/gemeente-aalsmeer/historie', beheerder)).json()) as { reports: HarvestReport[] }).reports;
    const before = (await count()).length;
    await one.runDaily();
    const after = await count();
    expect(after.length).toBe(before + 1);
    expect(after[0]).toMatchObject({ trigger: 'schedule', outcome: 'ok', agent: `${TEST_BASE}/id/agent/system` });
    await other.runDaily(); // the other instance finds the lease taken
    expect((await count()).length).toBe(before + 1);
    one.start();
    expect(one.nextRun()).toBeInstanceOf(Date);
    await one.stop();
    expect(one.nextRun()).toBeNull();
    await t.store.releaseLock(DAILY_LEASE, one.owner);
  });

  it('stops on shutdown: the run under way finishes, no further source is started', async () => {
    mode = 'slow';
    const deps = { config: t.config, store: t.store, uris: t.uris, logger: pino({ level: 'silent' }), audit: t.audit };
    const service = new HarvestService(deps, { ...harvestOptions(deps), concurrency: 1 });
    const scheduler = new HarvestScheduler({ service, store: t.store, uris: t.uris, logger: deps.logger }, { time: '05:00', timezone: 'Europe/Amsterdam' });
    const reports = async (slug: string) => ((await (await call('GET', `/api/catalogus/bronnen/${slug}/historie`, beheerder)).json()) as { reports: HarvestReport[] }).reports;
    const before = { aalsmeer: (await reports('gemeente-aalsmeer')).length, tilburg: (await reports('gemeente-tilburg')).length };
    const running = scheduler.runDaily();
    await new Promise((r) => setTimeout(r, 300)); // the first source (gemeente-aalsmeer, slow) is being fetched
    const t0 = performance.now();
    await scheduler.stop();
    expect(performance.now() - t0).toBeGreaterThan(300); // it waited for the run under way
    await running;
    const aalsmeer = await reports('gemeente-aalsmeer');
    expect(aalsmeer.length).toBe(before.aalsmeer + 1);
    expect(aalsmeer[0]).toMatchObject({ trigger: 'schedule', outcome: 'unreachable', problems: [expect.objectContaining({ code: 'timeout' })] });
    expect((await reports('gemeente-tilburg')).length).toBe(before.tilburg);
    await t.store.releaseLock(DAILY_LEASE, scheduler.owner);
  });

  it('removing a source keeps the organisation products', async () => {
    expect((await call('DELETE', '/api/catalogus/bronnen/gemeente-aalsmeer', aalsmeerEditor)).status).toBe(403);
    expect((await call('DELETE', '/api/catalogus/bronnen/gemeente-aalsmeer', beheerder)).status).toBe(204);
    expect((await call('DELETE', '/api/catalogus/bronnen/gemeente-aalsmeer', beheerder)).status).toBe(404);
    expect(await stored('gemeente-aalsmeer')).toEqual(['H-1', 'H-2', 'H-3']);
    expect((await call('GET', '/api/catalogus/bronnen/gemeente-aalsmeer/historie', beheerder)).status).toBe(404);
  });
});
