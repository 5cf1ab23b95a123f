/**
 * The SPARQL 1.1 Protocol adapter: the store contract against the Virtuoso 7 that globalSetup
 * started (skipped, with the reason, when virtuoso-opensource is not installed), plus the
 * adapter's own behaviour: chunked bulk writes, authentication failures, unreachable servers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sparql } from '../../src/shared/rdf/encode.js';
import { literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import { StoreUnavailable } from '../../src/shared/store/port.js';
import { SparqlStore, type SparqlStoreOptions } from '../../src/shared/store/remote/sparql-store.js';
import { VIRTUOSO_MISSING } from '../support/global-setup.js';
import { CONTRACT_URIS, storeContract } from './contract.js';

const virtuoso = inject('virtuoso');

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Error) return e;
    throw new Error(`rejected with a non-Error: ${String(e)}`);
  }
  throw new Error('expected a rejection, but the promise resolved');
}

function options(overrides: Partial<SparqlStoreOptions> = {}): SparqlStoreOptions {
  if (!virtuoso) throw new Error(VIRTUOSO_MISSING);
  return {
    queryUrl: virtuoso.queryUrl,
    updateUrl: virtuoso.updateUrl,
    user: virtuoso.user,
    password: virtuoso.password,
    genidBase: CONTRACT_URIS.genidBase,
    locksGraph: CONTRACT_URIS.locksGraph,
    graphPrefix: CONTRACT_URIS.url('/graph/'),
    ...overrides,
  };
}

describe.skipIf(!virtuoso)(`SparqlStore on Virtuoso 7${virtuoso ? '' : ` (skipped: ${VIRTUOSO_MISSING})`}`, () => {
  storeContract('sparql (Virtuoso 7)', async () => {
    const store = new SparqlStore(options());
    return { store, cleanup: () => store.close() };
  });

  describe('adapter specifics', () => {
    const g = () => CONTRACT_URIS.graph('remote', randomUUID());
    const ex = (s: string) => namedNode(`https://example.org/remote/${s}`);

    it('splits a bulk write over several requests when it exceeds the request limits, and all of it lands', async () => {
      const store = new SparqlStore(options({ limits: { quadsPerOperation: 300, quadsPerRequest: 1000, operationsPerRequest: 5 } }));
      const graphs = Array.from({ length: 12 }, () => g());
      const big = g();
      const quads = Array.from({ length: 3500 }, (_, i) => quad(ex(`s${i}`), ex('p'), literal(`v${i}`), big));
      await store.transact({
        replaceGraphs: [{ graph: big, quads }, ...graphs.map((graph) => ({ graph, quads: [quad(ex('x'), ex('p'), literal('x'))] }))],
      });
      const rows = await store.select(sparql`SELECT (COUNT(*) AS ?n) WHERE { GRAPH ${big} { ?s ?p ?o } }`);
      expect(rows[0]?.n?.value).toBe('3500');
      for (const graph of graphs) expect(await store.ask(sparql`ASK { GRAPH ${graph} { ${ex('x')} ${ex('p')} "x" } }`)).toBe(true);
      await store.close();
    });

    it('needs the Virtuoso dialect for big writes: without it the Debian default ini refuses ~1500-triple blocks (SP031)', async () => {
      const standard = new SparqlStore(options({ dialect: 'standard' }));
      const quads = Array.from({ length: 2000 }, (_, i) => quad(ex(`s${i}`), ex('p'), literal(`v${i}`), g()));
      const err = await failure(standard.transact({ insert: quads }));
      expect(err).toBeInstanceOf(StoreUnavailable);
      expect(err.message).toMatch(/10000 lines/);
      const detected = new SparqlStore(options());
      await detected.transact({ insert: quads });
      await standard.close();
      await detected.close();
    });

    it('answers Digest challenges (every write here goes through /sparql-auth) and reuses the nonce', async () => {
      const store = new SparqlStore(options());
      const graph = g();
      for (let i = 0; i < 5; i++) await store.transact({ insert: [quad(ex('d'), ex('p'), literal(String(i)), graph)] });
      expect((await store.select(sparql`SELECT ?o WHERE { GRAPH ${graph} { ?s ?p ?o } }`)).length).toBe(5);
      await store.close();
    });

    it('reports wrong credentials as a clear StoreUnavailable without leaking them', async () => {
      const password = `wrong-${randomUUID()}`;
      const store = new SparqlStore(options({ password }));
      const attempt = store.transact({ insert: [quad(ex('a'), ex('p'), literal('x'), g())] });
      await expect(attempt).rejects.toBeInstanceOf(StoreUnavailable);
      const err = await failure(attempt);
      expect(String(err)).toMatch(/401|credentials/);
      expect(String(err)).not.toContain(password);
      // With credentials configured, reads go through the authenticated endpoint too: refused alike.
      await expect(store.ask('ASK {}')).rejects.toThrow(/credentials/);
      await store.close();
      // Reading anonymously from the public endpoint still works.
      const anonymousReads = new SparqlStore(options({ password, readWithCredentials: false }));
      expect(await anonymousReads.ask('ASK {}')).toBe(true);
      await anonymousReads.close();
    });

    it('reads through the authenticated endpoint when credentials are configured (also under concurrency)', async () => {
      const store = new SparqlStore(options());
      const graph = g();
      await store.transact({ insert: Array.from({ length: 20 }, (_, i) => quad(ex('c'), ex('p'), literal(String(i)), graph)) });
      // Many reads at once share one Digest nonce (nc counts up; requests may arrive out of order).
      const answers = await Promise.all(Array.from({ length: 40 }, () => store.select(sparql`SELECT ?o WHERE { GRAPH ${graph} { ?s ?p ?o } }`)));
      expect(answers.every((rows) => rows.length === 20)).toBe(true);
      await store.close();
      expect(() => new SparqlStore(options({ user: undefined, password: undefined, readWithCredentials: true }))).toThrow(/user and password/);
    });

    it('reports missing credentials on a protected endpoint as StoreUnavailable', async () => {
      const store = new SparqlStore(options({ user: undefined, password: undefined }));
      await expect(store.transact({ insert: [quad(ex('a'), ex('p'), literal('x'), g())] })).rejects.toThrow(/needs authentication/);
      await store.close();
    });

    it('reports a SPARQL syntax error with the status and the server text', async () => {
      const store = new SparqlStore(options());
      const err = await failure(store.select('SELECT WHERE {{{'));
      expect(err).toBeInstanceOf(StoreUnavailable);
      expect(String(err)).toMatch(/HTTP 400/);
      await store.close();
    });

    it('returns Virtuoso booleans as "true"/"false" (Virtuoso answers 1/0 in JSON results)', async () => {
      const store = new SparqlStore(options());
      const graph = g();
      await store.transact({ insert: [quad(ex('b'), ex('p'), literal('true', namedNode('http://www.w3.org/2001/XMLSchema#boolean')), graph)] });
      const rows = await store.select(sparql`SELECT ?o WHERE { GRAPH ${graph} { ?s ?p ?o } }`);
      expect(rows[0]?.o?.value).toBe('true');
      await store.close();
    });

    it('count() with graphPrefix leaves out graphs outside the prefix (e.g. Virtuoso system graphs)', async () => {
      const scoped = new SparqlStore(options({ graphPrefix: `https://scoped.example/${randomUUID()}/` }));
      const all = new SparqlStore(options({ graphPrefix: undefined }));
      expect(await scoped.count()).toBe(0);
      expect(await all.count()).toBeGreaterThan(0);
      await scoped.close();
      await all.close();
    });
  });
});

describe('SparqlStore failure modes (local stub servers)', () => {
  let server: Server;
  let base = '';
  const seen: { url: string; authorization?: string; contentType?: string; bytes: number }[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', authorization: req.headers.authorization, contentType: req.headers['content-type'], bytes: body.length });
        if (req.url === '/hang') return; // never answers
        if (req.url === '/basic') {
          if (req.headers.authorization !== `Basic ${Buffer.from('alice:s3cret').toString('base64')}`) {
            res.writeHead(401, { 'www-authenticate': 'Basic realm="test"' }).end('no');
            return;
          }
          if (req.headers['content-type']?.startsWith('application/sparql-update')) res.writeHead(204).end();
          else res.writeHead(200, { 'content-type': 'application/sparql-results+json' }).end('{"head":{},"boolean":true}');
          return;
        }
        if (req.url === '/error') {
          res.writeHead(503, { 'content-type': 'text/plain' }).end(`overloaded ${'x'.repeat(1000)}`);
          return;
        }
        res.writeHead(404).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const store = (o: Partial<SparqlStoreOptions>) =>
    new SparqlStore({
      queryUrl: `${base}/basic`,
      updateUrl: `${base}/basic`,
      genidBase: CONTRACT_URIS.genidBase,
      locksGraph: CONTRACT_URIS.locksGraph,
      ...o,
    });

  it('answers a Basic challenge and then authenticates up front', async () => {
    seen.length = 0;
    const s = store({ user: 'alice', password: 's3cret' });
    expect(await s.ask('ASK {}')).toBe(true);
    expect(await s.ask('ASK {}')).toBe(true);
    expect(seen.map((r) => Boolean(r.authorization))).toEqual([false, true, true]);
    expect(seen[0]?.contentType).toBe('application/x-www-form-urlencoded');
  });

  it('does not upload a big first write before it knows how to authenticate', async () => {
    const s = store({ user: 'alice', password: 's3cret', dialect: 'standard' });
    seen.length = 0;
    const g = CONTRACT_URIS.graph('stub', randomUUID());
    await s.transact({ insert: Array.from({ length: 3000 }, (_, i) => quad(namedNode(`https://example.org/s${i}`), namedNode('https://example.org/p'), literal('x'.repeat(50)), g)) });
    expect(seen.map((r) => [Boolean(r.authorization), r.bytes > 0])).toEqual([
      [false, false],
      [true, true],
    ]);
  });

  it('refuses wrong Basic credentials with a StoreUnavailable that does not contain them', async () => {
    const err = await failure(store({ user: 'alice', password: 'hunter2' }).ask('ASK {}'));
    expect(err).toBeInstanceOf(StoreUnavailable);
    expect(String(err)).toMatch(/rejected the configured credentials/);
    expect(String(err)).not.toContain('hunter2');
  });

  it('turns an HTTP error into StoreUnavailable with the status and at most 300 characters of the body', async () => {
    const err = await failure(store({ queryUrl: `${base}/error` }).ask('ASK {}'));
    expect(err).toBeInstanceOf(StoreUnavailable);
    expect(err.message).toMatch(/HTTP 503: overloaded x+/);
    expect(err.message.length).toBeLessThan(450);
  });

  it('times out', async () => {
    const err = await failure(store({ queryUrl: `${base}/hang`, timeoutMs: 300 }).ask('ASK {}'));
    expect(err).toBeInstanceOf(StoreUnavailable);
    expect(err.message).toMatch(/timed out after 300 ms/);
  });

  it('reports an unreachable server as StoreUnavailable', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const err = await failure(store({ queryUrl: `http://127.0.0.1:${port}/sparql` }).ask('ASK {}'));
    expect(err).toBeInstanceOf(StoreUnavailable);
    expect(err.message).toMatch(/ECONNREFUSED/);
  });

  it('refuses endpoint URLs with credentials in them at construction, without repeating the password', () => {
    expect(() => store({ queryUrl: `${base.replace('http://', 'http://bob:pa55word@')}/sparql` })).toThrow(/contains credentials/);
    try {
      store({ queryUrl: `${base.replace('http://', 'http://bob:pa55word@')}/sparql` });
    } catch (e) {
      expect(String(e)).not.toContain('pa55word');
    }
  });
});
