/** Shared set-up of the series tests: the whole app over a real store, demo data, real sessions and tokens. */
import pino from 'pino';
import { expect } from 'vitest';
import { ADMIN_TOKEN, makeTestApp } from '../support/app.js';
import { TEST_BASE } from '../support/tmp.js';
import { createSeriesService, ensureSeriesCodeLists } from '../../src/series/index.js';

export type TestApp = Awaited<ReturnType<typeof makeTestApp>>;
export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
export const SECRET = 'series-test-session-secret-0123456789abcdef';

export async function seriesTestApp(): Promise<TestApp> {
  const t = await makeTestApp({ demo: true, env: { DEMO: 'true', SESSION_SECRET: SECRET, RATE_LIMIT_PER_MINUTE: '100000' } });
  const svc = serviceOf(t);
  await ensureSeriesCodeLists(t, svc.lists);
  return t;
}

export const serviceOf = (t: TestApp) => createSeriesService({ ...t, logger: pino({ level: 'silent' }) });

/** A real session of a demo user, through the demo login. */
export async function loginAs(t: TestApp, user: string): Promise<Record<string, string>> {
  const res = await t.app.request('/demo/login', {
    method: 'POST',
    headers: { origin: TEST_BASE, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ user: `${TEST_BASE}/id/gebruiker/${user}` }).toString(),
  });
  expect(res.status, await res.clone().text()).toBe(303);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('stelsel_session='))!.split(';')[0]!;
  return { cookie, origin: TEST_BASE };
}

/** A real API token of an organisation with the given roles, issued through the API. */
export async function tokenFor(t: TestApp, org: string, roles: string[]): Promise<Record<string, string>> {
  const res = await t.app.request(`/api/organisaties/${org}/tokens`, {
    method: 'POST',
    headers: { ...admin, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `series test ${roles.join(',')}`, roles }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

export async function call(t: TestApp, headers: Record<string, string>, method: string, path: string, json?: unknown, extra: Record<string, string> = {}) {
  const h: Record<string, string> = { accept: 'application/json', ...headers, ...extra };
  if (json !== undefined) h['content-type'] = 'application/json';
  const res = await t.app.request(path, { method, headers: h, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: body as Record<string, unknown> & { [k: string]: unknown }, headers: res.headers };
}

export function fullContent(naam: string, over: Record<string, string> = {}) {
  return {
    naam,
    omschrijving: `Stukken over ${naam}`,
    proces: 'Testproces',
    administratieveBewaartermijn: 'P10Y',
    termijnspecificatie: 'na-afhandeling',
    motivering: 'Bedrijfsvoering',
    bestemming: 'vernietigen',
    bestemmingMotivering: 'Geen blijvende waarde',
    openbaarheid: 'openbaar',
    geldigVan: '2026-01-01',
    geldigTot: '2030-12-31',
    ...over,
  };
}
