/**
 * Unpublished series are private: an anonymous client finds nothing of a draft, a version under
 * internal approval or a submitted version through the public SPARQL endpoint (in process and on a
 * worker replica, whatever the query form), the linked-data documents (/id, /doc in every format)
 * or the series API; it does find the published series and their superseded versions. Publishing
 * moves the version into the public graphs. Drafts stay SHACL-validated.
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/shared/auth/actor.js';
import { ValidationFailed } from '../../src/shared/shacl/validating-store.js';
import { createSparqlService } from '../../src/sparql/service.js';
import { draftSeriesGraph, seriesGraph, versionGraph } from '../../src/series/rdf.js';
import { seedSeriesDemo, type Series } from '../../src/series/index.js';
import { call, fullContent, loginAs, seriesTestApp, serviceOf, type TestApp } from './support.js';

let t: TestApp;
let ib: Record<string, string>;
let ig: Record<string, string>;
let chair: Record<string, string>;

beforeAll(async () => {
  t = await seriesTestApp();
  ib = await loginAs(t, 'demo-informatiebeheerder');
  ig = await loginAs(t, 'demo-interne-goedkeurder');
  chair = await loginAs(t, 'demo-commissievoorzitter-gemeenten');
  await seedSeriesDemo(serviceOf(t));
});
afterAll(() => t.close());

const act = (h: Record<string, string>, id: string, actie: string) => call(t, h, 'POST', `/api/series/${id}/acties/${actie}`, {});

/** The answers to every way of asking the public endpoint for everything, as text. */
async function sparqlEverything(): Promise<string> {
  const queries = [
    'SELECT * WHERE { ?s ?p ?o }',
    'SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }',
    'SELECT DISTINCT ?g WHERE { GRAPH ?g { } }',
    'CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }',
  ];
  let out = '';
  for (const q of queries) {
    const accept = q.startsWith('CONSTRUCT') ? 'application/n-triples' : 'application/sparql-results+json';
    const res = await t.app.request(`/sparql?query=${encodeURIComponent(q)}`, { headers: { accept } });
    expect(res.status, q).toBe(200);
    out += await res.text();
  }
  return out;
}

/** Everything an anonymous client gets about a series from its IRIs and documents. */
async function documents(id: string, versions: number[]): Promise<{ statuses: number[]; text: string }> {
  const paths = [`/id/serie/${id}`, `/doc/serie/${id}`, `/doc/serie/${id}.ttl`, `/doc/serie/${id}.jsonld`, `/api/series/${id}`];
  for (const n of versions) paths.push(`/id/serie/${id}/versie/${n}`, `/doc/serie/${id}/versie/${n}`, `/doc/serie/${id}/versie/${n}.nt`);
  const statuses: number[] = [];
  let text = '';
  for (const p of paths) {
    const res = await t.app.request(p, { headers: { accept: p.startsWith('/api/') ? 'application/json' : 'text/turtle' } });
    statuses.push(res.status);
    text += await res.text();
  }
  return { statuses, text };
}

