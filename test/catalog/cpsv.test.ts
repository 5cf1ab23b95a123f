/**
 * CPSV-AP 3.2 export through the real API on a real store with the demo catalogues imported:
 * the mapping (checked against the SC source and the demo UPL -> SDG table), conformance to the
 * official CPSV-AP 3.2.0 shapes (read from ../shared/reference/cpsv-ap) and to our overlay
 * (shapes/cpsv-ap-overlay.ttl), framed JSON-LD giving the same graph as Turtle, and negotiation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import jsonld from 'jsonld';
import N3 from 'n3';
import type * as RDF from '@rdfjs/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpsvDocumentLoader } from '../../src/catalog/cpsv/index.js';
import { parseScCatalogue, type ScProduct } from '../../src/catalog/sc-xml/index.js';
import { productKey } from '../../src/catalog/model.js';
import { ShaclValidator, type ShaclReport } from '../../src/shared/shacl/validator.js';
import { ADMIN_TOKEN, makeTestApp } from '../support/app.js';
import { TEST_BASE } from '../support/tmp.js';
import { loadDemoValueLists } from './support.js';
import { REPO } from './valuelists/helpers.js';

const CPSV_REF = resolve(REPO, '../shared/reference/cpsv-ap/cpsv-ap-3.2.0-SHACL.ttl');
const refPresent = existsSync(CPSV_REF);

const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  cpsv: 'http://purl.org/vocab/cpsv#',
  cv: 'http://data.europa.eu/m8g/',
  dct: 'http://purl.org/dc/terms/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  foaf: 'http://xmlns.com/foaf/0.1/',
};
const TYPE = `${NS.rdf}type`;

let t: Awaited<ReturnType<typeof makeTestApp>>;
const demo = (name: string) => readFileSync(join(REPO, 'data/demo/catalogi', name), 'utf8');
const SLUGS: Record<string, string> = { 'tilburg.xml': 'gemeente-tilburg', 'aalsmeer.xml': 'gemeente-aalsmeer' };

beforeAll(async () => {
  t = await makeTestApp({ demo: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  await loadDemoValueLists(t);
  for (const name of Object.keys(SLUGS)) {
    const res = await t.app.request('/api/catalogus/import', {
      method: 'POST', headers: { 'content-type': 'application/xml', authorization: `Bearer ${ADMIN_TOKEN}` }, body: demo(name),
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }
});
afterAll(() => t.close());

const get = (path: string, accept?: string) => t.app.request(path, { headers: accept ? { accept } : {} });

async function turtle(path: string): Promise<N3.Store> {
  const res = await get(path);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
  return new N3.Store(new N3.Parser().parse(await res.text()));
}

async function fromJsonLd(path: string): Promise<N3.Store> {
  const res = await get(path);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
  const doc = (await res.json()) as object;
  const nquads = (await jsonld.toRDF(doc as never, { format: 'application/n-quads', documentLoader: cpsvDocumentLoader(t.uris) } as never)) as unknown as string;
  return new N3.Store(new N3.Parser({ format: 'application/n-quads' }).parse(nquads));
}

const key = (q: RDF.Quad) => `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}@${(q.object as RDF.Literal).language ?? ''}^${(q.object as RDF.Literal).datatype?.value ?? ''}`;
const triples = (s: N3.Store) => s.getQuads(null, null, null, null).map(key).sort();
const objects = (s: N3.Store, subject: string, p: string) => s.getObjects(subject, p, null);
const hasType = (s: N3.Store, node: string, type: string) => s.has(N3.DataFactory.quad(N3.DataFactory.namedNode(node), N3.DataFactory.namedNode(TYPE), N3.DataFactory.namedNode(type)));

async function scProducts(name: string): Promise<ScProduct[]> {
  const r = await parseScCatalogue(demo(name), { maxBytes: 10_000_000 });
  return [...r.products];
}

/** A CSV file as rows of named cells (quoted cells with commas allowed). */
function csv(file: string): Record<string, string>[] {
  const lines = readFileSync(join(REPO, 'data/valuelists/owms', file), 'utf8').trim().split(/\r?\n/);
  const cells = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
  const header = cells(lines[0]!);
  return lines.slice(1).map((l) => Object.fromEntries(cells(l).map((c, i) => [header[i], c])));
}

