/**
 * Reads the register's RDF (src/decisions/rdf.ts) back into the model: a draft graph, an orgaan
 * graph, or the snapshot inside a published version.
 */
import type * as RDF from '@rdfjs/types';
import { BESLUIT, DCT, ELI, FOAF, MANDAAT, ORG, PROV, RDF_, SKOS, STELSEL } from '../shared/rdf/vocab.js';
import type { DecisionCodeLists } from './codelists.js';
import type { Agendapunt, AgendapuntType, Behandeling, Besluit, Bestuursorgaan, Mandataris, Periode, Stemming, Zitting } from './model.js';
import type { DecisionIris } from './rdf.js';

/** Subject -> predicate -> objects, for reading one aggregate. */
export class Index {
  private readonly map = new Map<string, Map<string, RDF.Term[]>>();

  constructor(quads: readonly RDF.Quad[]) {
    for (const q of quads) {
      const bySubject = this.map.get(q.subject.value) ?? new Map<string, RDF.Term[]>();
      const list = bySubject.get(q.predicate.value) ?? [];
      list.push(q.object);
      bySubject.set(q.predicate.value, list);
      this.map.set(q.subject.value, bySubject);
    }
  }

  all(s: string, p: RDF.NamedNode): RDF.Term[] {
    return this.map.get(s)?.get(p.value) ?? [];
  }

  one(s: string, p: RDF.NamedNode): string | undefined {
    return this.all(s, p)[0]?.value;
  }

  has(s: string, p: RDF.NamedNode, o: RDF.Term): boolean {
    return this.all(s, p).some((x) => x.equals(o));
  }

  subjectsOfType(type: RDF.NamedNode): string[] {
    return [...this.map.keys()].filter((s) => this.has(s, RDF_.type, type));
  }
}

const byPosition = (ix: Index) => (a: string, b: string) => Number(ix.one(a, STELSEL.position) ?? 0) - Number(ix.one(b, STELSEL.position) ?? 0);
const opt = <K extends string>(k: K, v: string | undefined): { [P in K]?: string } => (v === undefined ? {} : ({ [k]: v } as { [P in K]?: string }));

export class DecisionReader {
  constructor(
    private readonly iris: DecisionIris,
    private readonly lists: DecisionCodeLists,
  ) {}

  /** The body stored in its graph (or a snapshot of it). */
  orgaan(quads: readonly RDF.Quad[], eenheid: string, orgaan: string): Bestuursorgaan | null {
    const ix = new Index(quads);
    const s = this.iris.orgaan(eenheid, orgaan).value;
    const naam = ix.one(s, SKOS.prefLabel);
    const cls = ix.one(s, ORG.classification);
    if (!naam || !cls) return null;
    const perioden: Periode[] = ix
      .subjectsOfType(BESLUIT.Bestuursorgaan)
      .filter((t) => ix.one(t, MANDAAT.isTijdspecialisatieVan) === s)
      .map((t) => ({
        id: this.iris.idOf(t),
        start: ix.one(t, MANDAAT.bindingStart) ?? '',
        ...opt('einde', ix.one(t, MANDAAT.bindingEinde)),
        mandatarissen: ix.all(t, ORG.hasMember).map((m) => this.mandataris(ix, m.value)),
      }))
      .sort((a, b) => a.start.localeCompare(b.start));
    return { eenheid, id: orgaan, naam, classificatie: this.lists.orgaanClassificaties.ofIri(cls)?.key ?? cls, perioden };
  }

  private mandataris(ix: Index, iri: string): Mandataris {
    const person = ix.one(iri, MANDAAT.isBestuurlijkeAliasVan);
    return { id: this.iris.idOf(iri), naam: (person && ix.one(person, FOAF.name)) ?? this.iris.idOf(iri) };
  }

  /** Names of every mandataris described in the quads (id -> name). */
  mandatarisNames(quads: readonly RDF.Quad[]): Map<string, string> {
    const ix = new Index(quads);
    return new Map(ix.subjectsOfType(MANDAAT.Mandataris).map((m) => [this.iris.idOf(m), this.mandataris(ix, m).naam]));
  }

