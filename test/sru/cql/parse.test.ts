import { describe, expect, it } from 'vitest';
import { CqlSyntaxError, MAX_CLAUSES, MAX_DEPTH, parseCql, type SearchClause } from '../../../src/sru/cql/index.js';
import { summary } from './summary.js';

/** [query, AST summary] — see ./summary.ts for the notation. */
const TABLE: [string, string][] = [
  // bare, quoted and unquoted terms
  ['dinosaur', '["dinosaur"]'],
  ['"complete dinosaur"', '[Q"complete dinosaur"]'],
  ['"a \\"quoted\\" word"', '[Q"a \\"quoted\\" word"]'],
  ['""', '[Q""]'],
  ['title = ""', '[title = Q""]'],
  // word sequences (see the header of parse.ts)
  ['parkeervergunning aalsmeer', '["parkeervergunning aalsmeer"]'],
  ['parkeervergunning   aalsmeer\tkosten', '["parkeervergunning aalsmeer kosten"]'],
  ['keyword=a b', '[keyword = "a b"]'],
  ['keyword = paspoort aanvragen and audience=particulier', '{[keyword = "paspoort aanvragen"] and [audience = "particulier"]}'],
  ['Palomar assignment and "ice age"', '{["Palomar assignment"] and [Q"ice age"]}'],
  ['title any', '["title any"]'],
  ['fiets adj', '["fiets adj"]'],
  ['title any fiets parkeren', '[title any "fiets parkeren"]'],
  ['fiets\u00a0parkeren', '["fiets parkeren"]'],
  // a known named relation between two words makes an index clause (CQL 1.2), not a word sequence
  ['kinderopvang all aalsmeer', '[kinderopvang all "aalsmeer"]'],
  ['kinderopvang toeslag all aalsmeer', '["kinderopvang toeslag all aalsmeer"]'],
  // index relation term, all relations
  ['title = "complete dinosaur"', '[title = Q"complete dinosaur"]'],
  ['dc.title="fish"', '[dc.title = Q"fish"]'],
  ['modified == 2024-01-01', '[modified == "2024-01-01"]'],
  ['audience <> ondernemer', '[audience <> "ondernemer"]'],
  ['lengthOfFemur > 2.4', '[lengthOfFemur > "2.4"]'],
  ['bioMass >= 100', '[bioMass >= "100"]'],
  ['publicationYear < 1980', '[publicationYear < "1980"]'],
  ['modified<=2020-12-31', '[modified <= "2020-12-31"]'],
  ['dc.title any fish', '[dc.title any "fish"]'],
  ['title ADJ "fiets parkeren"', '[title adj Q"fiets parkeren"]'],
  ['title all "fiets parkeren"', '[title all Q"fiets parkeren"]'],
  ['dc.date within "2002 2005"', '[dc.date within Q"2002 2005"]'],
  ['geo encloses "52 5"', '[geo encloses Q"52 5"]'],
  ['title cql.adj "a b"', '[title cql.adj Q"a b"]'],
  ['title CQL.Any fish', '[title cql.any "fish"]'],
  ['"dc.title" = x', '[dc.title = "x"]'],
  // relation modifiers
  ['title =/relevant fiets', '[title =/relevant "fiets"]'],
  ['dc.title any/ relevant fish', '[dc.title any/relevant "fish"]'],
  ['dc.creator any/relevant "fred"', '[dc.creator any/relevant Q"fred"]'],
  ['title adj/cql.unit=word "a b"', '[title adj/cql.unit=word Q"a b"]'],
  ['title all/stem/cql.unit=word/rel.algorithm="cql" x', '[title all/stem/cql.unit=word/rel.algorithm=cql "x"]'],
  // booleans: equal precedence, left to right, any case
  ['dinosaur or bird', '{["dinosaur"] or ["bird"]}'],
  ['dinosaur not reptile', '{["dinosaur"] not ["reptile"]}'],
  ['dinosaur and bird or dinobird', '{{["dinosaur"] and ["bird"]} or ["dinobird"]}'],
  ['a OR b And c NOT d', '{{{["a"] or ["b"]} and ["c"]} not ["d"]}'],
  ['a prox b', '{["a"] prox ["b"]}'],
  ['dinosaur prox/unit=sentence/distance<=3 bird', '{["dinosaur"] prox/unit=sentence/distance<=3 ["bird"]}'],
  ['"fish" prox/unit=word/distance>3 "squirrel"', '{[Q"fish"] prox/unit=word/distance>3 [Q"squirrel"]}'],
  ['title any fish or/rel.combine=sum creator any sanderson', '{[title any "fish"] or/rel.combine=sum [creator any "sanderson"]}'],
  // parentheses
  ['(bird or dinosaur) and (feathers or scales)', '{({["bird"] or ["dinosaur"]}) and ({["feathers"] or ["scales"]})}'],
  ['"feathered dinosaur" and (yixian or jehol)', '{[Q"feathered dinosaur"] and ({["yixian"] or ["jehol"]})}'],
  ['(postcode="5014") and title=paspoort', '{([postcode = Q"5014"]) and [title = "paspoort"]}'],
  ['((a))', '(["a"])'],
  ['(((a and b) or (c not d) not (e or f and g)) and h not i) or j',
    '{({{({{({["a"] and ["b"]}) or ({["c"] not ["d"]})} not ({{["e"] or ["f"]} and ["g"]})}) and ["h"]} not ["i"]}) or ["j"]}'],
  // sortby
  ['dc.title any fish sortby dc.date/sort.descending', '[dc.title any "fish"] sortby dc.date/sort.descending'],
  ['"cat" sortby dc.title', '[Q"cat"] sortby dc.title'],
  ['dinosaur sortby dc.date/sort.descending dc.title/sort.ascending', '["dinosaur"] sortby dc.date/sort.descending dc.title/sort.ascending'],
  ['fiets SORTBY modified/ascending', '["fiets"] sortby modified/ascending'],
  ['a sortby title/sort.missingValue="high"', '["a"] sortby title/sort.missingValue=high'],
  // prefix assignments
  ['> dc = "info:srw/cql-context-set/1/dc-v1.1" dc.title any fish', '>dc=<info:srw/cql-context-set/1/dc-v1.1> [dc.title any "fish"]'],
  ['> dc = "http://deepcustard.org/" dc.custardDepth > 10', '>dc=<http://deepcustard.org/> [dc.custardDepth > "10"]'],
  ['> "http://deepcustard.org/" custardDepth > 10', '><http://deepcustard.org/> [custardDepth > "10"]'],
  ['> a = "u1" > "u2" x sortby y', '>a=<u1> ><u2> ["x"] sortby y'],
  ['>dc="u" x', '>dc=<u> ["x"]'],
  ['a and (> dc = "u" dc.title = b)', '{["a"] and >dc=<u> [dc.title = "b"]}'],
  // masking and escaping
  ['fi*sh?', '["fi"*"sh"?]'],
  ['^fish^', '[^"fish"^]'],
  ['"*"', '[Q*]'],
  ['a\\*b\\?c\\^d', '["a*b?c^d"]'],
  ['"say \\"hi\\" \\\\ there"', '[Q"say \\"hi\\" \\\\ there"]'],
  ['a\\bc', '["abc"!1]'],
  ['"a\\(b\\)"', '[Q"a(b)"!2]'],
  // more examples in the style of the CQL 1.2 specification
  ['comp.sources.misc', '["comp.sources.misc"]'],
  ['"^cat says \\"fish\\""', '[Q^"cat says \\"fish\\""]'],
  ['title = "^the complete dinosaur^"', '[title = Q^"the complete dinosaur"^]'],
  ['cql.allRecords = 1 NOT title = fish', '{[cql.allRecords = "1"] not [title = "fish"]}'],
  ['dc.title any/rel.algorithm=cori fish', '[dc.title any/rel.algorithm=cori "fish"]'],
  ['title = fish and/rel.combine=sum author = smith', '{[title = "fish"] and/rel.combine=sum [author = "smith"]}'],
  ['dc.title = fish sortby dc.date/sort.descending/sort.missingValue=omit', '[dc.title = "fish"] sortby dc.date/sort.descending/sort.missingValue=omit'],
  // reserved words as terms when quoted
  ['"and"', '[Q"and"]'],
  // control characters are term text (the XML writer makes them safe)
  ['a\u0007b', '["a\\u0007b"]'],
  ['title = "sortby" or "not"', '{[title = Q"sortby"] or [Q"not"]}'],
];

