/**
 * The SRU search use case: CQL text in, a page of records (and facets) out. Parameter checking is
 * the route's; everything here answers SruDiagnostic for bad queries, never an internal error.
 */
import type * as RDF from '@rdfjs/types';
import { literal, namedNode } from '../shared/rdf/factory.js';
import type { SparqlFragment } from '../shared/rdf/encode.js';
import type { TripleStore } from '../shared/store/port.js';
import type { UriPolicy } from '../shared/uri.js';
import { CqlSyntaxError, parseCql, type CqlQuery } from './cql/index.js';
import { DIAG, SruDiagnostic } from './diagnostic.js';
import { dateFacet, splitSort, valueFacets, type Facet } from './facets.js';
import { countQuery, dateFacetQuery, facetQuery, pageQuery, recordQuery } from './queries.js';
import { originalData, type Enriched } from './records/original-data.js';
import { resolveScope, scopeMatch } from './scope.js';
import { expandMasks } from './expand.js';
import { and, guard, Vars, type MaskedWord, type PatternContext } from './translate/patterns.js';
import { translate, type Translation } from './translate/translate.js';
import { sparqlAlgebra, type Algebra } from './translate/algebra.js';
import { count as countBits, type Bits } from './memory/bits.js';
import { memoryAlgebra } from './memory/algebra.js';
import { sharedIndexCopy, type IndexCopy } from './memory/shared.js';
import { memoryFacets, memoryPage } from './memory/search.js';

export interface SearchParams {
  readonly query: string;
  /** 1-based. */
  readonly startRecord: number;
  readonly maximumRecords: number;
  readonly facets: boolean;
}

export interface SruRecord {
  readonly position: number;
  readonly product: string;
  /** The scproduct as delivered minus dcterms:subject, namespace-complete. */
  readonly originalData: string;
  readonly enrichedData: Enriched;
}

export interface SearchResult {
  readonly numberOfRecords: number;
  readonly records: readonly SruRecord[];
  readonly nextRecordPosition?: number;
  readonly facets?: readonly Facet[];
}

/** The SC service returns at most this many records per request. */
export const MAX_RECORDS = 4020;

const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

export function parseQuery(query: string): CqlQuery {
  try {
    return parseCql(query);
  } catch (e) {
    if (e instanceof CqlSyntaxError) throw new SruDiagnostic(e.diagnostic, `${e.message} (position ${e.position + 1})`, e.message);
    throw e;
  }
}

/** An algebra that builds nothing: translating with it only checks the query and finds its scope. */
const none = () => null;
const CHECK_ONLY: Algebra<null> = {
  word: none, phrase: none, exactText: none, value: none, valueKeys: none, anyProduct: none, dateRange: none, union: none, and: none, not: none,
};

/**
 * The record parts of a stored scproduct, remembered by its text: re-reading the XML of ten
 * records (~0.15 ms each) would cost more than the rest of a search. A product's stored text
 * changes with every new delivery, so an entry is never out of date; at most RECORD_CACHE kept.
 */
const RECORD_CACHE = 4096;
const records = new Map<string, ReturnType<typeof originalData>>();
function recordOf(stored: string): ReturnType<typeof originalData> {
  const hit = records.get(stored);
  if (hit) {
    records.delete(stored);
    records.set(stored, hit);
    return hit;
  }
  const made = originalData(stored);
  if (records.size >= RECORD_CACHE) records.delete(records.keys().next().value!);
  records.set(stored, made);
  return made;
}

export interface SruSearchDeps {
  store: TripleStore;
  uris: UriPolicy;
  /**
   * The in-memory copy of the search index to answer from when it is filled (memory/): by default
   * the store's shared copy where the store has a commit feed (embedded); false: SPARQL only.
   */
  indexCopy?: IndexCopy | false;
}

export class SruSearchService {
  private readonly copy: IndexCopy | null;

  constructor(
    private readonly deps: SruSearchDeps,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.copy = deps.indexCopy === false ? null : (deps.indexCopy ?? sharedIndexCopy(deps.store, deps.uris));
  }

  /** Resolves when searches answer from the in-memory copy (false: they use SPARQL only). */
  async indexCopyReady(): Promise<boolean> {
    return this.copy ? this.copy.ready : false;
  }

  private get productIdPrefix(): RDF.Literal {
    return literal(this.deps.uris.url('/id/product/'));
  }

  private get productPrefix(): RDF.Literal {
    return literal(`${this.deps.uris.graph('product').value}/`);
  }

  /** The pattern binding ?p to the matches of a query (throws SruDiagnostic). */
  async where(q: CqlQuery, cx: PatternContext): Promise<{ where: SparqlFragment; translation: Translation<SparqlFragment> }> {
    // Masked words first: resolved to the index words they match, then translated as exact words.
    const masked: MaskedWord[] = [];
    translate(q, sparqlAlgebra({ ...cx, vars: new Vars(), masked }));
    if (masked.length) cx.expansions = await expandMasks(this.deps.store, this.deps.uris, literal(`${this.deps.uris.searchIndexGraph.value}/`), masked);
    const alg = sparqlAlgebra(cx);
    const translation = translate(q, alg);
    const parts: SparqlFragment[] = [];
    if (translation.scope) parts.push(scopeMatch(alg, await resolveScope(this.deps.store, this.deps.uris, translation.scope)));
    if (translation.where) parts.push(translation.where);
    return { where: guard(cx, parts.length === 1 ? parts[0]! : and(parts)), translation };
  }

