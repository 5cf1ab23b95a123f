/**
 * The audit side of logging in and out. A successful login updates the user's record in the
 * private identity graph (name, issuer, subject, last login) and writes its 'login' audit entry in
 * the same transaction; a failed one is recorded as 'login.failed' with the reason.
 */
import type * as RDF from '@rdfjs/types';
import type { AuditLog } from '../shared/audit/audit-log.js';
import type { Actor } from '../shared/auth/actor.js';
import { ANONYMOUS } from '../shared/auth/actor.js';
import { sparql } from '../shared/rdf/encode.js';
import { literal, namedNode, quad } from '../shared/rdf/factory.js';
import { FOAF, RDF_, STELSEL, XSD } from '../shared/rdf/vocab.js';
import { PreconditionFailed, type TripleStore } from '../shared/store/port.js';
import type { UriPolicy } from '../shared/uri.js';
import type { SessionUser } from './session.js';

export type LoginOrigin =
  | { via: 'oidc'; issuer: string; subject: string; ignored: { value: string; reason: string }[] }
  | { via: 'demo' };

export class LoginService {
  constructor(
    private readonly deps: { store: TripleStore; uris: UriPolicy; audit: AuditLog },
  ) {}

  /** Updates the user record and audits the login, atomically (retried once on a concurrent login). */
  async loggedIn(requestId: string, user: SessionUser, origin: LoginOrigin): Promise<void> {
    const actor: Actor = { kind: 'user', iri: user.iri, name: user.name, grants: user.grants };
    const detail =
      origin.via === 'demo'
        ? 'demo'
        : ['oidc', ...(origin.ignored.length ? [`ignored role values: ${origin.ignored.map((i) => `${i.value} (${i.reason})`).join(', ')}`] : [])].join('; ');
    for (let attempt = 0; ; attempt++) {
      const { remove, add } = await this.userRecordChange(user, origin);
      try {
        await this.deps.audit.write({ actor, requestId }, { action: 'login', resource: namedNode(user.iri), detail }, { delete: remove, insert: add });
        return;
      } catch (err) {
        if (!(err instanceof PreconditionFailed) || attempt > 0) throw err;
      }
    }
  }

  async failed(requestId: string, reason: string): Promise<void> {
    await this.deps.audit.record({ actor: ANONYMOUS, requestId }, { action: 'login.failed', outcome: 'failure', detail: reason });
  }

  async loggedOut(requestId: string, actor: Actor & { kind: 'user' }): Promise<void> {
    await this.deps.audit.record({ actor, requestId }, { action: 'logout', resource: namedNode(actor.iri) });
  }

  /** The quads to replace: demo users keep their seeded record and only get a last-login time. */
  private async userRecordChange(user: SessionUser, origin: LoginOrigin): Promise<{ remove: RDF.Quad[]; add: RDF.Quad[] }> {
    const g = this.deps.uris.identityGraph;
    const u = namedNode(user.iri);
    const replaced = origin.via === 'oidc' ? [FOAF.name, STELSEL.issuer, STELSEL.subject, STELSEL.lastLogin] : [STELSEL.lastLogin];
    const rows = await this.deps.store.select(
      sparql`SELECT ?p ?o WHERE { GRAPH ${g} { ${u} ?p ?o } VALUES ?p { ${replaced} } }`,
    );
    const remove = rows.flatMap((r) => (r.p?.termType === 'NamedNode' && r.o ? [quad(u, r.p, r.o as RDF.Quad_Object, g)] : []));
    const now = literal(new Date().toISOString(), XSD.dateTime);
    const add =
      origin.via === 'oidc'
        ? [
            quad(u, RDF_.type, FOAF.Person, g),
            quad(u, RDF_.type, STELSEL.User, g),
            quad(u, FOAF.name, literal(user.name), g),
            quad(u, STELSEL.issuer, namedNode(origin.issuer), g),
            quad(u, STELSEL.subject, literal(origin.subject), g),
            quad(u, STELSEL.lastLogin, now, g),
          ]
        : [quad(u, STELSEL.lastLogin, now, g)];
    return { remove, add };
  }
}