  /** The one meeting in the quads, or null. */
  zitting(quads: readonly RDF.Quad[]): Zitting | null {
    const ix = new Index(quads);
    const s = ix.subjectsOfType(BESLUIT.Zitting)[0];
    if (!s) return null;
    const body = ix.one(s, BESLUIT.isGehoudenDoor) ?? '';
    const [eenheid = '', orgaan = '', periode = ''] = this.iris.orgaanParts(body);
    // Mandataris lists are sets (RDF keeps no order): always sorted, as zittingFromInput does.
    const ids = (subject: string, p: RDF.NamedNode) => ix.all(subject, p).map((o) => this.iris.idOf(o.value)).sort();
    const agendapunten = ix
      .all(s, BESLUIT.behandelt)
      .map((t) => t.value)
      .sort(byPosition(ix))
      .map((ap) => this.agendapunt(ix, ap, ids));
    return {
      id: this.iris.idOf(s),
      eenheid,
      orgaan,
      periode,
      slug: ix.one(s, DCT.identifier) ?? '',
      geplandeStart: ix.one(s, BESLUIT.geplandeStart) ?? '',
      ...opt('gestart', ix.one(s, PROV.startedAtTime)),
      ...opt('geeindigd', ix.one(s, PROV.endedAtTime)),
      ...opt('voorzitter', ix.all(s, BESLUIT.heeftVoorzitter).map((o) => this.iris.idOf(o.value))[0]),
      ...opt('secretaris', ix.all(s, BESLUIT.heeftSecretaris).map((o) => this.iris.idOf(o.value))[0]),
      aanwezigen: ids(s, BESLUIT.heeftAanwezigeBijStart),
      agendapunten,
    };
  }

  private agendapunt(ix: Index, ap: string, ids: (s: string, p: RDF.NamedNode) => string[]): Agendapunt {
    const type = this.lists.agendapuntTypes.ofIri(ix.one(ap, BESLUIT['Agendapunt.type']) ?? '')?.key ?? 'gepland';
    const bv = ix.subjectsOfType(BESLUIT.BehandelingVanAgendapunt).find((b) => ix.one(b, DCT.subject) === ap);
    let behandeling: Behandeling | undefined;
    if (bv) {
      const besluitIri = ix.one(bv, PROV.generated);
      behandeling = {
        id: this.iris.idOf(bv),
        openbaar: ix.one(bv, BESLUIT.openbaar) === 'true',
        aanwezigen: ids(bv, BESLUIT.heeftAanwezige),
        ...(besluitIri ? { besluit: this.besluit(ix, besluitIri) } : {}),
        stemmingen: ix
          .all(bv, BESLUIT.heeftStemming)
          .map((t) => t.value)
          .sort(byPosition(ix))
          .map((st) => this.stemming(ix, st, ids)),
      };
    }
    return {
      id: this.iris.idOf(ap),
      titel: ix.one(ap, DCT.title) ?? '',
      ...opt('beschrijving', ix.one(ap, DCT.description)),
      type: type as AgendapuntType,
      geplandOpenbaar: ix.one(ap, BESLUIT.geplandOpenbaar) === 'true',
      ...(behandeling ? { behandeling } : {}),
    };
  }

  private besluit(ix: Index, s: string): Besluit {
    const type = ix.all(s, RDF_.type).map((t) => this.lists.besluitTypes.ofIri(t.value)?.key).find((k) => k !== undefined);
    return {
      id: this.iris.idOf(s),
      titel: ix.one(s, ELI.title) ?? '',
      ...opt('beschrijving', ix.one(s, ELI.description)),
      ...opt('citeeropschrift', ix.one(s, ELI.title_short)),
      ...opt('vervangt', ix.one(s, ELI.consolidates)),
      motivering: ix.one(s, BESLUIT.motivering) ?? '',
      type: type ?? '',
      artikels: ix
        .all(s, ELI.has_part)
        .map((t) => t.value)
        .sort(byPosition(ix))
        .map((a) => ({ id: this.iris.idOf(a), nummer: ix.one(a, ELI.number) ?? '', inhoud: ix.one(a, PROV.value) ?? '' })),
    };
  }

  private stemming(ix: Index, s: string, ids: (s: string, p: RDF.NamedNode) => string[]): Stemming {
    const n = (p: RDF.NamedNode) => Number(ix.one(s, p) ?? 0);
    return {
      id: this.iris.idOf(s),
      onderwerp: ix.one(s, BESLUIT.onderwerp) ?? '',
      gevolg: ix.one(s, BESLUIT.gevolg) ?? '',
      geheim: ix.one(s, BESLUIT.geheim) === 'true',
      stemmers: ids(s, BESLUIT.heeftStemmer),
      voorstanders: ids(s, BESLUIT.heeftVoorstander),
      tegenstanders: ids(s, BESLUIT.heeftTegenstander),
      onthouders: ids(s, BESLUIT.heeftOnthouder),
      aantalVoorstanders: n(BESLUIT.aantalVoorstanders),
      aantalTegenstanders: n(BESLUIT.aantalTegenstanders),
      aantalOnthouders: n(BESLUIT.aantalOnthouders),
    };
  }
}
