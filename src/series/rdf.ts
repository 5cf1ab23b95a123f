/**
 * Series as RDF (RiC-O 1.1, OSLO Dossier, DCTERMS, schema.org and ontologies/serieregister.ttl).
 * One graph for the series and one per version. Only what the public may read is in public graphs
 * (/graph/serie/...): the series once it has a published version, and its published and superseded
 * versions. Drafts, versions under internal approval and submitted versions, and the series
 * graph of a series never published, are in private graphs under /graph/serie-ontwerp/
 * (UriPolicy.seriesDraftsGraph, left out of /sparql and /doc). Publishing moves a version from its
 * private graph to its public one in the same transaction as the status change.
 *
 *   graph {BASE}/graph/serie/{id}  (published series), else {BASE}/graph/serie-ontwerp/{id}
 *     <{BASE}/id/serie/{id}> a rico:RecordSet, dossier:Serie ; rico:hasRecordSetType rst:Series ;
 *       dct:identifier "{id}" ; dct:title "naam of the current version" ; serie:soort <soort> ;
 *       serie:organisatie <org> | serie:organisatietype <type> ; serie:sjabloon <template series>? ;
 *       dct:created ; dct:hasVersion <v1>, <v2> ; serie:werkversie <vN>? ; serie:gepubliceerdeVersie <vM>? .
 *   (of a published series, dct:hasVersion of its unpublished versions and serie:werkversie are in
 *   {BASE}/graph/serie-ontwerp/{id}, so each triple is in exactly one graph)
 *   graph {BASE}/graph/serie/{id}/versie/{n}  (published, superseded), else {BASE}/graph/serie-ontwerp/{id}/versie/{n}
 *     <{BASE}/id/serie/{id}/versie/{n}> a serie:Serieversie ; dct:isVersionOf <series> ;
 *       serie:versienummer n ; serie:status <status> ; serie:reden <reden> ; dct:title ; dct:description ;
 *       serie:proces ; serie:openbaarheid <c> ; schema:validFrom / validThrough xsd:date ;
 *       dct:created / dct:modified / serie:goedgekeurd / dct:issued xsd:dateTime ;
 *       rico:isOrWasRegulatedBy <.../bewaarregel> ; serie:opmerking <.../opmerking/{k}> .
 *     <.../bewaarregel> a serie:Bewaarregel, rico:Rule ; serie:administratieveBewaartermijn "P10Y"^^xsd:duration ;
 *       serie:wettelijkeBewaartermijn ; serie:termijnspecificatie <c> ; serie:verduidelijking ; serie:motivering ;
 *       serie:bestemming <c> ; serie:bestemmingMotivering .
 *     <.../opmerking/{k}> a serie:Opmerking ; serie:actie "terugsturen" ; serie:tekst ; dct:creator <agent> ; dct:created .
 */
import type * as RDF from '@rdfjs/types';
import { isValidIri } from '../shared/rdf/encode.js';
import { literal, namedNode, quad } from '../shared/rdf/factory.js';
import { DCT, DOSSIER, RDF_, RICO, RICO_RST, SCHEMA, SERIE, XSD } from '../shared/rdf/vocab.js';
import type { GraphReplacement } from '../shared/store/port.js';
import type { UriPolicy } from '../shared/uri.js';
import { conceptIri, type CodeLists } from './codelists.js';
import { BESTEMMINGEN, REDENEN, STATUSES, currentVersion, type Bestemming, type Reden, type Series, type SeriesVersion, type Soort, type Status } from './model.js';

export const seriesIri = (uris: UriPolicy, id: string) => uris.id('serie', id);
/** The public graph of a series. */
export const seriesGraph = (uris: UriPolicy, id: string) => uris.graph('serie', id);
/** The private graph of a series (see UriPolicy.seriesDraftsGraph). */
export const draftSeriesGraph = (uris: UriPolicy, id: string) => uris.graph('serie-ontwerp', id);
export const versionIri = (uris: UriPolicy, id: string, n: number) => uris.id('serie', id, 'versie', String(n));
/** A version's graph: public once published (also when superseded since), private before. */
export const versionGraph = (uris: UriPolicy, id: string, n: number, isPublic: boolean) =>
  uris.graph(isPublic ? 'serie' : 'serie-ontwerp', id, 'versie', String(n));
