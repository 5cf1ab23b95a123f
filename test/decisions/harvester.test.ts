/**
 * Harvester-proof publication: a crawler starting at the public index and following only the
 * harvester's link predicates reaches every published document; every page parses with
 * @lblod/graph-rdfa-processor into triples without blank nodes or unsupported literals; documents
 * are typed foaf:Document plus their document type; both classification predicates are present;
 * and the harvester's SHACL profile finds no violation on besluitenlijst, notulen and uittreksel
 * pages, and on agenda pages only those a meeting that has not been held cannot avoid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BESLUIT, DCT, FOAF, ORG, RDF_, STELSEL } from '../../src/shared/rdf/vocab.js';
import { TEST_BASE } from '../support/tmp.js';
import { hasProfile, parsePage, tripleProblems, violations, type HarvestedPage } from './harvest-support.js';
import { GENT, createMeeting, makeWorld, meetingBody, publish, send, type World } from './support.js';

const DOC_TYPES: Record<string, string> = {
  agenda: 'https://data.vlaanderen.be/id/concept/BesluitDocumentType/13fefad6-a9d6-4025-83b5-e4cbee3a8965',
  besluitenlijst: 'https://data.vlaanderen.be/id/concept/BesluitDocumentType/3fa67785-ffdc-4b30-8880-2b99d97b4dee',
  notulen: 'https://data.vlaanderen.be/id/concept/BesluitDocumentType/8e791b27-7600-4577-b24e-c7c29e0eb773',
  uittreksel: 'https://data.vlaanderen.be/id/concept/BesluitDocumentType/9d5bfaca-bbf2-49dd-a830-769f91a6377b',
};

/** What the profile's ZittingShape asks of a meeting that has not been held yet (an agenda). */
const AGENDA_VIOLATIONS = [
  'http://data.vlaanderen.be/ns/besluit#heeftAanwezigeBijStart MinCountConstraintComponent',
  'http://www.w3.org/ns/prov#endedAtTime MinCountConstraintComponent',
  'http://www.w3.org/ns/prov#startedAtTime MinCountConstraintComponent',
];

let w: World;
const pages = new Map<string, HarvestedPage>();
const published: string[] = [];

async function crawl(start: string): Promise<void> {
  const queue = [start];
  while (queue.length) {
    const url = queue.shift()!;
    if (pages.has(url)) continue;
    const res = await w.t.app.request(url, { headers: { accept: 'text/html' } });
    expect(res.status, url).toBe(200);
    const page = parsePage(url, await res.text());
    pages.set(url, page);
    queue.push(...page.links.filter((l) => l.startsWith(TEST_BASE)));
  }
}

beforeAll(async () => {
  w = await makeWorld();
  const held = await createMeeting(w);
  const second = await createMeeting(w, meetingBody({ geplandeStart: '2026-01-15T21:00:00+01:00' }));
  const future = await createMeeting(w, {
    orgaan: 'gemeenteraad',
    geplandeStart: '2026-09-10T19:30:00+02:00',
    voorzitter: 'm-voorzitter',
    secretaris: 'm-secretaris',
    agendapunten: [
      { titel: 'Goedkeuring notulen vorige zitting', geplandOpenbaar: true },
      { titel: 'Personeelsdossier', beschrijving: 'Besloten punt', geplandOpenbaar: false, type: 'spoedeisend' },
    ],
  });
  for (const [id, kinds] of [
    [held.id, ['agenda', 'aanvullende-agenda', 'besluitenlijst', 'notulen', 'uittreksels']],
    [second.id, ['besluitenlijst', 'uittreksels']],
    [future.id, ['agenda', 'spoedeisende-agenda']],
  ] as const) {
    for (const k of kinds) {
      const res = await publish(w, id, k);
      expect(res.status, await res.clone().text()).toBe(201);
      published.push(...((await res.json()) as { versies: { iri: string }[] }).versies.map((v) => v.iri));
    }
  }
  // a correction: the crawler must find the new version's URL
  const fixed = meetingBody();
  fixed.agendapunten[0]!.behandeling.besluit.beschrijving = 'Verbeterde korte inhoud';
  expect((await send(w.t, w.schrijver, 'PUT', `/api/besluiten/${GENT}/zittingen/${held.id}`, fixed)).status).toBe(200);
  const res = await publish(w, held.id, 'besluitenlijst');
  expect(res.status).toBe(201);
  const v2 = ((await res.json()) as { versies: { iri: string }[] }).versies[0]!.iri;
  published.splice(published.indexOf(v2.replace(/2$/, '1')), 1, v2);
  await crawl(`${TEST_BASE}/besluiten`);
}, 120_000);
afterAll(() => w?.t.close());

