/** @jsxImportSource hono/jsx */
/** Small pieces of the publication pages: publication times, people, the body and its bestuurseenheid. */
import type * as RDF from '@rdfjs/types';
import { literal, namedNode } from '../../shared/rdf/factory.js';
import { Prop, Resource, rdfaIri } from '../../shared/render/rdfa.js';
import { BESLUIT, FOAF, MANDAAT, ORG, PERSON, PROV, SKOS, XSD } from '../../shared/rdf/vocab.js';
import type { Code } from '../codelists.js';
import { brussels } from '../publish.js';
import type { DecisionIris } from '../rdf.js';

/**
 * A publication time: xsd:dateTime in the RDFa, shown as DD-MM-YYYY HH:mm:ss in Brussels time.
 * `p` is omitted for a time shown without a triple.
 */
export function PublishedTime({ iso, p = PROV.generatedAtTime }: { iso: string; p?: RDF.NamedNode | null }) {
  const text = brussels(iso).display;
  if (!p) return <time datetime={iso}>{text}</time>;
  return (
    <time property={rdfaIri(p.value)} datatype={rdfaIri(XSD.dateTime.value)} content={iso} datetime={iso}>
      {text}
    </time>
  );
}

/** A link to a mandataris described further down the page (not followed by harvesters: no href). */
export function MandatarisRef({ p, id, iris, names }: { p: RDF.NamedNode; id: string; iris: DecisionIris; names: ReadonlyMap<string, string> }) {
  return <Prop p={p} o={iris.mandataris(id)} label={names.get(id) ?? id} link={false} />;
}

export function MandatarisList({ p, ids, iris, names }: { p: RDF.NamedNode; ids: string[]; iris: DecisionIris; names: ReadonlyMap<string, string> }) {
  if (!ids.length) return <span>niemand</span>;
  return (
    <>
      {ids.map((id, i) => (
        <>
          {i ? ', ' : ''}
          <MandatarisRef p={p} id={id} iris={iris} names={names} />
        </>
      ))}
    </>
  );
}

/** The mandatarissen named on the page, each with the person it is an alias of. */
export function Mandatarissen({ iris, names }: { iris: DecisionIris; names: ReadonlyMap<string, string> }) {
  if (!names.size) return null;
  return (
    <section aria-labelledby="mandatarissen">
      <h2 id="mandatarissen">Mandatarissen</h2>
      <ul>
        {[...names].map(([id, naam]) => (
          <Resource about={iris.mandataris(id)} typeof={[MANDAAT.Mandataris]} as="li">
            <Resource about={iris.persoon(id)} typeof={[PERSON.Person]} as="span">
              <Prop p={FOAF.name} o={literal(naam)} />
            </Resource>
            <Prop p={MANDAAT.isBestuurlijkeAliasVan} o={iris.persoon(id)} link={false}>
              {' '}
            </Prop>
          </Resource>
        ))}
      </ul>
    </section>
  );
}

export interface BodyInfo {
  eenheid: string;
  eenheidNaam: string;
  eenheidClassificatie?: string;
  orgaan: string;
  orgaanNaam: string;
  periode: string;
  classificatie?: Code;
}

/** An (s, p, IRI) triple with no visible text. */
const Hidden = ({ p, o }: { p: RDF.NamedNode; o: RDF.NamedNode }) => (
  <Prop p={p} o={o} link={false}>
    {''}
  </Prop>
);

/** The body in its period, the untimed body and its bestuurseenheid, with both classification predicates. */
export function Body({ b, iris }: { b: BodyInfo; iris: DecisionIris }) {
  const untimed = iris.orgaan(b.eenheid, b.orgaan);
  const timed = iris.periode(b.eenheid, b.orgaan, b.periode);
  const eenheid = iris.eenheid(b.eenheid);
  const cls = b.classificatie;
  const eenheidCls = b.eenheidClassificatie ? namedNode(b.eenheidClassificatie) : undefined;
  const common = (
    <>
      <Hidden p={BESLUIT.bestuurt} o={eenheid} />
      {cls ? <Hidden p={BESLUIT.classificatie} o={cls.iri} /> : null}
      {cls ? <Hidden p={ORG.classification} o={cls.iri} /> : null}
    </>
  );
  return (
    <p class="bestuursorgaan">
      <Resource about={timed} typeof={[BESLUIT.Bestuursorgaan]} as="span">
        <Prop p={SKOS.prefLabel} o={literal(b.orgaanNaam)} />
        {common}
        <Hidden p={MANDAAT.isTijdspecialisatieVan} o={untimed} />
      </Resource>{' '}
      (bestuursperiode {b.periode}
      {cls ? `, ${cls.label}` : ''})
      <Resource about={untimed} typeof={[BESLUIT.Bestuursorgaan]} as="span">
        <span property={rdfaIri(SKOS.prefLabel.value)} datatype={rdfaIri(XSD.string.value)} content={b.orgaanNaam}></span>
        {common}
      </Resource>
      {' van '}
      <Resource about={eenheid} typeof={[BESLUIT.Bestuurseenheid]} as="span">
        <Prop p={SKOS.prefLabel} o={literal(b.eenheidNaam)} />
        <Hidden p={BESLUIT.werkingsgebied} o={iris.werkingsgebied(b.eenheid)} />
        {eenheidCls ? <Hidden p={ORG.classification} o={eenheidCls} /> : null}
        {eenheidCls ? <Hidden p={BESLUIT.classificatie} o={eenheidCls} /> : null}
      </Resource>
    </p>
  );
}
