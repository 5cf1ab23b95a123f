/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { tryGetContext } from 'hono/context-storage';
import type { AppEnv } from '../http/context.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** Where the header's login link points; unset when nobody can log in on this site. */
    loginPath?: string;
  }
}

export interface LayoutProps {
  title: string;
  lang?: string;
  children?: Child;
  /** RDFa prefix attribute for the <html> element. */
  prefix?: string;
  /** Extra elements for <head> (e.g. <link rel="alternate">). */
  head?: Child;
}

/** Standards mode for every page (JSX cannot express a doctype; this is a constant). */
const DOCTYPE = raw('<!DOCTYPE html>');

/**
 * Who is logged in, from the request being answered (hono/context-storage, mounted in src/app.ts):
 * the user's name and a logout button, or a login link. Nothing outside a request. No RDFa.
 */
function SessionIndicator() {
  const c = tryGetContext<AppEnv>();
  const actor = c?.var.actor;
  if (actor?.kind === 'user') {
    return (
      <form class="session" method="post" action="/logout">
        <span>Aangemeld als {actor.name}</span> <button type="submit">Afmelden</button>
      </form>
    );
  }
  const loginPath = c?.var.loginPath;
  if (actor?.kind === 'anonymous' && loginPath) {
    return (
      <a class="session" href={loginPath}>
        Aanmelden
      </a>
    );
  }
  return null;
}

/**
 * The page frame of every HTML page: doctype, lang, skip link, navigation, main landmark. No
 * JavaScript. RDFa-neutral: none of its links has `property`, and HTML+RDFa processors give the
 * stylesheet link no meaning (test/linked-data/rdfa-roundtrip.test.ts checks both processors), so
 * a page's RDFa is exactly what its content states. Pages with RDFa should not add `rel` links to
 * `head` (XHTML-vocabulary processors would read `rel="alternate"` as a triple).
 */
export function Layout({ title, lang = 'nl', children, prefix, head }: LayoutProps) {
  return (
    <>
      {DOCTYPE}
      <html lang={lang} prefix={prefix}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} · Stelsel`}</title>
          <link rel="stylesheet" href="/static/stelsel.css" />
          {head}
        </head>
        <body>
          <a class="skip" href="#main">
            Naar de inhoud
          </a>
          <header class="site">
            <nav aria-label="Hoofdmenu">
              <a href="/">Stelsel</a> <a href="/catalogi">Productcatalogus</a> <a href="/besluiten">Besluiten</a>{' '}
              <a href="/series">Serieregister</a> <a href="/zoeken">Zoeken</a> <a href="/sparql">SPARQL</a>{' '}
              <a href="/api/docs">API</a> <a href="/beheer/organisaties">Beheer</a> <SessionIndicator />
            </nav>
          </header>
          <main id="main">{children}</main>
        </body>
      </html>
    </>
  );
}
