/**
 * Masked words (`pasp*`, `rijbew?js`) resolved to the index words they match before the search
 * runs: a lookup in the word dictionary (dictionary.ts) when the mask starts with enough letters,
 * else one scan of the word sequences (stelsel:zoektekst, one per field value) instead of a scan
 * of every word of every product; after that the search joins on exact words only.
 */
import type * as RDF from '@rdfjs/types';
import { sparql } from '../shared/rdf/encode.js';
import { literal, variable } from '../shared/rdf/factory.js';
import { STELSEL } from '../shared/rdf/vocab.js';
import type { TripleStore } from '../shared/store/port.js';
import { dictionaryGraph, dictionaryNode, dictionaryPrefix, key, TEXT_FIELDS } from '../catalog/search-index/index.js';
import type { UriPolicy } from '../shared/uri.js';
import { maskKey, type MaskedWord } from './translate/patterns.js';
import { literalPrefix, regexBody, type Pattern } from './translate/terms.js';

/** Escaped in a `u` regular expression (where escaping any other character is an error). */
const JS_SPECIAL = /[\\^$.|?*+()[\]{}/]/g;

/** The pattern as a JavaScript regular expression over one whole word. */
function wordRegex(p: Pattern): RegExp {
  const body = p.pieces.map((x) => (x.kind === 'text' ? x.value.replace(JS_SPECIAL, '\\$&') : x.kind === 'any' ? '.*' : '.')).join('');
  return new RegExp(`^${body}$`, 'u');
}

/**
 * More matching words than this and the mask stays a REGEX over the index words: a join on a
 * very long list of exact words is no longer cheaper, and some stores plan long alternatives badly.
 */
export const MAX_EXPANSION = 24;

/** From the dictionary, a list this long is still cheaper as exact lookups than any scan. */
export const MAX_DICTIONARY_EXPANSION = 400;

/**
 * Every masked word -> the "field:word" keys of the index words it matches (in the index graphs
 * starting with `indexPrefix`); a mask matching too many words is left out. A mask that starts
 * with at least PREFIX_LENGTH letters is looked up in the word dictionary; others scan the word
 * sequences.
 */
export async function expandMasks(store: TripleStore, uris: UriPolicy, indexPrefix: RDF.Literal, masked: readonly MaskedWord[]): Promise<Map<string, string[]>> {
  const seen = new Set<string>();
  const out = new Map<string, string[]>();
  for (const m of masked) {
    const id = maskKey(m);
    if (seen.has(id)) continue;
    seen.add(id);
    const prefix = dictionaryPrefix(literalPrefix(m.pattern));
    if (prefix) {
      const keys = await fromDictionary(store, uris, m, prefix);
      if (keys.length <= MAX_DICTIONARY_EXPANSION) out.set(id, keys);
      continue;
    }
    const x = variable('x');
    const fieldCheck = m.fields.length === TEXT_FIELDS.length ? sparql`` : sparql`(${sparql.join(m.fields.map((f) => sparql`STRSTARTS(?x, ${literal(key(f, ''))})`), ' || ')}) && `;
    // The literal prefix narrows cheaply; the regular expression (masks within one word) decides.
    const rows = await store.select(sparql`SELECT DISTINCT ${x} WHERE { GRAPH ?g { ?s ${STELSEL.zoektekst} ${x} }
      FILTER(${fieldCheck}CONTAINS(${x}, ${literal(` ${literalPrefix(m.pattern)}`)}) && REGEX(${x}, ${literal(` ${regexBody(m.pattern, true)} `)}) && STRSTARTS(STR(?g), ${indexPrefix})) }`);
    const re = wordRegex(m.pattern);
    const keys = new Set<string>();
    for (const r of rows) {
      const text = r.x?.value ?? '';
      const colon = text.indexOf(':');
      const field = text.slice(0, colon);
      if (!m.fields.includes(field)) continue;
      for (const w of text.slice(colon + 1).split(' ')) if (w && re.test(w)) keys.add(key(field, w));
    }
    if (keys.size <= MAX_EXPANSION) out.set(id, [...keys].sort());
  }
  return out;
}

/** The words of the dictionary nodes of the prefix (one per field) that the mask matches. */
async function fromDictionary(store: TripleStore, uris: UriPolicy, m: MaskedWord, prefix: string): Promise<string[]> {
  const nodes = m.fields.map((f) => dictionaryNode(uris, f, prefix));
  const rows = await store.select(sparql`SELECT DISTINCT ?w WHERE { VALUES ?s { ${nodes} } GRAPH ${dictionaryGraph(uris)} { ?s ${STELSEL.zoekwoord} ?w } }`);
  const re = wordRegex(m.pattern);
  const keys = new Set<string>();
  for (const r of rows) {
    const text = r.w?.value ?? '';
    const colon = text.indexOf(':');
    if (m.fields.includes(text.slice(0, colon)) && re.test(text.slice(colon + 1))) keys.add(text);
  }
  return [...keys].sort();
}
