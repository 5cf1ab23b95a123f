/**
 * Text normalisation shared by the search index (write time) and the CQL translator (query time):
 * lower case, accents folded (NFD, combining marks removed), split on anything that is not a
 * letter or a digit. Both sides use these functions, so a word matches exactly when its folded
 * forms are equal.
 */

/** Lower case, accents folded (é -> e, ĳ stays ĳ), NFC afterwards. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().normalize('NFC');
}

const SEPARATOR = /[^\p{L}\p{N}]+/u;

/** The words of a text, folded, in order (duplicates kept: positions matter for phrases). */
export function tokens(text: string): string[] {
  return fold(text).split(SEPARATOR).filter((t) => t.length > 0);
}

/** True for a character that belongs to a word (a letter or a digit). */
export function isWordChar(ch: string): boolean {
  return /^[\p{L}\p{N}]$/u.test(ch);
}

/** A value as one exact-match key: folded, whitespace collapsed, trimmed. */
export function normaliseValue(value: string): string {
  return fold(value).replace(/\s+/g, ' ').trim();
}

/** The phrase text of a token list as stored in the index: words between single spaces, framed by spaces. */
export function phraseText(words: readonly string[]): string {
  return ` ${words.join(' ')} `;
}
