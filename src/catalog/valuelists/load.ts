/**
 * Loads the value lists from a directory laid out like ../shared/reference:
 *   owms/Gemeente.xml, owms/Overheidsorganisatie.xml, owms/UPL-actueel.csv,
 *   owms/UPL-SDG-Informatiegebied.csv, tooi/rwc_*.json, postcode/pc4-gemeente.csv,
 *   relaties/gemeente-relaties.csv (our own format, see relations.ts).
 * Every file is optional; the report says what was found. All files are parsed before anything is
 * written, so a malformed file leaves every stored list untouched. Each list is then written as one
 * transaction that replaces that list's graph (and only that graph) together with its audit entry.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type * as RDF from '@rdfjs/types';
import { sparql } from '../../shared/rdf/encode.js';
import { literal, namedNode } from '../../shared/rdf/factory.js';
import { DCT, SCHEMA, SKOS, STELSEL, TOOI, XSD } from '../../shared/rdf/vocab.js';
import type { TripleStore } from '../../shared/store/port.js';
import type { UriPolicy } from '../../shared/uri.js';
import type { AuditContext, AuditLog } from '../../shared/audit/audit-log.js';
import { systemActor } from '../../shared/auth/actor.js';
import { fileInput } from './input.js';
import { ValueListError } from './errors.js';
import { parseOwmsCv, type OwmsList } from './owms-cv.js';
import { applySdg, parseUpl, parseUplSdg, type UplProduct } from './upl.js';
import { parseTooi, type TooiChange, type TooiOrganisation } from './tooi.js';
import { parsePostcodes, type PostcodeRow } from './postcode.js';
import { parseRelations, type GemeenteRelation } from './relations.js';
import { ggdRegioIri, listGraph, listScheme, ListBuilder, postcodeIri, uplConcept, type ListName } from './model.js';

export const LAYOUT = {
  gemeente: 'owms/Gemeente.xml',
  overheidsorganisatie: 'owms/Overheidsorganisatie.xml',
  upl: 'owms/UPL-actueel.csv',
  uplSdg: 'owms/UPL-SDG-Informatiegebied.csv',
  tooiDir: 'tooi',
  postcode: 'postcode/pc4-gemeente.csv',
  relaties: 'relaties/gemeente-relaties.csv',
} as const;

export interface LoadDeps {
  store: TripleStore;
  uris: UriPolicy;
  audit: AuditLog;
  /** Who loads; default: the system actor (start-up). */
  ctx?: AuditContext;
  /** Load date (YYYY-MM-DD) for owl:deprecated; default today (UTC). */
  today?: string;
}

export interface LoadedList {
  name: ListName;
  graph: string;
  concepts: number;
  quads: number;
}

