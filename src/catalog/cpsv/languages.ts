/**
 * SC languages (xs:language, e.g. `nl`, `en-GB`) to the EU Publications Office language authority
 * table (http://publications.europa.eu/resource/authority/language/{code}), which CPSV-AP
 * recommends for dct:language. Only the languages a Dutch catalogue is likely to use; an SC
 * language not listed here is left out of the export rather than guessed.
 */
export interface EuLanguage {
  /** The authority table code (ISO 639-3 based, upper case). */
  readonly code: string;
  /** Dutch name, for skos:prefLabel@nl. */
  readonly label: string;
}

const LANGUAGES: Readonly<Record<string, EuLanguage>> = {
  nl: { code: 'NLD', label: 'Nederlands' },
  en: { code: 'ENG', label: 'Engels' },
  de: { code: 'DEU', label: 'Duits' },
  fr: { code: 'FRA', label: 'Frans' },
  fy: { code: 'FRY', label: 'Fries' },
  es: { code: 'SPA', label: 'Spaans' },
  it: { code: 'ITA', label: 'Italiaans' },
  pl: { code: 'POL', label: 'Pools' },
  pt: { code: 'POR', label: 'Portugees' },
  tr: { code: 'TUR', label: 'Turks' },
  ar: { code: 'ARA', label: 'Arabisch' },
  pap: { code: 'PAP', label: 'Papiaments' },
};

/** The primary subtag of a language tag, lower case (`en-GB` -> `en`). */
export function primaryLanguage(tag: string): string {
  return tag.trim().split('-')[0]?.toLowerCase() ?? '';
}

export function euLanguage(tag: string): EuLanguage | undefined {
  return LANGUAGES[primaryLanguage(tag)];
}
