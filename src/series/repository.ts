/**
 * Store access for the series register (no authorisation here): one series with its versions, the
 * audited writes (the series' audit version is its ETag: a stale one is refused with 409), the
 * organisations series belong to, and the queries behind browsing, the API and the task list.
 */
import type * as RDF from '@rdfjs/types';
import type { AuditContext } from '../shared/audit/audit-log.js';
import type { CoreDeps } from '../shared/http/context.js';
import { sparql, type SparqlFragment } from '../shared/rdf/encode.js';
import { literal, namedNode, variable } from '../shared/rdf/factory.js';
import { DCT, ORG, RICO, SCHEMA, SERIE, SKOS } from '../shared/rdf/vocab.js';
import { conceptIri, type CodeLists } from './codelists.js';
import type { Bestemming, Series, Soort, Status } from './model.js';
import { SeriesReader, draftSeriesGraph, isPublicStatus, seriesGraph, seriesGraphs, seriesIri, versionGraph, versionGraphs } from './rdf.js';

export interface SeriesOrganisation {
  iri: string;
  slug: string;
  label: string;
  /** Organisation type code (from its bestuurseenheid classification), when known. */
  organisatietype?: string;
}

/** One row of a listing: the version shown (published, or the working one for Submitted). */
export interface SeriesSummary {
  id: string;
  versie: number;
  naam: string;
  omschrijving?: string;
  soort: Soort;
  organisatie?: string;
  organisatietype?: string;
  status: Status;
  bestemming?: Bestemming;
  proces?: string;
  geldigVan?: string;
  geldigTot?: string;
}

export interface SeriesFilter {
  /** Which version: the published one, or the working one in a given status. */
  which: 'published' | { working: Status };
  organisatie?: string;
  /** Only series of these organisations (what a caller may read of the submitted ones). */
  organisaties?: readonly string[];
  soort?: Soort;
  bestemming?: Bestemming;
  proces?: string;
  /** Words that must all occur in the name, description or process (case-insensitive). */
  text?: string;
  /** Validity relative to `today`: still valid, ending within 6 months, or ended. */
  geldigheid?: { kind: 'geldig' | 'verloopt' | 'verlopen'; today: string; in6Months: string };
}

const code = (t: RDF.Term | undefined) => (t ? t.value.slice(t.value.lastIndexOf('/') + 1) : undefined);

export class SeriesRepository {
  private readonly reader: SeriesReader;

  constructor(
    private readonly deps: Pick<CoreDeps, 'store' | 'uris' | 'audit'>,
    private readonly lists: CodeLists,
    /** Called after every write (the listing index drops its rows). */
    private readonly onWrite: () => void = () => {},
  ) {
    this.reader = new SeriesReader(deps.uris, lists);
  }

  async load(id: string): Promise<Series | null> {
    const { store, uris, audit } = this.deps;
    const heads = [seriesGraph(uris, id), draftSeriesGraph(uris, id)];
    const head = await store.construct(sparql`CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?g { ${heads} } GRAPH ?g { ?s ?p ?o } }`);
    if (!head.length) return null;
    const graphs = head
      .filter((q) => q.predicate.equals(DCT.hasVersion))
      .flatMap((q) => versionGraphs(uris, id, Number(q.object.value.slice(q.object.value.lastIndexOf('/') + 1))));
    const versions = graphs.length ? await store.construct(sparql`CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?g { ${graphs} } GRAPH ?g { ?s ?p ?o } }`) : [];
    return this.reader.read(id, [...head, ...versions], await audit.version(seriesIri(uris, id)));
  }

  /**
   * Writes the series (its graphs and the given versions' graphs, each moved to its public or
   * private place) in one audited transaction. The precondition is the ETag the writer saw: 0 for a
   * new series.
   */
  async save(ctx: AuditContext, s: Series, write: { action: string; scope: RDF.NamedNode; versions: readonly number[]; detail?: string }): Promise<number> {
    const result = await this.deps.audit.write(
      ctx,
      { action: write.action, resource: seriesIri(this.deps.uris, s.id), scope: write.scope, expectVersion: s.etag, ...(write.detail ? { detail: write.detail } : {}) },
      { replaceGraphs: seriesGraphs(this.deps.uris, s, write.versions) },
    );
    this.onWrite();
    return result.versionAfter ?? s.etag + 1;
  }

