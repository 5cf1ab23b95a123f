/**
 * Lexical checks for the XML Schema simple types the SC 4.0 XSD uses (xs:string facets,
 * xs:anyURI, xs:language, xs:date / xs:dateTime, xs:QName). They mirror what libxml2 accepts
 * for these types; the parity test in test/catalog/sc-xml proves it on every fixture.
 */

/** XML Schema whiteSpace="collapse". */
export function collapse(value: string): string {
  return value.replace(/[\t\n\r ]+/g, ' ').trim();
}

const LANGUAGE = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;

export function isLanguage(collapsed: string): boolean {
  return LANGUAGE.test(collapsed);
}

/**
 * xs:anyURI as libxml2 checks it: characters RFC 3986 never allows (controls, space, non-ASCII,
 * `<>"{}|\\^`'` and the backquote) are first replaced by a harmless character, then the
 * result must parse as an RFC 3986 URI reference (percent escapes, the authority's host and
 * port, no ':' in the first segment of a relative reference, no '#' in the fragment). An empty
 * value is a valid anyURI.
 */
export function isAnyUri(collapsed: string): boolean {
  let s = '';
  for (const ch of collapsed) {
    const c = ch.codePointAt(0) ?? 0;
    s += c <= 0x20 || c >= 0x7f || '<>"{}|\\^`\''.includes(ch) ? '_' : ch;
  }
  const hash = s.indexOf('#');
  const beforeFragment = hash >= 0 ? s.slice(0, hash) : s;
  if (hash >= 0 && !/^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?[\]]|%[0-9A-Fa-f]{2})*$/.test(s.slice(hash + 1))) return false;
  const q = beforeFragment.indexOf('?');
  const hier = q >= 0 ? beforeFragment.slice(0, q) : beforeFragment;
  if (q >= 0 && !QUERY.test(beforeFragment.slice(q + 1))) return false;
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(hier);
  if (scheme && validHierPart(hier.slice(scheme[0].length))) return true;
  // relative reference: the first path segment may not contain ':'
  if (!hier.startsWith('//') && /^[^/]*:/.test(hier)) return false;
  return validHierPart(hier);
}

const PCHARS = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})";
const QUERY = new RegExp(`^(?:${PCHARS}|[/?])*$`);
const PATH = new RegExp(`^(?:${PCHARS}|/)*$`);
const USERINFO = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:]|%[0-9A-Fa-f]{2})*$/;
const REG_NAME = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;

function validHierPart(hier: string): boolean {
  if (!hier.startsWith('//')) return PATH.test(hier);
  const rest = hier.slice(2);
  const slash = rest.indexOf('/');
  const authority = slash >= 0 ? rest.slice(0, slash) : rest;
  const path = slash >= 0 ? rest.slice(slash) : '';
  const at = authority.lastIndexOf('@');
  if (at >= 0 && !USERINFO.test(authority.slice(0, at))) return false;
  let hostPort = at >= 0 ? authority.slice(at + 1) : authority;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close < 0) return false;
    hostPort = hostPort.slice(close + 1);
    if (hostPort !== '' && !/^:\d+$/.test(hostPort)) return false;
  } else {
    const colon = hostPort.indexOf(':');
    const host = colon >= 0 ? hostPort.slice(0, colon) : hostPort;
    if (!REG_NAME.test(host)) return false;
    if (colon >= 0 && !/^\d+$/.test(hostPort.slice(colon + 1))) return false;
  }
  return PATH.test(path);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const DATE_PART = '(-?)(\\d{4,})-(\\d{2})-(\\d{2})';
const TZ_PART = '(Z|[+-]\\d{2}:\\d{2})?';
const DATE = new RegExp(`^${DATE_PART}${TZ_PART}$`);
const DATE_TIME = new RegExp(`^${DATE_PART}T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?${TZ_PART}$`);

function validDatePart(yearText: string, monthText: string, dayText: string): boolean {
  if (yearText.length > 4 && yearText.startsWith('0')) return false;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (year === 0) return false;
  if (month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

function validTimezone(tz: string | undefined): boolean {
  if (tz === undefined || tz === 'Z') return true;
  const hh = Number(tz.slice(1, 3));
  const mm = Number(tz.slice(4, 6));
  return mm <= 59 && (hh < 14 || (hh === 14 && mm === 0));
}

export function isXsdDate(collapsed: string): boolean {
  const m = DATE.exec(collapsed);
  if (!m) return false;
  return validDatePart(m[2] ?? '', m[3] ?? '', m[4] ?? '') && validTimezone(m[5]);
}

export function isXsdDateTime(collapsed: string): boolean {
  const m = DATE_TIME.exec(collapsed);
  if (!m) return false;
  if (!validDatePart(m[2] ?? '', m[3] ?? '', m[4] ?? '')) return false;
  const hour = Number(m[5]);
  const minute = Number(m[6]);
  const second = Number(m[7]);
  if (minute > 59 || second > 59) return false;
  if (hour > 24 || (hour === 24 && (minute !== 0 || second !== 0 || /[1-9]/.test(m[8] ?? '')))) return false;
  return validTimezone(m[9]);
}

/** OWMS DateTimeFormat = union of xs:date and xs:dateTime. */
export function isDateTimeFormat(collapsed: string): boolean {
  return isXsdDate(collapsed) || isXsdDateTime(collapsed);
}

const NCNAME_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NCNAME_CHAR = `${NCNAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
// eslint-disable-next-line no-misleading-character-class -- the XML NameChar ranges include combining marks on purpose
const QNAME = new RegExp(`^(?:([${NCNAME_START}][${NCNAME_CHAR}]*):)?([${NCNAME_START}][${NCNAME_CHAR}]*)$`, 'u');

export interface QNameValue {
  readonly prefix: string;
  readonly local: string;
}

/** Splits a collapsed xs:QName; undefined when it is not lexically a QName. */
export function parseQName(collapsed: string): QNameValue | undefined {
  const m = QNAME.exec(collapsed);
  if (!m) return undefined;
  return { prefix: m[1] ?? '', local: m[2] ?? '' };
}

/** The OWMS `SchemeName` pattern `(overheid|\p{Ll}+):\p{Lu}\c+` (XSD regexes are anchored). */
// eslint-disable-next-line no-misleading-character-class -- the XML NameChar ranges include combining marks on purpose
const SCHEME_NAME = new RegExp(`^(?:overheid|\\p{Ll}+):\\p{Lu}[${NCNAME_CHAR}:]+$`, 'u');

export function matchesSchemeName(collapsed: string): boolean {
  return SCHEME_NAME.test(collapsed);
}
