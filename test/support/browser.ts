/**
 * Real-browser tests: headless Chromium (Debian package, driven by playwright-core) against the app
 * on a real HTTP server on 127.0.0.1. Suites skip when Chromium is not installed, unless
 * REQUIRE_CHROMIUM=1 (CI), which turns its absence into a failure.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.REQUIRE_CHROMIUM === '1') {
  throw new Error('chromium not installed (apt-get install chromium) and REQUIRE_CHROMIUM=1');
}

/** Appended to a suite's title when it is skipped, so the skip says why. */
export const chromiumSkipNote = haveChromium ? '' : ' (skipped: chromium not installed (apt-get install chromium))';

export interface ListeningServer {
  /** http://127.0.0.1:{port}: use it as BASE_URL, so every IRI on the pages is this server. */
  base: string;
  /** Starts answering with the app (until then every request gets 503). */
  handle(fetch: (req: Request) => Response | Promise<Response>): void;
  close(): Promise<void>;
}

/** A server that listens before the app exists: the app's BASE_URL needs the port. */
export async function listenFirst(): Promise<ListeningServer> {
  let handler: (req: Request) => Response | Promise<Response> = () => new Response('starting', { status: 503 });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: (req) => handler(req), port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    handle: (fetch) => {
      handler = fetch;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile (removed on close). */
export async function launchChromium(opts: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'stelsel-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: opts.viewport ?? { width: 1100, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
