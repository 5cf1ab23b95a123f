/** The SC -> CPSV-AP mapping on its own (src/catalog/cpsv/mapping.ts): the edge cases of stored products. */
import type * as RDF from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import { CpsvMapper, NETHERLANDS, type OrganisationRecord, type ServiceRecord } from '../../src/catalog/cpsv/index.js';
import { literal, namedNode } from '../../src/shared/rdf/factory.js';

const CV = 'http://data.europa.eu/m8g/';
const DCT = 'http://purl.org/dc/terms/';
const TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const OWMS = 'http://standaarden.overheid.nl/owms/terms/';

const org: OrganisationRecord = { iri: namedNode('https://s.example/id/organisatie/x'), labels: [literal('Organisatie X', 'nl')], areas: [] };

function record(over: Partial<ServiceRecord> = {}): ServiceRecord {
  return {
    iri: namedNode('https://s.example/id/product/x/P1'), channel: namedNode('https://s.example/id/product/x/P1/kanaal'),
    identifier: 'https://x.example/p1', title: 'Titel', abstract: 'Samenvatting', languages: ['nl'], modified: undefined,
    spatial: [], subjects: [], onlineAanvragen: 'nee', aanvraagURL: undefined, upl: [], ...over,
  };
}

function map(r: ServiceRecord, sdg: Record<string, string[]> = {}): RDF.Quad[] {
  const m = new CpsvMapper({ labels: new Map(), sdg: new Map(Object.entries(sdg)) });
  m.service(r, org);
  return m.quads();
}

const values = (qs: RDF.Quad[], s: string, p: string) => qs.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);

describe('CpsvMapper', () => {
  it('uses the title as description when the product has no abstract', () => {
    const qs = map(record({ abstract: undefined }));
    expect(values(qs, 'https://s.example/id/product/x/P1', `${DCT}description`)).toEqual([literal('Titel', 'nl')]);
  });

  it('tags literals with the product language, Dutch when it is one of them; leaves unknown languages out', () => {
    const en = map(record({ languages: ['en-GB'] }));
    expect(values(en, 'https://s.example/id/product/x/P1', `${DCT}title`)).toEqual([literal('Titel', 'en')]);
    expect(values(en, 'https://s.example/id/product/x/P1', `${DCT}language`).map((o) => o.value)).toEqual(['http://publications.europa.eu/resource/authority/language/ENG']);
    const both = map(record({ languages: ['en', 'nl'] }));
    expect(values(both, 'https://s.example/id/product/x/P1', `${DCT}title`)).toEqual([literal('Titel', 'nl')]);
    const unknown = map(record({ languages: ['xx'] }));
    expect(values(unknown, 'https://s.example/id/product/x/P1', `${DCT}language`)).toEqual([]);
  });

  it('gives an organisation without gemeente, provincie or waterschap the Netherlands as area', () => {
    const qs = map(record());
    expect(values(qs, org.iri.value, `${DCT}spatial`)).toEqual([NETHERLANDS]);
    expect(values(qs, NETHERLANDS.value, TYPE).map((o) => o.value)).toContain(`${DCT}Location`);
  });

  it('adds a channel only for a usable aanvraag URL, and one SDG area per code of its UPL names', () => {
    expect(values(map(record({ aanvraagURL: 'niet een url' })), 'https://s.example/id/product/x/P1', `${CV}hasChannel`)).toEqual([]);
    const qs = map(record({ aanvraagURL: 'https://x.example/aanvragen', onlineAanvragen: 'digid', upl: [namedNode(`${OWMS}a`), namedNode(`${OWMS}b`)] }), { [`${OWMS}a`]: ['C2', 'A1'], [`${OWMS}b`]: ['A1'] });
    expect(values(qs, 'https://s.example/id/product/x/P1/kanaal', `${DCT}description`)).toEqual([literal('Online aanvragen met DigiD', 'nl')]);
    expect(values(qs, 'https://s.example/id/product/x/P1', `${CV}thematicArea`).map((o) => o.value)).toEqual([`${OWMS}sdg_A1`, `${OWMS}sdg_C2`]);
  });

  it('describes a shared node once however many services refer to it', () => {
    const m = new CpsvMapper({ labels: new Map(), sdg: new Map() });
    m.service(record(), org);
    m.service(record({ iri: namedNode('https://s.example/id/product/x/P2'), identifier: 'https://x.example/p2' }), org);
    const labels = m.quads().filter((q) => q.subject.equals(org.iri) && q.predicate.value.endsWith('prefLabel'));
    expect(labels).toHaveLength(1);
  });
});