describe('parseCql: constructs', () => {
  for (const [query, expected] of TABLE) {
    it(query, () => {
      expect(summary(parseCql(query))).toBe(expected);
    });
  }
});

describe('parseCql: spans', () => {
  it('points every node at its text', () => {
    const q = '(postcode="5014") and title adj/cql.unit=word "a b" sortby modified/sort.descending';
    const ast = parseCql(q);
    const root = ast.root;
    if (root.type !== 'boolean') throw new Error('expected a boolean');
    expect(q.slice(root.start, root.end)).toBe('(postcode="5014") and title adj/cql.unit=word "a b"');
    expect(q.slice(root.left.start, root.left.end)).toBe('(postcode="5014")');
    const right = root.right as SearchClause;
    expect(q.slice(right.indexSpan!.start, right.indexSpan!.end)).toBe('title');
    expect(q.slice(right.relation!.start, right.relation!.end)).toBe('adj/cql.unit=word');
    const mod = right.relation!.modifiers[0]!;
    expect(q.slice(mod.start, mod.end)).toBe('/cql.unit=word');
    expect(right.term.raw).toBe('"a b"');
    expect(q.slice(right.term.start, right.term.end)).toBe('"a b"');
    const key = ast.sortKeys[0]!;
    expect(q.slice(key.start, key.end)).toBe('modified/sort.descending');
  });

  it('keeps raw text and records needless escapes precisely', () => {
    const q = 'title = a\\xb  c\\*';
    const term = (parseCql(q).root as SearchClause).term;
    expect(term.raw).toBe('a\\xb  c\\*');
    expect(term.quoted).toBe(false);
    expect(term.needlessEscapes.map((s) => q.slice(s.start, s.end))).toEqual(['\\x']);
  });

  it('escapes an astral character as one needless escape', () => {
    const q = '"\\😀"';
    const term = (parseCql(q).root as SearchClause).term;
    expect(term.parts).toEqual([{ kind: 'text', value: '😀' }]);
    expect(term.needlessEscapes).toEqual([{ start: 1, end: 4 }]);
  });

  it('a prefix assignment spans to the end of its query', () => {
    const q = '> dc = "u" dc.title = x';
    expect(parseCql(q).root).toMatchObject({ type: 'prefix', start: 0, end: q.length });
  });
});

