/** @jsxImportSource hono/jsx */
/** Pieces shared by the administration pages. */
import type { GrantView, Organisation } from '../model.js';

/** The editable fields of an organisation (names match the JSON API). */
export function OrganisationFields({ org }: { org?: Organisation }) {
  const field = (name: keyof Organisation, label: string, hint: string, required = false) => (
    <p>
      <label>
        {label} <small>({hint})</small>{' '}
        <input name={name} value={(org?.[name] as string | undefined) ?? ''} required={required} />
      </label>
    </p>
  );
  return (
    <>
      {field('name', 'Naam', 'zoals ze zich noemt', true)}
      {field('ovo', 'OVO-code', 'Vlaamse organisaties: OVO en zes cijfers')}
      {field('kbo', 'KBO-nummer', 'tien cijfers')}
      {field('oin', 'OIN', 'Nederlandse organisaties: twintig cijfers')}
      {field('owms', 'OWMS-organisatie', 'http://standaarden.overheid.nl/owms/terms/...')}
      {field('lblod', 'LBLOD-bestuurseenheid', 'http://data.lblod.info/id/bestuurseenheden/...')}
      {field('classification', 'Classificatie', 'IRI, bv. een BestuurseenheidClassificatieCode')}
    </>
  );
}

/** Active grants; with `revokeBase`, each row has a form that revokes it. */
export function GrantTable({ grants, revokeBase }: { grants: GrantView[]; revokeBase: string | null }) {
  if (!grants.length) return <p>Geen rollen toegekend.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Gebruiker</th>
          <th scope="col">Rol</th>
          <th scope="col">Waar</th>
          <th scope="col">Sinds</th>
          {revokeBase ? <th scope="col">Intrekken</th> : null}
        </tr>
      </thead>
      <tbody>
        {grants.map((g) => (
          <tr>
            <td>{g.userName ?? g.user}</td>
            <td>
              <code>{g.role}</code>
            </td>
            <td>{g.scopeKind === 'platform' ? 'het hele platform' : g.scopeKind === 'committee' ? g.scope : 'deze organisatie'}</td>
            <td>{g.created?.slice(0, 10) ?? '—'}</td>
            {revokeBase ? (
              <td>
                <form method="post" action={`${revokeBase}/${g.id}/intrekken`}>
                  <button type="submit">Intrekken</button>
                </form>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
