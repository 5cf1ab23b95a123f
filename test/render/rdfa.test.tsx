/** @jsxImportSource hono/jsx */
import { describe, expect, it } from 'vitest';
import type { Child } from 'hono/jsx';
import type * as RDF from '@rdfjs/types';
import {
  Prop,
  Rel,
  Resource,
  curie,
  displayLiteral,
  formatDate,
  formatDateTime,
  prefixAttribute,
  rdfaIri,
} from '../../src/shared/render/rdfa.js';
import { literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import { DCAT, DCT, FOAF, PREFIXES, RDF_, SKOS, XSD } from '../../src/shared/rdf/vocab.js';
import { hasBlankNodes, lines, rdfaLblod, rdfaStreaming } from '../linked-data/rdfa-support.js';

const BASE = 'https://data.example/doc/test';
const s = namedNode('https://data.example/id/test/s');
const ex = (l: string) => namedNode(`http://example.org/vocab/${l}`);
const HOSTILE = `<script>alert(1)</script> "quoted" & ampersand 'single' </span>`;

/** A whole page whose <html lang="nl"> would leak into literals that do not state their kind. */
async function page(body: Child): Promise<string> {
  const el = (
    <html lang="nl" prefix={prefixAttribute()}>
      <head>
        <title>t</title>
      </head>
      <body>{body}</body>
    </html>
  );
  return `<!DOCTYPE html>${await el.toString()}`;
}

async function roundTrip(objects: RDF.Term[], p: RDF.NamedNode = DCT.title) {
  const html = await page(
    <Resource about={s}>
      {objects.map((o) => (
        <p>
          <Prop p={p} o={o} />
        </p>
      ))}
    </Resource>,
  );
  const want = lines(objects.map((o) => quad(s, p, o as RDF.Quad_Object)));
  const streaming = await rdfaStreaming(html, BASE);
  const lblod = rdfaLblod(html, BASE);
  return { html, want, streaming: lines(streaming), lblod: lines(lblod), blank: hasBlankNodes([...streaming, ...lblod]) };
}

const LITERALS: [string, RDF.Literal][] = [
  ['xsd:string (no language although the page is nl)', literal('gewoon tekst')],
  ['langString nl', literal('Parkeervergunning', 'nl')],
  ['langString en', literal('Parking permit', 'en')],
  ['langString with region', literal('Vergunning', 'nl-BE')],
  ['dateTime UTC', literal('2024-03-01T10:00:00Z', XSD.dateTime)],
  ['dateTime offset and fraction', literal('2024-07-15T09:30:15.250+02:00', XSD.dateTime)],
  ['dateTime without zone', literal('2024-01-01T00:00:00', XSD.dateTime)],
  ['date', literal('2024-03-01', XSD.date)],
  ['not a valid date, still a date literal', literal('2024-02-30', XSD.date)],
  ['boolean true', literal('true', XSD.boolean)],
  ['boolean false', literal('false', XSD.boolean)],
  ['boolean 1', literal('1', XSD.boolean)],
  ['integer', literal('42', XSD.integer)],
  ['negative decimal', literal('-12.50', XSD.decimal)],
  ['double', literal('1.0E-3', XSD.double)],
  ['gYear', literal('2024', XSD.gYear)],
  ['custom datatype', literal('AB-12', ex('Code'))],
  ['empty string', literal('')],
  ['hostile string', literal(HOSTILE)],
  ['hostile langString', literal(HOSTILE, 'nl')],
  ['whitespace: CR, LF, CRLF, tab, leading/trailing spaces', literal('  a\rb\nc\r\nd\te  ')],
  ['non-ASCII', literal('fiets 🚲 café — ĳ')],
];

describe('Prop renders literals whose RDFa is exactly the literal', () => {
  for (const [name, lit] of LITERALS) {
    it(name, async () => {
      const r = await roundTrip([lit]);
      expect(r.streaming).toEqual(r.want);
      expect(r.lblod).toEqual(r.want);
      expect(r.blank).toBe(false);
    });
  }

  it('keeps hostile text escaped in the markup', async () => {
    const { html } = await roundTrip([literal(HOSTILE), literal(HOSTILE, 'nl')]);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; ampersand');
  });

  it('states the kind of every literal explicitly', async () => {
    const { html } = await roundTrip([literal('x'), literal('y', 'en'), literal('5', XSD.integer)]);
    expect(html).toContain('<span property="dct:title" datatype="xsd:string"');
    expect(html).toContain('<span property="dct:title" lang="en" xml:lang="en"');
    expect(html).toContain('<span property="dct:title" datatype="xsd:integer"');
  });

  it('shows dates in Dutch with the ISO value in content and datetime', async () => {
    const { html } = await roundTrip([literal('2024-03-01T10:00:00Z', XSD.dateTime), literal('2024-03-01', XSD.date)]);
    expect(html).toContain('content="2024-03-01T10:00:00Z"');
    expect(html).toContain('datetime="2024-03-01T10:00:00Z">1 maart 2024 om 11:00</time>');
    expect(html).toContain('datetime="2024-03-01">1 maart 2024</time>');
  });

  it('shows booleans as ja/nee with the value in content', async () => {
    const { html } = await roundTrip([literal('true', XSD.boolean)]);
    expect(html).toContain('content="true"');
    expect(html).toContain('>ja</span>');
  });
});

describe('Prop renders IRIs as links', () => {
  it('with a label when known, else the IRI as text', async () => {
    const o1 = namedNode('https://data.example/id/organisatie/o-1');
    const o2 = namedNode("https://example.org/bron?x=1&y='2'#frag");
    const labels = new Map([[o1.value, literal('Gemeente Voorbeeld', 'nl')]]);
    const html = await page(
      <Resource about={s}>
        <Prop p={DCT.publisher} o={o1} labels={labels} />
        <Prop p={DCT.source} o={o2} />
      </Resource>,
    );
    expect(html).toContain('<a property="dct:publisher" href="https://data.example/id/organisatie/o-1" lang="nl">Gemeente Voorbeeld</a>');
    expect(html).toContain('href="https://example.org/bron?x=1&amp;y=&#39;2&#39;#frag">https://example.org/bron?x=1&amp;y=&#39;2&#39;#frag</a>');
    const want = lines([quad(s, DCT.publisher, o1), quad(s, DCT.source, o2)]);
    expect(lines(await rdfaStreaming(html, BASE))).toEqual(want);
    expect(lines(rdfaLblod(html, BASE))).toEqual(want);
  });

  it('as a non-link with resource= when asked', async () => {
    const o = namedNode('https://data.example/.well-known/genid/x');
    const html = await page(
      <Resource about={s}>
        <Prop p={DCT.spatial} o={o} link={false} label="" />
      </Resource>,
    );
    expect(html).toContain('<span property="dct:spatial" resource="https://data.example/.well-known/genid/x"></span>');
    expect(lines(await rdfaStreaming(html, BASE))).toEqual(lines([quad(s, DCT.spatial, o)]));
  });
});

describe('Resource and Rel', () => {
  it('set subjects and types, with plain links carrying no triples', async () => {
    const cat = namedNode('https://data.example/');
    const reg = namedNode('https://data.example/id/register/catalogus');
    const home = namedNode('https://data.example/catalogus');
    const html = await page(
      <Resource about={cat} typeof={[DCAT.Catalog, ex('Site')]}>
        <a href="/elders">plain link</a>
        <Rel p={DCAT.catalog} o={reg} typeof={[DCAT.Catalog]} as="section">
          <h2>
            <Prop p={FOAF.homepage} o={home}>
              <Prop p={DCT.title} o={literal('Productcatalogus', 'nl')} />
            </Prop>
          </h2>
        </Rel>
        <Prop p={DCT.title} o={literal('Stelsel', 'nl')} />
      </Resource>,
    );
    const want = lines([
      quad(cat, RDF_.type, DCAT.Catalog),
      quad(cat, RDF_.type, ex('Site')),
      quad(cat, DCAT.catalog, reg),
      quad(reg, RDF_.type, DCAT.Catalog),
      quad(reg, FOAF.homepage, home),
      quad(reg, DCT.title, literal('Productcatalogus', 'nl')),
      quad(cat, DCT.title, literal('Stelsel', 'nl')),
    ]);
    expect(lines(await rdfaStreaming(html, BASE))).toEqual(want);
    expect(lines(rdfaLblod(html, BASE))).toEqual(want);
    expect(html).toContain('typeof="dcat:Catalog http://example.org/vocab/Site"');
  });
});

describe('prefixes and CURIEs', () => {
  it('builds the prefix attribute from PREFIXES', () => {
    const attr = prefixAttribute();
    for (const [p, iri] of Object.entries(PREFIXES)) expect(attr).toContain(`${p}: ${iri}`);
  });

  it('compacts IRIs only when the local part is a safe CURIE reference', () => {
    expect(curie(DCT.title.value)).toBe('dct:title');
    expect(curie(SKOS.prefLabel.value)).toBe('skos:prefLabel');
    expect(curie('http://purl.org/dc/terms/a/b')).toBeNull();
    expect(curie('http://example.org/x')).toBeNull();
    expect(rdfaIri('http://example.org/p/123')).toBe('http://example.org/p/123');
    expect(rdfaIri(XSD.dateTime.value)).toBe('xsd:dateTime');
  });
});

describe('Dutch date formatting', () => {
  it('formats dates and dateTimes', () => {
    expect(formatDate('2024-03-01')).toBe('1 maart 2024');
    expect(formatDate('2024-12-31Z')).toBe('31 december 2024');
    expect(formatDate('2024-02-30')).toBeNull();
    expect(formatDate('0024-05-01')).toBe('1 mei 24');
    expect(formatDateTime('2024-03-01T10:00:00Z')).toBe('1 maart 2024 om 11:00');
    expect(formatDateTime('2024-07-15T09:30:15.250+02:00')).toBe('15 juli 2024 om 09:30:15');
    expect(formatDateTime('2024-01-01T00:00:00')).toBe('1 januari 2024 om 00:00');
    expect(formatDateTime('gisteren')).toBeNull();
  });

  it('falls back to the lexical form for invalid values', () => {
    expect(displayLiteral(literal('2024-02-30', XSD.date))).toEqual({ text: '2024-02-30' });
    expect(displayLiteral(literal('maybe', XSD.boolean))).toEqual({ text: 'maybe' });
  });
});

describe('markup literals', () => {
  it('shows rdf:HTML as escaped source and states no triple for it', async () => {
    const html = await page(
      <Resource about={s}>
        <Prop p={DCT.description} o={literal('<p onclick="x()">hi</p><script>alert(1)</script>', RDF_.HTML)} />
      </Resource>,
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;p onclick=&quot;x()&quot;&gt;hi&lt;/p&gt;');
    expect(await rdfaStreaming(html, BASE)).toEqual([]);
    expect(rdfaLblod(html, BASE)).toEqual([]);
  });
});
