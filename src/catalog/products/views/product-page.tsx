/** @jsxImportSource hono/jsx */
/**
 * The product page (/doc/product/{org}/{key}): an SC product in HTML+RDFa. Every triple of the
 * description is stated once, by the Prop helpers, so the RDFa is exactly the Turtle: the SC
 * fields in the order of the SC form, productHTML as sanitised text (its literal in `content`),
 * the delivered scproduct XML as text, and any further triple in a plain table. Plain links (to
 * the aanvraag page, the other formats, the SC XML, the edit form) carry no RDFa.
 */
import type * as RDF from '@rdfjs/types';
import type { RdfFormat } from '../../../shared/http/conneg.js';
import { Layout } from '../../../shared/render/layout.js';
import { Prop, Resource, prefixAttribute, rdfaIri, type Labels } from '../../../shared/render/rdfa.js';
import { DCT, OVERHEID, OVERHEIDPRODUCT, RDF_, STELSEL } from '../../../shared/rdf/vocab.js';
import { ProductHtml } from './product-html.js';

export interface ProductPageProps {
  subject: RDF.NamedNode;
  /** The product's own triples (the whole description). */
  triples: readonly RDF.Quad[];
  labels: Labels;
  paths: Record<RdfFormat, string>;
  formats: readonly { format: RdfFormat; label: string }[];
  /** The organisation's SC catalogue (XML). */
  scXmlPath: string;
  /** The edit form, when the visitor may edit the product. */
  editPath?: string;
}

/** The SC fields shown as a list of facts, in order, with their Dutch names. */
const FACTS: [RDF.NamedNode, string][] = [
  [DCT.audience, 'Doelgroep'],
  [OVERHEIDPRODUCT.uniformeProductnaam, 'Uniforme productnaam'],
  [OVERHEIDPRODUCT.gerelateerdProduct, 'Gerelateerd product'],
  [OVERHEID.authority, 'Bevoegd gezag'],
  [STELSEL.authorityScheme, 'Soort bevoegd gezag'],
  [DCT.spatial, 'Gebied'],
  [STELSEL.spatialScheme, 'Soort gebied'],
  [OVERHEIDPRODUCT.onlineAanvragen, 'Online aanvragen'],
  [OVERHEIDPRODUCT.aanvraagURL, 'Aanvraag-URL'],
  [OVERHEIDPRODUCT.eenmaligAanmelden, 'Eenmalig aanmelden'],
  [OVERHEIDPRODUCT.contactpunt, 'Contactpunt'],
  [DCT.identifier, 'Productpagina'],
  [OVERHEIDPRODUCT.productID, 'ProductID'],
  [DCT.modified, 'Laatst gewijzigd'],
  [DCT.language, 'Taal'],
  [DCT.type, 'Informatietype'],
  [DCT.subject, 'Onderwerp'],
];
const SHOWN_ELSEWHERE = [RDF_.type, DCT.title, DCT.abstract, STELSEL.organisation, OVERHEIDPRODUCT.productHTML, STELSEL.sourceXml];
const HTTP = /^https?:\/\//i;

export function ProductPage({ subject, triples, labels, paths, formats, scXmlPath, editPath }: ProductPageProps) {
  const own = triples.filter((t) => t.subject.equals(subject));
  const objects = (p: RDF.NamedNode) => own.filter((t) => t.predicate.equals(p)).map((t) => t.object);
  const types = objects(RDF_.type).filter((o): o is RDF.NamedNode => o.termType === 'NamedNode');
  const titles = objects(DCT.title);
  const known = new Set([...FACTS.map(([p]) => p.value), ...SHOWN_ELSEWHERE.map((p) => p.value)]);
  const rest = own.filter((t) => !known.has(t.predicate.value));
  const title = titles[0]?.value ?? 'Product';
  return (
    <Layout title={title} prefix={prefixAttribute()}>
      <Resource as="article" about={subject} typeof={types} class="resource product" aria-labelledby="title">
        <header class="resource-header">
          <p class="kicker">
            Product van{' '}
            {objects(STELSEL.organisation).map((o) => (
              <Prop p={STELSEL.organisation} o={o} labels={labels} />
            ))}
          </p>
          <h1 id="title">
            {titles.map((t, i) => (
              <>
                {i > 0 ? ' / ' : ''}
                <Prop p={DCT.title} o={t} />
              </>
            ))}
          </h1>
          <p class="iri">
            <span class="iri-label">URI</span> <code>{subject.value}</code>
          </p>
        </header>
        {objects(DCT.abstract).map((o) => (
          <p class="abstract">
            <Prop p={DCT.abstract} o={o} />
          </p>
        ))}
        <dl class="facts">
          {FACTS.filter(([p]) => objects(p).length > 0).map(([p, name]) => (
            <>
              <dt>{name}</dt>
              {objects(p).map((o) => (
                <dd>
                  <Prop p={p} o={o} labels={labels} />
                  {(p.equals(OVERHEIDPRODUCT.aanvraagURL) || p.equals(DCT.identifier)) && o.termType === 'Literal' && HTTP.test(o.value) ? (
                    <>
                      {' '}
                      <a href={o.value} class="external">
                        {p.equals(DCT.identifier) ? 'naar de productpagina' : 'aanvragen'}
                      </a>
                    </>
                  ) : null}
                </dd>
              ))}
            </>
          ))}
        </dl>
        {objects(OVERHEIDPRODUCT.productHTML).map((o) => (
          <section class="product-html" aria-labelledby="beschrijving">
            <h2 id="beschrijving">Beschrijving</h2>
            {/* The literal is the content attribute; the children are a sanitised rendering without RDFa. */}
            <div property={rdfaIri(OVERHEIDPRODUCT.productHTML.value)} {...literalKind(o)} content={o.value}>
              <ProductHtml xhtml={o.value} />
            </div>
          </section>
        ))}
        {rest.length > 0 ? (
          <table class="properties">
            <caption>Overige eigenschappen</caption>
            <tbody>
              {rest.map((t) => (
                <tr>
                  <th scope="row">
                    <code>{t.predicate.value}</code>
                  </th>
                  <td>
                    <Prop p={t.predicate as RDF.NamedNode} o={t.object} labels={labels} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {objects(STELSEL.sourceXml).map((o) => (
          <details class="source-xml">
            <summary>SC-XML van dit product</summary>
            <pre>
              <Prop p={STELSEL.sourceXml} o={o} />
            </pre>
          </details>
        ))}
      </Resource>
      <section class="formats" aria-labelledby="formats-title">
        <h2 id="formats-title">Deze gegevens in andere formaten</h2>
        <ul>
          {formats.map(({ format, label }) => (
            <li>
              <a href={paths[format]}>{label}</a> <code>{paths[format]}</code>
            </li>
          ))}
          <li>
            <a href={scXmlPath}>SC-catalogus van de organisatie (XML)</a> <code>{scXmlPath}</code>
          </li>
        </ul>
      </section>
      {editPath ? (
        <p class="actions">
          <a href={editPath}>Product bewerken</a>
        </p>
      ) : null}
    </Layout>
  );
}

/** How a literal states its kind in RDFa (as the Prop helper does): a language, or its datatype. */
function literalKind(o: RDF.Term): Record<string, string> {
  if (o.termType !== 'Literal') return {};
  return o.language ? { lang: o.language, 'xml:lang': o.language } : { datatype: rdfaIri(o.datatype.value) };
}
