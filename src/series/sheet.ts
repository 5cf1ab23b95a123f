/**
 * The import sheet (XLSX or CSV): one series per row, one column per field, the header row naming
 * the columns. The same columns serve the downloadable template, the import and the export, so an
 * export imports again. Reading checks every row and column and collects every problem; nothing is
 * decided here about storing (the import is all or nothing: src/series/import.ts).
 */
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../shared/errors.js';
import type { CodeLists } from './codelists.js';
import { BESTEMMINGEN, contentOf, type ContentField, type SeriesContent } from './model.js';
import { formatProblems } from './rules.js';

export interface Column {
  header: string;
  field: ContentField | 'sjabloon';
  help: string;
}

export const COLUMNS: readonly Column[] = [
  { header: 'Naam', field: 'naam', help: 'Verplicht.' },
  { header: 'Omschrijving', field: 'omschrijving', help: 'Wat de serie bevat.' },
  { header: 'Proces', field: 'proces', help: 'Proces of dienstverlening (functionele indeling).' },
  { header: 'Administratieve bewaartermijn', field: 'administratieveBewaartermijn', help: 'ISO 8601-duur, bv. P10Y of P6M.' },
  { header: 'Wettelijke bewaartermijn', field: 'wettelijkeBewaartermijn', help: 'ISO 8601-duur, bv. P30Y.' },
  { header: 'Termijnspecificatie', field: 'termijnspecificatie', help: 'Startgebeurtenis: code of naam uit de lijst termijnspecificatie.' },
  { header: 'Verduidelijking', field: 'verduidelijking', help: 'Verduidelijking van de bewaartermijn.' },
  { header: 'Motivering bewaartermijn', field: 'motivering', help: 'Waarom deze termijn.' },
  { header: 'Bestemming', field: 'bestemming', help: `${BESTEMMINGEN.join(', ')}.` },
  { header: 'Motivering bestemming', field: 'bestemmingMotivering', help: 'Waarom deze bestemming.' },
  { header: 'Openbaarheid', field: 'openbaarheid', help: 'Code of naam uit de lijst openbaarheid.' },
  { header: 'Geldig van', field: 'geldigVan', help: 'Datum JJJJ-MM-DD.' },
  { header: 'Geldig tot', field: 'geldigTot', help: 'Datum JJJJ-MM-DD, hoogstens vijf jaar na Geldig van.' },
  { header: 'Sjabloon', field: 'sjabloon', help: 'Id van een sjabloonserie van het eigen organisatietype (optioneel).' },
];

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_ROWS = 20_000;

export interface SheetRow {
  /** Row number in the sheet (the header is row 1). */
  row: number;
  content: SeriesContent;
  sjabloon?: string;
}

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

export interface ParsedSheet {
  rows: SheetRow[];
  problems: RowProblem[];
}

type Cells = (string | undefined)[];

/** Reads the raw cells (header row first) of an XLSX or CSV upload. */
export async function readCells(bytes: Uint8Array, format: 'xlsx' | 'csv'): Promise<Cells[]> {
  if (format === 'csv') {
    const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
    const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    try {
      return (parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][]).map((r) => r.map((c) => c));
    } catch (e) {
      const err = e as { lines?: number; message: string };
      throw new AppError('bad_request', `Het CSV-bestand is onleesbaar${err.lines ? ` (regel ${err.lines})` : ''}: ${err.message}`);
    }
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('bad_request', 'Het bestand is geen leesbaar XLSX-bestand');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('bad_request', 'Het XLSX-bestand heeft geen werkblad');
  const out: Cells[] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: Cells = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    out[n - 1] = cells;
  });
  return Array.from(out, (r) => r ?? []);
}

function cellText(v: ExcelJS.CellValue): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return undefined;
  }
  return String(v);
}