/** UPL IRI -> SDG codes from the demo lists (the SDG column of the UPL and the UPL -> SDG table), read independently of the loader. */
function sdgTable(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (uri: string | undefined, codes: string | undefined) => {
    if (!uri) return;
    const set = out.get(uri) ?? new Set<string>();
    for (const c of (codes ?? '').split(';').map((x) => x.trim()).filter(Boolean)) set.add(c);
    out.set(uri, set);
  };
  for (const r of csv('UPL-actueel-demo.csv')) add(r.URI, r.SDG);
  for (const r of csv('UPL-SDG-Informatiegebied-demo.csv')) add(r.URI, r.SDG_Code);
  return out;
}

describe('CPSV-AP mapping', () => {
  it.each(Object.entries(SLUGS))('%s: one PublicService per product with the SC values', async (file, slug) => {
    const g = await turtle(`/export/cpsv-ap/${slug}.ttl`);
    const products = await scProducts(file);
    const services = g.getSubjects(TYPE, `${NS.cpsv}PublicService`, null).map((s) => s.value).sort();
    expect(services).toEqual(products.map((p) => `${TEST_BASE}/id/product/${slug}/${productKey(p.productID!)}`).sort());
    const sdg = sdgTable();
    let withSdg = 0;
    for (const p of products) {
      const s = `${TEST_BASE}/id/product/${slug}/${productKey(p.productID!)}`;
      expect(objects(g, s, `${NS.dct}identifier`).map((o) => o.value)).toEqual([p.identifier]);
      const title = objects(g, s, `${NS.dct}title`) as RDF.Literal[];
      expect(title.map((l) => [l.value, l.language])).toEqual([[p.title, 'nl']]);
      const description = objects(g, s, `${NS.dct}description`) as RDF.Literal[];
      expect(description.map((l) => [l.value, l.language])).toEqual([[p.abstract, 'nl']]);
      expect(objects(g, s, `${NS.foaf}page`).map((o) => o.value)).toEqual([p.identifier]);
      const [authority] = objects(g, s, `${NS.cv}hasCompetentAuthority`);
      expect(authority?.value).toBe(`${TEST_BASE}/id/organisatie/${slug}`);
      expect(hasType(g, authority!.value, `${NS.cv}PublicOrganisation`)).toBe(true);
      expect((objects(g, authority!.value, `${NS.skos}prefLabel`) as RDF.Literal[]).some((l) => l.language === 'nl' && l.value.length > 0)).toBe(true);
      const areas = objects(g, authority!.value, `${NS.dct}spatial`).map((o) => o.value);
      expect(areas).toEqual([p.authority!.resourceIdentifier]);
      for (const a of areas) expect(hasType(g, a, `${NS.dct}Location`) && hasType(g, a, `${NS.skos}Concept`)).toBe(true);
      expect(objects(g, s, `${NS.dct}spatial`).map((o) => o.value)).toEqual(p.spatial.map((x) => x.resourceIdentifier));
      const [lang] = objects(g, s, `${NS.dct}language`);
      expect(lang?.value).toBe('http://publications.europa.eu/resource/authority/language/NLD');
      expect(hasType(g, lang!.value, `${NS.skos}Concept`) && hasType(g, lang!.value, `${NS.dct}LinguisticSystem`)).toBe(true);
      const channels = objects(g, s, `${NS.cv}hasChannel`);
      if (p.aanvraagURL) {
        expect(channels).toHaveLength(1);
        expect(hasType(g, channels[0]!.value, `${NS.cv}Channel`)).toBe(true);
        expect(objects(g, channels[0]!.value, `${NS.foaf}page`).map((o) => o.value)).toEqual([p.aanvraagURL]);
      } else {
        expect(channels).toEqual([]);
      }
      expect(objects(g, s, `${NS.cv}isClassifiedBy`).map((o) => o.value).sort()).toEqual(p.uniformeProductnaam.map((u) => u.resourceIdentifier).sort());
      const expectedSdg = new Set(p.uniformeProductnaam.flatMap((u) => [...(sdg.get(u.resourceIdentifier) ?? [])]));
      const areasSdg = objects(g, s, `${NS.cv}thematicArea`);
      expect(areasSdg.map((o) => o.value).sort()).toEqual([...expectedSdg].map((c) => `http://standaarden.overheid.nl/owms/terms/sdg_${c}`).sort());
      for (const a of areasSdg) expect(hasType(g, a.value, `${NS.skos}Concept`)).toBe(true);
      if (expectedSdg.size > 0) withSdg++;
    }
    expect(withSdg).toBeGreaterThan(0);
  });

  it('the whole collection holds every organisation’s services', async () => {
    const g = await turtle('/export/cpsv-ap.ttl');
    expect(g.getSubjects(TYPE, `${NS.cpsv}PublicService`, null)).toHaveLength(20);
    const perOrg = await Promise.all(Object.values(SLUGS).map((s) => turtle(`/export/cpsv-ap/${s}.ttl`)));
    expect(triples(g)).toEqual([...new Set(perOrg.flatMap(triples))].sort());
  });

  it('one product by its key', async () => {
    const g = await turtle('/export/cpsv-ap/gemeente-tilburg/TIL-D01.ttl');
    expect(g.getSubjects(TYPE, `${NS.cpsv}PublicService`, null).map((s) => s.value)).toEqual([`${TEST_BASE}/id/product/gemeente-tilburg/TIL-D01`]);
  });
});

