/** @jsxImportSource hono/jsx */
/**
 * The product form (create and edit). Plain HTML, no JavaScript: the UPL name is an input with a
 * datalist of the value list (browsers offer typeahead on it); the server resolves the chosen name.
 * Problems are listed at the top (linked to their fields) and repeated next to each field.
 */
import type { Child } from 'hono/jsx';
import { Layout } from '../../../shared/render/layout.js';
import { AUDIENCES, EENMALIG, ONLINE, dutch, type FieldName, type FieldProblem, type ProductFields } from '../model.js';
import type { UplConcept } from '../queries.js';
import { adminListPath, deletePath, productDocPath } from '../paths.js';

export interface ProductFormProps {
  slug: string;
  orgLabel: string;
  /** Where the form posts. */
  action: string;
  fields: ProductFields;
  /** Set when editing (productID is then fixed). */
  edit?: { key: string; version: string };
  problems: FieldProblem[];
  upl: UplConcept[];
  /** Read-only context: authority and area. */
  authority?: string;
  spatial?: string;
}

const LABELS: Record<FieldName, string> = {
  title: 'Titel',
  abstract: 'Samenvatting',
  identifier: 'Productpagina (URL)',
  productID: 'ProductID',
  audience: 'Doelgroep',
  onlineAanvragen: 'Online aanvragen',
  aanvraagURL: 'Aanvraag-URL',
  eenmaligAanmelden: 'Eenmalig aanmelden',
  contactpunt: 'Contactpunt',
  upl: 'Uniforme productnaam',
  general: 'Product',
};

const ONLINE_LABELS: Record<string, string> = { ja: 'ja', digid: 'ja, met DigiD', nee: 'nee' };

export function ProductFormPage(props: ProductFormProps) {
  const { fields: f, problems, edit } = props;
  const title = edit ? `Product bewerken: ${f.title}` : 'Nieuw product';
  const of = (field: FieldName) => problems.filter((p) => p.field === field);
  const Problems = ({ field }: { field: FieldName }) =>
    of(field).length ? (
      <ul class="field-problems" id={`fout-${field}`}>
        {of(field).map((p) => (
          <li>{dutch(p)}</li>
        ))}
      </ul>
    ) : null;
  const invalid = (field: FieldName) => (of(field).length ? { 'aria-invalid': 'true', 'aria-describedby': `fout-${field}` } : {});
  const Field = ({ field, hint, children }: { field: FieldName; hint?: string; children: Child }) => (
    <p class={of(field).length ? 'field has-problem' : 'field'}>
      <label for={`f-${field}`}>{LABELS[field]}</label>
      {hint ? <small> {hint}</small> : null}
      <br />
      {children}
      <Problems field={field} />
    </p>
  );
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>
        {props.orgLabel} · <a href={adminListPath(props.slug)}>alle producten</a>
        {edit ? (
          <>
            {' · '}
            <a href={productDocPath(props.slug, edit.key)}>productpagina</a>
            {' · '}
            <a href={deletePath(props.slug, edit.key)}>verwijderen</a>
          </>
        ) : null}
      </p>
      {problems.length ? (
        <section class="problems" role="alert" aria-labelledby="problems-title">
          <h2 id="problems-title">Het product is niet opgeslagen</h2>
          <ul>
            {problems.map((p) => (
              <li>
                {p.field === 'general' ? null : <a href={`#f-${p.field}`}>{LABELS[p.field]}</a>}
                {p.field === 'general' ? '' : ': '}
                {dutch(p)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <form method="post" action={props.action} class="product-form">
        {edit ? <input type="hidden" name="version" value={edit.version} /> : null}
        <Field field="title">
          <input id="f-title" name="title" value={f.title} required maxlength={500} {...invalid('title')} />
        </Field>
        <Field field="abstract" hint="(korte beschrijving, zonder opmaak)">
          <textarea id="f-abstract" name="abstract" rows={4} cols={70} required {...invalid('abstract')}>
            {f.abstract}
          </textarea>
        </Field>
        <Field field="identifier" hint="(de pagina over dit product op de eigen website; uniek in heel Nederland)">
          <input id="f-identifier" name="identifier" type="url" value={f.identifier} required size={70} {...invalid('identifier')} />
        </Field>
        {edit ? (
          <p class="field">
            ProductID: <code>{f.productID}</code> <small>(vast)</small>
          </p>
        ) : (
          <Field field="productID" hint="(eigen code van de organisatie; kan later niet meer worden gewijzigd)">
            <input id="f-productID" name="productID" value={f.productID} required maxlength={200} {...invalid('productID')} />
          </Field>
        )}
        <fieldset id="f-audience" {...invalid('audience')}>
          <legend>{LABELS.audience}</legend>
          {AUDIENCES.map((a) => (
            <label>
              <input type="checkbox" name="audience" value={a} checked={f.audience.includes(a)} /> {a}{' '}
            </label>
          ))}
          <Problems field="audience" />
        </fieldset>
        <Field field="upl" hint="(typ een deel van de naam en kies uit de Uniforme Productnamenlijst)">
          <input id="f-upl" name="upl" list="upl-namen" value={f.upl} required size={60} autocomplete="off" {...invalid('upl')} />
          <datalist id="upl-namen">
            {props.upl.map((u) => (
              <option value={u.label} />
            ))}
          </datalist>
        </Field>
        <Field field="onlineAanvragen">
          <select id="f-onlineAanvragen" name="onlineAanvragen" {...invalid('onlineAanvragen')}>
            {ONLINE.map((o) => (
              <option value={o} selected={f.onlineAanvragen === o}>
                {ONLINE_LABELS[o]}
              </option>
            ))}
          </select>
        </Field>
        <Field field="aanvraagURL" hint="(verplicht als online aanvragen ja of DigiD is)">
          <input id="f-aanvraagURL" name="aanvraagURL" type="url" value={f.aanvraagURL} size={70} {...invalid('aanvraagURL')} />
        </Field>
        <Field field="eenmaligAanmelden" hint="(liever weglaten)">
          <select id="f-eenmaligAanmelden" name="eenmaligAanmelden" {...invalid('eenmaligAanmelden')}>
            <option value="" selected={f.eenmaligAanmelden === ''}>
              (niet opgeven)
            </option>
            {EENMALIG.map((o) => (
              <option value={o} selected={f.eenmaligAanmelden === o}>
                {o}
              </option>
            ))}
          </select>
        </Field>
        <Field field="contactpunt" hint="(liever weglaten)">
          <input id="f-contactpunt" name="contactpunt" value={f.contactpunt} size={70} {...invalid('contactpunt')} />
        </Field>
        <p class="context">
          Bevoegd gezag: {props.authority ?? '—'} · Gebied: {props.spatial ?? '—'} · De wijzigingsdatum wordt vandaag.
        </p>
        <p>
          <button type="submit">{edit ? 'Opslaan' : 'Product toevoegen'}</button>
        </p>
      </form>
    </Layout>
  );
}
