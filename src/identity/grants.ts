/**
 * Users and role grants, in the private identity graph ({BASE_URL}/graph/identity):
 *
 *   <id/gebruiker/{id}> a foaf:Person, stelsel:User ; foaf:name "..." .
 *   <id/toekenning/{uuid}> a stelsel:Grant ;
 *     stelsel:grantee <id/gebruiker/{id}> ;
 *     stelsel:grantedRole <https://data.stelsel.nl/id/concept/rol/schrijver> ;
 *     stelsel:grantScope <id/organisatie/gemeente-gent> ;     # or a committee, or the platform
 *     dct:created "..."^^xsd:dateTime ; dct:creator <agent> ;
 *     stelsel:revoked "..."^^xsd:dateTime .                  # once revoked; never deleted
 *
 * A role is granted only in the kind of scope ROLE_SCOPE names for it. Organisation roles are
 * managed by the organisation's own organisatiebeheerder (or a beheerder); platform roles, and
 * committee roles until committees are modelled with their organisation, by a beheerder only.
 */
import { randomUUID } from 'node:crypto';
import type * as RDF from '@rdfjs/types';
import type { AuditContext } from '../shared/audit/audit-log.js';
import { agentOf, type Actor, type Grant } from '../shared/auth/actor.js';
import { authorize } from '../shared/auth/policy.js';
import { isRole, ROLE_NAMESPACE, ROLE_SCOPE, roleIri, type Role, type ScopeKind } from '../shared/auth/roles.js';
import { AppError, notFound } from '../shared/errors.js';
import type { CoreDeps } from '../shared/http/context.js';
import { isValidIri, sparql, type SparqlFragment } from '../shared/rdf/encode.js';
import { literal, namedNode, quad } from '../shared/rdf/factory.js';
import { DCT, FOAF, RDF_, STELSEL, XSD } from '../shared/rdf/vocab.js';
import type { Bindings } from '../shared/store/port.js';
import { ID, type DemoUser, type GrantInput, type GrantView, type UserSummary } from './model.js';
import type { IdentityStoreDeps, OrganisationRepository } from './organisations.js';

/** The role named by a role IRI, or null for an IRI that is not one of ours. */
export function roleOfIri(iri: string): Role | null {
  if (!iri.startsWith(ROLE_NAMESPACE)) return null;
  const r = iri.slice(ROLE_NAMESPACE.length);
  return isRole(r) ? r : null;
}

/** The active (unrevoked) grants of a user: what a session carries as the user's rights. */
export async function grantsOf(deps: IdentityStoreDeps, userIri: string): Promise<Grant[]> {
  if (!isValidIri(userIri)) return [];
  const rows = await deps.store.select(sparql`
    SELECT ?role ?scope WHERE { GRAPH ${deps.uris.identityGraph} {
      ?grant a ${STELSEL.Grant} ; ${STELSEL.grantee} ${namedNode(userIri)} ;
        ${STELSEL.grantedRole} ?role ; ${STELSEL.grantScope} ?scope .
      FILTER NOT EXISTS { ?grant ${STELSEL.revoked} ?revoked }
    } } ORDER BY ?scope ?role`);
  return toGrants(rows);
}

function toGrants(rows: readonly Bindings[]): Grant[] {
  const out: Grant[] = [];
  for (const r of rows) {
    const role = r.role ? roleOfIri(r.role.value) : null;
    if (role && r.scope?.termType === 'NamedNode') out.push({ role, scope: r.scope.value });
  }
  return out;
}

/** The demo users (one per role), with their grants, for the demo login page. */
export async function listDemoUsers(deps: IdentityStoreDeps): Promise<DemoUser[]> {
  const rows = await deps.store.select(sparql`
    SELECT ?user ?name ?role ?scope WHERE { GRAPH ${deps.uris.identityGraph} {
      ?user a ${STELSEL.DemoUser} ; ${FOAF.name} ?name .
      OPTIONAL {
        ?grant a ${STELSEL.Grant} ; ${STELSEL.grantee} ?user ; ${STELSEL.grantedRole} ?role ; ${STELSEL.grantScope} ?scope .
        FILTER NOT EXISTS { ?grant ${STELSEL.revoked} ?revoked }
      }
    } } ORDER BY ?name ?role`);
  const users = new Map<string, DemoUser>();
  for (const r of rows) {
    if (!r.user || !r.name) continue;
    const u = users.get(r.user.value) ?? { iri: r.user.value, name: r.name.value, grants: [] };
    u.grants.push(...toGrants([r]));
    users.set(r.user.value, u);
  }
  return [...users.values()];
}

