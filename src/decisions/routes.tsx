/** @jsxImportSource hono/jsx */
/**
 * The public publication site under /besluiten (see paths.ts): overviews, meeting pages, and each
 * document at its stable URL (latest version) and at its version URLs (immutable). Pages are
 * rendered from the stored version graphs only; drafts never appear here. Every document page has a
 * PDF rendition at its path + ".pdf". Document pages and PDFs are served from the page cache.
 */
import type { Context, Hono } from 'hono';
import { AppError } from '../shared/errors.js';
import type { AppEnv } from '../shared/http/context.js';
import type { ApiScope, ParamDoc, RouteDoc } from '../shared/http/openapi.js';
import type { TripleStore } from '../shared/store/port.js';
import { DOCUMENT_KINDS, MEETING_DOCUMENT_KINDS } from './model.js';
import { rendered, type Rendered } from './page-cache.js';
import { frameVariant, IMMUTABLE, PublishedDocuments, respond, REVALIDATE, type DocumentAddress } from './page-cache-documents.js';
import { DECISIONS_PATH, eenheidPath, orgaanPath, zittingPath, type DocumentRef } from './paths.js';
import { renderDocumentPdf } from './pdf.js';
import { safeFileName } from './pdf-text.js';
import { brussels } from './publish.js';
import type { DecisionService } from './service.js';
import { DocumentPage } from './views/document-page.js';
import { IndexPage, ListingPage, ZittingPage } from './views/overview.js';

const E = ':eenheid{[a-z0-9][a-z0-9-]*}';
const O = ':orgaan{[a-z0-9][a-z0-9-]*}';
const D = ':datum{[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9](?:-[1-9][0-9]*)?}';
const N = ':n{[1-9][0-9]*}';
const V = ':v{[1-9][0-9]*}';
/** A number followed by ".pdf" (Hono cannot put a literal suffix after a parameter). */
const VPDF = ':vpdf{[1-9][0-9]*\\.pdf}';
const NPDF = ':npdf{[1-9][0-9]*\\.pdf}';
const PDF_PARAMS: ParamDoc[] = [
  { name: 'npdf', in: 'path', required: true, description: 'Number of the agendapunt (the path ends in {npdf}.pdf, e.g. 3.pdf)' },
  { name: 'vpdf', in: 'path', required: true, description: 'Version number (the path ends in {vpdf}.pdf, e.g. 2.pdf)' },
];

