/**
 * THE TripleStore contract. Every adapter runs this suite (test/store/*.test.ts); callers may rely
 * on exactly what it asserts and nothing more.
 *
 * Every test writes its own fresh graphs (random UUIDs), so the suite also runs against a shared
 * server. count() is compared before/after, never against an absolute number.
 *
 * Canonical forms we guarantee: a literal written in canonical lexical form (XSD 1.1) comes back
 * with exactly the same value, datatype and language; language tags are lower case (the RDF/JS
 * factory lower-cases them on creation); a non-canonical lexical form ("0042"^^xsd:integer,
 * "1"^^xsd:boolean) may come back canonicalised, with the same datatype and the same value.
 */
import { randomUUID } from 'node:crypto';
import type * as RDF from '@rdfjs/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sparql } from '../../src/shared/rdf/encode.js';
import { blankNode, literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import { RDF_, XSD } from '../../src/shared/rdf/vocab.js';
import { PreconditionFailed, type TripleStore } from '../../src/shared/store/port.js';
import { UriPolicy } from '../../src/shared/uri.js';

/** Adapters under contract are built with this policy's genidBase and locksGraph. */
export const CONTRACT_URIS = new UriPolicy('https://contract.stelsel.test');

export interface ContractSubject {
  store: TripleStore;
  cleanup(): Promise<void>;
  /** The genidBase the store was built with; defaults to CONTRACT_URIS.genidBase. */
  genidBase?: string;
}

const EX = 'https://example.org/contract/';
const ex = (local: string): RDF.NamedNode => namedNode(EX + local);

function termKey(t: RDF.Term): string {
  if (t.termType === 'Literal') return `Literal ${JSON.stringify(t.value)} ^^${t.datatype.value} @${t.language}`;
  return `${t.termType} ${t.value}`;
}

function tripleKeys(triples: Iterable<{ subject: RDF.Term; predicate: RDF.Term; object: RDF.Term }>): string[] {
  return [...triples].map((t) => `${termKey(t.subject)} | ${termKey(t.predicate)} | ${termKey(t.object)}`).sort();
}

function literalShape(t: RDF.Term | undefined): { termType?: string; value?: string; datatype?: string; language?: string } {
  if (!t) return {};
  if (t.termType !== 'Literal') return { termType: t.termType, value: t.value };
  return { termType: t.termType, value: t.value, datatype: t.datatype.value, language: t.language };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function storeContract(name: string, make: () => Promise<ContractSubject>): void {
  describe(`TripleStore contract: ${name}`, () => {
    let subject: ContractSubject | undefined;
    const store = (): TripleStore => {
      if (!subject) throw new Error('store not created');
      return subject.store;
    };
    const genidBase = (): string => subject?.genidBase ?? CONTRACT_URIS.genidBase;
    const freshGraph = (): RDF.NamedNode => CONTRACT_URIS.graph('contract', randomUUID());

    const triplesOf = async (g: RDF.NamedNode) =>
      (await store().select(sparql`SELECT ?s ?p ?o WHERE { GRAPH ${g} { ?s ?p ?o } }`)).map((b) => {
        if (!b.s || !b.p || !b.o) throw new Error(`incomplete row ${JSON.stringify(b)}`);
        return { subject: b.s, predicate: b.p, object: b.o };
      });
    const graphCount = async (g: RDF.NamedNode): Promise<number> => {
      const rows = await store().select(sparql`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ${g} { ?s ?p ?o } }`);
      return Number(rows[0]?.n?.value);
    };

    beforeAll(async () => {
      subject = await make();
    });
    afterAll(async () => {
      await subject?.cleanup();
    });

    describe('terms round-trip exactly', () => {
      const LITERALS: Record<string, RDF.Literal> = {
        plain: literal('He said "hi"\nsecond line\\ back\\slash\ttab\r\ncrlf — ünïcödé 日本語 😀 𝄞 end'),
        empty: literal(''),
        long: literal('lorem ipsum '.repeat(1000) + '😀'),
        langNl: literal('hallo wereld', 'nl'),
        langRegion: literal('hallo', 'nl-be'),
        integer: literal('42', XSD.integer),
        negativeInteger: literal('-7', XSD.integer),
        bigInteger: literal('123456789012345678', XSD.integer),
        booleanTrue: literal('true', XSD.boolean),
        booleanFalse: literal('false', XSD.boolean),
        date: literal('2024-02-29', XSD.date),
        dateTimeMillisZ: literal('2024-02-29T13:45:12.345Z', XSD.dateTime),
        dateTimeOffset: literal('2024-02-29T13:45:12+02:00', XSD.dateTime),
        decimal: literal('3.14', XSD.decimal),
        negativeDecimal: literal('-0.5', XSD.decimal),
        custom: literal('abc {"json": true}', namedNode('https://example.org/datatypes#custom')),
      };

      it('stores every literal kind and returns value, datatype and language unchanged (SELECT and CONSTRUCT)', async () => {
        const g = freshGraph();
        const s = ex('literals');
        const quads = Object.entries(LITERALS).map(([k, lit]) => quad(s, ex(k), lit, g));
        await store().transact({ insert: quads });

        const rows = await store().select(sparql`SELECT ?p ?o WHERE { GRAPH ${g} { ${s} ?p ?o } }`);
        const byPredicate = new Map(rows.map((r) => [r.p?.value, r.o]));
        const constructed = await store().construct(sparql`CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ${g} { ?s ?p ?o } }`);
        const byPredicateC = new Map(constructed.map((q) => [q.predicate.value, q.object]));
        for (const [k, lit] of Object.entries(LITERALS)) {
          expect(literalShape(byPredicate.get(EX + k)), `SELECT ${k}`).toEqual(literalShape(lit));
          expect(literalShape(byPredicateC.get(EX + k)), `CONSTRUCT ${k}`).toEqual(literalShape(lit));
        }
        expect(rows).toHaveLength(quads.length);
      });

      it('finds a literal by its exact value in a query', async () => {
        const g = freshGraph();
        const s = ex('lookup');
        await store().transact({ insert: Object.entries(LITERALS).map(([k, lit]) => quad(s, ex(k), lit, g)) });
        for (const [k, lit] of Object.entries(LITERALS)) {
          expect(await store().ask(sparql`ASK { GRAPH ${g} { ${s} ${ex(k)} ${lit} } }`), k).toBe(true);
        }
      });

      it('returns non-canonical numeric and boolean forms with the same datatype and value (possibly canonicalised)', async () => {
        const g = freshGraph();
        const s = ex('noncanonical');
        const cases: [string, RDF.Literal, (v: string) => unknown][] = [
          ['int', literal('0042', XSD.integer), (v) => Number(v)],
          ['dec', literal('3.140', XSD.decimal), (v) => Number(v)],
          ['one', literal('1', XSD.boolean), (v) => (v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : v)],
          ['zero', literal('0', XSD.boolean), (v) => (v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : v)],
        ];
        await store().transact({ insert: cases.map(([k, lit]) => quad(s, ex(k), lit, g)) });
        const rows = await store().select(sparql`SELECT ?p ?o WHERE { GRAPH ${g} { ${s} ?p ?o } }`);
        const byPredicate = new Map(rows.map((r) => [r.p?.value, r.o]));
        for (const [k, lit, value] of cases) {
          const got = byPredicate.get(EX + k);
          expect(got?.termType, k).toBe('Literal');
          expect((got as RDF.Literal).datatype.value, k).toBe(lit.datatype.value);
          expect(value(got?.value ?? ''), k).toEqual(value(lit.value));
        }
      });

      it('keeps IRIs with unicode and percent-encoding exactly as written', async () => {
        const g = freshGraph();
        const iris = [
          namedNode('https://example.org/ünïcödé/%20space%2Fslash?q=a%26b&r=ü#frag'),
          namedNode('https://example.org/日本/%C3%A9/😀'),
          namedNode('urn:uuid:' + randomUUID()),
          namedNode("https://example.org/it's(fine)!*~"),
        ];
        const pred = namedNode('https://example.org/prédicat/%41');
        const quads = iris.map((iri, i) => quad(iri, pred, iris[(i + 1) % iris.length] as RDF.NamedNode, g));
        await store().transact({ insert: quads });
        expect(tripleKeys(await triplesOf(g))).toEqual(tripleKeys(quads));
        expect(await store().ask(sparql`ASK { GRAPH ${g} { ${iris[0] as RDF.NamedNode} ${pred} ${iris[1] as RDF.NamedNode} } }`)).toBe(true);
      });

      it('stores hostile strings as plain data and leaves the store intact', async () => {
        const sentinelGraph = freshGraph();
        const sentinel = quad(ex('sentinel'), ex('is'), literal('still here'), sentinelGraph);
        await store().transact({ insert: [sentinel] });
        const before = await store().count();

        const g = freshGraph();
        const hostile = [
          '"} ; DROP ALL ; #',
          '" } } ; CLEAR ALL ; INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> "c" } } #',
          '>',
          '<http://evil.example/>',
          "'''",
          '"""',
          '\\',
          '\\"',
          '\\u0022',
          '?s ?p ?o . } #',
          '$x',
          '\u0001\u0007\u0008\u000b\u000c\u001b\u001f\u007f',
          'line\u2028separator\u2029paragraph',
          '@prefix x: <http://evil/> .',
          '^^<http://www.w3.org/2001/XMLSchema#integer>',
          '@en',
        ];
        const quads = hostile.map((text, i) => quad(ex(`hostile/${i}`), ex('text'), literal(text), g));
        // Also as language-tagged string and typed literal.
        quads.push(quad(ex('hostile/lang'), ex('text'), literal(hostile[0] ?? '', 'en'), g));
        quads.push(quad(ex('hostile/typed'), ex('text'), literal(hostile[1] ?? '', namedNode('https://example.org/datatypes#raw')), g));
        await store().transact({ insert: quads });

        expect(tripleKeys(await triplesOf(g))).toEqual(tripleKeys(quads));
        for (const q of quads) {
          expect(await store().ask(sparql`ASK { GRAPH ${g} { ${q.subject} ${q.predicate} ${q.object} } }`), q.object.value).toBe(true);
        }
        expect(await store().count()).toBe(before + quads.length);
        expect(await store().ask(sparql`ASK { GRAPH ${sentinelGraph} { ${sentinel.subject} ${sentinel.predicate} ${sentinel.object} } }`)).toBe(true);
      });

      it('binds only the variables that matched (unbound ones are absent)', async () => {
        const g = freshGraph();
        await store().transact({ insert: [quad(ex('a'), ex('p'), literal('x'), g)] });
        const rows = await store().select(sparql`SELECT ?s ?missing WHERE { GRAPH ${g} { ?s ${ex('p')} ?o OPTIONAL { ?s ${ex('nope')} ?missing } } }`);
        expect(rows).toHaveLength(1);
        expect(rows[0]?.s?.value).toBe(EX + 'a');
        expect(rows[0] && 'missing' in rows[0]).toBe(false);
      });

      it('accepts a query as a plain string too', async () => {
        const g = freshGraph();
        await store().transact({ insert: [quad(ex('a'), ex('p'), literal('x'), g)] });
        const rows = await store().select(`SELECT ?o WHERE { GRAPH <${g.value}> { ?s ?p ?o } }`);
        expect(rows.map((r) => r.o?.value)).toEqual(['x']);
      });
    });

    describe('transactions', () => {
      it('replaceGraphs replaces that graph and nothing else', async () => {
        const [g1, g2] = [freshGraph(), freshGraph()];
        await store().transact({
          insert: [quad(ex('a'), ex('p'), literal('1'), g1), quad(ex('b'), ex('p'), literal('2'), g1), quad(ex('c'), ex('p'), literal('3'), g2)],
        });
        // The quads' own graph terms are ignored: the replacement graph wins.
        const replacement = [quad(ex('d'), ex('p'), literal('4'), g2), quad(ex('e'), ex('p'), literal('5'))];
        await store().transact({ replaceGraphs: [{ graph: g1, quads: replacement }] });
        expect(tripleKeys(await triplesOf(g1))).toEqual(tripleKeys(replacement));
        expect(tripleKeys(await triplesOf(g2))).toEqual(tripleKeys([quad(ex('c'), ex('p'), literal('3'))]));

        await store().transact({ replaceGraphs: [{ graph: g1, quads: [] }] });
        expect(await triplesOf(g1)).toEqual([]);
        expect(await graphCount(g2)).toBe(1);
      });

      it('applies replacements, then deletions, then insertions in one transaction', async () => {
        const [g1, g2] = [freshGraph(), freshGraph()];
        const a = quad(ex('a'), ex('p'), literal('a'), g2);
        const b = quad(ex('b'), ex('p'), literal('b'), g2);
        await store().transact({ insert: [a, b, quad(ex('old'), ex('p'), literal('old'), g1)] });
        const x = quad(ex('x'), ex('p'), literal('x'), g1);
        const y = quad(ex('y'), ex('p'), literal('y'), g1);
        const c = quad(ex('c'), ex('p'), literal('c'), g2);
        await store().transact({ replaceGraphs: [{ graph: g1, quads: [x, y] }], delete: [a, y], insert: [c] });
        expect(tripleKeys(await triplesOf(g1))).toEqual(tripleKeys([x]));
        expect(tripleKeys(await triplesOf(g2))).toEqual(tripleKeys([b, c]));
      });

      it('stores, replaces and deletes ISO 8601 durations (Virtuoso compiles them only with inlined constants)', async () => {
        const g = freshGraph();
        const d = (k: string, v: string, dt: RDF.NamedNode) => quad(ex('serie'), ex(k), literal(v, dt), g);
        // Year-month durations (retention periods). Day-time durations come back in each server's canonical
        // form (Oxigraph P1DT12H, Virtuoso PT129600S) and are not used by the registers.
        const kept = [d('a', 'P10Y', XSD.duration), d('b', 'P1Y6M', XSD.yearMonthDuration), d('c', 'P1Y', XSD.duration)];
        const gone = d('d', 'P5Y', XSD.duration);
        await store().transact({ replaceGraphs: [{ graph: g, quads: [...kept, gone, quad(ex('serie'), ex('name'), literal('x'), g)] }] });
        await store().transact({ delete: [gone], insert: [d('e', 'P30Y', XSD.duration)] });
        const rows = await store().select(sparql`SELECT ?p ?o WHERE { GRAPH ${g} { ${ex('serie')} ?p ?o } }`);
        const found = new Map(rows.map((r) => [r.p!.value.slice(EX.length), literalShape(r.o)]));
        expect([...found.keys()].sort()).toEqual(['a', 'b', 'c', 'e', 'name']);
        for (const q of [...kept, d('e', 'P30Y', XSD.duration)]) expect(found.get(q.predicate.value.slice(EX.length))).toEqual(literalShape(q.object));
      });

      it('deleting a quad that is not there is a no-op; inserting one twice stores it once', async () => {
        const g = freshGraph();
        const a = quad(ex('a'), ex('p'), literal('a'), g);
        await store().transact({ insert: [a] });
        const before = await store().count();
        await store().transact({ insert: [a], delete: [quad(ex('zz'), ex('p'), literal('zz'), g)] });
        expect(await store().count()).toBe(before);
        expect(await graphCount(g)).toBe(1);
      });

      it('is all-or-nothing: one invalid term refuses the whole transaction, in every graph', async () => {
        const [g1, g2, g3] = [freshGraph(), freshGraph(), freshGraph()];
        const kept = quad(ex('kept'), ex('p'), literal('original'), g1);
        const other = quad(ex('other'), ex('p'), literal('other'), g3);
        await store().transact({ insert: [kept, other] });
        const before = await store().count();

        const invalid = [
          quad(namedNode('https://example.org/has space'), ex('p'), literal('x'), g2),
          quad(ex('s'), ex('p'), namedNode('https://example.org/a>b'), g2),
          quad(ex('s'), ex('p'), literal('x', namedNode('not an iri')), g2),
        ];
        for (const bad of invalid) {
          await expect(
            store().transact({
              replaceGraphs: [{ graph: g1, quads: [quad(ex('new'), ex('p'), literal('replacement'))] }],
              delete: [other],
              insert: [quad(ex('fine'), ex('p'), literal('fine'), g2), bad],
            }),
          ).rejects.toThrow();
        }
        expect(tripleKeys(await triplesOf(g1))).toEqual(tripleKeys([kept]));
        expect(await graphCount(g2)).toBe(0);
        expect(tripleKeys(await triplesOf(g3))).toEqual(tripleKeys([other]));
        expect(await store().count()).toBe(before);
      });

      it('skolemises blank nodes to IRIs under genidBase, keeping shared labels linked', async () => {
        const g = freshGraph();
        const b1 = blankNode('b1');
        const b2 = blankNode('b2');
        await store().transact({
          insert: [quad(ex('doc'), ex('author'), b1, g), quad(b1, ex('name'), literal('Ada'), g), quad(b2, ex('name'), literal('Bob'), g)],
        });
        const rows = await store().select(
          sparql`SELECT ?a ?b WHERE { GRAPH ${g} { ${ex('doc')} ${ex('author')} ?a . ?a ${ex('name')} "Ada" . ?b ${ex('name')} "Bob" } }`,
        );
        expect(rows).toHaveLength(1);
        const [a, b] = [rows[0]?.a, rows[0]?.b];
        expect(a?.termType).toBe('NamedNode');
        expect(b?.termType).toBe('NamedNode');
        expect(a?.value.startsWith(genidBase())).toBe(true);
        expect(b?.value.startsWith(genidBase())).toBe(true);
        expect(a?.value).not.toBe(b?.value);
        expect(await store().ask(sparql`ASK { GRAPH ${g} { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) } }`)).toBe(false);

        // The same label in another transaction is another node.
        await store().transact({ insert: [quad(b1, ex('name'), literal('Cy'), g)] });
        const cy = await store().select(sparql`SELECT ?c WHERE { GRAPH ${g} { ?c ${ex('name')} "Cy" } }`);
        expect(cy[0]?.c?.value.startsWith(genidBase())).toBe(true);
        expect(cy[0]?.c?.value).not.toBe(a?.value);

        // In a graph replacement too.
        const g2 = freshGraph();
        await store().transact({ replaceGraphs: [{ graph: g2, quads: [quad(ex('x'), ex('p'), b2), quad(b2, ex('q'), literal('v'))] }] });
        const linked = await store().select(sparql`SELECT ?n WHERE { GRAPH ${g2} { ${ex('x')} ${ex('p')} ?n . ?n ${ex('q')} "v" } }`);
        expect(linked).toHaveLength(1);
        expect(linked[0]?.n?.value.startsWith(genidBase())).toBe(true);
      });

      it('refuses to delete a blank node, and changes nothing', async () => {
        const g = freshGraph();
        await store().transact({ insert: [quad(ex('a'), ex('p'), literal('a'), g)] });
        const before = await store().count();
        await expect(
          store().transact({ delete: [quad(blankNode('x'), ex('p'), literal('a'), g)], insert: [quad(ex('b'), ex('p'), literal('b'), g)] }),
        ).rejects.toThrow();
        expect(await store().count()).toBe(before);
        expect(await graphCount(g)).toBe(1);
      });

      it('checks a precondition just before writing', async () => {
        const g = freshGraph();
        const a = quad(ex('a'), ex('version'), literal('1', XSD.integer), g);
        await store().transact({ insert: [a] });
        const isV1 = sparql`ASK { GRAPH ${g} { ${ex('a')} ${ex('version')} 1 } }`;

        const b = quad(ex('b'), ex('p'), literal('b'), g);
        await store().transact({ insert: [b], precondition: { ask: isV1, expect: true } });
        expect(await graphCount(g)).toBe(2);

        const c = quad(ex('c'), ex('p'), literal('c'), g);
        const refused = store().transact({
          replaceGraphs: [{ graph: g, quads: [c] }],
          precondition: { ask: isV1, expect: false, message: 'version changed' },
        });
        await expect(refused).rejects.toBeInstanceOf(PreconditionFailed);
        await expect(refused).rejects.toThrow('version changed');
        expect(tripleKeys(await triplesOf(g))).toEqual(tripleKeys([a, b]));

        // A precondition as a plain string query works too.
        await expect(
          store().transact({ insert: [c], precondition: { ask: `ASK { GRAPH <${g.value}> { ?s ?p "nope" } }`, expect: true } }),
        ).rejects.toBeInstanceOf(PreconditionFailed);
        expect(await graphCount(g)).toBe(2);
      });

      it('serialises preconditions: of concurrent compare-and-set writes exactly one wins', async () => {
        const g = freshGraph();
        await store().transact({ insert: [quad(ex('counter'), ex('value'), literal('0', XSD.integer), g)] });
        const attempts = Array.from({ length: 5 }, (_, i) =>
          store().transact({
            replaceGraphs: [{ graph: g, quads: [quad(ex('counter'), ex('value'), literal(String(i + 1), XSD.integer))] }],
            precondition: { ask: sparql`ASK { GRAPH ${g} { ${ex('counter')} ${ex('value')} 0 } }`, expect: true },
          }),
        );
        const results = await Promise.allSettled(attempts);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(PreconditionFailed);
        expect(await graphCount(g)).toBe(1);
      });

      it('lands every one of many concurrent transactions', async () => {
        const g = freshGraph();
        const before = await store().count();
        const own = Array.from({ length: 10 }, () => freshGraph());
        await Promise.all([
          ...Array.from({ length: 20 }, (_, i) => store().transact({ insert: [quad(ex(`n${i}`), ex('p'), literal(String(i)), g)] })),
          ...own.map((graph, i) => store().transact({ replaceGraphs: [{ graph, quads: [quad(ex('own'), ex('i'), literal(String(i))), quad(ex('own'), ex('j'), literal('j'))] }] })),
        ]);
        expect(await graphCount(g)).toBe(20);
        for (const graph of own) expect(await graphCount(graph)).toBe(2);
        expect(await store().count()).toBe(before + 20 + 2 * own.length);
      });

      it('lands a large graph replacement (30 000 quads) completely, and replaces it again', { timeout: 180_000 }, async () => {
        const g = freshGraph();
        const before = await store().count();
        const n = 30_000;
        const quads = Array.from({ length: n }, (_, i) =>
          quad(ex(`item/${i}`), i % 3 === 0 ? RDF_.type : ex('label'), i % 3 === 0 ? ex('Item') : literal(`item "${i}" ✓`, i % 2 ? 'nl' : ''), g),
        );
        await store().transact({ replaceGraphs: [{ graph: g, quads }] });
        expect(await graphCount(g)).toBe(n);
        expect(await store().count()).toBe(before + n);
        expect(await store().ask(sparql`ASK { GRAPH ${g} { ${ex(`item/${n - 1}`)} ${ex('label')} ${literal(`item "${n - 1}" ✓`, 'nl')} } }`)).toBe(true);

        const small = [quad(ex('only'), ex('p'), literal('one'), g)];
        await store().transact({ replaceGraphs: [{ graph: g, quads: small }] });
        expect(tripleKeys(await triplesOf(g))).toEqual(tripleKeys(small));
        expect(await store().count()).toBe(before + 1);
      });
    });

    describe('queries', () => {
      it('CONSTRUCT of a graph returns exactly its triples', async () => {
        const [g, other] = [freshGraph(), freshGraph()];
        const quads = [
          quad(ex('s1'), ex('p'), literal('one'), g),
          quad(ex('s1'), ex('p'), literal('één', 'nl'), g),
          quad(ex('s1'), ex('q'), ex('s2'), g),
          quad(ex('s2'), ex('r'), literal('2', XSD.integer), g),
          quad(ex('s2'), ex('r'), literal('true', XSD.boolean), g),
        ];
        await store().transact({ insert: [...quads, quad(ex('s1'), ex('p'), literal('elsewhere'), other)] });
        const result = await store().construct(sparql`CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ${g} { ?s ?p ?o } }`);
        expect(tripleKeys(result)).toEqual(tripleKeys(quads));
        expect(await store().construct(sparql`CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ${freshGraph()} { ?s ?p ?o } }`)).toEqual([]);
      });

      it('ASK answers true and false', async () => {
        const g = freshGraph();
        await store().transact({ insert: [quad(ex('a'), ex('p'), literal('x'), g)] });
        expect(await store().ask(sparql`ASK { GRAPH ${g} { ${ex('a')} ${ex('p')} "x" } }`)).toBe(true);
        expect(await store().ask(sparql`ASK { GRAPH ${g} { ${ex('a')} ${ex('p')} "y" } }`)).toBe(false);
        expect(await store().ask(sparql`ASK { GRAPH ${freshGraph()} { ?s ?p ?o } }`)).toBe(false);
      });

      it('count() grows by exactly the number of quads inserted and shrinks by those deleted', async () => {
        const [g1, g2] = [freshGraph(), freshGraph()];
        const before = await store().count();
        const quads = [
          ...Array.from({ length: 4 }, (_, i) => quad(ex(`c${i}`), ex('p'), literal(String(i)), g1)),
          ...Array.from({ length: 3 }, (_, i) => quad(ex(`c${i}`), ex('p'), literal(String(i)), g2)),
        ];
        await store().transact({ insert: quads });
        expect(await store().count()).toBe(before + 7);
        await store().transact({ delete: quads.slice(0, 2) });
        expect(await store().count()).toBe(before + 5);
      });
    });

    describe('locks', () => {
      it('gives a lease to one owner: the same owner re-acquires, another is refused until release', async () => {
        const lock = `job-${randomUUID()}`;
        expect(await store().acquireLock(lock, 'instance-a', 60_000)).toBe(true);
        expect(await store().acquireLock(lock, 'instance-a', 60_000)).toBe(true);
        expect(await store().acquireLock(lock, 'instance-b', 60_000)).toBe(false);
        await store().releaseLock(lock, 'instance-b'); // not the owner: no effect
        expect(await store().acquireLock(lock, 'instance-b', 60_000)).toBe(false);
        await store().releaseLock(lock, 'instance-a');
        expect(await store().acquireLock(lock, 'instance-b', 60_000)).toBe(true);
        expect(await store().acquireLock(lock, 'instance-a', 60_000)).toBe(false);
        // Locks are independent by name; owners and names are data, never query text.
        expect(await store().acquireLock(`${lock}" } ; DROP ALL ; #`, 'instance-a"> ;', 60_000)).toBe(true);
        await store().releaseLock(lock, 'instance-b');
      });

      it('lets a lease expire after its ttl', async () => {
        const lock = `job-${randomUUID()}`;
        expect(await store().acquireLock(lock, 'instance-a', 400)).toBe(true);
        expect(await store().acquireLock(lock, 'instance-b', 60_000)).toBe(false);
        await sleep(800);
        expect(await store().acquireLock(lock, 'instance-b', 60_000)).toBe(true);
        expect(await store().acquireLock(lock, 'instance-a', 60_000)).toBe(false);
      });

      it('renewing extends the lease', async () => {
        const lock = `job-${randomUUID()}`;
        expect(await store().acquireLock(lock, 'instance-a', 500)).toBe(true);
        await sleep(250);
        expect(await store().acquireLock(lock, 'instance-a', 60_000)).toBe(true);
        await sleep(500);
        expect(await store().acquireLock(lock, 'instance-b', 60_000)).toBe(false);
      });

      it('gives a contended lease to exactly one of many concurrent owners', async () => {
        const lock = `job-${randomUUID()}`;
        const results = await Promise.all(Array.from({ length: 6 }, (_, i) => store().acquireLock(lock, `owner-${i}`, 60_000)));
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });
  });
}
