/**
 * Roles, granted per scope: an organisation, a selection committee, or the platform itself.
 * The role concepts are published in ontologies/roles.ttl ({BASE_URL}-independent IRIs).
 */
export const ROLES = [
  // product catalogue
  'producteditor',
  'catalogusbeheerder',
  // local decisions (LBLOD)
  'lezer',
  'schrijver',
  'publiceerder',
  'ondertekenaar',
  // series register
  'informatiebeheerder',
  'interne-goedkeurder',
  'commissielid',
  'commissievoorzitter',
  // administration
  'organisatiebeheerder',
  'beheerder',
] as const;

export type Role = (typeof ROLES)[number];

export type ScopeKind = 'organisation' | 'committee' | 'platform';

/** Where each role may be granted. */
export const ROLE_SCOPE: Record<Role, ScopeKind> = {
  producteditor: 'organisation',
  catalogusbeheerder: 'platform',
  lezer: 'organisation',
  schrijver: 'organisation',
  publiceerder: 'organisation',
  ondertekenaar: 'organisation',
  informatiebeheerder: 'organisation',
  'interne-goedkeurder': 'organisation',
  commissielid: 'committee',
  commissievoorzitter: 'committee',
  organisatiebeheerder: 'organisation',
  beheerder: 'platform',
};

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}

export const ROLE_NAMESPACE = 'https://data.stelsel.nl/id/concept/rol/';

export const roleIri = (r: Role): string => ROLE_NAMESPACE + r;
