/** @jsxImportSource hono/jsx */
/**
 * The public publication site under /besluiten (see paths.ts): overviews, meeting pages, and each
 * document at its stable URL (latest version) and at its version URLs (immutable). Pages are
 * rendered from the stored version graphs only; drafts never appear here.
 */
import type { Context, Hono } from 'hono';
import { AppError } from '../shared/errors.js';
import type { AppEnv } from '../shared/http/context.js';
import type { ApiScope, RouteDoc } from '../shared/http/openapi.js';
import { ORG, SKOS } from '../shared/rdf/vocab.js';
import { MEETING_DOCUMENT_KINDS } from './model.js';
import { DECISIONS_PATH, eenheidPath, orgaanPath, zittingPath, type DocumentRef } from './paths.js';
import { brussels } from './publish.js';
import { Index } from './read.js';
import type { DecisionService } from './service.js';
import { DocumentPage } from './views/document-page.js';
import { IndexPage, ListingPage, ZittingPage } from './views/overview.js';

const E = ':eenheid{[a-z0-9][a-z0-9-]*}';
const O = ':orgaan{[a-z0-9][a-z0-9-]*}';
const D = ':datum{[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9](?:-[1-9][0-9]*)?}';
const N = ':n{[1-9][0-9]*}';
const V = ':v{[1-9][0-9]*}';

export function decisionPages(app: Hono<AppEnv>, svc: DecisionService, api: ApiScope): void {
  const page = (path: string, summary: string): RouteDoc => ({ method: 'get', path, summary, tags: ['Besluiten (LBLOD)'], security: 'none', responses: { '200': { description: 'HTML+RDFa', contentTypes: ['text/html'] }, '404': { description: 'Nothing published here' } } });
  const p = (c: Context<AppEnv>, n: string) => c.req.param(n) ?? '';
  const { uris } = svc.iris;

  api.route(app, page(DECISIONS_PATH, 'Bestuurseenheden that published decisions'), async (c) => {
    const eenheden = [];
    for (const slug of await svc.repo.publishingEenheden()) {
      const e = await svc.repo.eenheid(slug);
      if (e) eenheden.push({ slug, naam: e.naam, href: uris.url(eenheidPath(slug)) });
    }
    return c.html(<IndexPage eenheden={eenheden.sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))} />);
  });

  const zittingUrl = (eenheid: string) => (d: { document: string }) => {
    const rest = d.document.slice(uris.url(eenheidPath(eenheid)).length + 1).split('/');
    return uris.url(zittingPath(eenheid, rest[0] ?? '', rest[1] ?? ''));
  };

  api.route(app, page(`${DECISIONS_PATH}/${E}`, 'Publications of one bestuurseenheid'), async (c) => {
    const e = await svc.eenheid(p(c, 'eenheid'));
    const organen = await svc.repo.organen(e.slug);
    return c.html(
      <ListingPage
        title={`Besluiten van ${e.naam}`}
        docs={await svc.published(eenheidPath(e.slug))}
        zittingUrl={zittingUrl(e.slug)}
        organen={organen.map((o) => ({ naam: o.naam, href: uris.url(orgaanPath(e.slug, o.id)) }))}
      />,
    );
  });

  api.route(app, page(`${DECISIONS_PATH}/${E}/${O}`, 'Publications of one governing body'), async (c) => {
    const e = await svc.eenheid(p(c, 'eenheid'));
    const { orgaan } = await svc.orgaan(e.slug, p(c, 'orgaan'));
    return c.html(<ListingPage title={`${orgaan.naam} · ${e.naam}`} docs={await svc.published(orgaanPath(e.slug, orgaan.id))} zittingUrl={zittingUrl(e.slug)} />);
  });

  api.route(app, page(`${DECISIONS_PATH}/${E}/${O}/${D}`, 'One meeting: links to its published documents'), async (c) => {
    const path = zittingPath(p(c, 'eenheid'), p(c, 'orgaan'), p(c, 'datum'));
    const docs = await svc.published(path);
    const first = docs[0];
    if (!first) throw new AppError('not_found', `Nothing was published at ${path}`);
    const order = (d: (typeof docs)[number]) => ['agenda', 'besluitenlijst', 'notulen', 'uittreksel'].indexOf(d.kind);
    docs.sort((a, b) => order(a) - order(b) || a.document.localeCompare(b.document, 'nl', { numeric: true }));
    const title = `${first.orgaanNaam} · zitting van ${brussels(first.geplandeStart).display.slice(0, 10)}`;
    return c.html(<ZittingPage title={title} zitting={first.zitting} docs={docs} iris={svc.iris} />);
  });

  const show = async (c: Context<AppEnv>, ref: DocumentRef, v?: number) => {
    const eenheid = p(c, 'eenheid');
    const orgaan = p(c, 'orgaan');
    const datum = p(c, 'datum');
    const doc = await svc.document(eenheid, orgaan, datum, ref, v);
    const { reader, iris, lists } = svc.repo;
    const z = reader.zitting(doc.quads);
    const body = z ? reader.orgaan(doc.quads, z.eenheid, z.orgaan) : null;
    if (!z || !body) throw new AppError('internal', `The stored version ${doc.current.iri} is incomplete`);
    const ix = new Index(doc.quads);
    const eenheidIri = iris.eenheid(z.eenheid).value;
    const eenheidClassificatie = ix.one(eenheidIri, ORG.classification);
    c.header('Cache-Control', v === undefined ? 'no-cache' : 'public, max-age=31536000, immutable');
    return c.html(
      <DocumentPage
        iris={iris}
        lists={lists}
        ref={ref}
        z={z}
        body={{
          eenheid: z.eenheid,
          eenheidNaam: ix.one(eenheidIri, SKOS.prefLabel) ?? z.eenheid,
          ...(eenheidClassificatie ? { eenheidClassificatie } : {}),
          orgaan: z.orgaan,
          orgaanNaam: body.naam,
          periode: z.periode,
          ...(lists.orgaanClassificaties.has(body.classificatie) ? { classificatie: lists.orgaanClassificaties.get(body.classificatie) } : {}),
        }}
        names={reader.mandatarisNames(doc.quads)}
        current={doc.current}
        versions={doc.versions}
        stable={v === undefined}
        zittingPath={zittingPath(eenheid, orgaan, datum)}
      />,
    );
  };
  for (const kind of MEETING_DOCUMENT_KINDS) {
    api.route(app, page(`${DECISIONS_PATH}/${E}/${O}/${D}/${kind}`, `Latest version of the ${kind}`), (c) => show(c, { kind }));
    api.route(app, page(`${DECISIONS_PATH}/${E}/${O}/${D}/${kind}/versies/${V}`, `One version of the ${kind} (immutable)`), (c) => show(c, { kind }, Number(p(c, 'v'))));
  }
  api.route(app, page(`${DECISIONS_PATH}/${E}/${O}/${D}/uittreksels/${N}`, 'Latest version of the uittreksel of agendapunt n'), (c) => show(c, { kind: 'uittreksel', n: Number(p(c, 'n')) }));
  api.route(app, page(`${DECISIONS_PATH}/${E}/${O}/${D}/uittreksels/${N}/versies/${V}`, 'One version of an uittreksel (immutable)'), (c) =>
    show(c, { kind: 'uittreksel', n: Number(p(c, 'n')) }, Number(p(c, 'v'))),
  );
}
