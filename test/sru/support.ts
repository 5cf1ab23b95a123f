/** The SRU test app (real embedded store, demo value lists, the fixture collection) and a response reader. */
import { DOMParser } from '@xmldom/xmldom';
import { makeTestApp } from '../support/app.js';
import { loadDemoValueLists } from '../catalog/support.js';
import { storeCollection } from './fixtures.js';

export type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

export async function makeSruApp(): Promise<TestApp> {
  const t = await makeTestApp({ demo: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  await loadDemoValueLists(t);
  await storeCollection(t);
  return t;
}

export const SRW = 'http://www.loc.gov/zing/srw/';
export const DIAG_NS = 'http://www.loc.gov/zing/srw/diagnostic/';
export const FACETS_NS = 'http://docs.oasis-open.org/ns/search-ws/sru-facetedResults';

export interface SruAnswer {
  status: number;
  contentType: string;
  body: string;
  root: string;
  numberOfRecords: number | null;
  /** productIDs of the records, in order. */
  ids: string[];
  positions: number[];
  next: number | null;
  diagnostics: { uri: string; details: string; message: string }[];
  facets: { label: string; index: string; terms: { actualTerm: string; query: string; requestUrl: string; count: number }[] }[];
  doc: Node_;
}

/** The part of the DOM the tests read. */
export interface Node_ {
  readonly textContent: string | null;
  getElementsByTagNameNS(ns: string, local: string): { readonly length: number; item(i: number): Node_ | null };
}
const text = (e: Node_ | undefined | null) => e?.textContent ?? '';
export function children(e: Node_, ns: string, local: string): Node_[] {
  const list = e.getElementsByTagNameNS(ns, local);
  const out: Node_[] = [];
  for (let i = 0; i < list.length; i++) out.push(list.item(i)!);
  return out;
}

export function readSru(status: number, contentType: string, body: string): SruAnswer {
  const errors: string[] = [];
  const parsed = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(body, 'text/xml');
  if (errors.length) throw new Error(`not well-formed XML: ${errors.join('; ')}\n${body.slice(0, 500)}`);
  const root = parsed.documentElement;
  const doc = parsed as unknown as Node_;
  const n = children(doc, SRW, 'numberOfRecords')[0];
  const ids = children(doc, 'http://standaarden.overheid.nl/product/terms/', 'productID').map((e) => text(e));
  return {
    status,
    contentType,
    body,
    root: `{${root?.namespaceURI ?? ''}}${root?.localName ?? ''}`,
    numberOfRecords: n ? Number(text(n)) : null,
    ids,
    positions: children(doc, SRW, 'recordPosition').map((e) => Number(text(e))),
    next: children(doc, SRW, 'nextRecordPosition')[0] ? Number(text(children(doc, SRW, 'nextRecordPosition')[0])) : null,
    diagnostics: children(doc, DIAG_NS, 'diagnostic').map((d) => ({
      uri: text(children(d, DIAG_NS, 'uri')[0]),
      details: text(children(d, DIAG_NS, 'details')[0]),
      message: text(children(d, DIAG_NS, 'message')[0]),
    })),
    facets: children(doc, FACETS_NS, 'facet').map((f) => ({
      label: text(children(f, FACETS_NS, 'facetDisplayLabel')[0]),
      index: text(children(f, FACETS_NS, 'index')[0]),
      terms: children(f, FACETS_NS, 'term').map((t) => ({
        actualTerm: text(children(t, FACETS_NS, 'actualTerm')[0]),
        query: text(children(t, FACETS_NS, 'query')[0]),
        requestUrl: text(children(t, FACETS_NS, 'requestUrl')[0]),
        count: Number(text(children(t, FACETS_NS, 'count')[0])),
      })),
    })),
    doc,
  };
}

/** GET /sru/Search with the SC defaults, overridden by `params` (null drops a parameter). */
/** Anything that answers a request path (the in-process app, or a client of a running server). */
export interface Requester {
  app: { request(path: string): Response | Promise<Response> };
}

export async function sru(t: Requester, params: Record<string, string | null>, path = '/sru/Search'): Promise<SruAnswer> {
  const p: Record<string, string | null> = { version: '1.2', operation: 'searchRetrieve', 'x-connection': 'sc', startRecord: '1', maximumRecords: '100', ...params };
  const qs = new URLSearchParams(Object.entries(p).filter((e): e is [string, string] => e[1] !== null)).toString();
  const res = await t.app.request(`${path}?${qs}`);
  return readSru(res.status, res.headers.get('content-type') ?? '', await res.text());
}

/** The sorted productIDs matching a query (all records). */
export async function matches(t: Requester, query: string): Promise<string[]> {
  const r = await sru(t, { query, maximumRecords: '1000' });
  if (r.diagnostics.length) throw new Error(`${query}: diagnostic ${JSON.stringify(r.diagnostics)}`);
  if (r.numberOfRecords !== r.ids.length) throw new Error(`${query}: numberOfRecords ${r.numberOfRecords} but ${r.ids.length} records`);
  return [...r.ids].sort();
}
