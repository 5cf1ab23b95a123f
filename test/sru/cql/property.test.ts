/**
 * Properties of the CQL parser and printer:
 * - for any input, parseCql returns a query or throws CqlSyntaxError with 0 <= position <= length;
 * - printCql(ast) parses back to the same tree (positions and raw text aside), for generated trees
 *   and for every query the parser accepts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CqlSyntaxError, parseCql, printCql, type CqlNode, type CqlQuery, type Modifier, type Relation, type SortKey, type Term, type TermPart,
} from '../../../src/sru/cql/index.js';
import { stripPositions } from './summary.js';

const HOSTILE = ['(', ')', '"', '\\', '/', '=', '<', '>', '*', '?', '^', ' ', '\t', '\n', '\u0000', '\u001f', '\u00a0', '\u2028',
  '\ud800', '\udfff', '😀', 'é', 'a', 'b', '.', ' and ', ' or ', ' not ', ' prox ', ' sortby ', 'adj', 'any', '==', '<>', '> '];

const hostileString = fc.array(fc.constantFrom(...HOSTILE), { maxLength: 60 }).map((a) => a.join(''));
const anyInput = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('(', '"', 'a and ', '\\\\', '> x = "u" ', 'a/'), fc.integer({ min: 1, max: 3000 })).map(([s, n]) => s.repeat(n)) },
);

function check(input: string): CqlQuery | CqlSyntaxError {
  try {
    return parseCql(input);
  } catch (e) {
    if (!(e instanceof CqlSyntaxError)) throw e;
    expect(e.position).toBeGreaterThanOrEqual(0);
    expect(e.position).toBeLessThanOrEqual(input.length);
    expect(Number.isInteger(e.position)).toBe(true);
    return e;
  }
}

describe('parseCql on arbitrary input', () => {
  it('returns a query or throws CqlSyntaxError with a position inside the input (10,000 inputs)', () => {
    fc.assert(fc.property(anyInput, (input) => { check(input); }), { numRuns: 10_000 });
  });

  it('stays fast on very long hostile input', () => {
    const inputs = [
      '('.repeat(200_000), '"'.repeat(200_001), 'a and '.repeat(50_000), 'a '.repeat(100_000), '\\*'.repeat(100_000),
      `"${'x'.repeat(500_000)}`, '/'.repeat(100_000), `title = ${'a/'.repeat(50_000)}`,
    ];
    const started = performance.now();
    for (const input of inputs) check(input);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('every accepted query prints to a query that parses to the same tree', () => {
    fc.assert(fc.property(hostileString, (input) => {
      const parsed = check(input);
      if (parsed instanceof CqlSyntaxError) return;
      const printed = printCql(parsed);
      const loose = hasNeedlessEscapes(parsed);
      expect(normalise(parseCql(printed), loose), printed).toEqual(normalise(parsed, loose));
    }), { numRuns: 5_000 });
  });
});

function hasNeedlessEscapes(q: CqlQuery): boolean {
  return JSON.stringify(q).includes('"needlessEscapes":[{');
}

/**
 * Needless escapes (`\(`) are not reproduced: the printer writes the character plainly, quoting
 * the term when the character cannot stand in an unquoted word. So when the input had any, the
 * escapes and the quoted flag are left out of the comparison.
 */
function normalise(q: CqlQuery, loose: boolean): unknown {
  if (!loose) return stripPositions(q);
  return stripPositions(JSON.parse(JSON.stringify(q, (k, v: unknown) => (k === 'needlessEscapes' || k === 'quoted' ? undefined : v))));
}

// ---- generated trees ----

const span = { start: 0, end: 0 };
const SYMBOL = fc.constantFrom('=', '==', '<>', '<', '>', '<=', '>=');
const NAMED = fc.constantFrom('adj', 'all', 'any', 'within', 'encloses', 'cql.adj', 'cql.any');
const safeWord = fc.stringMatching(/^[a-z][a-z0-9.]{0,6}$/).filter((w) => !['and', 'or', 'not', 'prox', 'sortby'].includes(w));
const anyName = fc.oneof(safeWord, fc.string({ unit: 'binary', maxLength: 8 }));

