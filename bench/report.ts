/** What the benchmark scripts share: a report that prints its lines and keeps them for the results file, rounding, percentiles. */

/** `say` prints a line and keeps it in `lines` (written to bench/results/*.md at the end). */
export function report(): { lines: string[]; say: (s: string) => void } {
  const lines: string[] = [];
  return {
    lines,
    say: (s) => {
      lines.push(s);
      console.log(s);
    },
  };
}

export const r1 = (x: number): number => Math.round(x * 10) / 10;
export const r2 = (x: number): number => Math.round(x * 100) / 100;

/** The p-th percentile (nearest rank) of `xs`; NaN when there are none. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}