/** Both places a version's graph may be in (for reads and for moving it). */
export const versionGraphs = (uris: UriPolicy, id: string, n: number) => [versionGraph(uris, id, n, true), versionGraph(uris, id, n, false)];
/** Published and superseded versions are public history; every other status is private. */
export const isPublicStatus = (s: Status): boolean => s === 'gepubliceerd' || s === 'vervangen';
const ruleIri = (uris: UriPolicy, id: string, n: number) => uris.id('serie', id, 'versie', String(n), 'bewaarregel');
const commentIri = (uris: UriPolicy, id: string, n: number, k: number) => uris.id('serie', id, 'versie', String(n), 'opmerking', String(k));

const SERIES_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
export const isSeriesId = (s: string): boolean => SERIES_ID.test(s);

/**
 * The series graphs (the aggregate root): the public one (empty while nothing is published) and the
 * private one (the whole series while nothing is published; else only the links to its unpublished
 * versions).
 */
export function seriesGraphContent(uris: UriPolicy, s: Series): { public: GraphReplacement; private: GraphReplacement } {
  const iri = seriesIri(uris, s.id);
  const published = s.gepubliceerdeVersie !== undefined;
  const pg = seriesGraph(uris, s.id);
  const dg = draftSeriesGraph(uris, s.id);
  const pub: RDF.Quad[] = [];
  const priv: RDF.Quad[] = [];
  const core = published ? pub : priv;
  const add = (p: RDF.NamedNode, o: RDF.Quad_Object, to: RDF.Quad[] = core) => to.push(quad(iri, p, o, to === pub ? pg : dg));
  add(RDF_.type, RICO.RecordSet);
  add(RDF_.type, DOSSIER.Serie);
  add(RICO.hasRecordSetType, RICO_RST.Series);
  add(DCT.identifier, literal(s.id));
  const cur = currentVersion(s);
  if (cur) add(DCT.title, literal(cur.naam));
  add(SERIE.soort, conceptIri('serie-soort', s.soort));
  if (s.organisatie && isValidIri(s.organisatie)) add(SERIE.organisatie, namedNode(s.organisatie));
  if (s.organisatietype) add(SERIE.organisatietype, conceptIri('organisatietype', s.organisatietype));
  if (s.sjabloon) add(SERIE.sjabloon, seriesIri(uris, s.sjabloon));
  add(DCT.created, literal(s.aangemaakt, XSD.dateTime));
  for (const v of s.versies) add(DCT.hasVersion, versionIri(uris, s.id, v.nummer), published && isPublicStatus(v.status) ? pub : priv);
  if (s.werkversie !== undefined) add(SERIE.werkversie, versionIri(uris, s.id, s.werkversie), priv);
  if (s.gepubliceerdeVersie !== undefined) add(SERIE.gepubliceerdeVersie, versionIri(uris, s.id, s.gepubliceerdeVersie));
  return { public: { graph: pg, quads: pub }, private: { graph: dg, quads: priv } };
}

