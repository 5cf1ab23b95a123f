/**
 * The SRU 1.2 endpoint (mounted at /sru): GET /sru and GET /sru/Search, searchRetrieve and explain
 * over the national product collection. Always text/xml, open to every origin (CORS); every
 * refusal is an SRU diagnostic in a bare <diagnostics> document with HTTP 200, as the SC service does.
 */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv, CoreDeps } from '../shared/http/context.js';
import type { ApiScope } from '../shared/http/openapi.js';
import { DIAGNOSTICS, diagnosticsResponse, explainResponse, searchRetrieveResponse, trustedXml, gzdRecord } from './xml/index.js';
import { DIAG, SruDiagnostic } from './diagnostic.js';
import { parseSruParams } from './params.js';
import { parseQuery, SruSearchService, MAX_RECORDS, type SearchResult } from './service.js';
import { explainInput } from './explain.js';

const XML = 'text/xml; charset=utf-8';

const xml = (c: Context<AppEnv>, body: string) => c.body(body, 200, { 'content-type': XML });

function diagnosticBody(d: SruDiagnostic): string {
  const message = (DIAGNOSTICS as Record<number, string>)[d.code] ?? d.message;
  return diagnosticsResponse([{ code: d.code, details: d.details, message }]);
}

export function createSruRoutes(deps: CoreDeps, api: ApiScope): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const svc = new SruSearchService({ store: deps.store, uris: deps.uris, ...(deps.config.sruIndexCopy ? {} : { indexCopy: false }) });
  const copyStart = performance.now();
  void svc.indexCopyReady().then((filled) => {
    if (filled) deps.logger.info({ ms: Math.round(performance.now() - copyStart) }, 'SRU index copy filled: searches answer from memory');
  });
  app.use('*', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'] }));

  const searchUrl = (query: string, maximumRecords: number) => {
    const u = new URL(deps.uris.url('/sru/Search'));
    u.search = new URLSearchParams({
      version: '1.2', operation: 'searchRetrieve', 'x-connection': 'sc', 'x-info-1-accept': 'any',
      startRecord: '1', maximumRecords: String(maximumRecords), query,
    }).toString();
    return u.toString();
  };

  const handler = async (c: Context<AppEnv>) => {
    try {
      const req = parseSruParams(c.req.queries());
      if (req.operation === 'explain') return xml(c, explainResponse(explainInput(deps.config.baseUrl)));
      const result: SearchResult = await svc.search(req);
      const facets = result.facets?.map((f) => ({ ...f, terms: f.terms.map((t) => ({ ...t, requestUrl: searchUrl(t.query, req.maximumRecords) })) }));
      return xml(c, searchRetrieveResponse({
        numberOfRecords: result.numberOfRecords,
        records: result.records.map((r) => ({
          position: r.position,
          recordXml: gzdRecord({
            originalData: trustedXml(r.originalData),
            enrichedData: {
              ...(r.enrichedData.authority ? { authorityScheme: r.enrichedData.authority.scheme, authorityUri: r.enrichedData.authority.uri } : {}),
              spatial: r.enrichedData.spatial,
              uniformeProductnaamUri: r.enrichedData.uniformeProductnaamUri,
            },
          }),
        })),
        ...(result.nextRecordPosition !== undefined ? { nextRecordPosition: result.nextRecordPosition } : {}),
        ...(facets ? { facets } : {}),
        echoed: { query: req.query, cql: parseQuery(req.query), startRecord: req.startRecord, maximumRecords: req.maximumRecords, recordPacking: 'xml' },
      }));
    } catch (e) {
      if (e instanceof SruDiagnostic) return xml(c, diagnosticBody(e));
      c.get('log').error({ err: e }, 'SRU search failed');
      return xml(c, diagnosticBody(new SruDiagnostic(DIAG.general, 'De zoekdienst kon het verzoek niet afhandelen')));
    }
  };

  const parameters = [
    { name: 'version', in: 'query' as const, required: true, description: '1.2' },
    { name: 'operation', in: 'query' as const, required: true, description: 'searchRetrieve or explain' },
    { name: 'x-connection', in: 'query' as const, description: 'sc (required for searchRetrieve)' },
    { name: 'query', in: 'query' as const, description: 'CQL query, e.g. (postcode="5014") and keyword="paspoort"' },
    { name: 'startRecord', in: 'query' as const, description: 'First record (1-based)' },
    { name: 'maximumRecords', in: 'query' as const, description: `Records per page (at most ${MAX_RECORDS})` },
    { name: 'recordSchema', in: 'query' as const, description: 'http://standaarden.overheid.nl/sru/ (gzd)' },
    { name: 'x-info-1-accept', in: 'query' as const, description: 'any: add facets' },
  ];
  for (const path of ['/', '/Search']) {
    api.route(
      app,
      {
        method: 'get',
        path,
        summary: 'SRU 1.2 search over the national product collection',
        description: 'Samenwerkende Catalogi search: CQL query, gzd records, facets, explain. Errors are SRU diagnostics (HTTP 200).',
        tags: ['SRU'],
        security: 'none',
        parameters,
        responses: { '200': { description: 'searchRetrieveResponse, explainResponse or diagnostics', contentTypes: ['text/xml'] } },
      },
      handler,
    );
  }
  return app;
}
