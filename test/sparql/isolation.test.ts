/**
 * The time budget and the isolation the worker replicas give: a pathological query is stopped at
 * the budget (503 query_timeout), other requests on the same server are answered meanwhile, and
 * the replacement replica (reloaded from snapshot + journal) serves later queries, commits included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import { GRAPH, RDFS_LABEL, get, startEndpoint, type Endpoint } from './helpers.js';

const TIMEOUT_MS = 1000;
/** A 4-way cross join over all ~3000 quads: 10^13 solutions, never finishes. */
const PATHOLOGICAL = 'SELECT (COUNT(*) AS ?c) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }';

let ep: Endpoint;

beforeAll(async () => {
  ep = await startEndpoint({ replicas: 1, timeoutMs: TIMEOUT_MS });
  await ep.service.ready();
});
afterAll(async () => {
  await ep?.close();
});

async function label(iri: string): Promise<string[]> {
  const res = await get(ep.url, `SELECT ?l WHERE { <${iri}> <${RDFS_LABEL}> ?l }`, 'application/sparql-results+json');
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: { bindings: { l: { value: string } }[] } }).results.bindings.map((b) => b.l.value);
}

describe('time budget and isolation', () => {
  it('stops a pathological query at the budget while /health keeps answering, then serves again', async () => {
    // A commit before the time-out, and a snapshot: the replacement must load both from disk.
    const before = namedNode('http://test.example/id/before-timeout');
    await ep.store.transact({ insert: [quad(before, namedNode(RDFS_LABEL), literal('before'), namedNode(GRAPH(0)))] });
    await ep.store.snapshot();
    const spawnedBefore = ep.service.stats()!.spawned;
    const baseline: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await (await fetch(`${ep.url}/health`)).json();
      baseline.push(performance.now() - t);
    }

    const t0 = performance.now();
    const slow = get(ep.url, PATHOLOGICAL, 'application/sparql-results+json').then(async (res) => ({
      res,
      body: (await res.json()) as { error: { code: string; message: string } },
      at: performance.now(),
    }));
    await new Promise((r) => setTimeout(r, 150));
    const healthSent = performance.now();
    const health = await fetch(`${ep.url}/health`);
    const healthAt = performance.now();
    expect(health.status).toBe(200);
    await health.json();

    const { res, body, at } = await slow;
    const slowMs = at - t0;
    const healthMs = healthAt - healthSent;
    console.info(
      `pathological query answered after ${slowMs.toFixed(0)} ms; /health took ${healthMs.toFixed(1)} ms while it ran ` +
        `(idle baseline ${baseline.map((b) => b.toFixed(1)).join(', ')} ms)`,
    );
    expect(res.status).toBe(503);
    expect(body.error.code).toBe('query_timeout');
    expect(body.error.message).toBe(`The query exceeded the time budget of ${TIMEOUT_MS} ms`);
    expect(healthAt).toBeLessThan(at); // /health was answered while the query was still running
    expect(slowMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(slowMs).toBeLessThan(TIMEOUT_MS + 3000);

    // A replacement replica was spawned; once it has loaded, queries are answered again.
    const t1 = performance.now();
    await ep.service.ready();
    expect(await label(before.value)).toEqual(['before']);
    console.info(`first query after the time-out answered in ${(performance.now() - t1).toFixed(0)} ms (replacement load included)`);
    expect(ep.service.stats()!.spawned).toBe(spawnedBefore + 1);
    expect(ep.service.stats()!.timeouts).toBe(1);

    // Commits after the replacement still reach it.
    const after = namedNode('http://test.example/id/after-timeout');
    await ep.store.transact({ insert: [quad(after, namedNode(RDFS_LABEL), literal('after'), namedNode(GRAPH(0)))] });
    await ep.service.waitFor(ep.store.lastSeq);
    expect(await label(after.value)).toEqual(['after']);
  });

  it('applies commits made while a replica is still loading (buffered feed)', async () => {
    // Time out the replica again, and commit while its replacement loads.
    const slow = get(ep.url, PATHOLOGICAL);
    await new Promise((r) => setTimeout(r, TIMEOUT_MS + 20));
    const during = namedNode('http://test.example/id/during-reload');
    await ep.store.transact({ insert: [quad(during, namedNode(RDFS_LABEL), literal('during'), namedNode(GRAPH(1)))] });
    expect((await slow).status).toBe(503);
    await ep.service.ready();
    await ep.service.waitFor(ep.store.lastSeq);
    expect(await label(during.value)).toEqual(['during']);
  });

  it('refuses queries beyond the queue with 503 instead of piling them up', async () => {
    // One replica, queue limit 16: 1 running + 16 waiting; the rest are refused at once.
    const many = Array.from({ length: 20 }, () => get(ep.url, PATHOLOGICAL, 'application/json'));
    const statuses = await Promise.all(
      many.map(async (p) => {
        const res = await p;
        return ((await res.json()) as { error: { code: string } }).error.code;
      }),
    );
    expect(statuses.filter((s) => s === 'store_unavailable').length).toBeGreaterThanOrEqual(3);
    expect(statuses.every((s) => s === 'store_unavailable' || s === 'query_timeout')).toBe(true);
    await ep.service.ready();
    expect(await label('http://test.example/id/before-timeout')).toEqual(['before']);
  }, 20_000);
});
