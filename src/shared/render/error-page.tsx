/** @jsxImportSource hono/jsx */
import { Layout } from './layout.js';

export interface ErrorPageProps {
  status: number;
  code: string;
  message: string;
  requestId: string;
  details?: unknown;
}

export function ErrorPage({ status, code, message, requestId, details }: ErrorPageProps) {
  return (
    <Layout title={`Fout ${status}`}>
      <h1>Er ging iets mis ({status})</h1>
      <p>{message}</p>
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
