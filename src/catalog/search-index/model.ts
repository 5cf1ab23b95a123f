/**
 * The product search index, written at the same time as the product (same transaction), in a
 * system graph of its own per product:
 *
 *   product graph  {BASE}/graph/product/{org}/{key}
 *   index graph    {BASE}/graph/zoekindex/{org}/{key}
 *
 * Triples (subject: the product IRI; every literal "<field>:<folded text>", see tokenise.ts):
 *
 *   stelsel:zoekterm   "title:paspoort"            each distinct word of a full-text field
 *   stelsel:zoekterm   "title:paspoort aanvragen"  each distinct pair of adjacent words in one value
 *                                                  (PAIR_FIELDS: not productHTML, see fields.ts)
 *   stelsel:zoektekst  "title: paspoort aanvragen " the words of one value in order (phrases, ==)
 *   stelsel:zoekwaarde "audience:particulier"      the whole value of a typed field
 *   stelsel:zoekwaarde "gezag:<authority IRI>"     the authority as delivered (location scoping)
 *   stelsel:zoeklabel  "authority:Tilburg"         facet values as delivered
 *   stelsel:zoekdatum  "2024-03-18"^^xsd:date      the date of dcterms:modified (sorting, facets)
 *   stelsel:zoekwaarde "modified:2024-03"          that date as period tokens (dates.ts; ranges)
 *
 * A word search is then one exact-literal lookup (keyword: one per full-text field); a two-word
 * phrase too (its pair); a longer phrase is the join of its pairs, confirmed on the word sequences
 * of those candidates only; a date range is a union of period lookups.
 */
import type * as RDF from '@rdfjs/types';
import { literal, quad } from '../../shared/rdf/factory.js';
import { DCT, OVERHEID, OVERHEIDPRODUCT, RDF_, STELSEL, XSD } from '../../shared/rdf/vocab.js';
import type { GraphReplacement } from '../../shared/store/port.js';
import type { UriPolicy } from '../../shared/uri.js';
import { AUTHORITY_IRI_FIELD, key, PAIR_FIELDS, type LabelField, type TextField, type ValueField } from './fields.js';
import { dateKeys } from './dates.js';
import { dictionaryQuads } from './dictionary.js';
import { normaliseValue, phraseText, tokens } from './tokenise.js';
import { htmlText, scLabels } from './xml-text.js';

/** The index graph of a product graph, or null when the graph is not a product graph. */
export function indexGraphOf(uris: UriPolicy, productGraph: RDF.NamedNode): RDF.NamedNode | null {
  const prefix = `${uris.graph('product').value}/`;
  if (!productGraph.value.startsWith(prefix)) return null;
  const rest = productGraph.value.slice(prefix.length).split('/');
  return uris.graph('zoekindex', ...rest);
}

const VALUE_PREDICATES: [ValueField, RDF.NamedNode][] = [
  ['audience', DCT.audience], ['language', DCT.language], ['identifier', DCT.identifier], ['type', DCT.type],
  ['productid', OVERHEIDPRODUCT.productID], ['onlineaanvragen', OVERHEIDPRODUCT.onlineAanvragen],
  ['aanvraagurl', OVERHEIDPRODUCT.aanvraagURL], ['eenmaligaanmelden', OVERHEIDPRODUCT.eenmaligAanmelden],
  ['organisatietype', STELSEL.authorityScheme], ['spatialtype', STELSEL.spatialScheme],
];

