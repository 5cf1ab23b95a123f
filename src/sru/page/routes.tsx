/** @jsxImportSource hono/jsx */
/**
 * The citizens' search page (mounted at /): GET /zoeken turns the form into a CQL query (location
 * scope first, in its own parentheses), runs it through the SRU search service with facets and
 * shows the results linked to the product pages. No JavaScript; every link is a plain GET. A query
 * the service refuses (an SRU diagnostic) becomes a message in Dutch on the page (400), never a 500.
 */
import { Hono } from 'hono';
import type { AppEnv, CoreDeps } from '../../shared/http/context.js';
import type { ApiScope } from '../../shared/http/openapi.js';
import { SruDiagnostic, SruSearchService, type SearchResult } from '../index.js';
import { parseCql, type CqlNode } from '../cql/index.js';
import { filterFieldOf, formToCql, PAGE_SIZE, readForm, type SearchForm } from './query.js';
import { friendlyMessage } from './messages.js';
import { snippet, summarise } from './record.js';
import type { FacetView } from './views/facets.js';
import type { ResultView } from './views/results.js';
import { SearchPage } from './views/search-page.js';

export const SEARCH_PAGE_PATH = '/zoeken';

const FACET_LABEL: Record<string, string> = {
  'dcterms.audience': 'Doelgroep',
  'overheidproduct.onlineaanvragen': 'Online aanvragen',
  'overheid.authority': 'Organisatie',
  organisatietype: 'Soort organisatie',
  'dcterms.modified': 'Laatst gewijzigd',
};
const TERM_LABEL: Record<string, string> = { digid: 'ja, met DigiD' };

/** The last clause of a facet term's query: the clause the facet appended. */
function appended(query: string): { relation: string; value: string } | null {
  let node: CqlNode = parseCql(query).root;
  while (node.type === 'boolean') node = node.right;
  if (node.type !== 'searchClause' || !node.relation) return null;
  return { relation: node.relation.base, value: node.term.parts.map((p) => (p.kind === 'text' ? p.value : '')).join('') };
}

function facetViews(result: SearchResult): FacetView[] {
  return (result.facets ?? []).map((f) => ({
    label: FACET_LABEL[f.index] ?? f.displayLabel,
    field: filterFieldOf(f.index, f.relation),
    terms: f.terms.map((t) => {
      const clause = f.index === 'dcterms.modified' ? appended(t.query) : { relation: f.relation, value: t.actualTerm };
      return { label: TERM_LABEL[t.actualTerm] ?? t.actualTerm, value: clause?.value ?? t.actualTerm, field: clause ? filterFieldOf(f.index, clause.relation) : null, count: t.count };
    }),
  }));
}

export function createSearchPageRoutes(deps: CoreDeps, api: ApiScope): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const svc = new SruSearchService({ store: deps.store, uris: deps.uris, ...(deps.config.sruIndexCopy ? {} : { indexCopy: false }) });

  const resultView = (product: string, originalData: string): ResultView => {
    const s = summarise(originalData);
    return { href: deps.uris.documentPathFor(product) ?? product, title: s.title, authority: s.authority, snippet: snippet(s.abstract), audience: s.audience, online: s.online, aanvraagURL: s.aanvraagURL };
  };

  api.route(
    app,
    {
      method: 'get',
      path: SEARCH_PAGE_PATH,
      summary: "Search page for citizens and businesses",
      description: 'Search box, postcode or gemeente, audience and filters (facets), ten results a page, over the SRU search service.',
      tags: ['Product pages'],
      security: 'none',
      parameters: [
        { name: 'q', in: 'query', description: 'Words (all must occur)' },
        { name: 'postcode', in: 'query', description: 'Dutch postcode: products of that gemeente, its provincie, waterschap(pen) and the Rijk' },
        { name: 'gemeente', in: 'query', description: 'Gemeente name (same scope; postcode wins)' },
        { name: 'doelgroep', in: 'query', description: 'particulier or ondernemer' },
        { name: 'online', in: 'query', description: 'ja, digid or nee' },
        { name: 'organisatie', in: 'query', description: 'Bevoegd gezag (exact name)' },
        { name: 'organisatietype', in: 'query', description: 'Gemeente, Provincie, Waterschap, ...' },
        { name: 'vanaf', in: 'query', description: 'Modified on or after (YYYY-MM-DD)' },
        { name: 'tot', in: 'query', description: 'Modified before (YYYY-MM-DD)' },
        { name: 'sorteer', in: 'query', description: 'datum: newest first' },
        { name: 'pagina', in: 'query', description: 'Page (1-based)' },
      ],
      responses: { '200': { description: 'The page', contentTypes: ['text/html'] }, '400': { description: 'The page with a message about the search', contentTypes: ['text/html'] } },
    },
    async (c) => {
      const form: SearchForm = readForm((name) => c.req.query(name));
      const query = formToCql(form);
      if (!query) return c.html(<SearchPage path={SEARCH_PAGE_PATH} form={form} />);
      try {
        const result = await svc.search({ query, startRecord: (form.pagina - 1) * PAGE_SIZE + 1, maximumRecords: PAGE_SIZE, facets: true });
        const results = result.records.map((r) => resultView(r.product, r.originalData));
        return c.html(<SearchPage path={SEARCH_PAGE_PATH} form={form} outcome={{ kind: 'results', total: result.numberOfRecords, results, facets: facetViews(result) }} />);
      } catch (e) {
        if (!(e instanceof SruDiagnostic)) throw e;
        c.get('log').info({ code: e.code, details: e.details }, 'search page: query refused');
        return c.html(<SearchPage path={SEARCH_PAGE_PATH} form={form} outcome={{ kind: 'problem', message: friendlyMessage(e, form) }} />, 400);
      }
    },
  );
  return app;
}
