/**
 * The search form of the citizens' search page and the CQL query it stands for. Every value from
 * the form reaches CQL through `clause`, which quotes the term and escapes the CQL specials, so
 * nothing a visitor types can change the structure of the query.
 */

/** The form fields (query-string names) of /zoeken. */
export interface SearchForm {
  /** Words from the search box (all must occur: keyword =). */
  readonly q: string;
  readonly postcode: string;
  readonly gemeente: string;
  /** particulier | ondernemer */
  readonly doelgroep: string;
  /** ja | nee | digid */
  readonly online: string;
  /** Bevoegd gezag by name (facet filter). */
  readonly organisatie: string;
  /** Gemeente, Provincie, Waterschap, ... (facet filter). */
  readonly organisatietype: string;
  /** Modified on or after this date (YYYY-MM-DD). */
  readonly vanaf: string;
  /** Modified before this date (YYYY-MM-DD). */
  readonly tot: string;
  /** `datum`: newest first; otherwise relevance. */
  readonly sorteer: string;
  /** 1-based page number. */
  readonly pagina: number;
}

export type FilterField = 'doelgroep' | 'online' | 'organisatie' | 'organisatietype' | 'vanaf' | 'tot';
export const FIELDS = ['q', 'postcode', 'gemeente', 'doelgroep', 'online', 'organisatie', 'organisatietype', 'vanaf', 'tot', 'sorteer'] as const;
type TextField = (typeof FIELDS)[number];

export const PAGE_SIZE = 10;
/** Longer input is cut (a search box, not a document). */
const MAX_LENGTH = 200;

/** The form from the query string: trimmed, bounded, the page number a positive integer. */
export function readForm(get: (name: string) => string | undefined): SearchForm {
  const text = (name: TextField) => (get(name) ?? '').trim().slice(0, MAX_LENGTH);
  const page = Number.parseInt(get('pagina') ?? '1', 10);
  return {
    q: text('q'), postcode: text('postcode'), gemeente: text('gemeente'), doelgroep: text('doelgroep'), online: text('online'),
    organisatie: text('organisatie'), organisatietype: text('organisatietype'), vanaf: text('vanaf'), tot: text('tot'), sorteer: text('sorteer'),
    pagina: Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
}

/** A CQL term in double quotes with `\ " * ? ^` escaped: always the literal text. */
export function cqlTerm(value: string): string {
  return `"${value.replace(/[\\"*?^]/g, (c) => `\\${c}`)}"`;
}

/** One search clause `index relation "value"`; the only way form values become CQL. */
export function clause(index: string, relation: '=' | '==' | '>=' | '<', value: string): string {
  return `${index} ${relation} ${cqlTerm(value)}`;
}

/** The filters of a form as CQL clauses (index, relation, form field). */
const FILTERS: readonly [FilterField, string, '=' | '==' | '>=' | '<'][] = [
  ['doelgroep', 'dcterms.audience', '='],
  ['online', 'overheidproduct.onlineaanvragen', '='],
  ['organisatie', 'overheid.authority', '=='],
  ['organisatietype', 'organisatietype', '='],
  ['vanaf', 'dcterms.modified', '>='],
  ['tot', 'dcterms.modified', '<'],
];

/** The form field a facet term filters on, from the facet's index and the term's relation. */
export function filterFieldOf(index: string, relation: string): FilterField | null {
  const hit = FILTERS.find(([, i, r]) => i === index && (i !== 'dcterms.modified' || r === relation));
  return hit ? hit[0] : null;
}

/**
 * The CQL query of a form, or null when the form asks nothing. The location scope comes first,
 * in its own parentheses (postcode wins over gemeente); the other clauses follow with `and`.
 */
export function formToCql(f: SearchForm): string | null {
  const parts: string[] = [];
  if (f.postcode) parts.push(`(${clause('postcode', '=', f.postcode)})`);
  else if (f.gemeente) parts.push(`(${clause('organisatie', '=', f.gemeente)})`);
  if (f.q) parts.push(clause('keyword', '=', f.q));
  for (const [field, index, relation] of FILTERS) if (f[field]) parts.push(clause(index, relation, f[field]));
  if (!parts.length) return null;
  return parts.join(' and ') + (f.sorteer === 'datum' ? ' sortby dcterms.modified/sort.descending' : '');
}

/** The /zoeken URL of a form with some fields changed (empty values and page 1 left out). */
export function formHref(path: string, f: SearchForm, changes: Partial<Record<TextField, string>> & { pagina?: number } = {}): string {
  const merged = { ...f, ...changes };
  const params = new URLSearchParams();
  for (const name of FIELDS) if (merged[name]) params.set(name, merged[name]);
  if (merged.pagina > 1) params.set('pagina', String(merged.pagina));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
