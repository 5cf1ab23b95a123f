/** A resource with every kind of term a page must render, spread over graphs, with nested nodes. */
import type * as RDF from '@rdfjs/types';
import { blankNode, literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import { DCT, FOAF, ORG, RDFS, RDF_, SKOS, XSD } from '../../src/shared/rdf/vocab.js';
import type { UriPolicy } from '../../src/shared/uri.js';

export const HOSTILE = `<script>alert(1)</script> "quoted" & ampersand 'single' </span><b>`;

export function exampleData(uris: UriPolicy) {
  const thing = uris.id('product', 'p-1');
  const other = uris.id('organisatie', 'o-1');
  const g1 = uris.graph('test', 'one');
  const g2 = uris.graph('test', 'two');
  const ex = (local: string) => namedNode(`http://example.org/vocab/${local}`);
  const address = blankNode('address');
  const geo = blankNode('geo');
  const contact = blankNode('contact');
  const quads: RDF.Quad[] = [
    quad(thing, RDF_.type, ex('Product'), g1),
    quad(thing, RDF_.type, SKOS.Concept, g1),
    quad(thing, SKOS.prefLabel, literal('Parkeervergunning', 'nl'), g1),
    quad(thing, SKOS.prefLabel, literal('Parking permit', 'en'), g1),
    quad(thing, SKOS.altLabel, literal('Vergunning (Vlaams)', 'nl-BE'), g1),
    quad(thing, DCT.description, literal(`Regel 1\nRegel 2\r\nmet\ttab en ${HOSTILE}`), g1),
    quad(thing, DCT.abstract, literal(HOSTILE, 'nl'), g1),
    quad(thing, DCT.identifier, literal('PV-0001'), g1),
    // the same triple in two graphs and in the default graph: described once
    quad(thing, DCT.identifier, literal('PV-0001'), g2),
    quad(thing, DCT.identifier, literal('PV-0001')),
    quad(thing, DCT.created, literal('2024-03-01T10:00:00Z', XSD.dateTime), g2),
    quad(thing, DCT.modified, literal('2024-07-15T09:30:15.250+02:00', XSD.dateTime), g2),
    quad(thing, DCT.issued, literal('2024-03-01', XSD.date), g2),
    quad(thing, ex('validFrom'), literal('2024-01-01T00:00:00', XSD.dateTime), g2),
    quad(thing, ex('year'), literal('2024', XSD.gYear), g2),
    quad(thing, ex('online'), literal('true', XSD.boolean), g2),
    quad(thing, ex('paid'), literal('false', XSD.boolean), g2),
    quad(thing, ex('count'), literal('42', XSD.integer), g2),
    quad(thing, ex('price'), literal('12.50', XSD.decimal), g2),
    quad(thing, ex('ratio'), literal('1.0E-3', XSD.double), g2),
    quad(thing, ex('empty'), literal(''), g2),
    quad(thing, ex('custom'), literal('AB-12', ex('Code')), g2),
    quad(thing, ex('link'), literal('https://example.org/?a=1&b=2', XSD.anyURI), g2),
    quad(thing, namedNode('http://example.org/p/x-123'), literal('predicate without a CURIE'), g2),
    quad(thing, DCT.publisher, other, g2),
    quad(thing, DCT.source, namedNode("https://www.example.org/bron?x=1&y='2'"), g2),
    quad(thing, FOAF.page, namedNode('https://example.org/pagina#deel'), g2),
    quad(thing, ex('address'), address, g1),
    quad(address, RDF_.type, ex('Address'), g1),
    quad(address, RDFS.label, literal('Stationsplein 1'), g1),
    quad(address, ex('postcode'), literal('1000 AA'), g1),
    quad(address, ex('geometry'), geo, g1),
    quad(geo, ex('wkt'), literal('POINT(4.9 52.37)', ex('wktLiteral')), g1),
    quad(thing, ex('contact'), contact, g2),
    quad(contact, FOAF.name, literal('Balie'), g2),
    // a second mention of the same nested node, and a nested node pointing back to the thing
    quad(address, ex('sameAs'), geo, g1),
    quad(contact, ex('of'), thing, g2),
    // the other organisation, for link labels
    quad(other, RDF_.type, ORG.Organization, g2),
    quad(other, SKOS.prefLabel, literal('Gemeente Voorbeeld', 'nl'), g2),
  ];
  return { thing, other, quads, g1, g2 };
}