export function decisionPages(app: Hono<AppEnv>, svc: DecisionService, api: ApiScope, store: Pick<TripleStore, 'select' | 'count' | 'kind'>): void {
  const page = (path: string, summary: string): RouteDoc => ({ method: 'get', path, summary, tags: ['Besluiten (LBLOD)'], security: 'none', responses: { '200': { description: 'HTML+RDFa', contentTypes: ['text/html'] }, '304': { description: 'Not modified (If-None-Match)' }, '404': { description: 'Nothing published here' } } });
  const pdf = (path: string, summary: string): RouteDoc => ({
    method: 'get', path, summary, tags: ['Besluiten (LBLOD)'], security: 'none',
    parameters: PDF_PARAMS.filter((x) => path.includes(`:${x.name}{`)),
    responses: { '200': { description: 'PDF rendition of the page', contentTypes: ['application/pdf'] }, '304': { description: 'Not modified (If-None-Match)' }, '404': { description: 'Nothing published here' } },
  });
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
    const order = (d: (typeof docs)[number]) => (DOCUMENT_KINDS as readonly string[]).indexOf(d.kind);
    docs.sort((a, b) => order(a) - order(b) || a.document.localeCompare(b.document, 'nl', { numeric: true }));
    const title = `${first.orgaanNaam} · zitting van ${brussels(first.geplandeStart).display.slice(0, 10)}`;
    return c.html(<ZittingPage title={title} zitting={first.zitting} docs={docs} iris={svc.iris} />);
  });

  const documents = new PublishedDocuments(svc, store);
  const address = (c: Context<AppEnv>, ref: DocumentRef, v?: number): DocumentAddress => ({
    eenheid: p(c, 'eenheid'), orgaan: p(c, 'orgaan'), datum: p(c, 'datum'), ref, ...(v === undefined ? {} : { v }),
  });

  /** The page of a version (v) or of the latest version (stable URL); shared renders for anonymous requests. */
  const show = async (c: Context<AppEnv>, ref: DocumentRef, v?: number) => {
    const a = address(c, ref, v);
    const r = await documents.resolve(a);
    const stable = v === undefined;
    const render = async (): Promise<Rendered> => {
      const d = await documents.content(a, r);
      const page = <DocumentPage iris={svc.iris} lists={svc.lists} ref={ref} z={d.z} body={d.body} names={d.names} current={d.current} versions={d.versions} stable={stable} zittingPath={PublishedDocuments.zittingPath(a)} />;
      return rendered(await page.toString(), 'text/html; charset=UTF-8');
    };
    const variant = frameVariant(c);
    if (variant === null) return respond(c, await render(), 'private, no-cache', false);
    const key = `html|${variant}|${stable ? 'stable' : 'version'}|${r.current.iri}|${r.latest.iri}`;
    const { r: page, hit } = await documents.cache.through(key, render);
    return respond(c, page, stable ? REVALIDATE : IMMUTABLE, hit);
  };

  /** The PDF of a version (v) or of the latest version: the same bytes for both, as it shows only its own version. */
  const showPdf = async (c: Context<AppEnv>, ref: DocumentRef, v?: number) => {
    const a = address(c, ref, v);
    const r = await documents.resolve(a);
    const { r: pdf, hit } = await documents.cache.through(`pdf|${r.current.iri}`, async () => {
      const d = await documents.content(a, r);
      return rendered(await renderDocumentPdf({ iris: svc.iris, lists: svc.lists, ref, z: d.z, body: d.body, names: d.names, current: d.current, quads: d.quads, signatures: d.current.handtekeningen ?? [] }), 'application/pdf');
    });
    const name = safeFileName([a.eenheid, a.orgaan, a.datum, ref.kind, ...(ref.n === undefined ? [] : [ref.n]), 'versie', r.current.number], 'pdf');
    return respond(c, pdf, v === undefined ? REVALIDATE : IMMUTABLE, hit, { 'Content-Disposition': `inline; filename="${name}"` });
  };
  const vpdf = (c: Context<AppEnv>, n: string) => Number(p(c, n).slice(0, -'.pdf'.length));

  for (const kind of MEETING_DOCUMENT_KINDS) {
    api.route(app, page(`${DECISIONS_PATH}/${E}/${O}/${D}/${kind}`, `Latest version of the ${kind}`), (c) => show(c, { kind }));
    api.route(app, page(`${DECISIONS_PATH}/${E}/${O}/${D}/${kind}/versies/${V}`, `One version of the ${kind} (immutable)`), (c) => show(c, { kind }, Number(p(c, 'v'))));
    api.route(app, pdf(`${DECISIONS_PATH}/${E}/${O}/${D}/${kind}.pdf`, `PDF of the latest version of the ${kind}`), (c) => showPdf(c, { kind }));
    api.route(app, pdf(`${DECISIONS_PATH}/${E}/${O}/${D}/${kind}/versies/${VPDF}`, `PDF of one version of the ${kind} (immutable)`), (c) => showPdf(c, { kind }, vpdf(c, 'vpdf')));
  }
  api.route(app, page(`${DECISIONS_PATH}/${E}/${O}/${D}/uittreksels/${N}`, 'Latest version of the uittreksel of agendapunt n'), (c) => show(c, { kind: 'uittreksel', n: Number(p(c, 'n')) }));
  api.route(app, page(`${DECISIONS_PATH}/${E}/${O}/${D}/uittreksels/${N}/versies/${V}`, 'One version of an uittreksel (immutable)'), (c) =>
    show(c, { kind: 'uittreksel', n: Number(p(c, 'n')) }, Number(p(c, 'v'))),
  );
  api.route(app, pdf(`${DECISIONS_PATH}/${E}/${O}/${D}/uittreksels/${NPDF}`, 'PDF of the latest version of the uittreksel of agendapunt n'), (c) => showPdf(c, { kind: 'uittreksel', n: vpdf(c, 'npdf') }));
  api.route(app, pdf(`${DECISIONS_PATH}/${E}/${O}/${D}/uittreksels/${N}/versies/${VPDF}`, 'PDF of one version of an uittreksel (immutable)'), (c) =>
    showPdf(c, { kind: 'uittreksel', n: Number(p(c, 'n')) }, vpdf(c, 'vpdf')),
  );
}
