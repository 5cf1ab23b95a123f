/**
 * Rate limiting per client IP (hono-rate-limiter with its in-memory store: the count is per
 * instance). Beyond the limit: 429 with Retry-After, in the negotiated error format.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.js';
import type { AppEnv } from './context.js';
import { renderError } from './errors.js';

/**
 * The client's IP: the TCP peer, or with `trustProxy` the last X-Forwarded-For hop (the one our
 * own reverse proxy appended; earlier hops are client-controlled).
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const last = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

export function rateLimit(opts: { perMinute: number; trustProxy: boolean; what: string }): MiddlewareHandler<AppEnv> {
  return rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: opts.perMinute,
    standardHeaders: 'draft-6',
    keyGenerator: (c) => clientIp(c, opts.trustProxy),
    handler: (c) => {
      const retryAfter = c.res.headers.get('Retry-After') ?? '60';
      c.header('Retry-After', retryAfter);
      c.get('log')?.warn({ ip: clientIp(c, opts.trustProxy), what: opts.what }, 'rate limit reached');
      return renderError(
        c,
        new AppError('rate_limited', `Too many requests to ${opts.what}; try again in ${retryAfter} s`),
        c.get('requestId') ?? randomUUID(),
      );
    },
  });
}