const documentPages = () => [...pages.values()].filter((p) => /\/versies\/\d+$/.test(p.url));
const exactKindOf = (url: string) => (url.includes('/uittreksels/') ? 'uittreksel' : (url.match(/\/((?:aanvullende-|spoedeisende-)?agenda|besluitenlijst|notulen)\/versies\//)?.[1] ?? ''));
/** The document type's key: the three agendas are all Agenda documents. */
const kindOf = (url: string) => exactKindOf(url).replace(/^(aanvullende|spoedeisende)-/, '');

describe('a harvester crawling from /besluiten', () => {
  it('reaches the latest version of every published document, through the overview and meeting pages', () => {
    expect(published.length).toBe(7 + 4 + 2);
    expect(published.filter((u) => /-agenda\/versies\/1$/.test(u)).map((u) => u.replace(/^.*\/gemeenteraad\//, '')).sort()).toEqual([
      '2026-01-15/aanvullende-agenda/versies/1',
      '2026-09-10/spoedeisende-agenda/versies/1',
    ]);
    expect(documentPages().map((p) => p.url).sort()).toEqual([...published].sort());
    expect(pages.has(`${TEST_BASE}/besluiten/${GENT}`)).toBe(true);
    expect(pages.has(`${TEST_BASE}/besluiten/${GENT}/gemeenteraad/2026-01-15-2`)).toBe(true);
    expect(pages.has(`${TEST_BASE}/besluiten/${GENT}/gemeenteraad/2026-01-15/besluitenlijst/versies/1`)).toBe(false);
  });

  it('finds no blank nodes, unsupported literals or dateTimes without seconds on any page', () => {
    for (const p of pages.values()) expect(tripleProblems(p.triples), p.url).toEqual([]);
  });

  it('types each document foaf:Document and its document type, and links it to the meeting', () => {
    for (const p of documentPages()) {
      const types = p.triples.filter((q) => q.subject.value === p.url && q.predicate.equals(RDF_.type)).map((q) => q.object.value);
      expect(types, p.url).toEqual(expect.arrayContaining([FOAF.Document.value, DOC_TYPES[kindOf(p.url)]]));
      expect(p.triples.some((q) => q.subject.value === p.url && q.predicate.equals(DCT.type) && q.object.value === DOC_TYPES[kindOf(p.url)])).toBe(true);
      const link = { agenda: BESLUIT.heeftAgenda, besluitenlijst: BESLUIT.heeftBesluitenlijst, notulen: BESLUIT.heeftNotulen, uittreksel: BESLUIT.heeftUittreksel }[kindOf(p.url)]!;
      expect(p.triples.some((q) => q.predicate.equals(link) && q.object.value === p.url), p.url).toBe(true);
    }
  });

  it('states both classification predicates for the bestuurseenheid and every body', () => {
    for (const p of documentPages()) {
      const typed = (t: { value: string }) => p.triples.filter((q) => q.predicate.equals(RDF_.type) && q.object.value === t.value).map((q) => q.subject.value);
      const subjects = [...typed(BESLUIT.Bestuurseenheid), ...typed(BESLUIT.Bestuursorgaan)];
      expect(subjects.length, p.url).toBe(3);
      for (const s of subjects) {
        const has = (pred: { value: string }) => p.triples.some((q) => q.subject.value === s && q.predicate.value === pred.value);
        expect(has(ORG.classification) && has(BESLUIT.classificatie), `${p.url} ${s}`).toBe(true);
      }
    }
  });

  it('publishes the aanvullende and spoedeisende agenda with only the agendapunten of their type, typed as such', () => {
    const expected: Record<string, { type: string; titles: string[] }> = {
      'aanvullende-agenda': { type: 'http://lblod.data.gift/concepts/b122db75-fd93-4f03-b57a-2a9269289782', titles: ['Agendapunt 3: reglement'] },
      'spoedeisende-agenda': { type: 'http://lblod.data.gift/concepts/8c143571-175c-4d13-acaa-9f471180a8c9', titles: ['Personeelsdossier'] },
      agenda: { type: 'http://lblod.data.gift/concepts/bdf68a65-ce15-42c8-ae1b-19eeb39e20d0', titles: [] },
    };
    const agendas = documentPages().filter((p) => kindOf(p.url) === 'agenda');
    for (const p of agendas) {
      const want = expected[exactKindOf(p.url)]!;
      const agendaType = p.triples.filter((q) => q.subject.value === p.url && q.predicate.equals(STELSEL.agendaType)).map((q) => q.object.value);
      expect(agendaType, p.url).toEqual([want.type]);
      const titles = p.triples.filter((q) => q.predicate.equals(DCT.title)).map((q) => q.object.value);
      if (want.titles.length) expect(titles, p.url).toEqual(want.titles);
      else expect(titles.length, p.url).toBeGreaterThan(1);
      const zitting = p.triples.find((q) => q.predicate.equals(BESLUIT.heeftAgenda) && q.object.value === p.url)?.subject.value;
      expect(zitting, p.url).toBeDefined();
    }
  });

  describe.skipIf(!hasProfile)('against the harvester SHACL profile (../shared/reference/lblod)', () => {
    it('has zero violations on besluitenlijst, notulen and uittreksel pages', async () => {
      const checked = documentPages().filter((p) => kindOf(p.url) !== 'agenda');
      expect(checked.length).toBe(9);
      for (const p of checked) {
        const { list } = await violations(p.triples);
        expect(list, p.url).toEqual([]);
      }
    });

    it('has on agenda pages only the violations a meeting that was not held yet cannot avoid', async () => {
      const agendas = documentPages().filter((p) => kindOf(p.url) === 'agenda');
      expect(agendas.length).toBe(4);
      for (const p of agendas) {
        const { list } = await violations(p.triples);
        expect([...new Set(list)], p.url).toEqual(AGENDA_VIOLATIONS);
      }
    });

    it('can fail: a page without the meeting start is reported', async () => {
      const p = documentPages().find((x) => kindOf(x.url) === 'notulen')!;
      const { list } = await violations(p.triples.filter((q) => !q.predicate.value.endsWith('#startedAtTime')));
      expect(list).toContain('http://www.w3.org/ns/prov#startedAtTime MinCountConstraintComponent');
    });
  });
});
