/**
 * Organisations as RDF: one named graph per organisation ({BASE_URL}/graph/organisatie/{slug})
 * holding its description ({BASE_URL}/id/organisatie/{slug}):
 *
 *   <id/organisatie/gemeente-gent> a org:Organization, besluit:Bestuurseenheid ;
 *     skos:prefLabel "Gemeente Gent"@nl ;
 *     org:identifier "OVO002949"^^stelsel:OvoCode, "0207451227"^^stelsel:KboNumber ;
 *     owl:sameAs <http://data.lblod.info/id/bestuurseenheden/...> ;
 *     org:classification <...BestuurseenheidClassificatieCode/...> ; besluit:classificatie <...> .
 *
 * An identifier is an org:identifier literal whose datatype names its scheme (the SKOS pattern for
 * notations), so one property carries every scheme and a lookup is one typed literal. OWMS terms
 * (Dutch organisations) and LBLOD bestuurseenheden are the same organisation in another dataset:
 * owl:sameAs, told apart by namespace. SHACL (shapes/identity.ttl) checks every format.
 *
 * The service authorises (policy table), and writes through the audit log, so each change is
 * validated, versioned and audited in one transaction.
 */
import type * as RDF from '@rdfjs/types';
import type { AuditContext } from '../shared/audit/audit-log.js';
import { authorize, can, Denied } from '../shared/auth/policy.js';
import { AppError, notFound } from '../shared/errors.js';
import type { CoreDeps } from '../shared/http/context.js';
import { isValidIri, sparql } from '../shared/rdf/encode.js';
import { literal, namedNode, quad } from '../shared/rdf/factory.js';
import {
  BESLUIT, BESTUURSEENHEID_CLASSIFICATIE, LBLOD_BESTUURSEENHEDEN, ORG, OWL, OWMS_TERMS, RDF_, SKOS, STELSEL,
} from '../shared/rdf/vocab.js';
import type { Precondition, TripleStore } from '../shared/store/port.js';
import type { UriPolicy } from '../shared/uri.js';
import { normaliseKbo, normaliseOvo, SLUG, type CreateOrganisationInput, type Organisation, type OrganisationInput } from './model.js';

/** What login needs: the organisation of an ACM/IDM `vo_orgcode` claim, and a name to show. */
export interface OrganisationDirectory {
  /** The IRI of the organisation with this OVO code or KBO number, or null. */
  findByCode(code: string): Promise<string | null>;
  /** The organisation's name (Dutch preferred), or null when unknown. */
  label(iri: string): Promise<string | null>;
}

export interface IdentityStoreDeps {
  store: TripleStore;
  uris: UriPolicy;
}

/** The typed literal a code is stored as, or null when it is neither an OVO code nor a KBO number. */
export function codeLiteral(code: string): RDF.Literal | null {
  const ovo = normaliseOvo(code);
  if (/^OVO\d{6}$/.test(ovo)) return literal(ovo, STELSEL.OvoCode);
  let kbo = normaliseKbo(code).replace(/^BE/i, '');
  if (/^\d{9}$/.test(kbo)) kbo = `0${kbo}`; // old nine-digit notation
  if (/^\d{10}$/.test(kbo)) return literal(kbo, STELSEL.KboNumber);
  return null;
}

/** Store access for organisations (no authorisation here). */
export class OrganisationRepository {
  private readonly idPrefix: string;
  private readonly graphPrefix: string;

  constructor(private readonly deps: IdentityStoreDeps) {
    this.idPrefix = deps.uris.url('/id/organisatie/');
    this.graphPrefix = deps.uris.url('/graph/organisatie/');
  }

  iriOf(slug: string): RDF.NamedNode {
    return this.deps.uris.id('organisatie', slug);
  }

  graphOf(slug: string): RDF.NamedNode {
    return this.deps.uris.graph('organisatie', slug);
  }

  /** The slug of a local organisation IRI, or null. */
  slugOf(iri: string): string | null {
    if (!iri.startsWith(this.idPrefix)) return null;
    const slug = iri.slice(this.idPrefix.length);
    return SLUG.test(slug) ? slug : null;
  }

  isOrganisationIri(iri: string): boolean {
    return this.slugOf(iri) !== null;
  }

  async get(slug: string): Promise<Organisation | null> {
    if (!SLUG.test(slug)) return null;
    const iri = this.iriOf(slug);
    const rows = await this.deps.store.select(
      sparql`SELECT ?p ?o WHERE { GRAPH ${this.graphOf(slug)} { ${iri} ?p ?o } }`,
    );
    if (!rows.some((r) => r.p?.equals(RDF_.type) && r.o?.equals(ORG.Organization))) return null;
    return fromStatements(iri.value, slug, rows.flatMap((r) => (r.p && r.o ? [[r.p, r.o] as const] : [])));
  }

