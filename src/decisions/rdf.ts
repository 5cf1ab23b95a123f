/**
 * The register's resources as RDF (LBLOD terms) and back. One function writes a meeting, used both
 * for the private draft graph and for the snapshot inside a published version; one reader turns
 * either back into the model, so a publication page is rendered from exactly what was stored.
 *
 * Order is kept with stelsel:position (agendapunten, artikels, votes) next to the LBLOD chains
 * besluit:aangebrachtNa / besluit:gebeurtNa.
 */
import type * as RDF from '@rdfjs/types';
import { literal, namedNode, quad } from '../shared/rdf/factory.js';
import { BESLUIT, DCT, ELI, EU_LANGUAGE, FOAF, MANDAAT, ORG, PERSON, PROV, RDF_, SKOS, STELSEL, XSD } from '../shared/rdf/vocab.js';
import type { UriPolicy } from '../shared/uri.js';
import type { DecisionCodeLists } from './codelists.js';
import type { Agendapunt, Behandeling, Besluit, Bestuursorgaan, Periode, Stemming, Zitting } from './model.js';

/** IRIs of the register's things. */
export class DecisionIris {
  constructor(readonly uris: UriPolicy) {}
  eenheid = (slug: string) => this.uris.id('organisatie', slug);
  werkingsgebied = (slug: string) => this.uris.id('werkingsgebied', slug);
  orgaan = (eenheid: string, orgaan: string) => this.uris.id('bestuursorgaan', eenheid, orgaan);
  periode = (eenheid: string, orgaan: string, periode: string) => this.uris.id('bestuursorgaan', eenheid, orgaan, periode);
  mandataris = (id: string) => this.uris.id('mandataris', id);
  persoon = (id: string) => this.uris.id('persoon', id);
  zitting = (id: string) => this.uris.id('zitting', id);
  agendapunt = (id: string) => this.uris.id('agendapunt', id);
  behandeling = (id: string) => this.uris.id('behandeling', id);
  besluit = (id: string) => this.uris.id('besluit', id);
  rechtsgrond = (besluitId: string) => this.uris.id('rechtsgrond', besluitId);
  artikel = (id: string) => this.uris.id('artikel', id);
  stemming = (id: string) => this.uris.id('stemming', id);
  bijlage = (id: string) => this.uris.id('bijlage', id);
  handtekening = (id: string) => this.uris.id('handtekening', id);
  orgaanGraph = (eenheid: string, orgaan: string) => this.uris.graph('bestuursorgaan', eenheid, orgaan);
  draftGraph = (zitting: string) => namedNode(`${this.uris.decisionDraftsGraph.value}/${zitting}`);
  /** An attachment's metadata while its meeting is a draft (private; a system graph like the draft). */
  bijlageGraph = (zitting: string, id: string) => namedNode(`${this.draftGraph(zitting).value}/bijlagen/${id}`);
  /** A signature of a draft document (private until it is published with the document). */
  handtekeningGraph = (zitting: string, id: string) => namedNode(`${this.draftGraph(zitting).value}/handtekeningen/${id}`);
  publicationGraph = (zitting: string, docKey: string, v: number) => this.uris.graph('besluitpublicatie', zitting, docKey, String(v));
  get publicationGraphs(): string {
    return this.uris.graph('besluitpublicatie').value + '/';
  }
  /** The last path segment of one of our IRIs (the id it was minted from). */
  idOf = (iri: string): string => iri.slice(iri.lastIndexOf('/') + 1);
  /** [eenheid, orgaan, periode?] of a body IRI. */
  orgaanParts(iri: string): string[] {
    return iri.slice(this.uris.id('bestuursorgaan', 'x').value.length - 1).split('/');
  }
}

const str = (v: string) => literal(v);
const int = (n: number) => literal(String(n), XSD.integer);
const bool = (b: boolean) => literal(String(b), XSD.boolean);
const dateTime = (v: string) => literal(v, XSD.dateTime);
const date = (v: string) => literal(v, XSD.date);

type Emit = (s: RDF.Quad_Subject, p: RDF.NamedNode, o: RDF.Quad_Object) => void;

function emitter(graph: RDF.NamedNode, out: RDF.Quad[]): Emit {
  return (s, p, o) => out.push(quad(s, p, o, graph));
}

