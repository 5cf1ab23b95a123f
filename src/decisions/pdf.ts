/**
 * The PDF rendition of a published document version, from the same stored version graph as its
 * HTML page and with the same content: the version (number, IRI, publication time in Brussels
 * time, publisher, note), the meeting and its body, and the agendapunten with their treatments,
 * decisions (with artikels where the document has them), attachments and votes, and the
 * signatures published with the version. Non-public
 * treatments are stored reduced, and shown reduced exactly as on the page.
 *
 * It never lists the other versions, so a version's PDF is immutable.
 */
import type * as RDF from '@rdfjs/types';
import { formatDate, formatDateTime } from '../shared/render/rdfa.js';
import { DCT, ELI, FOAF, NFO, RDFS } from '../shared/rdf/vocab.js';
import { isAgendaKind, type Agendapunt, type Behandeling, type Besluit, type PublicationVersion, type Stemming } from './model.js';
import { PdfWriter } from './pdf-writer.js';
import { brussels } from './publish.js';
import { Index } from './read.js';
import { documentTitle, type DocumentPageProps } from './views/document-page.js';

/** What the page shows (its props), and the version graph. */
export interface PdfDocumentInput extends Pick<DocumentPageProps, 'iris' | 'lists' | 'ref' | 'z' | 'body' | 'names'> {
  current: PublicationVersion;
  /** The version graph (for what the model does not carry, such as attachments). */
  quads: readonly RDF.Quad[];
  /** Signatures published with the version. */
  signatures?: readonly { ondertekenaarNaam: string; tijdstip: string; hash: string }[];
}

const yesNo = (b: boolean) => (b ? 'ja' : 'nee');
const when = (iso: string) => formatDateTime(iso) ?? iso;

export async function renderDocumentPdf(p: PdfDocumentInput): Promise<Uint8Array> {
  const { ref, z, body, current, lists } = p;
  const title = documentTitle(ref, body.orgaanNaam, z.geplandeStart);
  const type = lists.documentTypes.get(ref.kind);
  const published = brussels(current.publishedAt).display;
  const w = new PdfWriter({
    title,
    author: body.eenheidNaam,
    subject: `${type.label}, versie ${current.number}, gepubliceerd op ${published}`,
    date: new Date(current.publishedAt),
    footer: `${type.label} ${z.slug} · versie ${current.number}`,
  });
  const name = (id: string) => p.names.get(id) ?? id;
  const people = (ids: string[]) => (ids.length ? ids.map(name).join(', ') : 'niemand');
  const held = !isAgendaKind(ref.kind);

  w.title(title);
  w.para(`${type.label} · versie ${current.number} · gepubliceerd op ${published} door ${current.publisherName}`);
  if (current.note) w.field('Toelichting', current.note);
  w.field('Deze versie', current.iri);
  w.field('Vaste link naar de laatste versie', current.document);
  if (current.number > 1) w.para(`Vervangt versie ${current.number - 1}.`);

  w.heading(`Zitting van ${brussels(z.geplandeStart).display.slice(0, 10)}`);
  w.para(`${body.orgaanNaam} (bestuursperiode ${body.periode}${body.classificatie ? `, ${body.classificatie.label}` : ''}) van ${body.eenheidNaam}`);
  w.field('Gepland', when(z.geplandeStart));
  if (held && z.gestart) w.field('Begonnen', when(z.gestart));
  if (held && z.geeindigd) w.field('Geëindigd', when(z.geeindigd));
  if (z.voorzitter) w.field('Voorzitter', name(z.voorzitter));
  if (z.secretaris) w.field('Secretaris', name(z.secretaris));
  if (held) w.field('Aanwezig bij de start', people(z.aanwezigen));

  w.heading(held ? 'Behandelde agendapunten' : 'Agendapunten');
  const ix = new Index(p.quads);
  const datePublication = held ? brussels(current.publishedAt).date : undefined;
  z.agendapunten.forEach((a, i) => {
    agendapunt(w, p, a, i + 1);
    if (held && a.behandeling) behandeling(w, p, ix, a.behandeling, people, datePublication);
  });
  if (p.signatures?.length) {
    w.heading('Handtekeningen');
    for (const h of p.signatures) w.para(`Ondertekend door ${h.ondertekenaarNaam} op ${brussels(h.tijdstip).display} · sha256: ${h.hash}`);
  }
  return w.finish();
}

function agendapunt(w: PdfWriter, p: PdfDocumentInput, a: Agendapunt, n: number): void {
  w.subheading(`${n}. ${a.titel}`);
  if (a.beschrijving) w.para(a.beschrijving);
  w.para(`${p.lists.agendapuntTypes.get(a.type).label} agendapunt, gepland openbaar: ${yesNo(a.geplandOpenbaar)}`);
}

function behandeling(w: PdfWriter, p: PdfDocumentInput, ix: Index, b: Behandeling, people: (ids: string[]) => string, datePublication?: string): void {
  w.para(`Openbaar behandeld: ${yesNo(b.openbaar)}. Aanwezig: ${people(b.aanwezigen)}`);
  if (!b.openbaar && !b.besluit && !b.stemmingen.length) w.para('Dit agendapunt werd niet openbaar behandeld.');
  if (b.besluit) besluit(w, p, ix, b.besluit, datePublication);
  for (const s of b.stemmingen) stemming(w, s, people);
}

function besluit(w: PdfWriter, p: PdfDocumentInput, ix: Index, d: Besluit, datePublication?: string): void {
  w.minorHeading(d.titel);
  const meta = [`Type: ${p.lists.besluitTypes.get(d.type).label}`];
  if (d.citeeropschrift) meta.push(`Citeeropschrift: ${d.citeeropschrift}`);
  if (d.vervangt) meta.push(`Vervangt: ${d.vervangt}`);
  if (datePublication) meta.push(`Publicatiedatum: ${formatDate(datePublication) ?? datePublication}`);
  w.para(meta.join(' · '));
  if (d.beschrijving) w.para(d.beschrijving);
  w.minorHeading('Motivering');
  w.para(d.motivering);
  if (d.artikels.length) {
    w.minorHeading('Beschikkend gedeelte');
    for (const x of d.artikels) w.field(`Artikel ${x.nummer}`, x.inhoud);
  }
  const bijlagen = attachmentNames(ix, p.iris.besluit(d.id).value);
  if (bijlagen.length) {
    w.minorHeading('Bijlagen');
    for (const b of bijlagen) w.para(`- ${b}`);
  }
}

function stemming(w: PdfWriter, s: Stemming, people: (ids: string[]) => string): void {
  w.minorHeading(`Stemming: ${s.onderwerp}`);
  w.para(`${s.aantalVoorstanders} voor, ${s.aantalTegenstanders} tegen, ${s.aantalOnthouders} onthoudingen. Geheim: ${yesNo(s.geheim)}. Gevolg: ${s.gevolg}`);
  w.field('Stemmers', people(s.stemmers));
  if (!s.geheim) {
    w.field('Voor', people(s.voorstanders));
    w.field('Tegen', people(s.tegenstanders));
    w.field('Onthouding', people(s.onthouders));
  }
}

/** Names of the decision's attachments (eli:related_to) described in the version graph, sorted. */
export function attachmentNames(ix: Index, besluitIri: string): string[] {
  return ix
    .all(besluitIri, ELI.related_to)
    .map((t) => ix.one(t.value, NFO.fileName) ?? ix.one(t.value, DCT.title) ?? ix.one(t.value, FOAF.name) ?? ix.one(t.value, RDFS.label) ?? t.value)
    .sort((a, b) => a.localeCompare(b, 'nl'));
}
