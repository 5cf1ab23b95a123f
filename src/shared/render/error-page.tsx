/** @jsxImportSource hono/jsx */
import { Layout } from './layout.js';

export interface ErrorPageProps {
  status: number;
  code: string;
  message: string;
  requestId: string;
  details?: unknown;
}

const HEADINGS: Partial<Record<number, string>> = {
  404: 'Niet gevonden (404)',
  406: 'Dit formaat kunnen we niet leveren (406)',
};

export function ErrorPage({ status, code, message, requestId, details }: ErrorPageProps) {
  return (
    <Layout title={`Fout ${status}`}>
      <h1>{HEADINGS[status] ?? `Er ging iets mis (${status})`}</h1>
      <p>{message}</p>
      {status === 404 ? (
        <>
          <p>Over dit adres is (nog) niets bekend. Controleer de URL, of zoek verder:</p>
          <ul>
            <li>
              de <a href="/">startpagina</a> met de drie registers;
            </li>
            <li>
              <a href="/zoeken">zoeken</a> in alle registers;
            </li>
            <li>
              het <a href="/sparql">SPARQL-endpoint</a>, voor wie de gegevens zelf wil bevragen.
            </li>
          </ul>
        </>
      ) : null}
      {details !== undefined && typeof details === 'object' && details !== null && 'results' in details ? null : details !== undefined ? (
        <pre>{JSON.stringify(details, null, 2)}</pre>
      ) : null}
      <p>
        <small>
          Code <code>{code}</code>, verzoek <code>{requestId}</code>
        </small>
      </p>
    </Layout>
  );
}