  /**
   * Stores many new series in one audited transaction (an accepted import): one audit entry, one
   * SHACL run over the new graphs, one journal record. Their ids are fresh, so their graphs are
   * new, with a precondition that none of the series exists yet; they are written as graph
   * replacements, which the embedded store loads in bulk (inserting quad by quad costs an index
   * lookup per quad) and which the validating store checks without reading the store.
   */
  async saveAll(ctx: AuditContext, series: readonly Series[], scope: RDF.NamedNode, detail: string): Promise<void> {
    const replaceGraphs = series.flatMap((s) => seriesGraphs(this.deps.uris, s)).filter((g) => g.quads.length > 0);
    const heads = series.flatMap((s) => [seriesGraph(this.deps.uris, s.id), draftSeriesGraph(this.deps.uris, s.id)]);
    await this.deps.audit.write(ctx, { action: 'series.import', scope, detail }, {
      replaceGraphs,
      precondition: { ask: sparql`ASK { VALUES ?g { ${heads} } GRAPH ?g { ?s ?p ?o } }`, expect: false, message: 'A series with one of these ids exists already' },
    });
    this.onWrite();
  }

  async organisation(iriOrSlug: string): Promise<SeriesOrganisation | null> {
    const iri = iriOrSlug.includes(':') ? iriOrSlug : this.deps.uris.url(`/id/organisatie/${iriOrSlug}`);
    const all = await this.organisations([namedNode(iri)]);
    return all[0] ?? null;
  }

  /** Organisations (all of them, or the given ones) with label and organisation type. */
  async organisations(only?: readonly RDF.NamedNode[]): Promise<SeriesOrganisation[]> {
    const prefix = this.deps.uris.url('/graph/organisatie/');
    const values = only ? sparql`VALUES ?o { ${only} }` : sparql``;
    const rows = await this.deps.store.select(sparql`
      SELECT ?o ?label ?class WHERE {
        ${values}
        GRAPH ?g { ?o a ${ORG.Organization} . OPTIONAL { ?o ${SKOS.prefLabel} ?label } OPTIONAL { ?o ${ORG.classification} ?class } }
        FILTER(STRSTARTS(STR(?g), ${literal(prefix)}))
      } ORDER BY ?o`);
    const idPrefix = this.deps.uris.url('/id/organisatie/');
    const out = new Map<string, SeriesOrganisation>();
    for (const r of rows) {
      const o = r.o?.value;
      if (!o?.startsWith(idPrefix)) continue;
      const prev = out.get(o);
      const type = this.lists.typeOfClassification(r.class?.value);
      out.set(o, { iri: o, slug: o.slice(idPrefix.length), label: prev?.label ?? r.label?.value ?? o, ...((prev?.organisatietype ?? type) ? { organisatietype: prev?.organisatietype ?? type } : {}) });
    }
    return [...out.values()].sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  }

