/**
 * Every organisation type has its committee, and an organisation's type follows from its
 * classification in the organisation data: the LBLOD bestuurseenheid codes of provincie, gemeente,
 * OCMW, district and of the (central) worship boards, or the organisation type concept itself
 * (Vlaamse overheid, polders en wateringen). Organisations are registered through the API; the
 * series then goes to the competent committee, whose chair alone may publish it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/shared/auth/actor.js';
import type { AppError } from '../../src/shared/errors.js';
import { conceptIri } from '../../src/series/codelists.js';
import { admin, call, fullContent, seriesTestApp, serviceOf, tokenFor, type TestApp } from './support.js';

const LBLOD = 'http://data.vlaanderen.be/id/concept/BestuurseenheidClassificatieCode/';
const ORGANISATIONS = [
  { slug: 'provincie-test', classification: `${LBLOD}5ab0e9b8a3b2ca7c5e000000`, type: 'gemeenten-en-provincies' },
  { slug: 'ocmw-test', classification: `${LBLOD}5ab0e9b8a3b2ca7c5e000002`, type: 'gemeenten-en-provincies' },
  { slug: 'kerkfabriek-test', classification: `${LBLOD}66ec74fd-8cfc-4e16-99c6-350b35012e86`, type: 'besturen-van-de-erediensten' },
  { slug: 'centraal-kerkbestuur-test', classification: `${LBLOD}f9cac08a-13c1-49da-9bcb-f650b0604054`, type: 'besturen-van-de-erediensten' },
  { slug: 'polder-test', classification: conceptIri('organisatietype', 'polders-en-wateringen').value, type: 'polders-en-wateringen' },
  { slug: 'agentschap-test', classification: conceptIri('organisatietype', 'vlaamse-overheid').value, type: 'vlaamse-overheid' },
];

let t: TestApp;
beforeAll(async () => {
  t = await seriesTestApp();
  for (const o of ORGANISATIONS) {
    const res = await call(t, admin, 'POST', '/api/organisaties', { slug: o.slug, name: `Test ${o.slug}`, classification: o.classification });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
});
afterAll(() => t.close());

describe('organisation types and committees', () => {
  it('has a committee for each of the four organisation types', () => {
    const lists = serviceOf(t).lists;
    expect(lists.list('organisatietype').map((c) => c.code).sort()).toEqual(['besturen-van-de-erediensten', 'gemeenten-en-provincies', 'polders-en-wateringen', 'vlaamse-overheid']);
    expect(lists.committees.map((c) => c.organisatietype).sort()).toEqual(lists.list('organisatietype').map((c) => c.code).sort());
    expect(lists.typeOfClassification(`${LBLOD}unknown`)).toBeUndefined();
  });

  it('derives the type of a registered organisation from its classification, and so its committee', async () => {
    const svc = serviceOf(t);
    for (const o of ORGANISATIONS) {
      const org = await svc.repo.organisation(o.slug);
      expect(org?.organisatietype, o.slug).toBe(o.type);
      const committee = await svc.committeeOf({ soort: 'gewoon', organisatie: org!.iri });
      expect(committee?.slug, o.slug).toBe(o.type);
    }
    // An organisation without a classification has no type, hence no committee.
    expect((await svc.repo.organisation('gemeente-tilburg'))?.organisatietype).toBeUndefined();
  });

  it('sends a worship board\'s series to the erediensten committee: its chair publishes, the gemeenten chair may not', async () => {
    const ib = await tokenFor(t, 'kerkfabriek-test', ['informatiebeheerder', 'interne-goedkeurder']);
    const created = await call(t, ib, 'POST', '/api/series', { organisatie: 'kerkfabriek-test', ...fullContent('Rekeningen van de kerkfabriek') });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.Id as string;
    expect((await call(t, ib, 'POST', `/api/series/${id}/acties/indienen`, {})).status).toBe(200);
    expect((await call(t, ib, 'POST', `/api/series/${id}/acties/intern-goedkeuren`, {})).status).toBe(200);
    // Committee roles are granted per committee (scope: the committee's IRI).
    const svc = serviceOf(t);
    const chairOf = (type: string): Actor => ({
      kind: 'user', iri: `${t.uris.base}/id/gebruiker/voorzitter-${type}`, name: `Voorzitter ${type}`,
      grants: [{ role: 'commissievoorzitter', scope: svc.lists.committeeFor(type)!.iri.value }],
    });
    const ctx = (actor: Actor) => ({ actor, requestId: 'test' });
    const wrong = await svc.act(ctx(chairOf('gemeenten-en-provincies')), id, 'goedkeuren').catch((e: unknown) => e);
    expect((wrong as AppError).code).toBe('forbidden');
    await svc.act(ctx(chairOf('besturen-van-de-erediensten')), id, 'goedkeuren');
    const published = await call(t, {}, 'GET', `/api/series/${id}`);
    expect(published.body).toMatchObject({ PublishedVersion: 1 });
  });
});
