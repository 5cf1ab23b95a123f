/**
 * Paths of the register's public pages and API. Every public page lives under /besluiten, so the
 * bestuurseenheid segment can never take over another area's URL (/api, /doc, /catalogi...).
 *
 *   /besluiten                                            index of bestuurseenheden
 *   /besluiten/{eenheid}                                  publications of one bestuurseenheid
 *   /besluiten/{eenheid}/{orgaan}                         publications of one body
 *   /besluiten/{eenheid}/{orgaan}/{datum}                 one meeting (datum: YYYY-MM-DD[-n])
 *   /besluiten/{eenheid}/{orgaan}/{datum}/{soort}         latest version (agenda, besluitenlijst, notulen)
 *   /besluiten/{eenheid}/{orgaan}/{datum}/uittreksels/{n} latest version of the uittreksel of agendapunt n
 *   .../versies/{v}                                       version v of a document (immutable)
 *   {any document or version path}.pdf                    its PDF rendition
 */
import type { DocumentKind } from './model.js';

export const DECISIONS_PATH = '/besluiten';
export const DECISIONS_API_PATH = '/api/besluiten';

export const eenheidPath = (eenheid: string): string => `${DECISIONS_PATH}/${eenheid}`;
export const orgaanPath = (eenheid: string, orgaan: string): string => `${eenheidPath(eenheid)}/${orgaan}`;
export const zittingPath = (eenheid: string, orgaan: string, slug: string): string => `${orgaanPath(eenheid, orgaan)}/${slug}`;

/** Which document of a meeting: a kind, and for an uittreksel the agendapunt's number (1-based). */
export interface DocumentRef {
  kind: DocumentKind;
  n?: number;
}

export function documentPath(eenheid: string, orgaan: string, slug: string, ref: DocumentRef): string {
  const base = zittingPath(eenheid, orgaan, slug);
  return ref.kind === 'uittreksel' ? `${base}/uittreksels/${ref.n ?? 0}` : `${base}/${ref.kind}`;
}

export const versionPath = (documentPath: string, v: number): string => `${documentPath}/versies/${v}`;

/** The PDF rendition of a document page (stable or version): the page's path + ".pdf" (the harvester does not follow .pdf links). */
export const pdfPath = (pagePath: string): string => `${pagePath}.pdf`;

/** Key of a document within its meeting (graph names, audit detail): agenda, ..., uittreksel-3. */
export const documentKey = (ref: DocumentRef): string => (ref.kind === 'uittreksel' ? `uittreksel-${ref.n ?? 0}` : ref.kind);

export const zittingenApiPath = (eenheid: string): string => `${DECISIONS_API_PATH}/${eenheid}/zittingen`;
export const zittingApiPath = (eenheid: string, id: string): string => `${zittingenApiPath(eenheid)}/${id}`;
