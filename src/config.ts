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
    SNAPSHOT_AFTER_BYTES: z.coerce.number().int().min(1024).default(256 * 1024 * 1024),
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
  return problems;
}

export interface Config {
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  store:
    | { kind: 'embedded' }
    | { kind: 'sparql'; queryUrl: string; updateUrl: string; user?: string; password?: string };
  /** Bootstrap bearer token with every right; undefined = none configured. */
  adminToken?: string;
  demo: boolean;
  logLevel: string;
  bodyLimitBytes: number;
  sparqlEndpoint: { timeoutMs: number; maxRows: number; replicas: number };
  snapshotAfterBytes: number;
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
    snapshotAfterBytes: c.SNAPSHOT_AFTER_BYTES,
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
  ['SNAPSHOT_AFTER_BYTES', '268435456', 'Journal size that triggers a snapshot.'],
];
