/**
 * Deterministic generator of SC 4.0 catalogues at national scale: one catalogue per organisation
 * (every current gemeente, provincie and waterschap of the loaded value lists), with products of
 * realistic size (title, abstract, productHTML of a few paragraphs and a list, 1-2 UPL names that
 * the UPL offers for that kind of organisation, audiences from the UPL's Burger/Bedrijf columns,
 * online ja / digid / nee with an aanvraagURL when online). A seeded PRNG makes every run produce
 * the same bytes.
 *
 * `nationalInputs` reads the organisations and the UPL from a store in which the value lists were
 * loaded (src/catalog/valuelists), so the generated catalogues use exactly the IRIs and labels the
 * validator checks against.
 */
import type { TripleStore } from '../src/shared/store/port.js';
import type { UriPolicy } from '../src/shared/uri.js';
import { sparql } from '../src/shared/rdf/encode.js';
import { literal } from '../src/shared/rdf/factory.js';
import { SCHEMA, SKOS, STELSEL, XSD } from '../src/shared/rdf/vocab.js';
import { listGraph, listScheme, UPL_NOT_YET_AVAILABLE, type ListName } from '../src/catalog/valuelists/index.js';

export type OrganisationKind = 'Gemeente' | 'Provincie' | 'Waterschap';

export interface GenOrganisation {
  kind: OrganisationKind;
  /** OWMS IRI (the concept IRI of the value list). */
  iri: string;
  label: string;
}

export interface GenUpl {
  iri: string;
  label: string;
  layers: readonly string[];
  particulier: boolean;
  ondernemer: boolean;
}

export interface GeneratedCatalogue {
  organisation: GenOrganisation;
  /** Lower-case slug, unique among the generated organisations (e.g. `gemeente-aalsmeer`). */
  slug: string;
  products: number;
  xml: string;
}

