/**
 * The description of the site itself, shown on the home page (in RDFa) and served as RDF at
 * `/?format=ttl` etc.: the site is a catalogue (dcat:Catalog, void:Dataset) of the three
 * registers, each a dcat:Catalog with a home page, and it has a SPARQL endpoint.
 *
 * Stored in the graph {BASE_URL}/graph/site at every start (ensureSiteGraph), so the registers'
 * IRIs (`/id/register/...`) resolve in every deployment.
 */
import type * as RDF from '@rdfjs/types';
import { literal, namedNode, quad } from '../shared/rdf/factory.js';
import { DCAT, DCT, FOAF, RDF_, VOID } from '../shared/rdf/vocab.js';
import type { UriPolicy } from '../shared/uri.js';
import type { TripleStore } from '../shared/store/port.js';
import type { AuditLog } from '../shared/audit/audit-log.js';
import { systemActor } from '../shared/auth/actor.js';
import { sparql } from '../shared/rdf/encode.js';

export interface RegisterEntry {
  iri: RDF.NamedNode;
  title: RDF.Literal;
  description: RDF.Literal;
  /** The register's own pages. */
  homepage: RDF.NamedNode;
  /** Standards the register follows (display only). */
  basis: string;
}

export interface SiteDescription {
  site: RDF.NamedNode;
  types: RDF.NamedNode[];
  title: RDF.Literal;
  description: RDF.Literal;
  registers: RegisterEntry[];
  sparqlEndpoint: RDF.NamedNode;
  registerTypes: RDF.NamedNode[];
}

const nl = (s: string) => literal(s, 'nl');

export function siteDescription(uris: UriPolicy): SiteDescription {
  const page = (path: string) => uris.url(path);
  const register = (id: string, title: string, description: string, basis: string, homepage = `/${id}`): RegisterEntry => ({
    iri: uris.id('register', id),
    title: nl(title),
    description: nl(description),
    homepage: namedNode(page(homepage)),
    basis,
  });
  return {
    site: namedNode(page('/')),
    types: [DCAT.Catalog, VOID.Dataset],
    title: nl('Stelsel'),
    description: nl('Drie overheidsregisters als linked data op één plek: producten en diensten, lokale besluiten en archiefseries.'),
    registers: [
      register(
        'catalogus',
        'Productcatalogus',
        'Producten en diensten van overheidsorganisaties volgens Samenwerkende Catalogi 4.0.',
        'Samenwerkende Catalogi 4.0, CPSV-AP',
        '/catalogi',
      ),
      register(
        'besluiten',
        'Lokale besluiten',
        "Agenda's, besluitenlijsten, notulen en uittreksels van lokale besturen (LBLOD).",
        'LBLOD (besluit, mandaat)',
      ),
      register(
        'series',
        'Serieregister',
        'Series van archiefbescheiden met hun bewaartermijn en bestemming, goedgekeurd door de selectiecommissie.',
        'Serieregister',
      ),
    ],
    registerTypes: [DCAT.Catalog],
    sparqlEndpoint: namedNode(page('/sparql')),
  };
}

/** The same description as triples (the Turtle, JSON-LD, ... representations of the home page). */
export function siteTriples(d: SiteDescription): RDF.Quad[] {
  const out: RDF.Quad[] = [
    ...d.types.map((t) => quad(d.site, RDF_.type, t)),
    quad(d.site, DCT.title, d.title),
    quad(d.site, DCT.description, d.description),
    quad(d.site, VOID.sparqlEndpoint, d.sparqlEndpoint),
  ];
  for (const r of d.registers) {
    out.push(
      quad(d.site, DCAT.catalog, r.iri),
      ...d.registerTypes.map((t) => quad(r.iri, RDF_.type, t)),
      quad(r.iri, DCT.title, r.title),
      quad(r.iri, DCT.description, r.description),
      quad(r.iri, FOAF.homepage, r.homepage),
    );
  }
  return out;
}

const tripleKey = (q: RDF.Quad) => `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}:${'language' in q.object ? q.object.language : ''}`;

/**
 * Makes the site graph hold exactly the site description (run at every start, so the registers'
 * IRIs resolve in every deployment and follow a change of BASE_URL-independent wording).
 * Writes only when the stored description differs. Returns whether it wrote.
 */
export async function ensureSiteGraph(store: TripleStore, audit: AuditLog, uris: UriPolicy): Promise<boolean> {
  const graph = uris.graph('site');
  const wanted = siteTriples(siteDescription(uris));
  const stored = await store.construct(sparql`CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ${graph} { ?s ?p ?o } }`);
  const have = new Set(stored.map(tripleKey));
  if (have.size === wanted.length && wanted.every((q) => have.has(tripleKey(q)))) return false;
  await audit.write({ actor: systemActor(uris), requestId: 'startup' }, { action: 'site.describe', resource: graph, scope: uris.platform }, { replaceGraphs: [{ graph, quads: wanted }] });
  return true;
}
