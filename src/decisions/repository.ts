/**
 * Store access for the decisions register (no authorisation here). Aggregates and their graphs:
 *
 * - a governing body with its periods and mandatarissen: /graph/bestuursorgaan/{eenheid}/{orgaan} (public);
 * - a draft meeting: /graph/besluiten-ontwerp/{zitting} (a system graph: never public, read by lezers);
 * - a published document version: /graph/besluitpublicatie/{zitting}/{document}/{v} (public, written once);
 * - an attachment's metadata: /graph/besluiten-ontwerp/{zitting}/bijlagen/{id} (private; the file is on disk);
 * - a signature: /graph/besluiten-ontwerp/{zitting}/handtekeningen/{id} (private; copied into the version it signs).
 *
 * Each aggregate has an audit version (src/shared/audit): drafts and bodies use it as their ETag; a
 * document's audit version is its number of published versions, so two publishers cannot both
 * publish "version 3".
 */
import type * as RDF from '@rdfjs/types';
import type { AuditContext } from '../shared/audit/audit-log.js';
import type { CoreDeps } from '../shared/http/context.js';
import { sparql } from '../shared/rdf/encode.js';
import { literal, namedNode, quad } from '../shared/rdf/factory.js';
import { BESLUIT, DCT, ELI, FOAF, MANDAAT, NFO, ORG, PROV, RDF_, RDFS, SIGN, SKOS, STELSEL, XSD } from '../shared/rdf/vocab.js';
import { bijlageQuads, readBijlagen, withBijlagen, type BijlageInfo } from './attachment-rdf.js';
import type { DecisionCodeLists } from './codelists.js';
import { DOCUMENT_KINDS, type Bestuursorgaan, type Bijlage, type Handtekening, type PublicationVersion, type Zitting } from './model.js';
import { orgaanQuads, zittingQuads, type DecisionIris } from './rdf.js';
import { DecisionReader } from './read.js';

export interface Eenheid {
  slug: string;
  naam: string;
  classificatie?: string;
  bestuurseenheid: boolean;
}

/** The latest version of one published document, for overviews. */
export interface PublishedDocument extends PublicationVersion {
  zitting: string;
  orgaanNaam: string;
  geplandeStart: string;
  /** On a shown version (DecisionService.document): its attachments and signatures. */
  bijlagen?: BijlageInfo[];
  handtekeningen?: Handtekening[];
}

type Deps = Pick<CoreDeps, 'store' | 'uris' | 'audit'>;

export class DecisionRepository {
  readonly reader: DecisionReader;

  constructor(
    private readonly deps: Deps,
    readonly iris: DecisionIris,
    readonly lists: DecisionCodeLists,
  ) {
    this.reader = new DecisionReader(iris, lists);
  }

  private graphQuads(g: RDF.NamedNode): Promise<RDF.Quad[]> {
    return this.deps.store.construct(sparql`CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ${g} { ?s ?p ?o } }`);
  }

  /** The organisation as a bestuurseenheid (from its identity graph), or null when unknown. */
  async eenheid(slug: string): Promise<Eenheid | null> {
    const iri = this.iris.eenheid(slug);
    const rows = await this.deps.store.select(sparql`
      SELECT ?naam ?cls ?be WHERE {
        GRAPH ${this.deps.uris.graph('organisatie', slug)} {
          ${iri} a ${ORG.Organization} ; ${SKOS.prefLabel} ?naam .
          OPTIONAL { ${iri} ${ORG.classification} ?cls }
          OPTIONAL { ${iri} a ?be FILTER(?be = ${BESLUIT.Bestuurseenheid}) }
        }
      } LIMIT 1`);
    const r = rows[0];
    if (!r?.naam) return null;
    return { slug, naam: r.naam.value, ...(r.cls ? { classificatie: r.cls.value } : {}), bestuurseenheid: !!r.be };
  }

  async orgaan(eenheid: string, orgaan: string): Promise<{ orgaan: Bestuursorgaan; version: number } | null> {
    const quads = await this.graphQuads(this.iris.orgaanGraph(eenheid, orgaan));
    const o = this.reader.orgaan(quads, eenheid, orgaan);
    return o ? { orgaan: o, version: await this.deps.audit.version(this.iris.orgaan(eenheid, orgaan)) } : null;
  }

