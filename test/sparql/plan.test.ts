/** Unit tests: query planning (limit rewrite, refusals), format negotiation, result writers. */
import sparqljs from 'sparqljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors.js';
import { chooseFormat, mediaTypeForParam } from '../../src/sparql/formats.js';
import { planQuery } from '../../src/sparql/plan.js';
import { writeResults, xmlEscape, type SelectResults } from '../../src/sparql/results.js';

const BASE = 'http://test.example/sparql';
const plan = (q: string, maxRows = 100, dataset?: { defaultGraphUri?: string[]; namedGraphUri?: string[] }) =>
  planQuery(q, { maxRows, baseIri: BASE, ...(dataset ? { dataset } : {}) });
const limitOf = (text: string) => (new sparqljs.Parser().parse(text) as sparqljs.SelectQuery).limit;

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('planQuery', () => {
  it('caps a SELECT without LIMIT at maxRows + 1', () => {
    const p = plan('SELECT * WHERE { ?s ?p ?o }');
    expect(p.form).toBe('SELECT');
    expect(limitOf(p.text)).toBe(101);
    expect(p.probe).toBeUndefined();
    expect(p.unionDefaultGraph).toBe(true);
  });

  it('leaves a SELECT with a LIMIT within maxRows as written', () => {
    const q = 'SELECT * WHERE { ?s ?p ?o } LIMIT 100';
    expect(plan(q).text).toBe(q);
  });

  it('caps a larger LIMIT, keeping OFFSET and ORDER BY', () => {
    const p = plan('SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 5000 OFFSET 7');
    const parsed = new sparqljs.Parser().parse(p.text) as sparqljs.SelectQuery;
    expect(parsed.limit).toBe(101);
    expect(parsed.offset).toBe(7);
    expect(parsed.order).toHaveLength(1);
  });

  it('does not touch subquery limits', () => {
    const p = plan('SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 100000 } }');
    expect(p.text).toMatch(/LIMIT 100000/);
    expect(limitOf(p.text)).toBe(101);
  });

  it('bounds CONSTRUCT solutions and builds a probe past the limit', () => {
    const p = plan('CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } ORDER BY ?s OFFSET 3');
    expect(p.form).toBe('CONSTRUCT');
    expect(p.text).toMatch(/LIMIT 101/);
    const probe = new sparqljs.Parser().parse(p.probe!) as sparqljs.SelectQuery;
    expect(probe.queryType).toBe('SELECT');
    expect(probe.offset).toBe(104);
    expect(probe.limit).toBe(1);
    expect(probe.order).toBeUndefined();
  });

  it('needs no probe when the user LIMIT is within the cap', () => {
    expect(plan('CONSTRUCT WHERE { ?s ?p ?o } LIMIT 101').probe).toBeUndefined();
    expect(plan('CONSTRUCT WHERE { ?s ?p ?o } LIMIT 50').text).toBe('CONSTRUCT WHERE { ?s ?p ?o } LIMIT 50');
  });

  it('keeps the probe variable clear of the query’s own variables', () => {
    const p = plan('CONSTRUCT { ?stelselProbe ?p ?o } WHERE { ?stelselProbe ?p ?o }');
    expect(p.probe).toMatch(/AS \?stelselProbe_\)/);
  });

  it('passes ASK and DESCRIBE <iri> unchanged', () => {
    expect(plan('ASK { ?s ?p ?o }').text).toBe('ASK { ?s ?p ?o }');
    const d = plan('DESCRIBE <http://test.example/x>');
    expect(d.text).toBe('DESCRIBE <http://test.example/x>');
    expect(d.probe).toBeUndefined();
  });

  it('refuses every kind of update as read-only', () => {
    for (const u of ['INSERT DATA { <a:b> <a:c> <a:d> }', 'DELETE WHERE { ?s ?p ?o }', 'LOAD <http://example.org/x>', 'CLEAR ALL', 'DROP GRAPH <a:g>', 'CREATE GRAPH <a:g>']) {
      const e = errorOf(() => plan(u));
      expect(e.code).toBe('forbidden');
      expect(e.message).toMatch(/read-only/);
    }
  });

  it('reports syntax errors with line and column', () => {
    const e = errorOf(() => plan('SELECT *\nWHERE { ?s ?p ?o .\n  FILTER( }'));
    expect(e.code).toBe('bad_request');
    expect(e.message).toMatch(/Parse error on line 3/);
    expect(e.details).toMatchObject({ line: 3 });
  });

  it('refuses SERVICE anywhere in the query', () => {
    for (const q of [
      'SELECT * WHERE { SERVICE <http://x.example/sparql> { ?s ?p ?o } }',
      'SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://x.example/sparql> { ?s ?q ?r } } }',
      'SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://x.example/sparql> { ?s ?q ?r } } }',
      'ASK { { SELECT ?s WHERE { SERVICE <http://x.example/sparql> { ?s ?p ?o } } } }',
    ]) {
      expect(errorOf(() => plan(q)).message).toMatch(/SERVICE/);
    }
  });

  it('checks protocol graph IRIs and switches off the union default graph for a dataset', () => {
    expect(errorOf(() => plan('ASK {}', 10, { defaultGraphUri: ['not an iri'] })).code).toBe('bad_request');
    expect(plan('ASK {}', 10, { namedGraphUri: ['http://test.example/g'] }).unionDefaultGraph).toBe(false);
    expect(plan('SELECT * FROM <http://test.example/g> WHERE { ?s ?p ?o }').unionDefaultGraph).toBe(false);
  });
});

