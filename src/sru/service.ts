/**
 * The SRU search use case: CQL text in, a page of records (and facets) out. Parameter checking is
 * the route's; everything here answers SruDiagnostic for bad queries, never an internal error.
 */
import type * as RDF from '@rdfjs/types';
import { literal } from '../shared/rdf/factory.js';
import type { SparqlFragment } from '../shared/rdf/encode.js';
import type { TripleStore } from '../shared/store/port.js';
import type { UriPolicy } from '../shared/uri.js';
import { CqlSyntaxError, parseCql, type CqlQuery } from './cql/index.js';
import { DIAG, SruDiagnostic } from './diagnostic.js';
import { dateFacet, splitSort, valueFacets, type Facet } from './facets.js';
import { countQuery, dateFacetQuery, facetQuery, pageQuery, recordQuery } from './queries.js';
import { originalData, type Enriched } from './records/original-data.js';
import { resolveScope, scopePattern } from './scope.js';
import { expandMasks } from './expand.js';
import { and, guard, Vars, type MaskedWord, type PatternContext } from './translate/patterns.js';
import { translate } from './translate/translate.js';

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

export class SruSearchService {
  constructor(
    private readonly deps: { store: TripleStore; uris: UriPolicy },
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get productIdPrefix(): RDF.Literal {
    return literal(this.deps.uris.url('/id/product/'));
  }

  private get productPrefix(): RDF.Literal {
    return literal(`${this.deps.uris.graph('product').value}/`);
  }

  /** The pattern binding ?p to the matches of a query (throws SruDiagnostic). */
  async where(q: CqlQuery, cx: PatternContext): Promise<{ where: SparqlFragment; translation: ReturnType<typeof translate> }> {
    // Masked words first: resolved to the index words they match, then translated as exact words.
    const masked: MaskedWord[] = [];
    translate(q, { ...cx, vars: new Vars(), masked });
    if (masked.length) cx.expansions = await expandMasks(this.deps.store, this.deps.uris, literal(`${this.deps.uris.searchIndexGraph.value}/`), masked);
    const translation = translate(q, cx);
    const parts: SparqlFragment[] = [];
    if (translation.scope) parts.push(scopePattern(cx, await resolveScope(this.deps.store, this.deps.uris, translation.scope)));
    if (translation.where) parts.push(translation.where);
    return { where: guard(cx, parts.length === 1 ? parts[0]! : and(parts)), translation };
  }

  async search(p: SearchParams): Promise<SearchResult> {
    const q = parseQuery(p.query);
    const cx: PatternContext = { vars: new Vars(), productPrefix: this.productIdPrefix };
    const { where, translation } = await this.where(q, cx);
    const count = Number((await this.deps.store.select(countQuery(where)))[0]?.n?.value ?? 0);
    if (count > 0 && p.startRecord > count) {
      throw new SruDiagnostic(DIAG.firstRecordOutOfRange, String(p.startRecord), `startRecord ${p.startRecord} lies past the last record (${count})`);
    }
    const limit = Math.min(p.maximumRecords, MAX_RECORDS);
    let records: SruRecord[] = [];
    if (limit > 0 && count > 0) {
      const rows = await this.deps.store.select(pageQuery(cx, where, translation, p.startRecord - 1, limit, count));
      const products = rows.flatMap((r) => (r.p?.termType === 'NamedNode' ? [r.p] : []));
      records = await this.records(products, p.startRecord);
    }
    const next = p.startRecord + records.length;
    const facets = p.facets ? await this.facets(p.query, q, where) : undefined;
    return { numberOfRecords: count, records, ...(records.length && next <= count ? { nextRecordPosition: next } : {}), ...(facets ? { facets } : {}) };
  }

  private async records(products: readonly RDF.NamedNode[], first: number): Promise<SruRecord[]> {
    if (!products.length) return [];
    const rows = await this.deps.store.select(recordQuery(products, this.productPrefix));
    const xmlOf = new Map<string, string>();
    for (const r of rows) if (r.p && r.xml && !xmlOf.has(r.p.value)) xmlOf.set(r.p.value, r.xml.value);
    return products.flatMap((p, i) => {
      const stored = xmlOf.get(p.value);
      if (stored === undefined) return [];
      const { xml, enriched } = originalData(stored);
      return [{ position: first + i, product: p.value, originalData: xml, enrichedData: enriched }];
    });
  }

  private async facets(query: string, q: CqlQuery, where: SparqlFragment): Promise<Facet[]> {
    const { base, sort } = splitSort(query, q);
    const counts = new Map<string, number>();
    for (const r of await this.deps.store.select(facetQuery(where))) if (r.v && r.n) counts.set(r.v.value, Number(r.n.value));
    const today = AMSTERDAM_DATE.format(this.now());
    const weekStart = new Date(Date.parse(`${today}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    const yearStart = `${today.slice(0, 4)}-01-01`;
    const row = (await this.deps.store.select(dateFacetQuery(where, weekStart, yearStart)))[0] ?? {};
    const n = (k: string) => Number(row[k]?.value ?? 0);
    return [...valueFacets(counts, base, sort), dateFacet({ week: n('week'), year: n('year'), earlier: n('earlier') }, weekStart, yearStart, base, sort)];
  }
}