/** One version's graph. */
export function versionGraphContent(uris: UriPolicy, seriesId: string, v: SeriesVersion): GraphReplacement {
  const iri = versionIri(uris, seriesId, v.nummer);
  const rule = ruleIri(uris, seriesId, v.nummer);
  const g = versionGraph(uris, seriesId, v.nummer, isPublicStatus(v.status));
  const out: RDF.Quad[] = [];
  const add = (s: RDF.NamedNode, p: RDF.NamedNode, o: RDF.Quad_Object) => out.push(quad(s, p, o, g));
  const text = (s: RDF.NamedNode, p: RDF.NamedNode, x: string | undefined) => {
    if (x !== undefined && x !== '') add(s, p, literal(x));
  };
  add(iri, RDF_.type, SERIE.Serieversie);
  add(iri, DCT.isVersionOf, seriesIri(uris, seriesId));
  add(iri, SERIE.versienummer, literal(String(v.nummer), XSD.integer));
  add(iri, SERIE.status, conceptIri('serie-status', v.status));
  add(iri, SERIE.reden, conceptIri('versie-reden', v.reden));
  add(iri, DCT.title, literal(v.naam));
  text(iri, DCT.description, v.omschrijving);
  text(iri, SERIE.proces, v.proces);
  if (v.openbaarheid) add(iri, SERIE.openbaarheid, conceptIri('openbaarheid', v.openbaarheid));
  if (v.geldigVan) add(iri, SCHEMA.validFrom, literal(v.geldigVan, XSD.date));
  if (v.geldigTot) add(iri, SCHEMA.validThrough, literal(v.geldigTot, XSD.date));
  add(iri, DCT.created, literal(v.aangemaakt, XSD.dateTime));
  add(iri, DCT.modified, literal(v.gewijzigd, XSD.dateTime));
  if (v.goedgekeurd) add(iri, SERIE.goedgekeurd, literal(v.goedgekeurd, XSD.dateTime));
  if (v.gepubliceerd) add(iri, DCT.issued, literal(v.gepubliceerd, XSD.dateTime));
  add(iri, RICO.isOrWasRegulatedBy, rule);
  add(rule, RDF_.type, SERIE.Bewaarregel);
  add(rule, RDF_.type, RICO.Rule);
  if (v.administratieveBewaartermijn) add(rule, SERIE.administratieveBewaartermijn, literal(v.administratieveBewaartermijn, XSD.duration));
  if (v.wettelijkeBewaartermijn) add(rule, SERIE.wettelijkeBewaartermijn, literal(v.wettelijkeBewaartermijn, XSD.duration));
  if (v.termijnspecificatie) add(rule, SERIE.termijnspecificatie, conceptIri('termijnspecificatie', v.termijnspecificatie));
  text(rule, SERIE.verduidelijking, v.verduidelijking);
  text(rule, SERIE.motivering, v.motivering);
  if (v.bestemming) add(rule, SERIE.bestemming, conceptIri('bestemming', v.bestemming));
  text(rule, SERIE.bestemmingMotivering, v.bestemmingMotivering);
  v.opmerkingen.forEach((c, i) => {
    const ci = commentIri(uris, seriesId, v.nummer, i + 1);
    add(iri, SERIE.opmerking, ci);
    add(ci, RDF_.type, SERIE.Opmerking);
    add(ci, SERIE.actie, literal(c.actie));
    add(ci, SERIE.tekst, literal(c.tekst));
    if (c.auteur && isValidIri(c.auteur)) add(ci, DCT.creator, namedNode(c.auteur));
    add(ci, DCT.created, literal(c.datum, XSD.dateTime));
  });
  return { graph: g, quads: out };
}

/**
 * The graph replacements that write a series: both series graphs, and for each of the given
 * versions (default: all) its graph plus an empty replacement of the other place it could be in,
 * so a version that is published moves out of its private graph in the same write.
 */
export function seriesGraphs(uris: UriPolicy, s: Series, versions?: readonly number[]): GraphReplacement[] {
  const head = seriesGraphContent(uris, s);
  const out = [head.public, head.private];
  for (const v of s.versies) {
    if (versions && !versions.includes(v.nummer)) continue;
    const content = versionGraphContent(uris, s.id, v);
    out.push(content, { graph: versionGraph(uris, s.id, v.nummer, !isPublicStatus(v.status)), quads: [] });
  }
  return out;
}

/** Reads triples as produced above back into values. */
export class SeriesReader {
  constructor(
    private readonly uris: UriPolicy,
    private readonly lists: CodeLists,
  ) {}

  private index(triples: readonly RDF.Quad[]) {
    const by = new Map<string, RDF.Quad[]>();
    for (const t of triples) {
      const k = t.subject.value;
      const l = by.get(k);
      if (l) l.push(t);
      else by.set(k, [t]);
    }
    return {
      one: (s: string, p: RDF.NamedNode) => by.get(s)?.find((t) => t.predicate.equals(p))?.object.value,
      all: (s: string, p: RDF.NamedNode) => (by.get(s) ?? []).filter((t) => t.predicate.equals(p)).map((t) => t.object.value),
    };
  }