describe('unpublished series are private', () => {
  it('shows nothing of a draft until the chair approves it, then shows it everywhere', async () => {
    const name = `Geheime ontwerpserie ${randomUUID()}`;
    const created = await call(t, ib, 'POST', '/api/series', { organisatie: 'gemeente-gent', ...fullContent(name) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.Id as string;
    // The demo's published series are public all along (control: the checks below can see data).
    const published = (await call(t, {}, 'GET', '/api/series?q=Huwelijksdossiers')).body.Content as { Id: string }[];
    expect(published).toHaveLength(1);

    for (const step of [undefined, [ib, 'indienen'], [ig, 'intern-goedkeuren']] as const) {
      if (step) expect((await act(step[0], id, step[1])).status).toBe(200);
      const everything = await sparqlEverything();
      expect(['Huwelijksdossiers', name, id, '/graph/serie-ontwerp'].map((x) => everything.includes(x))).toEqual([true, false, false, false]);
      const docs = await documents(id, [1]);
      expect(docs.statuses.every((s) => s === 404), `${step?.[1] ?? 'ontwerp'}: ${docs.statuses.join(',')}`).toBe(true);
      expect(docs.text.includes(name)).toBe(false);
      // Its readers still see it through the series API.
      expect((await call(t, ib, 'GET', `/api/series/${id}`)).body).toMatchObject({ Content: { Name: name } });
    }
    // The published demo series is served by its documents (control for the 404s above).
    const control = await documents(published[0]!.Id, [1]);
    expect(control.statuses).toEqual([303, 200, 200, 200, 200, 303, 200, 200]);
    expect(control.text.includes('Huwelijksdossiers')).toBe(true);

    expect((await act(chair, id, 'goedkeuren')).status).toBe(200);
    const everything = await sparqlEverything();
    expect(everything.includes(name)).toBe(true);
    const docs = await documents(id, [1]);
    expect(docs.statuses).toEqual([303, 200, 200, 200, 200, 303, 200, 200]);
    expect(docs.text.includes(name)).toBe(true);
    // Moved, not copied: nothing of the series is left in a private graph.
    const left = await t.store.ask(`ASK { GRAPH ?g { ?s ?p ?o } FILTER(?g IN (<${draftSeriesGraph(t.uris, id).value}>, <${versionGraph(t.uris, id, 1, false).value}>)) }`);
    expect(left).toBe(false);
    expect(await t.store.ask(`ASK { GRAPH <${seriesGraph(t.uris, id).value}> { ?s ?p ?o } }`)).toBe(true);
  });

  it('keeps the new version of a published series private while it is worked on', async () => {
    const name = `Publieke serie ${randomUUID()}`;
    const draftName = `Herziene geheime naam ${randomUUID()}`;
    const id = (await call(t, ib, 'POST', '/api/series', { organisatie: 'gemeente-gent', ...fullContent(name) })).body.Id as string;
    for (const [h, a] of [[ib, 'indienen'], [ig, 'intern-goedkeuren'], [chair, 'goedkeuren'], [ib, 'herzien']] as const) expect((await act(h, id, a)).status).toBe(200);
    expect((await call(t, ib, 'PUT', `/api/series/${id}`, fullContent(draftName))).status).toBe(200);

    const everything = await sparqlEverything();
    expect([name, draftName, `/id/serie/${id}/versie/2`].map((x) => everything.includes(x))).toEqual([true, false, false]);
    const docs = await documents(id, [1, 2]);
    expect(docs.statuses).toEqual([303, 200, 200, 200, 200, 303, 200, 200, 404, 404, 404]);
    expect([docs.text.includes(name), docs.text.includes(draftName)]).toEqual([true, false]);
    const anonymous = await call(t, {}, 'GET', `/api/series/${id}`);
    expect(anonymous.body).toMatchObject({ PublishedVersion: 1, WorkingVersion: null });
    expect((anonymous.body.Versions as unknown[]).length).toBe(1);
    const own = await call(t, ib, 'GET', `/api/series/${id}`);
    expect(own.body).toMatchObject({ PublishedVersion: 1, WorkingVersion: 2 });
    // Exports of published series carry the published version only.
    const ttl = await (await t.app.request(`/api/series/export.ttl?q=${encodeURIComponent(name)}`)).text();
    expect([ttl.includes(name), ttl.includes(draftName), ttl.includes('werkversie'), ttl.includes(`/versie/2`)]).toEqual([true, false, false, false]);
    // The owner sees the new version on the series page, the public does not.
    expect((await (await t.app.request(`/doc/serie/${id}`, { headers: ib })).text()).includes(draftName)).toBe(true);
    expect((await (await t.app.request(`/doc/serie/${id}`)).text()).includes(draftName)).toBe(false);

    // Published directly (shortened flow): version 1 stays public as superseded history.
    expect((await act(ib, id, 'rechtstreeks-publiceren')).status).toBe(200);
    const after = await sparqlEverything();
    expect([draftName, `/id/serie/${id}/versie/1`, 'serie-status/vervangen'].map((x) => after.includes(x))).toEqual([true, true, true]);
  });

  it('keeps drafts out of a worker replica of the public endpoint', async () => {
    const name = `Ontwerp voor de replica ${randomUUID()}`;
    const id = (await call(t, ib, 'POST', '/api/series', { organisatie: 'gemeente-gent', ...fullContent(name) })).body.Id as string;
    const config = { ...t.config, sparqlEndpoint: { ...t.config.sparqlEndpoint, replicas: 1 } };
    const service = await createSparqlService({ config, store: t.raw, logger: pino({ level: 'silent' }) });
    try {
      await service.ready();
      const ask = async () => (await service.query('SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }', { accept: 'application/sparql-results+json' })).body;
      let body = await ask();
      expect(body.includes('Huwelijksdossiers')).toBe(true);
      expect(body.includes(name)).toBe(false);
      // A commit after the replica loaded: the forwarded draft is cut out too, the publication is not.
      await act(ib, id, 'indienen');
      await act(ig, id, 'intern-goedkeuren');
      await service.waitFor(t.raw.lastSeq);
      expect((await ask()).includes(name)).toBe(false);
      await act(chair, id, 'goedkeuren');
      await service.waitFor(t.raw.lastSeq);
      body = await ask();
      expect(body.includes(name)).toBe(true);
    } finally {
      await service.close();
    }
  });

  it('still validates drafts against the shapes (a bad draft is refused with a SHACL report)', async () => {
    const svc = serviceOf(t);
    const now = new Date().toISOString();
    const bad: Series = {
      id: randomUUID(), soort: 'gewoon', organisatie: svc.orgIri('gemeente-gent'), werkversie: 1, aangemaakt: now, etag: 0,
      // An empty name passes no shape (dct:title sh:minLength 1); the service would refuse it earlier.
      versies: [{ naam: '', nummer: 1, status: 'ontwerp', reden: 'nieuw', aangemaakt: now, gewijzigd: now, opmerkingen: [] }],
    };
    expect(t.uris.isPrivateGraph(versionGraph(t.uris, bad.id, 1, false).value)).toBe(true);
    expect(t.uris.isSystemGraph(versionGraph(t.uris, bad.id, 1, false).value)).toBe(false);
    const err = await svc.repo.save({ actor: systemActor(t.uris), requestId: 'test' }, bad, { action: 'series.create', scope: t.uris.platform, versions: [1] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationFailed);
    const results = (err as ValidationFailed).report.results;
    expect(results.some((r) => r.focusNode.includes(`/id/serie/${bad.id}/versie/1`) && r.path === 'http://purl.org/dc/terms/title'), JSON.stringify(results)).toBe(true);
    expect(await t.store.ask(`ASK { GRAPH ?g { <${t.uris.url(`/id/serie/${bad.id}`)}> ?p ?o } }`)).toBe(false);
  });
});

describe('UriPolicy.isPrivateGraph', () => {
  it('covers the system graphs and the series drafts, by whole path segments only', () => {
    const u = t.uris;
    const g = (p: string) => u.url(`/graph/${p}`);
    expect([g('serie-ontwerp'), g('serie-ontwerp/abc'), g('serie-ontwerp/abc/versie/1'), g('audit'), g('audit/x'), g('identity'), g('locks/job'), g('besluiten-ontwerp/z')].map((x) => u.isPrivateGraph(x))).toEqual([true, true, true, true, true, true, true, true]);
    expect([g('serie/abc'), g('serie/abc/versie/1'), g('serie-ontwerpen/abc'), g('auditing'), g('organisatie/gent'), 'http://elsewhere.example/graph/serie-ontwerp/abc'].map((x) => u.isPrivateGraph(x))).toEqual([false, false, false, false, false, false]);
    // Drafts are private but not system graphs: the shapes still apply to them.
    expect(u.isSystemGraph(g('serie-ontwerp/abc'))).toBe(false);
    for (const s of u.systemGraphs) expect(u.isPrivateGraph(s.value)).toBe(true);
  });
});
