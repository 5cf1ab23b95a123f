/** @jsxImportSource hono/jsx */
import { Layout } from '../render/layout.js';
import type { ShaclReport } from './validator.js';
import { TableHead } from '../render/table.js';

const SEVERITY_NL = { Violation: 'Fout', Warning: 'Waarschuwing', Info: 'Opmerking' } as const;

/** A SHACL report as a page a form user understands: what is wrong, where, and with which value. */
export function ValidationReportPage({ report, requestId }: { report: ShaclReport; requestId: string }) {
  const violations = report.results.filter((r) => r.severity === 'Violation').length;
  return (
    <Layout title="Gegevens niet opgeslagen">
      <h1>De gegevens zijn niet opgeslagen</h1>
      <p>
        {violations === 1 ? 'Er is 1 fout gevonden.' : `Er zijn ${violations} fouten gevonden.`} Er is niets gewijzigd. Pas de gegevens aan en
        probeer het opnieuw.
      </p>
      <table>
        <caption>Resultaat van de controle</caption>
        <TableHead columns={['Ernst', 'Onderwerp', 'Eigenschap', 'Waarde', 'Melding']} />
        <tbody>
          {report.results.map((r) => (
            <tr>
              <td>{SEVERITY_NL[r.severity]}</td>
              <td>
                <code>{r.focusNode}</code>
              </td>
              <td>{r.path ? <code>{r.path}</code> : '—'}</td>
              <td>{r.value ?? '—'}</td>
              <td>{r.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <small>
          Verzoek <code>{requestId}</code>
        </small>
      </p>
    </Layout>
  );
}
