/**
 * STORE=sparql: the endpoint forwards queries to the remote server's query URL. The "remote" here
 * is a second Stelsel endpoint over HTTP, so the whole path (limit rewrite, JSON/N-Triples from
 * the remote, local formatting, time-out, failure mapping) runs for real.
 */
import { createServer } from 'node:net';
import N3 from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EX, ITEM, get, parseCsv, startEndpoint, type Endpoint } from './helpers.js';

let upstream: Endpoint;
let ep: Endpoint;

beforeAll(async () => {
  upstream = await startEndpoint({ replicas: 1, timeoutMs: 5000 });
  await upstream.service.ready();
  ep = await startEndpoint({ remoteQueryUrl: `${upstream.url}/sparql`, maxRows: 50, timeoutMs: 1000, data: '' });
});
afterAll(async () => {
  await ep?.close();
  await upstream?.close();
});

describe('remote store', () => {
  it('answers SELECT from the remote, in the requested format', async () => {
    const q = `PREFIX ex: <${EX}> SELECT ?s ?n WHERE { ?s ex:n ?n FILTER(?n < 3) } ORDER BY ?n`;
    const json = (await (await get(ep.url, q, 'application/sparql-results+json')).json()) as { results: { bindings: Record<string, { value: string }>[] } };
    expect(json.results.bindings.map((b) => [b.s!.value, b.n!.value])).toEqual([0, 1, 2].map((i) => [ITEM(i), String(i)]));
    const csv = parseCsv(await (await get(ep.url, q, 'text/csv')).text());
    expect(csv).toEqual([['s', 'n'], ...[0, 1, 2].map((i) => [ITEM(i), String(i)])]);
    const ask = await (await get(ep.url, `ASK { <${ITEM(5)}> ?p ?o }`)).json();
    expect(ask).toMatchObject({ boolean: true });
  });

  it('applies the row limit to remote results', async () => {
    const res = await get(ep.url, `PREFIX ex: <${EX}> SELECT ?s WHERE { ?s a ex:Item }`);
    expect(res.headers.get('x-stelsel-truncated')).toBe('true');
    expect(((await res.json()) as { results: { bindings: unknown[] } }).results.bindings).toHaveLength(50);
    const g = await get(ep.url, `PREFIX ex: <${EX}> CONSTRUCT { ?s ex:n ?n } WHERE { ?s ex:n ?n }`, 'text/turtle');
    expect(g.headers.get('x-stelsel-truncated')).toBe('true');
    expect(new N3.Parser().parse(await g.text())).toHaveLength(50);
  });

  it('stops waiting for the remote at the time budget', async () => {
    const t0 = performance.now();
    const res = await get(ep.url, 'SELECT (COUNT(*) AS ?c) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }', 'application/json');
    const ms = performance.now() - t0;
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('query_timeout');
    expect(ms).toBeLessThan(3000);
  });

  it('maps an unreachable remote to 503 without naming it', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    const dead = await startEndpoint({ remoteQueryUrl: `http://127.0.0.1:${port}/secret-path/sparql`, data: '' });
    try {
      const res = await get(dead.url, 'ASK {}', 'application/json');
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ error: { code: 'store_unavailable' } });
      expect(text).not.toContain(String(port));
      expect(text).not.toContain('secret-path');
    } finally {
      await dead.close();
    }
  });
});
