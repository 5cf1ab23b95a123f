/**
 * Harvest sources and harvest reports as RDF, in system graphs (not public, not SHACL-validated as
 * register content):
 *
 *   graph {BASE}/graph/oogst/bron/{org-slug}               one per source (one source per organisation)
 *     <{BASE}/id/oogstbron/{org-slug}> a stelsel:HarvestSource ;
 *       stelsel:organisation <{BASE}/id/organisatie/{org-slug}> ; stelsel:catalogueUrl "https://..."^^xsd:anyURI ;
 *       dcterms:created "..."^^xsd:dateTime ; dcterms:creator <agent> .
 *
 *   graph {BASE}/graph/oogst/rapport/{org-slug}/{run}      one per harvest run
 *     <{BASE}/id/oogstrapport/{org-slug}/{run}> a stelsel:HarvestReport ; stelsel:harvestOf <source> ;
 *       prov:startedAtTime ; prov:endedAtTime ; stelsel:durationMs ; stelsel:trigger "schedule"|"manual" ;
 *       prov:wasAssociatedWith <agent> ; stelsel:harvestOutcome "ok"|... ; stelsel:catalogueUrl ;
 *       stelsel:finalUrl ; stelsel:httpStatus ; stelsel:contentType ; stelsel:bytes ;
 *       stelsel:productsDelivered ; stelsel:productsImported ; stelsel:productsRemoved ;
 *       stelsel:problemCount ; stelsel:problem <.../probleem/{n}> .
 *     <.../probleem/{n}> a stelsel:HarvestProblem ; stelsel:position n ; stelsel:problemCode "..." ;
 *       rdfs:label "message" ; stelsel:line ; stelsel:column ; stelsel:problemProduct "productID" .
 *
 * One source per organisation, because a catalogue replaces all of its organisation's products:
 * two sources for one organisation would overwrite each other.
 */
import { randomBytes } from 'node:crypto';
import type * as RDF from '@rdfjs/types';
import { z } from 'zod';
import { literal, namedNode, quad } from '../../shared/rdf/factory.js';
import { DCT, PROV, RDFS, RDF_, STELSEL, XSD } from '../../shared/rdf/vocab.js';
import type { UriPolicy } from '../../shared/uri.js';

export const SLUG = /^[a-z0-9][a-z0-9-]*$/;
export const RUN_ID = /^\d{8}T\d{9}Z-[0-9a-f]{6}$/;

/** At most this many problems are kept in a report (the count says how many there were). */
export const MAX_PROBLEMS = 50;
/** Reports kept per source; older ones are removed when a new one is written. */
export const HISTORY_LIMIT = 100;

export type HarvestOutcome =
  /** Fetched, valid, imported. */
  | 'ok'
  /** Fetched, but not a valid catalogue of the source's organisation: nothing imported. */
  | 'invalid'
  /** Reached, but served against the prerequisites (status, content type, size, redirects, URL). */
  | 'refused'
  /** Not reached (network error, timeout). */
  | 'unreachable'
  /** An error of Stelsel itself (e.g. the store): nothing imported. */
  | 'error';

export const OUTCOMES: readonly HarvestOutcome[] = ['ok', 'invalid', 'refused', 'unreachable', 'error'];

export type HarvestTrigger = 'schedule' | 'manual';

export interface HarvestSource {
  id: string;
  iri: string;
  organisation: string;
  organisationName?: string;
  url: string;
  created: string;
  creator?: string;
}

export interface HarvestProblem {
  code: string;
  message: string;
  line?: number;
  column?: number;
  productID?: string;
}

export interface HarvestReport {
  id: string;
  iri: string;
  source: string;
  started: string;
  ended: string;
  ms: number;
  trigger: HarvestTrigger;
  agent?: string;
  outcome: HarvestOutcome;
  url: string;
  finalUrl?: string;
  httpStatus?: number;
  contentType?: string;
  bytes?: number;
  productsDelivered?: number;
  productsImported?: number;
  productsRemoved?: number;
  problemCount: number;
  /** The first MAX_PROBLEMS problems. */
  problems: HarvestProblem[];
}

export const createSourceBody = z
  .object({
    organisation: z.string().regex(SLUG, 'must be the short name of a registered organisation (e.g. gemeente-aalsmeer)'),
    url: z.string().min(1, 'is required').max(2000, 'must be at most 2000 characters'),
  })
  .strict();
export type CreateSourceInput = z.infer<typeof createSourceBody>;

