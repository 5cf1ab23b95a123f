/** @jsxImportSource hono/jsx */
/** /beheer/catalogus/bronnen: the harvest sources with their last run, a form to add one, and "harvest all now". */
import { Layout } from '../../../shared/render/layout.js';
import { TableHead } from '../../../shared/render/table.js';
import type { HarvestReport, HarvestSource } from '../model.js';
import { Outcome, When } from './parts.js';

export const ADMIN_PATH = '/beheer/catalogus/bronnen';

export interface SourcesPageProps {
  sources: { source: HarvestSource; last: HarvestReport | null }[];
  /** Organisations without a source, for the add form. */
  organisations: { slug: string; name: string }[];
  /** When the daily harvest runs next (absent: no daily harvest). */
  nextRun?: string;
}

export function SourcesPage({ sources, organisations, nextRun }: SourcesPageProps) {
  return (
    <Layout title="Oogstbronnen van de productcatalogus">
      <h1>Oogstbronnen van de productcatalogus</h1>
      <p>
        Stelsel haalt de SC-catalogus van elke bron op, controleert hem en leest hem in voor de organisatie van de bron. Een catalogus die
        niet bereikbaar is, verkeerd wordt aangeboden of niet geldig is, wordt niet ingelezen: de producten van de vorige keer blijven staan.
      </p>
      <p>{nextRun ? <>De volgende dagelijkse oogst begint <When iso={nextRun} />.</> : 'Er is geen dagelijkse oogst ingesteld; oogst op verzoek.'}</p>
      {sources.length ? (
        <table>
          <caption>Bronnen</caption>
          <TableHead columns={['Organisatie', 'Catalogus', 'Laatste oogst', 'Uitkomst', 'Nu oogsten']} />
          <tbody>
            {sources.map(({ source, last }) => (
              <tr>
                <td>
                  <a href={`${ADMIN_PATH}/${source.id}`}>{source.organisationName ?? source.id}</a>
                </td>
                <td>
                  <code>{source.url}</code>
                </td>
                <td>{last ? <When iso={last.started} /> : 'nog niet'}</td>
                <td>{last ? <Outcome outcome={last.outcome} /> : '—'}</td>
                <td>
                  <form method="post" action={`${ADMIN_PATH}/${source.id}/oogsten`}>
                    <button type="submit" aria-label={`Nu oogsten: ${source.organisationName ?? source.id}`}>
                      Nu oogsten
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Er zijn nog geen bronnen.</p>
      )}
      {sources.length ? (
        <form method="post" action={`${ADMIN_PATH}/oogsten`}>
          <button type="submit">Alle bronnen nu oogsten</button>
        </form>
      ) : null}
      <h2>Bron toevoegen</h2>
      {organisations.length ? (
        <form method="post" action={ADMIN_PATH}>
          <p>
            <label>
              Organisatie{' '}
              <select name="organisation" required>
                {organisations.map((o) => (
                  <option value={o.slug}>{o.name}</option>
                ))}
              </select>
            </label>
          </p>
          <p>
            <label>
              Adres van de catalogus <small>(http of https, zonder gebruikersnaam of wachtwoord)</small>{' '}
              <input name="url" type="url" required size={60} placeholder="https://www.gemeente.nl/sc-catalogus.xml" />
            </label>
          </p>
          <p>
            <button type="submit">Toevoegen</button>
          </p>
        </form>
      ) : (
        <p>Elke organisatie heeft al een bron.</p>
      )}
    </Layout>
  );
}
