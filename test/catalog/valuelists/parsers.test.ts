import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  parseOwmsCv, parsePostcodes, parseRelations, parseTooi, parseUpl, parseUplSdg, applySdg, UPL_NOT_YET_AVAILABLE, ValueListError,
} from '../../../src/catalog/valuelists/index.js';
import { fileInput } from '../../../src/catalog/valuelists/input.js';
import { DEMO_DIR } from './helpers.js';

const demo = (f: string) => path.join(DEMO_DIR, f);
const text = (f: string) => readFileSync(demo(f), 'utf8');
const O = 'http://standaarden.overheid.nl/owms/terms/';

async function rejects(p: Promise<unknown>, file: string, line: number | undefined, msg: RegExp): Promise<void> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ValueListError);
  const v = e as ValueListError;
  expect(v.file).toBe(file);
  expect(v.line).toBe(line);
  expect(v.message).toMatch(msg);
}

describe('OWMS cv-XML', () => {
  it('reads values with dates, including historic entries (streamed)', async () => {
    const list = await parseOwmsCv(fileInput(demo('owms/Gemeente-demo.xml')), 'Gemeente.xml');
    expect(list.name).toBe('overheid:Gemeente');
    expect(list.values.map((v) => v.prefLabel)).toEqual(['Aalsmeer', 'Haarlemmerliede en Spaarnwoude', 'Haarlemmermeer', 'Nieuwegein', 'Tilburg']);
    expect(list.values[1]).toMatchObject({ uri: `${O}Haarlemmerliede_en_Spaarnwoude`, endDate: '2018-12-31' });
    expect(list.values[0]?.endDate).toBeUndefined();
  });

  it('trims whitespace inside resourceIdentifier', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<cv name="overheid:Gemeente"><value><prefLabel>X</prefLabel><resourceIdentifier>${O}X\n  </resourceIdentifier><startDate>2020-01-01</startDate></value></cv>`;
    expect((await parseOwmsCv(xml, 'x.xml')).values).toEqual([{ uri: `${O}X`, prefLabel: 'X', startDate: '2020-01-01', line: 2 }]);
  });

  it('refuses DOCTYPE (entities) with a position', async () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE cv [<!ENTITY a "aaaa">]>\n<cv name="x"><value><prefLabel>&a;</prefLabel></value></cv>';
    await rejects(parseOwmsCv(xml, 'evil.xml'), 'evil.xml', 2, /DOCTYPE/);
  });

  it('reports malformed XML and bad values with file and line', async () => {
    await rejects(parseOwmsCv('<cv name="x">\n<value>\n<prefLabel>A</prefLabel>\n</valu>', 'bad.xml'), 'bad.xml', 4, /.+/);
    await rejects(parseOwmsCv(`<cv name="x">\n\n<value><prefLabel>A</prefLabel><resourceIdentifier>${O}A</resourceIdentifier><endDate>31-12-2018</endDate></value></cv>`, 'd.xml'), 'd.xml', 3, /endDate/);
    await rejects(parseOwmsCv('<cv name="x">\n<value><prefLabel>A</prefLabel></value></cv>', 'n.xml'), 'n.xml', 2, /resourceIdentifier/);
  });
});

describe('UPL CSV', () => {
  it('deduplicates on URI, merging flags, legal bases and SDG codes', async () => {
    const upl = await parseUpl(fileInput(demo('owms/UPL-actueel-demo.csv')), 'UPL-actueel.csv');
    applySdg(upl, await parseUplSdg(text('owms/UPL-SDG-Informatiegebied-demo.csv'), 'sdg.csv'));
    expect(upl).toHaveLength(30); // 31 rows, evenementenvergunning twice
    expect(new Set(upl.map((p) => p.uri)).size).toBe(upl.length);
    const ev = upl.find((p) => p.label === 'evenementenvergunning')!;
    expect([...ev.flags].sort()).toEqual(['Aanvraag', 'Autonomie', 'Bedrijf', 'Burger', 'Dienstenwet', 'Gemeente', 'Medebewind', 'Provincie']);
    expect(ev.grondslagen.map((g) => g.label)).toEqual(['Algemene plaatselijke verordening', 'Wegenverkeerswet 1994']);
    expect(ev.sdgCodes).toEqual(['N1']);
    expect(upl.find((p) => p.label === 'rijbewijs')?.sdgCodes).toEqual(['C2', 'C5']);
    expect(upl.find((p) => p.label === UPL_NOT_YET_AVAILABLE)?.uri).toBe(`${O}UPL-naam_nog_niet_beschikbaar`);
    expect(upl.find((p) => p.label === 'paspoort')?.flags.has('Burger')).toBe(true);
  });

  it('reports malformed rows with file and line', async () => {
    const head = 'UniformeProductnaam,URI,SDG\n';
    await rejects(parseUpl(`${head}a,${O}a,\nb,not an iri,\n`, 'u.csv'), 'u.csv', 3, /absolute IRI/);
    await rejects(parseUpl(`${head}a,${O}a,\na2,${O}a,\n`, 'u.csv'), 'u.csv', 3, /has label/);
    await rejects(parseUpl(`${head}a,${O}a,X\n`, 'u.csv'), 'u.csv', 2, /SDG/);
    await rejects(parseUpl(`${head}a,${O}a,"A1\n`, 'u.csv'), 'u.csv', 2, /.+/);
    await rejects(parseUpl('Naam,URI\na,b\n', 'u.csv'), 'u.csv', 1, /missing column/);
    await rejects(parseUpl(`${head}a,${O}a,A1,extra\n`, 'u.csv'), 'u.csv', 2, /.+/);
  });
});

