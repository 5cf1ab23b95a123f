import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShaclValidator } from '../../src/shared/shacl/validator.js';
import { literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import { ORG, RDF_, SKOS } from '../../src/shared/rdf/vocab.js';
import { ROOT } from '../../src/main.js';

const v = ShaclValidator.fromDirectory(path.join(ROOT, 'shapes'));
const org = namedNode('http://test.example/id/organisatie/x');

describe('SHACL validator', () => {
  it('accepts a conforming organisation', async () => {
    const r = await v.validate([quad(org, RDF_.type, ORG.Organization), quad(org, SKOS.prefLabel, literal('Gemeente X', 'nl'))]);
    expect(r).toEqual({ conforms: true, results: [] });
  });

  it('reports focus node, path and message for a violation', async () => {
    const r = await v.validate([quad(org, RDF_.type, ORG.Organization)]);
    expect(r.conforms).toBe(false);
    expect(r.results).toHaveLength(1);
    expect(r.results[0]).toMatchObject({ focusNode: org.value, path: SKOS.prefLabel.value, severity: 'Violation' });
    expect(r.results[0]!.message).toMatch(/naam|name/);
  });

  it('gates on severity: warnings alone conform', async () => {
    const shapes = ShaclValidator.fromTurtle(`
      @prefix sh: <http://www.w3.org/ns/shacl#> .
      <http://test.example/S> a sh:NodeShape ; sh:targetClass <http://www.w3.org/ns/org#Organization> ;
        sh:property [ sh:path <http://purl.org/dc/terms/identifier> ; sh:minCount 1 ; sh:severity sh:Warning ] .`);
    const r = await shapes.validate([quad(org, RDF_.type, ORG.Organization)]);
    expect(r.conforms).toBe(true);
    expect(r.results.map((x) => x.severity)).toEqual(['Warning']);
  });

  it('accepts characters above U+FFFF in xsd:string, counts them as one character, and still refuses a lone surrogate', async () => {
    const shapes = ShaclValidator.fromTurtle(`
      @prefix sh: <http://www.w3.org/ns/shacl#> .
      @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
      <http://test.example/S> a sh:NodeShape ; sh:targetClass <http://www.w3.org/ns/org#Organization> ;
        sh:property [ sh:path <http://purl.org/dc/terms/title> ; sh:datatype xsd:string ; sh:maxLength 3 ] .`);
    const title = namedNode('http://purl.org/dc/terms/title');
    const check = (text: string) => shapes.validate([quad(org, RDF_.type, ORG.Organization), quad(org, title, literal(text))]);
    expect(await check('a😀𝄞')).toEqual({ conforms: true, results: [] });
    const tooLong = await check('ab😀😀');
    expect(tooLong.conforms).toBe(false);
    expect(tooLong.results[0]!.value).toBe('ab😀😀');
    expect((await check('a\udc00')).conforms).toBe(false);
  });
});
