/** The citizens' search page over the SRU search service. */
export { createSearchPageRoutes, SEARCH_PAGE_PATH } from './routes.js';
export { formToCql, readForm, type SearchForm } from './query.js';
