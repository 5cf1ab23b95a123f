/**
 * CQL 1.2 parser (https://www.loc.gov/standards/sru/cql/spec.html): query string -> AST (./ast.ts).
 *
 *   sortedQuery  ::= prefixAssignment sortedQuery | scopedClause ['sortby' sortKey+]
 *   cqlQuery     ::= prefixAssignment cqlQuery | scopedClause
 *   prefixAssignment ::= '>' term '=' term | '>' term
 *   scopedClause ::= searchClause (boolean modifier* searchClause)*   (equal precedence, left to right)
 *   searchClause ::= '(' cqlQuery ')' | index relation modifier* term | term
 *   modifier     ::= '/' term [comparisonSymbol term]
 *
 * Choices where CQL 1.2 leaves room or where the SC search service behaves differently:
 * - Word sequences. CQL 1.2 has no juxtaposition, but users type `parkeervergunning aalsmeer` and
 *   the SC search service answers it. A run of unquoted words that are not reserved words is read
 *   as ONE term holding the words separated by single spaces, exactly as if the words had been
 *   written in double quotes (quotes are not phrase search there): `parkeervergunning aalsmeer` is
 *   a bare term, `keyword=a b` is `keyword = "a b"`. The term keeps `quoted: false` and its raw
 *   text. Only unquoted words join; `"a" b` is a syntax error.
 * - Named relations. CQL 1.2 accepts any identifier as a relation, which would make `a b c` mean
 *   index a, relation b, term c. Here a word is a relation only when it is a known named relation
 *   (adj, all, any, within, encloses, partial, exact, optionally with a context set prefix such
 *   as `cql.adj`) and a term or a modifier follows it; otherwise it is part of a word sequence.
 * - Reserved words (and, or, not, prox, sortby; any case) are terms or indexes only when quoted.
 * - Masking `^` is reported as an anchor wherever it appears; the translator judges the position.
 * - Nesting (parentheses and prefix assignments) is limited to MAX_DEPTH levels and a query to
 *   MAX_CLAUSES search clauses, so consumers that walk the tree recursively stay safe.
 */
import {
  CqlSyntaxError,
  type BooleanNode,
  type CqlNode,
  type CqlQuery,
  type Modifier,
  type PrefixAssignment,
  type Relation,
  type SearchClause,
  type SortKey,
  type Term,
  type TermPart,
} from './ast.js';
import { describeChar, lex, type Token } from './lex.js';
import { decodeToken, pushText } from './term.js';

export const MAX_DEPTH = 64;
export const MAX_CLAUSES = 1000;

const BOOLEANS = new Set(['and', 'or', 'not', 'prox']);
/** Words that are terms or indexes only when quoted (compare lower-cased). */
export const RESERVED = new Set([...BOOLEANS, 'sortby']);
/** Words read as a relation between an index and a term. */
export const NAMED_RELATION = /^(?:[^.]+\.)?(?:adj|all|any|within|encloses|partial|exact)$/i;

const isReserved = (t: Token | undefined): boolean => t?.kind === 'word' && RESERVED.has(t.text.toLowerCase());
const isBoolean = (t: Token | undefined): boolean => t?.kind === 'word' && BOOLEANS.has(t.text.toLowerCase());
const isSortBy = (t: Token | undefined): boolean => t?.kind === 'word' && t.text.toLowerCase() === 'sortby';
const isTermToken = (t: Token | undefined): t is Token => t?.kind === 'string' || (t?.kind === 'word' && !isReserved(t));

function show(t: Token): string {
  if (t.text.length === 1) return describeChar(t.text, 0);
  return t.text.length > 40 ? `'${t.text.slice(0, 37)}...'` : `'${t.text}'`;
}

class Parser {
  private i = 0;
  private depth = 0;
  private clauses = 0;
  private readonly tokens: Token[];

  constructor(private readonly q: string) {
    this.tokens = lex(q);
  }

  parse(): CqlQuery {
    if (this.tokens.length === 0) throw new CqlSyntaxError('The query is empty', this.q.length);
    const root = this.query();
    const sortKeys = isSortBy(this.peek()) ? this.sortKeys() : [];
    const rest = this.peek();
    if (rest) throw this.unexpected(rest, "'and', 'or', 'not', 'prox', 'sortby' or the end of the query");
    return { root, sortKeys };
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }

