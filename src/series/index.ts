/** The series register's public surface: its sub-app, the service and the model. */
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv, CoreDeps } from '../shared/http/context.js';
import type { ApiScope } from '../shared/http/openapi.js';
import { CodeLists } from './codelists.js';
import { createSeriesApiRoutes } from './routes.js';
import { createSeriesPages } from './pages.js';
import { SeriesService } from './service.js';

export { SeriesService, type CreateInput } from './service.js';
export { CodeLists } from './codelists.js';
import { seedSeriesDemo } from './demo.js';
import { ensureSeriesCodeLists } from './publish-lists.js';

export { seedSeriesDemo, ensureSeriesCodeLists };
export * from './model.js';

export const SERIES_API_PATH = '/api/series';
export const LEGACY_SERIES_API_PATH = '/series-register/api/v1/series';

/** data/series, next to src/ and dist/. */
export const SERIES_DATA_DIR = fileURLToPath(new URL('../../data/series', import.meta.url));

export function createSeriesService(deps: CoreDeps, now?: () => Date): SeriesService {
  return new SeriesService(deps, CodeLists.load(SERIES_DATA_DIR, deps.uris), now);
}

/** Everything the register serves: the API (also at the legacy path), the pages and the series documents. */
export function createSeriesRoutes(deps: CoreDeps, registry: { scope(prefix: string): ApiScope }): Hono<AppEnv> {
  const svc = createSeriesService(deps);
  const app = new Hono<AppEnv>();
  app.route(SERIES_API_PATH, createSeriesApiRoutes(svc, registry.scope(SERIES_API_PATH)));
  app.route(LEGACY_SERIES_API_PATH, createSeriesApiRoutes(svc, registry.scope(LEGACY_SERIES_API_PATH), { hidden: true }));
  app.route('/', createSeriesPages(svc, registry.scope('')));
  return app;
}

/**
 * At start-up: publish the code lists and committees when absent, and seed the demo series when the
 * demo dataset was just seeded.
 */
export async function prepareSeriesRegister(deps: CoreDeps, seedDemo: boolean): Promise<void> {
  const svc = createSeriesService(deps);
  if (await ensureSeriesCodeLists(deps, svc.lists)) deps.logger.info('series register code lists published');
  if (seedDemo) {
    const demo = await seedSeriesDemo(svc);
    deps.logger.info({ templates: demo.templates.length, series: Object.keys(demo.byState).length }, 'demo series seeded');
  }
}
