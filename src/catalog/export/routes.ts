/**
 * SC publication: GET /catalogi/{org}/sc.xml serves the organisation's catalogue as SC 4.0 XML
 * (UTF-8, XML declaration, application/xml), the products as stored (stelsel:sourceXml, with the
 * namespace declarations they took from their own catalogue's root added) ordered by productID. Public and credential-free, as the national harvest needs.
 * Only this exact path is registered, so the pages under /catalogi/{org} stay with their module.
 */
import { Hono } from 'hono';
import { AppError } from '../../shared/errors.js';
import type { AppEnv, CoreDeps } from '../../shared/http/context.js';
import { etagOf, matches } from '../../shared/http/etag.js';
import type { ApiScope } from '../../shared/http/openapi.js';
import { SC_PREFIXES, writeScCatalogue } from '../sc-xml/index.js';
import { PublicationRepository } from './repository.js';
import { standaloneFragment } from './standalone.js';

export const SC_XML_ROUTE = '/catalogi/:org/sc.xml';

/** The organisation's catalogue document, or null when the organisation does not exist. */
export async function scCatalogueOf(deps: Pick<CoreDeps, 'store' | 'uris'>, slug: string): Promise<{ xml: string; products: number } | null> {
  const repo = new PublicationRepository(deps);
  if (!(await repo.organisationExists(slug))) return null;
  const fragments = await repo.fragments(slug);
  return { xml: writeScCatalogue(fragments.map((f) => standaloneFragment(f.xml, SC_PREFIXES))), products: fragments.length };
}

export function createScPublicationRoutes(deps: CoreDeps, api: ApiScope): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  api.route(
    app,
    {
      method: 'get',
      path: SC_XML_ROUTE,
      summary: "The organisation's SC 4.0 catalogue (XML)",
      description:
        'Public, for the national harvest: every product of the organisation as stored, in one Samenwerkende Catalogi 4.0 document, ordered by productID. ETag for conditional requests.',
      tags: ['Product catalogue'],
      security: 'none',
      responses: {
        '200': { description: 'The catalogue', contentTypes: ['application/xml'] },
        '304': { description: 'Not modified (If-None-Match)' },
        '404': { description: 'Unknown organisation, or it has no products (a catalogue needs at least one)' },
      },
    },
    async (c) => {
      const slug = c.req.param('org') ?? '';
      const doc = await scCatalogueOf(deps, slug);
      if (!doc) throw new AppError('not_found', `Organisation ${slug} was not found`);
      if (doc.products === 0) throw new AppError('not_found', `Organisation ${slug} has no products to publish`);
      const etag = etagOf(doc.xml);
      c.header('ETag', etag);
      c.header('Cache-Control', 'no-cache');
      if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
      c.header('Content-Type', 'application/xml; charset=utf-8');
      return c.body(doc.xml, 200);
    },
  );
  return app;
}