  private next(): Token {
    const t = this.tokens[this.i++];
    if (!t) throw new CqlSyntaxError('Unexpected end of query', this.q.length);
    return t;
  }

  private unexpected(t: Token | undefined, expected: string): CqlSyntaxError {
    if (!t) return new CqlSyntaxError(`Unexpected end of query: expected ${expected}`, this.q.length);
    if (t.kind === 'rparen') return new CqlSyntaxError(`Unbalanced parenthesis: ')' at position ${t.start} has no matching '('`, t.start);
    if (isReserved(t)) {
      return new CqlSyntaxError(`Unexpected reserved word ${show(t)} at position ${t.start}: expected ${expected} (write it in double quotes to search for it)`, t.start);
    }
    return new CqlSyntaxError(`Unexpected ${show(t)} at position ${t.start}: expected ${expected}`, t.start);
  }

  private enter(t: Token): void {
    if (++this.depth > MAX_DEPTH) throw new CqlSyntaxError(`Query nested too deeply at position ${t.start}: at most ${MAX_DEPTH} levels of parentheses and prefix assignments`, t.start);
  }

  /** A word or quoted string used as a name (index, prefix, URI, modifier): escapes removed. */
  private name(expected: string, allowReserved: boolean): { value: string; token: Token } {
    const t = this.peek();
    if (!t || !(t.kind === 'string' || (t.kind === 'word' && (allowReserved || !isReserved(t))))) throw this.unexpected(t, expected);
    this.i++;
    return { value: decodeToken(this.q, t).value, token: t };
  }

  private query(): CqlNode {
    const t = this.peek();
    return t?.kind === 'symbol' && t.text === '>' ? this.prefixAssignment() : this.scopedClause();
  }

  private prefixAssignment(): PrefixAssignment {
    const gt = this.next();
    this.enter(gt);
    const first = this.name("a prefix or a context set URI after '>'", true);
    let prefix: string | null = null;
    let uri = first.value;
    const eq = this.peek();
    if (eq?.kind === 'symbol' && eq.text === '=') {
      this.i++;
      prefix = first.value;
      uri = this.name(`a context set URI after '${prefix} ='`, true).value;
    }
    const query = this.query();
    this.depth--;
    return { type: 'prefix', prefix, uri, query, start: gt.start, end: query.end };
  }

  private scopedClause(): CqlNode {
    let left = this.searchClause();
    while (isBoolean(this.peek())) {
      const op = this.next();
      const modifiers = this.modifiers();
      const right = this.searchClause();
      const node: BooleanNode = {
        type: 'boolean',
        operator: op.text.toLowerCase() as BooleanNode['operator'],
        modifiers,
        left,
        right,
        parenthesised: false,
        start: left.start,
        end: right.end,
      };
      left = node;
    }
    return left;
  }

  private searchClause(): CqlNode {
    const t = this.peek();
    if (t?.kind === 'lparen') return this.parenthesised(t);
    if (t?.kind === 'symbol' && t.text === '>') {
      throw new CqlSyntaxError(`Unexpected '>' at position ${t.start}: a prefix assignment may only start the query or a part in parentheses`, t.start);
    }
    if (!isTermToken(t)) throw this.unexpected(t, 'a search term or a clause in parentheses');
    if (++this.clauses > MAX_CLAUSES) throw new CqlSyntaxError(`Too many search clauses: at most ${MAX_CLAUSES}`, t.start);
    this.i++;
    const after = this.peek();
    if (after?.kind === 'symbol' || (after && this.isNamedRelation(after))) {
      const index = decodeToken(this.q, t).value;
      const relation = this.relation();
      const term = this.term(`a search term after ${show(after)}`);
      const clause: SearchClause = {
        type: 'searchClause', index, indexSpan: { start: t.start, end: t.end }, relation, term, parenthesised: false, start: t.start, end: term.end,
      };
      return clause;
    }
    this.i--;
    const term = this.term('a search term');
    return { type: 'searchClause', index: null, indexSpan: null, relation: null, term, parenthesised: false, start: term.start, end: term.end };
  }

