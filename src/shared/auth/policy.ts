/**
 * The authorisation table: every write operation, the roles that may perform it, and the scope the
 * role must be held in. Services call `authorize` (not only routes); test/identity/matrix.test.ts
 * walks this table for every role x own / other scope / anonymous.
 */
import { AppError } from '../errors.js';
import { grantsOf, type Actor } from './actor.js';
import type { Role, ScopeKind } from './roles.js';

export interface Rule {
  /** Roles that allow the action (any one suffices). */
  roles: readonly Role[];
  /** The kind of scope the action is performed in; platform actions have no organisation. */
  scope: ScopeKind;
  description: string;
}

export const POLICY = {
  // administration
  'graph.write': { roles: ['beheerder'], scope: 'platform', description: 'Replace, extend or drop a named graph' },
  'organisation.create': { roles: ['beheerder'], scope: 'platform', description: 'Register an organisation' },
  'organisation.update': { roles: ['beheerder', 'organisatiebeheerder'], scope: 'organisation', description: "Change an organisation's description" },
  'grant.create': { roles: ['beheerder', 'organisatiebeheerder'], scope: 'organisation', description: 'Grant a role in an organisation' },
  'grant.revoke': { roles: ['beheerder', 'organisatiebeheerder'], scope: 'organisation', description: 'Revoke a role in an organisation' },
  'token.issue': { roles: ['beheerder', 'organisatiebeheerder'], scope: 'organisation', description: 'Issue an API token for an organisation' },
  'token.revoke': { roles: ['beheerder', 'organisatiebeheerder'], scope: 'organisation', description: 'Revoke an API token' },
  'token.list': { roles: ['beheerder', 'organisatiebeheerder'], scope: 'organisation', description: "List an organisation's API tokens" },
  // product catalogue
  'catalogue.import': {
    // Register content: the platform beheerder administers, it does not edit registers.
    roles: ['producteditor', 'catalogusbeheerder'],
    scope: 'organisation',
    description: "Import an SC catalogue, replacing the products of the catalogue's authority organisation",
  },
  'catalogue.product.edit': {
    roles: ['producteditor', 'catalogusbeheerder'],
    scope: 'organisation',
    description: "Create, change or delete one of the organisation's products (web form or product API)",
  },
  'catalogue.harvest': {
    roles: ['catalogusbeheerder'],
    scope: 'platform',
    description: 'Manage the catalogue harvest sources and start a harvest',
  },
  // series register (src/series/workflow.ts maps each workflow action to one of these)
  'series.edit': {
    roles: ['informatiebeheerder'],
    scope: 'organisation',
    description: "Create, import, edit and submit the organisation's series; start a review; publish directly in the shortened flow",
  },
  'series.approve': {
    roles: ['interne-goedkeurder'],
    scope: 'organisation',
    description: "Approve the organisation's submitted series internally (on to the committee) or send them back",
  },
  'series.template.edit': {
    roles: ['commissielid', 'commissievoorzitter'],
    scope: 'committee',
    description: "Create, edit and submit the template series of the committee's organisation type",
  },
  'series.comment': {
    roles: ['commissielid', 'commissievoorzitter'],
    scope: 'committee',
    description: 'Comment on a series submitted to the committee',
  },
  'series.decide': {
    roles: ['commissievoorzitter'],
    scope: 'committee',
    description: "Take the committee's publication decision on a submitted series (approve and publish, or reject)",
  },
  // local decisions (LBLOD; src/decisions)
  'decisions.read': {
    roles: ['lezer', 'schrijver', 'publiceerder', 'ondertekenaar'],
    scope: 'organisation',
    description: "Read the bestuurseenheid's unpublished meetings (drafts)",
  },
  'decisions.edit': {
    roles: ['schrijver'],
    scope: 'organisation',
    description: "Create and change the bestuurseenheid's governing bodies, mandatarissen and draft meetings (agenda, treatments, decisions, votes)",
  },
  'decisions.publish': {
    roles: ['publiceerder'],
    scope: 'organisation',
    description: "Publish the bestuurseenheid's agenda, besluitenlijst, notulen and uittreksels, or a corrected version of them",
  },
  'decisions.sign': {
    roles: ['ondertekenaar'],
    scope: 'organisation',
    description: "Sign a document of the bestuurseenheid's draft meeting (SHA-256 over its content, the signer and the time) before it is published",
  },
  'audit.read': { roles: ['beheerder'], scope: 'platform', description: 'Read the audit trail' },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;

/** The bootstrap token and the platform beheerder may act in every scope of the actions they hold. */
export function can(actor: Actor, action: Action, scope: string | undefined, platform: string): boolean {
  if (actor.kind === 'bootstrap') return true;
  const rule: Rule = POLICY[action];
  return grantsOf(actor).some(
    (g) => rule.roles.includes(g.role) && (g.scope === platform || (rule.scope !== 'platform' && scope !== undefined && g.scope === scope)),
  );
}

export class Denied extends AppError {
  constructor(
    readonly actor: Actor,
    readonly action: Action,
    readonly scope: string | undefined,
  ) {
    super(
      actor.kind === 'anonymous' ? 'unauthorized' : 'forbidden',
      actor.kind === 'anonymous' ? 'Log in or send a bearer token first' : `You may not perform ${action}${scope ? ` for ${scope}` : ''}`,
    );
  }
}

/** Throws Denied (401 for anonymous callers, 403 otherwise) unless the actor may act. */
export function authorize(actor: Actor, action: Action, scope: string | undefined, platform: string): void {
  if (!can(actor, action, scope, platform)) throw new Denied(actor, action, scope);
}
