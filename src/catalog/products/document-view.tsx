/** @jsxImportSource hono/jsx */
/** The product page as a dedicated view of the linked-data /doc/ routes (other things keep the generic page). */
import { tryGetContext } from 'hono/context-storage';
import { can } from '../../shared/auth/policy.js';
import type { AppEnv, CoreDeps } from '../../shared/http/context.js';
import { FORMATS, FORMAT_LABELS, type DocumentView } from '../../linked-data/index.js';
import { isProduct } from './model.js';
import { ORG_SLUG } from './queries.js';
import { editPath, scXmlPath } from './paths.js';
import { ProductPage } from './views/product-page.js';

const PRODUCT_DOC = /^\/doc\/product\/([^/]+)\/([^/]+)$/;

export function productDocumentView(deps: Pick<CoreDeps, 'uris'>): DocumentView {
  return {
    async render({ subject, triples, labels, paths }) {
      const m = PRODUCT_DOC.exec(deps.uris.documentPathFor(subject.value) ?? '');
      const slug = m?.[1];
      const key = m?.[2];
      if (!slug || !key || !ORG_SLUG.test(slug) || !isProduct(subject, triples)) return null;
      // Nested nodes are the generic page's business (SC products have none).
      if (triples.some((t) => !t.subject.equals(subject))) return null;
      const actor = tryGetContext<AppEnv>()?.var.actor;
      const platform = deps.uris.platform.value;
      const editable = actor !== undefined && can(actor, 'catalogue.product.edit', deps.uris.id('organisatie', slug).value, platform);
      const formats = FORMATS.filter((f) => f !== 'html').map((format) => ({ format, label: FORMAT_LABELS[format] }));
      return (
        <ProductPage
          subject={subject}
          triples={triples}
          labels={labels}
          paths={paths}
          formats={formats}
          scXmlPath={scXmlPath(slug)}
          {...(editable ? { editPath: editPath(slug, key) } : {})}
        />
      );
    },
  };
}
