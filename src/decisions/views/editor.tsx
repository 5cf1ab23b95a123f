/** @jsxImportSource hono/jsx */
/**
 * The editor's pages (/beheer/besluiten/{eenheid}): draft meetings, a form to start one, and per
 * meeting its agenda, a form to add an agendapunt, the whole meeting as JSON to edit, and the
 * publish buttons. Plain forms (POST/redirect/GET); no RDFa.
 */
import { Layout } from '../../shared/render/layout.js';
import type { DecisionCodeLists } from '../codelists.js';
import type { Zitting } from '../model.js';
import { PUBLISH_KINDS } from '../publish.js';
import { brussels } from '../publish.js';

export const EDITOR_PATH = '/beheer/besluiten';
export const editorPath = (eenheid: string): string => `${EDITOR_PATH}/${eenheid}`;
export const editorZittingPath = (eenheid: string, id: string): string => `${editorPath(eenheid)}/zittingen/${id}`;

export interface DraftsPageProps {
  eenheid: { slug: string; naam: string };
  drafts: { id: string; orgaan: string; slug: string; geplandeStart: string }[];
  organen: { id: string; naam: string }[];
  canEdit: boolean;
}

export function DraftsPage({ eenheid, drafts, organen, canEdit }: DraftsPageProps) {
  return (
    <Layout title={`Zittingen van ${eenheid.naam}`}>
      <h1>Zittingen van {eenheid.naam}</h1>
      <p>
        Ontwerpen van zittingen; wat gepubliceerd is staat op <a href={`/besluiten/${eenheid.slug}`}>de publicatiepagina</a>.
      </p>
      {drafts.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Zitting</th>
              <th scope="col">Orgaan</th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((d) => (
              <tr>
                <td>
                  <a href={editorZittingPath(eenheid.slug, d.id)}>{brussels(d.geplandeStart).display.slice(0, 16)}</a>
                </td>
                <td>{organen.find((o) => o.id === d.orgaan)?.naam ?? d.orgaan}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Er zijn nog geen zittingen.</p>
      )}
      {canEdit && organen.length ? (
        <form method="post" action={`${editorPath(eenheid.slug)}/zittingen`}>
          <h2>Nieuwe zitting</h2>
          <p>
            <label>
              Orgaan{' '}
              <select name="orgaan" required>
                {organen.map((o) => (
                  <option value={o.id}>{o.naam}</option>
                ))}
              </select>
            </label>
          </p>
          <p>
            <label>
              Geplande start (Belgische tijd) <input type="datetime-local" name="geplandeStart" required step="1" />
            </label>
          </p>
          <button type="submit">Zitting aanmaken</button>
        </form>
      ) : null}
    </Layout>
  );
}

export interface DraftPageProps {
  eenheidNaam: string;
  z: Zitting;
  version: number;
  json: string;
  lists: DecisionCodeLists;
  canEdit: boolean;
  canPublish: boolean;
  publicPath: string;
}

export function DraftPage({ eenheidNaam, z, version, json, lists, canEdit, canPublish, publicPath }: DraftPageProps) {
  const base = editorZittingPath(z.eenheid, z.id);
  return (
    <Layout title={`Zitting ${brussels(z.geplandeStart).display.slice(0, 16)}`}>
      <h1>
        Zitting van {brussels(z.geplandeStart).display.slice(0, 16)} · {eenheidNaam}
      </h1>
      <p>
        Publieke pagina (na publicatie): <a href={publicPath}>{publicPath}</a>
      </p>
      <h2>Agenda</h2>
      {z.agendapunten.length ? (
        <ol>
          {z.agendapunten.map((a) => (
            <li>
              {a.titel} <small>({lists.agendapuntTypes.get(a.type).label}, {a.geplandOpenbaar ? 'openbaar' : 'besloten'}{a.behandeling ? ', behandeld' : ''})</small>
            </li>
          ))}
        </ol>
      ) : (
        <p>Nog geen agendapunten.</p>
      )}
      {canEdit ? (
        <form method="post" action={`${base}/agendapunten`}>
          <h3>Agendapunt toevoegen</h3>
          <input type="hidden" name="version" value={String(version)} />
          <p>
            <label>
              Titel <input name="titel" required maxlength={1000} />
            </label>
          </p>
          <p>
            <label>
              Beschrijving <textarea name="beschrijving" rows={3} maxlength={5000}></textarea>
            </label>
          </p>
          <p>
            <label>
              Soort{' '}
              <select name="type">
                {lists.agendapuntTypes.all.map((t) => (
                  <option value={t.key}>{t.label}</option>
                ))}
              </select>
            </label>{' '}
            <label>
              <input type="checkbox" name="geplandOpenbaar" value="true" checked /> gepland openbaar
            </label>
          </p>
          <button type="submit">Toevoegen</button>
        </form>
      ) : null}
      {canEdit ? (
        <form method="post" action={`${base}/bewerken`}>
          <h3>De hele zitting bewerken (JSON, zoals de API)</h3>
          <input type="hidden" name="version" value={String(version)} />
          <p>
            <label>
              Zitting <textarea name="json" rows={20} cols={100}>{json}</textarea>
            </label>
          </p>
          <button type="submit">Opslaan</button>
        </form>
      ) : null}
      {canPublish ? (
        <section aria-labelledby="publiceren">
          <h2 id="publiceren">Publiceren</h2>
          {PUBLISH_KINDS.map((k) => (
            <form method="post" action={`${base}/publiceren`} class="inline">
              <input type="hidden" name="soort" value={k} />
              <button type="submit">{k[0]?.toUpperCase()}{k.slice(1)} publiceren</button>
            </form>
          ))}
        </section>
      ) : null}
    </Layout>
  );
}
