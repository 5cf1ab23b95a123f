import type { Logger } from 'pino';
import type { Actor } from '../auth/actor.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Config } from '../../config.js';
import type { TripleStore } from '../store/port.js';
import type { UriPolicy } from '../uri.js';
import type { ApiScope } from './openapi.js';

/** Hono environment shared by every sub-app. */
export type AppEnv = { Variables: { requestId: string; log: Logger; actor: Actor } };

/** What every register's sub-app receives (constructor injection; wired in src/main.ts). */
export interface CoreDeps {
  config: Config;
  store: TripleStore;
  uris: UriPolicy;
  logger: Logger;
  audit: AuditLog;
}

/** Factory signature of a sub-app: gets its dependencies and an API scope for its mount prefix. */
export type SubAppFactory<D extends CoreDeps = CoreDeps> = (deps: D, api: ApiScope) => import('hono').Hono<AppEnv>;
