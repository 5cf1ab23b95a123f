/**
 * The catalogue API (mounted at /api/catalogus): validate an SC 4.0 catalogue, or import it for its
 * authority's organisation. Thin: CatalogueService checks, authorises, stores and audits.
 */
import { Hono, type Context } from 'hono';
import { AppError } from '../shared/errors.js';
import type { AppEnv, CoreDeps } from '../shared/http/context.js';
import type { ApiScope } from '../shared/http/openapi.js';
import { CatalogueService } from './service.js';

const XML_TYPES = ['application/xml', 'text/xml'];

async function xmlBody(c: Context<AppEnv>): Promise<Uint8Array> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!XML_TYPES.includes(type)) throw new AppError('unsupported_media_type', 'Send the SC catalogue as application/xml or text/xml');
  return new Uint8Array(await c.req.arrayBuffer());
}

const reportDoc = (ok: string) => ({
  '200': { description: ok, contentTypes: ['application/json'] },
  '413': { description: 'Catalogue too large' },
  '415': { description: 'Not application/xml or text/xml' },
});

export function createCatalogueRoutes(deps: CoreDeps, api: ApiScope): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const svc = new CatalogueService(deps, { maxBytes: deps.config.bodyLimitBytes });
  const requestBody = { description: 'An SC 4.0 XML catalogue (UTF-8, with XML declaration)', contentTypes: XML_TYPES, required: true };

  api.route(
    app,
    {
      method: 'post',
      path: '/validate',
      summary: 'Validate an SC catalogue (nothing is stored)',
      description: 'Answers the report: XML errors with line and column, the overview, and the problems of each product.',
      tags: ['Product catalogue'],
      security: 'none',
      requestBody,
      responses: reportDoc('The report (valid true or false)'),
    },
    async (c) => c.json(await svc.validate(await xmlBody(c)), 200),
  );

  api.route(
    app,
    {
      method: 'post',
      path: '/import',
      summary: "Import an SC catalogue, replacing its authority organisation's products",
      description:
        "All or nothing: on any XML error or rule violation the answer is 422 with the report and nothing is stored. Needs producteditor for the catalogue's authority organisation, or catalogusbeheerder.",
      tags: ['Product catalogue'],
      security: 'bearer',
      requestBody,
      responses: {
        ...reportDoc('Imported; the report plus the organisation and the number of products removed'),
        '401': { description: 'Not logged in' },
        '403': { description: "Not a producteditor of the catalogue's authority" },
        '422': { description: 'The report (valid false); nothing stored', contentTypes: ['application/json'] },
      },
    },
    async (c) => {
      const result = await svc.import({ actor: c.get('actor'), requestId: c.get('requestId') }, await xmlBody(c));
      if (!result.stored) return c.json(result.report, 422);
      c.get('log').info({ organisation: result.organisation, products: result.report.overview.products, removed: result.removed }, 'catalogue imported');
      return c.json({ ...result.report, organisation: result.organisation, removed: result.removed }, 200);
    },
  );

  return app;
}
