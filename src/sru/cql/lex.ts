/**
 * CQL 1.2 lexer. Splits a query into parentheses, slashes, comparison symbols, unquoted words and
 * quoted strings, with 0-based UTF-16 positions. Escapes are kept as written here; the parser
 * turns a word or string into term parts (./term.ts).
 *
 * An unquoted word is any run of characters other than whitespace and `( ) = < > " /`; a
 * backslash inside a word takes the next character into the word whatever it is. A quoted string
 * runs from `"` to the next `"` that is not escaped by a backslash.
 */
import { CqlSyntaxError } from './ast.js';

export type TokenKind = 'lparen' | 'rparen' | 'slash' | 'symbol' | 'word' | 'string';

export interface Token {
  readonly kind: TokenKind;
  /** As written: `(`, `<=`, `dc.title`, `"a \"b\""` (quotes included for strings). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The comparison symbols, longest first so `<=` wins over `<`. */
const SYMBOLS = ['==', '<>', '<=', '>=', '=', '<', '>'] as const;

const WORD_STOP = new Set(['(', ')', '=', '<', '>', '"', '/']);

function isSpace(ch: string): boolean {
  return /\s/u.test(ch);
}

/** Length in UTF-16 units of the character (code point) at `i`. */
export function charLength(s: string, i: number): number {
  const cp = s.codePointAt(i);
  return cp !== undefined && cp > 0xffff ? 2 : 1;
}

export function describeChar(s: string, i: number): string {
  const cp = s.codePointAt(i) ?? 0;
  if (cp < 0x20 || cp === 0x7f) return `control character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${String.fromCodePoint(cp)}'`;
}

function readString(q: string, start: number): Token {
  let i = start + 1;
  while (i < q.length) {
    const ch = q[i];
    if (ch === '\\') {
      if (i + 1 >= q.length) throw new CqlSyntaxError(`Trailing backslash at position ${i}: a backslash must be followed by the character it escapes`, i);
      i += 1 + charLength(q, i + 1);
      continue;
    }
    if (ch === '"') return { kind: 'string', text: q.slice(start, i + 1), start, end: i + 1 };
    i++;
  }
  throw new CqlSyntaxError(`Unterminated quoted string starting at position ${start}: missing closing '"'`, start);
}

function readWord(q: string, start: number): Token {
  let i = start;
  while (i < q.length) {
    const ch = q[i] as string;
    if (ch === '\\') {
      if (i + 1 >= q.length) throw new CqlSyntaxError(`Trailing backslash at position ${i}: a backslash must be followed by the character it escapes`, i);
      i += 1 + charLength(q, i + 1);
      continue;
    }
    if (WORD_STOP.has(ch) || isSpace(ch)) break;
    i += charLength(q, i);
  }
  return { kind: 'word', text: q.slice(start, i), start, end: i };
}

export function lex(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i] as string;
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === '/') {
      tokens.push({ kind: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'slash', text: ch, start: i, end: i + 1 });
      i++;
      continue;
    }
    const symbol = SYMBOLS.find((s) => q.startsWith(s, i));
    if (symbol) {
      tokens.push({ kind: 'symbol', text: symbol, start: i, end: i + symbol.length });
      i += symbol.length;
      continue;
    }
    const token = ch === '"' ? readString(q, i) : readWord(q, i);
    tokens.push(token);
    i = token.end;
  }
  return tokens;
}
