/** @jsxImportSource hono/jsx */
/**
 * One published document version (agenda, besluitenlijst, notulen or uittreksel) as HTML+RDFa.
 * The document is the version (foaf:Document + its document type, dct:isVersionOf the stable
 * document); the page lists every version with its publication time and publisher.
 */
import type * as RDF from '@rdfjs/types';
import { literal, namedNode } from '../../shared/rdf/factory.js';
import { Layout } from '../../shared/render/layout.js';
import { Prop, Resource, prefixAttribute } from '../../shared/render/rdfa.js';
import { BESLUIT, DCT, ELI, FOAF, PROV, RDFS, STELSEL, XSD } from '../../shared/rdf/vocab.js';
import type { DecisionCodeLists } from '../codelists.js';
import { AGENDA_KINDS, DOCUMENT_KIND_LABELS, isAgendaKind, type AgendaKind, type Zitting } from '../model.js';
import { pdfPath, type DocumentRef } from '../paths.js';
import { brussels, DOCUMENT_LINK } from '../publish.js';
import type { DecisionIris } from '../rdf.js';
import type { PublishedDocument } from '../repository.js';
import { AttachmentList } from '../attachment-view.js';
import { SignatureList } from '../signing-view.js';
import { Agenda, MeetingFacts } from './meeting.js';
import { Body, Mandatarissen, PublishedTime, type BodyInfo } from './parts.js';

export interface DocumentPageProps {
  iris: DecisionIris;
  lists: DecisionCodeLists;
  ref: DocumentRef;
  z: Zitting;
  body: BodyInfo;
  names: ReadonlyMap<string, string>;
  current: PublishedDocument;
  versions: PublishedDocument[];
  /** The page is the stable URL (latest version) rather than the version's own URL. */
  stable: boolean;
  zittingPath: string;
}


export function documentTitle(ref: DocumentRef, orgaanNaam: string, geplandeStart: string): string {
  const day = brussels(geplandeStart).display.slice(0, 10);
  return `${DOCUMENT_KIND_LABELS[ref.kind]}${ref.kind === 'uittreksel' ? ` agendapunt ${ref.n ?? ''}` : ''} · ${orgaanNaam} · zitting van ${day}`;
}

export function DocumentPage(p: DocumentPageProps) {
  const { iris, lists, ref, z, current, versions } = p;
  const type = lists.documentTypes.get(ref.kind);
  const version = namedNode(current.iri);
  const previous = versions.filter((v) => v.number < current.number).at(-1);
  const title = documentTitle(ref, p.body.orgaanNaam, z.geplandeStart);
  const latest = versions.at(-1);
  const agenda = isAgendaKind(ref.kind);
  return (
    <Layout title={title} prefix={prefixAttribute()}>
      <Resource about={version} typeof={[FOAF.Document, type.iri]} as="header">
        <h1>{title}</h1>
        <p>
          <Prop p={DCT.type} o={type.iri} label={type.label} link={false} />
          {agenda ? (
            <>
              {' '}
              (<Prop p={STELSEL.agendaType} o={lists.agendapuntTypes.get(AGENDA_KINDS[ref.kind as AgendaKind]).iri} label={`${lists.agendapuntTypes.get(AGENDA_KINDS[ref.kind as AgendaKind]).label} agenda`} link={false} />)
            </>
          ) : null}{' '}
          · versie {current.number} · gepubliceerd op <PublishedTime iso={current.publishedAt} /> door{' '}
          <Prop p={PROV.wasAttributedTo} o={namedNode(current.publisher)} label={current.publisherName} link={false} />
          <span hidden>
            <Prop p={ELI.date_publication} o={literal(brussels(current.publishedAt).date, XSD.date)} />
            <Prop p={ELI.passed_by} o={iris.periode(z.eenheid, z.orgaan, z.periode)} link={false}>
              {''}
            </Prop>
          </span>
        </p>
        {current.note ? (
          <p class="toelichting">
            Toelichting: <Prop p={RDFS.comment} o={literal(current.note)} />
          </p>
        ) : null}
        <p>
          Vaste link naar de laatste versie:{' '}
          <Prop p={DCT.isVersionOf} o={namedNode(current.document)}>
            {current.document}
          </Prop>
          {previous ? (
            <>
              {' '}
              · vervangt <Prop p={DCT.replaces} o={namedNode(previous.iri)}>versie {previous.number}</Prop>
            </>
          ) : null}
        </p>
        <p class="pdf">
          <a href={pdfPath(p.stable ? current.document : current.iri)} type="application/pdf">
            Download als PDF
          </a>
        </p>
        {p.stable || !latest || latest.number === current.number ? null : (
          <p class="waarschuwing" role="status">
            Er is een nieuwere versie: <a href={latest.iri}>versie {latest.number}</a>.
          </p>
        )}
      </Resource>
      <Resource about={iris.zitting(z.id)} typeof={[BESLUIT.Zitting]} as="section" aria-labelledby="zitting">
        <h2 id="zitting">
          Zitting van <a href={p.zittingPath}>{brussels(z.geplandeStart).display.slice(0, 10)}</a>
        </h2>
        <Prop p={DOCUMENT_LINK[ref.kind]} o={version} link={false}>
          {''}
        </Prop>
        <Prop p={BESLUIT.isGehoudenDoor} o={iris.periode(z.eenheid, z.orgaan, z.periode)} link={false}>
          {''}
        </Prop>
        <Body b={p.body} iris={iris} />
        <MeetingFacts z={z} iris={iris} lists={lists} names={p.names} held={!agenda} />
        <h2>{agenda ? 'Agendapunten' : 'Behandelde agendapunten'}</h2>
        <Agenda z={z} iris={iris} lists={lists} names={p.names} held={!agenda} {...(!agenda ? { datePublication: brussels(current.publishedAt).date } : {})} />
      </Resource>
      <AttachmentList bijlagen={current.bijlagen ?? []} z={z} iris={iris} />
      <SignatureList handtekeningen={current.handtekeningen ?? []} version={current.iri} iris={iris} />
      <Mandatarissen iris={iris} names={p.names} />
      <VersionList versions={versions} current={current.number} />
    </Layout>
  );
}

function VersionList({ versions, current }: { versions: PublishedDocument[]; current: number }) {
  return (
    <section aria-labelledby="versies">
      <h2 id="versies">Versies</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Versie</th>
            <th scope="col">Gepubliceerd op</th>
            <th scope="col">Door</th>
            <th scope="col">Toelichting</th>
          </tr>
        </thead>
        <tbody>
          {[...versions].reverse().map((v) => (
            <VersionRow v={v} current={v.number === current} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function VersionRow({ v, current }: { v: PublishedDocument; current: boolean }) {
  const about: RDF.NamedNode = namedNode(v.iri);
  return (
    <tr>
      <td>
        {current ? <strong>versie {v.number} (deze)</strong> : <a href={v.iri}>versie {v.number}</a>}
      </td>
      <td>
        <PublishedTime iso={v.publishedAt} p={null} />
      </td>
      <td>{v.publisherName}</td>
      <td>{v.note ?? ''}</td>
      {current ? null : (
        <td hidden>
          <Resource about={about} as="span">
            <Prop p={DCT.isVersionOf} o={namedNode(v.document)} link={false}>
              {''}
            </Prop>
          </Resource>
        </td>
      )}
    </tr>
  );
}
