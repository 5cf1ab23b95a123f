/**
 * One product at a time: create, change and delete through the web form or the product API.
 *
 * Saving builds an SC product from the fields (authority = the organisation, spatial = its area,
 * modified = today, language nl), writes its scproduct XML with the SC writer, and checks that XML
 * with the catalogue import's own rules (CatalogueService.checkProduct), the organisation's other
 * stored products standing in for the rest of its catalogue. The stored RDF is made from the
 * product as the reader reads that XML back, so stelsel:sourceXml and the RDF cannot disagree.
 * The product graph is written in one audited transaction, guarded by the version the editor saw.
 */
import type * as RDF from '@rdfjs/types';
import type { AuditContext } from '../../shared/audit/audit-log.js';
import { authorize } from '../../shared/auth/policy.js';
import type { Actor } from '../../shared/auth/actor.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { CoreDeps } from '../../shared/http/context.js';
import { namedNode } from '../../shared/rdf/factory.js';
import { OWMS } from '../../shared/rdf/vocab.js';
import { parseScCatalogue, type ScProduct, type ScReference } from '../sc-xml/index.js';
import { writeScCatalogue, writeScProduct } from '../sc-xml/write.js';
import { productGraph, productIri, productKey, productQuads } from '../model.js';
import { CatalogueRepository, type CatalogueOrganisation } from '../repository.js';
import { CatalogueService } from '../service.js';
import type { ListName } from '../valuelists/index.js';
import { checkVersion, formProblems, versionToken } from './checks.js';
import { fieldOf, storedProduct, type FieldProblem, type ProductFields, type StoredProduct } from './model.js';
import { ProductQueries, siblingsOf, type UplConcept } from './queries.js';

/** Which list an organisation's OWMS IRI is in decides the scheme of its authority (and of its area). */
const ORG_LISTS: [ListName, string, boolean][] = [
  ['gemeente', 'Gemeente', true],
  ['provincie', 'Provincie', true],
  ['waterschap', 'Waterschap', true],
  ['ministerie', 'Ministerie', false],
  ['overheidsorganisatie', 'AndereOrganisatie', false],
  ['overige-overheidsorganisatie', 'AndereOrganisatie', false],
];
const KEY = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,99}$/;
const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

export interface ProductOrganisation extends CatalogueOrganisation {
  label: string;
  /** overheid:authority of its products; undefined when its OWMS IRI is in no value list. */
  authority: ScReference | undefined;
  /** Default dcterms:spatial: its own area, or the Netherlands for national organisations. */
  spatial: ScReference | undefined;
}

export interface LoadedProduct extends StoredProduct {
  key: string;
  /** Opaque version for optimistic concurrency (the ETag of the product API). */
  version: string;
}

