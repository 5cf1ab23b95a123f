/**
 * The gzd record (recordSchema http://standaarden.overheid.nl/sru/): `originalData` holds the
 * scproduct as delivered (minus dcterms:subject, which the caller has removed), `enrichedData`
 * what the search service derived from it: authority scheme and URI, spatial type(s) and URI(s),
 * and the URIs of the uniform product names.
 */
import { el, type TrustedXml } from './builder.js';
import { SRU_NS } from './namespaces.js';

export interface GzdEnrichedData {
  /** `overheid:Gemeente`, `overheid:Ministerie`... */
  readonly authorityScheme?: string;
  readonly authorityUri?: string;
  /** One entry per dcterms:spatial, in document order. */
  readonly spatial?: readonly { readonly type: string; readonly uri: string }[];
  readonly uniformeProductnaamUri?: readonly string[];
}

export interface GzdRecordInput {
  /** The stored scproduct element (see trustedXml()). */
  readonly originalData: TrustedXml;
  readonly enrichedData?: GzdEnrichedData;
}

export function gzdRecord(input: GzdRecordInput): TrustedXml {
  if (input.originalData.toString().trim() === '') throw new Error('gzd originalData must hold the product element');
  const e = input.enrichedData ?? {};
  const enriched: TrustedXml[] = [];
  if (e.authorityScheme !== undefined) enriched.push(el('gzd:authorityScheme', null, e.authorityScheme));
  if (e.authorityUri !== undefined) enriched.push(el('gzd:authorityUri', null, e.authorityUri));
  for (const s of e.spatial ?? []) enriched.push(el('gzd:spatialType', null, s.type), el('gzd:spatialUri', null, s.uri));
  for (const uri of e.uniformeProductnaamUri ?? []) enriched.push(el('gzd:uniformeProductnaamUri', null, uri));
  return el('gzd:gzd', { 'xmlns:gzd': SRU_NS.gzd },
    el('gzd:originalData', null, input.originalData),
    enriched.length > 0 && el('gzd:enrichedData', null, enriched),
  );
}
