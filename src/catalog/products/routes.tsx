/** @jsxImportSource hono/jsx */
/**
 * Product pages and forms (mounted at /): the public catalogue overview (/catalogi,
 * /catalogi/{org}), the administration pages of an organisation's products
 * (/beheer/catalogus/{org}/producten: list, new, edit, delete), the UPL look-up
 * (/api/waardelijsten/upl?q=) and the single-product API (/api/catalogus/producten/{org}/{key},
 * api-routes.ts).
 * The product page itself is the linked-data document of the product IRI (document-view.tsx).
 * Thin: ProductService authorises, checks, stores and audits.
 */
import { Hono, type Context } from 'hono';
import { can } from '../../shared/auth/policy.js';
import { AppError } from '../../shared/errors.js';
import type { AppEnv, CoreDeps } from '../../shared/http/context.js';
import type { ApiScope, RouteDoc } from '../../shared/http/openapi.js';
import { productApiRoutes } from './api-routes.js';
import { fieldsFromForm } from './form.js';
import { EMPTY_FIELDS, type FieldProblem, type ProductFields } from './model.js';
import { adminListPath, editPath, productDocPath } from './paths.js';
import { ProductInvalid, ProductService, type ProductOrganisation } from './service.js';
import { AdminListPage, ConflictPage, DeletePage } from './views/admin-pages.js';
import { CataloguePage, CataloguesPage, type CatalogueRow } from './views/catalogue-pages.js';
import { ProductFormPage } from './views/product-form.js';

const ORG = ':org{[a-z0-9][a-z0-9-]*}';
const KEY = ':key{[A-Za-z0-9][A-Za-z0-9._~-]*}';
const html = ['text/html'];
const form = ['application/x-www-form-urlencoded'];
const refused = { '401': { description: 'Not logged in' }, '403': { description: "Not a producteditor of this organisation, nor catalogusbeheerder" } };

