/** @jsxImportSource hono/jsx */
/** Public overview pages: the organisations with products (/catalogi) and one organisation's products (/catalogi/{org}). */
import type { Child } from 'hono/jsx';
import { Layout } from '../../../shared/render/layout.js';
import { formatDate } from '../../../shared/render/rdfa.js';
import { TableHead } from '../../../shared/render/table.js';
import type { ProductRow } from '../queries.js';
import { adminListPath, cataloguePath, productDocPath, scXmlPath } from '../paths.js';

export function CataloguesPage({ organisations }: { organisations: { slug: string; label: string; products: number }[] }) {
  return (
    <Layout title="Productcatalogi">
      <h1>Productcatalogi</h1>
      <p>Organisaties die hun producten en diensten volgens Samenwerkende Catalogi 4.0 publiceren.</p>
      {organisations.length === 0 ? (
        <p class="empty">Er zijn nog geen producten.</p>
      ) : (
        <table>
          <TableHead columns={['Organisatie', 'Producten', 'SC-catalogus']} />
          <tbody>
            {organisations.map((o) => (
              <tr>
                <td>
                  <a href={cataloguePath(o.slug)}>{o.label}</a>
                </td>
                <td>{o.products}</td>
                <td>
                  <a href={scXmlPath(o.slug)}>XML</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export interface CatalogueRow extends ProductRow {
  uplNames: string[];
}

export const yesNo = (online: string | undefined) => (online === 'digid' ? 'ja, met DigiD' : (online ?? '—'));
export const day = (d: string | undefined) => (d ? (formatDate(d.slice(0, 10)) ?? d) : '—');

export function CataloguePage({ slug, label, rows, canEdit }: { slug: string; label: string; rows: CatalogueRow[]; canEdit: boolean }) {
  return (
    <Layout title={`Producten van ${label}`}>
      <h1>Producten van {label}</h1>
      <p>
        {rows.length} {rows.length === 1 ? 'product' : 'producten'}. <a href={scXmlPath(slug)}>SC-catalogus (XML)</a>
        {canEdit ? (
          <>
            {' · '}
            <a href={adminListPath(slug)}>Producten beheren</a>
          </>
        ) : null}
      </p>
      <ProductTable slug={slug} rows={rows} />
    </Layout>
  );
}

export function ProductTable({ slug, rows, actions }: { slug: string; rows: CatalogueRow[]; actions?: (r: CatalogueRow) => Child }) {
  if (rows.length === 0) return <p class="empty">Nog geen producten.</p>;
  return (
    <table class="products">
      <TableHead columns={['Titel', 'Uniforme productnaam', 'Doelgroep', 'Online aanvragen', 'Gewijzigd', ...(actions ? ['Beheer'] : [])]} />
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>
              <a href={productDocPath(slug, r.key)}>{r.title || r.productID}</a>
            </td>
            <td>{r.uplNames.join(', ') || '—'}</td>
            <td>{r.audience.join(', ') || '—'}</td>
            <td>{yesNo(r.online)}</td>
            <td>{day(r.modified)}</td>
            {actions ? <td>{actions(r)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