/** The body (untimed and in one period), its bestuurseenheid, and the named mandatarissen. */
export function orgaanQuads(iris: DecisionIris, lists: DecisionCodeLists, o: Bestuursorgaan, graph: RDF.NamedNode, opts: { perioden?: Periode[]; eenheid?: { naam: string; classificatie?: string } } = {}): RDF.Quad[] {
  const out: RDF.Quad[] = [];
  const e = emitter(graph, out);
  const untimed = iris.orgaan(o.eenheid, o.id);
  const eenheid = iris.eenheid(o.eenheid);
  const cls = lists.orgaanClassificaties.get(o.classificatie).iri;
  const describe = (s: RDF.NamedNode) => {
    e(s, RDF_.type, BESLUIT.Bestuursorgaan);
    e(s, SKOS.prefLabel, str(o.naam));
    e(s, BESLUIT.bestuurt, eenheid);
    e(s, BESLUIT.classificatie, cls);
    e(s, ORG.classification, cls);
  };
  describe(untimed);
  for (const p of opts.perioden ?? o.perioden) {
    const timed = iris.periode(o.eenheid, o.id, p.id);
    describe(timed);
    e(timed, MANDAAT.isTijdspecialisatieVan, untimed);
    e(timed, MANDAAT.bindingStart, date(p.start));
    if (p.einde) e(timed, MANDAAT.bindingEinde, date(p.einde));
    for (const m of p.mandatarissen) {
      const mi = iris.mandataris(m.id);
      const person = iris.persoon(m.id);
      e(timed, ORG.hasMember, mi);
      e(mi, RDF_.type, MANDAAT.Mandataris);
      e(mi, MANDAAT.isBestuurlijkeAliasVan, person);
      e(person, RDF_.type, PERSON.Person);
      e(person, FOAF.name, str(m.naam));
    }
  }
  if (opts.eenheid) {
    e(eenheid, RDF_.type, BESLUIT.Bestuurseenheid);
    e(eenheid, SKOS.prefLabel, str(opts.eenheid.naam));
    e(eenheid, BESLUIT.werkingsgebied, iris.werkingsgebied(o.eenheid));
    if (opts.eenheid.classificatie) {
      e(eenheid, ORG.classification, namedNode(opts.eenheid.classificatie));
      e(eenheid, BESLUIT.classificatie, namedNode(opts.eenheid.classificatie));
    }
  }
  return out;
}

export interface ZittingQuadOptions {
  /** Only these agendapunten (an uittreksel); all when absent. */
  only?: ReadonlySet<string>;
  /** Leave out treatments altogether (an agenda). */
  agendaOnly?: boolean;
  /** Reduce non-public treatments to the agendapunt's title and description. */
  reduceNonPublic?: boolean;
  /** eli:date_publication of the decisions. */
  datePublication?: string;
}

/** A meeting with its agenda, treatments, decisions and votes. */
export function zittingQuads(iris: DecisionIris, lists: DecisionCodeLists, z: Zitting, graph: RDF.NamedNode, opts: ZittingQuadOptions = {}): RDF.Quad[] {
  const out: RDF.Quad[] = [];
  const e = emitter(graph, out);
  const s = iris.zitting(z.id);
  const body = iris.periode(z.eenheid, z.orgaan, z.periode);
  const m = (id: string) => iris.mandataris(id);
  e(s, RDF_.type, BESLUIT.Zitting);
  e(s, DCT.identifier, str(z.slug));
  e(s, BESLUIT.isGehoudenDoor, body);
  e(s, BESLUIT.geplandeStart, dateTime(z.geplandeStart));
  if (!opts.agendaOnly) {
    if (z.gestart) e(s, PROV.startedAtTime, dateTime(z.gestart));
    if (z.geeindigd) e(s, PROV.endedAtTime, dateTime(z.geeindigd));
    for (const a of z.aanwezigen) e(s, BESLUIT.heeftAanwezigeBijStart, m(a));
  }
  if (z.voorzitter) e(s, BESLUIT.heeftVoorzitter, m(z.voorzitter));
  if (z.secretaris) e(s, BESLUIT.heeftSecretaris, m(z.secretaris));
  let previous: Agendapunt | undefined;
  let previousTreated: Behandeling | undefined;
  z.agendapunten.forEach((a, i) => {
    const ap = iris.agendapunt(a.id);
    if (!opts.only || opts.only.has(a.id)) {
      e(s, BESLUIT.behandelt, ap);
      e(ap, RDF_.type, BESLUIT.Agendapunt);
      e(ap, STELSEL.position, int(i + 1));
      e(ap, DCT.title, str(a.titel));
      if (a.beschrijving) e(ap, DCT.description, str(a.beschrijving));
      e(ap, BESLUIT.geplandOpenbaar, bool(a.geplandOpenbaar));
      e(ap, BESLUIT['Agendapunt.type'], lists.agendapuntTypes.get(a.type).iri);
      if (previous && !opts.only) e(ap, BESLUIT.aangebrachtNa, iris.agendapunt(previous.id));
      const b = a.behandeling;
      if (b && !opts.agendaOnly) {
        const reduced = opts.reduceNonPublic && !b.openbaar;
        behandelingQuads(iris, lists, z, a, b, !opts.only ? previousTreated : undefined, reduced ?? false, opts.datePublication, e);
      }
    }
    previous = a;
    if (a.behandeling) previousTreated = a.behandeling;
  });
  return out;
}

