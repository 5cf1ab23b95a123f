/**
 * Configuration: the only module that reads the environment. Validated at start; a bad value
 * stops the process with a message that names the variable.
 */
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], {
    errorMap: () => ({ message: 'must be one of true/false, 1/0, yes/no, on/off' }),
  })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const httpUrl = z
  .string()
  .url('must be an absolute http(s) URL')
  .refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://');

/** Names of JWT claims (ACM/IDM uses lower-case names with underscores). */
const claimName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.:-]{0,99}$/, 'must be a claim name (letters, digits, _ . : -)');

/** OIDC issuers must use https; plain http only on this machine (tests, a local provider). */
const issuerUrl = httpUrl.refine((u) => {
  const url = new URL(u);
  return url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}, 'must be an https URL (http only for localhost/127.0.0.1)');

const schema = z
  .object({
    PORT: z.coerce.number({ invalid_type_error: 'must be a port number (0-65535)' }).int('must be a whole number').min(0).max(65535).default(8080),
    HOST: z.string().min(1).default('0.0.0.0'),
    BASE_URL: httpUrl.optional(),
    DATA_DIR: z.string().min(1).default('./var'),
    STORE: z.enum(['embedded', 'sparql'], { errorMap: () => ({ message: "must be 'embedded' or 'sparql'" }) }).default('embedded'),
    SPARQL_QUERY_URL: httpUrl.optional(),
    SPARQL_UPDATE_URL: httpUrl.optional(),
    SPARQL_USER: z.string().optional(),
    SPARQL_PASSWORD: z.string().optional(),
    ADMIN_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
    DEMO: bool.default('false'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
    SPARQL_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    SPARQL_MAX_ROWS: z.coerce.number().int().min(1).default(10_000),
    SPARQL_REPLICAS: z.coerce.number().int().min(0).max(8).default(1),
    SRU_INDEX_COPY: bool.default('true'),
    SNAPSHOT_AFTER_BYTES: z.coerce.number().int().min(1024).default(256 * 1024 * 1024),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SESSION_TTL_SECONDS: z.coerce
      .number({ invalid_type_error: 'must be a number of seconds' })
      .int('must be a whole number of seconds')
      .min(60, 'must be at least 60 seconds')
      .max(7 * 24 * 3600, 'must be at most 604800 seconds (7 days)')
      .default(8 * 3600),
    OIDC_ISSUER: issuerUrl.optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_REDIRECT_URI: httpUrl.optional(),
    OIDC_SCOPES: z
      .string()
      .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'must be scope names separated by single spaces')
      .refine((s) => s.split(' ').includes('openid'), "must include 'openid'")
      .default('openid profile vo'),
    OIDC_ORG_CLAIM: claimName.default('vo_orgcode'),
    OIDC_ROLE_CLAIM: claimName.default('stelsel_rol_3d'),
    OIDC_POST_LOGOUT_REDIRECT_URI: httpUrl.optional(),
    OIDC_PLATFORM_ORGCODE: z.string().regex(/^[A-Za-z0-9.]{1,40}$/, 'must be an organisation code such as OVO000001').optional(),
    VALUELISTS_DIR: z.string().min(1).optional(),
    RATE_LIMIT_PER_MINUTE: z.coerce.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(1).max(100_000).default(20),
    TRUST_PROXY: bool.default('false'),
    HARVEST_TIME: z
      .string()
      .regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, "must be a time HH:MM (24 hours) or 'off'")
      .default('05:00'),
    HARVEST_TIMEZONE: z
      .string()
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone such as Europe/Amsterdam')
      .default('Europe/Amsterdam'),
    HARVEST_MAX_BYTES: z.coerce.number({ invalid_type_error: 'must be a number of bytes' }).int().min(1024).default(50 * 1024 * 1024),
    HARVEST_TIMEOUT_MS: z.coerce.number({ invalid_type_error: 'must be a number of milliseconds' }).int().min(100).default(60_000),
    HARVEST_MAX_REDIRECTS: z.coerce.number({ invalid_type_error: 'must be a number' }).int().min(0).max(20).default(5),
    HARVEST_ALLOW_PRIVATE_ADDRESSES: bool.default('false'),
    LINKCHECK_CONCURRENCY: z.coerce.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(1).max(64).default(8),
    LINKCHECK_TIMEOUT_MS: z.coerce.number({ invalid_type_error: 'must be a number of milliseconds' }).int().min(100).max(60_000).default(5000),
    LINKCHECK_MAX_LINKS: z.coerce.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(0).max(10_000).default(100),
    DECISIONS_ATTACHMENT_MAX_BYTES: z.coerce.number({ invalid_type_error: 'must be a number of bytes' }).int('must be a whole number of bytes').min(1024).max(1024 * 1024 * 1024).default(20 * 1024 * 1024),
    DECISIONS_REQUIRED_SIGNATURES: z.coerce.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(0).max(10).default(0),
    DECISIONS_LDES_PAGE_SIZE: z.coerce.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(1).max(1000).default(100),
  })
