/**
 * Complete SRU 1.2 response documents: searchRetrieveResponse and explainResponse (namespace
 * http://www.loc.gov/zing/srw/, prefix `sru`), and the bare `<diagnostics>` document the SC
 * search service answers with when a request fails.
 */
import type { CqlQuery } from '../cql/ast.js';
import { el, xmlDocument, type TrustedXml } from './builder.js';
import { diagnosticUri, type Diagnostic } from './diagnostics.js';
import { explainRecord, type ExplainInput } from './explain.js';
import { facetedResults, type Facet } from './facets.js';
import { RECORD_SCHEMA, SRU_NS, SRU_VERSION } from './namespaces.js';
import { nonNegative, positive } from './numbers.js';
import { xcqlOperand } from './xcql.js';

export interface SearchRecord {
  /** The gzd record (gzdRecord()). */
  readonly recordXml: TrustedXml;
  /** 1-based position in the result set. */
  readonly position: number;
}

/** The request as understood, for echoedSearchRetrieveRequest. */
export interface EchoedRequest {
  readonly query: string;
  readonly cql: CqlQuery;
  readonly startRecord?: number;
  readonly maximumRecords?: number;
  readonly recordPacking?: string;
  readonly recordSchema?: string;
}

export interface SearchRetrieveInput {
  readonly numberOfRecords: number;
  readonly records: readonly SearchRecord[];
  /** Present when more records follow. */
  readonly nextRecordPosition?: number;
  /** Facets for extraResponseData (x-info-1-accept=any); extraResponseData is written when given. */
  readonly facets?: readonly Facet[];
  readonly echoed?: EchoedRequest;
  /** Non-fatal diagnostics. */
  readonly diagnostics?: readonly Diagnostic[];
}

function diagnosticElement(d: Diagnostic, prefix: string): TrustedXml {
  return el(`${prefix}diagnostic`, null,
    el(`${prefix}uri`, null, diagnosticUri(positive('diagnostic code', d.code))),
    d.details !== undefined && el(`${prefix}details`, null, d.details),
    el(`${prefix}message`, null, d.message),
  );
}

function echoed(e: EchoedRequest): TrustedXml {
  return el('sru:echoedSearchRetrieveRequest', null,
    el('sru:version', null, SRU_VERSION),
    el('sru:query', null, e.query),
    el('sru:xQuery', { 'xmlns:xcql': SRU_NS.xcql }, xcqlOperand(e.cql.root)),
    e.startRecord !== undefined && el('sru:startRecord', null, positive('startRecord', e.startRecord)),
    e.maximumRecords !== undefined && el('sru:maximumRecords', null, nonNegative('maximumRecords', e.maximumRecords)),
    e.recordPacking !== undefined && el('sru:recordPacking', null, e.recordPacking),
    e.recordSchema !== undefined && el('sru:recordSchema', null, e.recordSchema),
  );
}

function record(r: SearchRecord, schema: string): TrustedXml {
  return el('sru:record', null,
    el('sru:recordSchema', null, schema),
    el('sru:recordPacking', null, 'xml'),
    el('sru:recordData', null, r.recordXml),
    el('sru:recordPosition', null, positive('recordPosition', r.position)),
  );
}

export function searchRetrieveResponse(input: SearchRetrieveInput): string {
  const facets = input.facets && facetedResults(input.facets);
  const diags = input.diagnostics ?? [];
  return xmlDocument(el('sru:searchRetrieveResponse', { 'xmlns:sru': SRU_NS.srw },
    el('sru:version', null, SRU_VERSION),
    el('sru:numberOfRecords', null, nonNegative('numberOfRecords', input.numberOfRecords)),
    input.records.length > 0 && el('sru:records', null, input.records.map((r) => record(r, RECORD_SCHEMA.gzd))),
    input.nextRecordPosition !== undefined && el('sru:nextRecordPosition', null, positive('nextRecordPosition', input.nextRecordPosition)),
    input.echoed && echoed(input.echoed),
    diags.length > 0 && el('sru:diagnostics', { 'xmlns:diag': SRU_NS.diagnostic }, diags.map((d) => diagnosticElement(d, 'diag:'))),
    input.facets !== undefined && el('sru:extraResponseData', null, facets),
  ));
}

/** The bare diagnostics document (root `diagnostics` in the diagnostic namespace). */
export function diagnosticsResponse(diags: readonly Diagnostic[]): string {
  if (diags.length === 0) throw new Error('diagnosticsResponse needs at least one diagnostic');
  return xmlDocument(el('diagnostics', { xmlns: SRU_NS.diagnostic }, diags.map((d) => diagnosticElement(d, ''))));
}

export function explainResponse(input: ExplainInput): string {
  return xmlDocument(el('sru:explainResponse', { 'xmlns:sru': SRU_NS.srw },
    el('sru:version', null, SRU_VERSION),
    el('sru:record', null,
      el('sru:recordSchema', null, RECORD_SCHEMA.zeerex),
      el('sru:recordPacking', null, 'xml'),
      el('sru:recordData', null, explainRecord(input)),
    ),
  ));
}
