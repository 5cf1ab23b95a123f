/**
 * Entry point: reads the configuration, opens the store, wires every part (constructor
 * injection), serves HTTP and shuts down gracefully on SIGTERM/SIGINT.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import { loadConfig, ConfigError, type Config } from './config.js';
import { sparql } from './shared/rdf/encode.js';
import { literal } from './shared/rdf/factory.js';
import { createApp } from './app.js';
import { UriPolicy } from './shared/uri.js';
import { EmbeddedStore } from './shared/store/embedded/embedded-store.js';
import { SparqlStore } from './shared/store/remote/sparql-store.js';
import type { TripleStore } from './shared/store/port.js';
import { ShaclValidator } from './shared/shacl/validator.js';
import { validatingStore } from './shared/shacl/validating-store.js';
import { AuditLog } from './shared/audit/audit-log.js';
import { createSparqlService } from './sparql/service.js';
import { seedDemoData } from './demo/seed.js';
import { seedDemoCatalogues } from './demo/catalogues.js';
import { seedDecisionsDemo } from './demo/decisions.js';
import { prepareSeriesRegister } from './series/index.js';
import { ensureSiteGraph } from './home/index.js';
import { loadValueLists } from './catalog/valuelists/index.js';
import { ApiTokenResolver } from './identity/index.js';
import { createLogin } from './identity/login-routes.js';
import { createHarvestScheduler } from './catalog/harvest/index.js';

/** Package root (one level above src/ or dist/). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Running {
  config: Config;
  url: string;
  store: TripleStore;
  stop(): Promise<void>;
}

/**
 * With a remote store, the server's anonymous query URL must not reveal Stelsel's system graphs
 * (audit, identity, versions, locks) nor its other private graphs (drafts, search index, harvests:
 * one graph each under a UriPolicy.privateGraphs prefix). On Virtuoso the store adds each private
 * graph to the server's private-graphs group itself (SparqlStore option `privateGraph`); this
 * start-up check asks anonymously and returns what is exposed anyway (one message per problem).
 */
async function remotePrivacyProblems(queryUrl: string, uris: UriPolicy, logger: Logger): Promise<string[]> {
  const problems: string[] = [];
  const checks = [
    {
      ask: sparql`ASK { GRAPH ?g { ?s ?p ?o } FILTER(?g IN (${sparql.join(uris.systemGraphs.map((g) => sparql`${g}`), ', ')})) }`,
      message: 'The remote store answers anonymous queries about Stelsel\'s system graphs (audit log, users, token hashes). Make them private: see docs/remote-store.md.',
    },
    {
      ask: sparql`ASK { GRAPH ?g { ?s ?p ?o } FILTER(${sparql.join(uris.privateGraphs.map((g) => sparql`STRSTARTS(STR(?g), ${literal(`${g.value}/`)})`), ' || ')}) }`,
      message: 'The remote store answers anonymous queries about Stelsel\'s private graphs (unpublished series and decisions, search index, harvests), so the public /sparql endpoint shows them. Apply the set-up of docs/remote-store.md (private-graphs group, GRANT EXECUTE ON DB.DBA.RDF_GRAPH_GROUP_INS).',
    },
  ];
  for (const check of checks) {
    try {
      const res = await fetch(queryUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' },
        body: new URLSearchParams({ query: check.ask.text }).toString(),
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) return problems; // anonymous access refused altogether: fine
      const body = (await res.json()) as { boolean?: boolean };
      if (body.boolean) problems.push(check.message);
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'could not check the privacy of the remote store');
    }
  }
  return problems;
}

export async function openStore(config: Config, uris: UriPolicy): Promise<TripleStore> {
  if (config.store.kind === 'sparql') {
    return new SparqlStore({
      queryUrl: config.store.queryUrl,
      updateUrl: config.store.updateUrl,
      user: config.store.user,
      password: config.store.password,
      genidBase: uris.genidBase,
      locksGraph: uris.locksGraph,
      // Count only Stelsel's own graphs (a shared server has system graphs of its own).
      graphPrefix: `${uris.base}/`,
      // On Virtuoso: each private graph joins the server's private-graphs group before its first write.
      privateGraph: (iri) => uris.isPrivateGraph(iri),
    });
  }
  return EmbeddedStore.open({
    dir: path.join(config.dataDir, 'store'),
    genidBase: uris.genidBase,
    locksGraph: uris.locksGraph,
    snapshotAfterBytes: config.snapshotAfterBytes,
  });
}

