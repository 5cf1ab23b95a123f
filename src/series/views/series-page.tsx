/** @jsxImportSource hono/jsx */
/**
 * /doc/serie/{id}: a series in HTML+RDFa at its stable IRI, its shown version (published, else the
 * working one) with the selection rule, the version history, and the workflow forms the visitor may use.
 */
import { literal, namedNode } from '../../shared/rdf/factory.js';
import { DCT, DOSSIER, RICO, SCHEMA, SERIE, XSD } from '../../shared/rdf/vocab.js';
import { Layout } from '../../shared/render/layout.js';
import { Prop, Rel, Resource, prefixAttribute } from '../../shared/render/rdfa.js';
import { TableHead } from '../../shared/render/table.js';
import type { UriPolicy } from '../../shared/uri.js';
import { conceptIri, type CodeLists } from '../codelists.js';
import type { Series, SeriesVersion } from '../model.js';
import { seriesIri, versionIri } from '../rdf.js';
import { RULES, type WorkflowAction } from '../workflow.js';

export interface SeriesPageProps {
  series: Series;
  shown: SeriesVersion;
  uris: UriPolicy;
  lists: CodeLists;
  organisationLabel?: string;
  actions: WorkflowAction[];
  canEdit: boolean;
  reviewDue: boolean;
}

const COMMENT_ACTIONS: readonly WorkflowAction[] = ['terugsturen', 'opmerken', 'afwijzen'];

function VersionBody({ v, uris, lists, id }: { v: SeriesVersion; uris: UriPolicy; lists: CodeLists; id: string }) {
  const rule = uris.id('serie', id, 'versie', String(v.nummer), 'bewaarregel');
  return (
    <dl>
      <dt>Naam</dt>
      <dd><Prop p={DCT.title} o={literal(v.naam)} /></dd>
      {v.omschrijving ? (<><dt>Omschrijving</dt><dd><Prop p={DCT.description} o={literal(v.omschrijving)} /></dd></>) : null}
      {v.proces ? (<><dt>Proces / dienstverlening</dt><dd><Prop p={SERIE.proces} o={literal(v.proces)} /></dd></>) : null}
      <dt>Status</dt>
      <dd><Prop p={SERIE.status} o={conceptIri('serie-status', v.status)} label={lists.label('serie-status', v.status)} /></dd>
      {v.openbaarheid ? (<><dt>Mate van openbaarheid</dt><dd><Prop p={SERIE.openbaarheid} o={conceptIri('openbaarheid', v.openbaarheid)} label={lists.label('openbaarheid', v.openbaarheid)} /></dd></>) : null}
      {v.geldigVan ? (<><dt>Geldig van</dt><dd><Prop p={SCHEMA.validFrom} o={literal(v.geldigVan, XSD.date)} /></dd></>) : null}
      {v.geldigTot ? (<><dt>Geldig tot</dt><dd><Prop p={SCHEMA.validThrough} o={literal(v.geldigTot, XSD.date)} /></dd></>) : null}
      {v.goedgekeurd ? (<><dt>Goedgekeurd</dt><dd><Prop p={SERIE.goedgekeurd} o={literal(v.goedgekeurd, XSD.dateTime)} /></dd></>) : null}
      {v.gepubliceerd ? (<><dt>Gepubliceerd</dt><dd><Prop p={DCT.issued} o={literal(v.gepubliceerd, XSD.dateTime)} /></dd></>) : null}
      <dt>Bewaarregel</dt>
      <Rel p={RICO.isOrWasRegulatedBy} o={rule} typeof={[SERIE.Bewaarregel]} as="dd">
        <dl>
          {v.administratieveBewaartermijn ? (<><dt>Administratieve bewaartermijn</dt><dd><Prop p={SERIE.administratieveBewaartermijn} o={literal(v.administratieveBewaartermijn, XSD.duration)} /></dd></>) : null}
          {v.wettelijkeBewaartermijn ? (<><dt>Wettelijke bewaartermijn</dt><dd><Prop p={SERIE.wettelijkeBewaartermijn} o={literal(v.wettelijkeBewaartermijn, XSD.duration)} /></dd></>) : null}
          {v.termijnspecificatie ? (<><dt>Termijnspecificatie</dt><dd><Prop p={SERIE.termijnspecificatie} o={conceptIri('termijnspecificatie', v.termijnspecificatie)} label={lists.label('termijnspecificatie', v.termijnspecificatie)} /></dd></>) : null}
          {v.verduidelijking ? (<><dt>Verduidelijking</dt><dd><Prop p={SERIE.verduidelijking} o={literal(v.verduidelijking)} /></dd></>) : null}
          {v.motivering ? (<><dt>Motivering</dt><dd><Prop p={SERIE.motivering} o={literal(v.motivering)} /></dd></>) : null}
          {v.bestemming ? (<><dt>Bestemming</dt><dd><Prop p={SERIE.bestemming} o={conceptIri('bestemming', v.bestemming)} label={lists.label('bestemming', v.bestemming)} /></dd></>) : null}
          {v.bestemmingMotivering ? (<><dt>Motivering bestemming</dt><dd><Prop p={SERIE.bestemmingMotivering} o={literal(v.bestemmingMotivering)} /></dd></>) : null}
        </dl>
      </Rel>
    </dl>
  );
}

