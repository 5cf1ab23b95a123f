/**
 * The HTTP side of the SPARQL adapter: POST with a timeout, HTTP Basic or Digest authentication
 * (chosen by the server's challenge), and every failure turned into a StoreUnavailable whose
 * message never contains credentials.
 */
import { StoreUnavailable } from '../port.js';
import { type DigestChallenge, digestAuthorization, parseAuthenticate, parseDigestChallenge } from './digest.js';

/** An HTTP or network failure talking to the SPARQL server. `status` is absent for network errors. */
export class SparqlHttpError extends StoreUnavailable {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface HttpResponse {
  status: number;
  contentType: string;
  body: string;
  /** The Server response header ('' when absent). */
  server: string;
  /** Virtuoso's X-SPARQL-MaxRows: the result was capped at this many rows (ResultSetMaxRows). */
  maxRows?: number;
}

export interface SparqlHttpOptions {
  user?: string;
  password?: string;
  timeoutMs: number;
}

type AuthState = { scheme: 'basic' } | { scheme: 'digest'; challenge: DigestChallenge; nc: number };

const SNIPPET = 300;
/** Bodies larger than this are not sent before we know how to authenticate. */
const PROBE_ABOVE = 64 * 1024;

/** The URL without userinfo, for messages. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}

export class SparqlHttp {
  /** What worked last time per URL, so later requests authenticate without a round trip. */
  private readonly auth = new Map<string, AuthState>();

  constructor(private readonly options: SparqlHttpOptions) {}

  private get hasCredentials(): boolean {
    return this.options.user !== undefined && this.options.password !== undefined;
  }

  /**
   * POSTs `body` and returns the 2xx response. Answers a 401 challenge (Digest preferred over
   * Basic) at most twice, then gives up with a StoreUnavailable.
   */
  async post(what: string, url: string, body: string, contentType: string, accept: string): Promise<HttpResponse> {
    const target = new URL(url);
    const key = target.origin + target.pathname;
    if (this.hasCredentials && !this.auth.has(key) && body.length > PROBE_ABOVE) {
      // Fetch the challenge with an empty request first rather than upload a big body twice.
      const probe = await this.send(what, url, '', { 'content-type': contentType, accept });
      const state = probe.status === 401 ? this.answer(probe.wwwAuthenticate, undefined) : undefined;
      if (state) this.auth.set(key, state);
    }
    for (let attempt = 0; ; attempt++) {
      const state = this.auth.get(key);
      const headers: Record<string, string> = { 'content-type': contentType, accept };
      if (state) {
        try {
          headers.authorization = this.authorization(state, target);
        } catch (err) {
          throw new SparqlHttpError(`${what} to ${safeUrl(url)}: cannot answer the authentication challenge: ${(err as Error).message}`, 401);
        }
      }
      const res = await this.send(what, url, body, headers);
      if (res.status !== 401) {
        if (res.status < 200 || res.status >= 300) throw httpFailure(what, url, res);
        return res;
      }
      if (!this.hasCredentials) {
        throw new SparqlHttpError(`${what} to ${safeUrl(url)} needs authentication (HTTP 401) but no SPARQL user/password is configured`, 401);
      }
      const next = this.answer(res.wwwAuthenticate, state);
      if (!next || attempt >= 2) {
        throw new SparqlHttpError(`${what} to ${safeUrl(url)} was refused: the SPARQL server rejected the configured credentials (HTTP 401)`, 401);
      }
      this.auth.set(key, next);
    }
  }

  /** The auth state to retry with after a 401, or undefined when retrying cannot help. */
  private answer(header: string | null, previous: AuthState | undefined): AuthState | undefined {
    if (!header) return undefined;
    const digest = parseDigestChallenge(header);
    if (digest) {
      // A reused nonce may have expired (or be reported stale): retry with the new one. A fresh
      // nonce (first use) refused without `stale` means the credentials are wrong.
      if (previous?.scheme === 'digest' && previous.nc <= 1 && !digest.stale) return undefined;
      return { scheme: 'digest', challenge: digest, nc: 0 };
    }
    if (parseAuthenticate(header).some((c) => c.scheme === 'basic') && previous?.scheme !== 'basic') return { scheme: 'basic' };
    return undefined;
  }

  private authorization(state: AuthState, target: URL): string {
    const user = this.options.user ?? '';
    const password = this.options.password ?? '';
    if (state.scheme === 'basic') return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
    state.nc += 1;
    return digestAuthorization({
      username: user,
      password,
      method: 'POST',
      uri: target.pathname + target.search,
      challenge: state.challenge,
      nc: state.nc,
    });
  }

  private async send(
    what: string,
    url: string,
    body: string,
    headers: Record<string, string>,
  ): Promise<HttpResponse & { wwwAuthenticate: string | null }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      const res = await fetch(url, { method: 'POST', body, headers, signal: controller.signal, redirect: 'error' });
      const text = await res.text();
      return {
        status: res.status,
        contentType: res.headers.get('content-type') ?? '',
        body: text,
        server: res.headers.get('server') ?? '',
        ...(res.headers.has('x-sparql-maxrows') ? { maxRows: Number(res.headers.get('x-sparql-maxrows')) } : {}),
        wwwAuthenticate: res.headers.get('www-authenticate'),
      };
    } catch (err) {
      if (controller.signal.aborted) {
        throw new SparqlHttpError(`${what} to ${safeUrl(url)} timed out after ${this.options.timeoutMs} ms`);
      }
      const cause = err instanceof Error ? describeCause(err) : String(err);
      throw new SparqlHttpError(`${what} to ${safeUrl(url)} failed: ${cause}`);
    } finally {
      clearTimeout(timer);
    }
  }
}

function describeCause(err: Error): string {
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: string }).code;
    return `${err.message} (${code ? `${code}: ` : ''}${cause.message})`;
  }
  return err.message;
}

function httpFailure(what: string, url: string, res: HttpResponse): SparqlHttpError {
  const text = res.body.replace(/\s+/g, ' ').trim().slice(0, SNIPPET);
  return new SparqlHttpError(`${what} to ${safeUrl(url)} failed with HTTP ${res.status}${text ? `: ${text}` : ''}`, res.status);
}
