/**
 * Attachments as RDF: a file (nfo:FileDataObject) with its name, size, media type and SHA-256,
 * linked from its decision with eli:related_to. The same description is kept privately while the
 * meeting is a draft and copied into every published version whose decisions refer to it, with
 * the public download URL.
 */
import type * as RDF from '@rdfjs/types';
import { literal, namedNode, quad } from '../shared/rdf/factory.js';
import { DCT, ELI, NFO, RDF_, STELSEL, XSD } from '../shared/rdf/vocab.js';
import type { Bijlage, Zitting } from './model.js';
import { Index } from './read.js';
import type { DecisionIris } from './rdf.js';

/** The attachment's description in `graph`; with `downloadUrl` when it is published. */
export function bijlageQuads(iris: DecisionIris, b: Bijlage, graph: RDF.NamedNode, downloadUrl?: string): RDF.Quad[] {
  const s = iris.bijlage(b.id);
  return [
    quad(s, RDF_.type, NFO.FileDataObject, graph),
    quad(s, NFO.fileName, literal(b.bestandsnaam), graph),
    quad(s, NFO.fileSize, literal(String(b.grootte), XSD.integer), graph),
    quad(s, DCT.format, literal(b.mediaType), graph),
    quad(s, STELSEL.sha256, literal(b.sha256), graph),
    quad(s, DCT.created, literal(b.opgeladen, XSD.dateTime), graph),
    ...(downloadUrl ? [quad(s, STELSEL.downloadUrl, namedNode(downloadUrl), graph)] : []),
  ];
}

/** A published attachment as a page shows it. */
export interface BijlageInfo extends Bijlage {
  /** IRI of the decision that refers to it. */
  besluit: string;
  downloadUrl: string;
}

/** Every attachment described in the quads (a draft's metadata graphs, or a published version). */
export function readBijlagen(iris: DecisionIris, quads: readonly RDF.Quad[], zitting: string): Bijlage[] {
  const ix = new Index(quads);
  return ix.subjectsOfType(NFO.FileDataObject).flatMap((s) => {
    const naam = ix.one(s, NFO.fileName);
    const sha256 = ix.one(s, STELSEL.sha256);
    if (naam === undefined || !sha256) return [];
    const b: Bijlage = {
      id: iris.idOf(s),
      zitting,
      bestandsnaam: naam,
      grootte: Number(ix.one(s, NFO.fileSize) ?? 0),
      sha256,
      mediaType: 'application/pdf',
      opgeladen: ix.one(s, DCT.created) ?? '',
    };
    return [b];
  }).sort((a, b) => a.opgeladen.localeCompare(b.opgeladen) || a.bestandsnaam.localeCompare(b.bestandsnaam, 'nl'));
}

/** The published attachments of a version, with the decision each belongs to. */
export function publishedBijlagen(iris: DecisionIris, quads: readonly RDF.Quad[]): BijlageInfo[] {
  const ix = new Index(quads);
  const owner = new Map<string, string>();
  for (const q of quads) if (q.predicate.equals(ELI.related_to)) owner.set(q.object.value, q.subject.value);
  return readBijlagen(iris, quads, '').flatMap((b) => {
    const iri = iris.bijlage(b.id).value;
    const besluit = owner.get(iri);
    const downloadUrl = ix.one(iri, STELSEL.downloadUrl);
    return besluit && downloadUrl ? [{ ...b, besluit, downloadUrl }] : [];
  });
}

/** The meeting read from its draft graph, with the attachment ids of each decision (eli:related_to). */
export function withBijlagen(iris: DecisionIris, z: Zitting, quads: readonly RDF.Quad[]): Zitting {
  const ix = new Index(quads);
  return {
    ...z,
    agendapunten: z.agendapunten.map((a) => {
      const d = a.behandeling?.besluit;
      if (!a.behandeling || !d) return a;
      const ids = ix.all(iris.besluit(d.id).value, ELI.related_to).map((t) => iris.idOf(t.value)).sort();
      return ids.length ? { ...a, behandeling: { ...a.behandeling, besluit: { ...d, bijlagen: ids } } } : a;
    }),
  };
}
