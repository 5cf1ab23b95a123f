/**
 * API tokens for machine clients, scoped to one organisation and a set of its roles:
 *
 *   <id/token/{uuid}> a stelsel:ApiToken ; rdfs:label "Harvest trigger" ;
 *     stelsel:tokenHash "<hex sha-256 of the whole token>" ;
 *     stelsel:grantScope <id/organisatie/gemeente-gent> ; stelsel:grantedRole <.../rol/schrijver> ;
 *     dct:created "..."^^xsd:dateTime ; dct:creator <agent> ;
 *     stelsel:revoked "..."^^xsd:dateTime .          # once revoked; never deleted
 *
 * The secret is `stl_` + 32 random bytes in base64url; it is returned once, when issued, and only
 * its SHA-256 is stored (in the private identity graph). A lookup by hash needs no constant-time
 * comparison: the hash of a guess reveals nothing about the stored ones. Secrets are never logged.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type * as RDF from '@rdfjs/types';
import type { AuditContext } from '../shared/audit/audit-log.js';
import { agentOf, type Actor } from '../shared/auth/actor.js';
import type { TokenResolver } from '../shared/auth/authenticate.js';
import { authorize } from '../shared/auth/policy.js';
import { ROLE_SCOPE, roleIri, type Role } from '../shared/auth/roles.js';
import { AppError, notFound } from '../shared/errors.js';
import type { CoreDeps } from '../shared/http/context.js';
import { sparql } from '../shared/rdf/encode.js';
import { literal, namedNode, quad } from '../shared/rdf/factory.js';
import { DCT, RDF_, RDFS, STELSEL, XSD } from '../shared/rdf/vocab.js';
import { roleOfIri } from './grants.js';
import { ID, type IssuedToken, type TokenInput, type TokenView } from './model.js';
import type { IdentityStoreDeps, OrganisationRepository } from './organisations.js';

/** Recognisable prefix of Stelsel API tokens (secret scanners can look for it). */
export const TOKEN_PREFIX = 'stl_';

const TOKEN_SHAPE = /^stl_[A-Za-z0-9_-]{43}$/;

/** The stored form of a token: lower-case hex SHA-256 of the whole token string. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Resolves `Authorization: Bearer stl_...` to the token's actor (wired into authenticate()). */
export class ApiTokenResolver implements TokenResolver {
  constructor(private readonly deps: IdentityStoreDeps) {}

  async verify(token: string): Promise<Actor | null> {
    if (!TOKEN_SHAPE.test(token)) return null;
    const rows = await this.deps.store.select(sparql`
      SELECT ?token ?name ?scope ?role WHERE { GRAPH ${this.deps.uris.identityGraph} {
        ?token a ${STELSEL.ApiToken} ; ${STELSEL.tokenHash} ${literal(hashToken(token))} ;
          ${RDFS.label} ?name ; ${STELSEL.grantScope} ?scope ; ${STELSEL.grantedRole} ?role .
        FILTER NOT EXISTS { ?token ${STELSEL.revoked} ?revoked }
      } }`);
    const first = rows[0];
    if (!first?.token || !first.name) return null;
    const iri = first.token.value;
    const grants = rows.flatMap((r) => {
      const role = r.role ? roleOfIri(r.role.value) : null;
      // A token holds organisation roles only, whatever the store says.
      return r.token?.value === iri && role && ROLE_SCOPE[role] === 'organisation' && r.scope ? [{ role, scope: r.scope.value }] : [];
    });
    return { kind: 'token', iri, name: first.name.value, grants };
  }
}

const now = () => literal(new Date().toISOString(), XSD.dateTime);

export class TokenService {
  constructor(
    private readonly deps: CoreDeps,
    private readonly orgs: OrganisationRepository,
  ) {}

  private get platform(): string {
    return this.deps.uris.platform.value;
  }

  private tokenIri(id: string): RDF.NamedNode {
    return this.deps.uris.id('token', id);
  }

