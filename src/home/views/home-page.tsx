/** @jsxImportSource hono/jsx */
/**
 * The home page: the site as a catalogue of its registers, in RDFa (the same triples as the
 * home page's Turtle at /?format=ttl), plus links to search, SPARQL and the API documentation.
 */
import type { RdfFormat } from '../../shared/http/conneg.js';
import { Layout } from '../../shared/render/layout.js';
import { Prop, Rel, Resource, prefixAttribute } from '../../shared/render/rdfa.js';
import { DCAT, DCT, FOAF, VOID } from '../../shared/rdf/vocab.js';
import type { SiteDescription } from '../site.js';

const FORMAT_NAMES: [RdfFormat, string][] = [
  ['ttl', 'Turtle'],
  ['jsonld', 'JSON-LD'],
  ['nt', 'N-Triples'],
  ['rdf', 'RDF/XML'],
];

export function HomePage({ site, paths }: { site: SiteDescription; paths: Record<RdfFormat, string> }) {
  return (
    <Layout title="Home" prefix={prefixAttribute()}>
      <Resource as="div" about={site.site} typeof={site.types} class="home">
        <header class="hero">
          <h1>
            <Prop p={DCT.title} o={site.title} />
          </h1>
          <p class="lead">
            <Prop p={DCT.description} o={site.description} />
          </p>
        </header>

        <section aria-labelledby="registers-title">
          <h2 id="registers-title">Registers</h2>
          <ul class="cards">
            {site.registers.map((r) => (
              <Rel as="li" p={DCAT.catalog} o={r.iri} typeof={site.registerTypes} class="card">
                <h3>
                  <Prop p={FOAF.homepage} o={r.homepage}>
                    <Prop p={DCT.title} o={r.title} />
                  </Prop>
                </h3>
                <p>
                  <Prop p={DCT.description} o={r.description} />
                </p>
                <p class="meta">Standaard: {r.basis}</p>
              </Rel>
            ))}
          </ul>
        </section>

        <section aria-labelledby="tools-title">
          <h2 id="tools-title">Zoeken en bevragen</h2>
          <ul class="tools">
            <li>
              <a href="/zoeken">Zoeken</a> in alle registers tegelijk, op trefwoord of met CQL (SRU).
            </li>
            <li>
              Het <Prop p={VOID.sparqlEndpoint} o={site.sparqlEndpoint} label="SPARQL-endpoint" />: alle gegevens bevragen met SPARQL 1.1.
            </li>
            <li>
              Een SC-catalogus controleren met de <a href="/catalogus/validator">validator</a>; de hele collectie als{' '}
              <a href="/export/cpsv-ap.ttl">CPSV-AP</a> (EU Single Digital Gateway).
            </li>
            <li>
              De <a href="/api/docs">API-documentatie</a>, ook als <a href="/api/openapi.json">OpenAPI-document</a>.
            </li>
          </ul>
        </section>

        <section aria-labelledby="formats-title">
          <h2 id="formats-title">Deze pagina als gegevens</h2>
          <p>
            {FORMAT_NAMES.map(([f, name], i) => (
              <>
                {i > 0 ? ' · ' : ''}
                <a href={paths[f]}>{name}</a>
              </>
            ))}
          </p>
        </section>
      </Resource>
    </Layout>
  );
}
