/**
 * The decisions register's model (LBLOD, DOMAIN.md section 3): governing bodies with their
 * mandatarissen per bestuursperiode, and meetings (zittingen) with ordered agendapunten, their
 * treatments (behandelingen), decisions (besluiten with artikels) and votes (stemmingen).
 *
 * Identifiers are slugs or UUIDs; the URI policy turns them into IRIs (src/decisions/rdf.ts).
 * Code-list values are keys (skos:notation) of data/decisions/*.ttl.
 */
export const DOCUMENT_KINDS = ['agenda', 'aanvullende-agenda', 'spoedeisende-agenda', 'besluitenlijst', 'notulen', 'uittreksel'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** How pages and PDFs name each document kind. */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  agenda: 'Agenda',
  'aanvullende-agenda': 'Aanvullende agenda',
  'spoedeisende-agenda': 'Spoedeisende agenda',
  besluitenlijst: 'Besluitenlijst',
  notulen: 'Notulen',
  uittreksel: 'Uittreksel',
};
/**
 * The agendas of a meeting, each its own publication typed as an Agenda: the (planned) agenda with
 * every agendapunt, and the aanvullende and spoedeisende agenda with only the agendapunten of
 * that type. The value is the agenda type (a key of data/decisions/agendapunttypes.ttl).
 */
export const AGENDA_KINDS = { agenda: 'gepland', 'aanvullende-agenda': 'aanvullend', 'spoedeisende-agenda': 'spoedeisend' } as const;
export type AgendaKind = keyof typeof AGENDA_KINDS;
export const isAgendaKind = (kind: string): kind is AgendaKind => Object.hasOwn(AGENDA_KINDS, kind);
/** The kinds published as one document per meeting (each at /{datum}/{kind}); uittreksels are one per agendapunt. */
export const MEETING_DOCUMENT_KINDS = DOCUMENT_KINDS.filter((k): k is Exclude<DocumentKind, 'uittreksel'> => k !== 'uittreksel');

export const AGENDAPUNT_TYPES = ['gepland', 'aanvullend', 'spoedeisend'] as const;
export type AgendapuntType = (typeof AGENDAPUNT_TYPES)[number];

export interface Mandataris {
  id: string;
  naam: string;
}

/** A governing body in one bestuursperiode (mandaat:isTijdspecialisatieVan the untimed body). */
export interface Periode {
  /** Slug, e.g. "2025-2030". */
  id: string;
  /** xsd:date */
  start: string;
  einde?: string;
  mandatarissen: Mandataris[];
}

export interface Bestuursorgaan {
  /** Slug of the bestuurseenheid (the organisation). */
  eenheid: string;
  /** Slug of the body within the bestuurseenheid, e.g. "gemeenteraad". */
  id: string;
  naam: string;
  /** Key of data/decisions/bestuursorgaanclassificatie.ttl. */
  classificatie: string;
  perioden: Periode[];
}

export interface Artikel {
  id: string;
  nummer: string;
  inhoud: string;
}

export interface Besluit {
  id: string;
  titel: string;
  beschrijving?: string;
  citeeropschrift?: string;
  /** IRI of the regulation this decision replaces (eli:consolidates). */
  vervangt?: string;
  motivering: string;
  /** Key of data/decisions/besluittypes.ttl. */
  type: string;
  artikels: Artikel[];
  /** Ids of the meeting's attachments (PDF files) the decision refers to (eli:related_to); absent when none. */
  bijlagen?: string[];
}

export interface Stemming {
  id: string;
  onderwerp: string;
  gevolg: string;
  geheim: boolean;
  /** Mandataris ids. */
  stemmers: string[];
  voorstanders: string[];
  tegenstanders: string[];
  onthouders: string[];
  aantalVoorstanders: number;
  aantalTegenstanders: number;
  aantalOnthouders: number;
}

export interface Behandeling {
  id: string;
  openbaar: boolean;
  aanwezigen: string[];
  besluit?: Besluit;
  stemmingen: Stemming[];
}

export interface Agendapunt {
  id: string;
  titel: string;
  beschrijving?: string;
  type: AgendapuntType;
  geplandOpenbaar: boolean;
  behandeling?: Behandeling;
}

export interface Zitting {
  id: string;
  eenheid: string;
  orgaan: string;
  periode: string;
  /** The date segment of the meeting's URLs: YYYY-MM-DD, with "-2", "-3" for later meetings that day. Fixed once published. */
  slug: string;
  /** xsd:dateTime values with a time zone. */
  geplandeStart: string;
  gestart?: string;
  geeindigd?: string;
  voorzitter?: string;
  secretaris?: string;
  aanwezigen: string[];
  agendapunten: Agendapunt[];
}

/** A meeting as the editor sees it: the draft plus its audit version (ETag). */
export interface VersionedZitting {
  zitting: Zitting;
  version: number;
}

/** One published version of a document. */
export interface PublicationVersion {
  /** The version's IRI, which is also its page URL. */
  iri: string;
  /** The stable (latest) IRI/URL of the document. */
  document: string;
  kind: DocumentKind;
  /** 1, 2, ... */
  number: number;
  /** xsd:dateTime in UTC, whole seconds. */
  publishedAt: string;
  publisher: string;
  publisherName: string;
  note?: string;
}

/** An attachment (bijlage) of a meeting: a PDF file stored once per content (its SHA-256). */
export interface Bijlage {
  id: string;
  zitting: string;
  bestandsnaam: string;
  /** Bytes. */
  grootte: number;
  /** Hex SHA-256 of the file; also its name on disk and in its public URL. */
  sha256: string;
  mediaType: 'application/pdf';
  /** xsd:dateTime (UTC) of the upload. */
  opgeladen: string;
}

/**
 * A signature of one document of a draft meeting: SHA-256 over the document's content (as it
 * would be published), the signer and the time. It is valid while the content is unchanged.
 */
export interface Handtekening {
  id: string;
  zitting: string;
  /** The document's key (agenda, aanvullende-agenda, notulen, uittreksel-2, ...). */
  document: string;
  ondertekenaar: string;
  ondertekenaarNaam: string;
  /** xsd:dateTime in UTC, whole seconds. */
  tijdstip: string;
  /** Hex SHA-256 over content, signer and time. */
  hash: string;
}
