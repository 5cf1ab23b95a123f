/** The decisions register's public surface (LBLOD): its sub-app, the service and the model. */
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv, CoreDeps } from '../shared/http/context.js';
import type { ApiScope } from '../shared/http/openapi.js';
import { decisionApiRoutes, decisionSignatureRoutes } from './api-routes.js';
import { attachmentApiRoutes, attachmentPages } from './attachment-routes.js';
import { AttachmentService } from './attachment-service.js';
import { loadCodeLists, type DecisionCodeLists } from './codelists.js';
import { DECISIONS_API_PATH } from './paths.js';
import { decisionEditor } from './editor-routes.js';
import { decisionFeeds } from './feed-routes.js';
import { decisionPages } from './routes.js';
import { DecisionService } from './service.js';

export * from './model.js';
export { DecisionService } from './service.js';
export { DECISIONS_API_PATH, DECISIONS_PATH, documentPath, versionPath, zittingPath, eenheidPath, orgaanPath } from './paths.js';
export { PUBLISH_KINDS, type PublishKind } from './publish.js';
export { LDES_PATH, ldesPagePath, publishedVersions, type FeedMember, type PublishedVersion } from './ldes.js';
export { SITEMAP_PATH } from './sitemap.js';

/** data/decisions, next to src/ and dist/. */
export const DECISIONS_DATA_DIR = fileURLToPath(new URL('../../data/decisions', import.meta.url));

let lists: DecisionCodeLists | undefined;
/** The code lists, read once. */
export function decisionCodeLists(): DecisionCodeLists {
  return (lists ??= loadCodeLists(DECISIONS_DATA_DIR));
}

export function createDecisionService(deps: CoreDeps, now?: () => Date): DecisionService {
  return new DecisionService(deps, decisionCodeLists(), now);
}

/** The API (/api/besluiten), the public publication pages (/besluiten) and the editor (/beheer/besluiten). */
export function createDecisionRoutes(deps: CoreDeps, registry: { scope(prefix: string): ApiScope }): Hono<AppEnv> {
  const svc = createDecisionService(deps);
  const app = new Hono<AppEnv>();
  const api = new Hono<AppEnv>();
  const attachments = new AttachmentService(deps, svc);
  decisionApiRoutes(api, svc, registry.scope(DECISIONS_API_PATH));
  decisionSignatureRoutes(api, svc, registry.scope(DECISIONS_API_PATH));
  attachmentApiRoutes(api, attachments, registry.scope(DECISIONS_API_PATH));
  app.route(DECISIONS_API_PATH, api);
  attachmentPages(app, attachments, registry.scope(''));
  decisionFeeds(app, deps, svc.iris, registry.scope(''), { pageSize: deps.config.ldesPageSize });
  decisionPages(app, svc, registry.scope(''), deps.store);
  decisionEditor(app, svc, registry.scope(''), attachments);
  return app;
}
