/**
 * What changed between two states of a meeting, as a short list of field paths for the audit
 * entry ("agendapunten.0.titel, agendapunten.2 (nieuw)"): who changed what and when is then in
 * the audit trail, next to the version numbers.
 */
import type { Zitting } from './model.js';

type Flat = Map<string, string>;

function flatten(value: unknown, path: string, out: Flat): void {
  if (Array.isArray(value)) value.forEach((v, i) => flatten(v, path ? `${path}.${i}` : String(i), out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  else out.set(path, JSON.stringify(value));
}

/** Changed, added and removed field paths (at most `max`, then a count of the rest). */
export function changedFields(before: Zitting | null, after: Zitting, max = 20): string {
  if (!before) return 'nieuw';
  const a: Flat = new Map();
  const b: Flat = new Map();
  flatten(before, '', a);
  flatten(after, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].filter((p) => a.get(p) !== b.get(p)).sort((x, y) => x.localeCompare(y, 'en', { numeric: true }));
  if (!paths.length) return 'geen wijzigingen';
  const shown = paths.slice(0, max).map((p) => (a.has(p) ? (b.has(p) ? p : `${p} (weg)`) : `${p} (nieuw)`));
  return paths.length > max ? `${shown.join(', ')} en ${paths.length - max} meer` : shown.join(', ');
}
