/** @jsxImportSource hono/jsx */
/** The one page that shows a token's secret: right after it was issued. */
import { Layout } from '../../shared/render/layout.js';
import type { IssuedToken, Organisation } from '../model.js';

export function AdminTokenIssuedPage({ org, issued }: { org: Organisation; issued: IssuedToken }) {
  return (
    <Layout title="API-token uitgegeven">
      <h1>API-token uitgegeven</h1>
      <p>
        Het token <strong>{issued.name}</strong> voor {org.name} heeft de rollen {issued.roles.join(', ')}. Kopieer het nu: Stelsel
        bewaart alleen een hash en toont het nooit meer.
      </p>
      <pre>{issued.token}</pre>
      <p>
        Gebruik: <code>Authorization: Bearer {issued.token.slice(0, 8)}…</code>
      </p>
      <p>
        <a href={`/beheer/organisaties/${org.slug}`}>Terug naar {org.name}</a>
      </p>
    </Layout>
  );
}
