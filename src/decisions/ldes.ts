/**
 * The change feed of the register (DOMAIN.md section 3): a Linked Data Event Stream whose members
 * are the published document versions of every bestuurseenheid, oldest first.
 *
 *   /besluiten/ldes        the ldes:EventStream, with tree:view the first page
 *   /besluiten/ldes/{n}    page n: members (n-1)*size .. n*size-1 in feed order
 *
 * Feed order is publication time (prov:generatedAtTime), then version IRI. A new version is
 * published "now", so it sorts after every stored one and pages only grow at the end. A full page
 * links to the next one with a tree:GreaterThanOrEqualToRelation on its last member's time, which
 * holds for every later member, so the link is right even while the next page is still empty.
 * A full page is closed (immutable, cached for a year) once its last member is older than
 * SETTLE_MS: a publication that was under way when the page filled has then been written.
 */
import type * as RDF from '@rdfjs/types';
import { sparql } from '../shared/rdf/encode.js';
import { blankNode, literal, namedNode, quad } from '../shared/rdf/factory.js';
import { DCT, FOAF, LDES, PROV, RDF_, TREE, XSD } from '../shared/rdf/vocab.js';
import type { TripleStore } from '../shared/store/port.js';
import type { UriPolicy } from '../shared/uri.js';
import { DECISIONS_PATH } from './paths.js';
import type { DecisionIris } from './rdf.js';

export const LDES_PATH = `${DECISIONS_PATH}/ldes`;
export const ldesPagePath = (n: number): string => `${LDES_PATH}/${n}`;

/** How long after its last member a full page may still change (a publication under way). */
export const SETTLE_MS = 10 * 60 * 1000;

/** One published document version, as the sitemap lists it. */
export interface PublishedVersion {
  /** The version's IRI, which is also its page URL. */
  iri: string;
  /** The stable document IRI/URL. */
  document: string;
  /** xsd:dateTime in UTC. */
  publishedAt: string;
}

/** A member of the feed: a version with its document-type concept. */
export interface FeedMember extends PublishedVersion {
  /** Absent only for a version stored without one (the member keeps its place in the order). */
  type?: string;
}

/** Every published version, in no particular order. */
export async function publishedVersions(store: TripleStore, iris: DecisionIris): Promise<PublishedVersion[]> {
  const rows = await store.select(sparql`
    SELECT ?v ?doc ?t WHERE {
      GRAPH ?g { ?v ${DCT.isVersionOf} ?doc ; ${PROV.generatedAtTime} ?t }
      FILTER(STRSTARTS(STR(?g), ${literal(iris.publicationGraphs)}))
    }`);
  return rows.flatMap((r) => (r.v && r.doc && r.t ? [{ iri: r.v.value, document: r.doc.value, publishedAt: r.t.value }] : []));
}

/**
 * Published versions in feed order from `offset`, at most `limit`. Sorting only the version IRIs
 * and times and then describing the few on the page is several times cheaper than sorting the
 * full rows.
 */
export async function feedMembers(store: TripleStore, iris: DecisionIris, offset: number, limit: number): Promise<FeedMember[]> {
  const graphs = literal(iris.publicationGraphs);
  const page = await store.select(sparql`
    SELECT ?v ?t WHERE {
      GRAPH ?g { ?v ${PROV.generatedAtTime} ?t ; ${DCT.isVersionOf} ?doc }
      FILTER(STRSTARTS(STR(?g), ${graphs}))
    }
    ORDER BY ?t ?v OFFSET ${offset} LIMIT ${limit}`);
  const versions = page.flatMap((r) => (r.v?.termType === 'NamedNode' && r.t ? [{ v: r.v, t: r.t.value }] : []));
  if (!versions.length) return [];
  const rows = await store.select(sparql`
    SELECT ?v ?doc ?type WHERE {
      VALUES ?v { ${versions.map((x) => x.v)} }
      GRAPH ?g { ?v ${DCT.isVersionOf} ?doc OPTIONAL { ?v ${DCT.type} ?type } }
      FILTER(STRSTARTS(STR(?g), ${graphs}))
    }`);
  const details = new Map(rows.flatMap((r) => (r.v && r.doc ? [[r.v.value, { document: r.doc.value, ...(r.type ? { type: r.type.value } : {}) }] as const] : [])));
  return versions.flatMap(({ v, t }) => {
    const d = details.get(v.value);
    return d ? [{ iri: v.value, publishedAt: t, ...d }] : [];
  });
}

export interface FeedPage {
  n: number;
  members: FeedMember[];
  /** The next page and the time every member from there on has at least (set when this page is full). */
  next?: { n: number; from: string };
  /** Full and settled: its content never changes again. */
  closed: boolean;
}

/** Page n (1-based) of `size` members, or null when it does not exist (the page before is not full). */
export async function feedPage(store: TripleStore, iris: DecisionIris, n: number, size: number, now: Date): Promise<FeedPage | null> {
  // From page 2 on, also read the last member of the page before: it proves that page is full.
  const before = n > 1 ? 1 : 0;
  const rows = await feedMembers(store, iris, (n - 1) * size - before, size + before);
  if (rows.length < before) return null;
  const members = rows.slice(before);
  const last = members.at(-1);
  const full = members.length === size && last !== undefined;
  return {
    n,
    members,
    ...(full ? { next: { n: n + 1, from: last.publishedAt } } : {}),
    closed: full && Date.parse(last.publishedAt) + SETTLE_MS <= now.getTime(),
  };
}

const streamIri = (uris: UriPolicy) => namedNode(uris.url(LDES_PATH));

/** The event stream's description: its paths and its one view. */
export function streamQuads(uris: UriPolicy): RDF.Quad[] {
  const s = streamIri(uris);
  return [
    quad(s, RDF_.type, LDES.EventStream),
    quad(s, LDES.timestampPath, PROV.generatedAtTime),
    quad(s, LDES.versionOfPath, DCT.isVersionOf),
    quad(s, TREE.view, namedNode(uris.url(ldesPagePath(1)))),
  ];
}

/** A page: the stream with its members, the page as a tree:Node and its relation to the next page. */
export function pageQuads(uris: UriPolicy, page: FeedPage): RDF.Quad[] {
  const s = streamIri(uris);
  const node = namedNode(uris.url(ldesPagePath(page.n)));
  const out = [...streamQuads(uris), quad(node, RDF_.type, TREE.Node)];
  if (page.next) {
    const r = blankNode(`volgende${page.next.n}`);
    out.push(
      quad(node, TREE.relation, r),
      quad(r, RDF_.type, TREE.GreaterThanOrEqualToRelation),
      quad(r, TREE.node, namedNode(uris.url(ldesPagePath(page.next.n)))),
      quad(r, TREE.path, PROV.generatedAtTime),
      quad(r, TREE.value, literal(page.next.from, XSD.dateTime)),
    );
  }
  for (const m of page.members) {
    const v = namedNode(m.iri);
    out.push(
      quad(s, TREE.member, v),
      quad(v, RDF_.type, FOAF.Document),
      quad(v, DCT.isVersionOf, namedNode(m.document)),
      quad(v, PROV.atLocation, v),
      ...(m.type ? [quad(v, DCT.type, namedNode(m.type))] : []),
      quad(v, PROV.generatedAtTime, literal(m.publishedAt, XSD.dateTime)),
    );
  }
  return out;
}
