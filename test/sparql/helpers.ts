/**
 * A real embedded store in a temp dir, the SPARQL service over it, and a real HTTP server on
 * 127.0.0.1 running a minimal Hono app: request-id/log middleware, the shared error mapper, the
 * /sparql sub-app and a trivial /health route.
 */
import { randomUUID } from 'node:crypto';
import { AuditLog } from '../../src/shared/audit/audit-log.js';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config.js';
import { AppError } from '../../src/shared/errors.js';
import type { AppEnv } from '../../src/shared/http/context.js';
import { renderError, toAppError } from '../../src/shared/http/errors.js';
import { ApiRegistry } from '../../src/shared/http/openapi.js';
import { namedNode } from '../../src/shared/rdf/factory.js';
import { EmbeddedStore } from '../../src/shared/store/embedded/embedded-store.js';
import type { TripleStore } from '../../src/shared/store/port.js';
import { UriPolicy } from '../../src/shared/uri.js';
import { createSparqlRoutes } from '../../src/sparql/routes.js';
import { createSparqlService, type SparqlEndpointService } from '../../src/sparql/service.js';
import { tempDir, TEST_BASE } from '../support/tmp.js';

export const EX = 'http://test.example/ns#';
export const ITEM = (i: number) => `${TEST_BASE}/id/item/${i}`;
export const GRAPH = (g: number) => `${TEST_BASE}/graph/items/${g}`;
export const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
export const RDFS_LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';
export const XSD_INTEGER = 'http://www.w3.org/2001/XMLSchema#integer';
export const SCRIPT = '<script>alert(1)</script>';
/** A literal that needs escaping in every format: quote, comma, tab, newline, backslash, non-ASCII. */
export const TRICKY = 'a "quoted", \ttabbed\nline \\ café';
export const ITEMS = 1000;

/** ITEMS items in 10 named graphs, 3 quads each, plus two special items: 3006 quads. */
export function testData(): string {
  const lines: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const g = `<${GRAPH(i % 10)}>`;
    lines.push(`<${ITEM(i)}> <${RDF_TYPE}> <${EX}Item> ${g} .`);
    lines.push(`<${ITEM(i)}> <${EX}n> "${i}"^^<${XSD_INTEGER}> ${g} .`);
    lines.push(`<${ITEM(i)}> <${RDFS_LABEL}> "Item ${i}"@nl ${g} .`);
  }
  const special = `<${TEST_BASE}/graph/special>`;
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  lines.push(`<${TEST_BASE}/id/xss> <${RDFS_LABEL}> "${esc(SCRIPT)}" ${special} .`);
  lines.push(`<${TEST_BASE}/id/xss> <${RDF_TYPE}> <${EX}Special> ${special} .`);
  lines.push(`<${TEST_BASE}/id/tricky> <${RDFS_LABEL}> "${esc(TRICKY)}" ${special} .`);
  lines.push(`<${TEST_BASE}/id/tricky> <${RDF_TYPE}> <${EX}Special> ${special} .`);
  lines.push(`<${TEST_BASE}/id/tricky> <${EX}link> <${TEST_BASE}/id/xss> ${special} .`);
  lines.push(`<${TEST_BASE}/id/tricky> <${EX}ref> <javascript:alert(2)> ${special} .`);
  return lines.join('\n') + '\n';
}
export const TOTAL_QUADS = ITEMS * 3 + 6;

export interface Endpoint {
  url: string;
  store: EmbeddedStore;
  service: SparqlEndpointService;
  config: Config;
  registry: ApiRegistry;
  close(): Promise<void>;
}

export interface EndpointOptions {
  replicas?: number;
  timeoutMs?: number;
  maxRows?: number;
  /** Use this config.store (e.g. STORE=sparql pointing at another endpoint) instead of the embedded one. */
  remoteQueryUrl?: string;
  /** Data to load before the service starts (default: testData()). */
  data?: string;
}

const silent = pino({ level: 'silent' });

export async function startEndpoint(opts: EndpointOptions = {}): Promise<Endpoint> {
  const tmp = tempDir('stelsel-sparql-');
  const env: Record<string, string> = {
    BASE_URL: TEST_BASE,
    DATA_DIR: tmp.dir,
    LOG_LEVEL: 'silent',
    SPARQL_REPLICAS: String(opts.replicas ?? 1),
    SPARQL_TIMEOUT_MS: String(opts.timeoutMs ?? 10_000),
    SPARQL_MAX_ROWS: String(opts.maxRows ?? 10_000),
  };
  if (opts.remoteQueryUrl) {
    Object.assign(env, { STORE: 'sparql', SPARQL_QUERY_URL: opts.remoteQueryUrl, SPARQL_UPDATE_URL: opts.remoteQueryUrl });
  }
  const config = loadConfig(env);
  const uris = new UriPolicy(config.baseUrl);
  const store = await EmbeddedStore.open({
    dir: path.join(tmp.dir, 'store'),
    genidBase: `${TEST_BASE}/.well-known/genid/`,
    locksGraph: namedNode(`${TEST_BASE}/graph/locks`),
  });
  const data = opts.data ?? testData();
  if (data) await store.bulkLoad(data);
  const service = await createSparqlService({ config, store, logger: silent });
  const { app, registry } = testApp({ config, store, uris, service });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    service,
    config,
    registry,
    async close() {
      await new Promise<void>((r) => {
        server.close(() => r());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await service.close();
      await store.close();
      tmp.remove();
    },
  };
}

function testApp(deps: { config: Config; store: TripleStore; uris: UriPolicy; service: SparqlEndpointService }) {
  const app = new Hono<AppEnv>();
  const registry = new ApiRegistry();
  app.use('*', async (c, next) => {
    const requestId = randomUUID();
    c.set('requestId', requestId);
    c.set('log', silent);
    await next();
  });
  app.get('/health', (c) => c.json({ status: 'ok', at: performance.now() }));
  app.route('/sparql', createSparqlRoutes({ config: deps.config, store: deps.store, uris: deps.uris, logger: silent, audit: new AuditLog(deps.store, deps.uris), sparql: deps.service }, registry.scope('/sparql')));
  app.notFound((c) => renderError(c, new AppError('not_found', `No page at ${c.req.path}`), c.get('requestId')));
  app.onError((err, c) => renderError(c, toAppError(err), c.get('requestId') ?? randomUUID()));
  return { app, registry };
}

/** GET /sparql?query=... with an Accept header. */
export function get(url: string, query: string, accept?: string, extra: Record<string, string | string[]> = {}): Promise<Response> {
  const u = new URL(`${url}/sparql`);
  u.searchParams.set('query', query);
  for (const [k, v] of Object.entries(extra)) for (const x of Array.isArray(v) ? v : [v]) u.searchParams.append(k, x);
  return fetch(u, { headers: accept ? { accept } : {} });
}

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
    i++;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