/** The index quads of one product, from the quads of its graph (empty when they hold no product). */
export function indexQuads(quads: readonly RDF.Quad[]): RDF.Quad[] {
  const product = quads.find((q) => q.predicate.equals(RDF_.type) && q.object.equals(STELSEL.Product))?.subject;
  if (!product) return [];
  const values = (p: RDF.NamedNode) => quads.filter((q) => q.subject.equals(product) && q.predicate.equals(p)).map((q) => q.object.value);
  const out = new Map<string, RDF.Quad>();
  const add = (p: RDF.NamedNode, o: RDF.Literal) => out.set(`${p.value} ${o.value} ${o.datatype.value}`, quad(product, p, o));
  const xml = values(STELSEL.sourceXml)[0] ?? '';
  const labels = scLabels(xml);

  const text = (field: TextField, value: string) => {
    const words = tokens(value);
    if (!words.length) return;
    add(STELSEL.zoektekst, literal(key(field, phraseText(words))));
    for (const w of words) add(STELSEL.zoekterm, literal(key(field, w)));
    // Adjacent pairs (within this value): a two-word phrase is one exact lookup.
    if (PAIR_FIELDS.has(field)) for (let i = 1; i < words.length; i++) add(STELSEL.zoekterm, literal(key(field, `${words[i - 1]!} ${words[i]!}`)));
  };
  for (const v of values(DCT.title)) text('title', v);
  for (const v of values(DCT.abstract)) text('abstract', v);
  for (const v of values(DCT.subject)) text('subject', v);
  for (const v of values(OVERHEIDPRODUCT.productHTML)) text('producthtml', htmlText(v));
  for (const v of labels.authority) text('authority', v);

  const value = (field: ValueField, v: string) => {
    const n = normaliseValue(v);
    if (n) add(STELSEL.zoekwaarde, literal(key(field, n)));
  };
  for (const [field, p] of VALUE_PREDICATES) for (const v of values(p)) value(field, v);
  for (const v of values(OVERHEID.authority)) add(STELSEL.zoekwaarde, literal(key(AUTHORITY_IRI_FIELD, v)));
  for (const v of labels.uniformeProductnaam) value('uniformeproductnaam', v);
  for (const v of labels.gerelateerdProduct) value('gerelateerdproduct', v);

  const label = (field: LabelField, v: string) => add(STELSEL.zoeklabel, literal(key(field, v.trim())));
  for (const v of values(DCT.audience)) label('audience', v);
  for (const v of values(OVERHEIDPRODUCT.onlineAanvragen)) label('onlineaanvragen', v);
  for (const v of values(STELSEL.authorityScheme)) label('organisatietype', v);
  for (const v of labels.authority) label('authority', v);

  for (const v of values(DCT.modified)) {
    if (!/^\d{4}-\d{2}-\d{2}/.test(v)) continue;
    add(STELSEL.zoekdatum, literal(v.slice(0, 10), XSD.date));
    for (const k of dateKeys(v.slice(0, 10))) add(STELSEL.zoekwaarde, literal(k));
  }
  return [...out.values()];
}

/**
 * The search-index part of a product write: the graph replacements (withSearchIndex) and the
 * words of the new index graphs for the shared word dictionary (dictionary.ts; insert only).
 */
export function searchIndexWrite(uris: UriPolicy, replacements: readonly GraphReplacement[]): { replaceGraphs: GraphReplacement[]; insert: RDF.Quad[] } {
  const replaceGraphs = withSearchIndex(uris, replacements);
  return { replaceGraphs, insert: dictionaryQuads(uris, replaceGraphs.flatMap((r) => r.quads)) };
}

/**
 * The replacements of a product write plus those of the products' index graphs: a product graph
 * replaced gets its index rebuilt, a product graph cleared gets its index cleared. Graphs that are
 * not product graphs pass through unchanged.
 */
export function withSearchIndex(uris: UriPolicy, replacements: readonly GraphReplacement[]): GraphReplacement[] {
  const out: GraphReplacement[] = [...replacements];
  for (const r of replacements) {
    const graph = indexGraphOf(uris, r.graph);
    // The quads carry their graph too, so they can also be bulk-loaded as they are.
    if (graph) out.push({ graph, quads: indexQuads(r.quads).map((q) => quad(q.subject, q.predicate, q.object, graph)) });
  }
  return out;
}