/** Starts Stelsel with a given configuration (used by the CLI entry below and by tests). */
export async function start(config: Config, logger: Logger = pino({ level: config.logLevel })): Promise<Running> {
  const uris = new UriPolicy(config.baseUrl);
  const t0 = performance.now();
  const raw = await openStore(config, uris);
  if (raw instanceof EmbeddedStore) logger.info({ recovery: raw.recovery }, 'embedded store recovered');
  if (config.store.kind === 'sparql') {
    let problems = await remotePrivacyProblems(config.store.queryUrl, uris, logger);
    // Private graphs written before the store added them to the server's private group (or by a
    // misconfigured instance): add them all now. Listing every graph is costly, so only when exposed.
    if (problems.length && raw instanceof SparqlStore) {
      try {
        const found = await raw.protectExistingPrivateGraphs();
        if (found > 0) logger.info({ graphs: found }, 'existing private graphs made private on the SPARQL server');
        problems = await remotePrivacyProblems(config.store.queryUrl, uris, logger);
      } catch (err) {
        // Writes into private graphs are refused until this works.
        logger.error({ err: (err as Error).message }, 'could not make the existing private graphs private on the SPARQL server');
      }
    }
    for (const message of problems) logger.error(message);
  }
  const validator = ShaclValidator.fromDirectory(path.join(ROOT, 'shapes'));
  const store = validatingStore(raw, validator, { exempt: (g) => uris.isSystemGraph(g.value) });
  const audit = new AuditLog(store, uris);

  let adminToken = config.adminToken;
  if (!adminToken && config.demo) {
    adminToken = randomBytes(24).toString('base64url');
    logger.warn('ADMIN_TOKEN was not set; generated one for this demo run');
    // Printed on stdout on purpose: the operator of a demo needs it to try the admin API.
    process.stdout.write(`\nDemo admin token (valid until restart): ${adminToken}\n\n`);
  }
  const cfg: Config = { ...config, adminToken };

  const empty = (await raw.count()) === 0;
  if (await ensureSiteGraph(store, audit, uris)) logger.info('site description written');
  if (cfg.valueListsDir) {
    const report = await loadValueLists({ dir: cfg.valueListsDir }, { store, uris, audit });
    logger.info({ lists: report.lists.map((l) => `${l.name}: ${l.concepts}`), missing: report.missing, warnings: report.warnings.length }, 'value lists loaded');
  }
  if (cfg.demo && empty) {
    const n = await seedDemoData(audit, uris, path.join(ROOT, 'data', 'demo'));
    logger.info({ quads: n }, 'demo data seeded');
    // The demo products need the value lists: the demo subset unless VALUELISTS_DIR gave others.
    if (!cfg.valueListsDir) await loadValueLists({ dir: path.join(ROOT, 'data', 'valuelists') }, { store, uris, audit });
    for (const c of await seedDemoCatalogues({ config: cfg, store, uris, audit, logger }, path.join(ROOT, 'data', 'demo', 'catalogi'))) {
      if (c.stored) logger.info({ file: c.file, products: c.products }, 'demo catalogue imported');
      else logger.error({ file: c.file, problems: c.problems }, 'demo catalogue refused');
    }
    await seedDecisionsDemo({ config: cfg, store, uris, audit, logger }).then(
      (d) => logger.info({ eenheid: d.eenheid, zittingen: d.created.length }, 'demo decisions seeded'),
      (err: unknown) => logger.error({ err }, 'demo decisions refused'),
    );
  }

  await prepareSeriesRegister({ config: cfg, store, uris, audit, logger }, cfg.demo && empty);
  const sparql = await createSparqlService({ config: cfg, store: raw, logger });
  let ready = true;
  const login = createLogin({ config: cfg, store, uris, audit, logger });
  const { app } = createApp({ config: cfg, store, uris, logger, audit, validator, sparql, login, tokens: new ApiTokenResolver({ store, uris }), ready: () => ready });

  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: cfg.port, hostname: cfg.host }, () => resolve(s));
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : cfg.port;
  logger.info({ port, baseUrl: cfg.baseUrl, store: raw.kind, ms: Math.round(performance.now() - t0) }, 'Stelsel is listening');
  const harvester = createHarvestScheduler({ config: cfg, store, uris, logger, audit });
  harvester?.start();

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      ready = false;
      // Stop accepting; in-flight requests finish (idle keep-alive sockets are closed now).
      const closed = new Promise<void>((r) => server.close(() => r()));
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      await closed;
      await harvester?.stop(); // a running harvest starts no further sources and finishes
      await sparql.close();
      await raw.close(); // drains queued writes and writes a snapshot
      logger.info('Stelsel stopped');
    })());
  return { config: cfg, url: `http://127.0.0.1:${port}`, store: raw, stop };
}

async function cli(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(undefined, { demo: process.argv.includes('--demo-default') });
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const logger = pino({ level: config.logLevel });
  const running = await start(config, logger);
  const onSignal = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 30 s; exiting');
      process.exit(1);
    }, 30_000);
    force.unref();
    running.stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli().catch((err) => {
    process.stderr.write(`Stelsel failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