describe('negotiation and errors', () => {
  it('chooses Turtle or JSON-LD by Accept, refuses others, and serves the context', async () => {
    expect((await get('/export/cpsv-ap/gemeente-tilburg', 'application/ld+json')).headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect((await get('/export/cpsv-ap/gemeente-tilburg', 'text/turtle')).headers.get('content-type')).toBe('text/turtle; charset=utf-8');
    expect((await get('/export/cpsv-ap/gemeente-tilburg/TIL-D02', 'application/ld+json')).headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect((await get('/export/cpsv-ap', 'application/ld+json')).headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect((await get('/export/cpsv-ap/gemeente-tilburg', 'image/png')).status).toBe(406);
    const ctx = await get('/export/cpsv-ap/context.jsonld');
    expect(ctx.status).toBe(200);
    expect(((await ctx.json()) as { '@context': Record<string, unknown> })['@context'].PublicService).toBe(`${NS.cpsv}PublicService`);
  });

  it('documents its routes (and the SC publication) in the OpenAPI document', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/export/cpsv-ap', '/export/cpsv-ap/{org}', '/export/cpsv-ap/{org}/{product}', '/export/cpsv-ap/context.jsonld', '/catalogi/{org}/sc.xml',
    ]));
  });

  it('is 404 for an unknown organisation or product', async () => {
    expect((await get('/export/cpsv-ap/gemeente-bestaat-niet.ttl')).status).toBe(404);
    expect((await get('/export/cpsv-ap/gemeente-tilburg/BESTAAT-NIET.ttl')).status).toBe(404);
    expect((await get('/export/cpsv-ap/gemeente-tilburg/..%2F..%2Fx')).status).toBe(404);
  });

  it('the document loader resolves only the local context', async () => {
    const load = cpsvDocumentLoader(t.uris);
    await expect(load(`${TEST_BASE}/export/cpsv-ap/context.jsonld`)).resolves.toMatchObject({ document: { '@context': {} } });
    await expect(load('https://semiceu.github.io/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld')).rejects.toThrow(/not loaded/);
  });
});

describe('framed JSON-LD', () => {
  it.each(['/export/cpsv-ap', '/export/cpsv-ap/gemeente-aalsmeer', '/export/cpsv-ap/gemeente-aalsmeer/AAL-D03'])('%s: re-parsed it is the same graph as the Turtle', async (path) => {
    const fromTtl = await turtle(`${path}.ttl`);
    const fromJson = await fromJsonLd(`${path}.jsonld`);
    expect(triples(fromJson)).toEqual(triples(fromTtl));
    expect(fromTtl.size).toBeGreaterThan(10);
  });

  it('is framed: every top-level node is a PublicService with its authority embedded', async () => {
    const doc = (await (await get('/export/cpsv-ap/gemeente-tilburg.jsonld')).json()) as { '@context': string; '@graph': Record<string, unknown>[] };
    expect(doc['@context']).toBe(`${TEST_BASE}/export/cpsv-ap/context.jsonld`);
    expect(doc['@graph']).toHaveLength(10);
    for (const node of doc['@graph']) expect(node['@type']).toBe('PublicService');
    expect(doc['@graph'].some((n) => typeof n.hasCompetentAuthority === 'object' && (n.hasCompetentAuthority as Record<string, unknown>).prefLabel !== undefined)).toBe(true);
  });
});

