/**
 * Authentication: turns the request's credentials into an Actor (c.get('actor')).
 *  - `Authorization: Bearer <ADMIN_TOKEN>`  -> the bootstrap actor (constant-time comparison)
 *  - `Authorization: Bearer <api token>`    -> the token's actor (resolved by `tokens`)
 *  - the session cookie                     -> the logged-in user (resolved by `sessions`)
 *  - nothing                                -> anonymous
 * A bearer token that matches nothing is refused with 401 (never silently anonymous).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/context.js';
import { ANONYMOUS, type Actor } from './actor.js';

export interface TokenResolver {
  /** The actor of a valid, unrevoked API token; null when the token is unknown or revoked. */
  verify(token: string): Promise<Actor | null>;
}

export interface SessionResolver {
  /** The logged-in user of this request's session cookie, or null. */
  actorOf(c: Context<AppEnv>): Promise<Actor | null>;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function authenticate(opts: {
  adminToken?: string;
  bootstrapIri: string;
  tokens?: TokenResolver;
  sessions?: SessionResolver;
}): MiddlewareHandler<AppEnv> {
  const admin = opts.adminToken ? digest(opts.adminToken) : null;
  return async (c, next) => {
    let actor: Actor = ANONYMOUS;
    const auth = c.req.header('authorization');
    if (auth !== undefined) {
      const m = /^Bearer\s+([\x21-\x7e]{1,512})$/i.exec(auth.trim());
      if (!m) throw new AppError('unauthorized', 'The Authorization header must be "Bearer <token>"');
      const token = m[1]!;
      if (admin && timingSafeEqual(digest(token), admin)) actor = { kind: 'bootstrap', iri: opts.bootstrapIri };
      else {
        const found = opts.tokens ? await opts.tokens.verify(token) : null;
        if (!found) throw new AppError('unauthorized', 'The bearer token is not valid (unknown or revoked)');
        actor = found;
      }
    } else if (opts.sessions) {
      actor = (await opts.sessions.actorOf(c)) ?? ANONYMOUS;
    }
    c.set('actor', actor);
    await next();
  };
}
