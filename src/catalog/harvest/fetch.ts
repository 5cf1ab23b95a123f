/**
 * Fetches one SC catalogue over HTTP with the harvesting prerequisites enforced:
 *
 * - only http and https URLs, no credentials in the URL (checked on every redirect hop);
 * - no loopback, private, link-local or otherwise non-public addresses unless allowed (checked on
 *   the address actually connected to, so a DNS answer cannot swap a public name for a private
 *   address between check and connect);
 * - a bounded number of redirects, followed manually;
 * - the final response must be 200 with Content-Type text/xml or application/xml;
 * - a size limit (the body is streamed and the transfer aborted once the limit is exceeded) and a
 *   total time limit covering every hop and the body.
 *
 * It never throws for a problem of the source: the outcome says what went wrong.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface FetchCatalogueOptions {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  allowPrivateAddresses: boolean;
}

export type FetchProblemCode =
  | 'url-invalid'
  | 'url-scheme'
  | 'url-credentials'
  | 'private-address'
  | 'unreachable'
  | 'timeout'
  | 'http-status'
  | 'content-type'
  | 'too-large'
  | 'too-many-redirects';

export interface FetchProblem {
  code: FetchProblemCode | string;
  message: string;
}

export type FetchOutcome =
  | { ok: true; body: Uint8Array; finalUrl: string; status: number; contentType: string; ms: number }
  | { ok: false; problem: FetchProblem; status?: number; finalUrl?: string; contentType?: string; ms: number };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const XML_TYPES = new Set(['text/xml', 'application/xml']);

/**
 * Addresses a harvest must not reach unless private addresses are allowed. Two lists, because a
 * BlockList also matches IPv4 addresses against IPv4-mapped IPv6 rules.
 */
const NON_PUBLIC_V4 = new BlockList();
for (const [a, p] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) NON_PUBLIC_V4.addSubnet(a, p, 'ipv4');
const NON_PUBLIC_V6 = new BlockList();
// ::ffff:0:0/96 (IPv4-mapped) and 64:ff9b::/96 (NAT64) could reach any IPv4 address: refused whole.
for (const [a, p] of [
  ['::', 128], ['::1', 128], ['::ffff:0:0', 96], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
] as const) NON_PUBLIC_V6.addSubnet(a, p, 'ipv6');

/** True when the address is loopback, private, link-local, reserved, multicast, or no IP address at all. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return NON_PUBLIC_V4.check(address, 'ipv4');
  if (family === 6) return NON_PUBLIC_V6.check(address, 'ipv6');
  return true;
}

class Refused extends Error {
  constructor(readonly problem: FetchProblem, readonly status?: number) {
    super(problem.message);
  }
}

/** A DNS lookup that refuses non-public addresses (used by the socket, so it checks what is connected to). */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    const bad = addresses.find((a) => isNonPublicAddress(a.address));
    if (bad) {
      const e = new Refused({ code: 'private-address', message: `${hostname} resolves to ${bad.address}, a loopback, private or reserved address; harvesting from it is refused` });
      return callback(e as unknown as NodeJS.ErrnoException, '', 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
    return callback(null, first.address, first.family);
  });
};

/** Checks a URL of the chain (the first or a redirect target). */
function checkUrl(raw: string, base: string | undefined, opts: FetchCatalogueOptions): URL {
  let u: URL;
  try {
    u = base === undefined ? new URL(raw) : new URL(raw, base);
  } catch {
    throw new Refused({ code: 'url-invalid', message: `"${raw}" is not a valid absolute URL` });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new Refused({ code: 'url-scheme', message: `${u.protocol.replace(/:$/, '')} URLs are not allowed; use http or https (${redact(u)})` });
  }
  if (u.username || u.password) {
    throw new Refused({ code: 'url-credentials', message: `URLs with credentials (user name or password) are refused (${redact(u)})` });
  }
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (!opts.allowPrivateAddresses) {
    if (isIP(host) && isNonPublicAddress(host)) {
      throw new Refused({ code: 'private-address', message: `${host} is a loopback, private or reserved address; harvesting from it is refused` });
    }
    if (host === 'localhost' || host.endsWith('.localhost')) {
      throw new Refused({ code: 'private-address', message: `${host} is a loopback host name; harvesting from it is refused` });
    }
  }
  return u;
}

