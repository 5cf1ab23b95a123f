/**
 * The word dictionary of the search index, for masked words (`parkeer*`): one graph per site,
 * {BASE}/graph/zoekindex/woorden, where every word of a full-text field hangs from a node named
 * after the field and the word's first PREFIX_LENGTH letters:
 *
 *   <{BASE}/id/zoekwoord/title/007000610073> stelsel:zoekwoord "title:paspoort"   (0070 0061 0073: "pas")
 *
 * so the words starting with a prefix are one subject lookup. Every product write inserts the
 * words of its index (a word already there is no change); words are never removed, so the
 * dictionary may hold words no product has any more: a masked word expands to those too, and
 * their exact lookups find nothing. Every word of the index is in it, so expansion stays exact.
 */
import type * as RDF from '@rdfjs/types';
import { literal, quad } from '../../shared/rdf/factory.js';
import { STELSEL } from '../../shared/rdf/vocab.js';
import type { UriPolicy } from '../../shared/uri.js';

/** Letters of a word that name its dictionary node. */
export const PREFIX_LENGTH = 3;

/** The first PREFIX_LENGTH letters of a word, or null when it is shorter. */
export function dictionaryPrefix(word: string): string | null {
  const letters = [...word];
  return letters.length >= PREFIX_LENGTH ? letters.slice(0, PREFIX_LENGTH).join('') : null;
}

/** The dictionary node of a field and a prefix (code points in hex, so any letter fits an IRI). */
export function dictionaryNode(uris: UriPolicy, field: string, prefix: string): RDF.NamedNode {
  const hex = [...prefix].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
  return uris.id('zoekwoord', field, hex);
}

/** The dictionary graph of a site (a system graph: under the index graphs, one segment deep). */
export function dictionaryGraph(uris: UriPolicy): RDF.NamedNode {
  return uris.graph('zoekindex', 'woorden');
}

/** The dictionary quads of the single words (stelsel:zoekterm "field:word") among index quads. */
export function dictionaryQuads(uris: UriPolicy, index: readonly RDF.Quad[]): RDF.Quad[] {
  const graph = dictionaryGraph(uris);
  const out = new Map<string, RDF.Quad>();
  for (const q of index) {
    if (!q.predicate.equals(STELSEL.zoekterm) || out.has(q.object.value)) continue;
    const text = q.object.value;
    const colon = text.indexOf(':');
    const word = text.slice(colon + 1);
    const prefix = dictionaryPrefix(word);
    if (colon < 0 || word.includes(' ') || !prefix) continue;
    out.set(text, quad(dictionaryNode(uris, text.slice(0, colon), prefix), STELSEL.zoekwoord, literal(text), graph));
  }
  return [...out.values()];
}
