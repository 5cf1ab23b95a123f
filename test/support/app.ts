/** Builds the whole application in-process over a real embedded store in a temp dir. */
import path from 'node:path';
import pino from 'pino';
import { createApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { EmbeddedStore } from '../../src/shared/store/embedded/embedded-store.js';
import { ShaclValidator } from '../../src/shared/shacl/validator.js';
import { validatingStore } from '../../src/shared/shacl/validating-store.js';
import { AuditLog } from '../../src/shared/audit/audit-log.js';
import { createSparqlService } from '../../src/sparql/service.js';
import { UriPolicy } from '../../src/shared/uri.js';
import { seedDemoData } from '../../src/demo/seed.js';
import { ensureSiteGraph } from '../../src/home/index.js';
import { createLogin } from '../../src/identity/login-routes.js';
import { ApiTokenResolver } from '../../src/identity/index.js';
import type { SessionResolver } from '../../src/shared/auth/authenticate.js';
import { ROOT } from '../../src/main.js';
import { tempDir, TEST_BASE } from './tmp.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/** Replacements for the identity module's store-backed parts (login tests). */
export type TestIdentity = Pick<Parameters<typeof createLogin>[0], 'organisations' | 'storedGrants' | 'demoUsers'>;

export async function makeTestApp(opts: { demo?: boolean; env?: Record<string, string>; identity?: TestIdentity; sessions?: SessionResolver } = {}) {
  const tmp = tempDir();
  const config: Config = loadConfig({ BASE_URL: TEST_BASE, DATA_DIR: tmp.dir, ADMIN_TOKEN, SPARQL_REPLICAS: '0', LOG_LEVEL: 'silent', ...opts.env });
  const uris = new UriPolicy(config.baseUrl);
  const raw = await EmbeddedStore.open({ dir: path.join(tmp.dir, 'store'), genidBase: uris.genidBase, locksGraph: uris.locksGraph });
  const validator = ShaclValidator.fromDirectory(path.join(ROOT, 'shapes'));
  const store = validatingStore(raw, validator, { exempt: (g) => uris.isSystemGraph(g.value) });
  const audit = new AuditLog(store, uris);
  await ensureSiteGraph(store, audit, uris);
  if (opts.demo) await seedDemoData(audit, uris, path.join(ROOT, 'data', 'demo'));
  const logger = pino({ level: 'silent' });
  const sparql = await createSparqlService({ config, store: raw, logger });
  const login = createLogin({ config, store, uris, audit, logger, ...opts.identity });
  const { app, registry } = createApp({ config, store, uris, logger, audit, validator, sparql, login, tokens: new ApiTokenResolver({ store, uris }), sessions: opts.sessions, ready: () => true });
  return {
    app,
    registry,
    raw,
    store,
    audit,
    uris,
    config,
    login,
    async close() {
      await sparql.close();
      await raw.close({ snapshot: false });
      tmp.remove();
    },
  };
}
