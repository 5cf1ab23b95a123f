/**
 * The SPARQL 1.1 Protocol endpoint over real HTTP, with a worker-thread replica of a real embedded
 * store: protocol variants, every result format (parsed, not just status-checked), read-only,
 * errors, row limit, commit visibility, CORS, the HTML page and the service description.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import N3 from 'n3';
import jsonld from 'jsonld';
import * as $rdf from 'rdflib';
import { JSDOM } from 'jsdom';
import { literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import {
  EX, GRAPH, ITEM, ITEMS, RDFS_LABEL, SCRIPT, TOTAL_QUADS, TRICKY, get, parseCsv, startEndpoint, type Endpoint,
} from './helpers.js';

const MAX_ROWS = 500;
let ep: Endpoint;

beforeAll(async () => {
  ep = await startEndpoint({ replicas: 1, maxRows: MAX_ROWS });
  await ep.service.ready();
});
afterAll(async () => {
  await ep?.close();
});

const ITEMS_LT_5 = `PREFIX ex: <${EX}>
SELECT ?s ?n WHERE { ?s ex:n ?n FILTER(?n < 5) } ORDER BY ?n`;
const TRICKY_Q = `SELECT ?label WHERE { <http://test.example/id/tricky> <${RDFS_LABEL}> ?label }`;
const CONSTRUCT_Q = `PREFIX ex: <${EX}>
CONSTRUCT { ?s ex:n ?n } WHERE { ?s ex:n ?n FILTER(?n < 3) }`;

function expectedConstruct(): Set<string> {
  return new Set([0, 1, 2].map((i) => `<${ITEM(i)}> <${EX}n> "${i}"^^<http://www.w3.org/2001/XMLSchema#integer>`));
}

function key(q: { subject: { value: string }; predicate: { value: string }; object: { termType: string; value: string; datatype?: { value: string } } }): string {
  const o = q.object.termType === 'Literal' ? `"${q.object.value}"^^<${q.object.datatype!.value}>` : `<${q.object.value}>`;
  return `<${q.subject.value}> <${q.predicate.value}> ${o}`;
}

describe('protocol', () => {
  it('answers GET, POST form and POST sparql-query alike', async () => {
    const viaGet = await get(ep.url, ITEMS_LT_5, 'application/sparql-results+json');
    const viaForm = await fetch(`${ep.url}/sparql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' },
      body: new URLSearchParams({ query: ITEMS_LT_5 }),
    });
    const viaBody = await fetch(`${ep.url}/sparql`, {
      method: 'POST',
      headers: { 'content-type': 'application/sparql-query; charset=utf-8', accept: 'application/sparql-results+json' },
      body: ITEMS_LT_5,
    });
    const bodies = [];
    for (const res of [viaGet, viaForm, viaBody]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/sparql-results\+json/);
      const json = (await res.json()) as { head: { vars: string[] }; results: { bindings: Record<string, { value: string }>[] } };
      expect(json.head.vars).toEqual(['s', 'n']);
      bodies.push(json.results.bindings.map((b) => [b.s!.value, b.n!.value]));
    }
    const expected = [0, 1, 2, 3, 4].map((i) => [ITEM(i), String(i)]);
    for (const b of bodies) expect(b).toEqual(expected);
  });

  it('uses the union of all graphs as default graph, and honours default-graph-uri / named-graph-uri', async () => {
    const count = async (q: string, extra: Record<string, string | string[]> = {}) => {
      const res = await get(ep.url, q, 'application/sparql-results+json', extra);
      expect(res.status).toBe(200);
      const j = (await res.json()) as { results: { bindings: { c: { value: string } }[] } };
      return Number(j.results.bindings[0]!.c.value);
    };
    expect(await count('SELECT (COUNT(*) AS ?c) WHERE { ?s ?p ?o }')).toBe(TOTAL_QUADS);
    expect(await count('SELECT (COUNT(*) AS ?c) WHERE { ?s ?p ?o }', { 'default-graph-uri': GRAPH(3) })).toBe(300);
    expect(await count('SELECT (COUNT(*) AS ?c) WHERE { ?s ?p ?o }', { 'default-graph-uri': [GRAPH(3), GRAPH(4)] })).toBe(600);
    expect(await count(`SELECT (COUNT(*) AS ?c) FROM <${GRAPH(5)}> WHERE { ?s ?p ?o }`)).toBe(300);
    // named-graph-uri alone: the default graph is empty, only the named graph is visible through GRAPH.
    expect(await count('SELECT (COUNT(*) AS ?c) WHERE { GRAPH ?g { ?s ?p ?o } }', { 'named-graph-uri': GRAPH(1) })).toBe(300);
    expect(await count('SELECT (COUNT(*) AS ?c) WHERE { ?s ?p ?o }', { 'named-graph-uri': GRAPH(1) })).toBe(0);
  });

  it('answers ASK in JSON', async () => {
    const yes = await (await get(ep.url, `ASK { <${ITEM(7)}> ?p ?o }`)).json();
    const no = await (await get(ep.url, `ASK { <${ITEM(ITEMS + 5)}> ?p ?o }`)).json();
    expect(yes).toMatchObject({ boolean: true });
    expect(no).toMatchObject({ boolean: false });
  });

  it('refuses a missing query (400), an unsupported body (415) and PUT (405)', async () => {
    const r1 = await fetch(`${ep.url}/sparql`, { headers: { accept: 'application/json' } });
    expect(r1.status).toBe(400);
    expect(((await r1.json()) as { error: { message: string } }).error.message).toMatch(/Missing query/);
    const r2 = await fetch(`${ep.url}/sparql`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'format=json' });
    expect(r2.status).toBe(400);
    const r3 = await fetch(`${ep.url}/sparql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'SELECT * {}' });
    expect(r3.status).toBe(415);
    const r4 = await fetch(`${ep.url}/sparql`, { method: 'PUT', body: 'x' });
    expect(r4.status).toBe(405);
  });

  it('answers a syntax error with 400 and the parser message with its line', async () => {
    const res = await get(ep.url, 'SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o >>> 3)\n}', 'application/sparql-results+json');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; details?: { line?: number; column?: number } } };
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toMatch(/^The query is not valid SPARQL 1\.1: Parse error on line 3:/);
    expect(body.error.message).toMatch(/FILTER\(\?o >>> 3\)/);
    expect(body.error.details).toMatchObject({ line: 3, column: expect.any(Number) });
  });

  it('refuses an unacceptable format with 406', async () => {
    const res = await get(ep.url, ITEMS_LT_5, 'text/turtle');
    expect(res.status).toBe(406);
  });

  it('refuses federated queries (SERVICE)', async () => {
    const res = await get(ep.url, 'SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }', 'application/json');
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/SERVICE/);
  });
});

describe('read-only', () => {
  const INSERT = `INSERT DATA { GRAPH <${GRAPH(0)}> { <http://test.example/id/evil> <${EX}n> 666 } }`;

  it('refuses updates in every protocol form, and the store is unchanged', async () => {
    const before = await ep.store.count();
    const attempts = [
      fetch(`${ep.url}/sparql`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ update: INSERT }) }),
      fetch(`${ep.url}/sparql`, { method: 'POST', headers: { 'content-type': 'application/sparql-update' }, body: INSERT }),
      fetch(`${ep.url}/sparql`, { method: 'POST', headers: { 'content-type': 'application/sparql-query' }, body: INSERT }),
      get(ep.url, INSERT, 'application/json'),
      get(ep.url, 'DROP ALL', 'text/plain'),
      fetch(`${ep.url}/sparql?update=${encodeURIComponent('CLEAR ALL')}`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(await res.text()).toMatch(/read-only/);
    }
    expect(await ep.store.count()).toBe(before);
    const check = await (await get(ep.url, 'ASK { <http://test.example/id/evil> ?p ?o }')).json();
    expect(check).toMatchObject({ boolean: false });
  });
});

describe('result formats', () => {
  it('SELECT as SPARQL JSON keeps datatypes, languages and tricky text', async () => {
    const res = await get(ep.url, TRICKY_Q, 'application/sparql-results+json');
    const j = (await res.json()) as { results: { bindings: { label: { type: string; value: string } }[] } };
    expect(j.results.bindings).toEqual([{ label: { type: 'literal', value: TRICKY } }]);
    const lang = (await (await get(ep.url, `SELECT ?l WHERE { <${ITEM(3)}> <${RDFS_LABEL}> ?l }`)).json()) as {
      results: { bindings: { l: Record<string, string> }[] };
    };
    expect(lang.results.bindings[0]!.l).toEqual({ type: 'literal', value: 'Item 3', 'xml:lang': 'nl' });
  });

  it('SELECT as SPARQL XML', async () => {
    const res = await get(ep.url, ITEMS_LT_5, 'application/sparql-results+xml');
    expect(res.headers.get('content-type')).toMatch(/^application\/sparql-results\+xml/);
    const doc = new JSDOM(await res.text(), { contentType: 'application/xml' }).window.document;
    const NS = 'http://www.w3.org/2005/sparql-results#';
    expect([...doc.getElementsByTagNameNS(NS, 'variable')].map((v) => v.getAttribute('name'))).toEqual(['s', 'n']);
    const results = [...doc.getElementsByTagNameNS(NS, 'result')];
    expect(results).toHaveLength(5);
    const rows = results.map((r) => {
      const b = [...r.getElementsByTagNameNS(NS, 'binding')];
      const s = b.find((x) => x.getAttribute('name') === 's')!.getElementsByTagNameNS(NS, 'uri')[0]!.textContent;
      const n = b.find((x) => x.getAttribute('name') === 'n')!.getElementsByTagNameNS(NS, 'literal')[0]!;
      return [s, n.textContent, n.getAttribute('datatype')];
    });
    expect(rows).toEqual([0, 1, 2, 3, 4].map((i) => [ITEM(i), String(i), 'http://www.w3.org/2001/XMLSchema#integer']));
    // Tricky literal survives XML escaping.
    const t = new JSDOM(await (await get(ep.url, TRICKY_Q, 'application/sparql-results+xml')).text(), { contentType: 'application/xml' }).window.document;
    expect(t.getElementsByTagNameNS(NS, 'literal')[0]!.textContent).toBe(TRICKY);
  });

  it('SELECT as CSV', async () => {
    const res = await get(ep.url, ITEMS_LT_5, 'text/csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual(['s', 'n']);
    expect(rows.slice(1)).toEqual([0, 1, 2, 3, 4].map((i) => [ITEM(i), String(i)]));
    const tricky = parseCsv(await (await get(ep.url, TRICKY_Q, 'text/csv')).text());
    expect(tricky).toEqual([['label'], [TRICKY]]);
  });

  it('SELECT as TSV', async () => {
    const res = await get(ep.url, ITEMS_LT_5, 'text/tab-separated-values');
    expect(res.headers.get('content-type')).toMatch(/^text\/tab-separated-values/);
    const lines = (await res.text()).trimEnd().split('\n').map((l) => l.split('\t'));
    expect(lines[0]).toEqual(['?s', '?n']);
    expect(lines.slice(1)).toEqual([0, 1, 2, 3, 4].map((i) => [`<${ITEM(i)}>`, `"${i}"^^<http://www.w3.org/2001/XMLSchema#integer>`]));
    const tricky = (await (await get(ep.url, TRICKY_Q, 'text/tab-separated-values')).text()).split('\n');
    expect(tricky).toHaveLength(3); // header, one row, final newline: tab and newline are escaped
    // The TSV cell is a Turtle literal: parse it back with N3.
    const parsed = new N3.Parser().parse(`<urn:s> <urn:p> ${tricky[1]} .`);
    expect(parsed[0]!.object.value).toBe(TRICKY);
  });

  it('ASK as XML, CSV and TSV', async () => {
    const q = `ASK { <${ITEM(1)}> ?p ?o }`;
    const xml = new JSDOM(await (await get(ep.url, q, 'application/sparql-results+xml')).text(), { contentType: 'application/xml' }).window.document;
    expect(xml.getElementsByTagNameNS('http://www.w3.org/2005/sparql-results#', 'boolean')[0]!.textContent).toBe('true');
    expect(parseCsv(await (await get(ep.url, q, 'text/csv')).text())).toEqual([['_askResult'], ['true']]);
    expect((await (await get(ep.url, q, 'text/tab-separated-values')).text()).trim().split('\n')).toEqual(['?_askResult', 'true']);
  });

  it('CONSTRUCT as Turtle (default), N-Triples, JSON-LD and RDF/XML', async () => {
    const expected = expectedConstruct();
    const turtle = await get(ep.url, CONSTRUCT_Q);
    expect(turtle.headers.get('content-type')).toMatch(/^text\/turtle/);
    expect(new Set(new N3.Parser({ format: 'Turtle' }).parse(await turtle.text()).map(key))).toEqual(expected);

    const nt = await get(ep.url, CONSTRUCT_Q, 'application/n-triples');
    expect(nt.headers.get('content-type')).toMatch(/^application\/n-triples/);
    expect(new Set(new N3.Parser({ format: 'N-Triples' }).parse(await nt.text()).map(key))).toEqual(expected);

    const ld = await get(ep.url, CONSTRUCT_Q, 'application/ld+json');
    expect(ld.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const nquads = (await jsonld.toRDF((await ld.json()) as jsonld.JsonLdDocument, {
      format: 'application/n-quads',
      documentLoader: async (url: string) => {
        throw new Error(`no remote contexts: ${url}`);
      },
    })) as unknown as string;
    expect(new Set(new N3.Parser({ format: 'N-Quads' }).parse(nquads).map(key))).toEqual(expected);

    const xml = await get(ep.url, CONSTRUCT_Q, 'application/rdf+xml');
    expect(xml.headers.get('content-type')).toMatch(/^application\/rdf\+xml/);
    const g = $rdf.graph();
    $rdf.parse(await xml.text(), g, 'http://test.example/', 'application/rdf+xml');
    expect(new Set(g.statements.map((st) => key(st as never)))).toEqual(expected);
  });

  it('DESCRIBE returns the description of a resource', async () => {
    const res = await get(ep.url, `DESCRIBE <${ITEM(42)}>`, 'application/n-triples');
    const quads = new N3.Parser({ format: 'N-Triples' }).parse(await res.text());
    expect(quads.map((q) => q.predicate.value).sort()).toEqual([`${EX}n`, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', RDFS_LABEL].sort());
  });

  it('honours the format parameter over Accept', async () => {
    const res = await get(ep.url, ITEMS_LT_5, 'text/html', { format: 'csv' });
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(parseCsv(await res.text())).toHaveLength(6);
  });
});

describe('row limit', () => {
  const ALL_ITEMS = `PREFIX ex: <${EX}> SELECT ?s WHERE { ?s a ex:Item }`;

  it('cuts SELECT results to maxRows and says so, in every format', async () => {
    const json = await get(ep.url, ALL_ITEMS, 'application/sparql-results+json');
    expect(json.headers.get('x-stelsel-truncated')).toBe('true');
    expect(((await json.json()) as { results: { bindings: unknown[] } }).results.bindings).toHaveLength(MAX_ROWS);
    const csv = await get(ep.url, ALL_ITEMS, 'text/csv');
    expect(csv.headers.get('x-stelsel-truncated')).toBe('true');
    expect(parseCsv(await csv.text())).toHaveLength(MAX_ROWS + 1);
    const tsv = await get(ep.url, ALL_ITEMS, 'text/tab-separated-values');
    expect((await tsv.text()).trimEnd().split('\n')).toHaveLength(MAX_ROWS + 1);
    const xml = await get(ep.url, ALL_ITEMS, 'application/sparql-results+xml');
    const doc = new JSDOM(await xml.text(), { contentType: 'application/xml' }).window.document;
    expect(doc.getElementsByTagNameNS('http://www.w3.org/2005/sparql-results#', 'result')).toHaveLength(MAX_ROWS);
  });

  it('keeps a smaller user LIMIT and does not flag it; a larger one is capped', async () => {
    const small = await get(ep.url, `${ALL_ITEMS} LIMIT 10`);
    expect(small.headers.get('x-stelsel-truncated')).toBeNull();
    expect(((await small.json()) as { results: { bindings: unknown[] } }).results.bindings).toHaveLength(10);
    const exact = await get(ep.url, `${ALL_ITEMS} LIMIT ${MAX_ROWS}`);
    expect(exact.headers.get('x-stelsel-truncated')).toBeNull();
    const large = await get(ep.url, `${ALL_ITEMS} LIMIT 900 OFFSET 50`);
    expect(large.headers.get('x-stelsel-truncated')).toBe('true');
    expect(((await large.json()) as { results: { bindings: unknown[] } }).results.bindings).toHaveLength(MAX_ROWS);
    const fits = await get(ep.url, `${ALL_ITEMS} OFFSET ${ITEMS - 20}`);
    expect(fits.headers.get('x-stelsel-truncated')).toBeNull();
    expect(((await fits.json()) as { results: { bindings: unknown[] } }).results.bindings).toHaveLength(20);
  });

  it('cuts CONSTRUCT results to maxRows triples', async () => {
    const res = await get(ep.url, `PREFIX ex: <${EX}> CONSTRUCT { ?s ex:n ?n ; a ex:Thing } WHERE { ?s ex:n ?n }`, 'application/n-triples');
    expect(res.headers.get('x-stelsel-truncated')).toBe('true');
    expect(new N3.Parser({ format: 'N-Triples' }).parse(await res.text())).toHaveLength(MAX_ROWS);
    const small = await get(ep.url, CONSTRUCT_Q, 'application/n-triples');
    expect(small.headers.get('x-stelsel-truncated')).toBeNull();
  });

  it('flags a CONSTRUCT whose solutions were cut even when few distinct triples came back', async () => {
    // Every solution yields the same triple but one: those past the limit are never seen.
    const q = `PREFIX ex: <${EX}> CONSTRUCT { ?t a ex:Seen } WHERE { ?s ex:n ?n BIND(IF(?n = ${ITEMS - 1}, ex:last, ex:other) AS ?t) } ORDER BY ?n`;
    const res = await get(ep.url, q, 'application/n-triples');
    expect(res.headers.get('x-stelsel-truncated')).toBe('true');
  });
});

describe('replica feed', () => {
  it('makes a commit visible after the replica started', async () => {
    const s = namedNode('http://test.example/id/new-after-start');
    await ep.store.transact({ insert: [quad(s, namedNode(RDFS_LABEL), literal('fresh'), namedNode(GRAPH(0)))] });
    await ep.service.waitFor(ep.store.lastSeq);
    const res = await get(ep.url, `SELECT ?l WHERE { <${s.value}> <${RDFS_LABEL}> ?l }`);
    const j = (await res.json()) as { results: { bindings: { l: { value: string } }[] } };
    expect(j.results.bindings.map((b) => b.l.value)).toEqual(['fresh']);
    // Deletions and graph replacements travel the same way.
    await ep.store.transact({ replaceGraphs: [{ graph: namedNode(GRAPH(9)), quads: [] }] });
    const n = await get(ep.url, `SELECT (COUNT(*) AS ?c) WHERE { GRAPH <${GRAPH(9)}> { ?s ?p ?o } }`);
    expect(((await n.json()) as { results: { bindings: { c: { value: string } }[] } }).results.bindings[0]!.c.value).toBe('0');
  });
});

describe('CORS', () => {
  it('allows any origin, and answers the preflight', async () => {
    const res = await get(ep.url, 'ASK {}', 'application/sparql-results+json');
    await res.arrayBuffer();
    const withOrigin = await fetch(`${ep.url}/sparql?query=${encodeURIComponent('ASK {}')}`, { headers: { origin: 'https://elsewhere.example' } });
    expect(withOrigin.headers.get('access-control-allow-origin')).toBe('*');
    expect(withOrigin.headers.get('access-control-expose-headers')).toMatch(/X-Stelsel-Truncated/i);
    const pre = await fetch(`${ep.url}/sparql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toMatch(/content-type/);
    // Errors carry the header too, so a browser client can read them.
    const err = await fetch(`${ep.url}/sparql?query=nonsense`, { headers: { origin: 'https://elsewhere.example' } });
    expect(err.status).toBe(400);
    expect(err.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('HTML and service description', () => {
  const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

  it('serves the query form to a browser', async () => {
    const res = await fetch(`${ep.url}/sparql`, { headers: { accept: BROWSER } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const doc = new JSDOM(await res.text()).window.document;
    const form = doc.querySelector('form')!;
    expect(form.getAttribute('method')).toBe('get');
    expect(form.getAttribute('action')).toBe('/sparql');
    expect(doc.querySelector('textarea[name=query]')!.textContent).toMatch(/SELECT/);
    expect(doc.querySelectorAll('select[name=format] option').length).toBeGreaterThanOrEqual(9);
    expect(doc.querySelector('script')).toBeNull();
  });

  it('shows results as an escaped HTML table', async () => {
    const q = `SELECT ?s ?label ?ref WHERE { ?s <${RDFS_LABEL}> ?label OPTIONAL { ?s <${EX}ref> ?ref } FILTER(?s IN (<http://test.example/id/xss>, <http://test.example/id/tricky>)) } ORDER BY ?s`;
    const res = await get(ep.url, q, BROWSER);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain(SCRIPT);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelector('script')).toBeNull();
    const headers = [...doc.querySelectorAll('table thead th')].map((th) => th.textContent);
    expect(headers).toEqual(['?s', '?label', '?ref']);
    const cells = [...doc.querySelectorAll('table tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(cells.map((r) => r[1])).toContain(SCRIPT);
    // The query is echoed in the form, escaped and exact.
    expect(doc.querySelector('textarea[name=query]')!.textContent).toBe(q);
    // A javascript: IRI is shown, never linked.
    expect([...doc.querySelectorAll('a')].some((a) => a.getAttribute('href')?.startsWith('javascript:'))).toBe(false);
    expect(html).toContain('javascript:alert(2)');
  });

  it('shows a CONSTRUCT as a triple table, and errors on the page', async () => {
    const res = await get(ep.url, CONSTRUCT_Q, BROWSER);
    const doc = new JSDOM(await res.text()).window.document;
    expect(doc.querySelectorAll('table tbody tr')).toHaveLength(3);
    const bad = await get(ep.url, 'SELECT * WHERE { ?s ', BROWSER);
    expect(bad.status).toBe(400);
    const badDoc = new JSDOM(await bad.text()).window.document;
    expect(badDoc.querySelector('form')).not.toBeNull();
    expect(badDoc.querySelector('.error pre')!.textContent).toMatch(/Parse error/);
  });

  it('serves the SPARQL service description in Turtle', async () => {
    const res = await fetch(`${ep.url}/sparql`, { headers: { accept: 'text/turtle' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/turtle/);
    const quads = new N3.Parser({ format: 'Turtle' }).parse(await res.text());
    const SD = 'http://www.w3.org/ns/sparql-service-description#';
    const endpoint = 'http://test.example/sparql';
    const has = (p: string, o: string) => quads.some((q) => q.subject.value === endpoint && q.predicate.value === p && q.object.value === o);
    expect(has('http://www.w3.org/1999/02/22-rdf-syntax-ns#type', `${SD}Service`)).toBe(true);
    expect(has(`${SD}endpoint`, endpoint)).toBe(true);
    expect(has(`${SD}supportedLanguage`, `${SD}SPARQL11Query`)).toBe(true);
    expect(has(`${SD}resultFormat`, 'http://www.w3.org/ns/formats/SPARQL_Results_JSON')).toBe(true);
    expect(has(`${SD}feature`, `${SD}UnionDefaultGraph`)).toBe(true);
  });

  it('declares its routes for the OpenAPI document', () => {
    const paths = ep.registry.list().filter((r) => !r.hidden).map((r) => `${String(r.method)} ${r.fullPath}`);
    expect(paths).toEqual(expect.arrayContaining(['get /sparql', 'post /sparql', 'options /sparql']));
  });
});