export interface GenerateOptions {
  organisations: readonly GenOrganisation[];
  upl: readonly GenUpl[];
  /** About this many products in total (the exact number is the sum of the catalogues'). */
  totalProducts: number;
  seed?: number;
  /** Latest dcterms:modified (YYYY-MM-DD); default 2025-06-30. */
  today?: string;
}

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function slugOf(o: GenOrganisation): string {
  const base = o.label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${o.kind.toLowerCase()}-${base || 'onbekend'}`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Relative catalogue size per kind of organisation (a gemeente offers the most products). */
const WEIGHT: Record<OrganisationKind, number> = { Gemeente: 1, Provincie: 0.45, Waterschap: 0.25 };

const TITLE_FORMS = ['{u} aanvragen', '{u}', '{u}: informatie en aanvraag', 'Aanvraag {u}', '{u} regelen'];
const SENTENCES = [
  'U regelt dit bij {o}.',
  'Vraag het aan via het digitale loket of maak een afspraak.',
  'De behandeltermijn is meestal acht weken; soms kan die één keer worden verlengd.',
  'Aan de aanvraag zijn kosten verbonden; die staan in de legesverordening.',
  'Neem een geldig identiteitsbewijs mee als u aan de balie komt.',
  'U krijgt binnen twee weken een ontvangstbevestiging.',
  'Bent u het niet eens met het besluit? Dan kunt u binnen zes weken bezwaar maken.',
  'Voor ondernemers gelden soms aanvullende voorwaarden.',
  'Wij controleren uw gegevens in de Basisregistratie Personen.',
  'Hebt u hulp nodig bij het invullen? Bel het algemene nummer van {o}.',
];
const STEPS = ['Vul het aanvraagformulier in', 'Voeg de gevraagde bewijsstukken toe', 'Betaal de leges', 'Wacht op het besluit', 'Haal het document op of ontvang het per post'];

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

function sentences(rnd: () => number, n: number, org: string): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pick(rnd, SENTENCES).replace('{o}', org));
  return out.join(' ');
}

function productHtml(rnd: () => number, upl: string, org: string): string {
  const x = 'xmlns="http://www.w3.org/1999/xhtml"';
  const steps = STEPS.slice(0, 3 + Math.floor(rnd() * 3)).map((s) => `<li>${esc(s)}</li>`).join('');
  return (
    `<h2 ${x}>Wat is het?</h2><p ${x}>${esc(sentences(rnd, 3 + Math.floor(rnd() * 4), org))}</p>` +
    `<h2 ${x}>Hoe werkt het?</h2><ol ${x}>${steps}</ol>` +
    `<h2 ${x}>Wat moet ik weten?</h2><p ${x}>${esc(`Meer over ${upl}: `)}${esc(sentences(rnd, 2 + Math.floor(rnd() * 4), org))}</p>` +
    `<h2 ${x}>Kosten</h2><p ${x}>${esc(`De kosten zijn € ${(10 + Math.floor(rnd() * 190)).toString()},${rnd() < 0.5 ? '00' : '50'}.`)}</p>`
  );
}

function dateBefore(rnd: () => number, today: string): string {
  const end = Date.parse(`${today}T00:00:00Z`);
  return new Date(end - Math.floor(rnd() * 3 * 365) * 86_400_000).toISOString().slice(0, 10);
}

function product(rnd: () => number, o: GenOrganisation, host: string, n: number, upls: readonly GenUpl[], today: string, notYet: GenUpl | undefined): string {
  const id = `P${String(n).padStart(5, '0')}`;
  const useNotYet = notYet && rnd() < 0.03;
  const first = useNotYet ? notYet : pick(rnd, upls);
  const names = [first];
  if (!useNotYet && rnd() < 0.3) {
    const second = pick(rnd, upls);
    if (second.iri !== first.iri) names.push(second);
  }
  const audience: string[] = [];
  if (first.particulier || !first.ondernemer) audience.push('particulier');
  if (first.ondernemer || (audience.length && rnd() < 0.15)) audience.push('ondernemer');
  const r = rnd();
  const online = r < 0.35 ? 'digid' : r < 0.6 ? 'ja' : 'nee';
  const subject = useNotYet ? `${o.label} dienst ${n}` : first.label;
  const title = pick(rnd, TITLE_FORMS).replace('{u}', cap(subject));
  const org = `${o.kind === 'Gemeente' ? 'de gemeente' : o.kind === 'Provincie' ? 'de provincie' : 'het waterschap'} ${o.label}`;
  const abstract = `${cap(subject)} bij ${org}. ${sentences(rnd, 2 + Math.floor(rnd() * 2), org)}`;
  const ref = `scheme="overheid:${o.kind}" resourceIdentifier="${esc(o.iri)}">${esc(o.label)}`;
  const lines = [
    '  <overheidproduct:scproduct owms-version="4.0">',
    '    <overheidproduct:meta>',
    '      <overheidproduct:owmskern>',
    `        <dcterms:identifier>https://${host}/producten/${id.toLowerCase()}</dcterms:identifier>`,
    `        <dcterms:title>${esc(title)}</dcterms:title>`,
    '        <dcterms:language>nl</dcterms:language>',
    '        <dcterms:type scheme="overheid:Informatietype">productbeschrijving</dcterms:type>',
    `        <dcterms:modified>${dateBefore(rnd, today)}</dcterms:modified>`,
    `        <dcterms:spatial ${ref}</dcterms:spatial>`,
    `        <overheid:authority ${ref}</overheid:authority>`,
    '      </overheidproduct:owmskern>',
    '      <overheidproduct:owmsmantel>',
    ...audience.map((a) => `        <dcterms:audience scheme="overheid:Doelgroep">${a}</dcterms:audience>`),
    ...(rnd() < 0.5 ? [`        <dcterms:subject>${esc(subject)}</dcterms:subject>`] : []),
    `        <dcterms:abstract>${esc(abstract)}</dcterms:abstract>`,
    '      </overheidproduct:owmsmantel>',
    '      <overheidproduct:scmeta>',
    `        <overheidproduct:productID>${id}</overheidproduct:productID>`,
    `        <overheidproduct:onlineAanvragen>${online}</overheidproduct:onlineAanvragen>`,
    ...(online === 'nee' ? [] : [`        <overheidproduct:aanvraagURL resourceIdentifier="https://${host}/aanvragen/${id.toLowerCase()}"/>`]),
    ...names.map((u) => `        <overheidproduct:uniformeProductnaam scheme="overheid:UniformeProductnaam" resourceIdentifier="${esc(u.iri)}">${esc(u.label)}</overheidproduct:uniformeProductnaam>`),
    '      </overheidproduct:scmeta>',
    '    </overheidproduct:meta>',
    `    <overheidproduct:body><overheidproduct:productHTML>${productHtml(rnd, subject, org)}</overheidproduct:productHTML></overheidproduct:body>`,
    '  </overheidproduct:scproduct>',
  ];
  return lines.join('\n');
}

