/** The content rules, the RDF mapping (write -> read round trip) and the shapes of the series register. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CodeLists } from '../../src/series/codelists.js';
import type { Series } from '../../src/series/model.js';
import { SeriesReader, seriesGraphs } from '../../src/series/rdf.js';
import { completenessProblems, durationDays, fiveYearsAfter, formatProblems, sameRetentionAndDestination, templateProblems } from '../../src/series/rules.js';
import { ShaclValidator } from '../../src/shared/shacl/validator.js';
import { literal, quad } from '../../src/shared/rdf/factory.js';
import { SERIE } from '../../src/shared/rdf/vocab.js';
import { UriPolicy } from '../../src/shared/uri.js';
import { ROOT } from '../../src/main.js';

const uris = new UriPolicy('http://stelsel.test');
const lists = CodeLists.load(path.join(ROOT, 'data', 'series'), uris);
const now = '2026-01-01T00:00:00.000Z';
const series: Series = {
  id: 'a1b2', soort: 'gewoon', organisatie: 'http://stelsel.test/id/organisatie/gemeente-gent', sjabloon: 't1', gepubliceerdeVersie: 1, werkversie: 2, aangemaakt: now, etag: 0,
  versies: [
    { nummer: 1, naam: 'Akten', omschrijving: 'O', proces: 'P', administratieveBewaartermijn: 'P10Y', wettelijkeBewaartermijn: 'P1Y6M', termijnspecificatie: 'na-creatie', verduidelijking: 'V', motivering: 'M', bestemming: 'steekproef', bestemmingMotivering: 'BM', openbaarheid: 'niet-openbaar', geldigVan: '2026-01-01', geldigTot: '2030-12-31', status: 'gepubliceerd', reden: 'sjabloon', aangemaakt: now, gewijzigd: now, goedgekeurd: now, gepubliceerd: now, opmerkingen: [{ actie: 'opmerken', tekst: 'Goed', auteur: 'http://stelsel.test/id/gebruiker/x', datum: now }] },
    { nummer: 2, naam: 'Akten (herzien)', status: 'ontwerp', reden: 'herziening', aangemaakt: now, gewijzigd: now, opmerkingen: [] },
  ],
};

describe('series rules', () => {
  it('reads ISO 8601 durations and the five-year limit', () => {
    expect(durationDays('P10Y')).toBeCloseTo(3652.5);
    expect(durationDays('P6M')).toBeCloseTo(182.625);
    expect(durationDays('P1Y2M3W4D')).toBeCloseTo(365.25 + 60.875 + 21 + 4);
    for (const bad of ['P', '10Y', 'PT5H', 'P1.5Y', '']) expect(durationDays(bad)).toBeNull();
    expect(fiveYearsAfter('2024-02-29')).toBe('2029-03-01');
    expect(formatProblems({ naam: 'x', geldigVan: '2026-01-01', geldigTot: '2031-01-01' }, lists)).toEqual([]);
    expect(formatProblems({ naam: 'x', geldigVan: '2026-01-01', geldigTot: '2031-01-02' }, lists).map((p) => p.field)).toEqual(['geldigTot']);
    expect(formatProblems({ naam: 'x', geldigVan: '2026-02-30' }, lists).map((p) => p.field)).toEqual(['geldigVan']);
    expect(completenessProblems({ naam: 'x', wettelijkeBewaartermijn: 'P1Y' }).map((p) => p.field)).not.toContain('administratieveBewaartermijn');
  });

  it('lets a derived series only be stricter than its template', () => {
    const t = { naam: 't', administratieveBewaartermijn: 'P10Y', bestemming: 'steekproef' as const };
    expect(templateProblems({ naam: 'x', administratieveBewaartermijn: 'P120M', bestemming: 'steekproef' }, t)).toEqual([]);
    expect(templateProblems({ naam: 'x', administratieveBewaartermijn: 'P11Y', bestemming: 'bewaren' }, t)).toEqual([]);
    expect(templateProblems({ naam: 'x', administratieveBewaartermijn: 'P9Y', bestemming: 'vernietigen' }, t).map((p) => p.field)).toEqual(['administratieveBewaartermijn', 'bestemming']);
    expect(templateProblems({ naam: 'x', bestemming: 'bewaren' }, t).map((p) => p.field)).toEqual(['administratieveBewaartermijn']);
    expect(sameRetentionAndDestination({ naam: 'a', administratieveBewaartermijn: 'P1Y', bestemming: 'bewaren' }, { naam: 'b', administratieveBewaartermijn: 'P1Y', bestemming: 'bewaren' })).toBe(true);
    expect(sameRetentionAndDestination({ naam: 'a', administratieveBewaartermijn: 'P1Y' }, { naam: 'a', administratieveBewaartermijn: 'P2Y' })).toBe(false);
  });
});

describe('series RDF', () => {
  it('reads back exactly what it writes', () => {
    const quads = seriesGraphs(uris, series).flatMap((g) => g.quads);
    expect(new SeriesReader(uris, lists).read('a1b2', quads, 0)).toEqual(series);
  });

  it('conforms to shapes/series.ttl, and broken data does not', async () => {
    const validator = ShaclValidator.fromDirectory(path.join(ROOT, 'shapes'));
    const quads = seriesGraphs(uris, series).flatMap((g) => g.quads);
    expect((await validator.validate(quads)).results.filter((r) => r.severity === 'Violation')).toEqual([]);
    const v1 = uris.id('serie', 'a1b2', 'versie', '1');
    const broken = [
      ...quads.filter((q) => !(q.subject.equals(v1) && q.predicate.equals(SERIE.status))),
      quad(v1, SERIE.status, literal('gepubliceerd')),
      quad(uris.id('serie', 'a1b2', 'versie', '1', 'bewaarregel'), SERIE.administratieveBewaartermijn, literal('tien jaar')),
    ];
    const report = await validator.validate(broken);
    expect(report.conforms).toBe(false);
    expect(report.results.map((r) => r.path).sort()).toEqual([SERIE.administratieveBewaartermijn.value, SERIE.administratieveBewaartermijn.value, SERIE.status.value].sort());
  });

  it('has every code list and a committee per organisation type', () => {
    expect(lists.list('bestemming').map((c) => c.code)).toEqual(['vernietigen', 'steekproef', 'bewaren']);
    expect(lists.committees.map((c) => c.organisatietype).sort()).toEqual(lists.list('organisatietype').map((c) => c.code).sort());
    expect(lists.typeOfClassification('http://data.vlaanderen.be/id/concept/BestuurseenheidClassificatieCode/5ab0e9b8a3b2ca7c5e000001')).toBe('gemeenten-en-provincies');
  });
});
