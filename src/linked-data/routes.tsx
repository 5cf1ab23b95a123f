/** @jsxImportSource hono/jsx */
/**
 * Dereferencing: `/id/...` names things and answers 303 See Other to a document about the thing;
 * `/doc/...` serves that document as HTML+RDFa, Turtle, JSON-LD, N-Triples or RDF/XML, chosen
 * by suffix, `?format=` or the Accept header (docs/linked-data.md).
 */
import { Hono } from 'hono';
import type * as RDF from '@rdfjs/types';
import { AppError, notFound } from '../shared/errors.js';
import type { AppEnv, CoreDeps, SubAppFactory } from '../shared/http/context.js';
import type { ParamDoc } from '../shared/http/openapi.js';
import { isValidIri } from '../shared/rdf/encode.js';
import { namedNode } from '../shared/rdf/factory.js';
import { describe, isDescribed, isSkolemIri, labelsOf } from '../shared/rdf/describe.js';
import { RDF_ } from '../shared/rdf/vocab.js';
import { documentPaths, FORMATS, parseDocumentPath, redirectPath } from './documents.js';
import { chooseFormat, sendRepresentation } from './negotiate.js';
import { ResourcePage } from './views/resource-page.js';
import type { DocumentView } from './document-view.js';

const RDF_TYPES = ['text/html', 'text/turtle', 'application/ld+json', 'application/n-triples', 'application/rdf+xml'];

const ACCEPT_PARAM: ParamDoc = {
  name: 'Accept',
  in: 'header',
  description: 'Media type wanted: text/html (default), text/turtle, application/ld+json, application/n-triples or application/rdf+xml.',
};

/**
 * `views` are dedicated HTML pages for some kinds of things (tried in order); every other thing,
 * and every non-HTML representation, is served generically.
 */
export const createLinkedDataRoutes: SubAppFactory<CoreDeps & { views?: readonly DocumentView[] }> = ({ store, uris, views = [] }, api) => {
  const app = new Hono<AppEnv>();

  /** The thing IRI for a request path, or a 404 when it cannot name one of our things. */
  const thingFor = (iri: string | null): RDF.NamedNode => {
    if (!iri || !isValidIri(iri) || !uris.documentPathFor(iri)) throw notFound('This resource');
    return namedNode(iri);
  };

  api.route(
    app,
    {
      method: 'get',
      path: '/id/*',
      summary: 'Dereference the IRI of a thing',
      description:
        'Answers 303 See Other to a document about the thing: /doc/{path} for HTML, /doc/{path}.ttl, .jsonld, .nt or .rdf for RDF, chosen by the Accept header or ?format=.',
      tags: ['Linked data'],
      parameters: [ACCEPT_PARAM, { name: 'format', in: 'query', description: `One of ${FORMATS.join(', ')} (overrides Accept).` }],
      responses: {
        '303': { description: 'See Other: the Location header names the document' },
        '404': { description: 'Nothing is known about this IRI' },
        '406': { description: 'No acceptable format' },
      },
    },
    async (c) => {
      const thing = thingFor(uris.url(c.req.path));
      const choice = chooseFormat({ formatParam: c.req.query('format'), accept: c.req.header('accept') });
      if (!(await isDescribed(store, thing, uris.privateGraphs))) throw notFound(`<${thing.value}>`);
      if (choice.negotiated) c.header('Vary', 'Accept', { append: true });
      return c.redirect(redirectPath(uris.documentPathFor(thing.value)!, choice.format), 303);
    },
  );

  api.route(
    app,
    {
      method: 'get',
      path: '/doc/*',
      summary: 'The document describing a thing',
      description:
        'Every triple about the thing (in any graph) and about the nested nodes it points to. Format by suffix (.html, .ttl, .jsonld, .nt, .rdf), else ?format=, else the Accept header. Link headers name the other formats.',
      tags: ['Linked data'],
      parameters: [ACCEPT_PARAM, { name: 'format', in: 'query', description: `One of ${FORMATS.join(', ')} (ignored when the path has a suffix).` }],
      responses: {
        '200': { description: 'The description', contentTypes: RDF_TYPES },
        '404': { description: 'Nothing is known about this thing' },
        '406': { description: 'Unknown format or no acceptable media type' },
      },
    },
    async (c) => {
      const { genericPath, suffix } = parseDocumentPath(c.req.path);
      const thing = thingFor(uris.iriForDocumentPath(genericPath));
      const choice = chooseFormat({ suffix, formatParam: c.req.query('format'), accept: c.req.header('accept') });
      const triples = await describe(store, thing, { genidBase: uris.genidBase, hiddenGraphs: uris.privateGraphs });
      if (triples.length === 0) throw notFound(`<${thing.value}>`);
      const paths = documentPaths(uris, thing.value);
      if (!paths) throw new AppError('internal', 'No document paths for a local IRI');
      const isNested = (iri: string) => isSkolemIri(iri, uris.genidBase);
      return sendRepresentation(c, {
        choice,
        paths: paths.formats,
        quads: triples,
        page: async () => {
          const labels = await labelsOf(store, mentionedIris(triples, isNested), 'nl', uris.privateGraphs);
          for (const view of views) {
            const page = await view.render({ subject: thing, triples, labels, paths: paths.formats, isNested });
            if (page !== null) return page;
          }
          return <ResourcePage subject={thing} triples={triples} labels={labels} paths={paths.formats} isNested={isNested} />;
        },
      });
    },
  );

  return app;
};

/** IRIs a page shows with a name: linked objects, types and predicates (not nested nodes). */
function mentionedIris(triples: readonly RDF.Quad[], isNested: (iri: string) => boolean): RDF.NamedNode[] {
  const out = new Map<string, RDF.NamedNode>();
  for (const t of triples) {
    out.set(t.predicate.value, t.predicate as RDF.NamedNode);
    if (t.object.termType === 'NamedNode' && !isNested(t.object.value)) out.set(t.object.value, t.object);
  }
  out.delete(RDF_.type.value);
  return [...out.values()];
}