  /** Every organisation, by name. */
  async list(): Promise<Organisation[]> {
    const rows = await this.deps.store.select(sparql`
      SELECT ?org ?p ?o WHERE {
        GRAPH ?g { ?org a ${ORG.Organization} ; ?p ?o }
        FILTER(STRSTARTS(STR(?g), ${literal(this.graphPrefix)}))
      }`);
    const byOrg = new Map<string, [RDF.Term, RDF.Term][]>();
    for (const r of rows) {
      if (!r.org || !r.p || !r.o) continue;
      const list = byOrg.get(r.org.value) ?? [];
      list.push([r.p, r.o]);
      byOrg.set(r.org.value, list);
    }
    const out: Organisation[] = [];
    for (const [iri, statements] of byOrg) {
      const slug = this.slugOf(iri);
      if (slug) out.push(fromStatements(iri, slug, statements));
    }
    return out.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }

  /** The organisation's description as quads in its own graph. */
  toQuads(slug: string, input: OrganisationInput): RDF.Quad[] {
    const s = this.iriOf(slug);
    const g = this.graphOf(slug);
    const q = (p: RDF.NamedNode, o: RDF.Quad_Object) => quad(s, p, o, g);
    const flemishClass = !!input.classification?.startsWith(BESTUURSEENHEID_CLASSIFICATIE.iri);
    const bestuurseenheid = !!input.lblod || flemishClass;
    return [
      q(RDF_.type, ORG.Organization),
      ...(bestuurseenheid ? [q(RDF_.type, BESLUIT.Bestuurseenheid)] : []),
      q(SKOS.prefLabel, literal(input.name, 'nl')),
      ...(input.ovo !== undefined ? [q(ORG.identifier, literal(normaliseOvo(input.ovo), STELSEL.OvoCode))] : []),
      ...(input.kbo !== undefined ? [q(ORG.identifier, literal(normaliseKbo(input.kbo), STELSEL.KboNumber))] : []),
      ...(input.oin !== undefined ? [q(ORG.identifier, literal(input.oin.trim(), STELSEL.OinNumber))] : []),
      ...(input.owms ? [q(OWL.sameAs, namedNode(input.owms))] : []),
      ...(input.lblod ? [q(OWL.sameAs, namedNode(input.lblod))] : []),
      ...(input.classification ? [q(ORG.classification, namedNode(input.classification))] : []),
      // The LBLOD data reads besluit:classificatie, the harvester's shapes org:classification (DOMAIN.md 3).
      ...(input.classification && bestuurseenheid ? [q(BESLUIT.classificatie, namedNode(input.classification))] : []),
    ];
  }

  /** Refuses (409) an OVO code or KBO number another organisation already has. */
  uniqueCodes(slug: string, quads: readonly RDF.Quad[]): Precondition[] {
    const self = this.iriOf(slug);
    return quads
      .filter((q) => q.predicate.equals(ORG.identifier) && q.object.termType === 'Literal')
      .map((q) => ({
        ask: sparql`ASK {
          GRAPH ?g { ?other ${ORG.identifier} ${q.object} }
          FILTER(?other != ${self} && STRSTARTS(STR(?g), ${literal(this.graphPrefix)}))
        }`,
        expect: false,
        message: `Another organisation already has the identifier ${q.object.value}`,
      }));
  }

  async findByCode(code: string): Promise<string | null> {
    const lit = codeLiteral(code);
    if (!lit) return null;
    const rows = await this.deps.store.select(sparql`
      SELECT ?org WHERE {
        GRAPH ?g { ?org a ${ORG.Organization} ; ${ORG.identifier} ${lit} }
        FILTER(STRSTARTS(STR(?g), ${literal(this.graphPrefix)}))
      } ORDER BY ?org LIMIT 1`);
    return rows[0]?.org?.value ?? null;
  }

  async label(iri: string): Promise<string | null> {
    if (!isValidIri(iri)) return null;
    const rows = await this.deps.store.select(sparql`
      SELECT ?label WHERE {
        GRAPH ?g { ${namedNode(iri)} ${SKOS.prefLabel} ?label }
        FILTER(STRSTARTS(STR(?g), ${literal(this.graphPrefix)}))
      }`);
    const labels = rows.flatMap((r) => (r.label?.termType === 'Literal' ? [r.label] : []));
    return (labels.find((l) => l.language === 'nl') ?? labels.find((l) => !l.language) ?? labels[0])?.value ?? null;
  }
}

function fromStatements(iri: string, slug: string, statements: readonly (readonly [RDF.Term, RDF.Term])[]): Organisation {
  const org: Organisation = { iri, slug, name: slug, bestuurseenheid: false };
  const names: RDF.Literal[] = [];
  for (const [p, o] of statements) {
    if (p.equals(SKOS.prefLabel) && o.termType === 'Literal') names.push(o);
    else if (p.equals(RDF_.type) && o.equals(BESLUIT.Bestuurseenheid)) org.bestuurseenheid = true;
    else if (p.equals(ORG.classification) && o.termType === 'NamedNode') org.classification = o.value;
    else if (p.equals(OWL.sameAs) && o.termType === 'NamedNode') {
      if (o.value.startsWith(OWMS_TERMS.iri)) org.owms = o.value;
      else if (o.value.startsWith(LBLOD_BESTUURSEENHEDEN.iri)) org.lblod = o.value;
    } else if (p.equals(ORG.identifier) && o.termType === 'Literal') {
      if (o.datatype.equals(STELSEL.OvoCode)) org.ovo = o.value;
      else if (o.datatype.equals(STELSEL.KboNumber)) org.kbo = o.value;
      else if (o.datatype.equals(STELSEL.OinNumber)) org.oin = o.value;
    }
  }
  org.name = (names.find((l) => l.language === 'nl') ?? names[0])?.value ?? slug;
  return org;
}

