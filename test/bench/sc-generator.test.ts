/**
 * The benchmark's SC generator (bench/sc-generator.ts): one catalogue per current gemeente,
 * provincie and waterschap of the loaded value lists, deterministic for a seed, and every generated
 * catalogue is valid for CatalogueService (XML reader + extra rules + value lists). Runs on the demo
 * value lists always, and on the full reference lists when ../shared/reference is present.
 */
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogueService } from '../../src/catalog/index.js';
import { countValidConcepts, loadValueLists } from '../../src/catalog/valuelists/index.js';
import { parseScCatalogue } from '../../src/catalog/sc-xml/index.js';
import { generateCatalogues, nationalInputs, type GenOrganisation, type GenUpl } from '../../bench/sc-generator.js';
import { makeTestApp } from '../support/app.js';
import { DEMO_DIR, HAS_REFERENCE, REFERENCE_DIR } from '../catalog/valuelists/helpers.js';

const TODAY = '2025-06-30';

async function setUp(dir: string) {
  const t = await makeTestApp();
  await loadValueLists({ dir }, { store: t.store, uris: t.uris, audit: t.audit });
  const inputs = await nationalInputs(t.store, t.uris, TODAY);
  const svc = new CatalogueService({ config: t.config, store: t.store, uris: t.uris, audit: t.audit, logger: pino({ level: 'silent' }) }, { maxBytes: 50_000_000, now: () => new Date(`${TODAY}T12:00:00Z`) });
  return { t, svc, ...inputs };
}

describe('SC generator on the demo value lists', () => {
  let s: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    s = await setUp(path.resolve(DEMO_DIR));
  });
  afterAll(() => s.t.close());

  it('takes every current gemeente, provincie and waterschap (not the historic gemeente)', async () => {
    for (const [list, kind] of [['gemeente', 'Gemeente'], ['provincie', 'Provincie'], ['waterschap', 'Waterschap']] as const) {
      const n = await countValidConcepts(s.t.store, s.t.uris, list, TODAY);
      expect(n).toBeGreaterThan(0);
      expect(s.organisations.filter((o) => o.kind === kind)).toHaveLength(n);
    }
    expect(s.organisations.map((o) => o.label)).not.toContain('Haarlemmerliede en Spaarnwoude');
  });

  it('is deterministic for a seed and spreads the products over every organisation', () => {
    const a = generateCatalogues({ organisations: s.organisations, upl: s.upl, totalProducts: 300, seed: 7, today: TODAY });
    const b = generateCatalogues({ organisations: s.organisations, upl: s.upl, totalProducts: 300, seed: 7, today: TODAY });
    const c = generateCatalogues({ organisations: s.organisations, upl: s.upl, totalProducts: 300, seed: 8, today: TODAY });
    expect(a.map((x) => x.xml)).toEqual(b.map((x) => x.xml));
    expect(a.map((x) => x.xml)).not.toEqual(c.map((x) => x.xml));
    expect(a).toHaveLength(s.organisations.length);
    expect(new Set(a.map((x) => x.slug)).size).toBe(a.length);
    const total = a.reduce((n, x) => n + x.products, 0);
    expect(total).toBeGreaterThan(270);
    expect(total).toBeLessThan(330);
    // A gemeente offers more products than a waterschap.
    const avg = (kind: string) => {
      const xs = a.filter((x) => x.organisation.kind === kind);
      return xs.reduce((n, x) => n + x.products, 0) / xs.length;
    };
    expect(avg('Gemeente')).toBeGreaterThan(avg('Waterschap'));
  });

  it('writes products of realistic size with 1-2 UPL names, audiences and online variants', async () => {
    const cats = generateCatalogues({ organisations: s.organisations, upl: s.upl, totalProducts: 300, today: TODAY });
    const products = (await Promise.all(cats.map((c) => parseScCatalogue(c.xml, { maxBytes: 50_000_000 })))).flatMap((r) => {
      expect(r.errors).toEqual([]);
      return [...r.products];
    });
    const bytes = cats.reduce((n, c) => n + Buffer.byteLength(c.xml), 0);
    expect(bytes / products.length).toBeGreaterThan(1500);
    for (const p of products) {
      expect(p.uniformeProductnaam.length).toBeGreaterThanOrEqual(1);
      expect(p.uniformeProductnaam.length).toBeLessThanOrEqual(2);
      expect(p.abstract?.length).toBeGreaterThan(50);
      expect(p.productHTML?.length).toBeGreaterThan(300);
    }
    const online = new Set(products.map((p) => p.onlineAanvragen));
    expect(online).toEqual(new Set(['ja', 'digid', 'nee']));
    expect(new Set(products.flatMap((p) => p.audience))).toEqual(new Set(['particulier', 'ondernemer']));
  });

  it('every generated catalogue is valid for CatalogueService', async () => {
    for (const c of generateCatalogues({ organisations: s.organisations, upl: s.upl, totalProducts: 300, today: TODAY })) {
      const report = await s.svc.validate(c.xml);
      expect(report.valid, `${c.slug}: ${JSON.stringify(report.products.filter((p) => p.problems.length).slice(0, 3))}`).toBe(true);
      expect(report.overview.products).toBe(c.products);
    }
  });

  it('a catalogue with a made-up organisation or UPL name is refused (the check can fail)', async () => {
    const fake: GenOrganisation = { kind: 'Gemeente', iri: 'http://standaarden.overheid.nl/owms/terms/Atlantis', label: 'Atlantis' };
    const badUpl: GenUpl = { iri: 'http://standaarden.overheid.nl/owms/terms/vliegbrevet', label: 'vliegbrevet', layers: ['Gemeente'], particulier: true, ondernemer: false };
    const [c] = generateCatalogues({ organisations: [fake], upl: [badUpl], totalProducts: 2, today: TODAY });
    const report = await s.svc.validate(c!.xml);
    expect(report.valid).toBe(false);
    const codes = new Set(report.products.flatMap((p) => p.problems.map((x) => x.code)));
    expect(codes).toEqual(new Set(['spatial-not-in-list', 'authority-not-in-list', 'upl-unknown']));
  });
});

describe.skipIf(!HAS_REFERENCE)(HAS_REFERENCE ? 'SC generator on the full reference value lists' : 'SC generator on the reference lists: ../shared/reference absent', () => {
  let s: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    s = await setUp(REFERENCE_DIR);
  }, 120_000);
  afterAll(() => s?.t.close());

  it('one catalogue per current organisation, all valid', async () => {
    const kinds = new Set(s.organisations.map((o) => o.kind));
    expect(kinds).toEqual(new Set(['Gemeente', 'Provincie', 'Waterschap']));
    expect(s.organisations.filter((o) => o.kind === 'Gemeente').length).toBeGreaterThan(300);
    const cats = generateCatalogues({ organisations: s.organisations, upl: s.upl, totalProducts: s.organisations.length * 2, today: TODAY });
    expect(cats).toHaveLength(s.organisations.length);
    for (const c of cats) {
      const report = await s.svc.validate(c.xml);
      expect(report.valid, `${c.slug}: ${JSON.stringify(report).slice(0, 600)}`).toBe(true);
    }
  }, 120_000);
});
