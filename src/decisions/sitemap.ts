/**
 * The sitemap of the publication site (sitemaps.org 0.9): every published document at its stable
 * URL (lastmod: its latest version) and at each version URL (lastmod: that version's publication).
 * Drafts are never listed: the entries come from the publication graphs only.
 *
 *   /besluiten/sitemap.xml        a urlset, or a sitemap index when there are more than
 *                                 SITEMAP_MAX_URLS URLs
 *   /besluiten/sitemap/{n}.xml    part n of the urlset (only in the second case)
 *
 * XML is written by the SRU module's writer, which escapes every text and attribute value.
 */
import { el, xmlDocument } from '../sru/xml/index.js';
import { SITEMAPS } from '../shared/rdf/vocab.js';
import type { PublishedVersion } from './ldes.js';
import { DECISIONS_PATH } from './paths.js';

export const SITEMAP_PATH = `${DECISIONS_PATH}/sitemap.xml`;
export const SITEMAP_PARTS_PATH = `${DECISIONS_PATH}/sitemap`;
export const sitemapPartPath = (n: number): string => `${SITEMAP_PARTS_PATH}/${n}.xml`;
/** The protocol's limit of URLs per sitemap file. */
export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapEntry {
  loc: string;
  /** W3C datetime (xsd:dateTime in UTC). */
  lastmod: string;
}

/** One entry per document (stable URL) and per version, documents in URL order, versions oldest first. */
export function sitemapEntries(members: readonly PublishedVersion[]): SitemapEntry[] {
  const byDocument = new Map<string, PublishedVersion[]>();
  for (const m of members) byDocument.set(m.document, [...(byDocument.get(m.document) ?? []), m]);
  const out: SitemapEntry[] = [];
  for (const doc of [...byDocument.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
    const versions = (byDocument.get(doc) ?? []).sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.iri.localeCompare(b.iri, 'en', { numeric: true }));
    const latest = versions.at(-1);
    if (!latest) continue;
    out.push({ loc: doc, lastmod: latest.publishedAt }, ...versions.map((v) => ({ loc: v.iri, lastmod: v.publishedAt })));
  }
  return out;
}

export function urlset(entries: readonly SitemapEntry[]): string {
  return xmlDocument(el('urlset', { xmlns: SITEMAPS.iri }, ...entries.map((e) => el('url', null, el('loc', null, e.loc), el('lastmod', null, e.lastmod)))));
}

export function sitemapIndex(parts: readonly SitemapEntry[]): string {
  return xmlDocument(el('sitemapindex', { xmlns: SITEMAPS.iri }, ...parts.map((e) => el('sitemap', null, el('loc', null, e.loc), el('lastmod', null, e.lastmod)))));
}

/** Splits the entries into files of at most `max` URLs; lastmod of a part is its newest entry. */
export function sitemapParts(entries: readonly SitemapEntry[], max = SITEMAP_MAX_URLS): SitemapEntry[][] {
  const parts: SitemapEntry[][] = [];
  for (let i = 0; i < entries.length; i += max) parts.push(entries.slice(i, i + max));
  return parts;
}

export const newest = (entries: readonly SitemapEntry[]): string => entries.reduce((a, e) => (e.lastmod > a ? e.lastmod : a), '');
