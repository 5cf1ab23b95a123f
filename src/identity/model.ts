/**
 * The identity module's data: organisations (with their identifiers), role grants, API tokens and
 * users, as the API and the pages see them; and the request bodies, validated with zod.
 *
 * Identifier formats (OVO, KBO, OIN) are deliberately not checked here: the SHACL shapes in
 * shapes/identity.ttl check them on the write path, so an API client and a Graph Store upload get
 * the same 422 report. Here only the shape of the JSON is checked (400).
 */
import { z } from 'zod';
import type { Grant } from '../shared/auth/actor.js';
import { ROLES, type Role, type ScopeKind } from '../shared/auth/roles.js';
import { AppError } from '../shared/errors.js';
import { isValidIri } from '../shared/rdf/encode.js';

/** Path segment of an organisation: lower case, digits and dashes (`gemeente-gent`). */
export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** Ids of grants and tokens in paths (UUIDs, or the readable ids of the demo data). */
export const ID = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,99}$/;

export interface Organisation {
  iri: string;
  slug: string;
  name: string;
  /** Flemish OVO code (Wegwijs), e.g. OVO002949. */
  ovo?: string;
  /** Belgian enterprise number (KBO), ten digits. */
  kbo?: string;
  /** Dutch organisation identification number (OIN), twenty digits. */
  oin?: string;
  /** The OWMS term of a Dutch organisation (owl:sameAs). */
  owms?: string;
  /** The LBLOD bestuurseenheid (owl:sameAs). */
  lblod?: string;
  /** org:classification (e.g. a BestuurseenheidClassificatieCode). */
  classification?: string;
  /** Typed besluit:Bestuurseenheid (has an LBLOD IRI or a bestuurseenheid classification). */
  bestuurseenheid: boolean;
}

export interface GrantView {
  id: string;
  iri: string;
  user: string;
  userName?: string;
  role: Role;
  scope: string;
  scopeKind: ScopeKind;
  created?: string;
  creator?: string;
}

export interface TokenView {
  id: string;
  iri: string;
  name: string;
  organisation: string;
  roles: Role[];
  created?: string;
  creator?: string;
  /** When it was revoked; absent while the token is valid. */
  revoked?: string;
}

/** A just-issued token: the only time its secret is ever shown. */
export interface IssuedToken extends TokenView {
  token: string;
}

export interface UserSummary {
  iri: string;
  name: string;
}

export interface DemoUser extends UserSummary {
  grants: Grant[];
}

const iri = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => isValidIri(s) && /^https?:\/\//.test(s), 'must be an absolute http(s) IRI');
/** A code; its format is checked by SHACL (422), so only the JSON type and length are checked here. */
const code = z.string().trim().min(1).max(64);

export const organisationFields = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(300),
    ovo: code.optional(),
    kbo: code.optional(),
    oin: code.optional(),
    owms: iri.optional(),
    lblod: iri.optional(),
    classification: iri.optional(),
  })
  .strict();

/** Slugs that are fixed path segments where an organisation's slug is also a segment (/besluiten/ldes, /besluiten/bijlagen, ...). */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['ldes', 'bijlagen', 'sitemap', 'api', 'beheer', 'zoeken']);

export const createOrganisationBody = organisationFields
  .extend({
    slug: z
      .string()
      .regex(SLUG, 'lower-case letters, digits and dashes')
      .refine((s) => !RESERVED_SLUGS.has(s), (s) => ({ message: `${s} is reserved for the platform's own pages; choose another slug` })),
  })
  .strict();

export type OrganisationInput = z.infer<typeof organisationFields>;
export type CreateOrganisationInput = z.infer<typeof createOrganisationBody>;

export const grantBody = z
  .object({
    /** A user IRI ({BASE_URL}/id/gebruiker/...) or just the user's id. */
    user: z.string().trim().min(1).max(2000),
    role: z.enum(ROLES),
    /** For committee roles only: the committee's IRI. */
    committee: iri.optional(),
  })
  .strict();
export type GrantInput = z.infer<typeof grantBody>;

export const tokenBody = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    roles: z.array(z.enum(ROLES)).min(1, 'name at least one role').max(ROLES.length),
  })
  .strict();
export type TokenInput = z.infer<typeof tokenBody>;

/** Validates a request body; a mismatch is a 400 naming every field that is wrong. */
export function parseInput<T>(schema: z.ZodType<T>, data: unknown): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
  throw new AppError('bad_request', `The request body is not valid: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, { issues });
}

/** OVO codes are upper case; KBO numbers are written with dots and spaces, stored without. */
export function normaliseOvo(s: string): string {
  return s.trim().toUpperCase();
}

export function normaliseKbo(s: string): string {
  return s.replace(/[.\s]/g, '');
}