/**
 * Checks a URL before it is stored as a source (no network access): the problem, or null. A host
 * name resolving to a private address is only refused when it is fetched.
 */
export function checkCatalogueUrl(url: string, opts: Pick<FetchCatalogueOptions, 'allowPrivateAddresses'>): FetchProblem | null {
  try {
    checkUrl(url, undefined, { allowPrivateAddresses: opts.allowPrivateAddresses, maxBytes: 0, timeoutMs: 0, maxRedirects: 0 });
    return null;
  } catch (e) {
    if (e instanceof Refused) return e.problem;
    throw e;
  }
}

/** The URL without user name and password, for messages. */
function redact(u: URL): string {
  const c = new URL(u.href);
  c.username = '';
  c.password = '';
  return c.href;
}

function get(u: URL, signal: AbortSignal, opts: FetchCatalogueOptions): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const mod = u.protocol === 'https:' ? https : http;
    const req = mod.get(u, {
      signal,
      headers: { accept: 'application/xml, text/xml;q=0.9', 'user-agent': 'Stelsel-harvester/1' },
      ...(opts.allowPrivateAddresses ? {} : { lookup: guardedLookup }),
    }, resolve);
    req.on('error', reject);
  });
}

async function readLimited(res: IncomingMessage, maxBytes: number, url: string): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      res.destroy();
      throw new Refused({ code: 'too-large', message: `${url}: the catalogue is larger than the limit of ${maxBytes} bytes; the transfer was stopped` }, 200);
    }
    parts.push(chunk);
  }
  return new Uint8Array(Buffer.concat(parts, size));
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

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Fetches a catalogue with the harvesting prerequisites; never throws for a problem of the source. */
export async function fetchCatalogue(url: string, opts: FetchCatalogueOptions): Promise<FetchOutcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let current: string | undefined;
  let status: number | undefined;
  let servedType: string | undefined;
  try {
    let u = checkUrl(url, undefined, opts);
    for (let hop = 0; ; hop++) {
      current = u.href;
      const res = await get(u, signal, opts);
      status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (REDIRECTS.has(status) && location) {
        res.resume();
        res.destroy();
        if (hop >= opts.maxRedirects) {
          throw new Refused({ code: 'too-many-redirects', message: `more than ${opts.maxRedirects} redirects (last one from ${current} to ${location})` }, status);
        }
        u = checkUrl(location, current, opts);
        continue;
      }
      if (status !== 200) {
        res.destroy();
        throw new Refused({ code: 'http-status', message: `${current} answered HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}; a catalogue must be served with status 200` }, status);
      }
      const contentType = res.headers['content-type'] ?? '';
      if (contentType) servedType = contentType;
      if (!XML_TYPES.has(mediaType(contentType))) {
        res.destroy();
        throw new Refused({ code: 'content-type', message: `${current} served Content-Type "${contentType || '(none)'}"; a catalogue must be served as text/xml or application/xml` }, status);
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > opts.maxBytes) {
        res.destroy();
        throw new Refused({ code: 'too-large', message: `${current}: the catalogue is ${declared} bytes, larger than the limit of ${opts.maxBytes} bytes` }, status);
      }
      const body = await readLimited(res, opts.maxBytes, current);
      return { ok: true, body, finalUrl: current, status, contentType, ms: ms() };
    }
  } catch (e) {
    const base = {
      ms: ms(),
      ...(status !== undefined ? { status } : {}),
      ...(current !== undefined ? { finalUrl: current } : {}),
      ...(servedType !== undefined ? { contentType: servedType } : {}),
    };
    if (e instanceof Refused) return { ok: false, problem: e.problem, ...base, ...(e.status !== undefined ? { status: e.status } : {}) };
    const cause = (e as { cause?: unknown }).cause;
    if (cause instanceof Refused) return { ok: false, problem: cause.problem, ...base };
    if (signal.aborted) {
      return { ok: false, problem: { code: 'timeout', message: `${current ?? url}: no complete answer within ${opts.timeoutMs} ms` }, ...base };
    }
    return { ok: false, problem: { code: 'unreachable', message: `${current ?? url} is unreachable: ${networkReason(e as NodeJS.ErrnoException)}` }, ...base };
  }
}
