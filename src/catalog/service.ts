/**
 * Catalogue use cases: validate an SC 4.0 catalogue (no storage) and import it (all-or-nothing).
 *
 * A catalogue is valid when the XML reader (sc-xml) finds no error and no product breaks an extra
 * rule. The extra rules (the XSD does not check them; shapes/catalog.ttl guards the stored form of
 * the per-product ones again on write):
 * - required: productID, dcterms:abstract, dcterms:audience, onlineAanvragen, overheid:authority;
 * - audience values particulier / ondernemer (once each);
 * - aanvraagURL required when onlineAanvragen is ja or digid;
 * - modified is a real date (checked by the reader) not in the future;
 * - identifier unique in the catalogue and in the whole collection (other organisations' products);
 * - productID unique per organisation (the catalogue holds all of them, so: in the catalogue);
 * - spatial / authority: the resourceIdentifier is a concept of the list its scheme names, and the
 *   label is that concept's name;
 * - uniformeProductnaam / gerelateerdProduct are concepts of the UPL, with the UPL name as label;
 * - every product has the same authority (one catalogue = one organisation).
 */
import type * as RDF from '@rdfjs/types';
import type { AuditContext } from '../shared/audit/audit-log.js';
import { authorize } from '../shared/auth/policy.js';
import type { CoreDeps } from '../shared/http/context.js';
import { isValidIri } from '../shared/rdf/encode.js';
import { namedNode } from '../shared/rdf/factory.js';
import { parseScCatalogue, type ScInput, type ScProduct, type ScReference } from './sc-xml/index.js';
import { UPL_NOT_YET_AVAILABLE, type ListName } from './valuelists/index.js';
import {
  productGraph, productQuads, schemeName,
  type CatalogueOverview, type CatalogueReport, type ProductProblem, type ProductReport,
} from './model.js';
import { CatalogueRepository, type CatalogueOrganisation, type ConceptHit } from './repository.js';

/** Which value lists a scheme's URIs must come from (schemes without a loaded list are not checked). */
const SCHEME_LISTS: Record<string, readonly ListName[]> = {
  Gemeente: ['gemeente'],
  Provincie: ['provincie'],
  Waterschap: ['waterschap'],
  Ministerie: ['ministerie'],
  AndereOrganisatie: ['overheidsorganisatie', 'overige-overheidsorganisatie'],
};
const CHECKED_LISTS = [...new Set(Object.values(SCHEME_LISTS).flat())];
const AUDIENCES = new Set(['particulier', 'ondernemer']);
/** Today's date (YYYY-MM-DD) where the catalogues are published. */
const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

export interface CatalogueServiceOptions {
  /** Largest accepted catalogue in bytes. */
  maxBytes: number;
  /** Today, for the "modified not in the future" rule (tests pin it). */
  now?: () => Date;
}

export interface ImportResult {
  report: CatalogueReport;
  /** True when the products were stored. */
  stored: boolean;
  organisation?: string;
  removed?: number;
}

/** The organisation's other stored products, standing in for the rest of its catalogue when one product is checked. */
export interface CatalogueSiblings {
  identifiers: readonly string[];
  productIDs: readonly string[];
}

export interface Checked {
  report: CatalogueReport;
  products: readonly ScProduct[];
  authority: RDF.NamedNode | null;
  organisation: CatalogueOrganisation | null;
}

export class CatalogueService {
  private readonly repo: CatalogueRepository;

  constructor(
    private readonly deps: CoreDeps,
    private readonly opts: CatalogueServiceOptions,
  ) {
    this.repo = new CatalogueRepository(deps);
  }

  /** Checks a catalogue without storing anything. */
  async validate(input: ScInput): Promise<CatalogueReport> {
    return (await this.check(input)).report;
  }

  /**
   * Imports a catalogue for its authority's organisation: on any problem nothing is stored and the
   * report says why; otherwise that organisation's products are replaced in one transaction.
   */
  async import(ctx: AuditContext, input: ScInput): Promise<ImportResult> {
    const checked = await this.check(input);
    const platform = this.deps.uris.platform.value;
    authorize(ctx.actor, 'catalogue.import', checked.organisation?.iri.value, platform);
    const { report, organisation } = checked;
    if (!report.valid) return { report, stored: false };
    if (!organisation) {
      const problem = {
        code: 'authority-unknown',
        message: `No Stelsel organisation is owl:sameAs the catalogue's authority ${checked.authority?.value ?? '(none)'}`,
      };
      return { report: { ...report, valid: false, catalogueProblems: [...report.catalogueProblems, problem] }, stored: false };
    }
    const replacements = checked.products.map((p) => ({
      graph: productGraph(this.deps.uris, organisation.slug, p.productID!),
      quads: productQuads(this.deps.uris, organisation.slug, organisation.iri, { ...p, productID: p.productID! }),
    }));
    const { removed } = await this.repo.replaceProducts(ctx, organisation, replacements);
    return { report, stored: true, organisation: organisation.iri.value, removed };
  }

