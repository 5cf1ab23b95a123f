/**
 * Times on the audit pages: shown in Belgian time (Europe/Brussels) as DD-MM-YYYY HH:mm:ss, and
 * filter bounds given as ISO 8601 dates or date-times, read as Belgian time unless they carry a
 * zone.
 */

export const AUDIT_TIME_ZONE = 'Europe/Brussels';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: AUDIT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function fields(instant: number): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of parts.formatToParts(new Date(instant))) {
    if (p.type in out) out[p.type as keyof typeof out] = Number(p.value);
  }
  return out;
}

/** "24-11-2026 04:01:30" for an instant, in Europe/Brussels. */
export function formatAuditTime(date: Date): string {
  const f = fields(date.getTime());
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(f.day)}-${two(f.month)}-${String(f.year).padStart(4, '0')} ${two(f.hour)}:${two(f.minute)}:${two(f.second)}`;
}

/** Offset of Europe/Brussels from UTC at an instant, in milliseconds (+1 h or +2 h). */
function offsetAt(instant: number): number {
  const f = fields(instant);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The instant of a wall-clock time in Europe/Brussels (the later one when the clock jumps back). */
export function brusselsTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  let utc = wall - offsetAt(wall);
  const second_ = offsetAt(utc);
  if (second_ !== wall - utc) utc = wall - second_;
  return new Date(utc);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/;

export interface TimeBound {
  /** The first instant the bound names. */
  start: Date;
  /** The first instant after what the bound names: the next day for a date, +1 ms for a date-time. */
  end: Date;
}

/**
 * A filter bound: `2024-05-01` (that whole day, Belgian time), `2024-05-01T10:15[:30[.250]]`
 * (Belgian time) or with a zone (`Z`, `+02:00`). Undefined when the text is none of these or names
 * no real date.
 */
export function parseTimeBound(text: string): TimeBound | undefined {
  const d = DATE.exec(text);
  if (d) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    if (!validDate(y, m, day)) return undefined;
    const next = new Date(Date.UTC(y, m - 1, day + 1));
    return { start: brusselsTime(y, m, day), end: brusselsTime(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()) };
  }
  const t = DATE_TIME.exec(text);
  if (!t) return undefined;
  const [y, m, day, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(t[i]));
  const s = Number(t[6] ?? 0);
  const ms = Number((t[7] ?? '0').padEnd(3, '0'));
  if (!validDate(y!, m!, day!) || h! > 23 || mi! > 59 || s > 59) return undefined;
  const zone = t[8];
  let start: Date;
  if (zone === undefined) start = brusselsTime(y!, m!, day!, h!, mi!, s, ms);
  else {
    const off = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
    start = new Date(Date.UTC(y!, m! - 1, day!, h!, mi!, s, ms) - off);
  }
  return { start, end: new Date(start.getTime() + 1) };
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d && y >= 1970;
}
