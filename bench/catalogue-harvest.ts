/**
 * The national harvest of the catalogue benchmark: the generated catalogues are served by a local
 * node:http server (one URL per organisation, Content-Type application/xml, no credentials) and the
 * harvester (src/catalog/harvest) fetches and imports every one of them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuditContext } from '../src/shared/audit/audit-log.js';
import type { CoreDeps } from '../src/shared/http/context.js';
import { HarvestService, harvestOptions } from '../src/catalog/harvest/index.js';

export interface ServedCatalogues {
  urls: string[];
  close(): Promise<void>;
}

/** Serves `bodies[i]` at `/catalogi/{names[i]}.xml` on 127.0.0.1. */
export async function serveCatalogues(names: readonly string[], bodies: readonly Uint8Array[]): Promise<ServedCatalogues> {
  const byPath = new Map<string, Uint8Array>(names.map((n, i) => [`/catalogi/${n}.xml`, bodies[i]!]));
  const server: Server = createServer((req, res) => {
    const body = byPath.get(req.url ?? '');
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/xml', 'content-length': body.byteLength }).end(body);
  });
  // Idle keep-alive connections stay open: with Node's default (5 s) the server closes a connection
  // the harvester is about to reuse while imports hold the event loop, and that fetch fails with a
  // connection reset (see bench/README.md).
  server.keepAliveTimeout = 0;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    urls: names.map((n) => `http://127.0.0.1:${port}/catalogi/${n}.xml`),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface NationalHarvest {
  sources: number;
  outcomes: Record<string, number>;
  products: number;
  bytes: number;
  /** harvestAll only (the sources were registered before). */
  ms: number;
  /** Sources not harvested ok, with their first problems. */
  problems: string[];
}

/**
 * Registers one harvest source per organisation (slug -> URL) and runs the harvester over all of
 * them (HarvestService.harvestAll: fetch with the harvest prerequisites, validate, import, report),
 * timing the run.
 */
export async function harvestNational(deps: CoreDeps, ctx: AuditContext, sources: readonly { slug: string; url: string }[], concurrency = 4): Promise<NationalHarvest> {
  const svc = new HarvestService(deps, { ...harvestOptions(deps), allowPrivateAddresses: true, concurrency });
  for (const s of sources) await svc.createSource(ctx, { organisation: s.slug, url: s.url });
  const t0 = performance.now();
  const { runs } = await svc.harvestAll(ctx, 'manual');
  const ms = performance.now() - t0;
  const outcomes: Record<string, number> = {};
  for (const r of runs) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  let products = 0;
  let bytes = 0;
  const problems: string[] = [];
  for (const s of sources) {
    const last = (await svc.history(ctx.actor, s.slug, 1)).reports[0];
    products += last?.productsImported ?? 0;
    bytes += last?.bytes ?? 0;
    if (last?.outcome !== 'ok') problems.push(`${s.slug}: ${last?.outcome ?? 'no report'} ${JSON.stringify(last?.problems.slice(0, 2) ?? [])}`);
  }
  return { sources: sources.length, outcomes, products, bytes, ms, problems };
}
