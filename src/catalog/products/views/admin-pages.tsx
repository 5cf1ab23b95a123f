/** @jsxImportSource hono/jsx */
/** Administration pages of an organisation's products: the list, delete confirmation and the conflict page. */
import { Layout } from '../../../shared/render/layout.js';
import { cataloguePath, deletePath, editPath, newPath, productDocPath } from '../paths.js';
import { ProductTable, type CatalogueRow } from './catalogue-pages.js';

export function AdminListPage({ slug, label, rows }: { slug: string; label: string; rows: CatalogueRow[] }) {
  return (
    <Layout title={`Producten beheren: ${label}`}>
      <h1>Producten van {label} beheren</h1>
      <p>
        <a href={newPath(slug)}>Nieuw product</a> · <a href={cataloguePath(slug)}>Openbare lijst</a>
      </p>
      <ProductTable
        slug={slug}
        rows={rows}
        actions={(r) => (
          <>
            <a href={editPath(slug, r.key)}>Bewerken</a> · <a href={deletePath(slug, r.key)}>Verwijderen</a>
          </>
        )}
      />
    </Layout>
  );
}

export function DeletePage({ slug, key, title, version }: { slug: string; key: string; title: string; version: string }) {
  return (
    <Layout title={`Verwijderen: ${title}`}>
      <h1>Product verwijderen</h1>
      <p>
        Weet u zeker dat u <a href={productDocPath(slug, key)}>{title}</a> wilt verwijderen? Het verdwijnt uit de SC-catalogus en uit de
        zoekdienst.
      </p>
      <form method="post" action={deletePath(slug, key)}>
        <input type="hidden" name="version" value={version} />
        <button type="submit">Ja, verwijderen</button> <a href={editPath(slug, key)}>Nee, terug</a>
      </form>
    </Layout>
  );
}

/** 409: someone else saved the product after this editor loaded it. */
export function ConflictPage({ slug, key, title }: { slug: string; key: string; title: string }) {
  return (
    <Layout title="Product intussen gewijzigd">
      <h1>Het product is intussen gewijzigd</h1>
      <p role="alert">
        Iemand anders heeft <a href={productDocPath(slug, key)}>{title}</a> opgeslagen nadat u het formulier opende. Uw wijzigingen zijn niet
        opgeslagen, zodat die van de ander niet verloren gaan.
      </p>
      <p>
        <a href={editPath(slug, key)}>Open het product opnieuw</a> en breng uw wijzigingen daarin aan.
      </p>
    </Layout>
  );
}
