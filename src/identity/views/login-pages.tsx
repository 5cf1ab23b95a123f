/** @jsxImportSource hono/jsx */
/**
 * Pages of the login flow: a failed or unavailable login, and the demo login page. No RDFa: these
 * pages describe no data.
 */
import { Layout } from '../../shared/render/layout.js';
import type { Grant } from '../../shared/auth/actor.js';

export interface LoginProblemProps {
  status: number;
  reason: string;
  requestId: string;
  /** Offer to try again (not when login is not configured at all). */
  retry: boolean;
}

const HEADINGS: Record<number, string> = {
  400: 'Aanmelden is mislukt',
  401: 'Aanmelden is geweigerd',
  404: 'Aanmelden is hier niet ingesteld',
  502: 'De aanmeldingsdienst is niet bereikbaar',
};

export function LoginProblemPage({ status, reason, requestId, retry }: LoginProblemProps) {
  return (
    <Layout title={HEADINGS[status] ?? 'Aanmelden'}>
      <h1>{HEADINGS[status] ?? 'Aanmelden'}</h1>
      <p>{reason}</p>
      <p>Je bent niet aangemeld. Alle openbare gegevens blijven zonder aanmelden raadpleegbaar.</p>
      <ul>
        {retry ? (
          <li>
            <a href="/login">Opnieuw aanmelden</a>
          </li>
        ) : null}
        <li>
          <a href="/">Naar de startpagina</a>
        </li>
      </ul>
      <p>
        <small>
          Verzoek <code>{requestId}</code> (vermeld dit nummer als je hulp vraagt)
        </small>
      </p>
    </Layout>
  );
}

export interface DemoUser {
  iri: string;
  name: string;
  grants: Grant[];
}

/** The last path segment of an IRI, for a compact label of a grant's scope. */
const shortName = (iri: string) => decodeURIComponent(iri.replace(/[/#]+$/, '').split(/[/#]/).pop() ?? iri);

export function DemoLoginPage({ users }: { users: DemoUser[] }) {
  return (
    <Layout title="Demo-aanmelding">
      <h1>Demo-aanmelding</h1>
      <p>
        <strong>Dit is een demonstratie.</strong> Op deze installatie staat de demomodus aan: kies een van de
        voorbeeldgebruikers om Stelsel met diens rollen te proberen. Er is geen wachtwoord; in een echte
        installatie meld je je aan via de aanmeldingsdienst van de overheid (ACM/IDM) en bestaat deze pagina
        niet.
      </p>
      {users.length === 0 ? (
        <p>Er zijn geen demogebruikers geladen.</p>
      ) : (
        <ul class="demo-users">
          {users.map((u) => (
            <li>
              <form method="post" action="/demo/login">
                <input type="hidden" name="user" value={u.iri} />
                <button type="submit">Aanmelden als {u.name}</button>{' '}
                <span>
                  {u.grants.length
                    ? u.grants.map((g) => `${g.role} (${shortName(g.scope)})`).join(', ')
                    : 'geen rollen'}
                </span>
              </form>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
