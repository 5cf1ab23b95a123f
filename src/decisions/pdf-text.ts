/**
 * Text for the PDF renditions. They use the PDF standard fonts (no font files to ship), which
 * cover the WinAnsi character set only: every other character becomes "?", deterministically, so
 * that the same version always gives the same bytes.
 */

/** The characters outside Latin-1 that WinAnsiEncoding has (PDF 32000-1, annex D). */
const WIN_ANSI_EXTRA = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c,
  0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

export const UNSUPPORTED = '?';

/** Whether the standard fonts can show the code point. */
export function inWinAnsi(cp: number): boolean {
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff && cp !== 0xad) || WIN_ANSI_EXTRA.has(cp);
}

/**
 * The text as the PDF shows it: NFC, line breaks kept (CRLF and CR become LF), tabs as spaces,
 * soft hyphens dropped, and one "?" per code point the standard fonts cannot show.
 */
export function pdfText(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC').replace(/\r\n?/g, '\n')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\n') out += ch;
    else if (ch === '\t') out += ' ';
    else if (cp === 0xad) continue;
    else out += inWinAnsi(cp) ? ch : UNSUPPORTED;
  }
  return out;
}

/** A file name safe in a Content-Disposition header: lower-case letters, digits and single hyphens. */
export function safeFileName(parts: readonly (string | number)[], ext: string): string {
  const base = parts
    .map((p) => String(p).toLowerCase().replace(/[^a-z0-9]+/g, '-'))
    .join('-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);
  return `${base || 'document'}.${ext}`;
}
