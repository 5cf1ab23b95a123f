/**
 * What the LBLOD harvester does with a publishing site (DOMAIN.md section 3), for the tests:
 * discover pages only through `<a href property>` links with one of five predicates, parse each
 * page with @lblod/graph-rdfa-processor (page URL as base), keep only literals of the datatypes it
 * supports, and check the result against its SHACL profile.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import type * as RDF from '@rdfjs/types';
import { ShaclValidator, type ShaclReport } from '../../src/shared/shacl/validator.js';
import { BESLUIT, LBLOD_BESLUIT, RDF_, XSD } from '../../src/shared/rdf/vocab.js';
import { ROOT } from '../../src/main.js';
import { rdfaLblod } from '../linked-data/rdfa-support.js';

export const PROFILE = path.resolve(ROOT, '../shared/reference/lblod/harvester-application-profile.ttl');
export const hasProfile = existsSync(PROFILE);

let profile: ShaclValidator | undefined;
export function harvesterProfile(): ShaclValidator {
  return (profile ??= ShaclValidator.fromTurtle(readFileSync(PROFILE, 'utf8')));
}

export const FOLLOWED = [LBLOD_BESLUIT.linkToPublication, BESLUIT.heeftAgenda, BESLUIT.heeftBesluitenlijst, BESLUIT.heeftNotulen, BESLUIT.heeftUittreksel].map((p) => p.value);

/** Literal datatypes that survive the harvester. */
const SUPPORTED = new Set([XSD.string.value, RDF_.langString.value, XSD.boolean.value, XSD.date.value, XSD.dateTime.value, XSD.integer.value]);
const DATE_TIME_WITH_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export interface HarvestedPage {
  url: string;
  html: string;
  triples: RDF.Quad[];
  /** Links the harvester follows from this page (absolute URLs). */
  links: string[];
}

export function parsePage(url: string, html: string): HarvestedPage {
  const triples = rdfaLblod(html, url);
  const dom = new JSDOM(html, { url });
  const anchors = [...dom.window.document.querySelectorAll('a[href][property]')].map((a) => new URL(a.getAttribute('href') ?? '', url).href);
  const linked = new Set(triples.filter((q) => FOLLOWED.includes(q.predicate.value) && q.object.termType === 'NamedNode').map((q) => q.object.value));
  const links = [...new Set(anchors.filter((href) => linked.has(href) && !href.endsWith('.pdf')))];
  return { url, html, triples, links };
}

/** Problems the harvester would have with a page's triples: blank nodes, unsupported literals. */
export function tripleProblems(triples: readonly RDF.Quad[]): string[] {
  const problems: string[] = [];
  for (const q of triples) {
    if (q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode') problems.push(`blank node: ${q.subject.value} ${q.predicate.value} ${q.object.value}`);
    if (q.object.termType === 'Literal') {
      const dt = q.object.language ? RDF_.langString.value : q.object.datatype.value;
      if (!SUPPORTED.has(dt)) problems.push(`unsupported datatype ${dt} on ${q.predicate.value}`);
      if (dt === XSD.dateTime.value && !DATE_TIME_WITH_SECONDS.test(q.object.value)) problems.push(`dateTime without seconds: ${q.object.value}`);
    }
  }
  return problems;
}

/** Violations of the harvester's profile, as "shape-ish path: focus" strings. */
export async function violations(triples: readonly RDF.Quad[]): Promise<{ report: ShaclReport; list: string[] }> {
  const report = await harvesterProfile().validate(triples);
  const list = report.results.filter((r) => r.severity === 'Violation').map((r) => `${r.path ?? '(node)'} ${r.constraint?.replace(/^.*#/, '') ?? ''}`);
  return { report, list: list.sort() };
}