/** [query, position, message fragment] */
const ERRORS: [string, number, RegExp][] = [
  ['', 0, /empty/],
  ['   ', 3, /empty/],
  ['(', 1, /end of query: expected a search term or a clause in parentheses/],
  ['(a', 2, /'\(' at position 0 is not closed/],
  ['(a or (b)', 9, /'\(' at position 0 is not closed/],
  ['a)', 1, /'\)' at position 1 has no matching '\('/],
  ['()', 1, /Unbalanced parenthesis/],
  ['title =', 7, /end of query: expected a search term after '='/],
  ['title = )', 8, /Unbalanced parenthesis/],
  ['title adj/cql.unit=word', 23, /end of query: expected a search term after 'adj'/],
  ['title =/', 8, /expected a modifier name after '\/'/],
  ['title =/x=', 10, /expected a modifier value after 'x='/],
  ['"abc', 0, /Unterminated quoted string starting at position 0/],
  ['a and "b', 6, /Unterminated quoted string starting at position 6/],
  ['"abc\\"', 0, /Unterminated/],
  ['abc\\', 3, /Trailing backslash at position 3/],
  ['"ab\\', 3, /Trailing backslash at position 3/],
  ['and', 0, /reserved word 'and'.*double quotes/],
  ['title = and', 8, /reserved word 'and'/],
  ['a and', 5, /end of query: expected a search term/],
  ['a and or b', 6, /reserved word 'or'/],
  ['a sortby', 8, /expected a sort key after 'sortby'/],
  ['a sortby or', 9, /reserved word 'or'/],
  ['(a sortby b)', 3, /'sortby' may only follow the whole query/],
  ['a sortby b and c', 11, /Unexpected reserved word 'and'/],
  ['a / b', 2, /Unexpected '\/' at position 2/],
  ['title = a/b', 9, /Unexpected '\/' at position 9/],
  ['a = b = c', 6, /Unexpected '=' at position 6/],
  ['"a" b', 4, /Unexpected 'b' at position 4/],
  ['a b = c', 4, /Unexpected '=' at position 4/],
  ['=', 0, /Unexpected '='/],
  ['> dc =', 6, /expected a context set URI after 'dc ='/],
  ['> dc = "x"', 10, /end of query: expected a search term/],
  ['>', 1, /expected a prefix or a context set URI/],
  ['a and > "u" b', 6, /a prefix assignment may only start the query or a part in parentheses/],
  ['a\u0001(', 2, /Unexpected '\(' at position 2/],
];

describe('parseCql: errors', () => {
  for (const [query, position, message] of ERRORS) {
    it(`${JSON.stringify(query)} -> position ${position}`, () => {
      let error: unknown;
      try {
        parseCql(query);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CqlSyntaxError);
      const e = error as CqlSyntaxError;
      expect(e.message).toMatch(message);
      expect(e.position).toBe(position);
      expect(e.diagnostic).toBe(10);
    });
  }

  it(`accepts ${MAX_DEPTH} levels of parentheses and refuses one more at the offending '('`, () => {
    const nest = (n: number): string => `${'('.repeat(n)}a${')'.repeat(n)}`;
    expect(parseCql(nest(MAX_DEPTH)).root).toMatchObject({ type: 'searchClause', parenthesised: true });
    expect(() => parseCql(nest(MAX_DEPTH + 1))).toThrow(expect.objectContaining({ position: MAX_DEPTH, name: 'CqlSyntaxError' }));
  });

  it('counts prefix assignments as nesting', () => {
    const q = `${'> "u" '.repeat(MAX_DEPTH + 1)}a`;
    expect(() => parseCql(q)).toThrow(expect.objectContaining({ position: MAX_DEPTH * 6 }));
  });

  it(`refuses more than ${MAX_CLAUSES} search clauses at the first one too many`, () => {
    const ok = Array.from({ length: MAX_CLAUSES }, (_, i) => `t${i}`).join(' or ');
    expect(parseCql(ok).root.type).toBe('boolean');
    const tooMany = `${ok} or extra`;
    expect(() => parseCql(tooMany)).toThrow(expect.objectContaining({ position: tooMany.length - 5 }));
  });
});