  async organen(eenheid: string): Promise<{ id: string; naam: string }[]> {
    const rows = await this.deps.store.select(sparql`
      SELECT ?o ?naam WHERE {
        GRAPH ?g { ?o a ${BESLUIT.Bestuursorgaan} ; ${BESLUIT.bestuurt} ${this.iris.eenheid(eenheid)} ; ${SKOS.prefLabel} ?naam
          FILTER NOT EXISTS { ?o ${MANDAAT.isTijdspecialisatieVan} ?x } }
        FILTER(STRSTARTS(STR(?g), ${literal(this.deps.uris.graph('bestuursorgaan', eenheid).value + '/')}))
      }`);
    return rows.flatMap((r) => (r.o && r.naam ? [{ id: this.iris.idOf(r.o.value), naam: r.naam.value }] : [])).sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  }

  async saveOrgaan(ctx: AuditContext, o: Bestuursorgaan, expectVersion: number, action: string): Promise<number> {
    const graph = this.iris.orgaanGraph(o.eenheid, o.id);
    const res = await this.deps.audit.write(
      ctx,
      { action, resource: this.iris.orgaan(o.eenheid, o.id), scope: this.iris.eenheid(o.eenheid), expectVersion, detail: o.naam },
      { replaceGraphs: [{ graph, quads: orgaanQuads(this.iris, this.lists, o, graph) }] },
    );
    return res.versionAfter ?? expectVersion + 1;
  }

  async draft(id: string): Promise<{ zitting: Zitting; version: number } | null> {
    const quads = await this.graphQuads(this.iris.draftGraph(id));
    const read = this.reader.zitting(quads);
    const z = read ? withBijlagen(this.iris, read, quads) : null;
    return z ? { zitting: z, version: await this.deps.audit.version(this.iris.zitting(id)) } : null;
  }

  /** Draft meetings of a bestuurseenheid: id, body, slug, planned start. */
  async drafts(eenheid: string): Promise<{ id: string; orgaan: string; slug: string; geplandeStart: string }[]> {
    const rows = await this.deps.store.select(sparql`
      SELECT ?z ?body ?slug ?start WHERE {
        GRAPH ?g { ?z a ${BESLUIT.Zitting} ; ${BESLUIT.isGehoudenDoor} ?body ; ${DCT.identifier} ?slug ; ${BESLUIT.geplandeStart} ?start }
        FILTER(STRSTARTS(STR(?g), ${literal(this.deps.uris.decisionDraftsGraph.value + '/')}))
        FILTER(STRSTARTS(STR(?body), ${literal(this.iris.uris.id('bestuursorgaan', eenheid).value + '/')}))
      }`);
    return rows
      .flatMap((r) => (r.z && r.body && r.slug && r.start ? [{ id: this.iris.idOf(r.z.value), orgaan: this.iris.orgaanParts(r.body.value)[1] ?? '', slug: r.slug.value, geplandeStart: r.start.value }] : []))
      .sort((a, b) => b.geplandeStart.localeCompare(a.geplandeStart));
  }

  /** Replaces the draft; `changes` (which fields changed) goes into the audit entry. */
  async saveDraft(ctx: AuditContext, z: Zitting, expectVersion: number, action: string, changes: string): Promise<number> {
    const graph = this.iris.draftGraph(z.id);
    const res = await this.deps.audit.write(
      ctx,
      { action, resource: this.iris.zitting(z.id), scope: this.iris.eenheid(z.eenheid), expectVersion, detail: `${z.orgaan} ${z.slug}: ${changes}` },
      { replaceGraphs: [{ graph, quads: zittingQuads(this.iris, this.lists, z, graph) }] },
    );
    return res.versionAfter ?? expectVersion + 1;
  }

  /** Whether any document of the meeting was published (its URLs are then fixed). */
  async isPublished(zittingId: string): Promise<boolean> {
    return this.deps.store.ask(sparql`ASK { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), ${literal(this.iris.publicationGraphs + zittingId + '/')})) }`);
  }

  // ------------------------------------------------------------------ publications

  private versionRows(filter: ReturnType<typeof sparql>) {
    return this.deps.store.select(sparql`
      SELECT ?g ?v ?doc ?type ?t ?agent ?name ?note ?z ?start ?orgaanNaam WHERE {
        GRAPH ?g {
          ?v ${DCT.isVersionOf} ?doc ; ${DCT.type} ?type ; ${PROV.generatedAtTime} ?t ; ${PROV.wasAttributedTo} ?agent .
          ?agent ${FOAF.name} ?name .
          OPTIONAL { ?v ${RDFS.comment} ?note }
          ?z a ${BESLUIT.Zitting} ; ${BESLUIT.geplandeStart} ?start ; ${BESLUIT.isGehoudenDoor} ?body .
          ?body ${SKOS.prefLabel} ?orgaanNaam .
        }
        FILTER(STRSTARTS(STR(?g), ${literal(this.iris.publicationGraphs)}))
        ${filter}
      }`);
  }

