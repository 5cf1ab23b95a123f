import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScCatalogue } from '../../../src/catalog/sc-xml/parse.js';
import { FIXTURE_DIR } from './fixture-manifest.js';

const read = (name: string): Buffer => readFileSync(join(FIXTURE_DIR, name));

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split(/\r\n|\r|\n/).length;
}

describe('ScProduct model', () => {
  it('reads every field of a three-product catalogue', async () => {
    const result = await parseScCatalogue(read('valid/aalsmeer-catalogus.xml'), { maxBytes: 1_000_000 });
    expect(result.ok).toBe(true);
    expect(result.products.map((p) => p.productID)).toEqual(['AAL-0102', 'AAL-0230', 'AAL-0311']);
    const [parkeren, evenement, afval] = result.products;
    expect(parkeren).toMatchObject({
      identifier: 'https://www.aalsmeer.nl/producten/parkeervergunning-bewoners',
      title: 'Parkeervergunning voor bewoners',
      language: 'nl',
      type: 'productbeschrijving',
      modified: '2024-01-09',
      audience: ['particulier'],
      subject: ['parkeren'],
      onlineAanvragen: 'ja',
      aanvraagURL: 'https://www.aalsmeer.nl/loket/parkeervergunning?type=bewoner&stap=1',
      eenmaligAanmelden: undefined,
      contactpunt: undefined,
      productHTML: undefined,
      uniformeProductnaam: [{ scheme: 'overheid:UniformeProductnaam', resourceIdentifier: 'http://standaarden.overheid.nl/owms/terms/parkeervergunning', label: 'parkeervergunning' }],
      gerelateerdProduct: [],
    });
    expect(evenement?.spatial).toEqual([
      { scheme: 'overheid:Gemeente', resourceIdentifier: 'http://standaarden.overheid.nl/owms/terms/Aalsmeer_(gemeente)', label: 'Aalsmeer' },
      { scheme: 'overheid:Provincie', resourceIdentifier: 'http://standaarden.overheid.nl/owms/terms/Noord-Holland', label: 'Noord-Holland' },
    ]);
    expect(evenement?.authority).toEqual({ scheme: 'overheid:Gemeente', resourceIdentifier: 'http://standaarden.overheid.nl/owms/terms/Aalsmeer_(gemeente)', label: 'Aalsmeer' });
    expect(evenement).toMatchObject({
      audience: ['particulier', 'ondernemer'], eenmaligAanmelden: 'nee', contactpunt: 'https://www.aalsmeer.nl/contact', onlineAanvragen: 'nee',
    });
    expect(evenement?.gerelateerdProduct.map((g) => g.label)).toEqual(['ontheffing geluidhinder', 'drank- en horecavergunning']);
    expect(afval).toMatchObject({ modified: '2024-05-02T09:30:00+02:00', spatial: [], audience: ['ondernemer'], subject: ['afval', 'bedrijven'] });
    expect(afval?.uniformeProductnaam[0]?.label).toBe('UPL-naam nog niet beschikbaar');
  });

  it('keeps each scproduct exactly as delivered, with its start line', async () => {
    const bytes = read('valid/aalsmeer-catalogus.xml');
    const text = bytes.toString('utf8');
    const result = await parseScCatalogue(bytes, { maxBytes: 1_000_000 });
    let from = 0;
    for (const product of result.products) {
      const start = text.indexOf('<overheidproduct:scproduct ', from);
      const end = text.indexOf('</overheidproduct:scproduct>', start) + '</overheidproduct:scproduct>'.length;
      expect(product.xml).toBe(text.slice(start, end));
      expect(product.line).toBe(lineOf(text, start));
      expect(Buffer.from(product.xml, 'utf8').equals(bytes.subarray(Buffer.byteLength(text.slice(0, start)), Buffer.byteLength(text.slice(0, end))))).toBe(true);
      from = end;
    }
    expect(result.products.map((p) => p.line)).toEqual([4, 29, 58]);
  });

  it('keeps CRLF line ends and other prefixes in the fragment (BOM file)', async () => {
    const bytes = read('valid/noord-holland-prefixen.xml');
    const result = await parseScCatalogue(bytes, { maxBytes: 1_000_000 });
    expect(result.ok).toBe(true);
    const [product] = result.products;
    expect(product?.xml.startsWith('<scproduct owms-version="4.0">\r\n')).toBe(true);
    expect(product?.xml.endsWith('</scproduct>')).toBe(true);
    expect(bytes.includes(Buffer.from(product?.xml ?? 'x', 'utf8'))).toBe(true);
    expect(product?.line).toBe(3);
    expect(product).toMatchObject({
      authority: { scheme: 'ow:Provincie', label: 'Noord-Holland' },
      audience: ['ondernemer', 'particulier'],
      eenmaligAanmelden: 'digi-d',
      aanvraagURL: 'https://www.omgevingsloket.nl/',
    });
  });

  it('serialises productHTML as XHTML', async () => {
    const result = await parseScCatalogue(read('valid/aalsmeer-producthtml.xml'), { maxBytes: 1_000_000 });
    expect(result.ok).toBe(true);
    const html = result.products[0]?.productHTML ?? '';
    expect(html).toContain('<h2 xmlns="http://www.w3.org/1999/xhtml">Wat moet u doen?</h2>');
    expect(html).toContain('<a href="https://www.aalsmeer.nl/afspraak-maken?product=paspoort&amp;x=1">afspraak</a>');
    expect(html).toContain('Kosten: € 84,30 (18 jaar &amp; ouder)<br/>Levertijd');
    expect(html).toContain('<ul xmlns="http://www.w3.org/1999/xhtml"><li>een recente pasfoto</li>');
  });

  it('a minimal product has only owmskern', async () => {
    const result = await parseScCatalogue(read('valid/minimaal-alleen-owmskern.xml'), { maxBytes: 1_000_000 });
    expect(result.ok).toBe(true);
    expect(result.products[0]).toMatchObject({
      audience: [], abstract: undefined, productID: undefined, onlineAanvragen: undefined,
      spatial: [{ scheme: 'overheid:GGD', label: 'GGD Hollands Midden' }],
    });
  });

  it('handles a large catalogue in bounded text buffers', async () => {
    const one = read('valid/aalsmeer-basis.xml').toString('utf8');
    const start = one.indexOf('  <overheidproduct:scproduct ');
    const end = one.indexOf('</overheidproduct:scproducten>');
    const product = one.slice(start, end);
    const xml = one.slice(0, start) + product.repeat(2000) + one.slice(end);
    const t0 = performance.now();
    const result = await parseScCatalogue(xml, { maxBytes: 50_000_000 });
    const elapsed = performance.now() - t0;
    expect(result.ok).toBe(true);
    expect(result.products).toHaveLength(2000);
    expect(result.products[1999]?.line).toBe(3 + 1999 * 27);
    expect(elapsed).toBeLessThan(5000);
  });
});

describe('onProduct', () => {
  it('hands products over one by one instead of collecting them', async () => {
    const seen: string[] = [];
    const result = await parseScCatalogue(read('valid/aalsmeer-catalogus.xml'), {
      maxBytes: 1_000_000,
      onProduct: (p) => seen.push(p.productID ?? ''),
    });
    expect(result.ok).toBe(true);
    expect(result.products).toEqual([]);
    expect(seen).toEqual(['AAL-0102', 'AAL-0230', 'AAL-0311']);
  });
});
