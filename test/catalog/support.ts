/** SC catalogues for the import tests, written from a few fields (values from the demo value lists). */
import path from 'node:path';
import { loadValueLists } from '../../src/catalog/valuelists/index.js';
import type { makeTestApp } from '../support/app.js';
import { DEMO_DIR } from './valuelists/helpers.js';

export const OWMS = 'http://standaarden.overheid.nl/owms/terms/';

export interface P {
  id: string;
  identifier?: string;
  title?: string;
  modified?: string;
  spatial?: [scheme: string, uri: string, label: string];
  authority?: [scheme: string, uri: string, label: string];
  audience?: string[];
  online?: 'ja' | 'nee' | 'digid';
  aanvraagURL?: string | null;
  upl?: [uri: string, label: string][];
}

export const AALSMEER: [string, string, string] = ['overheid:Gemeente', `${OWMS}Aalsmeer_(gemeente)`, 'Aalsmeer'];
export const TILBURG: [string, string, string] = ['overheid:Gemeente', `${OWMS}Tilburg_(gemeente)`, 'Tilburg'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function product(p: P, site: string): string {
  const spatial = p.spatial ?? p.authority ?? AALSMEER;
  const authority = p.authority ?? AALSMEER;
  const online = p.online ?? 'nee';
  const url = p.aanvraagURL === undefined ? (online === 'nee' ? null : `https://www.${site}.nl/aanvragen/${p.id}`) : p.aanvraagURL;
  return `
  <overheidproduct:scproduct owms-version="4.0">
    <overheidproduct:meta>
      <overheidproduct:owmskern>
        <dcterms:identifier>${esc(p.identifier ?? `https://www.${site}.nl/producten/${p.id}`)}</dcterms:identifier>
        <dcterms:title>${esc(p.title ?? `Product ${p.id}`)}</dcterms:title>
        <dcterms:language>nl</dcterms:language>
        <dcterms:type scheme="overheid:Informatietype">productbeschrijving</dcterms:type>
        <dcterms:modified>${p.modified ?? '2024-03-18'}</dcterms:modified>
        <dcterms:spatial scheme="${spatial[0]}" resourceIdentifier="${esc(spatial[1])}">${esc(spatial[2])}</dcterms:spatial>
        <overheid:authority scheme="${authority[0]}" resourceIdentifier="${esc(authority[1])}">${esc(authority[2])}</overheid:authority>
      </overheidproduct:owmskern>
      <overheidproduct:owmsmantel>
${(p.audience ?? ['particulier']).map((a) => `        <dcterms:audience scheme="overheid:Doelgroep">${a}</dcterms:audience>`).join('\n')}
        <dcterms:abstract>Over ${esc(p.id)}.</dcterms:abstract>
      </overheidproduct:owmsmantel>
      <overheidproduct:scmeta>
        <overheidproduct:productID>${esc(p.id)}</overheidproduct:productID>
        <overheidproduct:onlineAanvragen>${online}</overheidproduct:onlineAanvragen>
${url ? `        <overheidproduct:aanvraagURL resourceIdentifier="${esc(url)}"/>` : ''}
${(p.upl ?? []).map(([u, l]) => `        <overheidproduct:uniformeProductnaam scheme="overheid:UniformeProductnaam" resourceIdentifier="${esc(u)}">${esc(l)}</overheidproduct:uniformeProductnaam>`).join('\n')}
      </overheidproduct:scmeta>
    </overheidproduct:meta>
    <overheidproduct:body/>
  </overheidproduct:scproduct>`;
}

export function catalogue(products: P[], site = 'aalsmeer'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<overheidproduct:scproducten xmlns:overheidproduct="http://standaarden.overheid.nl/product/terms/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:overheid="http://standaarden.overheid.nl/owms/terms/">${products.map((p) => product(p, site)).join('')}
</overheidproduct:scproducten>
`;
}

export async function loadDemoValueLists(t: Awaited<ReturnType<typeof makeTestApp>>): Promise<void> {
  await loadValueLists({ dir: path.resolve(DEMO_DIR) }, { store: t.store, uris: t.uris, audit: t.audit });
}