  private toVersions(rows: Awaited<ReturnType<DecisionRepository['versionRows']>>): PublishedDocument[] {
    return rows.flatMap((r) => {
      // The three agendas share the Agenda type: their URL's last segment tells them apart.
      const typed = this.lists.documentTypes.ofIri(r.type?.value ?? '')?.key;
      const segment = r.doc?.value.slice(r.doc.value.lastIndexOf('/') + 1) ?? '';
      const kind = typed === 'agenda' && (DOCUMENT_KINDS as readonly string[]).includes(segment) ? segment : typed;
      if (!r.g || !r.v || !r.doc || !kind || !r.t || !r.agent || !r.name || !r.z || !r.start || !r.orgaanNaam) return [];
      const doc: PublishedDocument = {
        iri: r.v.value,
        document: r.doc.value,
        kind: kind as PublishedDocument['kind'],
        number: Number(this.iris.idOf(r.g.value)),
        publishedAt: r.t.value,
        publisher: r.agent.value,
        publisherName: r.name.value,
        ...(r.note ? { note: r.note.value } : {}),
        zitting: this.iris.idOf(r.z.value),
        orgaanNaam: r.orgaanNaam.value,
        geplandeStart: r.start.value,
      };
      return [doc];
    });
  }

  /** Every version of one document, oldest first. */
  async versions(document: string): Promise<PublishedDocument[]> {
    const rows = await this.versionRows(sparql`FILTER(?doc = ${namedNode(document)})`);
    return this.toVersions(rows).sort((a, b) => a.number - b.number);
  }

  /** Every version of every document whose URL starts with `prefix`, oldest first per document. */
  async allUnder(prefix: string): Promise<PublishedDocument[]> {
    const rows = await this.versionRows(sparql`FILTER(STRSTARTS(STR(?doc), ${literal(prefix)}))`);
    return this.toVersions(rows).sort((a, b) => a.document.localeCompare(b.document, 'nl', { numeric: true }) || a.number - b.number);
  }

  /** The latest version of every document whose URL starts with `prefix` (a bestuurseenheid's or body's path). */
  async latestUnder(prefix: string): Promise<PublishedDocument[]> {
    const rows = await this.versionRows(sparql`FILTER(STRSTARTS(STR(?doc), ${literal(prefix)}))`);
    const latest = new Map<string, PublishedDocument>();
    for (const d of this.toVersions(rows)) {
      const seen = latest.get(d.document);
      if (!seen || seen.number < d.number) latest.set(d.document, d);
    }
    return [...latest.values()].sort((a, b) => b.geplandeStart.localeCompare(a.geplandeStart) || a.document.localeCompare(b.document, 'nl', { numeric: true }));
  }

  /** Slugs (bestuurseenheden) that have published something. */
  async publishingEenheden(): Promise<string[]> {
    const rows = await this.deps.store.select(sparql`
      SELECT DISTINCT ?e WHERE {
        GRAPH ?g { ?o ${BESLUIT.bestuurt} ?e ; ${RDF_.type} ${BESLUIT.Bestuursorgaan} }
        FILTER(STRSTARTS(STR(?g), ${literal(this.iris.publicationGraphs)}))
      }`);
    return rows.flatMap((r) => (r.e ? [this.iris.idOf(r.e.value)] : [])).sort();
  }

  async versionQuads(zittingId: string, docKey: string, v: number): Promise<RDF.Quad[]> {
    return this.graphQuads(this.iris.publicationGraph(zittingId, docKey, v));
  }

  /**
   * Writes one new version (immutable: the graph must not exist yet), audited with the document
   * as resource; `current` is the number of versions the publisher saw. The quads are already in
   * the version's graph (publicationGraph(zitting, docKey, current + 1)).
   */
  async publish(ctx: AuditContext, p: { document: RDF.NamedNode; eenheid: string; zittingId: string; docKey: string; current: number; quads: RDF.Quad[]; detail: string }): Promise<void> {
    const graph = this.iris.publicationGraph(p.zittingId, p.docKey, p.current + 1);
    await this.deps.audit.write(
      ctx,
      { action: 'decisions.publish', resource: p.document, scope: this.iris.eenheid(p.eenheid), expectVersion: p.current, detail: p.detail },
      {
        insert: p.quads,
        precondition: { ask: sparql`ASK { GRAPH ${graph} { ?s ?p ?o } }`, expect: false, message: 'This version was already published' },
      },
    );
  }
}

