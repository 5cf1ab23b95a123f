/** @jsxImportSource hono/jsx */
/** /beheer/catalogus/bronnen/{id}: a source and the reports of its harvest runs, newest first. */
import { Layout } from '../../../shared/render/layout.js';
import { TableHead } from '../../../shared/render/table.js';
import type { HarvestReport, HarvestSource } from '../model.js';
import { bytesText, Outcome, Problems, When } from './parts.js';
import { ADMIN_PATH } from './sources.js';

export interface HistoryPageProps {
  source: HarvestSource;
  reports: HarvestReport[];
  /** Catalogusbeheerders may harvest now and remove the source. */
  manage: boolean;
}

const products = (r: HarvestReport) =>
  r.productsDelivered === undefined ? '—' : `${r.productsDelivered} geleverd, ${r.productsImported ?? 0} ingelezen, ${r.productsRemoved ?? 0} verwijderd`;

export function HistoryPage({ source, reports, manage }: HistoryPageProps) {
  const name = source.organisationName ?? source.id;
  return (
    <Layout title={`Oogsthistorie ${name}`}>
      <h1>Oogsthistorie van {name}</h1>
      <dl>
        <dt>Catalogus</dt>
        <dd>
          <code>{source.url}</code>
        </dd>
        <dt>Bron sinds</dt>
        <dd>
          <When iso={source.created} />
        </dd>
      </dl>
      <p>
        <a href={`/api/catalogus/bronnen/${source.id}/historie`}>Deze historie als JSON</a>
        {manage ? (
          <>
            {' · '}
            <a href={ADMIN_PATH}>Alle bronnen</a>
          </>
        ) : null}
      </p>
      {manage ? (
        <form method="post" action={`${ADMIN_PATH}/${source.id}/oogsten`}>
          <button type="submit">Nu oogsten</button>
        </form>
      ) : null}
      {reports.length ? (
        <table>
          <caption>Oogsten, nieuwste eerst</caption>
          <TableHead columns={['Begonnen', 'Aanleiding', 'Uitkomst', 'HTTP', 'Content-Type', 'Grootte', 'Duur', 'Producten', 'Problemen']} />
          <tbody>
            {reports.map((r) => (
              <tr id={`run-${r.id}`}>
                <td>
                  <When iso={r.started} />
                </td>
                <td>{r.trigger === 'schedule' ? 'dagelijks' : 'op verzoek'}</td>
                <td>
                  <Outcome outcome={r.outcome} />
                </td>
                <td>{r.httpStatus ?? '—'}</td>
                <td>{r.contentType ? <code>{r.contentType}</code> : '—'}</td>
                <td>{bytesText(r.bytes)}</td>
                <td>{`${r.ms} ms`}</td>
                <td>{products(r)}</td>
                <td>
                  <Problems report={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Deze bron is nog niet geoogst.</p>
      )}
      {manage ? (
        <>
          <h2>Bron verwijderen</h2>
          <p>De producten van de organisatie blijven staan; de historie van deze bron verdwijnt.</p>
          <form method="post" action={`${ADMIN_PATH}/${source.id}/verwijderen`}>
            <button type="submit">Bron verwijderen</button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}