/** Checks every row and column; rows without any value are skipped. */
export function checkSheet(cells: Cells[], lists: CodeLists): ParsedSheet {
  const problems: RowProblem[] = [];
  const header = (cells[0] ?? []).map((h) => (h ?? '').trim());
  const byHeader = new Map(COLUMNS.map((c) => [c.header.toLowerCase(), c]));
  const columnAt: (Column | undefined)[] = header.map((h, i) => {
    if (!h) return undefined;
    const c = byHeader.get(h.toLowerCase());
    if (!c) problems.push({ row: 1, column: h, message: `Onbekende kolom "${h}" (kolom ${i + 1}); gebruik het importblad` });
    return c;
  });
  if (!columnAt.some((c) => c?.field === 'naam')) problems.push({ row: 1, column: 'Naam', message: 'De kolom Naam ontbreekt' });
  if (cells.length - 1 > MAX_ROWS) problems.push({ row: MAX_ROWS + 2, column: '', message: `Hoogstens ${MAX_ROWS} rijen per import` });
  if (problems.length) return { rows: [], problems };

  const rows: SheetRow[] = [];
  for (let i = 1; i < cells.length; i++) {
    const raw = cells[i] ?? [];
    if (!raw.some((c) => c !== undefined && c.trim() !== '')) continue;
    const rowNo = i + 1;
    const values: Partial<Record<Column['field'], string>> = {};
    raw.forEach((v, col) => {
      const c = columnAt[col];
      if (c && v !== undefined && v.trim() !== '') values[c.field] = v.trim();
    });
    const headerOf = (f: string) => COLUMNS.find((c) => c.field === f)?.header ?? f;
    const add = (field: string, message: string) => problems.push({ row: rowNo, column: headerOf(field), message });
    const coded = (field: 'termijnspecificatie' | 'openbaarheid') => {
      const v = values[field];
      if (v === undefined) return undefined;
      const code = lists.lookup(field, v);
      if (!code) add(field, `"${v}" staat niet in de lijst ${field}: ${lists.list(field).map((x) => x.code).join(', ')}`);
      return code;
    };
    const best = values.bestemming?.toLowerCase();
    const content = contentOf({
      ...(values as Partial<SeriesContent>),
      naam: values.naam ?? '',
      termijnspecificatie: coded('termijnspecificatie'),
      openbaarheid: coded('openbaarheid'),
      bestemming: best as SeriesContent['bestemming'],
    });
    for (const p of formatProblems(content, lists)) add(p.field, p.message);
    rows.push({ row: rowNo, content, ...(values.sjabloon ? { sjabloon: values.sjabloon } : {}) });
  }
  if (!rows.length && !problems.length) problems.push({ row: 2, column: '', message: 'Het blad bevat geen enkele serie' });
  return { rows, problems };
}

/** One row of values in column order. */
export function rowValues(c: SeriesContent & { sjabloon?: string }): string[] {
  return COLUMNS.map((col) => (col.field === 'sjabloon' ? (c.sjabloon ?? '') : (c[col.field] ?? '')));
}

/** An XLSX workbook of the columns (and the rows, for an export), with a sheet explaining the code lists. */
export async function writeXlsx(rows: readonly string[][], lists: CodeLists): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Series');
  ws.addRow(COLUMNS.map((c) => c.header));
  ws.getRow(1).font = { bold: true };
  COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = Math.max(14, c.header.length + 2);
    ws.getCell(1, i + 1).note = c.help;
  });
  for (const r of rows) ws.addRow(r);
  const help = wb.addWorksheet('Codelijsten');
  help.addRow(['Lijst', 'Code', 'Naam']);
  help.getRow(1).font = { bold: true };
  for (const scheme of ['termijnspecificatie', 'bestemming', 'openbaarheid'] as const) {
    for (const c of lists.list(scheme)) help.addRow([scheme, c.code, c.label]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** CSV (comma-separated, RFC 4180 quoting, UTF-8 with BOM so spreadsheet programs read the accents). */
export function writeCsv(rows: readonly string[][]): string {
  const esc = (v: string) => (/[",\n\r;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${[COLUMNS.map((c) => c.header), ...rows].map((r) => r.map(esc).join(',')).join('\r\n')}\r\n`;
}
