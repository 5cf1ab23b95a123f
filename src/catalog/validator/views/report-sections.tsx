/** @jsxImportSource hono/jsx */
/** The sections of a validation report: overview (Logius style), XML errors, catalogue problems, products. */
import { TableHead } from '../../../shared/render/table.js';
import type { CatalogueOverview, CatalogueReport, ProductProblem, ProductReport } from '../../model.js';

/** Only http(s) URLs become links (a catalogue could hold javascript: or data: URLs). */
export const isWebUrl = (u: string): boolean => /^https?:\/\//i.test(u);

export function WebLink({ url }: { url: string }) {
  return isWebUrl(url) ? <a href={url}>{url}</a> : <span>{url}</span>;
}

export function OverviewTable({ overview: o }: { overview: CatalogueOverview }) {
  const rows: [string, number][] = [
    ['Producten', o.products],
    ['Alleen particulier', o.onlyParticulier],
    ['Alleen ondernemer', o.onlyOndernemer],
    ['Particulier en ondernemer', o.both],
    ['Met uniforme productnaam', o.withUpl],
    ['Online aanvragen: ja', o.online.ja],
    ['Online aanvragen: digid', o.online.digid],
    ['Online aanvragen: nee', o.online.nee],
    ['Met aanvraag-URL', o.withAanvraagUrl],
  ];
  return (
    <table class="overview" id="overzicht">
      <caption>Overzicht</caption>
      <TableHead columns={['Telling', 'Aantal']} />
      <tbody>
        {rows.map(([label, n]) => (
          <tr>
            <th scope="row">{label}</th>
            <td data-count={label}>{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function XmlErrors({ errors }: { errors: CatalogueReport['xmlErrors'] }) {
  return (
    <section aria-labelledby="xml-errors-title" id="xml-fouten">
      <h2 id="xml-errors-title">XML-fouten ({errors.length})</h2>
      {errors.length === 0 ? (
        <p>Geen XML-fouten.</p>
      ) : (
        <table>
          <TableHead columns={['Regel:kolom', 'Code', 'Melding']} />
          <tbody>
            {errors.map((e) => (
              <tr>
                <td>
                  {e.line}:{e.column}
                </td>
                <td>
                  <code>{e.code}</code>
                </td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ProblemList({ problems }: { problems: readonly ProductProblem[] }) {
  if (!problems.length) return <>geen</>;
  return (
    <ul>
      {problems.map((p) => (
        <li>
          <code>{p.code}</code>: {p.message}
        </li>
      ))}
    </ul>
  );
}

export function CatalogueProblems({ problems }: { problems: readonly ProductProblem[] }) {
  return (
    <section aria-labelledby="catalogue-problems-title" id="catalogusproblemen">
      <h2 id="catalogue-problems-title">Problemen van de catalogus ({problems.length})</h2>
      {problems.length ? <ProblemList problems={problems} /> : <p>Geen.</p>}
    </section>
  );
}

export function ProductsTable({ products }: { products: readonly ProductReport[] }) {
  const withProblems = products.filter((p) => p.problems.length).length;
  return (
    <section aria-labelledby="products-title" id="producten">
      <h2 id="products-title">Producten ({products.length})</h2>
      <p>
        {withProblems} van de {products.length} producten {withProblems === 1 ? 'heeft' : 'hebben'} problemen.
      </p>
      {products.length === 0 ? null : (
        <table class="products">
          <TableHead columns={['Regel', 'Titel', 'productID', 'Doelgroep', 'Uniforme productnaam', 'Problemen']} />
          <tbody>
            {products.map((p) => (
              <tr data-product={p.productID ?? ''}>
                <td>{p.line}</td>
                <td>
                  {p.title || '—'}
                  <br />
                  <small>
                    <WebLink url={p.identifier} />
                  </small>
                </td>
                <td>{p.productID ?? '—'}</td>
                <td>{p.audience.join(', ') || '—'}</td>
                <td>{p.upl.join(', ') || '—'}</td>
                <td>
                  <ProblemList problems={p.problems} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
