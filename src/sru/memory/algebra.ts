/**
 * The translator's algebra over the in-memory index copy: every match is a bit set of products,
 * computed with the meaning of the SPARQL patterns of translate/patterns.ts over the same index
 * literals (word, pair, word sequence, value, date period tokens). Masks are matched against the
 * copy's words of the field (the SPARQL side asks the dictionary graph or scans the index); both
 * match exactly the index words the mask describes.
 */
import { key, PAIR_FIELDS, phraseText, rangeKeys, TEXT_FIELDS, DATE_FIELD, type TextField } from '../../catalog/search-index/index.js';
import { dictionaryPrefix } from '../../catalog/search-index/index.js';
import type { Algebra } from '../translate/algebra.js';
import { literalPrefix, plain, type Pattern } from '../translate/terms.js';
import { andInto, andNotInto, emptyBits, orInto, ids, type Bits } from './bits.js';
import type { Entry, IndexCopy, Kind, Posting } from './index-copy.js';

const fieldsOf = (field: TextField): readonly string[] => (field === 'keyword' ? TEXT_FIELDS : [field]);

/** Escaped in a `u` regular expression. */
const JS_SPECIAL = /[\\^$.|?*+()[\]{}/]/g;

/** A JavaScript regular expression body for a pattern; `wordOnly` keeps masks inside one word. */
function jsBody(p: Pattern, wordOnly: boolean): string {
  return p.pieces
    .map((x) => (x.kind === 'text' ? x.value.replace(JS_SPECIAL, '\\$&') : x.kind === 'any' ? (wordOnly ? '[^ ]*' : '[^]*') : wordOnly ? '[^ ]' : '[^]'))
    .join('');
}

export function memoryAlgebra(copy: IndexCopy): Algebra<Bits> {
  const words = Math.ceil(copy.capacity / 32);
  const union = (parts: readonly Bits[]): Bits => parts.reduce((acc, b) => orInto(acc, b), emptyBits(words));
  const and = (parts: readonly Bits[]): Bits => {
    if (!parts.length) return emptyBits(words);
    const out = Uint32Array.from(parts[0]!);
    for (const b of parts.slice(1)) andInto(out, b);
    return out;
  };
  const postings = (kind: Kind, values: readonly string[]): Bits => {
    if (values.length === 1) return Uint32Array.from(copy.bitsOf(copy.posting(kind, values[0]!), words));
    return union(values.map((v) => copy.bitsOf(copy.posting(kind, v), words)));
  };
  const fromPostings = (ps: Iterable<Posting>): Bits => union([...ps].map((p) => copy.bitsOf(p, words)));
  /** The products in `candidates` with a word sequence (stelsel:zoektekst) that passes the test. */
  const withText = (candidates: Bits, test: (text: string) => boolean): Bits => {
    const out = emptyBits(words);
    for (const id of ids(candidates)) {
      const e: Entry | undefined = copy.entry(id);
      if (e?.texts.some((t) => test(t.value))) out[id >>> 5]! |= 1 << (id & 31);
    }
    return out;
  };

  /** Index literals "field:<frame>pattern<frame>" of one kind matched by a masked pattern. */
  const masked = (kind: Kind, fields: readonly string[], p: Pattern, wordOnly: boolean, frame: string): Posting[] => {
    const out: Posting[] = [];
    for (const f of fields) {
      const head = key(f, frame + literalPrefix(p));
      const re = new RegExp(`^${key(f, frame).replace(JS_SPECIAL, '\\$&')}${jsBody(p, wordOnly)}${frame}$`, 'u');
      // Words: those of the field (with the mask's first letters where it has them); values and
      // word sequences: every literal of the kind, the literal start deciding cheaply.
      const pool = kind === 't' ? copy.wordPostings(f, dictionaryPrefix(literalPrefix(p))) : copy.kindPostings(kind);
      for (const posting of pool) if (posting.value.startsWith(head) && re.test(posting.value)) out.push(posting);
    }
    return out;
  };

  const word = (field: TextField, w: Pattern): Bits => {
    const fields = fieldsOf(field);
    if (w.masked) return fromPostings(masked('t', fields, w, true, ''));
    return postings('t', fields.map((f) => key(f, plain(w))));
  };

  return {
    word,
    phrase(field, ws) {
      if (ws.length === 1) return word(field, ws[0]!);
      const fieldHead = field === 'keyword' ? '' : key(field, '');
      if (ws.some((w) => w.masked)) {
        const re = new RegExp(` ${ws.map((w) => jsBody(w, true)).join(' ')} `, 'u');
        const candidates = and(ws.map((w) => word(field, w)));
        return withText(candidates, (x) => x.startsWith(fieldHead) && re.test(x));
      }
      const texts = ws.map(plain);
      const phrase = phraseText(texts);
      const fields = fieldsOf(field);
      const parts: Bits[] = [];
      const paired = fields.filter((f) => PAIR_FIELDS.has(f));
      const pairs = texts.slice(1).map((w, i) => `${texts[i]!} ${w}`);
      if (paired.length) {
        if (pairs.length === 1) parts.push(postings('t', paired.map((f) => key(f, pairs[0]!))));
        else {
          const candidates = union(paired.map((f) => and(pairs.map((pair) => postings('t', [key(f, pair)])))));
          parts.push(withText(candidates, (x) => x.startsWith(fieldHead) && x.includes(phrase)));
        }
      }
      for (const f of fields.filter((f) => !PAIR_FIELDS.has(f))) {
        // The copy's pair numbers of these sequences: every pair of the phrase in the product
        // (for two words that is the phrase itself), then the order on the word sequences.
        const keys = pairs.map((pair) => copy.pairKey(f, ...(pair.split(' ') as [string, string])));
        if (keys.some((k) => k === undefined)) continue;
        const withPairs = and(keys.map((k) => copy.bitsOf(copy.pairPosting(k!), words)));
        const head = key(f, '');
        parts.push(pairs.length === 1 ? withPairs : withText(withPairs, (x) => x.startsWith(head) && x.includes(phrase)));
      }
      return parts.length ? union(parts) : emptyBits(words);
    },
    exactText(field, ws) {
      const seq: Pattern = { pieces: ws.flatMap((w, i) => (i ? [{ kind: 'text' as const, value: ' ' }, ...w.pieces] : [...w.pieces])), masked: ws.some((w) => w.masked) };
      const fields = fieldsOf(field);
      if (seq.masked) return fromPostings(masked('x', fields, seq, true, ' '));
      return postings('x', fields.map((f) => key(f, ` ${plain(seq)} `)));
    },
    value(field, v) {
      if (v.masked) return fromPostings(masked('v', [field], v, false, ''));
      return postings('v', [key(field, plain(v))]);
    },
    valueKeys: (keys) => postings('v', keys),
    anyProduct() {
      // Every product with a date (as the SPARQL side: each product has exactly one).
      const out = emptyBits(words);
      for (let id = 0; id < copy.capacity; id++) if (copy.entry(id)?.dates.length) out[id >>> 5]! |= 1 << (id & 31);
      return out;
    },
    dateRange(first, last) {
      const keys = rangeKeys(first, last);
      return keys.length ? postings('v', keys) : postings('v', [key(DATE_FIELD, '')]);
    },
    union,
    and,
    not: (left, right) => andNotInto(Uint32Array.from(left), right),
  };
}