export interface LoadReport {
  dir: string;
  /** Files found (relative to dir) with the number of records read. */
  /** `file` is the file read; `layout` the layout entry it stands for (e.g. owms/Gemeente.xml). */
  found: { file: string; layout: string; records: number }[];
  /** Known files that were absent. */
  missing: string[];
  lists: LoadedList[];
  /** Non-fatal problems, e.g. postcode gemeente names that match no gemeente. */
  warnings: string[];
  ms: number;
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

interface Parsed {
  gemeenteXml?: OwmsList;
  organisatieXml?: OwmsList;
  upl?: UplProduct[];
  tooi: TooiOrganisation[];
  changes: TooiChange[];
  postcodes?: PostcodeRow[];
  relations?: GemeenteRelation[];
}

/**
 * The file of `dir` that holds a layout entry: the official name itself, or else the one file in
 * that folder named like it with a suffix before the extension (downloads are often kept as e.g.
 * `Gemeente-2024-05-01.xml`; our demo subset uses `-demo`). Several candidates are an error.
 */
export async function resolveLayoutFile(dir: string, layoutFile: string): Promise<string | undefined> {
  if (await exists(path.join(dir, layoutFile))) return layoutFile;
  const folder = path.dirname(layoutFile);
  const ext = path.extname(layoutFile);
  const stem = path.basename(layoutFile, ext);
  let names: string[];
  try {
    names = await readdir(path.join(dir, folder));
  } catch {
    return undefined;
  }
  const candidates = names.filter((n) => n.endsWith(ext) && n.startsWith(`${stem}-`)).sort();
  if (candidates.length > 1) throw new ValueListError(folder, undefined, `several files could be ${path.basename(layoutFile)}: ${candidates.join(', ')}`);
  return candidates[0] === undefined ? undefined : `${folder}/${candidates[0]}`;
}

/** Reads and parses every value-list file found in `dir` (throws ValueListError on malformed input). */
export async function parseValueListDir(dir: string): Promise<{ parsed: Parsed; found: LoadReport['found']; missing: string[] }> {
  const found: LoadReport['found'] = [];
  const missing: string[] = [];
  const parsed: Parsed = { tooi: [], changes: [] };
  const rel = async <T>(layoutFile: string, fn: (abs: string, file: string) => Promise<T>, count: (t: T) => number): Promise<T | undefined> => {
    const file = await resolveLayoutFile(dir, layoutFile);
    if (!file) {
      missing.push(layoutFile);
      return undefined;
    }
    const t = await fn(path.join(dir, file), file);
    found.push({ file, layout: layoutFile, records: count(t) });
    return t;
  };
  const gemeenteXml = await rel(LAYOUT.gemeente, (f, name) => parseOwmsCv(fileInput(f), name), (l) => l.values.length);
  if (gemeenteXml) parsed.gemeenteXml = gemeenteXml;
  const orgXml = await rel(LAYOUT.overheidsorganisatie, (f, name) => parseOwmsCv(fileInput(f), name), (l) => l.values.length);
  if (orgXml) parsed.organisatieXml = orgXml;
  const upl = await rel(LAYOUT.upl, (f, name) => parseUpl(fileInput(f), name), (l) => l.length);
  if (upl) {
    const sdg = await rel(LAYOUT.uplSdg, (f, name) => parseUplSdg(fileInput(f), name), (m) => m.size);
    if (sdg) applySdg(upl, sdg);
    parsed.upl = upl;
  }
  let tooiFiles: string[] = [];
  try {
    tooiFiles = (await readdir(path.join(dir, LAYOUT.tooiDir))).filter((f) => /^rwc_.*\.json$/.test(f)).sort();
  } catch {
    /* absent */
  }
  if (!tooiFiles.length) missing.push(`${LAYOUT.tooiDir}/rwc_*.json`);
  for (const f of tooiFiles) {
    const file = `${LAYOUT.tooiDir}/${f}`;
    const reg = parseTooi(await readFile(path.join(dir, file), 'utf8'), file);
    parsed.tooi.push(...reg.organisations);
    parsed.changes.push(...reg.changes);
    found.push({ file, layout: LAYOUT.tooiDir, records: reg.organisations.length });
  }
  const pc = await rel(LAYOUT.postcode, (f, name) => parsePostcodes(fileInput(f), name), (l) => l.length);
  if (pc) parsed.postcodes = pc;
  const rl = await rel(LAYOUT.relaties, (f, name) => parseRelations(fileInput(f), name), (l) => l.length);
  if (rl) parsed.relations = rl;
  return { parsed, found, missing };
}

/** Name key: case, dots and spacing ignored (the CBS table writes "Bergen (NH.)", TOOI "Bergen (NH)"). */
const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ').trim();

/** Name -> gemeente IRI, preferring the entry valid longest (current ones first). */
class GemeenteNames {
  private readonly best = new Map<string, { iri: string; end: string }>();
  readonly iris = new Set<string>();
  add(name: string, iri: string, end: string | undefined): void {
    this.iris.add(iri);
    const k = norm(name);
    const e = end ?? '9999-12-31';
    const prev = this.best.get(k);
    if (!prev || e > prev.end) this.best.set(k, { iri, end: e });
  }
  get(name: string): string | undefined {
    return this.best.get(norm(name))?.iri;
  }
  get size(): number {
    return this.best.size;
  }
}

export async function loadValueLists(source: { dir: string }, deps: LoadDeps): Promise<LoadReport> {
  const started = performance.now();
  const { uris } = deps;
  const today = deps.today ?? new Date().toISOString().slice(0, 10);
  const { parsed, found, missing } = await parseValueListDir(source.dir);
  const warnings: string[] = [];
  const lists: ListBuilder[] = [];
  const sourcesOf = (...files: string[]) => files.filter((f) => found.some((x) => x.layout === f));

  // --- TOOI organisations by kind; TOOI IRI -> concept IRI (first owmsId).
  const tooiToOwms = new Map<string, string>();
  for (const o of parsed.tooi) if (o.owmsIds[0]) tooiToOwms.set(o.tooi, o.owmsIds[0]);
  const ofKind = (k: TooiOrganisation['kind']) => parsed.tooi.filter((o) => o.kind === k);

  // --- gemeente: OWMS Gemeente.xml merged with TOOI gemeenten on the OWMS URI.
  const names = new GemeenteNames();
  const tooiGemeenten = ofKind('gemeente');
  if (parsed.gemeenteXml || tooiGemeenten.length) {
    const b = new ListBuilder(uris, 'gemeente', today, sourcesOf(LAYOUT.gemeente, LAYOUT.tooiDir));
    const byUri = new Map<string, { label: string; start?: string; end?: string; tooi?: TooiOrganisation }>();
    for (const v of parsed.gemeenteXml?.values ?? []) {
      if (byUri.has(v.uri)) {
        warnings.push(`${LAYOUT.gemeente}:${v.line}: ${v.uri} occurs again; the first entry is kept`);
        continue;
      }
      byUri.set(v.uri, { label: v.prefLabel, ...(v.startDate ? { start: v.startDate } : {}), ...(v.endDate ? { end: v.endDate } : {}) });
    }
    for (const t of tooiGemeenten) {
      const uri = t.owmsIds[0] ?? t.tooi;
      const prev = byUri.get(uri);
      // TOOI is the more recent register: its validity wins; the OWMS label is kept when present.
      const start = t.startDate ?? prev?.start;
      byUri.set(uri, { label: prev?.label ?? t.name, tooi: t, ...(start ? { start } : {}), ...(t.endDate ? { end: t.endDate } : {}) });
    }
    const successors = new Map<string, Set<string>>();
    const predecessors = new Map<string, Set<string>>();
    for (const c of parsed.changes) {
      for (const from of c.from) {
        for (const to of c.to) {
          const f = tooiToOwms.get(from);
          const t = tooiToOwms.get(to);
          if (!f || !t || f === t) continue;
          (successors.get(f) ?? successors.set(f, new Set()).get(f)!).add(t);
          (predecessors.get(t) ?? predecessors.set(t, new Set()).get(t)!).add(f);
        }
      }
    }
    for (const [uri, g] of byUri) {
      const extra: [RDF.NamedNode, RDF.Quad_Object][] = [];
      const prov = g.tooi?.provincie;
      if (prov) extra.push([TOOI.ligtInProvincie, namedNode(tooiToOwms.get(prov) ?? prov)]);
      for (const p of predecessors.get(uri) ?? []) extra.push([DCT.replaces, namedNode(p)]);
      for (const s of successors.get(uri) ?? []) extra.push([DCT.isReplacedBy, namedNode(s)]);
      b.concept({
        iri: uri,
        label: g.label,
        ...(g.tooi?.code ? { notation: g.tooi.code } : {}),
        ...(g.start ? { validFrom: g.start } : {}),
        ...(g.end ? { validThrough: g.end } : {}),
        ...(g.tooi ? { exactMatch: [g.tooi.tooi, ...g.tooi.owmsIds.slice(1)] } : {}),
        extra,
      });
      names.add(g.label, uri, g.end);
      if (g.tooi) names.add(g.tooi.name, uri, g.end);
    }
    lists.push(b);
  }

  // --- TOOI organisation lists.
  const orgList = (name: ListName, kind: TooiOrganisation['kind']) => {
    const orgs = ofKind(kind);
    if (!orgs.length) return;
    const b = new ListBuilder(uris, name, today, sourcesOf(LAYOUT.tooiDir));
    const used = new Set<string>();
    // Current versions first, so they own their OWMS URIs; a historic version (tooi:HistorischeVersie)
    // whose first owmsId is taken by the current version gets its TOOI IRI as concept IRI.
    for (const o of [...orgs].sort((x, y) => Number(x.historic) - Number(y.historic))) {
      const first = o.owmsIds[0];
      const iri = first && !used.has(first) ? first : o.historic ? o.tooi : (o.owmsIds.find((u) => !used.has(u)) ?? o.tooi);
      used.add(iri);
      b.concept({
        iri,
        label: o.name,
        ...(o.code ? { notation: o.code } : {}),
        ...(o.startDate ? { validFrom: o.startDate } : {}),
        ...(o.endDate ? { validThrough: o.endDate } : {}),
        exactMatch: [o.tooi, ...o.owmsIds.filter((u) => u !== iri && !used.has(u))],
      });
    }
    lists.push(b);
  };
  orgList('provincie', 'provincie');
  orgList('waterschap', 'waterschap');
  orgList('ministerie', 'ministerie');
  orgList('overige-overheidsorganisatie', 'overig');

  if (parsed.organisatieXml) {
    const b = new ListBuilder(uris, 'overheidsorganisatie', today, sourcesOf(LAYOUT.overheidsorganisatie));
    for (const v of parsed.organisatieXml.values) {
      if (b.has(v.uri)) {
        warnings.push(`${LAYOUT.overheidsorganisatie}:${v.line}: ${v.uri} occurs again; the first entry is kept`);
        continue;
      }
      b.concept({ iri: v.uri, label: v.prefLabel, ...(v.startDate ? { validFrom: v.startDate } : {}), ...(v.endDate ? { validThrough: v.endDate } : {}) });
    }
    lists.push(b);
  }

  if (parsed.upl) {
    const b = new ListBuilder(uris, 'upl', today, sourcesOf(LAYOUT.upl, LAYOUT.uplSdg));
    for (const p of parsed.upl) b.concept(uplConcept(p));
    lists.push(b);
  }

  // --- postcode, GGD regions and gemeente relations need gemeente names: from this load, else the store.
  if ((parsed.postcodes || parsed.relations) && names.size === 0) await namesFromStore(deps, names);
  const ggdNames = new Set<string>();
  if (parsed.postcodes) {
    const b = new ListBuilder(uris, 'postcode', today, sourcesOf(LAYOUT.postcode));
    const unresolved = new Set<string>();
    for (const r of parsed.postcodes) {
      const g = names.get(r.gemeente);
      if (!g) unresolved.add(r.gemeente);
      const extra: [RDF.NamedNode, RDF.Quad_Object][] = [];
      if (g) extra.push([STELSEL.gemeente, namedNode(g)]);
      if (r.ggdRegio) {
        ggdNames.add(r.ggdRegio);
        extra.push([STELSEL.ggdRegio, ggdRegioIri(uris, r.ggdRegio)]);
      }
      b.concept({ iri: postcodeIri(uris, r.pc4).value, label: r.plaats ? `${r.pc4} ${r.plaats}` : r.pc4, notation: r.pc4, extra });
    }
    if (unresolved.size) warnings.push(`${LAYOUT.postcode}: ${unresolved.size} gemeente name(s) match no gemeente: ${[...unresolved].slice(0, 10).join(', ')}${unresolved.size > 10 ? ', ...' : ''}`);
    lists.push(b);
  }
  if (parsed.relations || parsed.postcodes) {
    const rb = new ListBuilder(uris, 'gemeente-relaties', today, sourcesOf(LAYOUT.relaties, LAYOUT.postcode));
    const ggdOf = new Map<string, string>();
    for (const r of parsed.relations ?? []) {
      if (names.iris.size && !names.iris.has(r.gemeente)) warnings.push(`${LAYOUT.relaties}:${r.line}: ${r.gemeente} is not in the gemeente list`);
      if (r.relatie === 'waterschap') rb.add(namedNode(r.gemeente), STELSEL.waterschap, namedNode(r.doel));
      else ggdOf.set(r.gemeente, r.doel);
    }
    // Fallback for gemeenten without a configured GGD region: the region most of their postcodes name.
    const votes = new Map<string, Map<string, number>>();
    for (const r of parsed.postcodes ?? []) {
      const g = names.get(r.gemeente);
      if (!g || !r.ggdRegio || ggdOf.has(g)) continue;
      const m = votes.get(g) ?? votes.set(g, new Map()).get(g)!;
      m.set(r.ggdRegio, (m.get(r.ggdRegio) ?? 0) + 1);
    }
    for (const [g, m] of votes) if (!ggdOf.has(g)) ggdOf.set(g, [...m].sort((a, c) => c[1] - a[1])[0]![0]);
    for (const [g, ggd] of ggdOf) {
      ggdNames.add(ggd);
      rb.add(namedNode(g), STELSEL.ggdRegio, ggdRegioIri(uris, ggd));
    }
    lists.push(rb);
    const gb = new ListBuilder(uris, 'ggd-regio', today, sourcesOf(LAYOUT.relaties, LAYOUT.postcode));
    for (const n of [...ggdNames].sort()) gb.concept({ iri: ggdRegioIri(uris, n).value, label: n });
    lists.push(gb);
  }

  // --- write: one transaction per list, replacing only that list's graph.
  const ctx = deps.ctx ?? { actor: systemActor(uris), requestId: `valuelists-${Date.now()}` };
  const loaded: LoadedList[] = [];
  for (const b of lists) {
    await deps.audit.write(ctx, { action: 'valuelist.load', resource: b.graph, scope: uris.platform }, { replaceGraphs: [{ graph: b.graph, quads: b.quads }] });
    loaded.push({ name: b.name, graph: b.graph.value, concepts: b.concepts, quads: b.quads.length });
  }
  return { dir: source.dir, found, missing, lists: loaded, warnings, ms: Math.round(performance.now() - started) };
}

async function namesFromStore(deps: LoadDeps, names: GemeenteNames): Promise<void> {
  const g = listGraph(deps.uris, 'gemeente');
  const rows = await deps.store.select(
    sparql`SELECT ?c ?l ?end WHERE { GRAPH ${g} { ?c ${SKOS.inScheme} ${listScheme(deps.uris, 'gemeente')} ; ${SKOS.prefLabel} ?l . OPTIONAL { ?c ${SCHEMA.validThrough} ?end } } }`,
  );
  for (const r of rows) if (r.c && r.l) names.add(r.l.value, r.c.value, r.end?.value);
}

/** Number of concepts of a list valid on `date` (YYYY-MM-DD). */
export async function countValidConcepts(store: TripleStore, uris: UriPolicy, name: ListName, date: string): Promise<number> {
  const d = literal(date, XSD.date);
  const rows = await store.select(sparql`SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ${listGraph(uris, name)} {
    ?c ${SKOS.inScheme} ${listScheme(uris, name)} .
    OPTIONAL { ?c ${SCHEMA.validFrom} ?from } OPTIONAL { ?c ${SCHEMA.validThrough} ?to }
    FILTER ((!BOUND(?from) || ?from <= ${d}) && (!BOUND(?to) || ?to >= ${d}))
  } }`);
  return Number(rows[0]?.n?.value ?? 0);
}
