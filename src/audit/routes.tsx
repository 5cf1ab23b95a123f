/** @jsxImportSource hono/jsx */
/**
 * GET /beheer/audit: the audit trail for beheerders (policy 'audit.read'), filtered by resource,
 * organisation (scope), agent, action, outcome and time, newest first, in pages. As HTML, as JSON
 * (a plain array of entries), or as RDF (the entries' PROV-O triples in Turtle or JSON-LD), chosen
 * by ?format= or the Accept header. Read-only: there is no route that edits or deletes entries.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv, CoreDeps } from '../shared/http/context.js';
import type { ApiScope, ParamDoc } from '../shared/http/openapi.js';
import { preferredType } from '../shared/http/conneg.js';
import { AppError } from '../shared/errors.js';
import { serialize } from '../shared/rdf/serialize.js';
import { DEFAULT_PAGE_SIZE, filterParams, MAX_PAGE_SIZE } from './filters.js';
import type { AuditPage } from './model.js';
import { auditPath } from './paths.js';
import { AuditRepository } from './repository.js';
import { AuditService } from './service.js';
import { AuditPageView } from './views/audit-page.js';

type Format = 'html' | 'json' | 'ttl' | 'jsonld';

const MEDIA_TYPES: Record<Format, string> = {
  html: 'text/html',
  json: 'application/json',
  ttl: 'text/turtle',
  jsonld: 'application/ld+json',
};
const FORMAT_NAMES: Record<string, Format> = { html: 'html', json: 'json', ttl: 'ttl', turtle: 'ttl', jsonld: 'jsonld' };

const PARAMS: ParamDoc[] = [
  { name: 'resource', in: 'query', description: 'Only entries about this resource (IRI): its history.' },
  { name: 'scope', in: 'query', description: 'Only entries in this organisation (or committee, or platform) scope (IRI).' },
  { name: 'agent', in: 'query', description: 'Only entries of this agent: a user, an API token, or the bootstrap token (IRI).' },
  { name: 'action', in: 'query', description: 'Only this action, e.g. graph.replace, token.issue, login, authorization.denied.' },
  { name: 'outcome', in: 'query', description: 'Only this outcome: success, denied or failure.' },
  { name: 'from', in: 'query', description: 'Entries from this date (2024-05-01) or date-time (2024-05-01T14:30; Belgian time unless it ends in Z or +hh:mm).' },
  { name: 'to', in: 'query', description: 'Entries up to and including this date (the whole day) or date-time.' },
  { name: 'page', in: 'query', description: 'Page number, 1 = newest entries (default 1).', schema: { type: 'integer', minimum: 1 } },
  { name: 'size', in: 'query', description: `Entries per page (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).`, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE } },
  { name: 'format', in: 'query', description: 'Overrides Accept: html, json, ttl (turtle) or jsonld.' },
];

function chooseFormat(c: Context<AppEnv>, param: string | undefined): { format: Format; negotiated: boolean } {
  if (param !== undefined) {
    const format = FORMAT_NAMES[param.trim().toLowerCase()];
    if (!format) throw new AppError('not_acceptable', `Unknown format ${JSON.stringify(param.slice(0, 40))}; use html, json, ttl or jsonld`);
    return { format, negotiated: false };
  }
  const type = preferredType(c.req.header('accept'), Object.values(MEDIA_TYPES));
  const format = (Object.keys(MEDIA_TYPES) as Format[]).find((f) => MEDIA_TYPES[f] === type);
  if (!format) throw new AppError('not_acceptable', `Available: ${Object.values(MEDIA_TYPES).join(', ')}`);
  return { format, negotiated: true };
}

/** `Link` header naming the neighbouring pages in the same format. */
function pageLinks(params: URLSearchParams, page: AuditPage): string | undefined {
  const links: string[] = [];
  if (page.filter.page > 1) links.push(`<${auditPath(filterParams(params, page.filter.page - 1))}>; rel="prev"`);
  if (page.hasMore) links.push(`<${auditPath(filterParams(params, page.filter.page + 1))}>; rel="next"`);
  return links.length ? links.join(', ') : undefined;
}

export function createAuditRoutes(deps: CoreDeps, api: ApiScope): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const service = new AuditService(new AuditRepository(deps.store, deps.uris), deps.uris);

  api.route(
    app,
    {
      method: 'get',
      path: '/',
      summary: 'The audit trail (beheerders)',
      description:
        'Every recorded write, login and denied authorisation as PROV-O activities, newest first. Per resource (?resource=), organisation (?scope=) or agent (?agent=), filterable by action, outcome and time. HTML, JSON (an array of entries), Turtle or JSON-LD. Entries cannot be edited or deleted.',
      tags: ['Audit'],
      parameters: PARAMS,
      security: 'bearer',
      responses: {
        '200': { description: 'One page of entries; Link rel="next"/"prev" name the neighbouring pages', contentTypes: Object.values(MEDIA_TYPES) },
        '400': { description: 'An unknown parameter or an invalid filter value (the message names it)' },
        '401': { description: 'Not logged in and no bearer token' },
        '403': { description: 'Not a beheerder' },
        '406': { description: 'Unknown format or no acceptable media type' },
      },
    },
    async (c) => {
      const params = new URL(c.req.url).searchParams;
      const page = await service.trail(c.get('actor'), params);
      const { format, negotiated } = chooseFormat(c, params.get('format') ?? undefined);
      c.header('Cache-Control', 'no-store');
      if (negotiated) c.header('Vary', 'Accept', { append: true });
      const links = pageLinks(params, page);
      if (links) c.header('Link', links);
      switch (format) {
        case 'html':
          return c.html(<AuditPageView page={page} params={params} documentPathFor={(iri) => deps.uris.documentPathFor(iri)} />);
        case 'json':
          return c.json(page.entries);
        case 'ttl':
          return c.body(await serialize(page.quads, 'ttl'), 200, { 'Content-Type': 'text/turtle; charset=utf-8' });
        case 'jsonld':
          return c.body(await serialize(page.quads, 'jsonld'), 200, { 'Content-Type': 'application/ld+json' });
      }
    },
  );

  return app;
}
