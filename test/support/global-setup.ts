/**
 * vitest globalSetup: one Virtuoso for the whole test run when the Debian package is installed.
 * Tests read it with `inject('virtuoso')`; null means "skip", with `virtuosoSkipReason`.
 * REQUIRE_VIRTUOSO=1 turns a missing Virtuoso into a failure (CI).
 */
import type { TestProject } from 'vitest/node';
import { type RunningVirtuoso, startVirtuoso, type VirtuosoEndpoints, virtuosoInstalled } from './virtuoso.js';

export const VIRTUOSO_MISSING = 'virtuoso-opensource not installed (apt-get install virtuoso-opensource)';

declare module 'vitest' {
  export interface ProvidedContext {
    virtuoso: VirtuosoEndpoints | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let running: RunningVirtuoso | undefined;
  if (virtuosoInstalled()) {
    running = await startVirtuoso();
    const { queryUrl, updateUrl, user, password, sqlPort } = running;
    project.provide('virtuoso', { queryUrl, updateUrl, user, password, sqlPort });
  } else if (process.env.REQUIRE_VIRTUOSO === '1') {
    throw new Error(`REQUIRE_VIRTUOSO=1 but ${VIRTUOSO_MISSING}`);
  } else {
    project.provide('virtuoso', null);
  }
  return async () => {
    await running?.stop();
  };
}