/** Every user (IRI and name), for the grant form. */
export async function listUsers(deps: IdentityStoreDeps): Promise<UserSummary[]> {
  const rows = await deps.store.select(sparql`
    SELECT ?user (SAMPLE(?n) AS ?name) WHERE { GRAPH ${deps.uris.identityGraph} {
      ?user a ${STELSEL.User} . OPTIONAL { ?user ${FOAF.name} ?n }
    } } GROUP BY ?user`);
  return rows
    .flatMap((r) => (r.user ? [{ iri: r.user.value, name: r.name?.value ?? r.user.value }] : []))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

const now = () => literal(new Date().toISOString(), XSD.dateTime);

export class GrantService {
  private readonly userPrefix: string;

  constructor(
    private readonly deps: CoreDeps,
    private readonly orgs: OrganisationRepository,
  ) {
    this.userPrefix = deps.uris.url('/id/gebruiker/');
  }

  private get platform(): string {
    return this.deps.uris.platform.value;
  }

  private grantIri(id: string): RDF.NamedNode {
    return this.deps.uris.id('toekenning', id);
  }

  kindOf(scope: string): ScopeKind {
    if (scope === this.platform) return 'platform';
    return this.orgs.isOrganisationIri(scope) ? 'organisation' : 'committee';
  }

  /**
   * The active grants in an organisation. Reading them is part of managing them, so it needs the
   * right to grant roles there.
   */
  async list(actor: Actor, slug: string): Promise<GrantView[]> {
    const org = this.orgs.iriOf(slug);
    authorize(actor, 'grant.create', org.value, this.platform);
    if (!(await this.orgs.get(slug))) throw notFound(`The organisation ${JSON.stringify(slug)}`);
    return this.query(sparql`FILTER(?scope = ${org})`);
  }

  /** Platform-wide grants (beheerder, catalogusbeheerder) and committee grants: beheerders only. */
  async listBeyondOrganisations(actor: Actor): Promise<GrantView[]> {
    authorize(actor, 'grant.create', this.platform, this.platform);
    const all = await this.query(sparql``);
    return all.filter((g) => g.scopeKind !== 'organisation');
  }

  private async query(filter: SparqlFragment): Promise<GrantView[]> {
    const rows = await this.deps.store.select(sparql`
      SELECT ?grant ?user ?userName ?role ?scope ?created ?creator WHERE { GRAPH ${this.deps.uris.identityGraph} {
        ?grant a ${STELSEL.Grant} ; ${STELSEL.grantee} ?user ; ${STELSEL.grantedRole} ?role ; ${STELSEL.grantScope} ?scope .
        ${filter}
        FILTER NOT EXISTS { ?grant ${STELSEL.revoked} ?revoked }
        OPTIONAL { ?user ${FOAF.name} ?userName }
        OPTIONAL { ?grant ${DCT.created} ?created }
        OPTIONAL { ?grant ${DCT.creator} ?creator }
      } } ORDER BY ?userName ?role`);
    const prefix = this.deps.uris.url('/id/toekenning/');
    return rows.flatMap((r) => {
      const role = r.role ? roleOfIri(r.role.value) : null;
      if (!r.grant || !r.user || !r.scope || !role) return [];
      return [
        {
          id: r.grant.value.slice(prefix.length),
          iri: r.grant.value,
          user: r.user.value,
          ...(r.userName ? { userName: r.userName.value } : {}),
          role,
          scope: r.scope.value,
          scopeKind: this.kindOf(r.scope.value),
          ...(r.created ? { created: r.created.value } : {}),
          ...(r.creator ? { creator: r.creator.value } : {}),
        },
      ];
    });
  }

  /** Grants a role through an organisation's page or API. */
  async create(ctx: AuditContext, slug: string, input: GrantInput): Promise<GrantView> {
    const org = this.orgs.iriOf(slug);
    authorize(ctx.actor, 'grant.create', org.value, this.platform);
    if (!(await this.orgs.get(slug))) throw notFound(`The organisation ${JSON.stringify(slug)}`);
    const kind = ROLE_SCOPE[input.role];
    let scope: RDF.NamedNode;
    if (kind === 'organisation') {
      if (input.committee) throw invalid(`The role ${input.role} is granted in an organisation, not in a committee`);
      scope = org;
    } else if (kind === 'committee') {
      if (!input.committee) throw invalid(`The role ${input.role} is granted per committee: give the committee's IRI`);
      // Committees do not yet say which organisation they belong to, so only beheerders grant these.
      authorize(ctx.actor, 'grant.create', this.platform, this.platform);
      scope = namedNode(input.committee);
    } else {
      if (input.committee) throw invalid(`The role ${input.role} is granted for the whole platform, not in a committee`);
      authorize(ctx.actor, 'grant.create', this.platform, this.platform);
      scope = this.deps.uris.platform;
    }
    const user = await this.user(input.user);
    const id = randomUUID();
    const grant = this.grantIri(id);
    const ig = this.deps.uris.identityGraph;
    const agent = agentOf(ctx.actor);
    const created = now();
    const role = namedNode(roleIri(input.role));
    await this.deps.audit.write(
      ctx,
      { action: 'grant.create', resource: grant, scope },
      {
        insert: [
          quad(grant, RDF_.type, STELSEL.Grant, ig),
          quad(grant, STELSEL.grantee, user.iri, ig),
          quad(grant, STELSEL.grantedRole, role, ig),
          quad(grant, STELSEL.grantScope, scope, ig),
          quad(grant, DCT.created, created, ig),
          ...(agent ? [quad(grant, DCT.creator, namedNode(agent), ig)] : []),
        ],
        precondition: {
          ask: sparql`ASK { GRAPH ${ig} {
            ?g a ${STELSEL.Grant} ; ${STELSEL.grantee} ${user.iri} ; ${STELSEL.grantedRole} ${role} ; ${STELSEL.grantScope} ${scope} .
            FILTER NOT EXISTS { ?g ${STELSEL.revoked} ?r }
          } }`,
          expect: false,
          message: `${user.name} already has the role ${input.role} there`,
        },
      },
    );
    return {
      id,
      iri: grant.value,
      user: user.iri.value,
      userName: user.name,
      role: input.role,
      scope: scope.value,
      scopeKind: kind,
      created: created.value,
      ...(agent ? { creator: agent } : {}),
    };
  }

  /**
   * Revokes a grant (marks it revoked; the record stays). Through an organisation's route only
   * that organisation's grants are found; platform and committee grants need a beheerder.
   */
  async revoke(ctx: AuditContext, slug: string, id: string): Promise<void> {
    const org = this.orgs.iriOf(slug);
    authorize(ctx.actor, 'grant.revoke', org.value, this.platform);
    if (!ID.test(id)) throw notFound('The grant');
    const grant = this.grantIri(id);
    const ig = this.deps.uris.identityGraph;
    const rows = await this.deps.store.select(sparql`
      SELECT ?scope ?revoked WHERE { GRAPH ${ig} {
        ${grant} a ${STELSEL.Grant} ; ${STELSEL.grantScope} ?scope . OPTIONAL { ${grant} ${STELSEL.revoked} ?revoked }
      } }`);
    const scope = rows[0]?.scope;
    if (!scope || scope.termType !== 'NamedNode') throw notFound('The grant');
    const kind = this.kindOf(scope.value);
    if (kind === 'organisation' && !scope.equals(org)) throw notFound('The grant');
    if (kind !== 'organisation') authorize(ctx.actor, 'grant.revoke', this.platform, this.platform);
    if (rows.some((r) => r.revoked)) throw new AppError('conflict', 'The grant was already revoked');
    await this.deps.audit.write(
      ctx,
      { action: 'grant.revoke', resource: grant, scope },
      {
        insert: [quad(grant, STELSEL.revoked, now(), ig)],
        precondition: { ask: sparql`ASK { GRAPH ${ig} { ${grant} ${STELSEL.revoked} ?r } }`, expect: false, message: 'The grant was already revoked' },
      },
    );
  }

  /** A user named by IRI or id; must exist in the identity graph (422 otherwise). */
  private async user(ref: string): Promise<{ iri: RDF.NamedNode; name: string }> {
    let iri: RDF.NamedNode;
    if (ref.startsWith(this.userPrefix) && ID.test(ref.slice(this.userPrefix.length))) iri = namedNode(ref);
    else if (ID.test(ref)) iri = this.deps.uris.id('gebruiker', ref);
    else throw invalid(`"user" must be a user id or an IRI starting with ${this.userPrefix}`);
    const rows = await this.deps.store.select(sparql`
      SELECT ?name WHERE { GRAPH ${this.deps.uris.identityGraph} { ${iri} a ${STELSEL.User} . OPTIONAL { ${iri} ${FOAF.name} ?name } } }`);
    if (!rows.length) throw invalid(`There is no user ${iri.value}`);
    return { iri, name: rows[0]?.name?.value ?? iri.value };
  }
}

const invalid = (message: string) => new AppError('validation_failed', message);