export const sourceIri = (uris: UriPolicy, slug: string) => uris.id('oogstbron', slug);
export const sourceGraph = (uris: UriPolicy, slug: string) => uris.graph('oogst', 'bron', slug);
export const reportIri = (uris: UriPolicy, slug: string, run: string) => uris.id('oogstrapport', slug, run);
export const reportGraph = (uris: UriPolicy, slug: string, run: string) => uris.graph('oogst', 'rapport', slug, run);
/** Every report graph of a source starts with this. */
export const reportGraphPrefix = (uris: UriPolicy, slug: string) => `${uris.graph('oogst', 'rapport', slug).value}/`;
export const sourceGraphPrefix = (uris: UriPolicy) => `${uris.graph('oogst', 'bron').value}/`;

/** A sortable run id: UTC time to the millisecond plus a random suffix. */
export function newRunId(at: Date): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '');
  return `${stamp.slice(0, 15)}${stamp.slice(15, 18)}Z-${randomBytes(3).toString('hex')}`;
}

const dateTime = (iso: string) => literal(iso, XSD.dateTime);
const int = (n: number) => literal(String(Math.trunc(n)), XSD.integer);

export function sourceQuads(uris: UriPolicy, s: { id: string; organisation: string; url: string; created: string; creator?: string }): RDF.Quad[] {
  const g = sourceGraph(uris, s.id);
  const iri = sourceIri(uris, s.id);
  const out = [
    quad(iri, RDF_.type, STELSEL.HarvestSource, g),
    quad(iri, STELSEL.organisation, uris.id('organisatie', s.id), g),
    quad(iri, STELSEL.catalogueUrl, literal(s.url, XSD.anyURI), g),
    quad(iri, DCT.created, dateTime(s.created), g),
  ];
  if (s.creator) out.push(quad(iri, DCT.creator, namedNode(s.creator), g));
  return out;
}

export function reportQuads(uris: UriPolicy, slug: string, r: Omit<HarvestReport, 'iri' | 'source'>): RDF.Quad[] {
  const g = reportGraph(uris, slug, r.id);
  const s = reportIri(uris, slug, r.id);
  const out: RDF.Quad[] = [];
  const add = (p: RDF.NamedNode, o: RDF.Quad_Object, subject: RDF.NamedNode = s) => out.push(quad(subject, p, o, g));
  add(RDF_.type, STELSEL.HarvestReport);
  add(STELSEL.harvestOf, sourceIri(uris, slug));
  add(PROV.startedAtTime, dateTime(r.started));
  add(PROV.endedAtTime, dateTime(r.ended));
  add(STELSEL.durationMs, int(r.ms));
  add(STELSEL.trigger, literal(r.trigger));
  if (r.agent) add(PROV.wasAssociatedWith, namedNode(r.agent));
  add(STELSEL.harvestOutcome, literal(r.outcome));
  add(STELSEL.catalogueUrl, literal(r.url, XSD.anyURI));
  if (r.finalUrl !== undefined) add(STELSEL.finalUrl, literal(r.finalUrl, XSD.anyURI));
  if (r.httpStatus !== undefined) add(STELSEL.httpStatus, int(r.httpStatus));
  if (r.contentType) add(STELSEL.contentType, literal(r.contentType));
  if (r.bytes !== undefined) add(STELSEL.bytes, int(r.bytes));
  if (r.productsDelivered !== undefined) add(STELSEL.productsDelivered, int(r.productsDelivered));
  if (r.productsImported !== undefined) add(STELSEL.productsImported, int(r.productsImported));
  if (r.productsRemoved !== undefined) add(STELSEL.productsRemoved, int(r.productsRemoved));
  add(STELSEL.problemCount, int(r.problemCount));
  r.problems.slice(0, MAX_PROBLEMS).forEach((p, i) => {
    const pi = uris.id('oogstrapport', slug, r.id, 'probleem', String(i + 1));
    add(STELSEL.problem, pi);
    add(RDF_.type, STELSEL.HarvestProblem, pi);
    add(STELSEL.position, int(i + 1), pi);
    add(STELSEL.problemCode, literal(p.code), pi);
    add(RDFS.label, literal(p.message), pi);
    if (p.line !== undefined) add(STELSEL.line, int(p.line), pi);
    if (p.column !== undefined) add(STELSEL.column, int(p.column), pi);
    if (p.productID !== undefined) add(STELSEL.problemProduct, literal(p.productID), pi);
  });
  return out;
}
