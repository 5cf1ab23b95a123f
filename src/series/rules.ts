/**
 * The content rules of a series version (pure): field formats, code-list values, what a version
 * needs before it may leave ontwerp, the five-year validity, and the template rule (a derived series
 * may only be stricter: retention not shorter, destination not weaker).
 */
import type { CodeLists } from './codelists.js';
import { BESTEMMINGEN, type Bestemming, type FieldProblem, type SeriesContent } from './model.js';

const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 10_000;

/** An ISO 8601 duration of years, months, weeks and days, in days (a year = 365.25, a month = 30.4375). */
export function durationDays(d: string): number | null {
  const m = DURATION.exec(d);
  if (!m) return null;
  const [y, mo, w, da] = [m[1], m[2], m[3], m[4]].map((x) => Number(x ?? 0)) as [number, number, number, number];
  return y * 365.25 + mo * 30.4375 + w * 7 + da;
}

export function isDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The date five years after `from` (YYYY-MM-DD). */
export function fiveYearsAfter(from: string): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 5);
  return d.toISOString().slice(0, 10);
}

export const bestemmingRank = (b: Bestemming): number => BESTEMMINGEN.indexOf(b);

/** Format and code-list problems (a draft may be incomplete, but what it holds must be right). */
export function formatProblems(c: SeriesContent, lists: CodeLists): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!c.naam?.trim()) out.push({ field: 'naam', message: 'De naam is verplicht' });
  for (const f of ['naam', 'omschrijving', 'proces', 'verduidelijking', 'motivering', 'bestemmingMotivering'] as const) {
    if ((c[f]?.length ?? 0) > MAX_TEXT) out.push({ field: f, message: `Hoogstens ${MAX_TEXT} tekens` });
  }
  for (const f of ['administratieveBewaartermijn', 'wettelijkeBewaartermijn'] as const) {
    const v = c[f];
    if (v !== undefined && durationDays(v) === null) out.push({ field: f, message: `"${v}" is geen ISO 8601-duur in jaren, maanden, weken of dagen (bv. P10Y of P6M)` });
  }
  if (c.termijnspecificatie !== undefined && !lists.has('termijnspecificatie', c.termijnspecificatie)) {
    out.push({ field: 'termijnspecificatie', message: `"${c.termijnspecificatie}" staat niet in de lijst: ${lists.list('termijnspecificatie').map((x) => x.code).join(', ')}` });
  }
  if (c.bestemming !== undefined && !(BESTEMMINGEN as readonly string[]).includes(c.bestemming)) {
    out.push({ field: 'bestemming', message: `"${String(c.bestemming)}" is geen bestemming: ${BESTEMMINGEN.join(', ')}` });
  }
  if (c.openbaarheid !== undefined && !lists.has('openbaarheid', c.openbaarheid)) {
    out.push({ field: 'openbaarheid', message: `"${c.openbaarheid}" staat niet in de lijst: ${lists.list('openbaarheid').map((x) => x.code).join(', ')}` });
  }
  for (const f of ['geldigVan', 'geldigTot'] as const) {
    const v = c[f];
    if (v !== undefined && !isDate(v)) out.push({ field: f, message: `"${v}" is geen datum (JJJJ-MM-DD)` });
  }
  if (c.geldigVan && c.geldigTot && isDate(c.geldigVan) && isDate(c.geldigTot)) {
    if (c.geldigTot < c.geldigVan) out.push({ field: 'geldigTot', message: 'De geldigheid eindigt vóór ze begint' });
    else if (c.geldigTot > fiveYearsAfter(c.geldigVan)) {
      out.push({ field: 'geldigTot', message: `Een serie geldt hoogstens vijf jaar: uiterlijk tot ${fiveYearsAfter(c.geldigVan)}` });
    }
  }
  return out;
}

/** What the Bestuursdecreet asks of a selection rule before it is submitted or published. */
export function completenessProblems(c: SeriesContent): FieldProblem[] {
  const out: FieldProblem[] = [];
  const need = (field: FieldProblem['field'], ok: unknown, what: string) => {
    if (ok === undefined || ok === '') out.push({ field, message: `${what} is verplicht om in te dienen of te publiceren` });
  };
  need('omschrijving', c.omschrijving, 'De omschrijving');
  if (c.administratieveBewaartermijn === undefined && c.wettelijkeBewaartermijn === undefined) {
    out.push({ field: 'administratieveBewaartermijn', message: 'Een administratieve of wettelijke bewaartermijn is verplicht om in te dienen of te publiceren' });
  }
  need('termijnspecificatie', c.termijnspecificatie, 'De termijnspecificatie');
  need('motivering', c.motivering, 'De motivering van de bewaartermijn');
  need('bestemming', c.bestemming, 'De bestemming');
  need('bestemmingMotivering', c.bestemmingMotivering, 'De motivering van de bestemming');
  need('openbaarheid', c.openbaarheid, 'De mate van openbaarheid');
  need('geldigVan', c.geldigVan, 'Het begin van de geldigheid');
  need('geldigTot', c.geldigTot, 'Het einde van de geldigheid');
  return out;
}

/** A series derived from a template may only be stricter than it. */
export function templateProblems(c: SeriesContent, template: SeriesContent): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const [f, what] of [['administratieveBewaartermijn', 'administratieve'], ['wettelijkeBewaartermijn', 'wettelijke']] as const) {
    const t = template[f];
    if (t === undefined) continue;
    const own = c[f];
    const td = durationDays(t);
    const od = own === undefined ? null : durationDays(own);
    if (own === undefined) out.push({ field: f, message: `De sjabloonserie bepaalt een ${what} bewaartermijn van ${t}; die mag niet ontbreken` });
    else if (td !== null && od !== null && od < td) {
      out.push({ field: f, message: `De ${what} bewaartermijn ${own} is korter dan die van de sjabloonserie (${t}); ze mag alleen langer zijn` });
    }
  }
  if (template.bestemming && (!c.bestemming || bestemmingRank(c.bestemming) < bestemmingRank(template.bestemming))) {
    out.push({
      field: 'bestemming',
      message: `De bestemming ${c.bestemming ?? '(geen)'} is zwakker dan ${template.bestemming} van de sjabloonserie; alleen een sterkere bestemming mag (vernietigen < steekproef < bewaren)`,
    });
  }
  return out;
}

/** True when a new version keeps the retention and destination of the published one (shortened flow). */
export function sameRetentionAndDestination(a: SeriesContent, b: SeriesContent): boolean {
  return (
    a.administratieveBewaartermijn === b.administratieveBewaartermijn &&
    a.wettelijkeBewaartermijn === b.wettelijkeBewaartermijn &&
    a.termijnspecificatie === b.termijnspecificatie &&
    a.bestemming === b.bestemming
  );
}

/** True when the validity ends within `months` months after `today` (YYYY-MM-DD). */
export function endsWithin(geldigTot: string | undefined, today: string, months = 6): boolean {
  if (!geldigTot) return false;
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return geldigTot <= d.toISOString().slice(0, 10);
}
