/**
 * Store access for the SC publication: whether an organisation exists, and the stored scproduct
 * fragments of its products in a stable order (by productID, then graph).
 */
import type { CoreDeps } from '../../shared/http/context.js';
import { sparql } from '../../shared/rdf/encode.js';
import { literal } from '../../shared/rdf/factory.js';
import { ORG, OVERHEIDPRODUCT, STELSEL } from '../../shared/rdf/vocab.js';
import { organisationProductGraphPrefix } from '../model.js';

export const ORG_SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

export interface StoredFragment {
  productID: string;
  xml: string;
}

export class PublicationRepository {
  constructor(private readonly deps: Pick<CoreDeps, 'store' | 'uris'>) {}

  async organisationExists(slug: string): Promise<boolean> {
    if (!ORG_SLUG.test(slug)) return false;
    return this.deps.store.ask(sparql`
      ASK { GRAPH ${this.deps.uris.graph('organisatie', slug)} { ${this.deps.uris.id('organisatie', slug)} a ${ORG.Organization} } }`);
  }

  /** The organisation's stored scproduct fragments, ordered by productID. */
  async fragments(slug: string): Promise<StoredFragment[]> {
    const rows = await this.deps.store.select(sparql`
      SELECT ?g ?pid ?xml WHERE {
        GRAPH ?g { ?p a ${STELSEL.Product} ; ${STELSEL.sourceXml} ?xml ; ${OVERHEIDPRODUCT.productID} ?pid }
        FILTER(STRSTARTS(STR(?g), ${literal(organisationProductGraphPrefix(this.deps.uris, slug))}))
      } ORDER BY STR(?pid) STR(?g)`);
    return rows.flatMap((r) => (r.pid && r.xml ? [{ productID: r.pid.value, xml: r.xml.value }] : []));
  }
}
