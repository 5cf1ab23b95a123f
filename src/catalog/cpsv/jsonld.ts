/**
 * Framed JSON-LD for the CPSV-AP export: each cpsv:PublicService a top-level node with its
 * competent authority, channel, locations and concepts embedded (once). The context is our own,
 * served at /export/cpsv-ap/context.jsonld and resolved by a local document loader: jsonld never
 * touches the network, neither here nor for a client that reuses `cpsvDocumentLoader`.
 */
import jsonld from 'jsonld';
import type * as RDF from '@rdfjs/types';
import { AppError } from '../../shared/errors.js';
import { CPSV, CV, DCAT, DCT, FOAF, OWMS, RDF_, SKOS, XSD } from '../../shared/rdf/vocab.js';
import type { UriPolicy } from '../../shared/uri.js';

export const CONTEXT_PATH = '/export/cpsv-ap/context.jsonld';

const id = (iri: string) => ({ '@id': iri, '@type': '@id' });

/** The JSON-LD context document (terms for every class and property the export uses). */
export function cpsvContext(): { '@context': Record<string, unknown> } {
  return {
    '@context': {
      cpsv: CPSV.iri, cv: CV.iri, dct: DCT.iri, skos: SKOS.iri, foaf: FOAF.iri, dcat: DCAT.iri, xsd: XSD.iri, owms: OWMS.iri,
      PublicService: CPSV.PublicService.value,
      PublicOrganisation: CV.PublicOrganisation.value,
      Channel: CV.Channel.value,
      Location: DCT.Location.value,
      LinguisticSystem: DCT.LinguisticSystem.value,
      Concept: SKOS.Concept.value,
      Document: FOAF.Document.value,
      identifier: DCT.identifier.value,
      title: DCT.title.value,
      description: DCT.description.value,
      modified: DCT.modified.value,
      keyword: DCAT.keyword.value,
      prefLabel: SKOS.prefLabel.value,
      notation: SKOS.notation.value,
      hasCompetentAuthority: id(CV.hasCompetentAuthority.value),
      hasChannel: id(CV.hasChannel.value),
      spatial: id(DCT.spatial.value),
      language: id(DCT.language.value),
      page: id(FOAF.page.value),
      thematicArea: id(CV.thematicArea.value),
      isClassifiedBy: id(CV.isClassifiedBy.value),
    },
  };
}

export function contextUrl(uris: UriPolicy): string {
  return uris.url(CONTEXT_PATH);
}

/** A document loader that knows only our context; anything else is refused (no network). */
export function cpsvDocumentLoader(uris: UriPolicy): (url: string) => Promise<{ contextUrl: undefined; documentUrl: string; document: object }> {
  const ours = contextUrl(uris);
  const doc = cpsvContext();
  return async (url: string) => {
    if (url === ours) return { contextUrl: undefined, documentUrl: url, document: doc };
    throw new AppError('bad_request', `Remote JSON-LD documents are not loaded (${url.slice(0, 200)})`);
  };
}

/** The quads as framed JSON-LD: `{ "@context": <url>, "@graph": [services...] }`. */
export async function frameServices(quads: readonly RDF.Quad[], uris: UriPolicy): Promise<{ '@context': string; '@graph': object[] }> {
  const expanded = toExpanded(quads);
  const frame = { '@context': contextUrl(uris), '@type': 'PublicService' };
  const options = { documentLoader: cpsvDocumentLoader(uris), embed: '@once', omitGraph: false, processingMode: 'json-ld-1.1' };
  const framed = (await jsonld.frame(expanded as never, frame as never, options as never)) as unknown as { '@graph'?: object[] };
  return { '@context': contextUrl(uris), '@graph': framed['@graph'] ?? [] };
}

type ExpandedValue = { '@id': string } | { '@value': string; '@language'?: string; '@type'?: string };

/**
 * Expanded JSON-LD of a graph without blank nodes (what jsonld.fromRDF gives, without writing and
 * re-parsing N-Quads): one node object per subject, rdf:type as @type.
 */
export function toExpanded(quads: readonly RDF.Quad[]): object[] {
  const nodes = new Map<string, Record<string, unknown> & { '@type': string[] }>();
  const seen = new Set<string>();
  for (const q of quads) {
    const s = q.subject.value;
    let node = nodes.get(s);
    if (!node) nodes.set(s, (node = { '@id': s, '@type': [] }));
    const o = q.object;
    const key = `${s}\u0000${q.predicate.value}\u0000${o.termType}\u0000${o.value}\u0000${o.termType === 'Literal' ? `${o.language}\u0000${o.datatype.value}` : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (q.predicate.equals(RDF_.type) && o.termType === 'NamedNode') {
      node['@type'].push(o.value);
      continue;
    }
    let value: ExpandedValue;
    if (o.termType === 'Literal') {
      value = o.language ? { '@value': o.value, '@language': o.language }
        : o.datatype.equals(XSD.string) ? { '@value': o.value } : { '@value': o.value, '@type': o.datatype.value };
    } else {
      value = { '@id': o.value };
    }
    const list = (node[q.predicate.value] as ExpandedValue[] | undefined) ?? [];
    list.push(value);
    node[q.predicate.value] = list;
  }
  return [...nodes.values()].map((n) => (n['@type'].length === 0 ? Object.fromEntries(Object.entries(n).filter(([k]) => k !== '@type')) : n));
}
