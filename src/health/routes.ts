import { Hono } from 'hono';
import type { AppEnv, CoreDeps } from '../shared/http/context.js';
import type { ApiScope } from '../shared/http/openapi.js';

export function createHealthRoutes(deps: CoreDeps & { ready: () => boolean }, api: ApiScope): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  api.route(
    app,
    {
      method: 'get',
      path: '/health',
      summary: 'Liveness and readiness',
      description: 'Answers 200 with the store kind and its triple count once the store is ready; 503 while starting or stopping.',
      tags: ['Operations'],
      responses: { '200': { description: 'Ready', contentTypes: ['application/json'] }, '503': { description: 'Not ready' } },
    },
    async (c) => {
      c.header('Cache-Control', 'no-store');
      if (!deps.ready()) return c.json({ status: 'unavailable', store: deps.store.kind }, 503);
      try {
        const triples = await deps.store.count();
        return c.json({ status: 'ok', store: deps.store.kind, triples });
      } catch {
        return c.json({ status: 'unavailable', store: deps.store.kind }, 503);
      }
    },
  );
  return app;
}