/** A product refused for its fields: the problems go next to the fields (422). */
export class ProductInvalid extends AppError {
  constructor(readonly problems: FieldProblem[]) {
    super('validation_failed', `The product has ${problems.length} problem(s): ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, { problems });
  }
}

export class ProductService {
  readonly queries: ProductQueries;
  private readonly repo: CatalogueRepository;
  private readonly catalogue: CatalogueService;

  constructor(
    private readonly deps: CoreDeps,
    private readonly opts: { now?: () => Date } = {},
  ) {
    this.queries = new ProductQueries(deps);
    this.repo = new CatalogueRepository(deps);
    this.catalogue = new CatalogueService(deps, { maxBytes: deps.config.bodyLimitBytes, ...(opts.now ? { now: opts.now } : {}) });
  }

  async organisation(slug: string): Promise<ProductOrganisation> {
    const rec = await this.queries.organisation(slug);
    if (!rec) throw notFound(`The organisation ${JSON.stringify(slug)}`);
    const concepts = await this.repo.concepts(rec.sameAs, ORG_LISTS.map(([l]) => l));
    for (const [list, scheme, isArea] of ORG_LISTS) {
      for (const same of rec.sameAs) {
        const label = concepts.get(same.value)?.find((h) => h.list === list)?.labels[0];
        if (label === undefined) continue;
        const authority = { scheme: `overheid:${scheme}`, resourceIdentifier: same.value, label };
        const spatial = isArea ? authority : { scheme: 'overheid:Koninkrijksdeel', resourceIdentifier: OWMS('Nederland').value, label: 'Nederland' };
        return { iri: rec.iri, slug: rec.slug, label: rec.label, authority, spatial };
      }
    }
    return { iri: rec.iri, slug: rec.slug, label: rec.label, authority: undefined, spatial: undefined };
  }

  /** Throws Denied unless the actor may edit the organisation's products. */
  authorizeEdit(actor: Actor, org: CatalogueOrganisation): void {
    authorize(actor, 'catalogue.product.edit', org.iri.value, this.deps.uris.platform.value);
  }

  async product(org: CatalogueOrganisation, key: string): Promise<LoadedProduct> {
    if (!KEY.test(key)) throw notFound('This product');
    const iri = this.deps.uris.id('product', org.slug, key);
    const found = storedProduct(iri, await this.queries.graphQuads(this.deps.uris.graph('product', org.slug, key)));
    if (!found) throw notFound('This product');
    // The store keeps no order: take the UPL names in the order of the delivered scproduct.
    const source = await this.readSource(found.sourceXml);
    const order = (source?.uniformeProductnaam ?? []).map((r) => r.resourceIdentifier);
    const rank = (i: string) => (order.includes(i) ? order.indexOf(i) : order.length);
    const uplIris = [...found.uplIris].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    const stored = { ...found, uplIris, keep: { ...found.keep, uplExtra: uplIris.slice(1) } };
    const labels = await this.repo.concepts(stored.uplIris.slice(0, 1).map((i) => namedNode(i)), ['upl']);
    const first = stored.uplIris[0];
    const upl = first === undefined ? '' : (labels.get(first)?.[0]?.labels[0] ?? first);
    const version = await this.deps.audit.version(iri);
    return { ...stored, fields: { ...stored.fields, upl }, key, version: versionToken(version, stored.sourceXml) };
  }

  /** The UPL names of concepts (IRI -> name). */
  async uplNames(iris: readonly RDF.NamedNode[]): Promise<Map<string, string>> {
    const hits = await this.repo.concepts([...new Map(iris.map((i) => [i.value, i])).values()], ['upl']);
    return new Map([...hits].flatMap(([iri, h]) => (h[0]?.labels[0] !== undefined ? [[iri, h[0].labels[0]] as const] : [])));
  }

  /** The IRI key of a productID. */
  keyOf(productID: string): string {
    return productKey(productID);
  }

  /** UPL concepts for the look-up (by name). */
  upl(q: string, limit = 50): Promise<UplConcept[]> {
    return this.queries.uplSearch(q.trim().slice(0, 200), limit);
  }

  /** Creates a product (`key` null) or changes one; returns its key. Throws ProductInvalid, or 409 on a stale version. */
  async save(ctx: AuditContext, slug: string, key: string | null, fields: ProductFields, version?: string): Promise<{ key: string }> {
    const org = await this.organisation(slug);
    this.authorizeEdit(ctx.actor, org);
    const existing = key === null ? null : await this.product(org, key);
    const expect = existing ? checkVersion(existing, version) : undefined;
    const productID = existing ? existing.fields.productID : fields.productID.trim();

    const problems = formProblems(fields, productID);
    const upl = fields.upl.trim() === '' ? [] : await this.queries.uplByName(fields.upl.trim());
    if (fields.upl.trim() !== '' && upl.length === 0) problems.push({ field: 'upl', code: 'upl-unknown', message: 'This name is not on the Uniforme Productnamenlijst' });
    if (!org.authority || !org.spatial) problems.push({ field: 'general', code: 'authority-unknown', message: `${org.label} is in none of the OWMS value lists, so it cannot be the authority of a product` });
    if (problems.length) throw new ProductInvalid(problems);

    const product = await this.build(org, existing, fields, productID, upl[0]);
    let xml: string;
    try {
      xml = writeScProduct(product);
    } catch (e) {
      if (e instanceof AppError) throw new ProductInvalid([{ field: fieldOf(e.message.toLowerCase().replace(/^[a-z]+:/, '')), code: 'xml', message: e.message }]);
      throw e;
    }

    const graph = productGraph(this.deps.uris, org.slug, productID);
    const checked = await this.catalogue.checkProduct(writeScCatalogue([xml]), await siblingsOf(this.deps, org.slug, existing ? graph : null));
    const report = checked.report;
    const found: FieldProblem[] = [
      ...report.xmlErrors.map((e) => ({ field: 'general' as const, code: e.code, message: e.message })),
      ...report.catalogueProblems.map((p) => ({ field: 'general' as const, code: p.code, message: p.message })),
      ...(report.products[0]?.problems ?? []).map((p) => ({ field: fieldOf(p.code), code: p.code, message: p.message })),
    ];
    if (!checked.organisation || !checked.organisation.iri.equals(org.iri)) {
      found.push({ field: 'general', code: 'authority-differs', message: `The authority is not ${org.label}` });
    }
    const parsed = checked.products[0];
    if (found.length || !parsed) throw new ProductInvalid(found.length ? found : [{ field: 'general', code: 'xml', message: 'The product could not be read back' }]);

    const iri = productIri(this.deps.uris, org.slug, productID);
    const quads = productQuads(this.deps.uris, org.slug, org.iri, { ...parsed, productID });
    await this.repo.saveProduct(ctx, org, { iri, graph, quads, expect: { version: expect, sourceXml: existing?.sourceXml ?? null } });
    return { key: productKey(productID) };
  }

  async delete(ctx: AuditContext, slug: string, key: string, version?: string): Promise<void> {
    const org = await this.organisation(slug);
    this.authorizeEdit(ctx.actor, org);
    const existing = await this.product(org, key);
    const expect = checkVersion(existing, version);
    await this.repo.deleteProduct(ctx, org, {
      iri: existing.iri,
      graph: this.deps.uris.graph('product', org.slug, key),
      expect: { version: expect, sourceXml: existing.sourceXml },
    });
  }

  private async build(org: ProductOrganisation, existing: LoadedProduct | null, f: ProductFields, productID: string, upl: UplConcept | undefined): Promise<ScProduct> {
    const keep = existing?.keep;
    const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());
    const label = await this.labeller(existing);
    const spatial: ScReference[] = keep?.spatial.length
      ? keep.spatial.map((s) => ({ scheme: `overheid:${s.scheme}`, resourceIdentifier: s.iri, label: label(s.iri) ?? (s.iri === org.spatial?.resourceIdentifier ? org.spatial.label : s.iri) }))
      : [org.spatial!];
    const uplRef = (iri: string): ScReference => ({ scheme: 'overheid:UniformeProductnaam', resourceIdentifier: iri, label: label(iri) ?? iri });
    const languages = keep?.languages.length ? keep.languages : ['nl'];
    return {
      identifier: f.identifier.trim(),
      title: f.title.trim(),
      language: languages[0]!,
      languages,
      type: 'productbeschrijving',
      modified: AMSTERDAM_DATE.format(this.opts.now?.() ?? new Date()),
      spatial,
      authority: org.authority,
      authorities: org.authority ? [org.authority] : [],
      audience: [...new Set(f.audience)],
      subject: keep?.subject ?? [],
      abstract: opt(f.abstract),
      productID,
      onlineAanvragen: f.onlineAanvragen as ScProduct['onlineAanvragen'],
      aanvraagURL: opt(f.aanvraagURL),
      eenmaligAanmelden: opt(f.eenmaligAanmelden) as ScProduct['eenmaligAanmelden'],
      contactpunt: opt(f.contactpunt),
      uniformeProductnaam: [
        ...(upl ? [{ scheme: 'overheid:UniformeProductnaam', resourceIdentifier: upl.iri, label: upl.label }] : []),
        ...(keep?.uplExtra ?? []).filter((i) => i !== upl?.iri).map(uplRef),
      ],
      gerelateerdProduct: (keep?.gerelateerdProduct ?? []).map(uplRef),
      productHTML: keep?.productHTML,
      xml: '',
      line: 1,
    };
  }

  /** The stored scproduct read on its own (undefined when it needs its catalogue's namespace declarations). */
  private async readSource(xml: string): Promise<ScProduct | undefined> {
    const parsed = await parseScCatalogue(writeScCatalogue([xml]), { maxBytes: this.deps.config.bodyLimitBytes }).catch(() => null);
    return parsed?.ok ? parsed.products[0] : undefined;
  }

  /**
   * Labels for the value-list references the form keeps (area, further UPL names, related
   * products): the value list's name, else the label in the stored scproduct (when it can be read
   * on its own), else none.
   */
  private async labeller(existing: LoadedProduct | null): Promise<(iri: string) => string | undefined> {
    if (!existing) return () => undefined;
    const k = existing.keep;
    const iris = [...k.spatial.map((s) => s.iri), ...k.uplExtra, ...k.gerelateerdProduct];
    if (!iris.length) return () => undefined;
    const lists = await this.repo.concepts(iris.map((i) => namedNode(i)), ['gemeente', 'provincie', 'waterschap', 'upl']);
    const source = new Map<string, string>();
    const p = await this.readSource(existing.sourceXml);
    for (const r of p ? [...p.spatial, ...p.uniformeProductnaam, ...p.gerelateerdProduct] : []) source.set(r.resourceIdentifier, r.label);
    return (iri) => lists.get(iri)?.[0]?.labels[0] ?? source.get(iri);
  }

}
