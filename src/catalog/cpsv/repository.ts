/**
 * Store access for the CPSV-AP export: the stored products (without their source XML and body),
 * the organisations behind them, and what the value lists say about the concepts they refer to.
 * Everything is read per organisation, so memory stays bounded by one organisation's catalogue.
 */
import type * as RDF from '@rdfjs/types';
import type { CoreDeps } from '../../shared/http/context.js';
import { sparql } from '../../shared/rdf/encode.js';
import { literal } from '../../shared/rdf/factory.js';
import { DCT, OVERHEIDPRODUCT, SKOS, STELSEL } from '../../shared/rdf/vocab.js';
import { listGraph, type ListName } from '../valuelists/index.js';
import { organisationProductGraphPrefix } from '../model.js';
import { organisationBySlug } from '../repository.js';
import type { ConceptInfo, OrganisationRecord, ServiceRecord } from './mapping.js';

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const KEY = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,99}$/;
const AREA_LISTS: readonly ListName[] = ['gemeente', 'provincie', 'waterschap'];
const CONCEPT_LISTS: readonly ListName[] = [...AREA_LISTS, 'upl'];

export class CpsvRepository {
  constructor(private readonly deps: Pick<CoreDeps, 'store' | 'uris'>) {}

  /** Slugs of the organisations that have products, sorted. */
  async organisationsWithProducts(): Promise<string[]> {
    const prefix = this.deps.uris.url('/id/organisatie/');
    const rows = await this.deps.store.select(sparql`
      SELECT DISTINCT ?org WHERE {
        GRAPH ?g { ?p a ${STELSEL.Product} ; ${STELSEL.organisation} ?org }
        FILTER(STRSTARTS(STR(?g), ${literal(this.deps.uris.url('/graph/product/'))}))
      }`);
    return rows
      .map((r) => (r.org?.value.startsWith(prefix) ? r.org.value.slice(prefix.length) : ''))
      .filter((s) => SLUG.test(s))
      .sort();
  }

  async organisation(slug: string): Promise<OrganisationRecord | null> {
    const org = await organisationBySlug(this.deps, slug);
    if (!org) return null;
    const areas = org.sameAs.length === 0 ? [] : await this.inLists(org.sameAs, AREA_LISTS);
    return { iri: org.iri, labels: org.labels, areas };
  }

  /** The organisation's products (or just the one with this key), ordered by key. */
  async services(slug: string, key?: string): Promise<ServiceRecord[]> {
    if (!SLUG.test(slug) || (key !== undefined && !KEY.test(key))) return [];
    const prefix = organisationProductGraphPrefix(this.deps.uris, slug);
    const where = key === undefined
      ? sparql`GRAPH ?g { ?p a ${STELSEL.Product} ; ?pred ?o } FILTER(STRSTARTS(STR(?g), ${literal(prefix)}))`
      : sparql`GRAPH ?g { ?p a ${STELSEL.Product} ; ?pred ?o } VALUES ?g { ${this.deps.uris.graph('product', slug, key)} }`;
    const rows = await this.deps.store.select(sparql`
      SELECT ?g ?p ?pred ?o WHERE {
        ${where}
        FILTER(?pred != ${STELSEL.sourceXml} && ?pred != ${OVERHEIDPRODUCT.productHTML})
      }`);
    const byGraph = new Map<string, { p: RDF.NamedNode; props: [RDF.Term, RDF.Term][] }>();
    for (const r of rows) {
      if (r.g?.termType !== 'NamedNode' || r.p?.termType !== 'NamedNode' || !r.pred || !r.o) continue;
      const entry = byGraph.get(r.g.value) ?? { p: r.p, props: [] };
      entry.props.push([r.pred, r.o]);
      byGraph.set(r.g.value, entry);
    }
    return [...byGraph.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([g, { p, props }]) => {
        const k = g.slice(prefix.length);
        return KEY.test(k) ? [toRecord(p, this.deps.uris.id('product', slug, k, 'kanaal'), props)] : [];
      });
  }

  /** Labels (all value lists) and SDG codes (UPL) of these concepts. */
  async concepts(iris: readonly RDF.NamedNode[]): Promise<ConceptInfo> {
    const labels = new Map<string, RDF.Literal[]>();
    const sdg = new Map<string, string[]>();
    const distinct = unique(iris);
    for (let i = 0; i < distinct.length; i += 500) {
      const rows = await this.deps.store.select(sparql`
        SELECT ?c ?label ?sdg WHERE {
          VALUES ?c { ${distinct.slice(i, i + 500)} }
          VALUES ?g { ${CONCEPT_LISTS.map((l) => listGraph(this.deps.uris, l))} }
          GRAPH ?g { ?c ${SKOS.prefLabel} ?label OPTIONAL { ?c ${STELSEL.sdgCode} ?sdg } }
        }`);
      for (const r of rows) {
        if (!r.c) continue;
        if (r.label?.termType === 'Literal') addUnique(labels, r.c.value, r.label, (a, b) => a.equals(b));
        if (r.sdg) addUnique(sdg, r.c.value, r.sdg.value, (a, b) => a === b);
      }
    }
    return { labels, sdg };
  }

  private async inLists(iris: readonly RDF.NamedNode[], lists: readonly ListName[]): Promise<RDF.NamedNode[]> {
    const rows = await this.deps.store.select(sparql`
      SELECT DISTINCT ?c WHERE {
        VALUES ?c { ${iris} }
        VALUES ?g { ${lists.map((l) => listGraph(this.deps.uris, l))} }
        GRAPH ?g { ?c ${SKOS.prefLabel} ?label }
      } ORDER BY ?c`);
    return rows.flatMap((r) => (r.c?.termType === 'NamedNode' ? [r.c] : []));
  }
}

function toRecord(p: RDF.NamedNode, channel: RDF.NamedNode, props: readonly [RDF.Term, RDF.Term][]): ServiceRecord {
  const all = (pred: RDF.NamedNode) => props.filter(([k]) => k.equals(pred)).map(([, v]) => v);
  const text = (pred: RDF.NamedNode) => all(pred).find((v) => v.termType === 'Literal')?.value;
  const iris = (pred: RDF.NamedNode) => unique(all(pred).filter((v): v is RDF.NamedNode => v.termType === 'NamedNode'));
  const modified = all(DCT.modified).find((v): v is RDF.Literal => v.termType === 'Literal');
  return {
    iri: p,
    channel,
    identifier: text(DCT.identifier) ?? '',
    title: text(DCT.title) ?? '',
    abstract: text(DCT.abstract),
    languages: all(DCT.language).map((v) => v.value).sort(),
    modified,
    spatial: iris(DCT.spatial),
    subjects: all(DCT.subject).map((v) => v.value).sort(),
    onlineAanvragen: text(OVERHEIDPRODUCT.onlineAanvragen),
    aanvraagURL: text(OVERHEIDPRODUCT.aanvraagURL),
    upl: iris(OVERHEIDPRODUCT.uniformeProductnaam),
  };
}

function unique<T extends RDF.Term>(terms: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const t of terms) seen.set(`${t.termType}|${t.value}|${t.termType === 'Literal' ? `${(t as RDF.Literal).language}|${(t as RDF.Literal).datatype.value}` : ''}`, t);
  return [...seen.values()];
}

function addUnique<T>(map: Map<string, T[]>, key: string, value: T, same: (a: T, b: T) => boolean): void {
  const list = map.get(key) ?? [];
  if (!list.some((x) => same(x, value))) list.push(value);
  map.set(key, list);
}