  private where(f: SeriesFilter): SparqlFragment {
    const pointer = f.which === 'published' ? SERIE.gepubliceerdeVersie : SERIE.werkversie;
    const filters: SparqlFragment[] = [];
    if (f.which !== 'published') filters.push(sparql`FILTER(?status = ${conceptIri('serie-status', f.which.working)})`);
    if (f.organisatie) filters.push(sparql`FILTER(?org = ${namedNode(f.organisatie)})`);
    if (f.organisaties) filters.push(sparql`FILTER(?org IN (${sparql.join(f.organisaties.map((o) => sparql`${namedNode(o)}`), ', ')}))`);
    if (f.soort) filters.push(sparql`FILTER(?soort = ${conceptIri('serie-soort', f.soort)})`);
    if (f.bestemming) filters.push(sparql`FILTER(?best = ${conceptIri('bestemming', f.bestemming)})`);
    if (f.proces) filters.push(sparql`FILTER(LCASE(STR(?proces)) = ${literal(f.proces.toLowerCase())})`);
    for (const word of (f.text ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10)) {
      const w = literal(word);
      filters.push(sparql`FILTER(CONTAINS(LCASE(?naam), ${w}) || CONTAINS(LCASE(COALESCE(?omschr, "")), ${w}) || CONTAINS(LCASE(COALESCE(?proces, "")), ${w}))`);
    }
    if (f.geldigheid) {
      const today = literal(f.geldigheid.today);
      const t = sparql`STR(?tot)`;
      if (f.geldigheid.kind === 'verlopen') filters.push(sparql`FILTER(BOUND(?tot) && ${t} < ${today})`);
      else if (f.geldigheid.kind === 'verloopt') filters.push(sparql`FILTER(BOUND(?tot) && ${t} >= ${today} && ${t} <= ${literal(f.geldigheid.in6Months)})`);
      else filters.push(sparql`FILTER(!BOUND(?tot) || ${t} >= ${today})`);
    }
    return sparql`
      GRAPH ?pg { ?s ${pointer} ?v }
      GRAPH ?hg { ?s ${DCT.identifier} ?id ; ${SERIE.soort} ?soort .
        OPTIONAL { ?s ${SERIE.organisatie} ?org } OPTIONAL { ?s ${SERIE.organisatietype} ?type } }
      GRAPH ?vg { ?v ${DCT.title} ?naam ; ${SERIE.status} ?status ; ${RICO.isOrWasRegulatedBy} ?r .
        OPTIONAL { ?v ${DCT.description} ?omschr } OPTIONAL { ?v ${SERIE.proces} ?proces }
        OPTIONAL { ?v ${SCHEMA.validFrom} ?van } OPTIONAL { ?v ${SCHEMA.validThrough} ?tot }
        OPTIONAL { ?r ${SERIE.bestemming} ?best } }
      ${sparql.join(filters)}`;
  }

  async search(f: SeriesFilter, page: { offset: number; limit: number }): Promise<{ total: number; items: SeriesSummary[] }> {
    const where = this.where(f);
    const count = await this.deps.store.select(sparql`SELECT (COUNT(?v) AS ?n) WHERE { ${where} }`);
    const total = Number(count[0]?.n?.value ?? 0);
    if (page.limit === 0 || total === 0) return { total, items: [] };
    const rows = await this.deps.store.select(sparql`
      SELECT ?id ?v ?naam ?omschr ?soort ?org ?type ?status ?best ?proces ?van ?tot WHERE { ${where} }
      ORDER BY LCASE(?naam) ?id LIMIT ${page.limit} OFFSET ${page.offset}`);
    const items = rows.map((r) => {
      const out: SeriesSummary = {
        id: r.id?.value ?? '',
        versie: Number(code(r.v) ?? 0),
        naam: r.naam?.value ?? '',
        soort: code(r.soort) === 'generiek' ? 'generiek' : 'gewoon',
        status: (code(r.status) ?? 'ontwerp') as Status,
      };
      if (r.omschr) out.omschrijving = r.omschr.value;
      if (r.org) out.organisatie = r.org.value;
      if (r.type) out.organisatietype = code(r.type);
      if (r.best) out.bestemming = code(r.best) as Bestemming;
      if (r.proces) out.proces = r.proces.value;
      if (r.van) out.geldigVan = r.van.value;
      if (r.tot) out.geldigTot = r.tot.value;
      return out;
    });
    return { total, items };
  }

  /** Counts per value of one facet within the filtered set. */
  async facet(f: SeriesFilter, name: 'org' | 'soort' | 'best' | 'proces'): Promise<{ value: string; count: number }[]> {
    const v = variable(name);
    const rows = await this.deps.store.select(sparql`SELECT ${v} (COUNT(?s) AS ?n) WHERE { ${this.where(f)} FILTER(BOUND(${v})) } GROUP BY ${v} ORDER BY DESC(?n) LIMIT 50`);
    return rows.flatMap((r) => {
      const t = r[name];
      return t ? [{ value: name === 'org' || name === 'proces' ? t.value : (code(t) ?? ''), count: Number(r.n?.value ?? 0) }] : [];
    });
  }

