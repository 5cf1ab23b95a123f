/**
 * A dedicated HTML+RDFa page for one kind of thing, used by the /doc/ routes instead of the generic
 * resource page. It gets the same description the other representations serialise, so its RDFa
 * can (and must) state exactly those triples.
 */
import type * as RDF from '@rdfjs/types';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { RdfFormat } from '../shared/http/conneg.js';
import type { Labels } from '../shared/render/rdfa.js';

export interface DocumentViewInput {
  subject: RDF.NamedNode;
  /** The description: triples about `subject` and the nested nodes it points to. */
  triples: readonly RDF.Quad[];
  /** Labels of the IRIs the description mentions. */
  labels: Labels;
  /** Paths of the document in every format. */
  paths: Record<RdfFormat, string>;
  isNested: (iri: string) => boolean;
}

export interface DocumentView {
  /** The page, or null when this view does not apply to the thing (the next view, then the generic page, is used). */
  render(input: DocumentViewInput): Promise<HtmlEscapedString | Promise<HtmlEscapedString> | null>;
}
