/** @jsxImportSource hono/jsx */
/**
 * The public overviews a harvester starts from: every link to a publication or to a further
 * overview is `<a property="lblodBesluit:linkToPublication" href>` (the page itself is the subject),
 * and a meeting's page links its documents with besluit:heeftAgenda / heeftBesluitenlijst /
 * heeftNotulen / heeftUittreksel. Links point at version URLs, so a corrected document is a new URL.
 */
import { namedNode } from '../../shared/rdf/factory.js';
import { Layout } from '../../shared/render/layout.js';
import { Prop, Resource, prefixAttribute } from '../../shared/render/rdfa.js';
import { LBLOD_BESLUIT } from '../../shared/rdf/vocab.js';
import { DOCUMENT_LINK, brussels } from '../publish.js';
import { DOCUMENT_KIND_LABELS } from '../model.js';
import type { DecisionIris } from '../rdf.js';
import type { PublishedDocument } from '../repository.js';
import { PublishedTime } from './parts.js';


/** "Uittreksel agendapunt 3" etc., from the document URL. */
export function docLabel(d: PublishedDocument): string {
  return d.kind === 'uittreksel' ? `${DOCUMENT_KIND_LABELS[d.kind]} agendapunt ${d.document.slice(d.document.lastIndexOf('/') + 1)}` : DOCUMENT_KIND_LABELS[d.kind];
}

const Link = ({ href, children }: { href: string; children: string }) => (
  <Prop p={LBLOD_BESLUIT.linkToPublication} o={namedNode(href)}>
    {children}
  </Prop>
);

export function IndexPage({ eenheden }: { eenheden: { slug: string; naam: string; href: string }[] }) {
  return (
    <Layout title="Besluiten" prefix={prefixAttribute()}>
      <h1>Besluiten van lokale besturen</h1>
      <p>Agenda's, besluitenlijsten, notulen en uittreksels zoals de bestuurseenheden ze publiceerden.</p>
      {eenheden.length ? (
        <ul>
          {eenheden.map((e) => (
            <li>
              <Link href={e.href}>{e.naam}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>Er is nog niets gepubliceerd.</p>
      )}
    </Layout>
  );
}

export interface ListingProps {
  title: string;
  intro?: string;
  docs: PublishedDocument[];
  /** Absolute URL of each document's meeting page. */
  zittingUrl: (d: PublishedDocument) => string;
  organen?: { naam: string; href: string }[];
}

/** The publications of a bestuurseenheid or of one body: per meeting, its latest documents. */
export function ListingPage({ title, intro, docs, zittingUrl, organen }: ListingProps) {
  const meetings = new Map<string, PublishedDocument[]>();
  for (const d of docs) meetings.set(zittingUrl(d), [...(meetings.get(zittingUrl(d)) ?? []), d]);
  return (
    <Layout title={title} prefix={prefixAttribute()}>
      <h1>{title}</h1>
      {intro ? <p>{intro}</p> : null}
      {organen?.length ? (
        <nav aria-label="Bestuursorganen">
          <ul>
            {organen.map((o) => (
              <li>
                <Link href={o.href}>{o.naam}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {meetings.size ? null : <p>Er is nog niets gepubliceerd.</p>}
      {[...meetings].map(([href, list]) => {
        const first = list[0];
        if (!first) return null;
        return (
          <section>
            <h2>
              <Link href={href}>{`${first.orgaanNaam} · zitting van ${brussels(first.geplandeStart).display.slice(0, 10)}`}</Link>
            </h2>
            <ul>
              {list.map((d) => (
                <li>
                  <Link href={d.iri}>{`${docLabel(d)} (versie ${d.number})`}</Link> · gepubliceerd op <PublishedTime iso={d.publishedAt} p={null} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}

/** One meeting: links to the latest version of each of its documents. */
export function ZittingPage({ title, zitting, docs, iris }: { title: string; zitting: string; docs: PublishedDocument[]; iris: DecisionIris }) {
  return (
    <Layout title={title} prefix={prefixAttribute()}>
      <h1>{title}</h1>
      <Resource about={iris.zitting(zitting)} as="section">
        <ul>
          {docs.map((d) => (
            <li>
              <Prop p={DOCUMENT_LINK[d.kind]} o={namedNode(d.iri)}>
                {docLabel(d)}
              </Prop>{' '}
              (versie {d.number}, gepubliceerd op <PublishedTime iso={d.publishedAt} p={null} />)
            </li>
          ))}
        </ul>
      </Resource>
    </Layout>
  );
}
