/** The synthetic benchmark dataset: N quads, 10 per subject, 100 subjects per named graph. */
export const BASE = 'http://bench.example';

export function dataset(n: number): string {
  const out: string[] = [];
  const things = Math.max(1, Math.floor(n / 10));
  for (let i = 0; i < n; i++) {
    const s = Math.floor(i / 10);
    const g = Math.floor(s / 100);
    const p = i % 10;
    const o = p === 0 ? `<${BASE}/id/thing/${(s * 7) % things}>` : `"value ${i} of thing ${s}"${p === 1 ? '@nl' : ''}`;
    out.push(`<${BASE}/id/thing/${s}> <${BASE}/ns/p${p}> ${o} <${BASE}/graph/g${g}> .`);
  }
  return out.join('\n') + '\n';
}
