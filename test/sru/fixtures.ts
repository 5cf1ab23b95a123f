/**
 * A small product collection for the SRU tests: SC 4.0 XML written from a few fields, parsed with
 * the real reader and stored through the catalogue repository (so the search index is written by
 * the same hook as on import).
 */
import { CatalogueRepository } from '../../src/catalog/repository.js';
import { parseScCatalogue } from '../../src/catalog/sc-xml/index.js';
import { productGraph, productQuads } from '../../src/catalog/index.js';
import { systemActor } from '../../src/shared/auth/actor.js';
import type { AuditLog } from '../../src/shared/audit/audit-log.js';
import type { TripleStore } from '../../src/shared/store/port.js';
import type { UriPolicy } from '../../src/shared/uri.js';

const OWMS = 'http://standaarden.overheid.nl/owms/terms/';

export type Ref = [scheme: string, uri: string, label: string];
export const TILBURG: Ref = ['overheid:Gemeente', `${OWMS}Tilburg_(gemeente)`, 'Tilburg'];
export const AALSMEER: Ref = ['overheid:Gemeente', `${OWMS}Aalsmeer_(gemeente)`, 'Aalsmeer'];
export const NOORD_BRABANT: Ref = ['overheid:Provincie', `${OWMS}Noord-Brabant`, 'Noord-Brabant'];
export const NOORD_HOLLAND: Ref = ['overheid:Provincie', `${OWMS}Noord-Holland`, 'Noord-Holland'];
export const DOMMEL: Ref = ['overheid:Waterschap', `${OWMS}Waterschap_De_Dommel`, 'Waterschap De Dommel'];
export const RIJNLAND: Ref = ['overheid:Waterschap', `${OWMS}Hoogheemraadschap_van_Rijnland`, 'Hoogheemraadschap van Rijnland'];
export const BZK: Ref = ['overheid:Ministerie', `${OWMS}Ministerie_van_Binnenlandse_Zaken_en_Koninkrijksrelaties`, 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties'];
export const GGD_HVB: Ref = ['overheid:GGD', `${OWMS}GGD_Hart_voor_Brabant`, 'GGD Hart voor Brabant'];
export const GGD_AMS: Ref = ['overheid:GGD', `${OWMS}GGD_Amsterdam`, 'GGD Amsterdam'];

export interface Fx {
  id: string;
  title: string;
  abstract: string;
  authority: Ref;
  modified: string;
  audience?: string[];
  online?: 'ja' | 'nee' | 'digid';
  subject?: string[];
  html?: string;
  upl?: [uri: string, label: string][];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function scProduct(p: Fx): string {
  const [scheme, uri, label] = p.authority;
  const online = p.online ?? 'nee';
  return `
  <overheidproduct:scproduct owms-version="4.0">
    <overheidproduct:meta>
      <overheidproduct:owmskern>
        <dcterms:identifier>https://example.org/${esc(p.id)}</dcterms:identifier>
        <dcterms:title>${esc(p.title)}</dcterms:title>
        <dcterms:language>nl</dcterms:language>
        <dcterms:type scheme="overheid:Informatietype">productbeschrijving</dcterms:type>
        <dcterms:modified>${p.modified}</dcterms:modified>
        <dcterms:spatial scheme="${scheme === 'overheid:Ministerie' || scheme === 'overheid:GGD' ? 'overheid:Koninkrijksdeel' : scheme}" resourceIdentifier="${esc(uri)}">${esc(label)}</dcterms:spatial>
        <overheid:authority scheme="${scheme}" resourceIdentifier="${esc(uri)}">${esc(label)}</overheid:authority>
      </overheidproduct:owmskern>
      <overheidproduct:owmsmantel>
${(p.audience ?? ['particulier']).map((a) => `        <dcterms:audience scheme="overheid:Doelgroep">${a}</dcterms:audience>`).join('\n')}
${(p.subject ?? []).map((s) => `        <dcterms:subject>${esc(s)}</dcterms:subject>`).join('\n')}
        <dcterms:abstract>${esc(p.abstract)}</dcterms:abstract>
      </overheidproduct:owmsmantel>
      <overheidproduct:scmeta>
        <overheidproduct:productID>${esc(p.id)}</overheidproduct:productID>
        <overheidproduct:onlineAanvragen>${online}</overheidproduct:onlineAanvragen>
${online === 'nee' ? '' : `        <overheidproduct:aanvraagURL resourceIdentifier="https://example.org/aanvragen/${esc(p.id)}"/>`}
${(p.upl ?? []).map(([u, l]) => `        <overheidproduct:uniformeProductnaam scheme="overheid:UniformeProductnaam" resourceIdentifier="${esc(u)}">${esc(l)}</overheidproduct:uniformeProductnaam>`).join('\n')}
      </overheidproduct:scmeta>
    </overheidproduct:meta>
    ${p.html ? `<overheidproduct:body><overheidproduct:productHTML>${p.html}</overheidproduct:productHTML></overheidproduct:body>` : '<overheidproduct:body/>'}
  </overheidproduct:scproduct>`;
}

export function scCatalogue(products: readonly Fx[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<overheidproduct:scproducten xmlns:overheidproduct="http://standaarden.overheid.nl/product/terms/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:overheid="http://standaarden.overheid.nl/owms/terms/">${products.map(scProduct).join('')}
</overheidproduct:scproducten>
`;
}

/** A date `days` before today (UTC), YYYY-MM-DD. */
export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const XHTML = 'xmlns="http://www.w3.org/1999/xhtml"';

/** The collection: org slug -> products. */
export function collection(): Record<string, Fx[]> {
  return {
    'gemeente-tilburg': [
      { id: 'T1', title: 'Paspoort aanvragen', abstract: 'Vraag een nieuw paspoort aan bij de gemeente.', authority: TILBURG, modified: '2024-03-18', online: 'digid', subject: ['reisdocument', 'geheim trefwoord'], html: `<p ${XHTML}>Een paspoort is <strong>tien jaar</strong> geldig.</p>`, upl: [[`${OWMS}paspoort`, 'paspoort']] },
      { id: 'T2', title: 'Parkeervergunning voor bewoners', abstract: 'Parkeren in de binnenstad met een vergunning.', authority: TILBURG, modified: '2023-11-01', audience: ['particulier', 'ondernemer'], online: 'ja' },
      { id: 'T3', title: 'Hondenbelasting', abstract: 'Betaal belasting voor uw hond.', authority: TILBURG, modified: '2024-01-15', subject: ['belasting', 'paspoort van de hond'] },
      { id: 'T4', title: 'Evenementenvergunning aanvragen', abstract: 'Een evenement organiseren in Tilburg? Vraag een vergunning aan.', authority: TILBURG, modified: daysAgo(2), audience: ['ondernemer'] },
      { id: 'T5', title: 'Café-terras vergunning', abstract: 'Terras bij uw café of restaurant.', authority: TILBURG, modified: daysAgo(40), audience: ['ondernemer'], online: 'ja' },
    ],
    'gemeente-aalsmeer': [
      { id: 'A1', title: 'Paspoort aanvragen', abstract: 'Uw paspoort bij de gemeente Aalsmeer.', authority: AALSMEER, modified: '2022-06-30', online: 'digid', upl: [[`${OWMS}paspoort`, 'paspoort']] },
      { id: 'A2', title: 'Afvalcontainer aanvragen', abstract: 'Een extra container voor afval.', authority: AALSMEER, modified: '2024-05-02' },
    ],
    'provincie-noord-brabant': [{ id: 'P1', title: 'Ontheffing provinciale wegen', abstract: 'Ontheffing voor zwaar transport.', authority: NOORD_BRABANT, modified: '2021-02-03', audience: ['ondernemer'] }],
    'provincie-noord-holland': [{ id: 'P2', title: 'Vaarvergunning', abstract: 'Varen op provinciaal water in Noord-Holland.', authority: NOORD_HOLLAND, modified: '2021-05-06' }],
    'waterschap-de-dommel': [{ id: 'W1', title: 'Watervergunning', abstract: 'Vergunning voor werken bij het water.', authority: DOMMEL, modified: '2020-01-01', audience: ['ondernemer'] }],
    'hh-rijnland': [{ id: 'W2', title: 'Lozingsmelding', abstract: 'Melding van een lozing op oppervlaktewater.', authority: RIJNLAND, modified: '2020-07-01', audience: ['ondernemer'] }],
    'ministerie-bzk': [{ id: 'M1', title: 'Nederlandse identiteitskaart', abstract: 'Informatie over de identiteitskaart en het paspoort.', authority: BZK, modified: '2019-09-09' }],
    'ggd-hvb': [{ id: 'G1', title: 'Reizigersvaccinatie', abstract: 'Vaccinaties voor verre reizen.', authority: GGD_HVB, modified: '2023-03-03' }],
    'ggd-amsterdam': [{ id: 'G2', title: 'Tuberculose-onderzoek', abstract: 'Onderzoek naar tbc.', authority: GGD_AMS, modified: '2023-04-04' }],
  };
}

export interface StoreDeps {
  store: TripleStore;
  uris: UriPolicy;
  audit: AuditLog;
}

/** Stores (replaces) the products of one organisation through the catalogue repository. */
export async function storeProducts(deps: StoreDeps, slug: string, products: readonly Fx[]): Promise<void> {
  const parsed = products.length ? await parseScCatalogue(new TextEncoder().encode(scCatalogue(products)), { maxBytes: 10_000_000 }) : { ok: true, errors: [], products: [] };
  if (!parsed.ok) throw new Error(`fixture does not parse: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const org = { iri: deps.uris.id('organisatie', slug), slug };
  const repo = new CatalogueRepository({ ...deps });
  const replacements = parsed.products.map((p) => ({
    graph: productGraph(deps.uris, slug, p.productID!),
    quads: productQuads(deps.uris, slug, org.iri, { ...p, productID: p.productID! }),
  }));
  await repo.replaceProducts({ actor: systemActor(deps.uris), requestId: `fixture-${slug}` }, org, replacements);
}

export async function storeCollection(deps: StoreDeps): Promise<void> {
  for (const [slug, products] of Object.entries(collection())) await storeProducts(deps, slug, products);
}
