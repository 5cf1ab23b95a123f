/**
 * The series API over the whole app (real store, real demo sessions and API tokens): the workflow
 * from draft to published with the demo users, refusals, ETag conflicts, templates and copies, the
 * legacy-compatible listing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, call, fullContent, loginAs, seriesTestApp, tokenFor, type TestApp } from './support.js';

let t: TestApp;
let ib: Record<string, string>;
let ig: Record<string, string>;
let lid: Record<string, string>;
let chair: Record<string, string>;
let otherIb: Record<string, string>;

beforeAll(async () => {
  t = await seriesTestApp();
  ib = await loginAs(t, 'demo-informatiebeheerder');
  ig = await loginAs(t, 'demo-interne-goedkeurder');
  lid = await loginAs(t, 'demo-commissielid-gemeenten');
  chair = await loginAs(t, 'demo-commissievoorzitter-gemeenten');
  otherIb = await tokenFor(t, 'stad-aalst', ['informatiebeheerder']);
});
afterAll(() => t.close());

const act = (h: Record<string, string>, id: string, actie: string, opmerking?: string, extra: Record<string, string> = {}) =>
  call(t, h, 'POST', `/api/series/${id}/acties/${actie}`, opmerking === undefined ? {} : { opmerking }, extra);

describe('series API', () => {
  it('walks a series from draft to published with the demo users', async () => {
    const created = await call(t, ib, 'POST', '/api/series', { organisatie: 'gemeente-gent', ...fullContent('Bouwdossiers') });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.Id as string;
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({ Kind: 'gewoon', OrganisationId: 'gemeente-gent', WorkingVersion: 1, Status: { Status: 'Draft' } });

    // Not public while a draft: the listing does not show it.
    const before = await call(t, {}, 'GET', '/api/series?q=Bouwdossiers');
    expect(before.body.Total).toBe(0);

    expect((await act(ib, id, 'indienen')).status).toBe(200);
    // The internal approver sends it back with a comment, the informatiebeheerder submits again.
    expect((await act(ig, id, 'terugsturen')).status).toBe(400);
    const back = await act(ig, id, 'terugsturen', 'Vul de verduidelijking aan');
    expect(back.status).toBe(200);
    expect(back.body.Status).toEqual({ Status: 'Draft' });
    expect((await act(ib, id, 'indienen')).status).toBe(200);
    expect((await act(ib, id, 'intern-goedkeuren')).status).toBe(403);
    expect((await act(ig, id, 'intern-goedkeuren')).status).toBe(200);

    // Submitted is not public: listed for the committee and the organisation, not for anonymous callers or other organisations.
    const submitted = await call(t, lid, 'GET', '/api/series?status=Submitted&q=Bouwdossiers');
    expect(submitted.body).toMatchObject({ Total: 1, Page: 0, Content: [{ Id: id, Status: { Status: 'Submitted' } }] });
    expect((await call(t, ib, 'GET', '/api/series?status=Submitted&q=Bouwdossiers')).body.Total).toBe(1);
    expect((await call(t, otherIb, 'GET', '/api/series?status=Submitted&q=Bouwdossiers')).body.Total).toBe(0);
    expect((await call(t, {}, 'GET', '/api/series?status=Submitted&q=Bouwdossiers')).status).toBe(401);

    expect((await act(lid, id, 'opmerken', 'Waarom tien jaar?')).status).toBe(200);
    expect((await act(lid, id, 'goedkeuren')).status).toBe(403);
    const published = await act(chair, id, 'goedkeuren');
    expect(published.status).toBe(200);
    const versions = published.body.Versions as { Status: { Status: string; ApprovedAt: string | null; PublishedAt: string | null }; Comments: { Action: string }[] }[];
    expect(versions[0]!.Status.Status).toBe('Published');
    expect(versions[0]!.Status.ApprovedAt).toBeTruthy();
    expect(versions[0]!.Status.PublishedAt).toBeTruthy();
    expect(versions[0]!.Comments.map((c) => c.Action)).toEqual(['terugsturen', 'opmerken']);
    expect(published.body).toMatchObject({ PublishedVersion: 1, WorkingVersion: null });

    const list = await call(t, {}, 'GET', '/api/series?page=0&size=100&status=Published&q=Bouwdossiers');
    expect(list.body).toMatchObject({ Page: 0, Total: 1, Content: [{ Id: id, Content: { Name: 'Bouwdossiers' }, Status: { Status: 'Published' }, ValidityPeriod: { From: '2026-01-01', To: '2030-12-31' } }] });
    const legacy = await call(t, {}, 'GET', `/series-register/api/v1/series?q=%2BOrganisationId%3Agemeente-gent%20Bouwdossiers`);
    expect(legacy.body).toMatchObject({ Total: 1, Content: [{ Id: id }] });
    const otherOrg = await call(t, {}, 'GET', `/series-register/api/v1/series?q=%2BOrganisationId%3Astad-aalst%20Bouwdossiers`);
    expect(otherOrg.body.Total).toBe(0);

    // Review in the shortened flow: same retention and destination, published directly.
    const review = await act(ib, id, 'herzien');
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({ WorkingVersion: 2, PublishedVersion: 1 });
    const edited = await call(t, ib, 'PUT', `/api/series/${id}`, fullContent('Bouwdossiers', { omschrijving: 'Herzien' }), { 'if-match': review.headers.get('etag')! });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const direct = await act(ib, id, 'rechtstreeks-publiceren');
    expect(direct.status, JSON.stringify(direct.body)).toBe(200);
    const v = direct.body.Versions as { Status: { Status: string } }[];
    expect(v.map((x) => x.Status.Status)).toEqual(['Superseded', 'Published']);

    // A review that changes the destination must go through the committee.
    await act(ib, id, 'opvolgen');
    await call(t, ib, 'PUT', `/api/series/${id}`, fullContent('Bouwdossiers', { bestemming: 'bewaren' }));
    const refused = await act(ib, id, 'rechtstreeks-publiceren');
    expect(refused.status).toBe(409);
    expect((refused.body.error as { details: { refusal: string } }).details.refusal).toBe('verkorte-procedure-niet-toegestaan');
  });

  it('refuses other organisations, anonymous callers and actions out of state', async () => {
    const created = await call(t, ib, 'POST', '/api/series', { organisatie: 'gemeente-gent', naam: 'Alleen een naam' });
    const id = created.body.Id as string;
    expect((await call(t, otherIb, 'PUT', `/api/series/${id}`, { naam: 'Gekaapt' })).status).toBe(403);
    expect((await call(t, {}, 'POST', '/api/series', { organisatie: 'gemeente-gent', naam: 'x' })).status).toBe(401);
    expect((await call(t, otherIb, 'POST', '/api/series', { organisatie: 'gemeente-gent', naam: 'x' })).status).toBe(403);
    expect((await act(chair, id, 'goedkeuren')).status).toBe(409);
    // Incomplete: submission is refused with the missing fields named.
    const incomplete = await act(ib, id, 'indienen');
    expect(incomplete.status).toBe(422);
    const fields = ((incomplete.body.error as { details: { problems: { field: string }[] } }).details.problems).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['omschrijving', 'bestemming', 'openbaarheid', 'geldigTot']));
    // Bad input: precise field messages, never a 500.
    const bad = await call(t, ib, 'PUT', `/api/series/${id}`, { naam: 'x', administratieveBewaartermijn: '10 jaar', geldigVan: '2026-01-01', geldigTot: '2032-01-02', bestemming: 'archiveren' });
    expect(bad.status).toBe(422);
    const msgs = (bad.body.error as { details: { problems: { field: string; message: string }[] } }).details.problems;
    expect(msgs.map((p) => p.field).sort()).toEqual(['administratieveBewaartermijn', 'bestemming', 'geldigTot']);
    expect(msgs.find((p) => p.field === 'geldigTot')!.message).toContain('2031-01-01');
    // Unpublished series are not shown to anonymous callers.
    expect((await call(t, {}, 'GET', `/api/series/${id}`)).status).toBe(404);
    expect((await call(t, ib, 'GET', `/api/series/${id}`)).status).toBe(200);
  });

  it('answers 409 to a stale ETag and never overwrites silently', async () => {
    const created = await call(t, ib, 'POST', '/api/series', { organisatie: 'gemeente-gent', naam: 'Gelijktijdig' });
    const id = created.body.Id as string;
    const etag = created.headers.get('etag')!;
    const first = await call(t, ib, 'PUT', `/api/series/${id}`, { naam: 'Eerste' }, { 'if-match': etag });
    expect(first.status).toBe(200);
    const second = await call(t, ib, 'PUT', `/api/series/${id}`, { naam: 'Tweede' }, { 'if-match': etag });
    expect(second.status).toBe(409);
    const now = await call(t, ib, 'GET', `/api/series/${id}`);
    expect((now.body.Content as { Name: string }).Name).toBe('Eerste');
    // Two writers racing without If-Match: the store's precondition lets only one through.
    const race = await Promise.all([
      call(t, ib, 'PUT', `/api/series/${id}`, { naam: 'A' }, { 'if-match': now.headers.get('etag')! }),
      call(t, ib, 'PUT', `/api/series/${id}`, { naam: 'B' }, { 'if-match': now.headers.get('etag')! }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('creates from a template (only stricter) and copies a published series', async () => {
    const tpl = await call(t, chair, 'POST', '/api/series', { soort: 'generiek', organisatietype: 'gemeenten-en-provincies', ...fullContent('Sjabloon milieuvergunningen', { administratieveBewaartermijn: 'P20Y', bestemming: 'steekproef' }) });
    expect(tpl.status, JSON.stringify(tpl.body)).toBe(201);
    const tid = tpl.body.Id as string;
    expect((await act(ib, tid, 'indienen')).status).toBe(403);
    expect((await act(lid, tid, 'indienen')).status).toBe(200);
    expect((await act(chair, tid, 'goedkeuren')).status).toBe(200);

    const weaker = await call(t, ib, 'POST', '/api/series', { organisatie: 'gemeente-gent', sjabloon: tid, naam: 'Milieuvergunningen', administratieveBewaartermijn: 'P10Y', bestemming: 'vernietigen' });
    expect(weaker.status).toBe(422);
    const problems = (weaker.body.error as { details: { problems: { field: string; message: string }[] } }).details.problems;
    expect(problems.map((p) => p.field).sort()).toEqual(['administratieveBewaartermijn', 'bestemming']);
    expect(problems.find((p) => p.field === 'bestemming')!.message).toContain('vernietigen < steekproef < bewaren');

    const stricter = await call(t, ib, 'POST', '/api/series', { organisatie: 'gemeente-gent', sjabloon: tid, naam: 'Milieuvergunningen Gent', administratieveBewaartermijn: 'P30Y', bestemming: 'bewaren' });
    expect(stricter.status, JSON.stringify(stricter.body)).toBe(201);
    expect(stricter.body).toMatchObject({ TemplateId: tid, Content: { Name: 'Milieuvergunningen Gent', Process: 'Testproces', RetentionPeriod: { Administrative: 'P30Y' }, Destination: { Value: 'bewaren' } } });

    // A template of another type cannot be used (Aalsmeer has no Flemish organisation type).
    const copy = await call(t, ib, 'POST', '/api/series', { organisatie: 'gemeente-gent', vanSerie: tid });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ Kind: 'gewoon', Content: { Name: 'Sjabloon milieuvergunningen' }, Versions: [{ Reason: 'kopie' }] });
  });

  it('lists the tasks of each user', async () => {
    const created = await call(t, ib, 'POST', '/api/series', { organisatie: 'gemeente-gent', ...fullContent('Takenlijst') });
    const id = created.body.Id as string;
    const tasks = async (h: Record<string, string>) => ((await call(t, h, 'GET', '/api/series/taken')).body.tasks as { id: string; taak: string }[]).filter((x) => x.id === id);
    expect(await tasks(ib)).toHaveLength(1);
    expect(await tasks(ig)).toHaveLength(0);
    await act(ib, id, 'indienen');
    expect(await tasks(ig)).toHaveLength(1);
    await act(ig, id, 'intern-goedkeuren');
    expect(await tasks(chair)).toEqual([{ id, naam: 'Takenlijst', status: 'ingediend', taak: 'Beslissen over publicatie' }]);
    expect(await tasks(lid)).toHaveLength(1);
    expect((await call(t, {}, 'GET', '/api/series/taken')).status).toBe(401);
  });

  it('validates the listing parameters', async () => {
    expect((await call(t, {}, 'GET', '/api/series?size=5000')).status).toBe(400);
    expect((await call(t, {}, 'GET', '/api/series?status=Draft')).status).toBe(400);
    expect((await call(t, {}, 'GET', '/api/series?q=%2BDestination%3Aweg')).status).toBe(400);
    expect((await call(t, admin, 'POST', '/api/series/nope/acties/vliegen', {})).status).toBe(404);
  });
});
