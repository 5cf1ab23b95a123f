/** @jsxImportSource hono/jsx */
/** Forms of the series register: create / edit a series, import a sheet (with its report), and the task list. */
import { Layout } from '../../shared/render/layout.js';
import { TableHead } from '../../shared/render/table.js';
import type { CodeLists } from '../codelists.js';
import type { ImportReport } from '../exchange.js';
import { BESTEMMINGEN, type SeriesContent } from '../model.js';
import type { SeriesOrganisation } from '../repository.js';
import type { Task } from '../tasks.js';

function Text({ name, label, value, area, required }: { name: keyof SeriesContent; label: string; value?: string | undefined; area?: boolean; required?: boolean }) {
  return (
    <p>
      <label>
        {label}
        <br />
        {area ? <textarea name={name} rows={3}>{value ?? ''}</textarea> : <input name={name} value={value ?? ''} required={required} />}
      </label>
    </p>
  );
}

function Choice({ name, label, value, options }: { name: keyof SeriesContent; label: string; value?: string | undefined; options: { code: string; label: string }[] }) {
  return (
    <p>
      <label>
        {label}{' '}
        <select name={name}>
          <option value="">(nog niet gekozen)</option>
          {options.map((o) => (
            <option value={o.code} selected={o.code === value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
    </p>
  );
}

export function ContentFields({ c, lists }: { c: Partial<SeriesContent>; lists: CodeLists }) {
  return (
    <>
      <Text name="naam" label="Naam" value={c.naam} required />
      <Text name="omschrijving" label="Omschrijving" value={c.omschrijving} area />
      <Text name="proces" label="Proces / dienstverlening" value={c.proces} />
      <Text name="administratieveBewaartermijn" label="Administratieve bewaartermijn (ISO 8601, bv. P10Y)" value={c.administratieveBewaartermijn} />
      <Text name="wettelijkeBewaartermijn" label="Wettelijke bewaartermijn (ISO 8601)" value={c.wettelijkeBewaartermijn} />
      <Choice name="termijnspecificatie" label="Termijnspecificatie" value={c.termijnspecificatie} options={[...lists.list('termijnspecificatie')]} />
      <Text name="verduidelijking" label="Verduidelijking" value={c.verduidelijking} area />
      <Text name="motivering" label="Motivering bewaartermijn" value={c.motivering} area />
      <Choice name="bestemming" label="Bestemming" value={c.bestemming} options={BESTEMMINGEN.map((b) => ({ code: b, label: lists.label('bestemming', b) }))} />
      <Text name="bestemmingMotivering" label="Motivering bestemming" value={c.bestemmingMotivering} area />
      <Choice name="openbaarheid" label="Mate van openbaarheid" value={c.openbaarheid} options={[...lists.list('openbaarheid')]} />
      <p>
        <label>
          Geldig van <input type="date" name="geldigVan" value={c.geldigVan ?? ''} />
        </label>{' '}
        <label>
          Geldig tot <input type="date" name="geldigTot" value={c.geldigTot ?? ''} />
        </label>
      </p>
    </>
  );
}

export function NewSeriesPage({ organisations, lists }: { organisations: SeriesOrganisation[]; lists: CodeLists }) {
  return (
    <Layout title="Nieuwe serie">
      <p><a href="/series">Serieregister</a></p>
      <h1>Nieuwe serie</h1>
      <form method="post" action="/series/nieuw">
        <p>
          <label>
            Organisatie{' '}
            <select name="organisatie" required>
              {organisations.map((o) => (<option value={o.slug}>{o.label}</option>))}
            </select>
          </label>
        </p>
        <p>
          <label>Overnemen uit een gepubliceerde serie (id, optioneel) <input name="vanSerie" /></label>
        </p>
        <p>
          <label>Afleiden van een sjabloonserie (id, optioneel) <input name="sjabloon" /></label>
        </p>
        <ContentFields c={{}} lists={lists} />
        <button type="submit">Ontwerp bewaren</button>
      </form>
    </Layout>
  );
}

export function EditSeriesPage({ id, etag, content, lists }: { id: string; etag: number; content: SeriesContent; lists: CodeLists }) {
  return (
    <Layout title={`${content.naam} bewerken`}>
      <p><a href={`/doc/serie/${id}`}>Terug naar de serie</a></p>
      <h1>{content.naam} bewerken</h1>
      <form method="post" action={`/series/${id}/bewerken`}>
        <input type="hidden" name="etag" value={String(etag)} />
        <ContentFields c={content} lists={lists} />
        <button type="submit">Bewaren</button>
      </form>
    </Layout>
  );
}

export function ImportPage({ organisations, report }: { organisations: SeriesOrganisation[]; report?: ImportReport }) {
  return (
    <Layout title="Series importeren">
      <p><a href="/series">Serieregister</a></p>
      <h1>Series importeren</h1>
      {report ? (
        <section aria-label="Verslag">
          <h2>{report.status}</h2>
          <p>{report.status === 'Geaccepteerd' ? `${report.series.length} series opgeslagen als ontwerp.` : 'Er werd niets opgeslagen. Verbeter deze punten en laad het blad opnieuw op.'}</p>
          {report.problemen.length ? (
            <table>
              <TableHead columns={['Rij', 'Kolom', 'Probleem']} />
              <tbody>
                {report.problemen.map((p) => (<tr><td>{p.row}</td><td>{p.column}</td><td>{p.message}</td></tr>))}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}
      <p>Vul het <a href="/api/series/importblad.xlsx">importblad (XLSX)</a> of <a href="/api/series/importblad.csv">(CSV)</a> in: één serie per rij. Een blad wordt helemaal aanvaard of helemaal geweigerd.</p>
      <form method="post" action="/series/import" enctype="multipart/form-data">
        <p>
          <label>
            Organisatie{' '}
            <select name="organisatie" required>
              {organisations.map((o) => (<option value={o.slug}>{o.label}</option>))}
            </select>
          </label>
        </p>
        <p><label>Bestand (XLSX of CSV) <input type="file" name="bestand" accept=".xlsx,.csv" required /></label></p>
        <button type="submit">Importeren</button>
      </form>
    </Layout>
  );
}

export function TasksPage({ tasks, lists }: { tasks: Task[]; lists: CodeLists }) {
  return (
    <Layout title="Mijn taken">
      <p><a href="/series">Serieregister</a></p>
      <h1>Mijn taken</h1>
      {tasks.length ? (
        <table>
          <TableHead columns={['Serie', 'Status', 'Wat u te doen staat']} />
          <tbody>
            {tasks.map((t) => (<tr><td><a href={`/doc/serie/${t.id}`}>{t.naam}</a></td><td>{lists.label('serie-status', t.status)}</td><td>{t.taak}</td></tr>))}
          </tbody>
        </table>
      ) : (
        <p>Niets wacht op u.</p>
      )}
    </Layout>
  );
}
