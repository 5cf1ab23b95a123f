/**
 * The JSON shapes of the series API. Listings keep the field names of the public Serieregister API
 * (`{Content: [...], Page, Total}`, items with `Id`, `Content.Name`, `Status.Status`,
 * `ValidityPeriod.From/To`) and add our own; `q` accepts `+OrganisationId:<id>` (and `+Kind:`,
 * `+Destination:`) terms besides free text.
 */
import { AppError } from '../shared/errors.js';
import type { UriPolicy } from '../shared/uri.js';
import type { CodeLists } from './codelists.js';
import { API_STATUS, BESTEMMINGEN, CONTENT_FIELDS, STATUSES, type Bestemming, type Series, type SeriesContent, type SeriesVersion, type Soort, type Status } from './model.js';
import type { SeriesSummary } from './repository.js';
import { seriesIri, versionIri } from './rdf.js';

export interface ParsedQuery {
  text: string;
  organisationId?: string;
  soort?: Soort;
  bestemming?: Bestemming;
}

const TERM = /\+(OrganisationId|Kind|Destination):("[^"]*"|\S+)/g;

export function parseQ(q: string | undefined): ParsedQuery {
  const out: ParsedQuery = { text: '' };
  if (!q) return out;
  if (q.length > 500) throw new AppError('bad_request', 'q is longer than 500 characters');
  out.text = q
    .replace(TERM, (_m, field: string, raw: string) => {
      const value = raw.replace(/^"|"$/g, '');
      if (field === 'OrganisationId') out.organisationId = value;
      else if (field === 'Kind') {
        if (value !== 'gewoon' && value !== 'generiek') throw new AppError('bad_request', `+Kind: is gewoon or generiek, not ${value}`);
        out.soort = value;
      } else {
        if (!(BESTEMMINGEN as readonly string[]).includes(value)) throw new AppError('bad_request', `+Destination: is one of ${BESTEMMINGEN.join(', ')}, not ${value}`);
        out.bestemming = value as Bestemming;
      }
      return ' ';
    })
    .replace(/\s+/g, ' ')
    .trim();
  return out;
}

/** `status` of the public API (Published, Submitted) or our own status codes. */
export function parseStatus(s: string | undefined): Status {
  if (!s) return 'gepubliceerd';
  const hit = STATUSES.find((x) => API_STATUS[x].toLowerCase() === s.toLowerCase() || x === s);
  if (!hit) throw new AppError('bad_request', `status is one of ${STATUSES.map((x) => API_STATUS[x]).join(', ')}`);
  return hit;
}

export function parsePage(page: string | undefined, size: string | undefined): { page: number; size: number } {
  const p = page === undefined ? 0 : Number(page);
  const n = size === undefined ? 100 : Number(size);
  if (!Number.isInteger(p) || p < 0 || p > 1_000_000) throw new AppError('bad_request', 'page is an integer from 0');
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new AppError('bad_request', 'size is an integer from 1 to 1000');
  return { page: p, size: n };
}

const slugOf = (uris: UriPolicy, iri: string | undefined) => {
  const prefix = uris.url('/id/organisatie/');
  return iri?.startsWith(prefix) ? iri.slice(prefix.length) : iri;
};

export function summaryJson(uris: UriPolicy, s: SeriesSummary) {
  return {
    Id: s.id,
    Uri: seriesIri(uris, s.id).value,
    Version: s.versie,
    Content: { Name: s.naam, Description: s.omschrijving ?? null, Process: s.proces ?? null, Destination: s.bestemming ?? null },
    Status: { Status: API_STATUS[s.status] },
    ValidityPeriod: { From: s.geldigVan ?? null, To: s.geldigTot ?? null },
    OrganisationId: slugOf(uris, s.organisatie) ?? null,
    OrganisationType: s.organisatietype ?? null,
    Kind: s.soort,
  };
}

export function versionJson(uris: UriPolicy, lists: CodeLists, id: string, v: SeriesVersion) {
  return {
    Version: v.nummer,
    Uri: versionIri(uris, id, v.nummer).value,
    Reason: v.reden,
    Content: {
      Name: v.naam,
      Description: v.omschrijving ?? null,
      Process: v.proces ?? null,
      RetentionPeriod: {
        Administrative: v.administratieveBewaartermijn ?? null,
        Legal: v.wettelijkeBewaartermijn ?? null,
        StartEvent: v.termijnspecificatie ?? null,
        StartEventLabel: v.termijnspecificatie ? lists.label('termijnspecificatie', v.termijnspecificatie) : null,
        Clarification: v.verduidelijking ?? null,
        Motivation: v.motivering ?? null,
      },
      Destination: { Value: v.bestemming ?? null, Motivation: v.bestemmingMotivering ?? null },
      Openness: v.openbaarheid ?? null,
    },
    Status: { Status: API_STATUS[v.status], Code: v.status, CreatedAt: v.aangemaakt, ModifiedAt: v.gewijzigd, ApprovedAt: v.goedgekeurd ?? null, PublishedAt: v.gepubliceerd ?? null },
    ValidityPeriod: { From: v.geldigVan ?? null, To: v.geldigTot ?? null },
    Comments: v.opmerkingen.map((c) => ({ Action: c.actie, Text: c.tekst, Author: c.auteur ?? null, At: c.datum })),
    /** Our own field names as well (what PUT /api/series/{id} takes). */
    fields: Object.fromEntries(CONTENT_FIELDS.filter((f) => v[f] !== undefined).map((f) => [f, v[f]])) as Partial<SeriesContent>,
  };
}

export function seriesJson(uris: UriPolicy, lists: CodeLists, s: Series) {
  const shown = s.versies.find((v) => v.nummer === s.gepubliceerdeVersie) ?? s.versies.find((v) => v.nummer === s.werkversie);
  return {
    Id: s.id,
    Uri: seriesIri(uris, s.id).value,
    Kind: s.soort,
    OrganisationId: slugOf(uris, s.organisatie) ?? null,
    Organisation: s.organisatie ?? null,
    OrganisationType: s.organisatietype ?? null,
    TemplateId: s.sjabloon ?? null,
    PublishedVersion: s.gepubliceerdeVersie ?? null,
    WorkingVersion: s.werkversie ?? null,
    ETag: s.etag,
    ...(shown ? { Content: versionJson(uris, lists, s.id, shown).Content, Status: { Status: API_STATUS[shown.status] }, ValidityPeriod: { From: shown.geldigVan ?? null, To: shown.geldigTot ?? null } } : {}),
    Versions: s.versies.map((v) => versionJson(uris, lists, s.id, v)),
  };
}

/** The editable fields of a JSON body (our field names), strings only. */
export function contentBody(body: unknown): Partial<SeriesContent> {
  if (typeof body !== 'object' || body === null) throw new AppError('bad_request', 'Send a JSON object');
  const out: Record<string, string> = {};
  for (const f of CONTENT_FIELDS) {
    const v = (body as Record<string, unknown>)[f];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw new AppError('bad_request', `${f} must be a string`, { problems: [{ field: f, message: 'Moet tekst zijn' }] });
    out[f] = v;
  }
  return out as Partial<SeriesContent>;
}
