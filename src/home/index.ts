/** Public surface of the home module: home page, stylesheet, API documentation. */
export { createHomeRoutes, type HomeDeps } from './routes.js';
export { ensureSiteGraph, siteDescription, siteTriples, type SiteDescription, type RegisterEntry } from './site.js';
