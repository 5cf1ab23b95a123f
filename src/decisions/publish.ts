/**
 * What a publication contains. Each document version is one immutable graph holding the version's
 * own description (foaf:Document + document type, dct:isVersionOf the stable document, publication
 * time, publisher) and a snapshot of the meeting as that document shows it:
 *
 * - agenda: the meeting and its agendapunten, no treatments; the aanvullende and spoedeisende agenda
 *   the same with only the agendapunten of their type (each typed with stelsel:agendaType);
 * - besluitenlijst: every treatment with its decision (without artikels) and votes;
 * - notulen: everything, with non-public treatments reduced to the agendapunt's title and description;
 * - uittreksel n: the meeting and agendapunt n with its treatment (reduced when not public).
 *
 * Every decision shown brings the description of its attachments (with their public download
 * URL); a version also holds the signatures made over its content before publication.
 */
import type * as RDF from '@rdfjs/types';
import { literal, namedNode, quad } from '../shared/rdf/factory.js';
import { encodeQuad } from '../shared/rdf/encode.js';
import { BESLUIT, DCT, ELI, FOAF, PROV, RDF_, RDFS, SIGN, STELSEL, XSD } from '../shared/rdf/vocab.js';
import { attachmentPublicPath } from './attachment-paths.js';
import { bijlageQuads } from './attachment-rdf.js';
import type { DecisionCodeLists } from './codelists.js';
import type { Problem } from './input.js';
import { AGENDA_KINDS, isAgendaKind, type Bestuursorgaan, type Bijlage, type DocumentKind, type Handtekening, type Zitting } from './model.js';
import type { DocumentRef } from './paths.js';
import { orgaanQuads, zittingQuads, type DecisionIris } from './rdf.js';

export const PUBLISH_KINDS = ['agenda', 'aanvullende-agenda', 'spoedeisende-agenda', 'besluitenlijst', 'notulen', 'uittreksels'] as const;
export type PublishKind = (typeof PUBLISH_KINDS)[number];

/** The zitting -> document predicate of each document kind. */
export const DOCUMENT_LINK: Record<DocumentKind, RDF.NamedNode> = {
  agenda: BESLUIT.heeftAgenda,
  'aanvullende-agenda': BESLUIT.heeftAgenda,
  'spoedeisende-agenda': BESLUIT.heeftAgenda,
  besluitenlijst: BESLUIT.heeftBesluitenlijst,
  notulen: BESLUIT.heeftNotulen,
  uittreksel: BESLUIT.heeftUittreksel,
};

/** The documents one publish action produces: one, or one uittreksel per treated agendapunt. */
export function documentsOf(kind: PublishKind, z: Zitting): DocumentRef[] {
  if (kind !== 'uittreksels') return [{ kind }];
  return z.agendapunten.flatMap((a, i) => (a.behandeling ? [{ kind: 'uittreksel' as const, n: i + 1 }] : []));
}

/** What is missing before a document can be published (each problem names its field). */
export function publicationProblems(z: Zitting, ref: DocumentRef): Problem[] {
  const p: Problem[] = [];
  if (!z.agendapunten.length) p.push({ field: 'agendapunten', message: 'de agenda heeft geen agendapunten' });
  if (isAgendaKind(ref.kind)) {
    const type = AGENDA_KINDS[ref.kind];
    if (type !== 'gepland' && z.agendapunten.length && !z.agendapunten.some((a) => a.type === type)) {
      p.push({ field: 'agendapunten', message: `de zitting heeft geen ${type}e agendapunten: er is geen ${ref.kind} te publiceren` });
    }
    return p;
  }
  if (!z.gestart) p.push({ field: 'gestart', message: 'het begin van de zitting ontbreekt' });
  if (!z.geeindigd) p.push({ field: 'geeindigd', message: 'het einde van de zitting ontbreekt' });
  if (!z.voorzitter) p.push({ field: 'voorzitter', message: 'de voorzitter ontbreekt' });
  if (!z.secretaris) p.push({ field: 'secretaris', message: 'de secretaris ontbreekt' });
  if (!z.aanwezigen.length) p.push({ field: 'aanwezigen', message: 'niemand was aanwezig bij de start' });
  z.agendapunten.forEach((a, i) => {
    if (ref.kind === 'uittreksel' && ref.n !== i + 1) return;
    const f = `agendapunten.${i}.behandeling`;
    if (!a.behandeling) {
      if (ref.kind !== 'uittreksel') p.push({ field: f, message: 'het agendapunt werd niet behandeld' });
      return;
    }
    if (!a.behandeling.aanwezigen.length) p.push({ field: `${f}.aanwezigen`, message: 'niemand was aanwezig bij de behandeling' });
    a.behandeling.stemmingen.forEach((s, j) => {
      if (!s.stemmers.length) p.push({ field: `${f}.stemmingen.${j}.stemmers`, message: 'de stemming heeft geen stemmers' });
    });
  });
  return p;
}