describe('TOOI register JSON-LD', () => {
  it('reads gemeenten with provincie, code, validity and changes', () => {
    const reg = parseTooi(text('tooi/rwc_gemeenten_demo.json'), 'g.json');
    expect(reg.organisations).toHaveLength(5);
    const hs = reg.organisations.find((o) => o.name === 'Haarlemmerliede en Spaarnwoude')!;
    expect(hs).toMatchObject({ kind: 'gemeente', code: '0393', endDate: '2018-12-31', provincie: 'https://identifier.overheid.nl/tooi/id/provincie/pv27', owmsIds: [`${O}Haarlemmerliede_en_Spaarnwoude`] });
    expect(reg.changes).toEqual([expect.objectContaining({ from: ['https://identifier.overheid.nl/tooi/id/gemeente/gm0393'], to: ['https://identifier.overheid.nl/tooi/id/gemeente/gm0394'], date: '2019-01-01' })]);
  });

  it('reads provincies, waterschappen, ministeries', () => {
    expect(parseTooi(text('tooi/rwc_provincies_demo.json'), 'p.json').organisations.map((o) => [o.kind, o.name, o.code])).toContainEqual(['provincie', 'Noord-Holland', '27']);
    expect(parseTooi(text('tooi/rwc_waterschappen_demo.json'), 'w.json').organisations.map((o) => o.kind)).toEqual(['waterschap', 'waterschap', 'waterschap', 'waterschap']);
    expect(parseTooi(text('tooi/rwc_ministeries_demo.json'), 'm.json').organisations.map((o) => o.owmsIds[0])).toContain(`${O}minjenv`);
  });

  it('reports malformed input with file and line', () => {
    expect(() => parseTooi('[\n{"@id": "x",\n "a": }\n]', 't.json')).toThrow(/t\.json:3: not JSON/);
    expect(() => parseTooi('{"a": 1}', 't.json')).toThrow(/t\.json:1: expected expanded JSON-LD/);
    const bad = JSON.stringify([{ '@id': 'https://identifier.overheid.nl/tooi/id/gemeente/gm1', '@type': ['https://identifier.overheid.nl/tooi/def/ont/Gemeente'], 'https://identifier.overheid.nl/tooi/def/ont/officieleNaamExclSoort': [{ '@value': 'X' }], 'https://identifier.overheid.nl/tooi/def/ont/einddatum': [{ '@value': '2020' }] }], null, 1);
    expect(() => parseTooi(bad, 't.json')).toThrow(/t\.json:3: .*not a date/);
  });
});

describe('postcodes and gemeente relations', () => {
  it('reads the postcode table', async () => {
    const rows = await parsePostcodes(text('postcode/pc4-gemeente-demo.csv'), 'pc.csv');
    expect(rows.find((r) => r.pc4 === '5014')).toEqual({ pc4: '5014', gemeente: 'Tilburg', provincie: 'Noord-Brabant', ggdRegio: 'GGD Hart voor Brabant', plaats: 'Tilburg', line: 6 });
    await rejects(parsePostcodes('pc4,gemeente\n1234,A\n123,B\n', 'pc.csv'), 'pc.csv', 3, /4-digit/);
    await rejects(parsePostcodes('pc4,gemeente\n1234,A\n1234,B\n', 'pc.csv'), 'pc.csv', 3, /repeats/);
  });

  it('reads our relations format (comments, quoted commas)', async () => {
    const rel = await parseRelations(text('relaties/gemeente-relaties.csv'), 'r.csv');
    expect(rel.filter((r) => r.gemeente === `${O}Aalsmeer_(gemeente)`).map((r) => [r.relatie, r.doel])).toEqual([
      ['waterschap', `${O}Hoogheemraadschap_van_Rijnland`],
      ['waterschap', `${O}Hoogheemraadschap_Amstel,_Gooi_en_Vecht`],
      ['ggd', 'GGD Amsterdam'],
    ]);
    expect(rel[0]?.line).toBe(4);
    await rejects(parseRelations(`# c\ngemeente,relatie,doel\n${O}A,brandweer,x\n`, 'r.csv'), 'r.csv', 3, /relatie must be/);
    await rejects(parseRelations(`gemeente,relatie,doel\n${O}A,ggd,x\n${O}A,ggd,y\n`, 'r.csv'), 'r.csv', 3, /second GGD/);
    await rejects(parseRelations(`gemeente,relatie,doel\nAalsmeer,ggd,x\n`, 'r.csv'), 'r.csv', 2, /OWMS URI/);
  });
});

describe('layout file names', () => {
  it('takes the official name first, else the one file with a suffix, and refuses ambiguity', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const pathMod = await import('node:path');
    const { resolveLayoutFile } = await import('../../../src/catalog/valuelists/load.js');
    const dir = mkdtempSync(pathMod.join(os.tmpdir(), 'stelsel-layout-'));
    try {
      mkdirSync(pathMod.join(dir, 'owms'));
      expect(await resolveLayoutFile(dir, 'owms/Gemeente.xml')).toBeUndefined();
      writeFileSync(pathMod.join(dir, 'owms', 'Gemeente-2024-05-01.xml'), '');
      writeFileSync(pathMod.join(dir, 'owms', 'Overheidsorganisatie.xml'), '');
      expect(await resolveLayoutFile(dir, 'owms/Gemeente.xml')).toBe('owms/Gemeente-2024-05-01.xml');
      writeFileSync(pathMod.join(dir, 'owms', 'Gemeente-demo.xml'), '');
      await expect(resolveLayoutFile(dir, 'owms/Gemeente.xml')).rejects.toThrow(/several files could be Gemeente.xml/);
      writeFileSync(pathMod.join(dir, 'owms', 'Gemeente.xml'), '');
      expect(await resolveLayoutFile(dir, 'owms/Gemeente.xml')).toBe('owms/Gemeente.xml');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