describe('an empty collection', () => {
  it('is an empty but well-formed Turtle and JSON-LD document', async () => {
    const empty = await makeTestApp();
    try {
      const ttl = await empty.app.request('/export/cpsv-ap.ttl');
      expect(ttl.status).toBe(200);
      expect(new N3.Parser().parse(await ttl.text())).toEqual([]);
      const json = (await (await empty.app.request('/export/cpsv-ap.jsonld')).json()) as { '@graph': unknown[] };
      expect(json['@graph']).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});

function violations(report: ShaclReport): string[] {
  return report.results.filter((r) => r.severity === 'Violation').map((r) => `${r.focusNode} ${r.path ?? ''}: ${r.message}`);
}

const overlay = ShaclValidator.fromTurtle(readFileSync(join(REPO, 'shapes/cpsv-ap-overlay.ttl'), 'utf8'));

describe('conformance to our overlay (shapes/cpsv-ap-overlay.ttl)', () => {
  it('every exported service conforms', async () => {
    const g = await turtle('/export/cpsv-ap.ttl');
    const report = await overlay.validate(g.getQuads(null, null, null, null));
    expect(violations(report)).toEqual([]);
    expect(report.conforms).toBe(true);
  });

  it('finds a missing Dutch title, a competent authority without name, and a language outside the EU table', async () => {
    const g = await turtle('/export/cpsv-ap/gemeente-tilburg/TIL-D01.ttl');
    const s = `${TEST_BASE}/id/product/gemeente-tilburg/TIL-D01`;
    const { namedNode, literal, quad } = N3.DataFactory;
    for (const q of g.getQuads(s, `${NS.dct}title`, null, null)) { g.removeQuad(q); g.addQuad(quad(q.subject, q.predicate, literal(q.object.value, 'en'))); }
    g.removeQuads(g.getQuads(`${TEST_BASE}/id/organisatie/gemeente-tilburg`, `${NS.skos}prefLabel`, null, null));
    g.addQuad(quad(namedNode(s), namedNode(`${NS.dct}language`), namedNode('http://example.org/nl')));
    const found = violations(await overlay.validate(g.getQuads(null, null, null, null))).join('\n');
    expect(found).toMatch(/dct:title@nl/);
    expect(found).toMatch(/bevoegde organisatie heeft een Nederlandse naam/);
    expect(found).not.toMatch(/precies één bevoegde organisatie/);
    expect(found).toMatch(/EU-tabel/);
  });
});

describe.skipIf(!refPresent)('conformance to the official CPSV-AP 3.2.0 shapes (skipped when ../shared/reference/cpsv-ap is absent)', () => {
  const official = refPresent ? ShaclValidator.fromTurtle(readFileSync(CPSV_REF, 'utf8')) : undefined;

  it('every exported service of the whole collection conforms', async () => {
    const g = await turtle('/export/cpsv-ap.ttl');
    const report = await official!.validate(g.getQuads(null, null, null, null));
    expect(violations(report)).toEqual([]);
    expect(report.conforms).toBe(true);
  });

  it('each service on its own conforms', async () => {
    for (const [file, slug] of Object.entries(SLUGS)) {
      for (const p of await scProducts(file)) {
        const g = await turtle(`/export/cpsv-ap/${slug}/${productKey(p.productID!)}.ttl`);
        expect(violations(await official!.validate(g.getQuads(null, null, null, null)))).toEqual([]);
      }
    }
  });

  it('the official shapes do find a service without competent authority or with an untyped language', async () => {
    const g = await turtle('/export/cpsv-ap/gemeente-tilburg/TIL-D01.ttl');
    const s = `${TEST_BASE}/id/product/gemeente-tilburg/TIL-D01`;
    g.removeQuads(g.getQuads(s, `${NS.cv}hasCompetentAuthority`, null, null));
    g.removeQuads(g.getQuads('http://publications.europa.eu/resource/authority/language/NLD', TYPE, null, null));
    const found = violations(await official!.validate(g.getQuads(null, null, null, null)));
    expect(found.some((v) => v.includes(`${NS.cv}hasCompetentAuthority`))).toBe(true);
    expect(found.some((v) => v.includes(`${NS.dct}language`))).toBe(true);
  });
});
