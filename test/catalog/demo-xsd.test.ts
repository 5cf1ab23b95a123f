/**
 * Every demo catalogue is valid against the official SC 4.0 XSD (libxml2 via xmllint-wasm, schema
 * read at test time from ../shared/reference/sc-xsd). productHTML is the one part libxml2 cannot
 * check here: the XSD takes its content strictly from the XHTML namespace, and the XHTML 1.0 Strict
 * schema is not in ../shared/reference. So libxml2 checks each catalogue with the productHTML
 * contents taken out, and our reader checks that productHTML holds XHTML only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { SC_MAIN_XSD as MAIN_XSD, SC_XSD_PRESENT as present, scXsdFiles as xsdFiles } from '../support/sc-xsd.js';
import { parseScCatalogue } from '../../src/catalog/sc-xml/index.js';
import { REPO } from './valuelists/helpers.js';

const DEMO = join(REPO, 'data/demo/catalogi');
const CATALOGUES = readdirSync(DEMO).filter((f) => f.endsWith('.xml')).sort();

const PRODUCT_HTML = /(<overheidproduct:productHTML>)[\s\S]*?(<\/overheidproduct:productHTML>)/g;

describe('demo catalogues are well-formed SC 4.0 for our reader', () => {
  it('finds the four demo catalogues', () => {
    expect(CATALOGUES).toEqual(['aalsmeer.xml', 'fouten.xml', 'nieuwegein.xml', 'tilburg.xml']);
  });

  it.each(CATALOGUES)('%s: no structural error, productHTML in XHTML only', async (name) => {
    const xml = readFileSync(join(DEMO, name), 'utf8');
    const r = await parseScCatalogue(xml, { maxBytes: 10_000_000 });
    expect(r.errors).toEqual([]);
    for (const p of r.products) if (p.productHTML !== undefined) expect(p.productHTML.trimStart()).toMatch(/^<[a-z0-9]+ xmlns="http:\/\/www\.w3\.org\/1999\/xhtml">/);
  });
});

describe.skipIf(!present)(present ? 'demo catalogues against the official SC 4.0 XSD (libxml2)' : 'demo catalogues against the XSD: ../shared/reference/sc-xsd absent', () => {
  const files = present ? xsdFiles() : [];
  const schema = files.filter((f) => f.fileName === MAIN_XSD);
  const preload = files.filter((f) => f.fileName !== MAIN_XSD);

  it.each(CATALOGUES)('%s is XSD-valid (productHTML contents taken out)', async (name) => {
    const xml = readFileSync(join(DEMO, name), 'utf8');
    const stripped = xml.replace(PRODUCT_HTML, '$1$2');
    const result = await validateXML({ xml: [{ fileName: name, contents: stripped }], schema, preload });
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('libxml2 does check the catalogues: a demo product without its abstract is refused', async () => {
    const xml = readFileSync(join(DEMO, 'nieuwegein.xml'), 'utf8').replace(/<dcterms:abstract>[^<]*<\/dcterms:abstract>/, '').replace(PRODUCT_HTML, '$1$2');
    const result = await validateXML({ xml: [{ fileName: 'broken.xml', contents: xml }], schema, preload });
    expect(result.valid).toBe(false);
  });
});
