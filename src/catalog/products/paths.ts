/** Paths of the catalogue's pages (public and administration). */
export const CATALOGUES_PATH = '/catalogi';
export const cataloguePath = (slug: string): string => `${CATALOGUES_PATH}/${slug}`;
/** The organisation's SC catalogue (served by the SC publication routes). */
export const scXmlPath = (slug: string): string => `${CATALOGUES_PATH}/${slug}/sc.xml`;
export const adminListPath = (slug: string): string => `/beheer/catalogus/${slug}/producten`;
export const newPath = (slug: string): string => `${adminListPath(slug)}/nieuw`;
export const editPath = (slug: string, key: string): string => `${adminListPath(slug)}/${key}/bewerken`;
export const deletePath = (slug: string, key: string): string => `${adminListPath(slug)}/${key}/verwijderen`;
export const productDocPath = (slug: string, key: string): string => `/doc/product/${slug}/${key}`;
export const UPL_API_PATH = '/api/waardelijsten/upl';
export const productApiPath = (slug: string, key: string): string => `/api/catalogus/producten/${slug}/${key}`;
