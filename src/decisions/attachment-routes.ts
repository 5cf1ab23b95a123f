/**
 * Attachments over HTTP (paths: attachment-paths.ts): uploading a PDF for a draft meeting (raw
 * body, Content-Type application/pdf, the file name in ?bestandsnaam=), listing and reading the
 * drafts' attachments (bestuurseenheid's roles), removing an unused one, and the public, immutable
 * file of a published one.
 */
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../shared/http/context.js';
import { matches } from '../shared/http/etag.js';
import type { ApiScope, RouteDoc } from '../shared/http/openapi.js';
import { attachmentApiPath, ATTACHMENTS_PUBLIC_PATH } from './attachment-paths.js';
import type { AttachmentService } from './attachment-service.js';
import { ctxOf, ifMatch } from './api-routes.js';
import type { Bijlage } from './model.js';

const E = ':eenheid{[a-z0-9][a-z0-9-]*}';
const ID = ':id{[a-z0-9][a-z0-9-]*}';
const B = ':bijlage{[a-z0-9][a-z0-9-]*}';
const refused = { '401': { description: 'Not logged in' }, '403': { description: 'No suitable role in this bestuurseenheid' } };

/** Content-Disposition with an ASCII fallback and the exact (UTF-8) name (RFC 6266); never breaks the header. */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const ascii = name.normalize('NFKD').replace(/[^A-Za-z0-9._ -]/g, '_').slice(0, 200) || 'bijlage.pdf';
  const exact = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

const pdf = (c: Context<AppEnv>, f: { stream: ReadableStream<Uint8Array>; size: number }, name: string, type: 'inline' | 'attachment', cache: string) => {
  c.header('Content-Type', 'application/pdf');
  c.header('Content-Length', String(f.size));
  c.header('Content-Disposition', contentDisposition(type, name));
  c.header('Cache-Control', cache);
  return c.body(f.stream);
};

export function attachmentApiRoutes(app: Hono<AppEnv>, att: AttachmentService, api: ApiScope): void {
  const doc = (d: Omit<RouteDoc, 'tags'>): RouteDoc => ({ tags: ['Besluiten (LBLOD)'], security: 'bearer', ...d });
  const p = (c: Context<AppEnv>, n: string) => c.req.param(n) ?? '';
  const show = (b: Bijlage, eenheid: string) => ({ ...b, bestand: attachmentApiPath(eenheid, b.zitting, b.id) });

  api.route(
    app,
    doc({
      method: 'post',
      path: `/${E}/zittingen/${ID}/bijlagen`,
      summary: 'Upload a PDF attachment for a draft meeting',
      description:
        'The body is the file itself (Content-Type: application/pdf); the file name goes in ?bestandsnaam= (ending in .pdf). The file must start with %PDF- and be at most DECISIONS_ATTACHMENT_MAX_BYTES; it is stored once per SHA-256. A decision refers to it with besluit.bijlagen: [id]. Role: schrijver.',
      parameters: [{ name: 'bestandsnaam', in: 'query', required: true, description: 'The file name, e.g. reglement.pdf' }],
      requestBody: { description: 'The PDF file', contentTypes: ['application/pdf'], required: true },
      responses: {
        '201': { description: '{ id, zitting, bestandsnaam, grootte, sha256, mediaType, opgeladen, bestand }', contentTypes: ['application/json'] },
        '413': { description: 'Larger than DECISIONS_ATTACHMENT_MAX_BYTES' },
        '415': { description: 'Not sent as application/pdf' },
        '422': { description: 'Empty, not a PDF, or a bad file name (details.problems)' },
        ...refused,
      },
    }),
    async (c) => {
      const eenheid = p(c, 'eenheid');
      const b = await att.upload(ctxOf(c), eenheid, p(c, 'id'), {
        bestandsnaam: c.req.query('bestandsnaam'),
        contentType: c.req.header('content-type'),
        contentLength: c.req.header('content-length'),
        body: c.req.raw.body,
      });
      c.header('Location', attachmentApiPath(eenheid, b.zitting, b.id));
      return c.json(show(b, eenheid), 201);
    },
  );

  api.route(app, doc({ method: 'get', path: `/${E}/zittingen/${ID}/bijlagen`, summary: "A draft meeting's attachments", description: 'Roles: lezer, schrijver, publiceerder, ondertekenaar.', responses: { '200': { description: '[{ id, bestandsnaam, grootte, sha256, ... }]', contentTypes: ['application/json'] }, ...refused } }), async (c) => {
    const eenheid = p(c, 'eenheid');
    return c.json((await att.list(c.get('actor'), eenheid, p(c, 'id'))).map((b) => show(b, eenheid)));
  });

  api.route(app, doc({ method: 'get', path: `/${E}/zittingen/${ID}/bijlagen/${B}`, summary: "One attachment's file (also while the meeting is a draft)", description: 'Roles: lezer, schrijver, publiceerder, ondertekenaar.', responses: { '200': { description: 'The PDF', contentTypes: ['application/pdf'] }, '404': { description: 'Unknown' }, ...refused } }), async (c) => {
    const f = await att.file(c.get('actor'), p(c, 'eenheid'), p(c, 'id'), p(c, 'bijlage'));
    c.header('ETag', `"${await att.version(f.bijlage)}"`);
    return pdf(c, f, f.bijlage.bestandsnaam, 'attachment', 'private, no-store');
  });

  api.route(
    app,
    doc({
      method: 'delete',
      path: `/${E}/zittingen/${ID}/bijlagen/${B}`,
      summary: 'Remove an attachment of a draft meeting',
      description:
        'Refused (409) while a decision of the draft refers to it (the message names the agendapunt) or a published version does: published documents and their attachments never change. The file is deleted once no other attachment (of any meeting) has the same SHA-256. If-Match with the ETag of the attachment (GET of its file) guards against concurrent changes. Role: schrijver.',
      responses: { '204': { description: 'Removed' }, '404': { description: 'Unknown' }, '409': { description: 'Still referred to, published, or a stale If-Match' }, ...refused },
    }),
    async (c) => {
      await att.remove(ctxOf(c), p(c, 'eenheid'), p(c, 'id'), p(c, 'bijlage'), ifMatch(c));
      return c.body(null, 204);
    },
  );
}

export function attachmentPages(app: Hono<AppEnv>, att: AttachmentService, api: ApiScope): void {
  api.route(
    app,
    {
      method: 'get',
      path: `${ATTACHMENTS_PUBLIC_PATH}/:file{[0-9a-f]{64}\\.pdf}`,
      summary: 'A published attachment (PDF), by its SHA-256',
      description: 'Only files that a published document version refers to; immutable.',
      tags: ['Besluiten (LBLOD)'],
      security: 'none',
      responses: { '200': { description: 'The PDF', contentTypes: ['application/pdf'] }, '404': { description: 'Not published' } },
    },
    async (c) => {
      const sha256 = (c.req.param('file') ?? '').replace(/\.pdf$/, '');
      const f = await att.published(sha256);
      c.header('ETag', `"${sha256}"`);
      if (matches(c.req.header('if-none-match'), `"${sha256}"`)) {
        await f.stream.cancel();
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
        return c.body(null, 304);
      }
      return pdf(c, f, f.bestandsnaam, 'inline', 'public, max-age=31536000, immutable');
    },
  );
}
