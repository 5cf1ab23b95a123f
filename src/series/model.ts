/**
 * Series of the Flemish series register as values (no I/O). A series is versioned: every version
 * holds the whole description and selection rule (DOMAIN.md section 4); the series itself only
 * knows its kind, its owner and which version is being worked on and which is published.
 */
export const STATUSES = ['ontwerp', 'interne-goedkeuring', 'ingediend', 'gepubliceerd', 'vervangen'] as const;
export type Status = (typeof STATUSES)[number];

/** From weak to strong: a series derived from a template may only keep or raise the rank. */
export const BESTEMMINGEN = ['vernietigen', 'steekproef', 'bewaren'] as const;
export type Bestemming = (typeof BESTEMMINGEN)[number];

export const SOORTEN = ['gewoon', 'generiek'] as const;
export type Soort = (typeof SOORTEN)[number];

export const REDENEN = ['nieuw', 'kopie', 'sjabloon', 'herziening', 'opvolging', 'afsluiting'] as const;
export type Reden = (typeof REDENEN)[number];

/** Status names of the public Serieregister API. */
export const API_STATUS: Record<Status, string> = {
  ontwerp: 'Draft',
  'interne-goedkeuring': 'InternalReview',
  ingediend: 'Submitted',
  gepubliceerd: 'Published',
  vervangen: 'Superseded',
};

/** The editable content of a version (what forms, the API and the import sheet write). */
export interface SeriesContent {
  naam: string;
  omschrijving?: string;
  proces?: string;
  administratieveBewaartermijn?: string;
  wettelijkeBewaartermijn?: string;
  /** Code of the termijnspecificatie list (start event). */
  termijnspecificatie?: string;
  verduidelijking?: string;
  motivering?: string;
  bestemming?: Bestemming;
  bestemmingMotivering?: string;
  /** Code of the openbaarheid list. */
  openbaarheid?: string;
  /** xsd:date (YYYY-MM-DD). */
  geldigVan?: string;
  geldigTot?: string;
}

export const CONTENT_FIELDS = [
  'naam', 'omschrijving', 'proces', 'administratieveBewaartermijn', 'wettelijkeBewaartermijn', 'termijnspecificatie',
  'verduidelijking', 'motivering', 'bestemming', 'bestemmingMotivering', 'openbaarheid', 'geldigVan', 'geldigTot',
] as const satisfies readonly (keyof SeriesContent)[];
export type ContentField = (typeof CONTENT_FIELDS)[number];

export interface SeriesComment {
  actie: string;
  tekst: string;
  auteur?: string;
  datum: string;
}

export interface SeriesVersion extends SeriesContent {
  nummer: number;
  status: Status;
  reden: Reden;
  aangemaakt: string;
  gewijzigd: string;
  goedgekeurd?: string;
  gepubliceerd?: string;
  opmerkingen: SeriesComment[];
}

/** The series (the aggregate root) with all its versions. */
export interface Series {
  id: string;
  soort: Soort;
  /** IRI of the owning organisation (gewone serie). */
  organisatie?: string;
  /** Code of the organisation type (generieke serie). */
  organisatietype?: string;
  /** Id of the template series this one was derived from. */
  sjabloon?: string;
  werkversie?: number;
  gepubliceerdeVersie?: number;
  versies: SeriesVersion[];
  aangemaakt: string;
  /** The audit version of the series (its ETag). */
  etag: number;
}

export const versionOf = (s: Series, n: number | undefined): SeriesVersion | undefined => s.versies.find((v) => v.nummer === n);
export const workingVersion = (s: Series) => versionOf(s, s.werkversie);
export const publishedVersion = (s: Series) => versionOf(s, s.gepubliceerdeVersie);
/** What the public sees first: the published version, else the one being worked on. */
export const currentVersion = (s: Series) => publishedVersion(s) ?? workingVersion(s) ?? s.versies[s.versies.length - 1];

export function contentOf(v: SeriesContent): SeriesContent {
  const out: SeriesContent = { naam: v.naam };
  for (const f of CONTENT_FIELDS) {
    const x = v[f];
    if (x !== undefined && x !== '') (out as unknown as Record<string, string>)[f] = x;
  }
  return out;
}

/** A problem with one field (form field, API property, import-sheet column). */
export interface FieldProblem {
  field: ContentField | 'organisatie' | 'organisatietype' | 'soort' | 'sjabloon';
  message: string;
}
