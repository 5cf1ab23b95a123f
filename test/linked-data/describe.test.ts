/** describe(), labelsOf() and pickLabel() over a real embedded store in a temp dir. */
import { afterAll, beforeAll, describe as suite, expect, it } from 'vitest';
import { EmbeddedStore } from '../../src/shared/store/embedded/embedded-store.js';
import { UriPolicy } from '../../src/shared/uri.js';
import { describe, isDescribed, isSkolemIri, labelsOf, pickLabel } from '../../src/shared/rdf/describe.js';
import { blankNode, literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import { DCT, FOAF, RDFS, SKOS } from '../../src/shared/rdf/vocab.js';
import { tempDir } from '../support/tmp.js';
import { lines } from './rdfa-support.js';

const uris = new UriPolicy('https://data.example');
const tmp = tempDir();
let store: EmbeddedStore;

const a = uris.id('thing', 'a');
const b = uris.id('thing', 'b');
const ex = (l: string) => namedNode(`http://example.org/${l}`);

beforeAll(async () => {
  store = await EmbeddedStore.open({ dir: tmp.dir, genidBase: uris.genidBase, locksGraph: uris.locksGraph });
  const g1 = uris.graph('one');
  const g2 = uris.graph('two');
  // a chain of nested blank nodes, skolemised by the store: a -> n1 -> n2 -> n3 (-> a)
  const [n1, n2, n3] = [blankNode('n1'), blankNode('n2'), blankNode('n3')];
  await store.transact({
    insert: [
      quad(a, DCT.title, literal('A'), g1),
      quad(a, DCT.title, literal('A'), g2),
      quad(a, DCT.title, literal('A')),
      quad(a, ex('next'), n1, g1),
      quad(n1, ex('level'), literal('1'), g1),
      quad(n1, ex('next'), n2, g2),
      quad(n2, ex('level'), literal('2'), g2),
      quad(n2, ex('next'), n3, g2),
      quad(n3, ex('level'), literal('3'), g2),
      quad(n3, ex('back'), a, g2),
      quad(a, ex('other'), b, g1),
      quad(b, SKOS.prefLabel, literal('Bee', 'en'), g2),
      quad(b, SKOS.prefLabel, literal('Bij', 'nl'), g2),
      quad(b, RDFS.label, literal('b-label'), g2),
      quad(b, ex('secret'), literal('not part of a'), g2),
    ],
  });
});

afterAll(async () => {
  await store?.close();
  tmp.remove();
});

suite('describe', () => {
  it('returns every triple of the subject once, from all graphs, in the default graph', async () => {
    const d = await describe(store, a);
    expect(d.every((q) => q.graph.termType === 'DefaultGraph')).toBe(true);
    expect(d.filter((q) => q.subject.equals(a) && q.predicate.equals(DCT.title))).toHaveLength(1);
    expect(d).toHaveLength(lines(d).length); // lines() deduplicates: no duplicates in d
  });

  it('follows skolemised nodes, through cycles, but not other resources', async () => {
    const d = await describe(store, a, { genidBase: uris.genidBase });
    const levels = d.filter((q) => q.predicate.equals(ex('level'))).map((q) => q.object.value);
    expect(levels.sort()).toEqual(['1', '2', '3']);
    expect(d.some((q) => q.predicate.equals(ex('secret')))).toBe(false);
    expect(d.every((q) => q.subject.equals(a) || isSkolemIri(q.subject.value, uris.genidBase))).toBe(true);
  });

  it('stops at maxDepth', async () => {
    const d = await describe(store, a, { maxDepth: 1 });
    const levels = d.filter((q) => q.predicate.equals(ex('level'))).map((q) => q.object.value);
    expect(levels).toEqual(['1']);
  });

  it('returns nothing for an unknown resource', async () => {
    expect(await describe(store, uris.id('thing', 'nope'))).toEqual([]);
    expect(await isDescribed(store, uris.id('thing', 'nope'))).toBe(false);
    expect(await isDescribed(store, a)).toBe(true);
  });

  it('recognises skolem IRIs with and without an explicit base', () => {
    expect(isSkolemIri(`${uris.genidBase}x`)).toBe(true);
    expect(isSkolemIri('https://elsewhere.example/.well-known/genid/x')).toBe(true);
    expect(isSkolemIri('https://elsewhere.example/.well-known/genid/x', uris.genidBase)).toBe(false);
  });
});

suite('labels', () => {
  it('prefers skos:prefLabel in Dutch, then other languages, then other predicates', async () => {
    const labels = await labelsOf(store, [b, a, uris.id('thing', 'nope')]);
    expect(labels.get(b.value)?.value).toBe('Bij');
    expect(labels.get(a.value)?.value).toBe('A');
    expect(labels.has(uris.id('thing', 'nope').value)).toBe(false);
  });

  it('pickLabel ranks predicates before languages', () => {
    const s = ex('s');
    const q = (p: typeof DCT.title, l: ReturnType<typeof literal>) => quad(s, p, l);
    expect(pickLabel([q(FOAF.name, literal('naam', 'nl')), q(DCT.title, literal('title', 'en'))], s)?.value).toBe('title');
    expect(pickLabel([q(DCT.title, literal('en', 'en')), q(DCT.title, literal('plain'))], s)?.value).toBe('plain');
    expect(pickLabel([q(DCT.title, literal('be', 'nl-BE')), q(DCT.title, literal('plain'))], s)?.value).toBe('be');
    expect(pickLabel([q(DCT.description, literal('x'))], s)).toBeUndefined();
  });
});
