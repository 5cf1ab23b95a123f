/**
 * Serving published documents (HTML page and PDF) from the page cache. A request costs at most one
 * small query (the document's version IRIs, page-cache-versions.ts; none while the store did not
 * change); the version graph is only read and rendered when the cache has no render for that
 * version yet. Responses carry a strong ETag and
 * answer a matching If-None-Match with 304.
 */
import type * as RDF from '@rdfjs/types';
import type { Context } from 'hono';
import { AppError, notFound } from '../shared/errors.js';
import type { AppEnv } from '../shared/http/context.js';
import { ORG, SKOS } from '../shared/rdf/vocab.js';
import type { TripleStore } from '../shared/store/port.js';
import type { Zitting } from './model.js';
import { matches } from '../shared/http/etag.js';
import { chooseEncoding, PageCache, type Encoding, type Rendered } from './page-cache.js';
import { VersionHeadsMemo, type VersionHead } from './page-cache-versions.js';
import { documentPath, zittingPath, type DocumentRef } from './paths.js';
import { Index } from './read.js';
import type { PublishedDocument } from './repository.js';
import type { DecisionService } from './service.js';
import type { BodyInfo } from './views/parts.js';

/** Default bound of the cache of rendered publications. */
export const PAGE_CACHE_BYTES = 64 * 1024 * 1024;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Which document at which URL: route parameters, and the version for a version URL. */
export interface DocumentAddress {
  eenheid: string;
  orgaan: string;
  datum: string;
  ref: DocumentRef;
  v?: number;
}

/** The version a URL shows and the document's latest version (both exist). */
export interface Resolved {
  docPath: string;
  current: VersionHead;
  latest: VersionHead;
}

/** Everything a page or PDF of one version is rendered from (the stored version graph, read). */
export interface DocumentContent {
  z: Zitting;
  body: BodyInfo;
  names: ReadonlyMap<string, string>;
  current: PublishedDocument;
  /** The versions up to the document's latest one as resolved (a version published meanwhile is left out). */
  versions: PublishedDocument[];
  quads: RDF.Quad[];
}

export class PublishedDocuments {
  private readonly heads: VersionHeadsMemo;

  constructor(
    private readonly svc: DecisionService,
    store: Pick<TripleStore, 'select' | 'commitSequence'>,
    readonly cache: PageCache = new PageCache(PAGE_CACHE_BYTES),
  ) {
    this.heads = new VersionHeadsMemo(store, svc.iris);
  }

  /** The version shown at the address and the latest one, with one small query; 404 when not published. */
  async resolve(a: DocumentAddress): Promise<Resolved> {
    const docPath = documentPath(a.eenheid, a.orgaan, a.datum, a.ref);
    const heads = await this.heads.heads(this.svc.iris.uris.url(docPath));
    const latest = heads.at(-1);
    const current = a.v === undefined ? latest : heads.find((h) => h.number === a.v);
    if (!current || !latest) throw notFound(a.v === undefined ? `Document ${docPath}` : `Versie ${a.v} van ${docPath}`);
    return { docPath, current, latest };
  }

  /** Reads the stored version graph of the resolved version into what the renders need. */
  async content(a: DocumentAddress, r: Resolved): Promise<DocumentContent> {
    const doc = await this.svc.document(a.eenheid, a.orgaan, a.datum, a.ref, r.current.number);
    const { reader, iris, lists } = this.svc.repo;
    const z = reader.zitting(doc.quads);
    const orgaan = z ? reader.orgaan(doc.quads, z.eenheid, z.orgaan) : null;
    if (!z || !orgaan) throw new AppError('internal', `The stored version ${doc.current.iri} is incomplete`);
    const ix = new Index(doc.quads);
    const eenheidIri = iris.eenheid(z.eenheid).value;
    const eenheidClassificatie = ix.one(eenheidIri, ORG.classification);
    const body: BodyInfo = {
      eenheid: z.eenheid,
      eenheidNaam: ix.one(eenheidIri, SKOS.prefLabel) ?? z.eenheid,
      ...(eenheidClassificatie ? { eenheidClassificatie } : {}),
      orgaan: z.orgaan,
      orgaanNaam: orgaan.naam,
      periode: z.periode,
      ...(lists.orgaanClassificaties.has(orgaan.classificatie) ? { classificatie: lists.orgaanClassificaties.get(orgaan.classificatie) } : {}),
    };
    return {
      z,
      body,
      names: reader.mandatarisNames(doc.quads),
      current: doc.current,
      versions: doc.versions.filter((x) => x.number <= r.latest.number),
      quads: doc.quads,
    };
  }

  /** The meeting page's path of an address. */
  static zittingPath(a: DocumentAddress): string {
    return zittingPath(a.eenheid, a.orgaan, a.datum);
  }
}

/**
 * The render as a response: compressed when the client accepts it (each coding its own ETag),
 * ETag, Cache-Control and X-Cache (hit or miss), or 304 without a body when If-None-Match names
 * the ETag of the representation the client would get.
 */
export function respond(c: Context<AppEnv>, r: Rendered, cacheControl: string, hit: boolean, extra: Record<string, string> = {}): Response {
  const codings = Object.keys(r.encoded) as Encoding[];
  const coding = chooseEncoding(c.req.header('accept-encoding'), codings);
  const chosen = coding ? r.encoded[coding] : undefined;
  const etag = chosen?.etag ?? r.etag;
  const headers: Record<string, string> = { ETag: etag, 'Cache-Control': cacheControl, 'X-Cache': hit ? 'hit' : 'miss', ...(codings.length ? { Vary: 'Accept-Encoding' } : {}), ...extra };
  if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
  const body = (chosen?.body ?? r.body) as Uint8Array<ArrayBuffer>;
  return c.body(body, 200, { ...headers, 'Content-Type': r.contentType, ...(coding ? { 'Content-Encoding': coding } : {}) });
}

/**
 * Which variant of a page's frame the request gets (the header shows who is logged in): a key part
 * for anonymous and API-token requests, or null for a logged-in user, whose pages are not shared.
 */
export function frameVariant(c: Context<AppEnv>): string | null {
  const actor = c.get('actor');
  if (actor?.kind === 'user') return null;
  return actor?.kind === 'anonymous' ? `anon:${c.get('loginPath') ?? ''}` : 'none';
}
