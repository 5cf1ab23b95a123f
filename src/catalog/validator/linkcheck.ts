/**
 * Checks the product page URLs of a catalogue: a HEAD request per URL, repeated as GET when the
 * server refuses HEAD or answers an error (some servers only implement GET). Redirects are
 * reported, not followed. At most `concurrency` requests run at the same time, each URL has one
 * time limit for both requests, and at most `maxLinks` URLs are checked.
 *
 * The harvester's rules against server-side request forgery apply: only http(s) URLs without
 * credentials, and no loopback or private addresses unless allowed (checked on the address
 * actually connected to).
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { checkCatalogueUrl } from '../harvest/index.js';
import { guardedLookup } from '../harvest/fetch.js';

export interface LinkCheckOptions {
  /** Requests running at the same time. */
  concurrency: number;
  /** Time limit per URL (HEAD and the GET fallback together). */
  timeoutMs: number;
  /** Most URLs checked; the rest are counted but not requested. */
  maxLinks: number;
  allowPrivateAddresses: boolean;
}

/**
 * ok: 2xx; redirect: 3xx (Location reported); client-error: 4xx; server-error: 5xx; timeout: no
 * answer in time; unreachable: no HTTP answer (DNS, connection); refused: not requested (scheme,
 * credentials, private address).
 */
export type LinkOutcome = 'ok' | 'redirect' | 'client-error' | 'server-error' | 'timeout' | 'unreachable' | 'refused';

export const LINK_OUTCOMES: readonly LinkOutcome[] = ['ok', 'redirect', 'client-error', 'server-error', 'timeout', 'unreachable', 'refused'];

export interface LinkResult {
  url: string;
  outcome: LinkOutcome;
  /** HTTP status of the last answer. */
  status?: number;
  /** Where a redirect points (absolute). */
  location?: string;
  /** The request whose answer counts (null: nothing was requested). */
  method: 'HEAD' | 'GET' | null;
  ms: number;
  message?: string;
}

export interface LinkCheckReport {
  /** Distinct URLs in the catalogue. */
  total: number;
  /** URLs checked (at most `limit`). */
  checked: number;
  limit: number;
  timeoutMs: number;
  concurrency: number;
  counts: Record<LinkOutcome, number>;
  results: LinkResult[];
}

const USER_AGENT = 'Stelsel-linkcheck/1';

function request(u: URL, method: 'HEAD' | 'GET', signal: AbortSignal, allowPrivate: boolean): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const mod = u.protocol === 'https:' ? https : http;
    const req = mod.request(
      u,
      {
        method,
        signal,
        agent: false,
        headers: { 'user-agent': USER_AGENT, accept: 'text/html, */*;q=0.5' },
        ...(allowPrivate ? {} : { lookup: guardedLookup }),
      },
      (res) => {
        res.resume();
        res.destroy(); // only the status line and headers matter
        resolve(res);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function networkReason(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOTFOUND': case 'EAI_AGAIN': return 'the host name could not be resolved';
    case 'ECONNREFUSED': return 'the connection was refused';
    case 'ECONNRESET': return 'the connection was reset';
    case 'EHOSTUNREACH': case 'ENETUNREACH': return 'the host is unreachable';
    default: return err.code ? `${err.code} (${err.message})` : err.message;
  }
}

function classify(status: number): LinkOutcome {
  if (status >= 200 && status < 300) return 'ok';
  if (status >= 300 && status < 400) return 'redirect';
  if (status >= 400 && status < 500) return 'client-error';
  if (status >= 500 && status < 600) return 'server-error';
  return 'unreachable';
}

/** Checks one URL; never throws. */
export async function checkLink(url: string, opts: Omit<LinkCheckOptions, 'concurrency' | 'maxLinks'>): Promise<LinkResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const problem = checkCatalogueUrl(url, opts);
  if (problem) return { url, outcome: 'refused', method: null, ms: ms(), message: problem.message };
  const u = new URL(url);
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let method: 'HEAD' | 'GET' = 'HEAD';
  try {
    let res = await request(u, method, signal, opts.allowPrivateAddresses);
    if ((res.statusCode ?? 0) >= 400) {
      method = 'GET';
      res = await request(u, method, signal, opts.allowPrivateAddresses);
    }
    const status = res.statusCode ?? 0;
    const outcome = classify(status);
    const location = outcome === 'redirect' && res.headers.location ? absolute(res.headers.location, url) : undefined;
    return { url, outcome, status, method, ms: ms(), ...(location ? { location } : {}) };
  } catch (e) {
    const refused = (e as { problem?: { code?: string; message?: string } }).problem;
    if (refused?.message) return { url, outcome: 'refused', method: null, ms: ms(), message: refused.message.replace(/harvesting from it/, 'checking it') };
    if (signal.aborted) return { url, outcome: 'timeout', method, ms: ms(), message: `no answer within ${opts.timeoutMs} ms` };
    return { url, outcome: 'unreachable', method, ms: ms(), message: networkReason(e as NodeJS.ErrnoException) };
  }
}

function absolute(location: string, base: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

/** Checks the first `maxLinks` distinct URLs, `concurrency` at a time; results in input order. */
export async function checkLinks(urls: readonly string[], opts: LinkCheckOptions): Promise<LinkCheckReport> {
  const distinct = [...new Set(urls)];
  const todo = distinct.slice(0, opts.maxLinks);
  const results: LinkResult[] = new Array<LinkResult>(todo.length);
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const i = next++;
      results[i] = await checkLink(todo[i]!, opts);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, todo.length)) }, worker));
  const counts = Object.fromEntries(LINK_OUTCOMES.map((o) => [o, 0])) as Record<LinkOutcome, number>;
  for (const r of results) counts[r.outcome]++;
  return { total: distinct.length, checked: todo.length, limit: opts.maxLinks, timeoutMs: opts.timeoutMs, concurrency: opts.concurrency, counts, results };
}
