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
  /** Uploaded attachments (through the API) and signatures, each valid or not for the current content. */
  bijlagen?: { id: string; bestandsnaam: string; grootte: number; sha256: string }[];
  handtekeningen?: { id: string; document: string; ondertekenaarNaam: string; tijdstip: string; geldig: boolean }[];
  canSign?: boolean;
}

/** The documents one can sign: the three agendas, besluitenlijst, notulen and one uittreksel per treated agendapunt. */
export function signableDocuments(z: Zitting): string[] {
  return ['agenda', 'aanvullende-agenda', 'spoedeisende-agenda', 'besluitenlijst', 'notulen', ...z.agendapunten.flatMap((a, i) => (a.behandeling ? [`uittreksel-${i + 1}`] : []))];
}

export function DraftPage({ eenheidNaam, z, version, json, lists, canEdit, canPublish, publicPath, bijlagen = [], handtekeningen = [], canSign = false }: DraftPageProps) {
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
          {z.agendapunten.map((a, i) => (
            <li>
              {a.titel} <small>({lists.agendapuntTypes.get(a.type).label}, {a.geplandOpenbaar ? 'openbaar' : 'besloten'}{a.behandeling ? ', behandeld' : ''})</small>
              {canEdit ? (
                <>
                  {' '}
                  <a href={behandelingPath(z.eenheid, z.id, i + 1)}>{a.behandeling ? 'Behandeling bewerken' : 'Behandeling invoeren'}</a>
                </>
              ) : null}
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
      <section aria-labelledby="bijlagen">
        <h2 id="bijlagen">Bijlagen</h2>
        {bijlagen.length ? (
          <ul>
            {bijlagen.map((b) => (
              <li>
                {b.bestandsnaam} <small>({b.grootte} bytes, id {b.id}, SHA-256 {b.sha256})</small>
                {canEdit ? (
                  <form method="post" action={`${base}/bijlagen/${b.id}/verwijderen`}>
                    <button type="submit" aria-label={`Bijlage ${b.bestandsnaam} verwijderen`}>
                      Verwijderen
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>Nog geen bijlagen.</p>
        )}
        {canEdit ? (
          <form method="post" action={`${base}/bijlagen`} enctype="multipart/form-data">
            <label>
              PDF-bestand <input type="file" name="bestand" accept="application/pdf,.pdf" required />
            </label>{' '}
            <button type="submit">Bijlage opladen</button>
          </form>
        ) : null}
        <p>
          <small>Een bijlage kies je daarna bij een besluit, in de behandeling van het agendapunt. Verwijderen kan pas als geen besluit ze nog gebruikt en ze niet gepubliceerd werd.</small>
        </p>
      </section>
      <section aria-labelledby="handtekeningen">
        <h2 id="handtekeningen">Handtekeningen</h2>
        {handtekeningen.length ? (
          <ul>
            {handtekeningen.map((h) => (
              <li class={h.geldig ? 'geldig' : 'ongeldig'}>
                {h.document}: {h.ondertekenaarNaam} op {brussels(h.tijdstip).display} · {h.geldig ? 'geldig' : 'ongeldig (de inhoud werd sindsdien gewijzigd)'}
              </li>
            ))}
          </ul>
        ) : (
          <p>Nog geen handtekeningen.</p>
        )}
        {canSign ? (
          <form method="post" action={`${base}/ondertekenen`}>
            <label>
              Document{' '}
              <select name="document">
                {signableDocuments(z).map((d) => (
                  <option value={d}>{d}</option>
                ))}
              </select>
            </label>{' '}
            <button type="submit">Ondertekenen</button>
          </form>
        ) : null}
      </section>
      {canPublish ? (
        <section aria-labelledby="publiceren">
          <h2 id="publiceren">Publiceren</h2>
          {PUBLISH_KINDS.map((k) => (
            <form method="post" action={`${base}/publiceren`}>
              <input type="hidden" name="soort" value={k} />
              <button type="submit">{k[0]?.toUpperCase()}{k.slice(1)} publiceren</button>
            </form>
          ))}
        </section>
      ) : null}
    </Layout>
  );
}

// ------------------------------------------------------------------ treatment form

/** A treatment as the form shows it (from the draft, or as submitted when it was refused). */
export interface BehandelingForm {
  id?: string;
  openbaar: boolean;
  aanwezigen: string[];
  besluit: {
    id?: string;
    titel: string;
    beschrijving: string;
    citeeropschrift: string;
    vervangt: string;
    motivering: string;
    type: string;
    artikels: { id?: string; nummer: string; inhoud: string }[];
    bijlagen: string[];
  };
  stemmingen: {
    id?: string;
    onderwerp: string;
    gevolg: string;
    geheim: boolean;
    /** Mandataris id -> voor | tegen | onthouding. */
    stemmen: Record<string, string>;
    aantalVoorstanders: string;
    aantalTegenstanders: string;
    aantalOnthouders: string;
  }[];
}

export interface BehandelingPageProps {
  z: Zitting;
  n: number;
  version: number;
  form: BehandelingForm;
  mandatarissen: { id: string; naam: string }[];
  bijlagen: { id: string; bestandsnaam: string }[];
  lists: DecisionCodeLists;
  /** Problems by field path within the treatment (besluit.titel, stemmingen.0.aantalVoorstanders...); '' = elsewhere. */
  errors: ReadonlyMap<string, string[]>;
}

export const behandelingPath = (eenheid: string, id: string, n: number): string => `${editorZittingPath(eenheid, id)}/agendapunten/${n}/behandeling`;

/** The messages of a field and everything under it. */
function messagesOf(errors: ReadonlyMap<string, string[]>, path: string): string[] {
  return [...errors].filter(([k]) => k === path || k.startsWith(`${path}.`)).flatMap(([, v]) => v);
}

function FieldError({ errors, path, id }: { errors: ReadonlyMap<string, string[]>; path: string; id: string }) {
  const list = messagesOf(errors, path);
  if (!list.length) return null;
  return (
    <span class="veldfout" id={id} role="alert">
      {list.join('; ')}
    </span>
  );
}

function Text({ label, name, value, errors, path, area, required }: { label: string; name: string; value: string; errors: ReadonlyMap<string, string[]>; path: string; area?: boolean; required?: boolean }) {
  const id = `f-${name.replace(/\./g, '-')}`;
  const invalid = messagesOf(errors, path).length > 0;
  const aria = invalid ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-fout` } : {};
  return (
    <p>
      <label for={id}>{label}</label>{' '}
      {area ? (
        <textarea id={id} name={name} rows={4} cols={80} {...aria} {...(required ? { required: true } : {})}>
          {value}
        </textarea>
      ) : (
        <input id={id} name={name} value={value} {...aria} {...(required ? { required: true } : {})} />
      )}{' '}
      <FieldError errors={errors} path={path} id={`${id}-fout`} />
    </p>
  );
}

export function BehandelingPage({ z, n, version, form, mandatarissen, bijlagen, lists, errors }: BehandelingPageProps) {
  const a = z.agendapunten[n - 1];
  const elsewhere = errors.get('') ?? [];
  const d = form.besluit;
  return (
    <Layout title={`Behandeling van agendapunt ${n}`}>
      <h1>
        Behandeling van agendapunt {n}: {a?.titel ?? ''}
      </h1>
      <p>
        <a href={editorZittingPath(z.eenheid, z.id)}>Terug naar de zitting</a>
      </p>
      {errors.size ? (
        <div class="fouten" role="alert">
          <p>De behandeling werd niet opgeslagen: verbeter de gemarkeerde velden.</p>
          {elsewhere.length ? (
            <ul>
              {elsewhere.map((m) => (
                <li>{m}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <form method="post" action={behandelingPath(z.eenheid, z.id, n)}>
        <input type="hidden" name="version" value={String(version)} />
        {form.id ? <input type="hidden" name="id" value={form.id} /> : null}
        <p>
          <label>
            <input type="checkbox" name="openbaar" value="true" {...(form.openbaar ? { checked: true } : {})} /> openbaar behandeld
          </label>
        </p>
        <fieldset>
          <legend>Aanwezig</legend>
          {mandatarissen.map((m) => (
            <label>
              <input type="checkbox" name="aanwezigen" value={m.id} {...(form.aanwezigen.includes(m.id) ? { checked: true } : {})} /> {m.naam}{' '}
            </label>
          ))}
          <FieldError errors={errors} path="aanwezigen" id="f-aanwezigen-fout" />
        </fieldset>
        <fieldset>
          <legend>Besluit</legend>
          {d.id ? <input type="hidden" name="besluit.id" value={d.id} /> : null}
          <Text label="Titel" name="besluit.titel" value={d.titel} errors={errors} path="besluit.titel" />
          <Text label="Korte inhoud" name="besluit.beschrijving" value={d.beschrijving} errors={errors} path="besluit.beschrijving" area />
          <Text label="Citeeropschrift" name="besluit.citeeropschrift" value={d.citeeropschrift} errors={errors} path="besluit.citeeropschrift" />
          <Text label="Vervangt reglement (IRI)" name="besluit.vervangt" value={d.vervangt} errors={errors} path="besluit.vervangt" />
          <Text label="Motivering" name="besluit.motivering" value={d.motivering} errors={errors} path="besluit.motivering" area />
          <p>
            <label for="f-besluit-type">Soort besluit</label>{' '}
            <select id="f-besluit-type" name="besluit.type">
              {lists.besluitTypes.all.map((t) => (
                <option value={t.key} {...(t.key === d.type ? { selected: true } : {})}>
                  {t.label}
                </option>
              ))}
            </select>{' '}
            <FieldError errors={errors} path="besluit.type" id="f-besluit-type-fout" />
          </p>
          <h3>Artikels</h3>
          {[...d.artikels, { nummer: '', inhoud: '' }].map((x, k) => (
            <div class="artikel">
              {'id' in x && x.id ? <input type="hidden" name={`artikel.${k}.id`} value={x.id} /> : null}
              <Text label={`Artikel ${k + 1}: nummer`} name={`artikel.${k}.nummer`} value={x.nummer} errors={errors} path={`besluit.artikels.${k}.nummer`} />
              <Text label="Inhoud" name={`artikel.${k}.inhoud`} value={x.inhoud} errors={errors} path={`besluit.artikels.${k}.inhoud`} area />
            </div>
          ))}
          {bijlagen.length ? (
            <fieldset>
              <legend>Bijlagen</legend>
              {bijlagen.map((b) => (
                <label>
                  <input type="checkbox" name="bijlagen" value={b.id} {...(d.bijlagen.includes(b.id) ? { checked: true } : {})} /> {b.bestandsnaam}{' '}
                </label>
              ))}
              <FieldError errors={errors} path="besluit.bijlagen" id="f-bijlagen-fout" />
            </fieldset>
          ) : null}
        </fieldset>
        {[...form.stemmingen, { onderwerp: '', gevolg: '', geheim: false, stemmen: {}, aantalVoorstanders: '', aantalTegenstanders: '', aantalOnthouders: '' }].map((s, j) => (
          <fieldset class="stemming">
            <legend>Stemming {j + 1}{j === form.stemmingen.length ? ' (nieuw; leeg laten om geen toe te voegen)' : ''}</legend>
            {'id' in s && s.id ? <input type="hidden" name={`stemming.${j}.id`} value={s.id} /> : null}
            <Text label="Onderwerp" name={`stemming.${j}.onderwerp`} value={s.onderwerp} errors={errors} path={`stemmingen.${j}.onderwerp`} />
            <Text label="Gevolg" name={`stemming.${j}.gevolg`} value={s.gevolg} errors={errors} path={`stemmingen.${j}.gevolg`} />
            <p>
              <label>
                <input type="checkbox" name={`stemming.${j}.geheim`} value="true" {...(s.geheim ? { checked: true } : {})} /> geheime stemming (dan enkel de aantallen)
              </label>
            </p>
            <table>
              <tbody>
                {mandatarissen.map((m) => (
                  <tr>
                    <th scope="row">{m.naam}</th>
                    <td>
                      <select name={`stemming.${j}.stem.${m.id}`} aria-label={`Stem van ${m.naam}`}>
                        {['', 'voor', 'tegen', 'onthouding'].map((v) => (
                          <option value={v} {...(s.stemmen[m.id] === v || (!v && !s.stemmen[m.id]) ? { selected: true } : {})}>
                            {v || '—'}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <FieldError errors={errors} path={`stemmingen.${j}.voorstanders`} id={`f-stemming-${j}-stemmen-fout`} />
            <Text label="Aantal voor (geheime stemming)" name={`stemming.${j}.aantalVoorstanders`} value={s.aantalVoorstanders} errors={errors} path={`stemmingen.${j}.aantalVoorstanders`} />
            <Text label="Aantal tegen (geheime stemming)" name={`stemming.${j}.aantalTegenstanders`} value={s.aantalTegenstanders} errors={errors} path={`stemmingen.${j}.aantalTegenstanders`} />
            <Text label="Aantal onthoudingen (geheime stemming)" name={`stemming.${j}.aantalOnthouders`} value={s.aantalOnthouders} errors={errors} path={`stemmingen.${j}.aantalOnthouders`} />
          </fieldset>
        ))}
        <button type="submit">Behandeling opslaan</button>
      </form>
    </Layout>
  );
}
