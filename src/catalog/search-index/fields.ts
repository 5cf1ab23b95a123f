/**
 * The searchable fields of a product and how each is indexed. Field names are the SRU index names
 * in lower case (DOMAIN.md section 2); `keyword` is the union of the full-text fields.
 */

/** Full-text fields: words, adjacent word pairs and the word sequence of every value. */
export const TEXT_FIELDS = ['title', 'abstract', 'subject', 'producthtml', 'authority'] as const;
export type TextField = (typeof TEXT_FIELDS)[number] | 'keyword';

/**
 * Full-text fields whose adjacent word pairs are index words too (two-word phrases as one lookup).
 * Not productHTML: its pairs would be as many as its words again, more than the store can hold at
 * national scale (60 000 products); phrases there are checked on the word sequences.
 */
export const PAIR_FIELDS: ReadonlySet<string> = new Set<TextField>(['title', 'abstract', 'subject', 'authority']);

/** Typed fields: the whole value, folded (exact match, masks over the value). */
export const VALUE_FIELDS = [
  'audience', 'language', 'identifier', 'productid', 'onlineaanvragen', 'aanvraagurl', 'eenmaligaanmelden',
  'organisatietype', 'spatialtype', 'uniformeproductnaam', 'gerelateerdproduct', 'type',
] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

/** Fields whose values as delivered are kept for facet display. */
export const LABEL_FIELDS = ['audience', 'onlineaanvragen', 'authority', 'organisatietype'] as const;
export type LabelField = (typeof LABEL_FIELDS)[number];

/**
 * Not a CQL index: the authority IRI of a product as delivered, for location scoping
 * (`stelsel:zoekwaarde "gezag:<IRI>"`), so a scope is exact-literal lookups in the index graphs.
 */
export const AUTHORITY_IRI_FIELD = 'gezag';

/** The index literal of a field value: `field:value`. */
export const key = (field: string, value: string): string => `${field}:${value}`;
