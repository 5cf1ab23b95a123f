import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';
import type { AppEnv } from './context.js';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Requires the bootstrap ADMIN_TOKEN as a bearer token (constant-time comparison of digests).
 * The identity work (per-organisation roles, API tokens) layers on top of this.
 */
export function requireAdminToken(adminToken: string | undefined): MiddlewareHandler<AppEnv> {
  const expected = adminToken ? digest(adminToken) : null;
  return async (c, next) => {
    const auth = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!m) throw new AppError('unauthorized', 'This operation needs a bearer token');
    if (!expected || !timingSafeEqual(digest(m[1]!), expected)) throw new AppError('forbidden', 'This token may not perform this operation');
    await next();
  };
}
