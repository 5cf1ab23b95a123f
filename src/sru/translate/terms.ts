/**
 * Search terms as the index sees them: folded words (full-text fields) or one folded value (typed
 * fields), with the CQL masks `*` and `?` kept as their own pieces.
 */
import type { Term } from '../cql/ast.js';
import { fold, isWordChar } from '../../catalog/search-index/index.js';

export type Piece = { kind: 'text'; value: string } | { kind: 'any' } | { kind: 'one' };

/** A word or value with masks: its pieces; `masked` when any piece is a mask. */
export interface Pattern {
  readonly pieces: readonly Piece[];
  readonly masked: boolean;
}

/** The text before the first mask. */
export function literalPrefix(p: Pattern): string {
  let out = '';
  for (const x of p.pieces) {
    if (x.kind !== 'text') break;
    out += x.value;
  }
  return out;
}

/** The plain text of an unmasked pattern. */
export function plain(p: Pattern): string {
  return p.pieces.map((x) => (x.kind === 'text' ? x.value : '')).join('');
}

const REGEX_SPECIAL = /[\\^$.|?*+()[\]{}-]/g;

/** An XPath regular expression body for a pattern; `wordOnly` keeps masks inside one word. */
export function regexBody(p: Pattern, wordOnly: boolean): string {
  return p.pieces
    .map((x) => (x.kind === 'text' ? x.value.replace(REGEX_SPECIAL, '\\$&') : x.kind === 'any' ? (wordOnly ? '[^ ]*' : '.*') : wordOnly ? '[^ ]' : '.'))
    .join('');
}

function push(pieces: Piece[], piece: Piece): void {
  const last = pieces[pieces.length - 1];
  if (piece.kind === 'text' && last?.kind === 'text') pieces[pieces.length - 1] = { kind: 'text', value: last.value + piece.value };
  else pieces.push(piece);
}

const done = (pieces: Piece[]): Pattern => ({ pieces, masked: pieces.some((x) => x.kind !== 'text') });

/** The words of a term for a full-text field (folded, split like the index splits them). */
export function termWords(term: Term): Pattern[] {
  const words: Pattern[] = [];
  let current: Piece[] = [];
  const end = () => {
    if (current.length) words.push(done(current));
    current = [];
  };
  for (const part of term.parts) {
    if (part.kind === 'anyChars') push(current, { kind: 'any' });
    else if (part.kind === 'oneChar') push(current, { kind: 'one' });
    else if (part.kind === 'text') {
      for (const ch of fold(part.value)) {
        if (isWordChar(ch)) push(current, { kind: 'text', value: ch });
        else end();
      }
    }
  }
  end();
  return words;
}

/** The whole term as one folded value (typed fields), whitespace collapsed. */
export function termValue(term: Term): Pattern {
  const pieces: Piece[] = [];
  for (const part of term.parts) {
    if (part.kind === 'anyChars') push(pieces, { kind: 'any' });
    else if (part.kind === 'oneChar') push(pieces, { kind: 'one' });
    else if (part.kind === 'text') push(pieces, { kind: 'text', value: fold(part.value).replace(/\s+/g, ' ') });
  }
  // Trim the outer whitespace of the value.
  const first = pieces[0];
  if (first?.kind === 'text') pieces[0] = { kind: 'text', value: first.value.trimStart() };
  const last = pieces[pieces.length - 1];
  if (last?.kind === 'text') pieces[pieces.length - 1] = { kind: 'text', value: last.value.trimEnd() };
  return done(pieces.filter((x) => x.kind !== 'text' || x.value.length > 0));
}

/** The plain text of a term (no masks allowed by the caller's check). */
export function termText(term: Term): string {
  return term.parts.map((p) => (p.kind === 'text' ? p.value : '')).join('');
}

/** True when the term has a mask or anchor. */
export function hasMask(term: Term): boolean {
  return term.parts.some((p) => p.kind !== 'text');
}
