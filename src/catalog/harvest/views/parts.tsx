/** @jsxImportSource hono/jsx */
/** Pieces of the harvester pages: outcome labels, times, a report's problems. */
import type { HarvestOutcome, HarvestProblem, HarvestReport } from '../model.js';

export const OUTCOME_LABEL: Record<HarvestOutcome, string> = {
  ok: 'Ingelezen',
  invalid: 'Afgekeurd: ongeldige catalogus',
  refused: 'Geweigerd: verkeerd aangeboden',
  unreachable: 'Onbereikbaar',
  error: 'Fout in Stelsel',
};

const TIME = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'medium' });

/** A moment as Dutch local time, with the exact value in a <time> element. */
export function When({ iso }: { iso: string }) {
  const d = new Date(iso);
  return <time datetime={iso}>{Number.isNaN(d.getTime()) ? iso : TIME.format(d)}</time>;
}

export function Outcome({ outcome }: { outcome: HarvestOutcome }) {
  return <span class={`uitkomst uitkomst-${outcome}`}>{OUTCOME_LABEL[outcome]}</span>;
}

export function bytesText(n: number | undefined): string {
  if (n === undefined) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1).replace('.', ',')} kB`;
  return `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

function where(p: HarvestProblem): string {
  const parts = [p.line !== undefined ? `regel ${p.line}${p.column !== undefined ? `, kolom ${p.column}` : ''}` : '', p.productID ? `product ${p.productID}` : ''];
  return parts.filter(Boolean).join(', ');
}

/** The problems of a report (the kept ones; the count says how many there were). */
export function Problems({ report }: { report: HarvestReport }) {
  if (!report.problemCount) return <>geen</>;
  return (
    <details>
      <summary>{report.problemCount === 1 ? '1 probleem' : `${report.problemCount} problemen`}</summary>
      <ol>
        {report.problems.map((p) => (
          <li>
            <code>{p.code}</code> {where(p) ? <small>({where(p)})</small> : null} {p.message}
          </li>
        ))}
      </ol>
      {report.problemCount > report.problems.length ? <p>De eerste {report.problems.length} van {report.problemCount} problemen staan hier.</p> : null}
    </details>
  );
}