  /**
   * The series graphs and the shown versions' graphs of many series (for exports), read in batches;
   * the series come back with only that version. For a published version only public graphs are
   * read; the private ones only for a version in another status (submitted, for its readers).
   */
  async loadShown(items: readonly { id: string; versie: number; status: Status }[]): Promise<{ series: Series[]; triples: RDF.Quad[] }> {
    const { store, uris } = this.deps;
    const series: Series[] = [];
    const triples: RDF.Quad[] = [];
    for (let i = 0; i < items.length; i += 400) {
      const batch = items.slice(i, i + 400);
      const graphs = batch.flatMap((x) =>
        isPublicStatus(x.status)
          ? [seriesGraph(uris, x.id), versionGraph(uris, x.id, x.versie, true)]
          : [seriesGraph(uris, x.id), draftSeriesGraph(uris, x.id), ...versionGraphs(uris, x.id, x.versie)],
      );
      const quads = await store.construct(sparql`CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?g { ${graphs} } GRAPH ?g { ?s ?p ?o } }`);
      triples.push(...quads);
      const bySeries = new Map<string, RDF.Quad[]>();
      const idOf = (iri: string) => /\/id\/serie\/([^/]+)/.exec(iri)?.[1];
      for (const q of quads) {
        const id = idOf(q.subject.value);
        if (id) (bySeries.get(id) ?? bySeries.set(id, []).get(id)!).push(q);
      }
      for (const x of batch) {
        const s = this.reader.read(x.id, bySeries.get(x.id) ?? [], 0);
        if (s) series.push(s);
      }
    }
    return { series, triples };
  }

  /** Ids of series whose working version is in one of the statuses, for the given organisations / organisation types. */
  async workingIds(statuses: readonly Status[], scope: { organisations?: readonly string[]; types?: readonly string[]; orgTypesOf?: readonly string[] }): Promise<string[]> {
    if (!statuses.length) return [];
    const st = statuses.map((s) => conceptIri('serie-status', s));
    const orgs = (scope.organisations ?? []).map((o) => namedNode(o));
    const types = (scope.types ?? []).map((t) => conceptIri('organisatietype', t));
    const parts: SparqlFragment[] = [];
    if (orgs.length) parts.push(sparql`{ GRAPH ?hg { ?s ${SERIE.organisatie} ?o } VALUES ?o { ${orgs} } }`);
    if (types.length) parts.push(sparql`{ GRAPH ?hg { ?s ${SERIE.organisatietype} ?t } VALUES ?t { ${types} } }`);
    if (!parts.length) return [];
    const rows = await this.deps.store.select(sparql`
      SELECT DISTINCT ?id WHERE {
        ${sparql.join(parts, ' UNION ')}
        GRAPH ?wg { ?s ${SERIE.werkversie} ?v } GRAPH ?hg { ?s ${DCT.identifier} ?id }
        GRAPH ?vg { ?v ${SERIE.status} ?status } VALUES ?status { ${st} }
      } ORDER BY ?id LIMIT 500`);
    return rows.flatMap((r) => (r.id ? [r.id.value] : []));
  }

  /** Ids of published series ending before `date` (for the review warning), per organisation. */
  async endingBefore(date: string, organisations: readonly string[]): Promise<string[]> {
    if (!organisations.length) return [];
    const rows = await this.deps.store.select(sparql`
      SELECT DISTINCT ?id WHERE {
        GRAPH ?hg { ?s ${SERIE.gepubliceerdeVersie} ?v ; ${DCT.identifier} ?id ; ${SERIE.organisatie} ?o }
        VALUES ?o { ${organisations.map((o) => namedNode(o))} }
        FILTER NOT EXISTS { GRAPH ?wg { ?s ${SERIE.werkversie} ?w } }
        GRAPH ?vg { ?v ${SCHEMA.validThrough} ?tot }
        FILTER(STR(?tot) <= ${literal(date)})
      } ORDER BY ?id LIMIT 500`);
    return rows.flatMap((r) => (r.id ? [r.id.value] : []));
  }
}
