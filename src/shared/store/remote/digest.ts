/**
 * HTTP Digest access authentication, client side (RFC 7616, compatible with RFC 2617).
 * Supports algorithms MD5, MD5-sess, SHA-256 and SHA-256-sess with qop "auth" (or no qop, the
 * RFC 2069 form). Node's fetch has no Digest support; Virtuoso's /sparql-auth requires it.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque?: string;
  algorithm: string;
  /** The qop options the server offered (e.g. ['auth', 'auth-int']); empty for RFC 2069 servers. */
  qop: string[];
  stale: boolean;
  /** True when the server wants the username hashed (RFC 7616 §3.4.4 userhash=true). */
  userhash: boolean;
}

export class DigestError extends Error {
  readonly code = 'digest_unsupported';
}

/** Splits a WWW-Authenticate value into challenges: [{ scheme, params }]. */
export function parseAuthenticate(header: string): { scheme: string; params: Record<string, string> }[] {
  const out: { scheme: string; params: Record<string, string> }[] = [];
  let i = 0;
  const n = header.length;
  const skipWs = (): void => {
    while (i < n && /[\s]/.test(header[i] ?? '')) i++;
  };
  const token = (): string => {
    const start = i;
    while (i < n && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(header[i] ?? '')) i++;
    return header.slice(start, i);
  };
  let current: { scheme: string; params: Record<string, string> } | undefined;
  while (i < n) {
    skipWs();
    if (header[i] === ',') {
      i++;
      continue;
    }
    const start = i;
    const name = token();
    if (!name) {
      i++; // skip an unexpected character rather than looping forever
      continue;
    }
    skipWs();
    if (header[i] === '=' && current) {
      i++;
      skipWs();
      let value = '';
      if (header[i] === '"') {
        i++;
        while (i < n && header[i] !== '"') {
          if (header[i] === '\\' && i + 1 < n) i++;
          value += header[i];
          i++;
        }
        i++; // closing quote
      } else {
        const vStart = i;
        while (i < n && header[i] !== ',' && !/\s/.test(header[i] ?? '')) i++;
        value = header.slice(vStart, i);
      }
      current.params[name.toLowerCase()] = value;
    } else if (header[i] === '=' && !current) {
      // token68 without a scheme: malformed; skip it
      i++;
    } else {
      // A new scheme. (A token68 after a scheme, like Basic's, is not needed here.)
      current = { scheme: header.slice(start, i).trim().toLowerCase(), params: {} };
      out.push(current);
    }
  }
  return out;
}

/** The Digest challenge in a WWW-Authenticate header, or undefined when there is none. */
export function parseDigestChallenge(header: string): DigestChallenge | undefined {
  const c = parseAuthenticate(header).find((x) => x.scheme === 'digest');
  if (!c || c.params.nonce === undefined) return undefined;
  const p = c.params;
  return {
    realm: p.realm ?? '',
    nonce: p.nonce ?? '',
    ...(p.opaque !== undefined ? { opaque: p.opaque } : {}),
    algorithm: p.algorithm ?? 'MD5',
    qop: (p.qop ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
    stale: (p.stale ?? '').toLowerCase() === 'true',
    userhash: (p.userhash ?? '').toLowerCase() === 'true',
  };
}

const HASHES: Record<string, string> = { 'md5': 'md5', 'sha-256': 'sha256' };

function hashFor(algorithm: string): { hash: (s: string) => string; sess: boolean } {
  const lower = algorithm.toLowerCase();
  const sess = lower.endsWith('-sess');
  const name = HASHES[sess ? lower.slice(0, -'-sess'.length) : lower];
  if (!name) throw new DigestError(`Unsupported Digest algorithm ${JSON.stringify(algorithm)}`);
  return { hash: (s: string) => createHash(name).update(s, 'utf8').digest('hex'), sess };
}

export interface DigestInput {
  username: string;
  password: string;
  method: string;
  /** The request-target: path and query of the URL, e.g. "/sparql-auth". */
  uri: string;
  challenge: DigestChallenge;
  /** Nonce count, 1 for the first request with this nonce. */
  nc: number;
  /** Client nonce; random when omitted (fixed values are for tests). */
  cnonce?: string;
}

/** Computes the `response` value (request-digest) of RFC 7616 §3.4.1. */
export function digestResponse(input: DigestInput & { cnonce: string; qop: string | undefined }): string {
  const { hash, sess } = hashFor(input.challenge.algorithm);
  const nc = formatNc(input.nc);
  let ha1 = hash(`${input.username}:${input.challenge.realm}:${input.password}`);
  if (sess) ha1 = hash(`${ha1}:${input.challenge.nonce}:${input.cnonce}`);
  const ha2 = hash(`${input.method}:${input.uri}`);
  return input.qop
    ? hash(`${ha1}:${input.challenge.nonce}:${nc}:${input.cnonce}:${input.qop}:${ha2}`)
    : hash(`${ha1}:${input.challenge.nonce}:${ha2}`);
}

function formatNc(nc: number): string {
  return nc.toString(16).padStart(8, '0');
}

function quoted(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** The value of the Authorization header answering a Digest challenge. */
export function digestAuthorization(input: DigestInput): string {
  const ch = input.challenge;
  let qop: string | undefined;
  if (ch.qop.length > 0) {
    if (!ch.qop.includes('auth')) {
      throw new DigestError(`Digest qop ${JSON.stringify(ch.qop.join(','))} is not supported (only "auth")`);
    }
    qop = 'auth';
  }
  const cnonce = input.cnonce ?? randomBytes(16).toString('hex');
  const response = digestResponse({ ...input, cnonce, qop });
  let username = input.username;
  if (ch.userhash) username = hashFor(ch.algorithm).hash(`${input.username}:${ch.realm}`);
  const parts = [
    `username=${quoted(username)}`,
    `realm=${quoted(ch.realm)}`,
    `nonce=${quoted(ch.nonce)}`,
    `uri=${quoted(input.uri)}`,
    `algorithm=${ch.algorithm}`,
    `response=${quoted(response)}`,
  ];
  if (ch.opaque !== undefined) parts.push(`opaque=${quoted(ch.opaque)}`);
  if (qop) parts.push(`qop=${qop}`, `nc=${formatNc(input.nc)}`, `cnonce=${quoted(cnonce)}`);
  if (ch.userhash) parts.push('userhash=true');
  return `Digest ${parts.join(', ')}`;
}
