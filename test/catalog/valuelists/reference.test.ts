/** The full reference lists (../shared/reference, read in place, never copied) into a real EmbeddedStore. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sparql } from '../../../src/shared/rdf/encode.js';
import { namedNode } from '../../../src/shared/rdf/factory.js';
import { DCT, SKOS, STELSEL, TOOI } from '../../../src/shared/rdf/vocab.js';
import { countValidConcepts, listGraph, listScheme, loadValueLists, parseValueListDir, postcodeIri, type LoadReport } from '../../../src/catalog/valuelists/index.js';
import { AuditLog } from '../../../src/shared/audit/audit-log.js';
import { ShaclValidator } from '../../../src/shared/shacl/validator.js';
import { validatingStore } from '../../../src/shared/shacl/validating-store.js';
import { HAS_REFERENCE, REFERENCE_DIR, REPO, openTestStore } from './helpers.js';

const OWMS = 'http://standaarden.overheid.nl/owms/terms/';

describe.skipIf(!HAS_REFERENCE)(HAS_REFERENCE ? 'full reference value lists' : 'full reference value lists (skipped: ../shared/reference absent)', () => {
  let t: Awaited<ReturnType<typeof openTestStore>>;
  let report: LoadReport;

  beforeAll(async () => {
    t = await openTestStore();
    const started = performance.now();
    report = await loadValueLists({ dir: REFERENCE_DIR }, { store: t.store, uris: t.uris, audit: t.audit, today: '2023-01-01' });
    const ms = Math.round(performance.now() - started);
    console.log(`[valuelists] full reference load: ${ms} ms; ${report.lists.map((l) => `${l.name}=${l.concepts}`).join(', ')}; store quads ${await t.store.count()}`);
    for (const w of report.warnings) console.log(`[valuelists] warning: ${w}`);
    expect(report.warnings).toEqual([]);
  });
  afterAll(async () => t?.close());

  it('parses on its own in a fraction of the load time, and loads through the SHACL-validating store', async () => {
    let started = performance.now();
    await parseValueListDir(REFERENCE_DIR);
    const parseMs = Math.round(performance.now() - started);
    const v = await openTestStore();
    try {
      const store = validatingStore(v.store, ShaclValidator.fromDirectory(path.join(REPO, 'shapes')), { exempt: (g) => v.uris.isSystemGraph(g.value) });
      started = performance.now();
      await loadValueLists({ dir: REFERENCE_DIR }, { store, uris: v.uris, audit: new AuditLog(store, v.uris), today: '2023-01-01' });
      console.log(`[valuelists] parse only: ${parseMs} ms; full load through the validating store: ${Math.round(performance.now() - started)} ms`);
    } finally {
      await v.close();
    }
  }, 120_000);

  it('finds the files', () => {
    const files = report.found.map((f) => f.file);
    expect(files).toEqual(expect.arrayContaining(['owms/Gemeente.xml', 'owms/UPL-actueel.csv', 'postcode/pc4-gemeente.csv', 'tooi/rwc_gemeenten_compleet_4.json']));
    expect(report.missing).toContain('relaties/gemeente-relaties.csv');
  });

  it('has 342 current gemeenten at 2023-01-01 and keeps the historic ones', async () => {
    expect(await countValidConcepts(t.store, t.uris, 'gemeente', '2023-01-01')).toBe(342);
    const all = report.lists.find((l) => l.name === 'gemeente')!.concepts;
    expect(all).toBeGreaterThanOrEqual(605);
  });

  it('has Aalsmeer in Noord-Holland', async () => {
    const aalsmeer = namedNode(`${OWMS}Aalsmeer_(gemeente)`);
    const rows = await t.store.select(sparql`SELECT ?l ?pl WHERE {
      GRAPH ${listGraph(t.uris, 'gemeente')} { ${aalsmeer} ${SKOS.prefLabel} ?l ; ${TOOI.ligtInProvincie} ?p }
      GRAPH ${listGraph(t.uris, 'provincie')} { ?p ${SKOS.prefLabel} ?pl } }`);
    expect(rows.map((r) => [r.l?.value, r.pl?.value])).toEqual([['Aalsmeer', 'Noord-Holland']]);
  });

  it('links a merged gemeente to its successor', async () => {
    const rows = await t.store.select(sparql`SELECT ?x WHERE { GRAPH ${listGraph(t.uris, 'gemeente')} {
      ${namedNode(`${OWMS}Haarlemmermeer_(gemeente)`)} ${DCT.replaces} ?x } }`);
    expect(rows.map((r) => r.x?.value)).toContain(`${OWMS}Haarlemmerliede_en_Spaarnwoude`);
  });

  it('deduplicates the UPL on URI', async () => {
    const text = readFileSync(path.join(REFERENCE_DIR, 'owms/UPL-actueel.csv'), 'utf8');
    const uris = new Set(text.split('\n').slice(1).flatMap((l) => /,(http:\/\/standaarden\.overheid\.nl\/owms\/terms\/[^,]+),/.exec(l)?.[1] ?? []));
    const upl = report.lists.find((l) => l.name === 'upl')!;
    expect(upl.concepts).toBe(uris.size);
    const rows = await t.store.select(sparql`SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ${listGraph(t.uris, 'upl')} { ?c ${SKOS.inScheme} ${listScheme(t.uris, 'upl')} } }`);
    expect(Number(rows[0]?.n?.value)).toBe(uris.size);
    expect(await t.store.ask(sparql`ASK { GRAPH ${listGraph(t.uris, 'upl')} { ?c ${SKOS.prefLabel} ?l FILTER(STR(?l) = "UPL-naam nog niet beschikbaar") } }`)).toBe(true);
  });

  it('maps postcode 5014 to Tilburg', async () => {
    const rows = await t.store.select(sparql`SELECT ?l WHERE {
      GRAPH ${listGraph(t.uris, 'postcode')} { ${postcodeIri(t.uris, '5014')} ${STELSEL.gemeente} ?g }
      GRAPH ${listGraph(t.uris, 'gemeente')} { ?g ${SKOS.prefLabel} ?l } }`);
    expect(rows.map((r) => r.l?.value)).toEqual(['Tilburg']);
  });
});
