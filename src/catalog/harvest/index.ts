/**
 * The catalogue harvester's public surface: fetching a catalogue with the harvest prerequisites,
 * the sources and their history (JSON API and administration pages), and the daily schedule.
 */
import { Hono } from 'hono';
import type { AppEnv, CoreDeps } from '../../shared/http/context.js';
import type { ApiScope } from '../../shared/http/openapi.js';
import { harvestAdminRoutes } from './admin-routes.js';
import { harvestApiRoutes } from './routes.js';
import { HarvestScheduler, nextHarvestRun } from './scheduler.js';
import { HarvestService, type HarvestOptions } from './service.js';

export { checkCatalogueUrl, fetchCatalogue, guardedLookup, isNonPublicAddress, type FetchCatalogueOptions, type FetchOutcome, type FetchProblem, type FetchProblemCode } from './fetch.js';
export { DAILY_LEASE, HarvestScheduler, dailyPattern, nextHarvestRun } from './scheduler.js';
export { HarvestService, problemsOf, type HarvestAllResult, type HarvestOptions } from './service.js';
export type { HarvestOutcome, HarvestProblem, HarvestReport, HarvestSource, HarvestTrigger } from './model.js';
export { HARVEST_API_PATH } from './routes.js';
export { ADMIN_PATH as HARVEST_ADMIN_PATH } from './views/sources.js';

/** The harvest options of a configuration. */
export function harvestOptions(deps: CoreDeps): HarvestOptions {
  const h = deps.config.harvest;
  return { maxBytes: h.maxBytes, timeoutMs: h.timeoutMs, maxRedirects: h.maxRedirects, allowPrivateAddresses: h.allowPrivateAddresses };
}

/** JSON API (/api/catalogus/bronnen) and administration pages (/beheer/catalogus/bronnen); mount at the site root. */
export function createHarvestRoutes(deps: CoreDeps, api: ApiScope): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const service = new HarvestService(deps, harvestOptions(deps));
  const { time, timezone } = deps.config.harvest;
  harvestApiRoutes(app, service, api);
  harvestAdminRoutes(app, service, api, { platform: deps.uris.platform.value, nextRun: () => (time ? nextHarvestRun(time, timezone) : null) });
  return app;
}

/** The daily harvest, or null when HARVEST_TIME is off. Call start() after start-up and stop() on shutdown. */
export function createHarvestScheduler(deps: CoreDeps): HarvestScheduler | null {
  const { time, timezone } = deps.config.harvest;
  if (!time) return null;
  return new HarvestScheduler({ service: new HarvestService(deps, harvestOptions(deps)), store: deps.store, uris: deps.uris, logger: deps.logger }, { time, timezone });
}
