/** @jsxImportSource hono/jsx */
/** /beheer/organisaties: the organisations the visitor administers, and (for beheerders) a form to register one. */
import { Layout } from '../../shared/render/layout.js';
import type { GrantView, Organisation } from '../model.js';
import { GrantTable, OrganisationFields } from './admin-parts.js';
import { TableHead } from '../../shared/render/table.js';

export interface AdminOrganisationsProps {
  organisations: Organisation[];
  /** Platform beheerders may register organisations and see platform and committee grants. */
  beheerder: boolean;
  beyondOrganisations: GrantView[];
}

export function AdminOrganisationsPage({ organisations, beheerder, beyondOrganisations }: AdminOrganisationsProps) {
  return (
    <Layout title="Organisaties beheren">
      <h1>Organisaties beheren</h1>
      {organisations.length ? (
        <table>
          <caption>Organisaties waarvan u rollen en API-tokens beheert</caption>
          <TableHead columns={['Naam', 'Identificatie', 'Soort']} />
          <tbody>
            {organisations.map((o) => (
              <tr>
                <td>
                  <a href={`/beheer/organisaties/${o.slug}`}>{o.name}</a>
                </td>
                <td>{[o.ovo, o.kbo && `KBO ${o.kbo}`, o.oin && `OIN ${o.oin}`].filter(Boolean).join(', ') || '—'}</td>
                <td>{o.bestuurseenheid ? 'Bestuurseenheid' : 'Organisatie'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>U beheert geen organisaties.</p>
      )}
      {beheerder ? (
        <>
          <h2>Rollen voor het hele platform en voor commissies</h2>
          <GrantTable grants={beyondOrganisations} revokeBase={null} />
          <p>
            Deze rollen kent u toe en trekt u in via de pagina van een organisatie (rol <code>beheerder</code>,{' '}
            <code>catalogusbeheerder</code>, of een commissierol met het adres van de commissie).
          </p>
          <h2>Organisatie registreren</h2>
          <form method="post" action="/beheer/organisaties">
            <p>
              <label>
                Korte naam in adressen (kleine letters, cijfers en streepjes){' '}
                <input name="slug" required pattern="[a-z0-9][a-z0-9-]*[a-z0-9]" />
              </label>
            </p>
            <OrganisationFields />
            <p>
              <button type="submit">Registreren</button>
            </p>
          </form>
        </>
      ) : null}
    </Layout>
  );
}
