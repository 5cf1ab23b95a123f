import { describe, expect, it } from 'vitest';
import { encodeQuad, encodeTerm, sparql, TermEncodingError } from '../../src/shared/rdf/encode.js';
import { literal, namedNode, quad, variable } from '../../src/shared/rdf/factory.js';
import { XSD } from '../../src/shared/rdf/vocab.js';
import { Parser } from 'sparqljs';

describe('term encoder', () => {
  it('escapes literals so that no input can leave the string', () => {
    const hostile = '"} ; DROP ALL ; INSERT DATA { <a> <b> <c> } #\n\\" \r\t';
    const q = sparql`SELECT * WHERE { ?s ?p ${literal(hostile)} }`;
    const parsed = new Parser().parse(q.text) as { where: { triples: { object: { value: string } }[] }[] };
    expect(parsed.where[0]!.triples[0]!.object.value).toBe(hostile);
  });

  it('refuses IRIs that could break out of <...>', () => {
    for (const bad of ['http://x/> . <y', 'http://x/ y', 'http://x/"', 'relative', 'http://x/{a}', 'http://x/\\u0041']) {
      expect(() => encodeTerm(namedNode(bad))).toThrow(TermEncodingError);
    }
    expect(encodeTerm(namedNode('http://example.org/a%20b#c'))).toBe('<http://example.org/a%20b#c>');
  });

  it('refuses plain strings in the SPARQL template at run time', () => {
    // @ts-expect-error strings are not accepted by the type either
    expect(() => sparql`SELECT * WHERE { ?s ?p ${'x'} }`).toThrow(/wrap it in an RDF term/);
  });

  it('writes typed and language-tagged literals', () => {
    expect(encodeTerm(literal('5', XSD.integer))).toBe('"5"^^<http://www.w3.org/2001/XMLSchema#integer>');
    expect(encodeTerm(literal('hallo', 'nl-BE'))).toBe('"hallo"@nl-be'); // N3 normalises tags to lower case
    expect(() => encodeTerm(literal('x', 'nl BE'))).toThrow(TermEncodingError);
    expect(encodeTerm(variable('s'))).toBe('?s');
    expect(() => encodeTerm(variable('s } DROP ALL'))).toThrow(TermEncodingError);
  });

  it('replaces lone surrogates so the output is valid UTF-8', () => {
    expect(encodeTerm(literal('a\uD800b'))).toBe('"a\uFFFDb"');
  });

  it('writes N-Quads lines', () => {
    expect(encodeQuad(quad(namedNode('http://e/s'), namedNode('http://e/p'), literal('o'), namedNode('http://e/g')))).toBe(
      '<http://e/s> <http://e/p> "o" <http://e/g> .\n',
    );
  });
});