  /**
   * Imports a catalogue on behalf of one organisation (the harvester: a source belongs to one
   * organisation). Refused, with nothing stored, when the catalogue's authority is not that
   * organisation, so that no source can replace another organisation's products.
   */
  async importFor(ctx: AuditContext, organisationIri: string, input: ScInput): Promise<ImportResult> {
    const checked = await this.check(input);
    authorize(ctx.actor, 'catalogue.import', organisationIri, this.deps.uris.platform.value);
    const { organisation } = checked;
    let { report } = checked;
    if (organisation?.iri.value !== organisationIri) {
      const problem = {
        code: 'authority-mismatch',
        message: `The catalogue's authority ${checked.authority?.value ?? '(none)'} is ${organisation ? `the organisation ${organisation.iri.value}` : 'no Stelsel organisation'}, not ${organisationIri}; a source only delivers its own organisation's products`,
      };
      report = { ...report, valid: false, catalogueProblems: [...report.catalogueProblems, problem] };
    }
    if (!report.valid || !organisation) return { report, stored: false };
    const replacements = checked.products.map((p) => ({
      graph: productGraph(this.deps.uris, organisation.slug, p.productID!),
      quads: productQuads(this.deps.uris, organisation.slug, organisation.iri, { ...p, productID: p.productID! }),
    }));
    const { removed } = await this.repo.replaceProducts(ctx, organisation, replacements);
    return { report, stored: true, organisation: organisation.iri.value, removed };
  }

  /**
   * Checks a catalogue of one product (a form edit) by exactly the import's rules; `siblings` are the
   * organisation's other products, so identifier and productID stay unique in its catalogue.
   */
  async checkProduct(input: ScInput, siblings: CatalogueSiblings): Promise<Checked> {
    return this.check(input, siblings);
  }

