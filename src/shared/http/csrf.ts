/**
 * CSRF protection for browser sessions (hono/csrf: Origin or Sec-Fetch-Site check), on top of
 * SameSite=Lax session cookies.
 *
 * The rule: an unsafe request (not GET/HEAD/OPTIONS) that carries the session cookie, or that goes
 * to one of the login form endpoints, must come from this site: its Origin is BASE_URL's origin, or
 * the browser says Sec-Fetch-Site: same-origin. Requests without the cookie (API clients with a
 * bearer token, SPARQL clients) are not affected: they carry no ambient credential a forged form
 * could abuse. hono/csrf checks the form content types (urlencoded, multipart, text/plain), the only
 * ones a cross-site page can send without a CORS preflight, which Stelsel never grants.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '../errors.js';

const SAFE = /^(GET|HEAD|OPTIONS)$/;

export function csrfProtection(opts: {
  /** The site's own origin (from BASE_URL), e.g. https://stelsel.example.org. */
  origin: string;
  /** Name of the cookie that makes a request credentialed. */
  sessionCookie: string;
  /** Paths checked even without the cookie (login forms: no logging in a victim as someone else). */
  alwaysPaths?: readonly string[];
}): MiddlewareHandler {
  const check = csrf({ origin: opts.origin });
  const always = new Set(opts.alwaysPaths ?? []);
  return async (c, next) => {
    if (SAFE.test(c.req.method)) return next();
    if (getCookie(c, opts.sessionCookie) === undefined && !always.has(c.req.path)) return next();
    let allowed = false;
    try {
      await check(c, async () => {
        allowed = true;
      });
    } catch (err) {
      if (!(err instanceof HTTPException)) throw err;
    }
    if (!allowed) throw new AppError('forbidden', 'This form was not sent from this site (cross-site request refused)');
    await next();
  };
}