  /** The series from its graph's triples and its versions' triples; null when absent. */
  read(id: string, triples: readonly RDF.Quad[], etag: number): Series | null {
    const { one, all } = this.index(triples);
    const s = seriesIri(this.uris, id).value;
    const soortIri = one(s, SERIE.soort);
    if (!soortIri) return null;
    const num = (iri: string | undefined) => (iri ? Number(iri.slice(iri.lastIndexOf('/') + 1)) : undefined);
    const code = (iri: string | undefined) => (iri ? iri.slice(iri.lastIndexOf('/') + 1) : undefined);
    const versies: SeriesVersion[] = all(s, DCT.hasVersion)
      .map((v) => this.readVersion(v, one, all))
      .filter((v): v is SeriesVersion => v !== null)
      .sort((a, b) => a.nummer - b.nummer);
    const sjabloon = code(one(s, SERIE.sjabloon));
    return {
      id,
      soort: (code(soortIri) === 'generiek' ? 'generiek' : 'gewoon') as Soort,
      ...(one(s, SERIE.organisatie) ? { organisatie: one(s, SERIE.organisatie) } : {}),
      ...(one(s, SERIE.organisatietype) ? { organisatietype: code(one(s, SERIE.organisatietype)) } : {}),
      ...(sjabloon ? { sjabloon } : {}),
      ...(one(s, SERIE.werkversie) ? { werkversie: num(one(s, SERIE.werkversie)) } : {}),
      ...(one(s, SERIE.gepubliceerdeVersie) ? { gepubliceerdeVersie: num(one(s, SERIE.gepubliceerdeVersie)) } : {}),
      versies,
      aangemaakt: one(s, DCT.created) ?? '',
      etag,
    };
  }

  private readVersion(
    v: string,
    one: (s: string, p: RDF.NamedNode) => string | undefined,
    all: (s: string, p: RDF.NamedNode) => string[],
  ): SeriesVersion | null {
    const nummer = one(v, SERIE.versienummer);
    const naam = one(v, DCT.title);
    if (nummer === undefined || naam === undefined) return null;
    const rule = one(v, RICO.isOrWasRegulatedBy) ?? '';
    const code = (iri: string | undefined) => (iri ? iri.slice(iri.lastIndexOf('/') + 1) : undefined);
    const status = code(one(v, SERIE.status));
    const reden = code(one(v, SERIE.reden));
    const bestemming = code(one(rule, SERIE.bestemming));
    const out: SeriesVersion = {
      nummer: Number(nummer),
      naam,
      status: (STATUSES as readonly string[]).includes(status ?? '') ? (status as Status) : 'ontwerp',
      reden: (REDENEN as readonly string[]).includes(reden ?? '') ? (reden as Reden) : 'nieuw',
      aangemaakt: one(v, DCT.created) ?? '',
      gewijzigd: one(v, DCT.modified) ?? '',
      opmerkingen: all(v, SERIE.opmerking)
        .sort((a, b) => Number(a.slice(a.lastIndexOf('/') + 1)) - Number(b.slice(b.lastIndexOf('/') + 1)))
        .map((c) => ({ actie: one(c, SERIE.actie) ?? '', tekst: one(c, SERIE.tekst) ?? '', ...(one(c, DCT.creator) ? { auteur: one(c, DCT.creator) } : {}), datum: one(c, DCT.created) ?? '' })),
    };
    const set = <K extends keyof SeriesVersion>(k: K, x: SeriesVersion[K] | undefined) => {
      if (x !== undefined) out[k] = x;
    };
    set('omschrijving', one(v, DCT.description));
    set('proces', one(v, SERIE.proces));
    set('openbaarheid', code(one(v, SERIE.openbaarheid)));
    set('geldigVan', one(v, SCHEMA.validFrom));
    set('geldigTot', one(v, SCHEMA.validThrough));
    set('goedgekeurd', one(v, SERIE.goedgekeurd));
    set('gepubliceerd', one(v, DCT.issued));
    set('administratieveBewaartermijn', one(rule, SERIE.administratieveBewaartermijn));
    set('wettelijkeBewaartermijn', one(rule, SERIE.wettelijkeBewaartermijn));
    set('termijnspecificatie', code(one(rule, SERIE.termijnspecificatie)));
    set('verduidelijking', one(rule, SERIE.verduidelijking));
    set('motivering', one(rule, SERIE.motivering));
    if (bestemming && (BESTEMMINGEN as readonly string[]).includes(bestemming)) out.bestemming = bestemming as Bestemming;
    set('bestemmingMotivering', one(rule, SERIE.bestemmingMotivering));
    void this.lists;
    return out;
  }
}