/** The fields that identify an organisation elsewhere; only a beheerder changes them. */
export const IDENTIFIER_FIELDS = ['ovo', 'kbo', 'oin', 'owms', 'lblod'] as const;

function normalised(field: (typeof IDENTIFIER_FIELDS)[number], value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return field === 'ovo' ? normaliseOvo(value) : field === 'kbo' ? normaliseKbo(value) : value.trim();
}

export interface VersionedOrganisation {
  organisation: Organisation;
  /** The audit version (0 = never written through the API); the ETag of its representation. */
  version: number;
}

/** Use cases on organisations: authorised here, not only in the routes. */
export class OrganisationService {
  constructor(
    private readonly deps: CoreDeps,
    readonly repo: OrganisationRepository,
  ) {}

  private get platform(): string {
    return this.deps.uris.platform.value;
  }

  list(): Promise<Organisation[]> {
    return this.repo.list();
  }

  async get(slug: string): Promise<VersionedOrganisation> {
    const organisation = await this.repo.get(slug);
    if (!organisation) throw notFound(`The organisation ${JSON.stringify(slug)}`);
    return { organisation, version: await this.deps.audit.version(namedNode(organisation.iri)) };
  }

  async create(ctx: AuditContext, input: CreateOrganisationInput): Promise<VersionedOrganisation> {
    authorize(ctx.actor, 'organisation.create', undefined, this.platform);
    const { slug, ...fields } = input;
    const graph = this.repo.graphOf(slug);
    const quads = this.repo.toQuads(slug, fields);
    const result = await this.deps.audit.write(
      ctx,
      { action: 'organisation.create', resource: this.repo.iriOf(slug), scope: this.repo.iriOf(slug) },
      {
        replaceGraphs: [{ graph, quads }],
        precondition: [
          { ask: sparql`ASK { GRAPH ${graph} { ?s ?p ?o } }`, expect: false, message: `An organisation ${JSON.stringify(slug)} already exists` },
          ...this.repo.uniqueCodes(slug, quads),
        ],
      },
    );
    return this.reread(slug, result.versionAfter);
  }

  /** Replaces the organisation's description; `expectVersion` (from If-Match) guards lost updates. */
  async update(ctx: AuditContext, slug: string, fields: OrganisationInput, expectVersion?: number): Promise<VersionedOrganisation> {
    if (!SLUG.test(slug)) throw notFound(`The organisation ${JSON.stringify(slug)}`);
    const iri = this.repo.iriOf(slug);
    authorize(ctx.actor, 'organisation.update', iri.value, this.platform);
    const current = await this.repo.get(slug);
    if (!current) throw notFound(`The organisation ${JSON.stringify(slug)}`);
    // Identifiers tie logins (ACM/IDM vo_orgcode) to this organisation: registering them is a
    // beheerder's act, like registering an organisation; its own admin changes the rest.
    const changed = IDENTIFIER_FIELDS.filter((f) => normalised(f, fields[f]) !== current[f]);
    if (changed.length && !can(ctx.actor, 'organisation.create', undefined, this.platform)) {
      const denied = new Denied(ctx.actor, 'organisation.create', iri.value);
      denied.message = `Only a beheerder changes an organisation's identifiers (${changed.join(', ')})`;
      throw denied;
    }
    const graph = this.repo.graphOf(slug);
    const quads = this.repo.toQuads(slug, fields);
    const result = await this.deps.audit.write(
      ctx,
      { action: 'organisation.update', resource: iri, scope: iri, ...(expectVersion !== undefined ? { expectVersion } : {}) },
      {
        replaceGraphs: [{ graph, quads }],
        precondition: [
          { ask: sparql`ASK { GRAPH ${graph} { ${iri} a ${ORG.Organization} } }`, expect: true, message: 'The organisation was removed meanwhile' },
          ...this.repo.uniqueCodes(slug, quads),
        ],
      },
    );
    return this.reread(slug, result.versionAfter);
  }

  private async reread(slug: string, version: number | undefined): Promise<VersionedOrganisation> {
    const organisation = await this.repo.get(slug);
    if (!organisation) throw new AppError('internal', 'The organisation was written but cannot be read back');
    return { organisation, version: version ?? 0 };
  }
}

/** The directory the login module uses (ACM/IDM `vo_orgcode` -> organisation). */
export function createOrganisationDirectory(deps: IdentityStoreDeps): OrganisationDirectory {
  const repo = new OrganisationRepository(deps);
  return { findByCode: (code) => repo.findByCode(code), label: (iri) => repo.label(iri) };
}