;

/** Rules across variables; checked on the raw values so every problem is reported at once. */
function crossChecks(raw: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (raw.STORE === 'sparql') {
    if (!raw.SPARQL_QUERY_URL) problems.push('SPARQL_QUERY_URL is required when STORE=sparql');
    if (!raw.SPARQL_UPDATE_URL) problems.push('SPARQL_UPDATE_URL is required when STORE=sparql');
  }
  if (!!raw.SPARQL_USER !== !!raw.SPARQL_PASSWORD) problems.push('SPARQL_PASSWORD: SPARQL_USER and SPARQL_PASSWORD go together');
  const oidcSet = OIDC_VARIABLES.filter((k) => raw[k] !== undefined);
  if (oidcSet.length > 0) {
    for (const k of OIDC_REQUIRED) {
      if (raw[k] === undefined) problems.push(`${k} is required when any OIDC_* variable is set (set: ${oidcSet.join(', ')})`);
    }
    const demo = ['1', 'true', 'yes', 'on'].includes(raw.DEMO ?? '');
    if (raw.SESSION_SECRET === undefined && !demo) problems.push('SESSION_SECRET is required when OIDC login is configured (at least 32 characters)');
  }
  return problems;
}

const OIDC_REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
const OIDC_VARIABLES = [
  ...OIDC_REQUIRED,
  'OIDC_REDIRECT_URI',
  'OIDC_SCOPES',
  'OIDC_ORG_CLAIM',
  'OIDC_ROLE_CLAIM',
  'OIDC_POST_LOGOUT_REDIRECT_URI',
  'OIDC_PLATFORM_ORGCODE',
] as const;

/** Login with OpenID Connect (ACM/IDM); absent when OIDC_ISSUER is not set. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: string[];
  /** Claim with the user's own organisation code (OVO or KBO). */
  orgClaim: string;
  /** Claim with the role values "<Right>-<role>:<orgcode>". */
  roleClaim: string;
  postLogoutRedirectUri?: string;
  /** Organisation code whose role claim values may carry platform roles (beheerder, catalogusbeheerder). */
  platformOrgCode?: string;
}

export interface Config {
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  /** Directory laid out like the official downloads; its value lists are loaded at start. */
  valueListsDir?: string;
  store:
    | { kind: 'embedded' }
    | { kind: 'sparql'; queryUrl: string; updateUrl: string; user?: string; password?: string };
  /** Bootstrap bearer token with every right; undefined = none configured. */
  adminToken?: string;
  demo: boolean;
  logLevel: string;
  bodyLimitBytes: number;
  sparqlEndpoint: { timeoutMs: number; maxRows: number; replicas: number };
  /** SRU searches on the embedded store from an in-memory copy of the search index (src/sru/memory). */
  sruIndexCopy: boolean;
  snapshotAfterBytes: number;
  /** Session cookies; `secret` undefined = generated at start in demo mode, no sessions otherwise. */
  session: { secret?: string; ttlSeconds: number };
  oidc?: OidcConfig;
  /** Rate limit of the login and token endpoints, per client IP and instance. */
  rateLimit: { perMinute: number; trustProxy: boolean };
  /** The catalogue harvester (src/catalog/harvest). */
  harvest: HarvestConfig;
  /** The validator's check of product page links (src/catalog/validator). */
  linkCheck: { concurrency: number; timeoutMs: number; maxLinks: number };
  /** The decisions register (src/decisions): largest attachment (PDF) and signatures required before publication. */
  decisions: { attachmentMaxBytes: number; requiredSignatures: number };
  /** Members per page of the decisions' LDES feed (src/decisions/ldes.ts); fixed once published. */
  ldesPageSize: number;
}

