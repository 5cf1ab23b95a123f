import { describe, expect, it } from 'vitest';
import type * as RDF from '@rdfjs/types';
import { NotSerializable, parse, serialize, sortTriples, type SerializationFormat } from '../../src/shared/rdf/serialize.js';
import { blankNode, literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import { DCT, RDF_, SKOS, XSD } from '../../src/shared/rdf/vocab.js';
import { lines } from '../linked-data/rdfa-support.js';

const HOSTILE = `<script>alert(1)</script> "quoted" & ampersand 'single' ]]> \\ backslash`;
const s = namedNode('https://data.example/id/product/p-1');
const ex = (l: string) => namedNode(`http://example.org/vocab/${l}`);

const triples: RDF.Quad[] = [
  quad(s, RDF_.type, SKOS.Concept),
  quad(s, DCT.title, literal('Parkeervergunning', 'nl')),
  quad(s, DCT.title, literal('Parking permit', 'en-GB')),
  quad(s, DCT.description, literal(`${HOSTILE}\nline 2\r\nline 3\ttab`)),
  quad(s, DCT.abstract, literal(HOSTILE, 'nl')),
  quad(s, DCT.created, literal('2024-03-01T10:00:00Z', XSD.dateTime)),
  quad(s, DCT.issued, literal('2024-03-01', XSD.date)),
  quad(s, ex('online'), literal('true', XSD.boolean)),
  quad(s, ex('count'), literal('42', XSD.integer)),
  quad(s, ex('price'), literal('12.50', XSD.decimal)),
  quad(s, ex('empty'), literal('')),
  quad(s, ex('emoji'), literal('fiets 🚲 café')),
  quad(s, ex('custom'), literal('AB-12', ex('Code'))),
  quad(s, DCT.source, namedNode('https://example.org/bron?x=1&y=2#frag')),
  quad(s, ex('nested'), namedNode('https://data.example/.well-known/genid/n1')),
  quad(namedNode('https://data.example/.well-known/genid/n1'), DCT.title, literal('genest')),
];

const FORMATS: SerializationFormat[] = ['ttl', 'nt', 'jsonld', 'rdf'];

describe('serialize', () => {
  for (const format of FORMATS) {
    it(`round-trips every literal kind exactly through ${format}`, async () => {
      const text = await serialize(triples, format);
      const back = await parse(text, format, { base: 'https://elsewhere.example/doc' });
      expect(lines(back)).toEqual(lines(triples));
    });

    it(`round-trips through ${format} with a base IRI`, async () => {
      const text = await serialize(triples, format, { base: 'https://data.example/' });
      const back = await parse(text, format, { base: 'https://elsewhere.example/doc' });
      expect(lines(back)).toEqual(lines(triples));
    });
  }

  it('writes Turtle with only the prefixes it uses', async () => {
    const ttl = await serialize(triples, 'ttl');
    expect(ttl).toContain('@prefix dct: <http://purl.org/dc/terms/>');
    expect(ttl).toContain('@prefix skos: <http://www.w3.org/2004/02/skos/core#>');
    expect(ttl).not.toContain('@prefix prov:');
    expect(ttl).toContain('dct:title "Parkeervergunning"@nl');
  });

  it('declares @base in Turtle when a base is given', async () => {
    const ttl = await serialize(triples, 'ttl', { base: 'https://data.example/' });
    expect(ttl.startsWith('@base <https://data.example/> .\n')).toBe(true);
    expect(ttl).toContain('<id/product/p-1>');
  });

  it('compacts JSON-LD with a local context from PREFIXES', async () => {
    const doc = JSON.parse(await serialize(triples, 'jsonld')) as { '@context': Record<string, string> };
    expect(doc['@context']).toMatchObject({ dct: DCT.iri, skos: SKOS.iri, xsd: XSD.iri });
    expect(JSON.stringify(doc)).toContain('"dct:title"');
  });

  it('never fetches a remote JSON-LD context', async () => {
    const remote = JSON.stringify({ '@context': 'https://schema.org/', '@id': 'https://x.example/a', name: 'x' });
    await expect(parse(remote, 'jsonld')).rejects.toThrow(/Remote JSON-LD contexts are not loaded/);
  });

  it('escapes RDF/XML so that markup in literals stays text', async () => {
    const xml = await serialize(triples, 'rdf');
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).toContain('&#13;'); // a CR survives XML end-of-line normalisation
  });

  it('refuses predicates RDF/XML cannot name, with a not_acceptable error', async () => {
    const bad = [quad(s, namedNode('http://example.org/p/123'), literal('x'))];
    await expect(serialize(bad, 'rdf')).rejects.toBeInstanceOf(NotSerializable);
    await expect(serialize(bad, 'rdf')).rejects.toMatchObject({ code: 'not_acceptable' });
    // the other formats have no such limit
    expect(await serialize(bad, 'ttl')).toContain('<http://example.org/p/123>');
  });

  it('names predicates with non-ASCII local names in RDF/XML', async () => {
    const uni = [quad(s, namedNode('http://example.org/vocab/straße'), literal('1')), quad(s, namedNode('http://example.org/café#naïve-1'), literal('2'))];
    const xml = await serialize(uni, 'rdf');
    expect(xml).toContain(':straße>');
    expect(lines(await parse(xml, 'rdf'))).toEqual(lines(uni));
  });

  it('refuses characters XML 1.0 cannot carry', async () => {
    await expect(serialize([quad(s, DCT.title, literal('bell \u0007'))], 'rdf')).rejects.toBeInstanceOf(NotSerializable);
  });

  it('writes blank nodes where a graph has them', async () => {
    const b = blankNode('b1');
    const withB = [quad(s, ex('address'), b), quad(b, DCT.title, literal('adres'))];
    for (const format of FORMATS) {
      const back = await parse(await serialize(withB, format), format);
      expect(back).toHaveLength(2);
      const [x, y] = sortTriples(back);
      expect(x!.object.termType === 'BlankNode' ? x!.object.equals(y!.subject) : y!.object.equals(x!.subject)).toBe(true);
    }
  });

  it('drops graphs and duplicates, and sorts deterministically', async () => {
    const g = namedNode('https://data.example/graph/a');
    const dup = [quad(s, DCT.title, literal('x'), g), quad(s, DCT.title, literal('x')), quad(s, RDF_.type, SKOS.Concept, g)];
    const sorted = sortTriples(dup);
    expect(sorted).toHaveLength(2);
    expect(sorted[0]!.predicate.equals(RDF_.type)).toBe(true);
    expect(sorted.every((q) => q.graph.termType === 'DefaultGraph')).toBe(true);
    expect(await serialize(dup, 'nt')).toBe(await serialize([...dup].reverse(), 'nt'));
  });
});
