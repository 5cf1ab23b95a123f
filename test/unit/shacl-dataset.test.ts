import path from 'node:path';
import N3 from 'n3';
import type * as RDF from '@rdfjs/types';
import { Validator } from 'shacl-engine';
import { describe, expect, it } from 'vitest';
import { ValidationDataset } from '../../src/shared/shacl/dataset.js';
import { ShaclValidator } from '../../src/shared/shacl/validator.js';
import { df, literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import { DCT, RDF_, STELSEL, XSD } from '../../src/shared/rdf/vocab.js';
import { ROOT } from '../../src/main.js';

const p = (n: number) => namedNode(`http://test.example/id/product/x/P${n}`);

/** Products in their stored shape, each broken in a different way (or not at all). */
function products(): RDF.Quad[] {
  const out: RDF.Quad[] = [];
  for (let n = 0; n < 12; n++) {
    const s = p(n);
    const add = (pred: RDF.NamedNode, o: RDF.Quad_Object) => out.push(quad(s, pred, o));
    add(RDF_.type, STELSEL.Product);
    if (n % 4 !== 1) add(DCT.identifier, literal(`https://x.example/p${n}`));
    add(DCT.title, literal(`Product ${n}`));
    if (n % 3 === 2) add(DCT.title, literal(`Tweede titel ${n}`));
    add(DCT.modified, literal(n % 5 === 3 ? 'gisteren' : '2025-01-02', n % 5 === 3 ? undefined : XSD.date));
    add(DCT.audience, literal(n % 6 === 4 ? 'iedereen' : 'particulier'));
    add(DCT.type, literal('productbeschrijving'));
    add(STELSEL.sourceXml, literal(`<scproduct>${'x'.repeat(5000)}</scproduct>`));
    if (n % 2 === 0) add(DCT.spatial, n % 8 === 0 ? literal('Amsterdam') : namedNode('http://standaarden.overheid.nl/owms/terms/Amsterdam'));
  }
  out.push(out[3]!, out[7]!); // duplicates are one quad
  return out;
}

describe('SHACL data graph (ValidationDataset)', () => {
  it('gives shacl-engine exactly the results an N3 store gives', async () => {
    const shapes = ShaclValidator.fromDirectory(path.join(ROOT, 'shapes')).shapes;
    const engine = new Validator(shapes, { factory: df });
    const data = products();
    const n3 = new N3.Store();
    for (const q of data) n3.addQuad(q.subject, q.predicate, q.object);
    const ours = new ValidationDataset(data);
    expect(ours.size).toBe(n3.size);
    const summary = async (dataset: RDF.DatasetCore) => {
      const report = (await engine.validate({ dataset })) as { results: { focusNode?: { term: { value: string } }; path?: { predicates: { value: string }[] }[]; value?: { term: { value: string } }; constraintComponent?: { value: string } }[] };
      return report.results
        .map((r) => JSON.stringify([r.focusNode?.term.value, r.path?.flatMap((s) => s.predicates.map((x) => x.value)), r.value?.term.value, r.constraintComponent?.value]))
        .sort();
    };
    const expected = await summary(n3);
    expect(expected.length).toBeGreaterThan(5);
    expect(await summary(ours)).toEqual(expected);
  });

  it('answers match() by subject, predicate and object, and drops duplicates', () => {
    const d = new ValidationDataset(products());
    expect(d.match(p(0)).size).toBe([...d].filter((q) => q.subject.equals(p(0))).length);
    expect(d.match(p(2), DCT.title).size).toBe(2);
    expect(d.match(null, RDF_.type, STELSEL.Product).size).toBe(12);
    expect(d.match(null, null, literal('iedereen')).size).toBe(2);
    expect(d.match(p(99)).size).toBe(0);
    expect(d.has(quad(p(0), DCT.type, literal('productbeschrijving')))).toBe(true);
    const before = d.size;
    d.add(quad(p(0), DCT.type, literal('productbeschrijving')));
    expect(d.size).toBe(before);
    d.delete(quad(p(0), DCT.type, literal('productbeschrijving')));
    expect(d.size).toBe(before - 1);
    expect(d.match(p(0), DCT.type).size).toBe(0);
  });

});