export interface HarvestConfig {
  /** Daily run time "HH:MM" in `timezone`; null = no daily run (on demand only). */
  time: string | null;
  timezone: string;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  /** Harvest from loopback and private addresses too (tests, closed networks). */
  allowPrivateAddresses: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Builds the configuration from an environment (process.env by default). */
export function loadConfig(env: Record<string, string | undefined> = process.env, defaults: { demo?: boolean } = {}): Config {
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  if (raw.DEMO === undefined && defaults.demo !== undefined) raw.DEMO = String(defaults.demo);
  const parsed = schema.safeParse(raw);
  const problems = [...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'config'} ${i.message}`)), ...crossChecks(raw)];
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const c = parsed.data;
  const baseUrl = (c.BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, '');
  return {
    port: c.PORT,
    host: c.HOST,
    baseUrl,
    dataDir: path.resolve(c.DATA_DIR),
    store:
      c.STORE === 'sparql'
        ? { kind: 'sparql', queryUrl: c.SPARQL_QUERY_URL!, updateUrl: c.SPARQL_UPDATE_URL!, user: c.SPARQL_USER, password: c.SPARQL_PASSWORD }
        : { kind: 'embedded' },
    adminToken: c.ADMIN_TOKEN,
    demo: c.DEMO,
    logLevel: c.LOG_LEVEL,
    bodyLimitBytes: c.BODY_LIMIT_BYTES,
    sparqlEndpoint: { timeoutMs: c.SPARQL_TIMEOUT_MS, maxRows: c.SPARQL_MAX_ROWS, replicas: c.SPARQL_REPLICAS },
    sruIndexCopy: c.SRU_INDEX_COPY,
    snapshotAfterBytes: c.SNAPSHOT_AFTER_BYTES,
    session: { secret: c.SESSION_SECRET, ttlSeconds: c.SESSION_TTL_SECONDS },
    oidc: c.OIDC_ISSUER
      ? {
          issuer: c.OIDC_ISSUER,
          clientId: c.OIDC_CLIENT_ID!,
          clientSecret: c.OIDC_CLIENT_SECRET!,
          redirectUri: c.OIDC_REDIRECT_URI ?? `${baseUrl}/auth/callback`,
          scopes: c.OIDC_SCOPES.split(' '),
          orgClaim: c.OIDC_ORG_CLAIM,
          roleClaim: c.OIDC_ROLE_CLAIM,
          postLogoutRedirectUri: c.OIDC_POST_LOGOUT_REDIRECT_URI,
          platformOrgCode: c.OIDC_PLATFORM_ORGCODE?.toUpperCase(),
        }
      : undefined,
    rateLimit: { perMinute: c.RATE_LIMIT_PER_MINUTE, trustProxy: c.TRUST_PROXY },
    harvest: {
      time: c.HARVEST_TIME === 'off' ? null : c.HARVEST_TIME,
      timezone: c.HARVEST_TIMEZONE,
      maxBytes: c.HARVEST_MAX_BYTES,
      timeoutMs: c.HARVEST_TIMEOUT_MS,
      maxRedirects: c.HARVEST_MAX_REDIRECTS,
      allowPrivateAddresses: c.HARVEST_ALLOW_PRIVATE_ADDRESSES,
    },
    linkCheck: { concurrency: c.LINKCHECK_CONCURRENCY, timeoutMs: c.LINKCHECK_TIMEOUT_MS, maxLinks: c.LINKCHECK_MAX_LINKS },
    decisions: { attachmentMaxBytes: c.DECISIONS_ATTACHMENT_MAX_BYTES, requiredSignatures: c.DECISIONS_REQUIRED_SIGNATURES },
    ldesPageSize: c.DECISIONS_LDES_PAGE_SIZE,
    valueListsDir: c.VALUELISTS_DIR ? path.resolve(c.VALUELISTS_DIR) : undefined,
  };
}

/** The table in README.md is generated from this list (test/unit/config.test.ts keeps them in step). */
export const CONFIG_DOC: [name: string, def: string, doc: string][] = [
  ['PORT', '8080', 'HTTP port.'],
  ['HOST', '0.0.0.0', 'Interface to listen on.'],
  ['BASE_URL', 'http://localhost:PORT', 'Public base URL; every minted IRI starts with it. Never change it after publishing.'],
  ['DATA_DIR', './var', 'Journal, snapshots and stored files.'],
  ['STORE', 'embedded', '`embedded` (Oxigraph in process, durable journal) or `sparql` (remote SPARQL 1.1 server).'],
  ['SPARQL_QUERY_URL', '', 'Query endpoint of the remote store (STORE=sparql).'],
  ['SPARQL_UPDATE_URL', '', 'Update endpoint of the remote store (STORE=sparql).'],
  ['SPARQL_USER / SPARQL_PASSWORD', '', 'Credentials for the remote store (HTTP Digest or Basic).'],
  ['ADMIN_TOKEN', '(generated in demo mode)', 'Bootstrap bearer token with every right (at least 24 characters).'],
  ['DEMO', 'true for `npm start`', 'Seed demo data into an empty store.'],
  ['LOG_LEVEL', 'info', 'fatal, error, warn, info, debug, trace or silent.'],
  ['BODY_LIMIT_BYTES', '10485760', 'Largest accepted request body (413 beyond).'],
  ['SPARQL_TIMEOUT_MS', '10000', 'Time budget of one public SPARQL query.'],
  ['SPARQL_MAX_ROWS', '10000', 'Most results one public SPARQL query returns.'],
  ['SPARQL_REPLICAS', '1', 'Worker-thread read replicas that answer /sparql on the embedded store (0 = answer in the main thread: tests and tiny deployments only).'],
  ['SRU_INDEX_COPY', 'true', 'On the embedded store, SRU searches and the search page answer from an in-memory copy of the search index, kept up to date with every commit (false = SPARQL over the index graphs only, as on a remote store). Filled in the background at start; searches use SPARQL until it is filled. Memory: 308 MiB of heap for 60 007 products, filled in 35 s (bench/results/sru.md).'],
  ['SNAPSHOT_AFTER_BYTES', '268435456', 'Journal size that triggers a snapshot.'],
  ['SESSION_SECRET', '(generated in demo mode)', 'Seals the session cookies (at least 32 characters). Required with OIDC login outside demo mode; a generated one ends every session at restart. All instances behind one load balancer need the same value.'],
  ['SESSION_TTL_SECONDS', '28800', 'Lifetime of a login session (8 h); checked on every request, no sliding renewal.'],
  ['OIDC_ISSUER', '', 'OpenID provider (ACM/IDM: `https://authenticatie.vlaanderen.be/op`). Set it with OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none of the OIDC_* variables.'],
  ['OIDC_CLIENT_ID', '', 'Client id of Stelsel at the provider.'],
  ['OIDC_CLIENT_SECRET', '', 'Client secret (sent with HTTP Basic to the token endpoint).'],
  ['OIDC_REDIRECT_URI', 'BASE_URL/auth/callback', 'Redirect URI registered at the provider.'],
  ['OIDC_SCOPES', 'openid profile vo', 'Scopes asked for (must include `openid`).'],
  ['OIDC_ORG_CLAIM', 'vo_orgcode', "Claim with the user's organisation code (OVO or KBO); used for role values without `:<orgcode>`."],
  ['OIDC_ROLE_CLAIM', 'stelsel_rol_3d', 'Claim with the role values `<Right>-<role>:<orgcode>` (see docs/operations.md).'],
  ['OIDC_POST_LOGOUT_REDIRECT_URI', '', "Where the provider sends the browser after logout (registered at the provider); unset = the provider's own page."],
  ['OIDC_PLATFORM_ORGCODE', '', 'Organisation code whose role values may grant the platform roles `beheerder` and `catalogusbeheerder`; unset = never from the provider.'],
  ['VALUELISTS_DIR', '', 'Load the value lists (OWMS, UPL, TOOI, postcodes, relations) from this directory at every start; layout as `data/valuelists`.'],
  ['RATE_LIMIT_PER_MINUTE', '20', 'Requests per minute per client IP (and per instance) to the login and API-token endpoints; 429 with Retry-After beyond.'],
  ['TRUST_PROXY', 'false', 'Take the client IP from the last `X-Forwarded-For` hop (set only behind your own reverse proxy).'],
  ['HARVEST_TIME', '05:00', 'Daily catalogue harvest at this time (HH:MM in HARVEST_TIMEZONE); `off` = on demand only. See docs/harvester.md.'],
  ['HARVEST_TIMEZONE', 'Europe/Amsterdam', 'Time zone of HARVEST_TIME (IANA name).'],
  ['HARVEST_MAX_BYTES', '52428800', 'Largest catalogue the harvester fetches; the transfer stops beyond it.'],
  ['HARVEST_TIMEOUT_MS', '60000', 'Time limit of fetching one catalogue (all redirects and the body).'],
  ['HARVEST_MAX_REDIRECTS', '5', 'Most redirects followed when fetching a catalogue.'],
  ['HARVEST_ALLOW_PRIVATE_ADDRESSES', 'false', 'Also harvest from loopback and private addresses (refused by default against server-side request forgery).'],
  ['LINKCHECK_CONCURRENCY', '8', 'Product page links the catalogue validator checks at the same time.'],
  ['LINKCHECK_TIMEOUT_MS', '5000', 'Time limit of checking one product page link (HEAD and the GET fallback together).'],
  ['LINKCHECK_MAX_LINKS', '100', 'Most product page links checked per validation (0 = no link check); the page says how many were left out.'],
  ['DECISIONS_ATTACHMENT_MAX_BYTES', '20971520', 'Largest attachment (PDF) of a decision; the upload stops beyond it (413). Not limited by BODY_LIMIT_BYTES.'],
  ['DECISIONS_REQUIRED_SIGNATURES', '0', 'Valid signatures (ondertekenaars, over the current content) a decisions document needs before it can be published; 0 = no signing.'],
  ['DECISIONS_LDES_PAGE_SIZE', '100', 'Members per page of the LDES feed of published decision documents (/besluiten/ldes). Full pages are cached as immutable: never change it once documents are published.'],
];
