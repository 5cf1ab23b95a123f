/**
 * The demo catalogues (data/demo/catalogi): three valid ones (about thirty products) that import,
 * one with deliberate errors, and the start-up seeding through CatalogueService (idempotent).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sparql } from '../../src/shared/rdf/encode.js';
import { PROV, STELSEL } from '../../src/shared/rdf/vocab.js';
import { DEMO_CATALOGUES, seedDemoCatalogues } from '../../src/demo/catalogues.js';
import { ADMIN_TOKEN, makeTestApp } from '../support/app.js';
import { loadDemoValueLists } from './support.js';
import { REPO } from './valuelists/helpers.js';

let t: Awaited<ReturnType<typeof makeTestApp>>;
beforeAll(async () => {
  t = await makeTestApp({ demo: true });
  await loadDemoValueLists(t);
});
afterAll(() => t.close());

const file = (name: string) => readFileSync(path.join(REPO, 'data/demo/catalogi', name), 'utf8');
const post = (what: string, body: string) =>
  t.app.request(`/api/catalogus/${what}`, { method: 'POST', headers: { 'content-type': 'text/xml', authorization: `Bearer ${ADMIN_TOKEN}` }, body });

interface Report {
  valid: boolean;
  xmlErrors: unknown[];
  overview: { products: number };
  products: { productID: string; problems: { code: string }[] }[];
}

interface Overview {
  products: number;
  onlyParticulier: number;
  onlyOndernemer: number;
  both: number;
  withUpl: number;
  online: { ja: number; digid: number; nee: number };
  withAanvraagUrl: number;
}

describe('demo catalogues', () => {
  it.each([['aalsmeer.xml', 10], ['nieuwegein.xml', 10], ['tilburg.xml', 10]])('%s is valid and imports', async (name, products) => {
    const res = await post('import', file(name));
    const report = (await res.json()) as Report;
    expect(res.status, JSON.stringify(report)).toBe(200);
    expect(report.overview.products).toBe(products);
  });

  it('together they show every overview figure: both audiences, online ja / digid / nee, UPL names', async () => {
    const reports = await Promise.all(DEMO_CATALOGUES.map(async (name) => (await (await post('validate', file(name))).json()) as Report & { overview: Overview }));
    const sum = (f: (o: Overview) => number) => reports.reduce((n, r) => n + f(r.overview), 0);
    expect(sum((o) => o.products)).toBe(30);
    for (const f of [(o: Overview) => o.onlyParticulier, (o: Overview) => o.onlyOndernemer, (o: Overview) => o.both, (o: Overview) => o.online.ja, (o: Overview) => o.online.digid, (o: Overview) => o.online.nee]) {
      expect(sum(f)).toBeGreaterThan(0);
    }
    expect(sum((o) => o.withUpl)).toBe(29); // one product has "UPL-naam nog niet beschikbaar"
    expect(sum((o) => o.withAanvraagUrl)).toBe(sum((o) => o.online.ja + o.online.digid));
  });

  it('fouten.xml shows the extra rules in the validator', async () => {
    const res = await post('validate', file('fouten.xml'));
    const report = (await res.json()) as Report;
    expect(report.valid).toBe(false);
    expect(report.xmlErrors).toEqual([]);
    const codes = Object.fromEntries(report.products.map((p, i) => [`${i}:${p.productID}`, p.problems.map((x) => x.code).sort()]));
    expect(codes).toEqual({
      '0:FOUT-01': ['aanvraagurl-missing'],
      '1:FOUT-02': ['authority-label', 'spatial-label'],
      '2:FOUT-03': ['audience-value', 'identifier-duplicate', 'modified-in-future', 'productid-duplicate', 'upl-unknown'],
      '3:FOUT-03': ['identifier-duplicate', 'productid-duplicate'],
      // til-d01 is Tilburg's (imported above): product pages are unique in the whole collection.
      '4:FOUT-04': ['authority-differs', 'identifier-not-unique', 'upl-label'],
    });
  });

  it('the start-up seeding imports the three catalogues as the system actor, and again changes nothing', async () => {
    const deps = { config: t.config, store: t.store, uris: t.uris, audit: t.audit, logger: pino({ level: 'silent' }) };
    const first = await seedDemoCatalogues(deps, path.join(REPO, 'data/demo/catalogi'));
    expect(first.map((c) => [c.file, c.stored, c.products, c.problems])).toEqual(DEMO_CATALOGUES.map((f) => [f, true, 10, []]));
    const count = async () => Number((await t.raw.select(sparql`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?p a ${STELSEL.Product} } }`))[0]?.n?.value);
    const triples = async () => Number((await t.raw.select(sparql`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?p a ${STELSEL.Product} ; ?x ?y } }`))[0]?.n?.value);
    expect(await count()).toBe(30);
    const before = await triples();
    const again = await seedDemoCatalogues(deps, path.join(REPO, 'data/demo/catalogi'));
    expect(again.every((c) => c.stored)).toBe(true);
    expect(await count()).toBe(30);
    expect(await triples()).toBe(before);
    // Recorded as imports by the system agent.
    const agents = await t.raw.select(sparql`SELECT DISTINCT ?agent WHERE { GRAPH ?g { ?e ${STELSEL.action} "catalogue.import" ; ${PROV.wasAssociatedWith} ?agent } }`);
    expect(agents.map((r) => r.agent?.value)).toContain(t.uris.id('agent', 'system').value);
  });
});