/** Date (YYYY-MM-DD) and time in Europe/Brussels of an instant. */
export function brussels(iso: string): { date: string; display: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === t)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, display: `${get('day')}-${get('month')}-${get('year')} ${get('hour')}:${get('minute')}:${get('second')}` };
}

/** The publication time: now, in UTC, to the second (the harvester reads dateTimes with seconds). */
export const publicationTime = (now: Date): string => new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export interface VersionInput {
  zitting: Zitting;
  orgaan: Bestuursorgaan;
  eenheid: { naam: string; classificatie?: string };
  ref: DocumentRef;
  graph: RDF.NamedNode;
  version: RDF.NamedNode;
  document: RDF.NamedNode;
  previous?: RDF.NamedNode;
  publishedAt: string;
  agent: { iri: RDF.NamedNode; name: string };
  note?: string;
  /** The meeting's attachments; those of the decisions shown are described in the version. */
  bijlagen?: readonly Bijlage[];
  /** Valid signatures over the version's content. */
  handtekeningen?: readonly Handtekening[];
}

/** The meeting's content as the document shows it (no version metadata). */
export function contentQuads(iris: DecisionIris, lists: DecisionCodeLists, v: Omit<VersionInput, 'version' | 'document' | 'previous' | 'publishedAt' | 'agent' | 'note' | 'handtekeningen'>, datePublication?: string): RDF.Quad[] {
  const { zitting: z, ref } = v;
  const agendaType = isAgendaKind(ref.kind) ? AGENDA_KINDS[ref.kind] : undefined;
  const only =
    ref.kind === 'uittreksel'
      ? new Set(z.agendapunten.filter((_a, i) => i + 1 === ref.n).map((a) => a.id))
      : agendaType && agendaType !== 'gepland'
        ? new Set(z.agendapunten.filter((a) => a.type === agendaType).map((a) => a.id))
        : undefined;
  const zitting: Zitting = ref.kind === 'besluitenlijst'
    ? { ...z, agendapunten: z.agendapunten.map((a) => (a.behandeling?.besluit ? { ...a, behandeling: { ...a.behandeling, besluit: { ...a.behandeling.besluit, artikels: [] } } } : a)) }
    : z;
  const used = referencedMandatarissen(zitting);
  const periode = v.orgaan.perioden.find((p) => p.id === z.periode);
  const perioden = periode ? [{ ...periode, mandatarissen: periode.mandatarissen.filter((m) => used.has(m.id)) }] : [];
  const meeting = zittingQuads(iris, lists, zitting, v.graph, {
    ...(only ? { only } : {}),
    agendaOnly: agendaType !== undefined,
    reduceNonPublic: agendaType === undefined,
    ...(datePublication ? { datePublication } : {}),
  });
  const shown = new Set(meeting.filter((q) => q.predicate.equals(ELI.related_to)).map((q) => q.object.value));
  const files = (v.bijlagen ?? []).filter((b) => shown.has(iris.bijlage(b.id).value));
  return [
    ...meeting,
    ...files.flatMap((b) => bijlageQuads(iris, b, v.graph, iris.uris.url(attachmentPublicPath(b.sha256)))),
    ...orgaanQuads(iris, lists, v.orgaan, v.graph, { perioden, eenheid: v.eenheid }),
  ];
}