describe('format negotiation', () => {
  it('defaults per query form and honours q-values and aliases', () => {
    expect(chooseFormat('SELECT', undefined)?.format.key).toBe('json');
    expect(chooseFormat('SELECT', '*/*')?.format.key).toBe('json');
    expect(chooseFormat('ASK', 'application/json')?.format.key).toBe('json');
    expect(chooseFormat('SELECT', 'text/csv;q=0.5, application/sparql-results+xml')?.format.key).toBe('xml');
    expect(chooseFormat('CONSTRUCT', '*/*')?.format.key).toBe('turtle');
    expect(chooseFormat('DESCRIBE', 'application/ld+json')?.format.key).toBe('jsonld');
    expect(chooseFormat('SELECT', 'text/turtle')).toBeUndefined();
    expect(chooseFormat('CONSTRUCT', 'application/sparql-results+json')).toBeUndefined();
  });

  it('maps the format parameter', () => {
    expect(mediaTypeForParam('csv')).toBe('text/csv');
    expect(mediaTypeForParam('HTML')).toBe('text/html');
    expect(mediaTypeForParam('application/rdf+xml')).toBe('application/rdf+xml');
    expect(mediaTypeForParam('yaml')).toBeUndefined();
  });
});

describe('result writers', () => {
  const r: SelectResults = {
    head: { vars: ['a', 'b'] },
    results: {
      bindings: [
        { a: { type: 'uri', value: 'http://x.example/?q=1&r=2' }, b: { type: 'literal', value: '<b>tab\there, "quoted"\nnew\u0001line', 'xml:lang': 'en' } },
        { a: { type: 'bnode', value: 'b0' } },
        {
          b: {
            type: 'triple',
            value: { subject: { type: 'uri', value: 'http://x.example/s' }, predicate: { type: 'uri', value: 'http://x.example/p' }, object: { type: 'literal', value: '1', datatype: 'http://www.w3.org/2001/XMLSchema#integer' } },
          },
        },
      ],
    },
  };

  it('writes well-formed XML with every character escaped', () => {
    const xml = writeResults(r, 'xml');
    expect(xml).toContain('<uri>http://x.example/?q=1&amp;r=2</uri>');
    expect(xml).toContain('<literal xml:lang="en">&lt;b&gt;tab\there, &quot;quoted&quot;\nnew\uFFFDline</literal>');
    expect(xml).toContain('<bnode>b0</bnode>');
    expect(xml).toContain('<triple><subject><uri>http://x.example/s</uri></subject>');
    expect(xmlEscape('a\r\'b')).toBe('a&#13;&apos;b');
  });

  it('writes CSV with quoting and empty unbound cells', () => {
    const lines = writeResults(r, 'csv').split('\r\n');
    expect(lines[0]).toBe('a,b');
    expect(lines[1]).toBe('http://x.example/?q=1&r=2,"<b>tab\there, ""quoted""\nnew\u0001line"');
    expect(lines[2]).toBe('_:b0,');
  });

  it('writes TSV with terms in Turtle syntax, escaped', () => {
    const lines = writeResults(r, 'tsv').split('\n');
    expect(lines[0]).toBe('?a\t?b');
    expect(lines[1]).toBe('<http://x.example/?q=1&r=2>\t"<b>tab\\there, \\"quoted\\"\\nnew\u0001line"@en');
    expect(lines[2]).toBe('_:b0\t');
    expect(lines[3]).toBe('\t<< <http://x.example/s> <http://x.example/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> >>');
  });
});
