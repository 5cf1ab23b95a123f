/**
 * CPSV-AP 3.2 export routes (public): the whole collection, one organisation, one product, as
 * Turtle or framed JSON-LD, chosen by a `.ttl` / `.jsonld` suffix or else by Accept. The whole
 * collection is streamed organisation by organisation.
 */
import { Hono, type Context } from 'hono';
import { AppError } from '../../shared/errors.js';
import { preferredType } from '../../shared/http/conneg.js';
import type { AppEnv, CoreDeps } from '../../shared/http/context.js';
import type { ApiScope } from '../../shared/http/openapi.js';
import { CONTEXT_PATH, cpsvContext } from './jsonld.js';
import { CpsvExportService, type CpsvFormat } from './service.js';

export const CPSV_EXPORT_PATH = '/export/cpsv-ap';

const MEDIA: Record<CpsvFormat, string> = { ttl: 'text/turtle', jsonld: 'application/ld+json' };
const SUFFIX = /^(.*?)\.(ttl|jsonld)$/;

function negotiated(c: Context<AppEnv>): CpsvFormat {
  const type = preferredType(c.req.header('accept'), [MEDIA.ttl, MEDIA.jsonld]);
  if (!type) throw new AppError('not_acceptable', 'The CPSV-AP export is available as text/turtle and application/ld+json');
  return type === MEDIA.jsonld ? 'jsonld' : 'ttl';
}

/** Splits `name.ttl` / `name.jsonld`; without a suffix the format comes from Accept. */
function target(c: Context<AppEnv>, segment: string): { name: string; format: CpsvFormat; explicit: boolean } {
  const m = SUFFIX.exec(segment);
  if (m) return { name: m[1] as string, format: m[2] as CpsvFormat, explicit: true };
  return { name: segment, format: negotiated(c), explicit: false };
}

function send(c: Context<AppEnv>, format: CpsvFormat, body: string | ReadableStream<Uint8Array>): Response {
  c.header('Content-Type', `${MEDIA[format]}; charset=utf-8`);
  c.header('Vary', 'Accept');
  return c.body(body, 200);
}

function streamOf(chunks: AsyncGenerator<string>, onError: (err: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        onError(err);
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

const formats = { '200': { description: 'CPSV-AP 3.2', contentTypes: [MEDIA.ttl, MEDIA.jsonld] }, '406': { description: 'Neither Turtle nor JSON-LD acceptable' } };

export function createCpsvRoutes(deps: CoreDeps, api: ApiScope): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const svc = new CpsvExportService(deps);
  const doc = { tags: ['Product catalogue'], security: 'none' as const };

  api.route(app, { ...doc, method: 'get', path: CONTEXT_PATH, summary: 'The JSON-LD context of the CPSV-AP export', responses: { '200': { description: 'JSON-LD context', contentTypes: [MEDIA.jsonld] } } }, (c) => {
    c.header('Content-Type', `${MEDIA.jsonld}; charset=utf-8`);
    return c.body(`${JSON.stringify(cpsvContext(), null, 2)}\n`, 200);
  });

  const whole = (c: Context<AppEnv>, format: CpsvFormat) =>
    send(c, format, streamOf(svc.writeCollection(format), (err) => c.get('log').error({ err }, 'CPSV-AP export failed while streaming')));
  api.route(
    app,
    {
      ...doc, method: 'get', path: CPSV_EXPORT_PATH,
      summary: 'CPSV-AP 3.2 export of the whole product collection',
      description: 'Every product as a cpsv:PublicService, streamed organisation by organisation. Turtle or framed JSON-LD by Accept; also at /export/cpsv-ap.ttl and /export/cpsv-ap.jsonld.',
      responses: formats,
    },
    (c) => whole(c, negotiated(c)),
  );
  app.get(`${CPSV_EXPORT_PATH}.ttl`, (c) => whole(c, 'ttl'));
  app.get(`${CPSV_EXPORT_PATH}.jsonld`, (c) => whole(c, 'jsonld'));

  api.route(
    app,
    {
      ...doc, method: 'get', path: `${CPSV_EXPORT_PATH}/:org`,
      summary: "CPSV-AP 3.2 export of an organisation's products",
      description: 'Turtle or framed JSON-LD by Accept, or by the suffix .ttl / .jsonld on the organisation.',
      responses: { ...formats, '404': { description: 'Unknown organisation' } },
    },
    async (c) => {
      const t = target(c, c.req.param('org') ?? '');
      const quads = await svc.organisation(t.name);
      if (!quads) throw new AppError('not_found', `Organisation ${t.name} was not found`);
      return send(c, t.format, await svc.write(quads, t.format));
    },
  );

  api.route(
    app,
    {
      ...doc, method: 'get', path: `${CPSV_EXPORT_PATH}/:org/:product`,
      summary: 'CPSV-AP 3.2 export of one product',
      description: 'The product by its key (as in its IRI /id/product/{org}/{key}). Turtle or framed JSON-LD by Accept, or by the suffix .ttl / .jsonld on the key.',
      responses: { ...formats, '404': { description: 'Unknown organisation or product' } },
    },
    async (c) => {
      const org = c.req.param('org') ?? '';
      const segment = c.req.param('product') ?? '';
      const t = target(c, segment);
      // A key may itself end in .ttl or .jsonld: the suffix is a format only when the rest names a product.
      let quads = await svc.organisation(org, t.name);
      let format = t.format;
      if (!quads && t.explicit) {
        quads = await svc.organisation(org, segment);
        format = negotiated(c);
      }
      if (!quads) throw new AppError('not_found', `Product ${segment} of ${org} was not found`);
      return send(c, format, await svc.write(quads, format));
    },
  );
  return app;
}
