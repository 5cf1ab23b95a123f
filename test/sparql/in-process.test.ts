/**
 * replicas = 0: queries run in process on the primary store (tiny deployments, tests). Same row
 * limit; the time budget can only be applied after the fact, because nothing can interrupt a
 * synchronous Oxigraph query on the main thread.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EX, get, startEndpoint, type Endpoint } from './helpers.js';

let ep: Endpoint;

beforeAll(async () => {
  ep = await startEndpoint({ replicas: 0, maxRows: 20, timeoutMs: 300 });
});
afterAll(async () => {
  await ep?.close();
});

describe('in-process fallback (replicas = 0)', () => {
  it('answers with the same row limit', async () => {
    expect(ep.service.stats()).toBeUndefined();
    const res = await get(ep.url, `PREFIX ex: <${EX}> SELECT ?s WHERE { ?s a ex:Item }`);
    expect(res.headers.get('x-stelsel-truncated')).toBe('true');
    expect(((await res.json()) as { results: { bindings: unknown[] } }).results.bindings).toHaveLength(20);
  });

  it('refuses the answer of a query that overran the budget (but could not stop it)', async () => {
    // A 2-way cross join over ~3000 quads: ~9 million solutions, well over 300 ms.
    const t0 = performance.now();
    const res = await get(ep.url, 'SELECT (COUNT(*) AS ?c) WHERE { ?a ?b ?c . ?d ?e ?f }', 'application/json');
    const ms = performance.now() - t0;
    console.info(`in-process query over budget answered after ${ms.toFixed(0)} ms (budget 300 ms: not interruptible)`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('query_timeout');
  });
});
