/**
 * The series register's code lists and committees, read once from data/series/*.ttl (SKOS). Code
 * values in the model are the concepts' last path segment; their IRIs live under STELSEL_CONCEPT.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as RDF from '@rdfjs/types';
import { parseRdf } from '../shared/rdf/parse.js';
import { namedNode } from '../shared/rdf/factory.js';
import { RDF_, SERIE, SKOS, STELSEL_CONCEPT } from '../shared/rdf/vocab.js';
import type { UriPolicy } from '../shared/uri.js';

export const SCHEMES = ['serie-status', 'bestemming', 'openbaarheid', 'termijnspecificatie', 'serie-soort', 'versie-reden', 'organisatietype'] as const;
export type Scheme = (typeof SCHEMES)[number];

export interface Concept {
  code: string;
  iri: RDF.NamedNode;
  label: string;
  notation: string;
}

export interface Committee {
  slug: string;
  iri: RDF.NamedNode;
  label: string;
  /** Code of the organisation type it is competent for. */
  organisatietype: string;
}

export const conceptIri = (scheme: Scheme, code: string): RDF.NamedNode => STELSEL_CONCEPT(`${scheme}/${code}`);

export class CodeLists {
  private constructor(
    private readonly concepts: ReadonlyMap<Scheme, readonly Concept[]>,
    readonly committees: readonly Committee[],
    /** Bestuurseenheid classification IRI -> organisation type code. */
    private readonly classifications: ReadonlyMap<string, string>,
    /** The quads of both files (code lists with fixed IRIs, committees under BASE_URL). */
    readonly codeListQuads: readonly RDF.Quad[],
    readonly committeeQuads: readonly RDF.Quad[],
  ) {}

  static load(dir: string, uris: UriPolicy): CodeLists {
    const lists = parseRdf(readFileSync(path.join(dir, 'codelijsten.ttl'), 'utf8'), 'text/turtle', `${uris.base}/`);
    const coms = parseRdf(readFileSync(path.join(dir, 'commissies.ttl'), 'utf8'), 'text/turtle', `${uris.base}/`);
    const one = (qs: readonly RDF.Quad[], s: RDF.Term, p: RDF.NamedNode) => qs.find((q) => q.subject.equals(s) && q.predicate.equals(p))?.object;
    const concepts = new Map<Scheme, Concept[]>();
    const classifications = new Map<string, string>();
    for (const scheme of SCHEMES) {
      const schemeIri = STELSEL_CONCEPT(scheme);
      const members = lists.filter((q) => q.predicate.equals(SKOS.inScheme) && q.object.equals(schemeIri)).map((q) => q.subject);
      concepts.set(
        scheme,
        members.map((s) => {
          const code = s.value.slice(s.value.lastIndexOf('/') + 1);
          return { code, iri: namedNode(s.value), label: one(lists, s, SKOS.prefLabel)?.value ?? code, notation: one(lists, s, SKOS.notation)?.value ?? code };
        }),
      );
      if (!members.length) throw new Error(`data/series/codelijsten.ttl: the scheme ${scheme} has no concepts`);
    }
    for (const q of lists) if (q.predicate.equals(SERIE.classificatie)) classifications.set(q.object.value, q.subject.value.slice(q.subject.value.lastIndexOf('/') + 1));
    // An organisation may also be classified with the organisation type concept itself.
    for (const c of concepts.get('organisatietype') ?? []) classifications.set(c.iri.value, c.code);
    const committees = coms
      .filter((q) => q.predicate.equals(RDF_.type) && q.object.equals(SERIE.Commissie))
      .map((q) => {
        const iri = namedNode(q.subject.value);
        const type = one(coms, iri, SERIE.bevoegdVoor)?.value ?? '';
        return { slug: iri.value.slice(iri.value.lastIndexOf('/') + 1), iri, label: one(coms, iri, SKOS.prefLabel)?.value ?? iri.value, organisatietype: type.slice(type.lastIndexOf('/') + 1) };
      });
    return new CodeLists(concepts, committees, classifications, lists, coms);
  }

  list(scheme: Scheme): readonly Concept[] {
    return this.concepts.get(scheme) ?? [];
  }

  has(scheme: Scheme, code: string): boolean {
    return this.list(scheme).some((c) => c.code === code);
  }

  label(scheme: Scheme, code: string | undefined): string {
    return this.list(scheme).find((c) => c.code === code)?.label ?? code ?? '';
  }

  /** The code of a concept IRI in a scheme, or undefined. */
  codeOf(scheme: Scheme, iri: string): string | undefined {
    return this.list(scheme).find((c) => c.iri.value === iri)?.code;
  }

  /** Accepts a code or a label (case-insensitive), as people type them in a sheet. */
  lookup(scheme: Scheme, text: string): string | undefined {
    const t = text.trim().toLowerCase();
    return this.list(scheme).find((c) => c.code === t || c.label.toLowerCase() === t || c.notation.toLowerCase() === t)?.code;
  }

  committeeFor(organisatietype: string): Committee | undefined {
    return this.committees.find((c) => c.organisatietype === organisatietype);
  }

  /** The organisation type of a classification IRI (a bestuurseenheid classification, or the type concept itself). */
  typeOfClassification(iri: string | undefined): string | undefined {
    return iri ? this.classifications.get(iri) : undefined;
  }
}
