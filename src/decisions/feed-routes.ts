/**
 * The machine entrances of the publication site: the LDES feed of document versions (ldes.ts;
 * Turtle by default, JSON-LD or N-Triples on request) and the sitemap (sitemap.ts). Both are read
 * from the publication graphs only. Mounted before the publication pages, whose
 * /besluiten/{eenheid} pattern would otherwise take "ldes".
 */
import type { Context, Hono } from 'hono';
import { AppError, notFound } from '../shared/errors.js';
import { preferredType } from '../shared/http/conneg.js';
import { etagOf, matches } from '../shared/http/etag.js';
import type { AppEnv, CoreDeps } from '../shared/http/context.js';
import type { ApiScope, RouteDoc } from '../shared/http/openapi.js';
import type * as RDF from '@rdfjs/types';
import { serialize, type SerializationFormat } from '../shared/rdf/serialize.js';
import { memoBySequence } from '../shared/store/memo.js';
import { feedPage, LDES_PATH, pageQuads, publishedVersions, SETTLE_MS, streamQuads, type FeedPage, type PublishedVersion } from './ldes.js';
import type { DecisionIris } from './rdf.js';
import { newest, SITEMAP_MAX_URLS, SITEMAP_PARTS_PATH, SITEMAP_PATH, sitemapEntries, sitemapIndex, sitemapPartPath, sitemapParts, urlset } from './sitemap.js';

const RDF_TYPES: Record<string, { format: SerializationFormat; contentType: string }> = {
  'text/turtle': { format: 'ttl', contentType: 'text/turtle; charset=utf-8' },
  'application/ld+json': { format: 'jsonld', contentType: 'application/ld+json' },
  'application/n-triples': { format: 'nt', contentType: 'application/n-triples; charset=utf-8' },
};
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The chosen serialisation, with an ETag so that a client polling the open page gets 304 while nothing changed. */
async function sendRdf(c: Context<AppEnv>, quads: RDF.Quad[], cacheControl: string): Promise<Response> {
  const type = preferredType(c.req.header('accept'), Object.keys(RDF_TYPES));
  const chosen = type ? RDF_TYPES[type] : undefined;
  if (!chosen) throw new AppError('not_acceptable', `The feed is offered as ${Object.keys(RDF_TYPES).join(', ')}`);
  const body = await serialize(quads, chosen.format);
  const etag = etagOf(body);
  c.header('Cache-Control', cacheControl);
  c.header('Vary', 'Accept');
  c.header('ETag', etag);
  if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
  c.header('Content-Type', chosen.contentType);
  return c.body(body);
}

export interface FeedOptions {
  pageSize: number;
  now?: () => Date;
  maxSitemapUrls?: number;
}

export function decisionFeeds(app: Hono<AppEnv>, deps: Pick<CoreDeps, 'store' | 'uris'>, iris: DecisionIris, api: ApiScope, opts: FeedOptions): void {
  const now = opts.now ?? (() => new Date());
  const pages = memoBySequence<number, FeedPage | null>(deps.store);
  const versions = memoBySequence<'all', PublishedVersion[]>(deps.store, 1);
  const allVersions = () => versions('all', () => publishedVersions(deps.store, iris));
  const max = opts.maxSitemapUrls ?? SITEMAP_MAX_URLS;
  const doc = (path: string, summary: string, description: string, contentTypes: string[]): RouteDoc => ({
    method: 'get', path, summary, description, tags: ['Besluiten (LBLOD)'], security: 'none',
    responses: { '200': { description: 'OK', contentTypes }, '404': { description: 'No such page' } },
  });
  const rdfTypes = Object.keys(RDF_TYPES);

  api.route(app, doc(LDES_PATH, 'LDES feed of published document versions', 'The ldes:EventStream (timestampPath prov:generatedAtTime, versionOfPath dct:isVersionOf) with tree:view its first page.', rdfTypes), (c) =>
    sendRdf(c, streamQuads(deps.uris), 'public, max-age=3600'),
  );

  api.route(
    app,
    doc(`${LDES_PATH}/:n{[1-9][0-9]*}`, 'One page of the LDES feed', `At most ${opts.pageSize} members in publication order; a full page links to the next with a tree:GreaterThanOrEqualToRelation and, once settled, is immutable.`, rdfTypes),
    async (c) => {
      const n = Number(c.req.param('n'));
      const remembered = Number.isSafeInteger(n * opts.pageSize) ? await pages(n, () => feedPage(deps.store, iris, n, opts.pageSize, now())) : null;
      if (!remembered) throw notFound(`Page ${n} of the feed`);
      // Whether the page has settled depends on the time, not on the store: decided per request.
      const last = remembered.members.at(-1);
      const page = { ...remembered, closed: remembered.next !== undefined && last !== undefined && Date.parse(last.publishedAt) + SETTLE_MS <= now().getTime() };
      return sendRdf(c, pageQuads(deps.uris, page), page.closed ? IMMUTABLE : 'no-cache');
    },
  );

  const xml = (c: Context<AppEnv>, body: string) => {
    c.header('Content-Type', 'application/xml; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(body);
  };

  api.route(app, doc(SITEMAP_PATH, 'Sitemap of the published documents', 'Every document (stable URL) and every version, lastmod = publication time; a sitemap index beyond 50,000 URLs.', ['application/xml']), async (c) => {
    const entries = sitemapEntries(await allVersions());
    if (entries.length <= max) return xml(c, urlset(entries));
    return xml(c, sitemapIndex(sitemapParts(entries, max).map((part, i) => ({ loc: deps.uris.url(sitemapPartPath(i + 1)), lastmod: newest(part) }))));
  });

  api.route(app, doc(`${SITEMAP_PARTS_PATH}/:part{[1-9][0-9]*\\.xml}`, 'One part of a large sitemap', 'Listed by the sitemap index.', ['application/xml']), async (c) => {
    const n = Number((c.req.param('part') ?? '').replace(/\.xml$/, ''));
    const entries = sitemapEntries(await allVersions());
    const part = entries.length > max ? sitemapParts(entries, max)[n - 1] : undefined;
    if (!part) throw notFound(`Part ${n} of the sitemap`);
    return xml(c, urlset(part));
  });
}