  /** An organisation's tokens, valid and revoked; never their secrets or hashes. */
  async list(actor: Actor, slug: string): Promise<TokenView[]> {
    const org = this.orgs.iriOf(slug);
    authorize(actor, 'token.list', org.value, this.platform);
    if (!(await this.orgs.get(slug))) throw notFound(`The organisation ${JSON.stringify(slug)}`);
    const rows = await this.deps.store.select(sparql`
      SELECT ?token ?name ?role ?created ?creator ?revoked WHERE { GRAPH ${this.deps.uris.identityGraph} {
        ?token a ${STELSEL.ApiToken} ; ${STELSEL.grantScope} ${org} ; ${RDFS.label} ?name ; ${STELSEL.grantedRole} ?role .
        OPTIONAL { ?token ${DCT.created} ?created }
        OPTIONAL { ?token ${DCT.creator} ?creator }
        OPTIONAL { ?token ${STELSEL.revoked} ?revoked }
      } } ORDER BY DESC(?created) ?token ?role`);
    const prefix = this.deps.uris.url('/id/token/');
    const byToken = new Map<string, TokenView>();
    for (const r of rows) {
      if (!r.token || !r.name) continue;
      const t: TokenView = byToken.get(r.token.value) ?? {
        id: r.token.value.slice(prefix.length),
        iri: r.token.value,
        name: r.name.value,
        organisation: org.value,
        roles: [],
        ...(r.created ? { created: r.created.value } : {}),
        ...(r.creator ? { creator: r.creator.value } : {}),
        ...(r.revoked ? { revoked: r.revoked.value } : {}),
      };
      const role = r.role ? roleOfIri(r.role.value) : null;
      if (role && !t.roles.includes(role)) t.roles.push(role);
      byToken.set(r.token.value, t);
    }
    return [...byToken.values()];
  }

  /** Issues a token; the returned `token` is the only copy of the secret there will ever be. */
  async issue(ctx: AuditContext, slug: string, input: TokenInput): Promise<IssuedToken> {
    const org = this.orgs.iriOf(slug);
    authorize(ctx.actor, 'token.issue', org.value, this.platform);
    if (!(await this.orgs.get(slug))) throw notFound(`The organisation ${JSON.stringify(slug)}`);
    const roles = [...new Set(input.roles)];
    const wrong = roles.filter((r) => ROLE_SCOPE[r] !== 'organisation');
    if (wrong.length) {
      throw new AppError('validation_failed', `An API token holds roles of its organisation only; not: ${wrong.join(', ')}`);
    }
    const id = randomUUID();
    const iri = this.tokenIri(id);
    const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const ig = this.deps.uris.identityGraph;
    const agent = agentOf(ctx.actor);
    const created = now();
    await this.deps.audit.write(
      ctx,
      { action: 'token.issue', resource: iri, scope: org },
      {
        insert: [
          quad(iri, RDF_.type, STELSEL.ApiToken, ig),
          quad(iri, RDFS.label, literal(input.name), ig),
          quad(iri, STELSEL.tokenHash, literal(hashToken(secret)), ig),
          quad(iri, STELSEL.grantScope, org, ig),
          ...roles.map((r: Role) => quad(iri, STELSEL.grantedRole, namedNode(roleIri(r)), ig)),
          quad(iri, DCT.created, created, ig),
          ...(agent ? [quad(iri, DCT.creator, namedNode(agent), ig)] : []),
        ],
      },
    );
    return {
      id,
      iri: iri.value,
      name: input.name,
      organisation: org.value,
      roles,
      created: created.value,
      ...(agent ? { creator: agent } : {}),
      token: secret,
    };
  }

  /** Revokes a token of this organisation (marks it revoked; the record stays). */
  async revoke(ctx: AuditContext, slug: string, id: string): Promise<void> {
    const org = this.orgs.iriOf(slug);
    authorize(ctx.actor, 'token.revoke', org.value, this.platform);
    if (!ID.test(id)) throw notFound('The token');
    const iri = this.tokenIri(id);
    const ig = this.deps.uris.identityGraph;
    const rows = await this.deps.store.select(sparql`
      SELECT ?revoked WHERE { GRAPH ${ig} {
        ${iri} a ${STELSEL.ApiToken} ; ${STELSEL.grantScope} ${org} . OPTIONAL { ${iri} ${STELSEL.revoked} ?revoked }
      } }`);
    if (!rows.length) throw notFound('The token');
    if (rows.some((r) => r.revoked)) throw new AppError('conflict', 'The token was already revoked');
    await this.deps.audit.write(
      ctx,
      { action: 'token.revoke', resource: iri, scope: org },
      {
        insert: [quad(iri, STELSEL.revoked, now(), ig)],
        precondition: { ask: sparql`ASK { GRAPH ${ig} { ${iri} ${STELSEL.revoked} ?r } }`, expect: false, message: 'The token was already revoked' },
      },
    );
  }
}
