/** @jsxImportSource hono/jsx */
/** /series: all published series of all organisations, with search and facets. */
import { Layout } from '../../shared/render/layout.js';
import { TableHead } from '../../shared/render/table.js';
import type { CodeLists } from '../codelists.js';
import type { SeriesOrganisation, SeriesSummary } from '../repository.js';

export interface Facet {
  name: string;
  title: string;
  values: { value: string; label: string; count: number }[];
}

export interface BrowseProps {
  query: Record<string, string>;
  total: number;
  page: number;
  size: number;
  items: SeriesSummary[];
  facets: Facet[];
  organisations: ReadonlyMap<string, SeriesOrganisation>;
  lists: CodeLists;
  loggedIn: boolean;
}

const link = (query: Record<string, string>, change: Record<string, string | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...change })) if (v !== undefined && v !== '' && k !== 'page') q.set(k, v);
  if (change.page) q.set('page', change.page);
  const s = q.toString();
  return s ? `/series?${s}` : '/series';
};

export function BrowsePage({ query, total, page, size, items, facets, organisations, lists, loggedIn }: BrowseProps) {
  return (
    <Layout title="Serieregister">
      <h1>Serieregister</h1>
      <p>
        Alle gepubliceerde series van alle organisaties: wat ze bewaren, hoe lang, en wat er daarna mee gebeurt (Bestuursdecreet, art.
        III.79-III.89). {loggedIn ? <a href="/series/taken">Mijn taken</a> : null} {loggedIn ? <a href="/series/nieuw">Nieuwe serie</a> : null}{' '}
        {loggedIn ? <a href="/series/import">Importeren</a> : null} <a href="/api/series/importblad.xlsx">Importblad (XLSX)</a>{' '}
        <a href="/api/series/importblad.csv">Importblad (CSV)</a>
      </p>
      <form method="get" action="/series" role="search">
        <label>
          Zoeken <input type="search" name="q" value={query.q ?? ''} />
        </label>
        {Object.entries(query)
          .filter(([k]) => k !== 'q' && k !== 'page')
          .map(([k, v]) => (
            <input type="hidden" name={k} value={v} />
          ))}{' '}
        <button type="submit">Zoeken</button>
      </form>
      <div class="facets">
        {facets.map((f) => (
          <section aria-label={f.title}>
            <h2>{f.title}</h2>
            <ul>
              {query[f.name] ? (
                <li>
                  <a href={link(query, { [f.name]: undefined })}>alle</a>
                </li>
              ) : null}
              {f.values.map((v) => (
                <li>
                  <a href={link(query, { [f.name]: v.value })} aria-current={query[f.name] === v.value ? 'true' : undefined}>
                    {v.label}
                  </a>{' '}
                  ({v.count})
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <p>
        {total} {total === 1 ? 'serie' : 'series'}. Exporteer deze selectie als <a href={link(query, {}).replace('/series', '/api/series/export.xlsx')}>XLSX</a>,{' '}
        <a href={link(query, {}).replace('/series', '/api/series/export.csv')}>CSV</a>, <a href={link(query, {}).replace('/series', '/api/series/export.ttl')}>Turtle</a> of{' '}
        <a href={link(query, {}).replace('/series', '/api/series/export.jsonld')}>JSON-LD</a>.
      </p>
      <table>
        <TableHead columns={['Naam', 'Organisatie', 'Proces', 'Bestemming', 'Geldig tot']} />
        <tbody>
          {items.map((s) => (
            <tr>
              <td>
                <a href={`/doc/serie/${s.id}`}>{s.naam}</a>
              </td>
              <td>{s.organisatie ? (organisations.get(s.organisatie)?.label ?? s.organisatie) : `Sjabloon: ${lists.label('organisatietype', s.organisatietype)}`}</td>
              <td>{s.proces ?? ''}</td>
              <td>{lists.label('bestemming', s.bestemming)}</td>
              <td>{s.geldigTot ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="Pagina's">
        {page > 0 ? <a href={link(query, { page: String(page - 1) })}>Vorige</a> : null}{' '}
        {(page + 1) * size < total ? <a href={link(query, { page: String(page + 1) })}>Volgende</a> : null}
      </nav>
    </Layout>
  );
}
