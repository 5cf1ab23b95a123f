/**
 * The CPSV-AP export: one product, one organisation, or the whole collection (one organisation
 * at a time, so the whole collection streams with the memory of the largest catalogue).
 */
import type * as RDF from '@rdfjs/types';
import type { CoreDeps } from '../../shared/http/context.js';
import { serialize } from '../../shared/rdf/serialize.js';
import { CPSV, CV, DCAT, DCT, EU_COUNTRY, EU_LANGUAGE, FOAF, OWMS, RDF_, SKOS, XSD } from '../../shared/rdf/vocab.js';
import { contextUrl, frameServices } from './jsonld.js';
import { CpsvMapper } from './mapping.js';
import { CpsvRepository } from './repository.js';

export type CpsvFormat = 'ttl' | 'jsonld';

/** Turtle prefixes of the export. */
export const CPSV_PREFIXES: Record<string, string> = {
  rdf: RDF_.iri, xsd: XSD.iri, cpsv: CPSV.iri, cv: CV.iri, dct: DCT.iri, skos: SKOS.iri, foaf: FOAF.iri, dcat: DCAT.iri,
  owms: OWMS.iri, eulang: EU_LANGUAGE.iri, eucountry: EU_COUNTRY.iri,
};

export class CpsvExportService {
  private readonly repo: CpsvRepository;

  constructor(private readonly deps: Pick<CoreDeps, 'store' | 'uris'>) {
    this.repo = new CpsvRepository(deps);
  }

  /** The organisation's services (all, or the one product `key`); null when the organisation or product is unknown. */
  async organisation(slug: string, key?: string): Promise<RDF.Quad[] | null> {
    const org = await this.repo.organisation(slug);
    if (!org) return null;
    const services = await this.repo.services(slug, key);
    if (key !== undefined && services.length === 0) return null;
    const concepts = await this.repo.concepts(services.flatMap((s) => [...s.spatial, ...s.upl]).concat(org.areas));
    const mapper = new CpsvMapper(concepts);
    mapper.organisation(org);
    for (const s of services) mapper.service(s, org);
    return mapper.quads();
  }

  /** The whole collection, one organisation's quads at a time (organisations sorted by slug). */
  async *collection(): AsyncGenerator<RDF.Quad[]> {
    for (const slug of await this.repo.organisationsWithProducts()) {
      const quads = await this.organisation(slug);
      if (quads && quads.length > 0) yield quads;
    }
  }

  /** One self-contained document. */
  async write(quads: readonly RDF.Quad[], format: CpsvFormat): Promise<string> {
    if (format === 'ttl') return serialize(quads, 'ttl', { prefixes: CPSV_PREFIXES });
    return `${JSON.stringify(await frameServices(quads, this.deps.uris), null, 2)}\n`;
  }

  /**
   * The whole collection as text chunks. Turtle: one complete document per organisation (repeating
   * the prefix declarations is allowed, so the concatenation is one Turtle document). JSON-LD: one
   * framed `@graph` whose members are written organisation by organisation.
   */
  async *writeCollection(format: CpsvFormat): AsyncGenerator<string> {
    if (format === 'ttl') {
      let any = false;
      for await (const quads of this.collection()) {
        any = true;
        yield await this.write(quads, 'ttl');
      }
      if (!any) yield await this.write([], 'ttl');
      return;
    }
    let first = true;
    yield `{\n  "@context": ${JSON.stringify(contextUrl(this.deps.uris))},\n  "@graph": [`;
    for await (const quads of this.collection()) {
      for (const node of (await frameServices(quads, this.deps.uris))['@graph']) {
        yield `${first ? '' : ','}\n    ${JSON.stringify(node)}`;
        first = false;
      }
    }
    yield '\n  ]\n}\n';
  }
}