export function createProductRoutes(deps: CoreDeps, api: ApiScope, opts: { now?: () => Date } = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const svc = new ProductService(deps, opts);
  const platform = deps.uris.platform.value;
  const pages = (d: Omit<RouteDoc, 'tags'>): RouteDoc => ({ tags: ['Product pages'], ...d });
  const ctxOf = (c: Context<AppEnv>) => ({ actor: c.get('actor'), requestId: c.get('requestId') });
  const param = (c: Context<AppEnv>, name: 'org' | 'key') => c.req.param(name) ?? '';

  /** The organisation, after checking the visitor may edit its products (anonymous visitors of a page are sent to log in). */
  const editable = async (c: Context<AppEnv>): Promise<ProductOrganisation> => {
    const org = await svc.organisation(param(c, 'org'));
    svc.authorizeEdit(c.get('actor'), org);
    return org;
  };
  const rowsOf = async (slug: string): Promise<CatalogueRow[]> => {
    const rows = await svc.queries.products(slug);
    const names = await svc.uplNames(rows.flatMap((r) => r.upl));
    return rows.map((r) => ({ ...r, uplNames: r.upl.map((u) => names.get(u.value) ?? u.value) }));
  };
  const formPage = async (c: Context<AppEnv>, org: ProductOrganisation, fields: ProductFields, problems: FieldProblem[], edit?: { key: string; version: string }) =>
    c.html(
      <ProductFormPage
        slug={org.slug}
        orgLabel={org.label}
        action={edit ? editPath(org.slug, edit.key) : `${adminListPath(org.slug)}/nieuw`}
        fields={fields}
        problems={problems}
        upl={await svc.upl('', 5000)}
        {...(edit ? { edit } : {})}
        {...(org.authority ? { authority: org.authority.label } : {})}
        {...(org.spatial ? { spatial: org.spatial.label } : {})}
      />,
      problems.length ? 422 : 200,
    );
  /** Anonymous visitors of a form page are sent to the login page. */
  const loginFirst = (c: Context<AppEnv>): Response | null => {
    const login = c.get('loginPath');
    return c.get('actor').kind === 'anonymous' && login ? c.redirect(`${login}?next=${encodeURIComponent(c.req.path)}`, 303) : null;
  };

  // ------------------------------------------------------------------ public pages

  api.route(
    app,
    pages({ method: 'get', path: '/catalogi', summary: 'Organisations with products', description: 'Each with its number of products and its SC catalogue.', security: 'none', responses: { '200': { description: 'The page', contentTypes: html } } }),
    async (c) => c.html(<CataloguesPage organisations={await svc.queries.organisationsWithProducts()} />),
  );

  api.route(
    app,
    pages({
      method: 'get',
      path: `/catalogi/${ORG}`,
      summary: "An organisation's products",
      description: 'Title, UPL name, audience, online application and date of each product, linked to the product pages.',
      security: 'none',
      responses: { '200': { description: 'The page', contentTypes: html }, '404': { description: 'No such organisation' } },
    }),
    async (c) => {
      const org = await svc.organisation(param(c, 'org'));
      const canEdit = can(c.get('actor'), 'catalogue.product.edit', org.iri.value, platform);
      return c.html(<CataloguePage slug={org.slug} label={org.label} rows={await rowsOf(org.slug)} canEdit={canEdit} />);
    },
  );

  // ------------------------------------------------------------------ administration (forms)

  const admin = (d: Omit<RouteDoc, 'tags' | 'security'>): RouteDoc => ({ tags: ['Administration pages'], security: 'session', ...d });

  api.route(
    app,
    admin({ method: 'get', path: `/beheer/catalogus/${ORG}/producten`, summary: "Manage an organisation's products", responses: { '200': { description: 'The page', contentTypes: html }, ...refused } }),
    async (c) => {
      const redirect = loginFirst(c);
      if (redirect) return redirect;
      const org = await editable(c);
      c.header('Cache-Control', 'no-store');
      return c.html(<AdminListPage slug={org.slug} label={org.label} rows={await rowsOf(org.slug)} />);
    },
  );

  api.route(
    app,
    admin({ method: 'get', path: `/beheer/catalogus/${ORG}/producten/nieuw`, summary: 'Form for a new product', responses: { '200': { description: 'The form', contentTypes: html }, ...refused } }),
    async (c) => {
      const redirect = loginFirst(c);
      if (redirect) return redirect;
      const org = await editable(c);
      c.header('Cache-Control', 'no-store');
      return formPage(c, org, { ...EMPTY_FIELDS, audience: ['particulier'] }, []);
    },
  );

  api.route(
    app,
    admin({
      method: 'post',
      path: `/beheer/catalogus/${ORG}/producten/nieuw`,
      summary: 'Create a product (form)',
      description: 'Checked by the catalogue import rules; on a problem the form comes back (422) with the problems next to the fields and nothing is stored.',
      requestBody: { description: 'title, abstract, identifier, productID, audience (repeated), onlineAanvragen, aanvraagURL, eenmaligAanmelden, contactpunt, upl (a UPL name)', contentTypes: form },
      responses: { '303': { description: 'To the product page' }, '422': { description: 'The form with the problems', contentTypes: html }, ...refused },
    }),
    async (c) => {
      const org = await editable(c);
      const { fields } = fieldsFromForm(await c.req.parseBody({ all: true }));
      try {
        const { key } = await svc.save(ctxOf(c), org.slug, null, fields);
        return c.redirect(productDocPath(org.slug, key), 303);
      } catch (e) {
        if (e instanceof ProductInvalid) return formPage(c, org, fields, e.problems);
        throw e;
      }
    },
  );

  api.route(
    app,
    admin({ method: 'get', path: `/beheer/catalogus/${ORG}/producten/${KEY}/bewerken`, summary: 'Form to change a product', responses: { '200': { description: 'The form', contentTypes: html }, '404': { description: 'No such product' }, ...refused } }),
    async (c) => {
      const redirect = loginFirst(c);
      if (redirect) return redirect;
      const org = await editable(c);
      const p = await svc.product(org, param(c, 'key'));
      c.header('Cache-Control', 'no-store');
      return formPage(c, org, p.fields, [], { key: p.key, version: p.version });
    },
  );

  api.route(
    app,
    admin({
      method: 'post',
      path: `/beheer/catalogus/${ORG}/producten/${KEY}/bewerken`,
      summary: 'Change a product (form)',
      description: 'The hidden field "version" is the version the form was loaded from: when the product changed meanwhile the answer is 409 and nothing is stored.',
      requestBody: { description: 'version and the fields of the new-product form (productID stays)', contentTypes: form },
      responses: { '303': { description: 'To the product page' }, '409': { description: 'Changed by someone else meanwhile', contentTypes: html }, '422': { description: 'The form with the problems', contentTypes: html }, ...refused },
    }),
    async (c) => {
      const org = await editable(c);
      const existing = await svc.product(org, param(c, 'key'));
      const { fields, version } = fieldsFromForm(await c.req.parseBody({ all: true }));
      try {
        const { key } = await svc.save(ctxOf(c), org.slug, existing.key, { ...fields, productID: existing.fields.productID }, version ?? '');
        return c.redirect(productDocPath(org.slug, key), 303);
      } catch (e) {
        if (e instanceof ProductInvalid) return formPage(c, org, { ...fields, productID: existing.fields.productID }, e.problems, { key: existing.key, version: version ?? '' });
        if (e instanceof AppError && e.code === 'precondition_failed') return c.html(<ConflictPage slug={org.slug} key={existing.key} title={existing.fields.title} />, 409);
        throw e;
      }
    },
  );

  api.route(
    app,
    admin({ method: 'get', path: `/beheer/catalogus/${ORG}/producten/${KEY}/verwijderen`, summary: 'Confirm deleting a product', responses: { '200': { description: 'The confirmation form', contentTypes: html }, ...refused } }),
    async (c) => {
      const redirect = loginFirst(c);
      if (redirect) return redirect;
      const org = await editable(c);
      const p = await svc.product(org, param(c, 'key'));
      c.header('Cache-Control', 'no-store');
      return c.html(<DeletePage slug={org.slug} key={p.key} title={p.fields.title} version={p.version} />);
    },
  );

  api.route(
    app,
    admin({
      method: 'post',
      path: `/beheer/catalogus/${ORG}/producten/${KEY}/verwijderen`,
      summary: 'Delete a product (form)',
      requestBody: { description: 'version', contentTypes: form },
      responses: { '303': { description: "To the organisation's product list" }, '409': { description: 'Changed by someone else meanwhile', contentTypes: html }, ...refused },
    }),
    async (c) => {
      const org = await editable(c);
      const existing = await svc.product(org, param(c, 'key'));
      const { version } = fieldsFromForm(await c.req.parseBody({ all: true }));
      try {
        await svc.delete(ctxOf(c), org.slug, existing.key, version ?? '');
      } catch (e) {
        if (e instanceof AppError && e.code === 'precondition_failed') return c.html(<ConflictPage slug={org.slug} key={existing.key} title={existing.fields.title} />, 409);
        throw e;
      }
      return c.redirect(adminListPath(org.slug), 303);
    },
  );

  productApiRoutes(app, svc, api);

  return app;
}
