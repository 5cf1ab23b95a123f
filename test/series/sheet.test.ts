/**
 * The import sheet: template download, row/column report, all or nothing, and export -> import
 * round trips in XLSX and CSV (and the RDF exports parse).
 */
import ExcelJS from 'exceljs';
import N3 from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS, XLSX_TYPE } from '../../src/series/sheet.js';
import { admin, call, fullContent, seriesTestApp, tokenFor, type TestApp } from './support.js';

let t: TestApp;
let gent: Record<string, string>;
let aalst: Record<string, string>;
beforeAll(async () => {
  t = await seriesTestApp();
  gent = await tokenFor(t, 'gemeente-gent', ['informatiebeheerder']);
  aalst = await tokenFor(t, 'stad-aalst', ['informatiebeheerder']);
});
afterAll(() => t.close());

const HEADERS = COLUMNS.map((c) => c.header);
const csvOf = (rows: string[][]) => [HEADERS, ...rows].map((r) => r.map((v) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\n');
const row = (naam: string, over: Partial<Record<string, string>> = {}) => {
  const c = fullContent(naam) as Record<string, string>;
  return COLUMNS.map((col) => over[col.header] ?? (col.field === 'sjabloon' ? '' : (c[col.field] ?? '')));
};

async function upload(h: Record<string, string>, org: string, body: string | Uint8Array, type: string) {
  const res = await t.app.request(`/api/series/import?organisatie=${org}`, { method: 'POST', headers: { ...h, 'content-type': type, accept: 'application/json' }, body: typeof body === 'string' ? body : Buffer.from(body) });
  return { status: res.status, body: (await res.json()) as { status: string; rijen: number; problemen: { row: number; column: string; message: string }[]; series: string[] } };
}

async function countOf(org: string): Promise<number> {
  const res = await t.app.request('/api/series/taken', { headers: org === 'gemeente-gent' ? gent : aalst });
  return ((await res.json()) as { tasks: unknown[] }).tasks.length;
}

describe('import sheet', () => {
  it('offers the template as XLSX and CSV with the columns', async () => {
    const csv = await t.app.request('/api/series/importblad.csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).replace(/^\uFEFF/, '').trim()).toBe(HEADERS.join(','));
    const xlsx = await t.app.request('/api/series/importblad.xlsx');
    expect(xlsx.headers.get('content-type')).toBe(XLSX_TYPE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(wb.worksheets[1]!.name).toBe('Codelijsten');
  });

  it('refuses a sheet with any bad row whole, with a report per row and column', async () => {
    const before = await countOf('stad-aalst');
    const sheet = csvOf([
      row('Goede rij'),
      row('Slechte termijn', { 'Administratieve bewaartermijn': 'tien jaar', Openbaarheid: 'geheim' }),
      row('', { Omschrijving: 'zonder naam' }),
      row('Te lang geldig', { 'Geldig van': '2026-01-01', 'Geldig tot': '2032-06-30' }),
    ]);
    const res = await upload(aalst, 'stad-aalst', sheet, 'text/csv');
    expect(res.status).toBe(422);
    expect(res.body.status).toBe('Geweigerd');
    expect(res.body.series).toEqual([]);
    expect(res.body.problemen.map((p) => [p.row, p.column])).toEqual([
      [3, 'Openbaarheid'],
      [3, 'Administratieve bewaartermijn'],
      [4, 'Naam'],
      [5, 'Geldig tot'],
    ]);
    expect(await countOf('stad-aalst')).toBe(before);
  });

  it('refuses unknown columns and a sheet for another organisation', async () => {
    const res = await upload(aalst, 'stad-aalst', `Naam,Kleur\nA,rood\n`, 'text/csv');
    expect(res.body.problemen).toEqual([{ row: 1, column: 'Kleur', message: expect.stringContaining('Onbekende kolom') }]);
    expect((await upload(aalst, 'gemeente-gent', csvOf([row('x')]), 'text/csv')).status).toBe(403);
    const garbage = await t.app.request('/api/series/import?organisatie=stad-aalst', { method: 'POST', headers: { ...aalst, 'content-type': XLSX_TYPE }, body: 'not a zip' });
    expect(garbage.status).toBe(400);
  });

  it('accepts a good CSV (semicolons, labels for codes) and an XLSX whole', async () => {
    const semi = [HEADERS.join(';'), row('Puntkomma', { Openbaarheid: 'Beperkt openbaar', Termijnspecificatie: 'Na afsluiting van het dossier' }).join(';')].join('\n');
    const a = await upload(gent, 'gemeente-gent', semi, 'text/csv');
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body).toMatchObject({ status: 'Geaccepteerd', rijen: 1 });
    const s = await call(t, gent, 'GET', `/api/series/${a.body.series[0]}`);
    expect(s.body.Content).toMatchObject({ Openness: 'beperkt-openbaar', RetentionPeriod: { StartEvent: 'na-afsluiting-dossier' } });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Series');
    ws.addRow(HEADERS);
    ws.addRow(row('Uit Excel', { 'Geldig van': '', 'Geldig tot': '' }));
    ws.getCell(2, HEADERS.indexOf('Geldig van') + 1).value = new Date(Date.UTC(2026, 2, 1));
    ws.getCell(2, HEADERS.indexOf('Geldig tot') + 1).value = new Date(Date.UTC(2029, 1, 28));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const b = await upload(gent, 'gemeente-gent', bytes, XLSX_TYPE);
    expect(b.status, JSON.stringify(b.body)).toBe(200);
    const x = await call(t, gent, 'GET', `/api/series/${b.body.series[0]}`);
    expect(x.body.ValidityPeriod).toEqual({ From: '2026-03-01', To: '2029-02-28' });
  });

  it('round-trips export -> import in XLSX and CSV, and exports Turtle and JSON-LD', async () => {
    // Three published series of Gent with distinctive content.
    const ids: string[] = [];
    for (const [i, best] of (['vernietigen', 'steekproef', 'bewaren'] as const).entries()) {
      const c = await call(t, admin, 'POST', '/api/series', { organisatie: 'gemeente-gent', ...fullContent(`Rondreis ${i}`, { bestemming: best, verduidelijking: `Regel "${i}", met; tekens`, wettelijkeBewaartermijn: `P${i + 1}Y6M` }) });
      const id = c.body.Id as string;
      for (const a of ['indienen', 'intern-goedkeuren', 'goedkeuren']) expect((await call(t, admin, 'POST', `/api/series/${id}/acties/${a}`, {})).status).toBe(200);
      ids.push(id);
    }
    const contentOf = async (id: string) => {
      const v = ((await call(t, admin, 'GET', `/api/series/${id}`)).body.Versions as { fields: Record<string, string> }[]).at(-1)!;
      return v.fields;
    };
    const originals = await Promise.all(ids.map(contentOf));
    for (const format of ['xlsx', 'csv'] as const) {
      const exp = await t.app.request(`/api/series/export.${format}?q=Rondreis`);
      expect(exp.status).toBe(200);
      const bytes = new Uint8Array(await exp.arrayBuffer());
      const imp = await upload(aalst, 'stad-aalst', bytes, format === 'xlsx' ? XLSX_TYPE : 'text/csv');
      expect(imp.status, JSON.stringify(imp.body)).toBe(200);
      expect(imp.body.series).toHaveLength(3);
      const copies = await Promise.all(imp.body.series.map(contentOf));
      expect(copies).toEqual(originals);
    }
    const ttl = await t.app.request('/api/series/export.ttl?q=Rondreis');
    const quads = new N3.Parser().parse(await ttl.text());
    expect(quads.filter((q) => q.predicate.value.endsWith('#gepubliceerdeVersie'))).toHaveLength(3);
    const jsonld = await t.app.request('/api/series/export.jsonld?q=Rondreis');
    expect(jsonld.headers.get('content-type')).toContain('application/ld+json');
    expect(JSON.stringify(await jsonld.json())).toContain('Rondreis 2');
  });
});
