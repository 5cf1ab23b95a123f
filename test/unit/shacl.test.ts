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
});
