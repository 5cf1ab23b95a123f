/**
 * The line filter that keeps system graphs out of the public replicas, checked against Oxigraph's
 * own N-Quads parser on lines written by our encoder and by Oxigraph (snapshots), tricky literals
 * included; and the refusal of extension functions (Virtuoso runs them as SQL).
 */
import oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { encodeQuad } from '../../src/shared/rdf/encode.js';
import { blankNode, literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import { graphOfLine, opsWithoutGraphs, withoutGraphs, type Op } from '../../src/shared/store/embedded/ops.js';
import { UriPolicy } from '../../src/shared/uri.js';
import { planQuery } from '../../src/sparql/plan.js';
import { TEST_BASE } from '../support/tmp.js';

const uris = new UriPolicy(TEST_BASE);
const isPrivate = (g: string) => uris.isSystemGraph(g);
const AUDIT = uris.auditGraph;
const PUBLIC = uris.graph('public');
const s = namedNode(`${TEST_BASE}/id/s`);
const p = namedNode('http://test.example/ns#p');
const dt = namedNode('http://test.example/ns#dt');

/** Objects that try to look like a trailing graph IRI. */
const OBJECTS = [
  namedNode(AUDIT.value),
  namedNode(`${AUDIT.value}/x`),
  literal(`x <${AUDIT.value}> .`),
  literal(`x <${AUDIT.value}/y`, dt),
  literal(`a "quoted" <${AUDIT.value}>`, 'nl'),
  literal('line\nbreak <a> .', dt),
  literal(''),
  blankNode('b1'),
];
const GRAPHS = [undefined, AUDIT, namedNode(`${uris.locksGraph.value}/job`), uris.identityGraph, uris.versionsGraph, PUBLIC, namedNode(`${AUDIT.value}x`)];

const cases = OBJECTS.flatMap((o) => GRAPHS.map((g) => (g ? quad(s, p, o, g) : quad(s, p, o))));

describe('graphOfLine', () => {
  it('finds exactly the graph Oxigraph parses, for lines from our encoder', () => {
    for (const q of cases) {
      const line = encodeQuad(q);
      const parsed = oxigraph.parse(line, { format: 'application/n-quads' })[0]!;
      const want = parsed.graph.termType === 'NamedNode' ? parsed.graph.value : undefined;
      expect(graphOfLine(line), line).toBe(want);
    }
  });

  it('finds exactly the graph in lines Oxigraph writes (snapshots)', () => {
    const store = new oxigraph.Store();
    for (const q of cases) store.add(oxigraph.parse(encodeQuad(q), { format: 'application/n-quads' })[0]!);
    const text = store.dump({ format: 'application/n-quads' });
    for (const line of text.split('\n').filter(Boolean)) {
      const parsed = oxigraph.parse(line, { format: 'application/n-quads' })[0]!;
      expect(graphOfLine(line), line).toBe(parsed.graph.termType === 'NamedNode' ? parsed.graph.value : undefined);
    }
  });

  it('cuts system graphs out of payload ops and keeps everything else', () => {
    const text = cases.map(encodeQuad).join('');
    const kept = oxigraph.parse(withoutGraphs(text, isPrivate), { format: 'application/n-quads' });
    const want = cases.filter((q) => q.graph.termType !== 'NamedNode' || !isPrivate(q.graph.value));
    expect(kept).toHaveLength(want.length);
    const ops: Op[] = [['c', AUDIT.value], ['c', PUBLIC.value], ['i', encodeQuad(quad(s, p, literal('x'), AUDIT))], ['l', text], ['d', text]];
    const out = opsWithoutGraphs(ops, isPrivate);
    expect(out.map((o) => o[0])).toEqual(['c', 'l', 'd']);
    expect(out[0]).toEqual(['c', PUBLIC.value]);
  });
});

describe('extension functions are refused (Virtuoso would run them as SQL)', () => {
  const plan = (q: string) => planQuery(q, { maxRows: 100, baseIri: `${TEST_BASE}/sparql` });
  it.each([
    ['bif:exec', `PREFIX bif: <bif:> SELECT (bif:exec("select 1") AS ?x) WHERE {}`],
    ['<bif:EXEC> without a prefix', `SELECT (<bif:EXEC>("select 1") AS ?x) WHERE {}`],
    ['a stored procedure by name', `SELECT ?x WHERE { BIND(<DB.DBA.SOME_PROC>(1) AS ?x) }`],
    ['an unknown function in a FILTER', `SELECT ?s WHERE { ?s ?p ?o FILTER(<http://example.org/f>(?o)) }`],
    ['a custom aggregate', `SELECT (<http://example.org/agg>(DISTINCT ?o) AS ?x) WHERE { ?s ?p ?o }`],
    ['bif: as a predicate', `SELECT ?s WHERE { ?s <bif:contains> "x" }`],
  ])('%s', (_name, q) => {
    expect(() => plan(q)).toThrow(/not supported|not allowed/);
  });

  it('still allows XSD casts and XPath functions', () => {
    expect(() => plan('PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT (xsd:integer("1") AS ?x) WHERE {}')).not.toThrow();
    expect(() => plan('PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT (fn:concat("a", "b") AS ?x) WHERE {}')).not.toThrow();
  });
});
