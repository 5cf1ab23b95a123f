import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type * as RDF from '@rdfjs/types';
import { sparql } from '../../../src/shared/rdf/encode.js';
import { namedNode } from '../../../src/shared/rdf/factory.js';
import { DCT, OWL, SCHEMA, SKOS, STELSEL, TOOI } from '../../../src/shared/rdf/vocab.js';
import { countValidConcepts, ggdRegioIri, listGraph, loadValueLists, postcodeIri, ValueListError, type ListName } from '../../../src/catalog/valuelists/index.js';
import { AuditLog } from '../../../src/shared/audit/audit-log.js';
import type { TripleStore } from '../../../src/shared/store/port.js';
import { tempDir } from '../../support/tmp.js';
import { ShaclValidator } from '../../../src/shared/shacl/validator.js';
import { validatingStore } from '../../../src/shared/shacl/validating-store.js';
import { DEMO_DIR, REPO, openTestStore } from './helpers.js';

const O = 'http://standaarden.overheid.nl/owms/terms/';
const o = (local: string) => namedNode(O + local);

describe('loadValueLists (demo subset)', () => {
  let t: Awaited<ReturnType<typeof openTestStore>>;
  beforeEach(async () => {
    t = await openTestStore();
  });
  afterEach(async () => t.close());
  const deps = () => ({ store: t.store, uris: t.uris, audit: t.audit, today: '2024-06-01' });
  const objects = async (list: ListName, s: RDF.NamedNode, p: RDF.NamedNode) =>
    (await t.store.select(sparql`SELECT ?o WHERE { GRAPH ${listGraph(t.uris, list)} { ${s} ${p} ?o } }`)).map((r) => r.o?.value).sort();
  const graphDump = async (list: ListName) =>
    (await t.store.select(sparql`SELECT ?s ?p ?o WHERE { GRAPH ${listGraph(t.uris, list)} { ?s ?p ?o } }`)).map((r) => `${r.s?.value} ${r.p?.value} ${r.o?.value}`).sort();

  it('loads every list of the demo directory as SKOS', async () => {
    const report = await loadValueLists({ dir: DEMO_DIR }, deps());
    expect(report.missing).toEqual(['owms/Overheidsorganisatie.xml']);
    expect(report.warnings).toEqual([]);
    expect(Object.fromEntries(report.lists.map((l) => [l.name, l.concepts]))).toEqual({
      gemeente: 5, provincie: 3, waterschap: 4, ministerie: 3, upl: 30, postcode: 6, 'gemeente-relaties': 0, 'ggd-regio': 4,
    });

    const aalsmeer = o('Aalsmeer_(gemeente)');
    expect(await objects('gemeente', aalsmeer, SKOS.prefLabel)).toEqual(['Aalsmeer']);
    expect(await objects('gemeente', aalsmeer, SKOS.notation)).toEqual(['0358']);
    expect(await objects('gemeente', aalsmeer, TOOI.ligtInProvincie)).toEqual([`${O}Noord-Holland`]);
    expect(await objects('gemeente', aalsmeer, SKOS.exactMatch)).toEqual(['https://identifier.overheid.nl/tooi/id/gemeente/gm0358']);
    expect(await objects('gemeente', aalsmeer, SCHEMA.validThrough)).toEqual([]);

    // Historic gemeente stays, with its end date, deprecated, and linked to its successor.
    const hs = o('Haarlemmerliede_en_Spaarnwoude');
    expect(await objects('gemeente', hs, SCHEMA.validThrough)).toEqual(['2018-12-31']);
    expect(await objects('gemeente', hs, OWL.deprecated)).toEqual(['true']);
    expect(await objects('gemeente', hs, DCT.isReplacedBy)).toEqual([`${O}Haarlemmermeer_(gemeente)`]);
    expect(await objects('gemeente', o('Haarlemmermeer_(gemeente)'), DCT.replaces)).toEqual([`${O}Haarlemmerliede_en_Spaarnwoude`]);
    expect(await countValidConcepts(t.store, t.uris, 'gemeente', '2018-06-01')).toBe(5);
    expect(await countValidConcepts(t.store, t.uris, 'gemeente', '2024-06-01')).toBe(4);

    // Relations.
    expect(await objects('gemeente-relaties', aalsmeer, STELSEL.waterschap)).toEqual([`${O}Hoogheemraadschap_Amstel,_Gooi_en_Vecht`, `${O}Hoogheemraadschap_van_Rijnland`]);
    expect(await objects('gemeente-relaties', o('Tilburg_(gemeente)'), STELSEL.ggdRegio)).toEqual([ggdRegioIri(t.uris, 'GGD Hart voor Brabant').value]);
    expect(await objects('ggd-regio', ggdRegioIri(t.uris, 'GGD Hart voor Brabant'), SKOS.prefLabel)).toEqual(['GGD Hart voor Brabant']);
    expect(await objects('postcode', postcodeIri(t.uris, '5014'), STELSEL.gemeente)).toEqual([`${O}Tilburg_(gemeente)`]);
    expect(await objects('postcode', postcodeIri(t.uris, '5014'), SKOS.notation)).toEqual(['5014']);
    expect(await objects('waterschap', o('Waterschap_De_Dommel'), SKOS.prefLabel)).toEqual(['De Dommel']);

    // UPL: one concept per URI with the columns CPSV-AP / SRU need.
    const ev = o('evenementenvergunning');
    expect(await objects('upl', ev, SKOS.prefLabel)).toEqual(['evenementenvergunning']);
    expect(await objects('upl', ev, STELSEL.particulier)).toEqual(['true']);
    expect(await objects('upl', ev, STELSEL.ondernemer)).toEqual(['true']);
    expect(await objects('upl', ev, STELSEL.sdgCode)).toEqual(['N1']);
    expect(await objects('upl', ev, STELSEL.bestuurslaag)).toEqual(['Gemeente', 'Provincie']);
    expect(await objects('upl', ev, STELSEL.grondslagLabel)).toEqual(['Algemene plaatselijke verordening', 'Wegenverkeerswet 1994']);
    expect(await objects('upl', o('afvalcontainer'), STELSEL.ondernemer)).toEqual(['false']);
    expect(await objects('upl', o('UPL-naam_nog_niet_beschikbaar'), SKOS.prefLabel)).toEqual(['UPL-naam nog niet beschikbaar']);

    // One audit entry per list, by the system actor.
    const audited = await t.store.select(sparql`SELECT ?r WHERE { GRAPH ${t.uris.auditGraph} { ?e ${STELSEL.action} "valuelist.load" ; ${STELSEL.resource} ?r } }`);
    expect(audited.map((r) => r.r?.value).sort()).toEqual(report.lists.map((l) => l.graph).sort());
  });

  it('replaces a list atomically, leaves the other lists untouched, and a failing load changes nothing', async () => {
    await loadValueLists({ dir: DEMO_DIR }, deps());
    const gemeenteBefore = await graphDump('gemeente');
    const uplBefore = await graphDump('upl');

    // A new UPL version alone: only the UPL graph changes (replaced, not merged).
    const only = tempDir('stelsel-vl-upl-');
    try {
      mkdirSync(path.join(only.dir, 'owms'));
      writeFileSync(path.join(only.dir, 'owms/UPL-actueel.csv'), `UniformeProductnaam,URI,Burger\npaspoort,${O}paspoort,X\nnieuw product,${O}nieuwProduct,\n`);
      const r = await loadValueLists({ dir: only.dir }, deps());
      expect(r.lists.map((l) => l.name)).toEqual(['upl']);
      expect(await objects('upl', o('nieuwProduct'), SKOS.prefLabel)).toEqual(['nieuw product']);
      expect(await objects('upl', o('rijbewijs'), SKOS.prefLabel)).toEqual([]);
      expect(await graphDump('gemeente')).toEqual(gemeenteBefore);

      // A malformed file anywhere: nothing is written.
      const bad = tempDir('stelsel-vl-bad-');
      try {
        cpSync(DEMO_DIR, bad.dir, { recursive: true });
        writeFileSync(path.join(bad.dir, 'postcode/pc4-gemeente.csv'), 'pc4,gemeente\n1431,Aalsmeer\nABCD,Tilburg\n');
        writeFileSync(path.join(bad.dir, 'owms/Gemeente.xml'), '<cv name="overheid:Gemeente"></cv>');
        const uplNow = await graphDump('upl');
        const e = await loadValueLists({ dir: bad.dir }, deps()).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(ValueListError);
        expect((e as ValueListError).message).toBe('postcode/pc4-gemeente.csv:3: not a 4-digit postcode: "ABCD"');
        expect(await graphDump('gemeente')).toEqual(gemeenteBefore);
        expect(await graphDump('upl')).toEqual(uplNow);
      } finally {
        bad.remove();
      }
    } finally {
      only.remove();
    }
    // Reloading the demo restores the previous UPL exactly (apart from nothing: same input, same graph).
    await loadValueLists({ dir: DEMO_DIR }, deps());
    expect(await graphDump('upl')).toEqual(uplBefore);
  });

  it('a store failure during one list leaves that list as it was', async () => {
    await loadValueLists({ dir: DEMO_DIR }, deps());
    const before = await graphDump('gemeente');
    const real = t.store;
    const failing: TripleStore = {
      kind: real.kind,
      select: (q) => real.select(q),
      ask: (q) => real.ask(q),
      construct: (q) => real.construct(q),
      count: () => real.count(),
      transact: () => Promise.reject(new Error('disk full')),
      acquireLock: (n, o, ttl) => real.acquireLock(n, o, ttl),
      releaseLock: (n, o) => real.releaseLock(n, o),
      close: () => Promise.resolve(),
    };
    const audit = new AuditLog(failing, t.uris);
    const gem = tempDir('stelsel-vl-gem-');
    try {
      mkdirSync(path.join(gem.dir, 'owms'));
      writeFileSync(path.join(gem.dir, 'owms/Gemeente.xml'), `<cv name="overheid:Gemeente"><value><prefLabel>Nieuw</prefLabel><resourceIdentifier>${O}Nieuw</resourceIdentifier></value></cv>`);
      await expect(loadValueLists({ dir: gem.dir }, { ...deps(), store: failing, audit })).rejects.toThrow('disk full');
    } finally {
      gem.remove();
    }
    expect(await graphDump('gemeente')).toEqual(before);
  });

  it('resolves postcode gemeente names against the stored gemeente list', async () => {
    await loadValueLists({ dir: DEMO_DIR }, deps());
    const pc = tempDir('stelsel-vl-pc-');
    try {
      mkdirSync(path.join(pc.dir, 'postcode'));
      writeFileSync(path.join(pc.dir, 'postcode/pc4-gemeente.csv'), 'pc4,gemeente,ggdregio\n3432,nieuwegein,GGD Regio Utrecht\n9999,Atlantis,\n');
      mkdirSync(path.join(pc.dir, 'relaties'));
      writeFileSync(path.join(pc.dir, 'relaties/gemeente-relaties.csv'), `gemeente,relatie,doel\n${O}Atlantis,waterschap,${O}Waterschap_Atlantis\n`);
      const r = await loadValueLists({ dir: pc.dir }, deps());
      expect(r.warnings).toEqual([
        'postcode/pc4-gemeente.csv: 1 gemeente name(s) match no gemeente: Atlantis',
        `relaties/gemeente-relaties.csv:2: ${O}Atlantis is not in the gemeente list`,
      ]);
      expect(await objects('postcode', postcodeIri(t.uris, '3432'), STELSEL.gemeente)).toEqual([`${O}Nieuwegein`]);
      expect(await objects('postcode', postcodeIri(t.uris, '5014'), STELSEL.gemeente)).toEqual([]);
      // Without the relations file, gemeente -> GGD comes from the postcode table.
      expect(await objects('gemeente-relaties', o('Nieuwegein'), STELSEL.ggdRegio)).toEqual([ggdRegioIri(t.uris, 'GGD Regio Utrecht').value]);
    } finally {
      pc.remove();
    }
  });

  it('reports an empty directory', async () => {
    const empty = tempDir('stelsel-vl-empty-');
    try {
      const r = await loadValueLists({ dir: empty.dir }, deps());
      expect(r.found).toEqual([]);
      expect(r.lists).toEqual([]);
      expect(r.missing).toContain('owms/Gemeente.xml');
    } finally {
      empty.remove();
    }
  });
});


describe('loadValueLists through the SHACL-validating store (the production write path)', () => {
  it('the demo lists conform to the project shapes', async () => {
    const t = await openTestStore();
    try {
      const validator = ShaclValidator.fromDirectory(path.join(REPO, 'shapes'));
      const store = validatingStore(t.store, validator, { exempt: (g) => t.uris.isSystemGraph(g.value) });
      const audit = new AuditLog(store, t.uris);
      const r = await loadValueLists({ dir: DEMO_DIR }, { store, uris: t.uris, audit });
      expect(r.lists.length).toBe(8);
    } finally {
      await t.close();
    }
  });
});