  private isNamedRelation(t: Token): boolean {
    if (t.kind !== 'word' || !NAMED_RELATION.test(t.text)) return false;
    const following = this.peek(1);
    return following?.kind === 'slash' || isTermToken(following);
  }

  private parenthesised(lp: Token): CqlNode {
    this.i++;
    this.enter(lp);
    const inner = this.query();
    const rp = this.peek();
    if (!rp) throw new CqlSyntaxError(`Unbalanced parenthesis: '(' at position ${lp.start} is not closed before the end of the query`, this.q.length);
    if (rp.kind !== 'rparen') {
      const where = isSortBy(rp) ? "'sortby' may only follow the whole query, not a part in parentheses" : `expected ')' to close '(' at position ${lp.start}`;
      throw new CqlSyntaxError(`Unexpected ${show(rp)} at position ${rp.start}: ${where}`, rp.start);
    }
    this.i++;
    this.depth--;
    if (inner.type === 'prefix') return { ...inner, start: lp.start, end: rp.end };
    return { ...inner, parenthesised: true, start: lp.start, end: rp.end };
  }

  private relation(): Relation {
    const t = this.next();
    const base = t.kind === 'word' ? t.text.toLowerCase() : t.text;
    const modifiers = this.modifiers();
    const end = modifiers.length > 0 ? (modifiers[modifiers.length - 1] as Modifier).end : t.end;
    return { base, modifiers, start: t.start, end };
  }

  private modifiers(): Modifier[] {
    const out: Modifier[] = [];
    while (this.peek()?.kind === 'slash') {
      const slash = this.next();
      const name = this.name("a modifier name after '/'", true);
      const cmp = this.peek();
      if (cmp?.kind === 'symbol') {
        this.i++;
        const value = this.name(`a modifier value after '${name.value}${cmp.text}'`, true);
        out.push({ name: name.value, comparison: cmp.text, value: value.value, start: slash.start, end: value.token.end });
      } else {
        out.push({ name: name.value, start: slash.start, end: name.token.end });
      }
    }
    return out;
  }

  /** A quoted string, or one or more unquoted words (a word sequence, see the header). */
  private term(expected: string): Term {
    const first = this.peek();
    if (!isTermToken(first)) throw this.unexpected(first, expected);
    this.i++;
    const decoded = decodeToken(this.q, first);
    if (first.kind === 'string') {
      return { raw: first.text, quoted: true, parts: decoded.parts, needlessEscapes: decoded.needlessEscapes, start: first.start, end: first.end };
    }
    const parts: TermPart[] = [...decoded.parts];
    const needlessEscapes = [...decoded.needlessEscapes];
    let end = first.end;
    for (let t = this.peek(); t?.kind === 'word' && !isReserved(t); t = this.peek()) {
      this.i++;
      const more = decodeToken(this.q, t);
      pushText(parts, ' ');
      for (const p of more.parts) {
        if (p.kind === 'text') pushText(parts, p.value);
        else parts.push(p);
      }
      needlessEscapes.push(...more.needlessEscapes);
      end = t.end;
    }
    return { raw: this.q.slice(first.start, end), quoted: false, parts, needlessEscapes, start: first.start, end };
  }

  private sortKeys(): SortKey[] {
    const sortby = this.next();
    const keys: SortKey[] = [];
    while (isTermToken(this.peek())) {
      const index = this.name('a sort key', false);
      const modifiers = this.modifiers();
      const end = modifiers.length > 0 ? (modifiers[modifiers.length - 1] as Modifier).end : index.token.end;
      keys.push({ index: index.value, modifiers, start: index.token.start, end });
    }
    if (keys.length === 0) throw this.unexpected(this.peek(), `a sort key after 'sortby' at position ${sortby.start}`);
    return keys;
  }
}

/** Parses a CQL 1.2 query; throws CqlSyntaxError (with a 0-based position) on any syntax error. */
export function parseCql(query: string): CqlQuery {
  return new Parser(query).parse();
}
