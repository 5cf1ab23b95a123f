/** @jsxImportSource hono/jsx */
/** /beheer/organisaties/{slug}: an organisation's data, role grants and API tokens, with the forms that change them. */
import { ROLES, ROLE_SCOPE } from '../../shared/auth/roles.js';
import { Layout } from '../../shared/render/layout.js';
import type { GrantView, Organisation, TokenView, UserSummary } from '../model.js';
import { GrantTable, OrganisationFields } from './admin-parts.js';
import { TableHead } from '../../shared/render/table.js';

export interface AdminOrganisationProps {
  org: Organisation;
  version: number;
  grants: GrantView[];
  tokens: TokenView[];
  users: UserSummary[];
  /** Whether the visitor may grant platform and committee roles (beheerder). */
  beheerder: boolean;
}

const ORGANISATION_ROLES = ROLES.filter((r) => ROLE_SCOPE[r] === 'organisation');

export function AdminOrganisationPage({ org, version, grants, tokens, users, beheerder }: AdminOrganisationProps) {
  const base = `/beheer/organisaties/${org.slug}`;
  const grantable = beheerder ? ROLES : ORGANISATION_ROLES;
  return (
    <Layout title={`${org.name} beheren`}>
      <p>
        <a href="/beheer/organisaties">Organisaties beheren</a>
      </p>
      <h1>{org.name}</h1>
      <p>
        Publiek adres: <a href={`/doc/organisatie/${org.slug}`}>{org.iri}</a>
      </p>

      <h2>Rollen</h2>
      <GrantTable grants={grants} revokeBase={`${base}/rollen`} />
      <h3>Rol toekennen</h3>
      <form method="post" action={`${base}/rollen`}>
        <p>
          <label>
            Gebruiker{' '}
            <select name="user" required>
              {users.map((u) => (
                <option value={u.iri}>{u.name}</option>
              ))}
            </select>
          </label>
        </p>
        <p>
          <label>
            Rol{' '}
            <select name="role" required>
              {grantable.map((r) => (
                <option value={r}>
                  {r}
                  {ROLE_SCOPE[r] === 'organisation' ? '' : ROLE_SCOPE[r] === 'platform' ? ' (hele platform)' : ' (per commissie)'}
                </option>
              ))}
            </select>
          </label>
        </p>
        {beheerder ? (
          <p>
            <label>
              Commissie <small>(alleen voor commissierollen: het adres van de commissie)</small> <input name="committee" type="url" />
            </label>
          </p>
        ) : null}
        <p>
          <button type="submit">Toekennen</button>
        </p>
      </form>

      <h2>API-tokens</h2>
      {tokens.length ? (
        <table>
          <TableHead columns={['Naam', 'Rollen', 'Uitgegeven', 'Status']} />
          <tbody>
            {tokens.map((t) => (
              <tr>
                <td>{t.name}</td>
                <td>{t.roles.join(', ')}</td>
                <td>{t.created?.slice(0, 10) ?? '—'}</td>
                <td>
                  {t.revoked ? (
                    `ingetrokken op ${t.revoked.slice(0, 10)}`
                  ) : (
                    <form method="post" action={`${base}/tokens/${t.id}/intrekken`}>
                      <button type="submit">Intrekken</button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Nog geen API-tokens.</p>
      )}
      <h3>API-token uitgeven</h3>
      <form method="post" action={`${base}/tokens`}>
        <p>
          <label>
            Naam <small>(waarvoor het token dient)</small> <input name="name" required maxlength={200} />
          </label>
        </p>
        <fieldset>
          <legend>Rollen van het token</legend>
          {ORGANISATION_ROLES.map((r) => (
            <label>
              <input type="checkbox" name="roles" value={r} /> {r}{' '}
            </label>
          ))}
        </fieldset>
        <p>
          <button type="submit">Uitgeven</button> Het token wordt één keer getoond.
        </p>
      </form>

      <h2>Gegevens</h2>
      <form method="post" action={base}>
        <input type="hidden" name="version" value={String(version)} />
        <OrganisationFields org={org} />
        <p>
          <button type="submit">Opslaan</button>
        </p>
      </form>
    </Layout>
  );
}