  private async check(input: ScInput, siblings: CatalogueSiblings = { identifiers: [], productIDs: [] }): Promise<Checked> {
    const parsed = await parseScCatalogue(input, { maxBytes: this.opts.maxBytes });
    const products = parsed.products;
    const catalogueProblems: ProductProblem[] = [];

    const first = products.find((p) => p.authority)?.authority;
    const authority = first && isValidIri(first.resourceIdentifier) ? namedNode(first.resourceIdentifier) : null;
    const organisation = authority ? await this.repo.organisationOf(authority) : null;

    // Value-list concepts and identifiers used elsewhere, each fetched in one query.
    const refs = products.flatMap((p) => [...p.spatial, ...p.authorities]);
    const upls = products.flatMap((p) => [...p.uniformeProductnaam, ...p.gerelateerdProduct]);
    const iris = (rs: readonly ScReference[]) =>
      [...new Set(rs.map((r) => r.resourceIdentifier).filter((i) => isValidIri(i)))].map((i) => namedNode(i));
    const concepts = await this.repo.concepts(iris(refs), CHECKED_LISTS);
    const uplConcepts = await this.repo.concepts(iris(upls), ['upl']);
    const elsewhere = await this.repo.identifiersUsedElsewhere([...new Set(products.map((p) => p.identifier))], organisation?.slug ?? null);

    const count = <T>(xs: readonly T[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<T, number>());
    const identifiers = count([...products.map((p) => p.identifier), ...siblings.identifiers]);
    const productIDs = count([...products.flatMap((p) => (p.productID !== undefined ? [p.productID] : [])), ...siblings.productIDs]);
    const today = AMSTERDAM_DATE.format(this.opts.now?.() ?? new Date());

    const reports: ProductReport[] = products.map((p) => {
      const problems: ProductProblem[] = [];
      const add = (code: string, message: string) => problems.push({ code, message });
      if (p.productID === undefined) add('productid-missing', 'overheidproduct:productID is required');
      if (p.abstract === undefined) add('abstract-missing', 'dcterms:abstract is required');
      if (!p.audience.length) add('audience-missing', 'At least one dcterms:audience is required');
      if (p.onlineAanvragen === undefined) add('onlineaanvragen-missing', 'overheidproduct:onlineAanvragen is required');
      if (!p.authority) add('authority-missing', 'overheid:authority is required');
      for (const a of p.audience) if (!AUDIENCES.has(a)) add('audience-value', `dcterms:audience must be particulier or ondernemer, not "${a}"`);
      if (new Set(p.audience).size !== p.audience.length) add('audience-repeated', 'An audience is given twice');
      if ((p.onlineAanvragen === 'ja' || p.onlineAanvragen === 'digid') && p.aanvraagURL === undefined) {
        add('aanvraagurl-missing', `overheidproduct:aanvraagURL is required when onlineAanvragen is ${p.onlineAanvragen}`);
      }
      if (p.modified.slice(0, 10) > today) add('modified-in-future', `dcterms:modified ${p.modified} lies in the future`);
      if ((identifiers.get(p.identifier) ?? 0) > 1) add('identifier-duplicate', `The identifier ${p.identifier} occurs more than once in this catalogue`);
      if (elsewhere.has(p.identifier)) add('identifier-not-unique', `Another organisation's product already has the identifier ${p.identifier}`);
      if (p.productID !== undefined && (productIDs.get(p.productID) ?? 0) > 1) add('productid-duplicate', `The productID ${p.productID} occurs more than once in this catalogue`);
      for (const r of p.spatial) checkReference('spatial', r, concepts, add);
      for (const r of p.authorities) checkReference('authority', r, concepts, add);
      if (authority && p.authority && p.authority.resourceIdentifier !== authority.value) {
        add('authority-differs', `Every product of a catalogue has the same authority (${authority.value}), not ${p.authority.resourceIdentifier}`);
      }
      for (const r of [...p.uniformeProductnaam, ...p.gerelateerdProduct]) checkUpl(r, uplConcepts, add);
      return {
        productID: p.productID ?? null,
        identifier: p.identifier,
        title: p.title,
        line: p.line,
        audience: p.audience,
        upl: p.uniformeProductnaam.map((r) => r.label),
        problems,
      };
    });

    const xmlErrors = parsed.errors.map((e) => ({ line: e.line, column: e.column, code: e.code, message: e.message }));
    const valid = parsed.ok && xmlErrors.length === 0 && reports.every((r) => r.problems.length === 0) && catalogueProblems.length === 0;
    return { report: { valid, xmlErrors, catalogueProblems, overview: overview(products), products: reports }, products, authority, organisation };
  }
}

function checkReference(
  what: 'spatial' | 'authority',
  r: ScReference,
  concepts: Map<string, ConceptHit[]>,
  add: (code: string, message: string) => void,
): void {
  const scheme = schemeName(r.scheme);
  const lists = SCHEME_LISTS[scheme];
  if (!lists) return; // GGD, Koninkrijksdeel: no value list of ours to check against
  const hits = (concepts.get(r.resourceIdentifier) ?? []).filter((h) => lists.includes(h.list));
  if (!hits.length) {
    const inOther = concepts.get(r.resourceIdentifier)?.[0];
    add(
      `${what}-not-in-list`,
      inOther
        ? `${r.resourceIdentifier} is in the ${inOther.list} list, which does not match scheme overheid:${scheme}`
        : `${r.resourceIdentifier} is not in the value list of scheme overheid:${scheme}`,
    );
    return;
  }
  const labels = hits.flatMap((h) => h.labels);
  if (!labels.includes(r.label)) add(`${what}-label`, `The label of ${r.resourceIdentifier} is "${labels[0] ?? ''}", not "${r.label}"`);
}

function checkUpl(r: ScReference, concepts: Map<string, ConceptHit[]>, add: (code: string, message: string) => void): void {
  const labels = concepts.get(r.resourceIdentifier)?.flatMap((h) => h.labels);
  if (!labels?.length) add('upl-unknown', `${r.resourceIdentifier} is not on the Uniforme Productnamenlijst`);
  else if (!labels.includes(r.label)) add('upl-label', `The UPL name of ${r.resourceIdentifier} is "${labels[0] ?? ''}", not "${r.label}"`);
}

/** The Logius-style overview. */
export function overview(products: readonly ScProduct[]): CatalogueOverview {
  const o: CatalogueOverview = { products: products.length, onlyParticulier: 0, onlyOndernemer: 0, both: 0, withUpl: 0, online: { ja: 0, digid: 0, nee: 0 }, withAanvraagUrl: 0 };
  for (const p of products) {
    const part = p.audience.includes('particulier');
    const ond = p.audience.includes('ondernemer');
    if (part && ond) o.both++;
    else if (part) o.onlyParticulier++;
    else if (ond) o.onlyOndernemer++;
    if (p.uniformeProductnaam.some((r) => r.label !== UPL_NOT_YET_AVAILABLE)) o.withUpl++;
    if (p.onlineAanvragen) o.online[p.onlineAanvragen]++;
    if (p.aanvraagURL !== undefined) o.withAanvraagUrl++;
  }
  return o;
}
