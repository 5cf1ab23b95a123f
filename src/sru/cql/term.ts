/**
 * Escape and masking processing for one word or quoted string (CQL 1.2 section "Masking"):
 * `*` any characters, `?` one character, `^` anchor; a backslash makes `* ? ^ " \` plain text.
 * Any other escaped character is kept as itself and its span recorded in `needlessEscapes`.
 */
import type { Span, TermPart } from './ast.js';
import { charLength } from './lex.js';
import type { Token } from './lex.js';

const ESCAPABLE = new Set(['*', '?', '^', '"', '\\']);

export interface DecodedTerm {
  readonly parts: TermPart[];
  readonly needlessEscapes: Span[];
  /** The plain string with escapes removed and masking characters kept as written. */
  readonly value: string;
}

/** Appends to `parts`, merging adjacent text. */
export function pushText(parts: TermPart[], value: string): void {
  if (value === '') return;
  const last = parts[parts.length - 1];
  if (last && last.kind === 'text') parts[parts.length - 1] = { kind: 'text', value: last.value + value };
  else parts.push({ kind: 'text', value });
}

export function decodeToken(query: string, token: Token): DecodedTerm {
  const quoted = token.kind === 'string';
  const from = quoted ? token.start + 1 : token.start;
  const to = quoted ? token.end - 1 : token.end;
  const parts: TermPart[] = [];
  const needlessEscapes: Span[] = [];
  let value = '';
  let i = from;
  while (i < to) {
    const ch = query[i] as string;
    if (ch === '\\') {
      const len = charLength(query, i + 1);
      const escaped = query.slice(i + 1, i + 1 + len);
      if (!ESCAPABLE.has(escaped)) needlessEscapes.push({ start: i, end: i + 1 + len });
      pushText(parts, escaped);
      value += escaped;
      i += 1 + len;
      continue;
    }
    if (ch === '*') parts.push({ kind: 'anyChars' });
    else if (ch === '?') parts.push({ kind: 'oneChar' });
    else if (ch === '^') parts.push({ kind: 'anchor' });
    else pushText(parts, ch);
    value += ch;
    i++;
  }
  return { parts, needlessEscapes, value };
}