/** One catalogue per organisation, about `totalProducts` products in all. */
export function generateCatalogues(opts: GenerateOptions): GeneratedCatalogue[] {
  const rnd = prng(opts.seed ?? 20260401);
  const today = opts.today ?? '2025-06-30';
  const notYet = opts.upl.find((u) => u.label === UPL_NOT_YET_AVAILABLE);
  const byLayer = new Map<string, GenUpl[]>();
  for (const u of opts.upl) {
    if (u === notYet) continue;
    for (const l of u.layers) (byLayer.get(l) ?? byLayer.set(l, []).get(l)!).push(u);
  }
  const weights = opts.organisations.map((o) => WEIGHT[o.kind] * (0.5 + rnd()));
  const scale = opts.totalProducts / weights.reduce((a, b) => a + b, 0);
  const slugs = new Set<string>();
  return opts.organisations.map((o, i) => {
    let slug = slugOf(o);
    for (let k = 2; slugs.has(slug); k++) slug = `${slugOf(o)}-${k}`;
    slugs.add(slug);
    const upls = byLayer.get(o.kind) ?? opts.upl.filter((u) => u !== notYet);
    if (!upls.length) throw new Error('the UPL list is empty');
    const n = Math.max(1, Math.round(weights[i]! * scale));
    const host = `www.${slug}.example.nl`;
    const products: string[] = [];
    for (let p = 1; p <= n; p++) products.push(product(rnd, o, host, p, upls, today, notYet));
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<overheidproduct:scproducten xmlns:overheidproduct="http://standaarden.overheid.nl/product/terms/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:overheid="http://standaarden.overheid.nl/owms/terms/">\n' +
      products.join('\n') +
      '\n</overheidproduct:scproducten>\n';
    return { organisation: o, slug, products: n, xml };
  });
}

const KINDS: [ListName, OrganisationKind][] = [['gemeente', 'Gemeente'], ['provincie', 'Provincie'], ['waterschap', 'Waterschap']];

/** The organisations valid on `date` and the UPL, from a store holding the loaded value lists. */
export async function nationalInputs(store: TripleStore, uris: UriPolicy, date: string): Promise<{ organisations: GenOrganisation[]; upl: GenUpl[] }> {
  const d = literal(date, XSD.date);
  const organisations: GenOrganisation[] = [];
  for (const [list, kind] of KINDS) {
    const rows = await store.select(sparql`SELECT ?c (SAMPLE(?l) AS ?label) WHERE { GRAPH ${listGraph(uris, list)} {
      ?c ${SKOS.inScheme} ${listScheme(uris, list)} ; ${SKOS.prefLabel} ?l .
      OPTIONAL { ?c ${SCHEMA.validFrom} ?from } OPTIONAL { ?c ${SCHEMA.validThrough} ?to }
      FILTER ((!BOUND(?from) || ?from <= ${d}) && (!BOUND(?to) || ?to >= ${d}))
    } } GROUP BY ?c ORDER BY ?c`);
    for (const r of rows) if (r.c?.termType === 'NamedNode' && r.label) organisations.push({ kind, iri: r.c.value, label: r.label.value });
  }
  const rows = await store.select(sparql`SELECT ?c ?label ?layer ?part ?ond WHERE { GRAPH ${listGraph(uris, 'upl')} {
      ?c ${SKOS.inScheme} ${listScheme(uris, 'upl')} ; ${SKOS.prefLabel} ?label .
      OPTIONAL { ?c ${STELSEL.bestuurslaag} ?layer } OPTIONAL { ?c ${STELSEL.particulier} ?part } OPTIONAL { ?c ${STELSEL.ondernemer} ?ond }
    } } ORDER BY ?c ?layer`);
  const upl = new Map<string, GenUpl & { layers: string[] }>();
  for (const r of rows) {
    if (!r.c || !r.label) continue;
    const u = upl.get(r.c.value) ?? { iri: r.c.value, label: r.label.value, layers: [], particulier: r.part?.value === 'true', ondernemer: r.ond?.value === 'true' };
    if (r.layer && !u.layers.includes(r.layer.value)) u.layers.push(r.layer.value);
    upl.set(r.c.value, u);
  }
  return { organisations, upl: [...upl.values()] };
}
