/** @jsxImportSource hono/jsx */
/**
 * The public catalogue validator (mounted at /): an HTML page that validates an uploaded or
 * fetched SC catalogue and checks its product page links, and the link check as JSON. Nothing is
 * stored; both POSTs are rate limited per client IP, since each one makes the server fetch URLs.
 * The page is public: the CSRF middleware still refuses a cross-site POST that carries the
 * session cookie.
 */
import { Hono, type Context } from 'hono';
import { AppError } from '../../shared/errors.js';
import type { AppEnv, CoreDeps } from '../../shared/http/context.js';
import type { ApiScope } from '../../shared/http/openapi.js';
import { rateLimit } from '../../shared/http/rate-limit.js';
import { CatalogueService } from '../service.js';
import { parseScCatalogue } from '../sc-xml/index.js';
import { checkLinks } from './linkcheck.js';
import { fetchForValidation, linkCheckOptions, validatorMaxBytes } from './source.js';
import { ValidatorPage, type ValidatorPageProps } from './views/validator-page.js';

export const VALIDATOR_PATH = '/catalogus/validator';
export const LINKCHECK_API_PATH = '/api/catalogus/linkcheck';

const XML_TYPES = ['application/xml', 'text/xml'];
const html = ['text/html'];

export function createValidatorRoutes(deps: CoreDeps, api: ApiScope): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { config } = deps;
  const maxBytes = validatorMaxBytes(config);
  const svc = new CatalogueService(deps, { maxBytes });
  const linkOpts = linkCheckOptions(config);
  const limited = rateLimit({ ...config.rateLimit, what: 'the catalogue validator' });
  const page = (c: Context<AppEnv>, props: Omit<ValidatorPageProps, 'action' | 'maxLinks'>, status: 200 | 400 | 422 = 200) => {
    c.header('Cache-Control', 'no-store');
    return c.html(<ValidatorPage action={VALIDATOR_PATH} maxLinks={linkOpts.maxLinks} {...props} />, status);
  };

  api.route(
    app,
    {
      method: 'get',
      path: VALIDATOR_PATH,
      summary: 'The catalogue validator page',
      description: 'A form to validate an SC 4.0 catalogue from a file or a URL.',
      tags: ['Product catalogue'],
      security: 'none',
      responses: { '200': { description: 'The page', contentTypes: html } },
    },
    (c) => page(c, {}),
  );

  api.route(
    app,
    {
      method: 'post',
      path: VALIDATOR_PATH,
      summary: 'Validate an SC catalogue (form); the report as a page',
      description:
        'Form fields: bestand (the file) or url (fetched with the harvester\'s prerequisites and limits), links=1 to check the product page links (at most LINKCHECK_MAX_LINKS). Nothing is stored.',
      tags: ['Product catalogue'],
      security: 'none',
      requestBody: { description: 'bestand, url, links', contentTypes: ['multipart/form-data', 'application/x-www-form-urlencoded'], required: true },
      responses: {
        '200': { description: 'The report (valid or not)', contentTypes: html },
        '400': { description: 'Neither a file nor a URL', contentTypes: html },
        '422': { description: 'The URL could not be fetched', contentTypes: html },
        '429': { description: 'Too many validations from this client' },
      },
    },
    limited,
    async (c) => {
      const form = await c.req.parseBody();
      const file = form.bestand;
      const url = typeof form.url === 'string' ? form.url.trim() : '';
      const wantLinks = form.links === '1';
      let bytes: Uint8Array;
      let source: string;
      if (file instanceof File && file.size > 0) {
        bytes = new Uint8Array(await file.arrayBuffer());
        source = file.name || 'geüpload bestand';
      } else if (url) {
        const fetched = await fetchForValidation(url, config);
        if (!fetched.ok) return page(c, { url, checkLinks: wantLinks, problem: `De catalogus kon niet worden opgehaald: ${fetched.problem.message}` }, 422);
        bytes = fetched.body;
        source = fetched.finalUrl;
      } else {
        return page(c, { url, checkLinks: wantLinks, problem: 'Kies een bestand of geef de URL van een catalogus.' }, 400);
      }
      const report = await svc.validate(bytes);
      const links = wantLinks && linkOpts.maxLinks > 0 ? await checkLinks(report.products.map((p) => p.identifier), linkOpts) : null;
      c.get('log').info({ source, products: report.overview.products, valid: report.valid, links: links?.checked ?? 0 }, 'catalogue validated');
      return page(c, { url, checkLinks: wantLinks, result: { source, report, links } });
    },
  );

  api.route(
    app,
    {
      method: 'post',
      path: LINKCHECK_API_PATH,
      summary: "Check the product page links of an SC catalogue",
      description:
        'Requests every product page URL (dcterms:identifier; at most LINKCHECK_MAX_LINKS, LINKCHECK_CONCURRENCY at a time, LINKCHECK_TIMEOUT_MS each): HEAD, then GET when HEAD gives an error. Outcome per URL: ok, redirect, client-error, server-error, timeout, unreachable, refused (not requested: scheme, credentials, private address). Nothing is stored.',
      tags: ['Product catalogue'],
      security: 'none',
      requestBody: { description: 'An SC 4.0 XML catalogue', contentTypes: XML_TYPES, required: true },
      responses: {
        '200': { description: 'The link check (total, checked, limit, counts, results) and the XML errors met while reading', contentTypes: ['application/json'] },
        '413': { description: 'Catalogue too large' },
        '415': { description: 'Not application/xml or text/xml' },
        '429': { description: 'Too many link checks from this client' },
      },
    },
    limited,
    async (c) => {
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!XML_TYPES.includes(type)) throw new AppError('unsupported_media_type', 'Send the SC catalogue as application/xml or text/xml');
      const parsed = await parseScCatalogue(new Uint8Array(await c.req.arrayBuffer()), { maxBytes });
      const links = await checkLinks(parsed.products.map((p) => p.identifier), linkOpts);
      const xmlErrors = parsed.errors.map((e) => ({ line: e.line, column: e.column, code: e.code, message: e.message }));
      return c.json({ ...links, xmlErrors }, 200);
    },
  );

  return app;
}
