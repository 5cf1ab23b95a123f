/**
 * The listing index: one row per series for the version the public sees (published) and for the
 * working version when it is submitted, read from the store in one query and kept in memory.
 * Searching, paging and facets then run over plain arrays. Writes made through this process drop
 * the index at once; writes by other instances sharing the store are picked up when the index is
 * older than `maxAgeMs`.
 */
import type { SeriesFilter, SeriesRepository, SeriesSummary } from './repository.js';

export type FacetName = 'org' | 'soort' | 'best' | 'proces';

interface Row extends SeriesSummary {
  /** Lower-cased name, description and process, for free-text search and sorting. */
  text: string;
  key: string;
}

export class SeriesSearchIndex {
  private rows: Promise<{ published: Row[]; submitted: Row[] }> | null = null;
  private builtAt = 0;

  constructor(
    private readonly repo: SeriesRepository,
    private readonly maxAgeMs = 30_000,
  ) {}

  invalidate(): void {
    this.rows = null;
  }

  private load() {
    if (!this.rows || Date.now() - this.builtAt > this.maxAgeMs) {
      this.builtAt = Date.now();
      const build = async () => {
        const toRows = (xs: SeriesSummary[]) =>
          xs
            .map((s) => ({ ...s, text: `${s.naam}\n${s.omschrijving ?? ''}\n${s.proces ?? ''}`.toLowerCase(), key: `${s.naam.toLowerCase()}\u0000${s.id}` }))
            .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        const all = { offset: 0, limit: 10_000_000 };
        const [p, s] = await Promise.all([this.repo.search({ which: 'published' }, all), this.repo.search({ which: { working: 'ingediend' } }, all)]);
        return { published: toRows(p.items), submitted: toRows(s.items) };
      };
      const pending = build();
      this.rows = pending;
      pending.catch(() => {
        if (this.rows === pending) this.rows = null;
      });
    }
    return this.rows;
  }

  private async matching(f: SeriesFilter): Promise<Row[]> {
    const rows = await this.load();
    const words = (f.text ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);
    const proces = f.proces?.toLowerCase();
    const g = f.geldigheid;
    return (f.which === 'published' ? rows.published : rows.submitted).filter(
      (r) =>
        (f.which === 'published' || r.status === f.which.working) &&
        (!f.organisatie || r.organisatie === f.organisatie) &&
        (!f.organisaties || (r.organisatie !== undefined && f.organisaties.includes(r.organisatie))) &&
        (!f.soort || r.soort === f.soort) &&
        (!f.bestemming || r.bestemming === f.bestemming) &&
        (!proces || r.proces?.toLowerCase() === proces) &&
        words.every((w) => r.text.includes(w)) &&
        (!g ||
          (g.kind === 'verlopen'
            ? !!r.geldigTot && r.geldigTot < g.today
            : g.kind === 'verloopt'
              ? !!r.geldigTot && r.geldigTot >= g.today && r.geldigTot <= g.in6Months
              : !r.geldigTot || r.geldigTot >= g.today)),
    );
  }

  async search(f: SeriesFilter, page: { offset: number; limit: number }): Promise<{ total: number; items: SeriesSummary[] }> {
    const hits = await this.matching(f);
    return { total: hits.length, items: hits.slice(page.offset, page.offset + page.limit).map(({ text: _t, key: _k, ...s }) => s) };
  }

  async facet(f: SeriesFilter, name: FacetName): Promise<{ value: string; count: number }[]> {
    const counts = new Map<string, number>();
    for (const r of await this.matching(f)) {
      const v = name === 'org' ? r.organisatie : name === 'soort' ? r.soort : name === 'best' ? r.bestemming : r.proces;
      if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)).slice(0, 50);
  }
}