/** Attachments and signatures of draft meetings. */
export class DraftExtrasRepository {
  constructor(
    private readonly deps: Deps,
    readonly iris: DecisionIris,
  ) {}

  private under(prefix: string): Promise<RDF.Quad[]> {
    return this.deps.store.construct(sparql`CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), ${literal(prefix)})) }`);
  }

  /** The attachments uploaded for a meeting, oldest first. */
  async bijlagen(zitting: string): Promise<Bijlage[]> {
    return readBijlagen(this.iris, await this.under(`${this.iris.draftGraph(zitting).value}/bijlagen/`), zitting);
  }

  async saveBijlage(ctx: AuditContext, eenheid: string, b: Bijlage): Promise<void> {
    const graph = this.iris.bijlageGraph(b.zitting, b.id);
    await this.deps.audit.write(
      ctx,
      { action: 'decisions.bijlage.upload', resource: this.iris.bijlage(b.id), scope: this.iris.eenheid(eenheid), expectVersion: 0, detail: `zitting ${b.zitting}: ${b.bestandsnaam.slice(0, 200)} (${b.grootte} bytes, sha256 ${b.sha256})` },
      { replaceGraphs: [{ graph, quads: bijlageQuads(this.iris, b, graph) }] },
    );
  }

  /** The file name of a published attachment with this checksum, or null when no published version refers to one. */
  async publishedBijlage(sha256: string): Promise<{ bestandsnaam: string } | null> {
    const rows = await this.deps.store.select(sparql`
      SELECT ?naam WHERE {
        GRAPH ?g { ?b ${ELI.related_to} ?a . ?a ${STELSEL.sha256} ${literal(sha256)} ; ${STELSEL.downloadUrl} ?url ; ${NFO.fileName} ?naam }
        FILTER(STRSTARTS(STR(?g), ${literal(this.iris.publicationGraphs)}))
      } LIMIT 1`);
    const naam = rows[0]?.naam;
    return naam ? { bestandsnaam: naam.value } : null;
  }

  /** Every signature made on documents of a meeting, oldest first. */
  async handtekeningen(zitting: string): Promise<Handtekening[]> {
    return readHandtekeningen(this.iris, await this.under(`${this.iris.draftGraph(zitting).value}/handtekeningen/`), zitting);
  }

  async saveHandtekening(ctx: AuditContext, eenheid: string, h: Handtekening): Promise<void> {
    const graph = this.iris.handtekeningGraph(h.zitting, h.id);
    const s = this.iris.handtekening(h.id);
    const signer = namedNode(h.ondertekenaar);
    const quads = [
      quad(s, RDF_.type, SIGN.SignedResource, graph),
      quad(s, DCT.identifier, literal(h.document), graph),
      quad(s, SIGN.hashValue, literal(h.hash), graph),
      quad(s, SIGN.hashAlgorithm, literal('sha256'), graph),
      quad(s, SIGN.signatory, signer, graph),
      quad(s, DCT.created, literal(h.tijdstip, XSD.dateTime), graph),
      quad(signer, FOAF.name, literal(h.ondertekenaarNaam), graph),
    ];
    await this.deps.audit.write(
      ctx,
      { action: 'decisions.sign', resource: s, scope: this.iris.eenheid(eenheid), expectVersion: 0, detail: `zitting ${h.zitting}: ${h.document} (sha256 ${h.hash})` },
      { replaceGraphs: [{ graph, quads }] },
    );
  }
}

/** Signatures described in the quads (a draft's signature graphs or a published version). */
export function readHandtekeningen(iris: DecisionIris, quads: readonly RDF.Quad[], zitting: string): Handtekening[] {
  const one = (s: string, p: RDF.NamedNode) => quads.find((q) => q.subject.value === s && q.predicate.equals(p))?.object.value;
  return quads
    .filter((q) => q.predicate.equals(RDF_.type) && q.object.equals(SIGN.SignedResource))
    .flatMap((q) => {
      const s = q.subject.value;
      const signer = one(s, SIGN.signatory);
      const hash = one(s, SIGN.hashValue);
      const tijdstip = one(s, DCT.created);
      if (!signer || !hash || !tijdstip) return [];
      const h: Handtekening = { id: iris.idOf(s), zitting, document: one(s, DCT.identifier) ?? '', ondertekenaar: signer, ondertekenaarNaam: one(signer, FOAF.name) ?? signer, tijdstip, hash };
      return [h];
    })
    .sort((a, b) => a.tijdstip.localeCompare(b.tijdstip) || a.id.localeCompare(b.id));
}
