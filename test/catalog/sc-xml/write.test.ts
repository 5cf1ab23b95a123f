/**
 * The SC writer: parse -> write -> parse gives the same product model for every valid fixture
 * and the demo catalogues; the written document is itself a valid catalogue; values that need
 * escaping survive; what cannot be written is refused with the field name.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { SC_MAIN_XSD as MAIN_XSD, SC_XSD_PRESENT as xsdPresent, scXsdFiles as xsdFiles } from '../../support/sc-xsd.js';
import { parseScCatalogue } from '../../../src/catalog/sc-xml/parse.js';
import { escapeXml, writeScCatalogue, writeScProduct } from '../../../src/catalog/sc-xml/write.js';
import type { ScProduct, ScReference } from '../../../src/catalog/sc-xml/model.js';
import { FIXTURE_DIR } from './fixture-manifest.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const DEMO = join(REPO, 'data/demo/catalogi');

/** The model without position and source text; scheme QNames by local name (prefixes are free). */
function comparable(p: ScProduct): Record<string, unknown> {
  const refs = (rs: readonly ScReference[]) => rs.map((r) => ({ ...r, scheme: r.scheme.replace(/^[^:]*:/, '') }));
  const { xml: _xml, line: _line, ...rest } = p;
  return {
    ...rest,
    spatial: refs(p.spatial), authorities: refs(p.authorities), authority: p.authority && refs([p.authority])[0],
    uniformeProductnaam: refs(p.uniformeProductnaam), gerelateerdProduct: refs(p.gerelateerdProduct),
  };
}

async function parseOk(xml: string): Promise<ScProduct[]> {
  const r = await parseScCatalogue(xml, { maxBytes: 10_000_000 });
  expect(r.errors).toEqual([]);
  return [...r.products];
}

const sources: [string, string][] = [
  ...readdirSync(join(FIXTURE_DIR, 'valid')).map((f): [string, string] => [`fixture ${f}`, join(FIXTURE_DIR, 'valid', f)]),
  // Every demo catalogue, fouten.xml too (its errors are extra rules; it is structurally valid).
  ...readdirSync(DEMO).filter((f) => f.endsWith('.xml')).map((f): [string, string] => [`demo ${f}`, join(DEMO, f)]),
];

describe('writeScProduct / writeScCatalogue', () => {
  it.each(sources)('%s: parse -> write -> parse gives the same models', async (_name, file) => {
    const products = await parseOk(readFileSync(file, 'utf8'));
    expect(products.length).toBeGreaterThan(0);
    const written = writeScCatalogue(products.map(writeScProduct));
    expect(written.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<overheidproduct:scproducten ')).toBe(true);
    const again = await parseOk(written);
    expect(again.map(comparable)).toEqual(products.map(comparable));
    // Writing is stable: the second round gives the same text.
    expect(writeScCatalogue(again.map(writeScProduct))).toBe(written);
  });

  it('a fragment stands alone: its namespaces are declared on the scproduct element', async () => {
    const [p] = await parseOk(readFileSync(join(FIXTURE_DIR, 'valid/noord-holland-prefixen.xml'), 'utf8'));
    const fragment = writeScProduct(p as ScProduct);
    expect(fragment).toMatch(/^<overheidproduct:scproduct xmlns:overheidproduct="[^"]+" xmlns:dcterms="[^"]+" xmlns:overheid="[^"]+" owms-version="4.0">/);
    // Embedded under a root that binds none of the prefixes, it still parses to the same model.
    const bare = `<?xml version="1.0" encoding="UTF-8"?>\n<p:scproducten xmlns:p="http://standaarden.overheid.nl/product/terms/">${fragment}</p:scproducten>`;
    const [again] = await parseOk(bare);
    expect(comparable(again as ScProduct)).toEqual(comparable(p as ScProduct));
  });

  it('escapes markup, quotes and line ends in text and attributes, and they survive a round trip', async () => {
    const [base] = await parseOk(readFileSync(join(FIXTURE_DIR, 'valid/aalsmeer-basis.xml'), 'utf8'));
    const p: ScProduct = {
      ...(base as ScProduct),
      title: 'A & B <c> "d" \'e\'',
      abstract: 'regel 1\nregel 2 ]]> </dcterms:abstract><x/>',
      aanvraagURL: 'https://example.org/a?b=1&c="2"',
      subject: ['<script>alert(1)</script>'],
    };
    const xml = writeScCatalogue([writeScProduct(p)]);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<x/>');
    const [again] = await parseOk(xml);
    expect(again?.title).toBe(p.title);
    expect(again?.abstract).toBe(p.abstract);
    expect(again?.aanvraagURL).toBe(p.aanvraagURL);
    expect(again?.subject).toEqual(p.subject);
  });

  it('refuses characters XML cannot carry, naming the field', () => {
    expect(() => escapeXml('a\u0001b', 'dcterms:title')).toThrow(/dcterms:title: character U\+0001/);
    expect(escapeXml('\u{1F600} ok')).toBe('\u{1F600} ok');
  });

  it('refuses a product without its required fields or with productHTML that is not XHTML', async () => {
    const [base] = await parseOk(readFileSync(join(FIXTURE_DIR, 'valid/aalsmeer-basis.xml'), 'utf8'));
    const p = base as ScProduct;
    expect(() => writeScProduct({ ...p, title: ' ' })).toThrow(/dcterms:title is required/);
    expect(() => writeScProduct({ ...p, onlineAanvragen: undefined })).toThrow(/onlineAanvragen is required/);
    expect(() => writeScProduct({ ...p, audience: [] })).toThrow(/audience/);
    expect(() => writeScProduct({ ...p, productHTML: '<p xmlns="http://www.w3.org/1999/xhtml">open' })).toThrow(/productHTML/);
    expect(() => writeScProduct({ ...p, productHTML: '<script>x</script>' })).toThrow(/XHTML namespace/);
    expect(() => writeScProduct({ ...p, productHTML: '</overheidproduct:productHTML><x>' })).toThrow(/productHTML/);
  });
});

describe.skipIf(!xsdPresent)('written catalogues against the official SC 4.0 XSD (skipped when ../shared/reference/sc-xsd is absent)', () => {
  it.each(sources)('%s: libxml2 finds nothing but the unchecked XHTML content of productHTML', async (_name, file) => {
    const products = await parseOk(readFileSync(file, 'utf8'));
    const xml = writeScCatalogue(products.map(writeScProduct));
    const files = xsdFiles();
    const result = await validateXML({
      xml: [{ fileName: 'sc.xml', contents: xml }],
      schema: files.filter((f) => f.fileName === MAIN_XSD),
      preload: files.filter((f) => f.fileName !== MAIN_XSD),
    });
    // The XHTML 1.0 Strict schema is not in ../shared/reference: libxml2 cannot check productHTML content.
    const other = result.errors.map((e) => e.rawMessage).filter((m) => !/demanded by the strict wildcard/.test(m));
    expect(other).toEqual([]);
    expect(result.valid).toBe(products.every((p) => p.productHTML === undefined || p.productHTML === ''));
  });
});