export function SeriesPage({ series: s, shown, uris, lists, organisationLabel, actions, canEdit, reviewDue }: SeriesPageProps) {
  const iri = seriesIri(uris, s.id);
  return (
    <Layout title={shown.naam} prefix={prefixAttribute()}>
      <p><a href="/series">Serieregister</a></p>
      <Resource about={iri} typeof={[RICO.RecordSet, DOSSIER.Serie]} as="article">
        <h1>{shown.naam}</h1>
        <p>
          Serie <Prop p={DCT.identifier} o={literal(s.id)} />, <Prop p={SERIE.soort} o={conceptIri('serie-soort', s.soort)} label={lists.label('serie-soort', s.soort)} />
          {s.organisatie ? (<> van <Prop p={SERIE.organisatie} o={namedNode(s.organisatie)} label={organisationLabel ?? s.organisatie} /></>) : null}
          {s.organisatietype ? (<> voor <Prop p={SERIE.organisatietype} o={conceptIri('organisatietype', s.organisatietype)} label={lists.label('organisatietype', s.organisatietype)} /></>) : null}
          {s.sjabloon ? (<>, afgeleid van <Prop p={SERIE.sjabloon} o={seriesIri(uris, s.sjabloon)} label="een sjabloonserie" /></>) : null}.
        </p>
        {reviewDue ? <p class="warning" role="status">De geldigheid eindigt binnen zes maanden: tijd voor een herziening.</p> : null}
        <h2>Versie {shown.nummer} ({lists.label('serie-status', shown.status)})</h2>
        <Rel p={s.gepubliceerdeVersie === shown.nummer ? SERIE.gepubliceerdeVersie : SERIE.werkversie} o={versionIri(uris, s.id, shown.nummer)} typeof={[SERIE.Serieversie]} as="section">
          <VersionBody v={shown} uris={uris} lists={lists} id={s.id} />
          {shown.opmerkingen.length ? (
            <>
              <h3>Opmerkingen</h3>
              <ul>{shown.opmerkingen.map((c) => (<li>{c.datum.slice(0, 10)} ({c.actie}): {c.tekst}</li>))}</ul>
            </>
          ) : null}
        </Rel>
        <h2>Versiegeschiedenis</h2>
        <table>
          <TableHead columns={['Versie', 'Reden', 'Status', 'Gewijzigd', 'Gepubliceerd']} />
          <tbody>
            {s.versies.map((v) => (
              <tr>
                <Rel p={DCT.hasVersion} o={versionIri(uris, s.id, v.nummer)} as="td">
                  <a href={`/doc/serie/${s.id}/versie/${v.nummer}`}>versie {v.nummer}</a>
                </Rel>
                <td>{lists.label('versie-reden', v.reden)}</td>
                <td>{lists.label('serie-status', v.status)}</td>
                <td>{v.gewijzigd.slice(0, 10)}</td>
                <td>{v.gepubliceerd?.slice(0, 10) ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Resource>
      {canEdit ? <p><a href={`/series/${s.id}/bewerken`}>Werkversie bewerken</a></p> : null}
      {actions.filter((a) => a !== 'bewerken').length ? (
        <section aria-label="Acties">
          <h2>Acties</h2>
          {actions.filter((a) => a !== 'bewerken').map((a) => (
            <form method="post" action={`/series/${s.id}/acties`}>
              <input type="hidden" name="actie" value={a} />
              <input type="hidden" name="etag" value={String(s.etag)} />
              {COMMENT_ACTIONS.includes(a) ? (<label>Opmerking <textarea name="opmerking" required></textarea></label>) : null}{' '}
              <button type="submit">{RULES[a].label}</button>
            </form>
          ))}
        </section>
      ) : null}
    </Layout>
  );
}