function behandelingQuads(iris: DecisionIris, lists: DecisionCodeLists, z: Zitting, a: Agendapunt, b: Behandeling, previous: Behandeling | undefined, reduced: boolean, datePublication: string | undefined, e: Emit): void {
  const bv = iris.behandeling(b.id);
  const m = (id: string) => iris.mandataris(id);
  e(bv, RDF_.type, BESLUIT.BehandelingVanAgendapunt);
  e(bv, DCT.subject, iris.agendapunt(a.id));
  e(bv, BESLUIT.openbaar, bool(b.openbaar));
  if (previous) e(bv, BESLUIT.gebeurtNa, iris.behandeling(previous.id));
  for (const x of b.aanwezigen) e(bv, BESLUIT.heeftAanwezige, m(x));
  if (z.voorzitter) e(bv, BESLUIT.heeftVoorzitter, m(z.voorzitter));
  if (z.secretaris) e(bv, BESLUIT.heeftSecretaris, m(z.secretaris));
  if (reduced) return;
  if (b.besluit) besluitQuads(iris, lists, z, b, b.besluit, datePublication, e);
  b.stemmingen.forEach((st, i) => {
    e(bv, BESLUIT.heeftStemming, iris.stemming(st.id));
    stemmingQuads(iris, b, st, i, e);
  });
}

function besluitQuads(iris: DecisionIris, lists: DecisionCodeLists, z: Zitting, b: Behandeling, d: Besluit, datePublication: string | undefined, e: Emit): void {
  const s = iris.besluit(d.id);
  e(iris.behandeling(b.id), PROV.generated, s);
  e(s, RDF_.type, BESLUIT.Besluit);
  e(s, RDF_.type, lists.besluitTypes.get(d.type).iri);
  e(s, ELI.title, str(d.titel));
  if (d.beschrijving) e(s, ELI.description, str(d.beschrijving));
  if (d.citeeropschrift) e(s, ELI.title_short, str(d.citeeropschrift));
  if (d.vervangt) e(s, ELI.consolidates, namedNode(d.vervangt));
  e(s, BESLUIT.motivering, str(d.motivering));
  e(s, ELI.language, EU_LANGUAGE('NLD'));
  e(s, ELI.passed_by, iris.periode(z.eenheid, z.orgaan, z.periode));
  e(s, ELI.realizes, iris.rechtsgrond(d.id));
  e(s, PROV.wasGeneratedBy, iris.behandeling(b.id));
  if (datePublication) e(s, ELI.date_publication, date(datePublication));
  if (d.artikels.length) e(s, PROV.value, str(d.artikels.map((x) => `${x.nummer}. ${x.inhoud}`).join('\n')));
  for (const id of d.bijlagen ?? []) e(s, ELI.related_to, iris.bijlage(id));
  d.artikels.forEach((x, i) => {
    const a = iris.artikel(x.id);
    e(s, ELI.has_part, a);
    e(a, RDF_.type, BESLUIT.Artikel);
    e(a, STELSEL.position, int(i + 1));
    e(a, ELI.number, str(x.nummer));
    e(a, PROV.value, str(x.inhoud));
  });
}

function stemmingQuads(iris: DecisionIris, b: Behandeling, st: Stemming, i: number, e: Emit): void {
  const s = iris.stemming(st.id);
  const m = (id: string) => iris.mandataris(id);
  e(s, RDF_.type, BESLUIT.Stemming);
  e(s, STELSEL.position, int(i + 1));
  e(s, BESLUIT.onderwerp, str(st.onderwerp));
  e(s, BESLUIT.gevolg, str(st.gevolg));
  e(s, BESLUIT.geheim, bool(st.geheim));
  e(s, BESLUIT.aantalVoorstanders, int(st.aantalVoorstanders));
  e(s, BESLUIT.aantalTegenstanders, int(st.aantalTegenstanders));
  e(s, BESLUIT.aantalOnthouders, int(st.aantalOnthouders));
  for (const x of b.aanwezigen) e(s, BESLUIT.heeftAanwezige, m(x));
  for (const x of st.stemmers) e(s, BESLUIT.heeftStemmer, m(x));
  for (const x of st.voorstanders) e(s, BESLUIT.heeftVoorstander, m(x));
  for (const x of st.tegenstanders) e(s, BESLUIT.heeftTegenstander, m(x));
  for (const x of st.onthouders) e(s, BESLUIT.heeftOnthouder, m(x));
}