  /** The matches as a bit set of the in-memory copy (which holds this site's products only). */
  private async memoryMatch(copy: IndexCopy, q: CqlQuery): Promise<{ match: Bits; translation: Translation<Bits> }> {
    // Checked (diagnostics) and its scope resolved first; then evaluated in one synchronous step,
    // so the copy cannot follow a commit halfway.
    const checked = translate(q, CHECK_ONLY);
    const scope = checked.scope ? await resolveScope(this.deps.store, this.deps.uris, checked.scope) : null;
    const alg = memoryAlgebra(copy);
    const translation = translate(q, alg);
    const parts = [...(scope ? [scopeMatch(alg, scope)] : []), ...(translation.where ? [translation.where] : [])];
    return { match: parts.length ? alg.and(parts) : alg.anyProduct(), translation };
  }

  async search(p: SearchParams): Promise<SearchResult> {
    const q = parseQuery(p.query);
    const limit = Math.min(p.maximumRecords, MAX_RECORDS);
    const copy = this.copy?.isReady() ? this.copy : null;
    let count: number;
    let products: () => Promise<RDF.NamedNode[]>;
    let facets: () => Promise<Facet[]>;
    if (copy) {
      const { match, translation } = await this.memoryMatch(copy, q);
      count = countBits(match);
      products = async () => memoryPage(copy, match, translation.sort, translation.rankWords, p.startRecord - 1, limit).map((iri) => namedNode(iri));
      facets = async () => {
        const { week, year } = this.facetDays();
        const c = memoryFacets(copy, match, week, year);
        return this.facetList(p.query, q, c.labels, c, week, year);
      };
    } else {
      const cx: PatternContext = { vars: new Vars(), productPrefix: this.productIdPrefix };
      const { where, translation } = await this.where(q, cx);
      count = Number((await this.deps.store.select(countQuery(where)))[0]?.n?.value ?? 0);
      products = async () => {
        const rows = await this.deps.store.select(pageQuery(cx, where, translation, p.startRecord - 1, limit, count));
        return rows.flatMap((r) => (r.p?.termType === 'NamedNode' ? [r.p] : []));
      };
      facets = () => this.facets(p.query, q, where);
    }
    if (count > 0 && p.startRecord > count) {
      throw new SruDiagnostic(DIAG.firstRecordOutOfRange, String(p.startRecord), `startRecord ${p.startRecord} lies past the last record (${count})`);
    }
    const records = limit > 0 && count > 0 ? await this.records(await products(), p.startRecord) : [];
    const next = p.startRecord + records.length;
    const facetList = p.facets ? await facets() : undefined;
    return { numberOfRecords: count, records, ...(records.length && next <= count ? { nextRecordPosition: next } : {}), ...(facetList ? { facets: facetList } : {}) };
  }

  private async records(products: readonly RDF.NamedNode[], first: number): Promise<SruRecord[]> {
    if (!products.length) return [];
    const rows = await this.deps.store.select(recordQuery(products, this.productPrefix));
    const xmlOf = new Map<string, string>();
    for (const r of rows) if (r.p && r.xml && !xmlOf.has(r.p.value)) xmlOf.set(r.p.value, r.xml.value);
    return products.flatMap((p, i) => {
      const stored = xmlOf.get(p.value);
      if (stored === undefined) return [];
      const { xml, enriched } = recordOf(stored);
      return [{ position: first + i, product: p.value, originalData: xml, enrichedData: enriched }];
    });
  }

  /** The first day of the last week and of this year (Europe/Amsterdam), YYYY-MM-DD. */
  private facetDays(): { week: string; year: string } {
    const today = AMSTERDAM_DATE.format(this.now());
    return { week: new Date(Date.parse(`${today}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10), year: `${today.slice(0, 4)}-01-01` };
  }

  private facetList(query: string, q: CqlQuery, labels: Map<string, number>, dates: { week: number; year: number; earlier: number }, week: string, year: string): Facet[] {
    const { base, sort } = splitSort(query, q);
    return [...valueFacets(labels, base, sort), dateFacet(dates, week, year, base, sort)];
  }

  private async facets(query: string, q: CqlQuery, where: SparqlFragment): Promise<Facet[]> {
    const counts = new Map<string, number>();
    for (const r of await this.deps.store.select(facetQuery(where))) if (r.v && r.n) counts.set(r.v.value, Number(r.n.value));
    const { week, year } = this.facetDays();
    const row = (await this.deps.store.select(dateFacetQuery(where, week, year)))[0] ?? {};
    const n = (k: string) => Number(row[k]?.value ?? 0);
    return this.facetList(query, q, counts, { week: n('week'), year: n('year'), earlier: n('earlier') }, week, year);
  }
}
