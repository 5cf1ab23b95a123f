/** Stored scproduct fragments made to stand alone for publication (src/catalog/export/standalone.ts). */
import { describe, expect, it } from 'vitest';
import { standaloneFragment } from '../../src/catalog/export/standalone.js';
import { parseScCatalogue } from '../../src/catalog/sc-xml/index.js';
import { SC_PREFIXES } from '../../src/catalog/sc-xml/write.js';

const P = 'http://standaarden.overheid.nl/product/terms/';
const D = 'http://purl.org/dc/terms/';
const O = 'http://standaarden.overheid.nl/owms/terms/';
const X = 'http://www.w3.org/1999/xhtml';

const fragment = (p: string, dc: string, ow: string, html = '') => `<${p}scproduct owms-version="4.0"><${p}meta><${p}owmskern>
<${dc}identifier>https://example.org/p</${dc}identifier><${dc}title>T</${dc}title><${dc}language>nl</${dc}language>
<${dc}type scheme="${ow}Informatietype">productbeschrijving</${dc}type><${dc}modified>2024-01-01</${dc}modified>
<${dc}spatial scheme="${ow}Gemeente" resourceIdentifier="${O}Aalsmeer_(gemeente)">Aalsmeer</${dc}spatial>
</${p}owmskern></${p}meta><${p}body>${html}</${p}body></${p}scproduct>`;

/** Parses the fragment under a root that declares nothing but its own prefix. */
async function parseAlone(xml: string) {
  return parseScCatalogue(`<?xml version="1.0" encoding="UTF-8"?>\n<root:scproducten xmlns:root="${P}">${xml}</root:scproducten>`, { maxBytes: 1_000_000 });
}

describe('standaloneFragment', () => {
  it('declares a default namespace and other prefixes taken from the catalogue root', async () => {
    const xml = fragment('', 'dc:', 'ow:');
    expect((await parseAlone(xml)).ok).toBe(false);
    const out = standaloneFragment(xml);
    expect(out.slice(0, out.indexOf('>'))).toBe(`<scproduct xmlns="${P}" xmlns:dc="${D}" xmlns:ow="${O}" owms-version="4.0"`);
    const r = await parseAlone(out);
    expect(r.errors).toEqual([]);
    expect(r.products[0]?.spatial[0]?.scheme).toBe('ow:Gemeente');
  });

  it('leaves a fragment that declares what it uses, or only uses the inherited prefixes, unchanged', () => {
    const declared = fragment('p:', 'd:', 'o:').replace('<p:scproduct ', `<p:scproduct xmlns:p="${P}" xmlns:d="${D}" xmlns:o="${O}" `);
    expect(standaloneFragment(declared)).toBe(declared);
    const conventional = fragment('overheidproduct:', 'dcterms:', 'overheid:');
    expect(standaloneFragment(conventional, SC_PREFIXES)).toBe(conventional);
    expect(standaloneFragment(conventional)).toContain(`xmlns:overheidproduct="${P}"`);
  });

  it('puts unprefixed elements inside productHTML in the XHTML namespace', async () => {
    const xml = fragment('sc:', 'dc:', 'ow:', '<sc:productHTML><p>Tekst <em>nadruk</em></p></sc:productHTML>');
    const out = standaloneFragment(xml);
    expect(out).toContain(`xmlns="${X}"`);
    const r = await parseAlone(out);
    expect(r.errors).toEqual([]);
    expect(r.products[0]?.productHTML).toBe(`<p xmlns="${X}">Tekst <em>nadruk</em></p>`);
  });

  it('refuses a prefix whose namespace cannot be told, and a fragment that is not well-formed', () => {
    expect(() => standaloneFragment(fragment('', 'dc:', 'ow:').replace('<dc:title>T</dc:title>', '<x:title>T</x:title><x:authority>A</x:authority><x:onbekend/>'))).toThrow(/prefix 'x'/);
    expect(() => standaloneFragment('<scproduct><meta></scproduct>')).toThrow(/not well-formed/);
  });
});