/** A signature's quads in a version: what was signed (the version), the hash, the signer and the time. */
export function signatureQuads(iris: DecisionIris, h: Handtekening, version: RDF.NamedNode, graph: RDF.NamedNode): RDF.Quad[] {
  const s = iris.handtekening(h.id);
  const signer = namedNode(h.ondertekenaar);
  return [
    quad(s, RDF_.type, SIGN.SignedResource, graph),
    quad(s, DCT.subject, version, graph),
    quad(s, SIGN.hashValue, literal(h.hash), graph),
    quad(s, SIGN.hashAlgorithm, literal('sha256'), graph),
    quad(s, SIGN.signatory, signer, graph),
    quad(s, DCT.created, literal(h.tijdstip, XSD.dateTime), graph),
    quad(signer, FOAF.name, literal(h.ondertekenaarNaam), graph),
  ];
}

function referencedMandatarissen(z: Zitting): Set<string> {
  const ids = new Set<string>([...z.aanwezigen, ...(z.voorzitter ? [z.voorzitter] : []), ...(z.secretaris ? [z.secretaris] : [])]);
  for (const a of z.agendapunten) {
    for (const x of a.behandeling?.aanwezigen ?? []) ids.add(x);
    for (const s of a.behandeling?.stemmingen ?? []) for (const x of [...s.stemmers, ...s.voorstanders, ...s.tegenstanders, ...s.onthouders]) ids.add(x);
  }
  return ids;
}

/** Every quad of a new version: its description and the content snapshot, in the version's graph. */
export function versionQuads(iris: DecisionIris, lists: DecisionCodeLists, v: VersionInput): RDF.Quad[] {
  const g = v.graph;
  const type = lists.documentTypes.get(v.ref.kind).iri;
  const day = brussels(v.publishedAt).date;
  const s = v.version;
  return [
    quad(s, RDF_.type, FOAF.Document, g),
    quad(s, RDF_.type, type, g),
    quad(s, DCT.type, type, g),
    quad(s, DCT.isVersionOf, v.document, g),
    quad(s, ELI.date_publication, literal(day, XSD.date), g),
    quad(s, PROV.generatedAtTime, literal(v.publishedAt, XSD.dateTime), g),
    quad(s, ELI.passed_by, iris.periode(v.zitting.eenheid, v.zitting.orgaan, v.zitting.periode), g),
    quad(s, PROV.wasAttributedTo, v.agent.iri, g),
    quad(v.agent.iri, FOAF.name, literal(v.agent.name), g),
    ...(v.note ? [quad(s, RDFS.comment, literal(v.note), g)] : []),
    ...(v.previous ? [quad(s, DCT.replaces, v.previous, g)] : []),
    ...(isAgendaKind(v.ref.kind) ? [quad(s, STELSEL.agendaType, lists.agendapuntTypes.get(AGENDA_KINDS[v.ref.kind]).iri, g)] : []),
    quad(iris.zitting(v.zitting.id), DOCUMENT_LINK[v.ref.kind], s, g),
    ...contentQuads(iris, lists, v, day),
    ...(v.handtekeningen ?? []).flatMap((h) => signatureQuads(iris, h, s, g)),
  ];
}

/** A comparison key of a version's content: its snapshot without the version description and publication dates. */
export function contentKey(quads: readonly RDF.Quad[], version?: { iri: string; publisher: string }): string {
  const links = new Set(Object.values(DOCUMENT_LINK).map((p) => p.value));
  // Signatures are about the content, not part of it.
  const signatures = new Set(quads.filter((q) => q.predicate.equals(RDF_.type) && q.object.equals(SIGN.SignedResource)).map((q) => q.subject.value));
  const signers = new Set(quads.filter((q) => signatures.has(q.subject.value) && q.predicate.equals(SIGN.signatory)).map((q) => q.object.value));
  return quads
    .filter((q) => !signatures.has(q.subject.value) && !signers.has(q.subject.value))
    .filter((q) => q.subject.value !== version?.iri && q.subject.value !== version?.publisher && !links.has(q.predicate.value) && !q.predicate.equals(ELI.date_publication))
    .map((q) => encodeQuad(quad(q.subject, q.predicate, q.object)))
    .sort()
    .join('');
}