function toParts(s: string): TermPart[] {
  const parts: TermPart[] = [];
  for (const ch of s) {
    if (ch === '*') parts.push({ kind: 'anyChars' });
    else if (ch === '?') parts.push({ kind: 'oneChar' });
    else if (ch === '^') parts.push({ kind: 'anchor' });
    else {
      const last = parts[parts.length - 1];
      if (last?.kind === 'text') parts[parts.length - 1] = { kind: 'text', value: last.value + ch };
      else parts.push({ kind: 'text', value: ch });
    }
  }
  return parts;
}

/** Unquoted terms: sequences of words over letters that cannot spell a reserved word or relation. */
const unquotedTerm: fc.Arbitrary<Term> = fc
  .array(fc.stringMatching(/^[abcxy19.*?^]{1,6}$/), { minLength: 1, maxLength: 3 })
  .map((words) => ({ ...span, raw: '', quoted: false, parts: toParts(words.join(' ')), needlessEscapes: [] }));
const quotedTerm: fc.Arbitrary<Term> = fc
  .array(fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }), fc.constantFrom('*', '?', '^', '\\', '"', ' ')), { maxLength: 5 })
  .map((pieces) => ({ ...span, raw: '', quoted: true, parts: toParts(pieces.join('')), needlessEscapes: [] }));
const term = fc.oneof(unquotedTerm, quotedTerm);

const modifier: fc.Arbitrary<Modifier> = fc.oneof(
  anyName.map((name) => ({ ...span, name })),
  fc.tuple(anyName, SYMBOL, anyName).map(([name, comparison, value]) => ({ ...span, name, comparison, value })),
);
const modifiers = fc.array(modifier, { maxLength: 2 });
const relation: fc.Arbitrary<Relation> = fc.tuple(fc.oneof(SYMBOL, NAMED), modifiers).map(([base, mods]) => ({ ...span, base, modifiers: mods }));

const clause: fc.Arbitrary<CqlNode> = fc.tuple(fc.option(fc.tuple(anyName, relation)), term, fc.boolean()).map(([ir, t, parenthesised]) => ({
  ...span, type: 'searchClause', index: ir ? ir[0] : null, indexSpan: null, relation: ir ? ir[1] : null, term: t, parenthesised,
}));

const { node } = fc.letrec<{ node: CqlNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    clause,
    fc.tuple(tie('node'), fc.constantFrom('and', 'or', 'not', 'prox') as fc.Arbitrary<'and' | 'or' | 'not' | 'prox'>, modifiers, tie('node'), fc.boolean())
      .map(([left, operator, mods, right, parenthesised]): CqlNode => ({
        ...span, type: 'boolean', operator, modifiers: mods, left,
        // a boolean on the right needs parentheses to stay on the right
        right: right.type === 'boolean' ? { ...right, parenthesised: true } : right,
        parenthesised,
      })),
    fc.tuple(fc.option(anyName), fc.string({ unit: 'binary', maxLength: 10 }), tie('node'))
      .map(([prefix, uri, query]): CqlNode => ({ ...span, type: 'prefix', prefix, uri, query })),
  ),
}));

const sortKey: fc.Arbitrary<SortKey> = fc.tuple(anyName, modifiers).map(([index, mods]) => ({ ...span, index, modifiers: mods }));
const query: fc.Arbitrary<CqlQuery> = fc.tuple(node, fc.array(sortKey, { maxLength: 3 })).map(([root, sortKeys]) => ({ root, sortKeys }));

describe('printCql', () => {
  it('prints generated trees to queries that parse back to the same tree', () => {
    fc.assert(fc.property(query, (q) => {
      const printed = printCql(q);
      expect(stripPositions(parseCql(printed)), printed).toEqual(stripPositions(q));
    }), { numRuns: 3_000 });
  });

  it('keeps a word sequence unquoted and quotes what must be quoted', () => {
    expect(printCql(parseCql('keyword = paspoort  aanvragen'))).toBe('keyword = paspoort aanvragen');
    expect(printCql(parseCql('"and" or title = "a/b"'))).toBe('"and" or title = "a/b"');
    expect(printCql(parseCql('a and (b or c) sortby "x y"/sort.descending'))).toBe('a and (b or c) sortby "x y"/sort.descending');
    expect(printCql(parseCql('> dc = "u" dc.title any fi\\*sh?'))).toBe('> dc = "u" dc.title any fi\\*sh?');
  });
});
