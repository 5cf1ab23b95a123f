/** The search form to CQL: scope first in parentheses, every value quoted and escaped (property-tested against the real parser). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCql, type CqlNode, type SearchClause } from '../../src/sru/cql/index.js';
import { formToCql, readForm } from '../../src/sru/page/index.js';
import { summarise, snippet } from '../../src/sru/page/record.js';

const form = (q: Record<string, string>) => readForm((n) => q[n]);
const clauses = (n: CqlNode): SearchClause[] => (n.type === 'searchClause' ? [n] : n.type === 'boolean' ? [...clauses(n.left), ...clauses(n.right)] : []);
const text = (c: SearchClause) => c.term.parts.map((p) => (p.kind === 'text' ? p.value : `<${p.kind}>`)).join('');

describe('formToCql', () => {
  it('asks nothing for an empty form', () => {
    expect(formToCql(form({}))).toBeNull();
    expect(formToCql(form({ q: '   ', pagina: '3' }))).toBeNull();
  });

  it('puts the location scope first, in its own parentheses; postcode wins over gemeente', () => {
    expect(formToCql(form({ q: 'paspoort', gemeente: 'Tilburg', doelgroep: 'particulier' }))).toBe('(organisatie = "Tilburg") and keyword = "paspoort" and dcterms.audience = "particulier"');
    expect(formToCql(form({ postcode: '5014 AB', gemeente: 'Tilburg' }))).toBe('(postcode = "5014 AB")');
    const q = parseCql(formToCql(form({ postcode: '5014', q: 'a b', online: 'ja', vanaf: '2025-01-01', sorteer: 'datum' }))!);
    const first = clauses(q.root)[0]!;
    expect([first.index, first.parenthesised]).toEqual(['postcode', true]);
    expect(q.sortKeys.map((k) => [k.index, k.modifiers.map((m) => m.name)])).toEqual([['dcterms.modified', ['sort.descending']]]);
  });

  it('keeps any text from the form a single literal term (no masks, no booleans, no extra clauses)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 30 }), (q, gemeente) => {
        const f = form({ q, gemeente, organisatie: q });
        const cql = formToCql(f);
        if (!cql) return f.q === '' && f.gemeente === '' && f.organisatie === '';
        const found = clauses(parseCql(cql).root);
        const expected = [
          ...(f.gemeente ? [['organisatie', f.gemeente]] : []),
          ...(f.q ? [['keyword', f.q]] : []),
          ...(f.organisatie ? [['overheid.authority', f.organisatie]] : []),
        ];
        expect(found.map((c) => [c.index, text(c)])).toEqual(expected);
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('bounds the input and the page number', () => {
    expect(form({ q: 'x'.repeat(5000) }).q).toHaveLength(200);
    expect(form({ pagina: '-4' }).pagina).toBe(1);
    expect(form({ pagina: 'abc' }).pagina).toBe(1);
    expect(form({ pagina: '7' }).pagina).toBe(7);
  });
});

describe('result summary from originalData', () => {
  const xml = (url: string) => `<p:scproduct xmlns:p="http://standaarden.overheid.nl/product/terms/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:overheid="http://standaarden.overheid.nl/owms/terms/">
    <p:meta><p:owmskern><dcterms:title>Paspoort &lt;b&gt;aanvragen</dcterms:title><overheid:authority scheme="overheid:Gemeente" resourceIdentifier="x">Tilburg</overheid:authority></p:owmskern>
    <p:owmsmantel><dcterms:audience>particulier</dcterms:audience><dcterms:audience>ondernemer</dcterms:audience><dcterms:abstract>Een   nieuw
    paspoort.</dcterms:abstract></p:owmsmantel>
    <p:scmeta><p:onlineAanvragen>digid</p:onlineAanvragen><p:aanvraagURL resourceIdentifier="${url}"/></p:scmeta></p:meta>
    <p:body><p:productHTML><h2 xmlns="http://www.w3.org/1999/xhtml"><dcterms:title>niet dit</dcterms:title></h2></p:productHTML></p:body></p:scproduct>`;

  it('reads title, organisation, audiences, abstract and online aanvragen', () => {
    expect(summarise(xml('https://example.org/a?b=1&amp;c=2'))).toEqual({
      title: 'Paspoort <b>aanvragen', authority: 'Tilburg', abstract: 'Een nieuw paspoort.', audience: ['particulier', 'ondernemer'], online: 'digid',
      aanvraagURL: 'https://example.org/a?b=1&c=2',
    });
  });

  it('offers only http(s) aanvraag-URLs as links', () => {
    expect(summarise(xml('javascript:alert(1)')).aanvraagURL).toBeNull();
    expect(summarise(xml('data:text/html,x')).aanvraagURL).toBeNull();
  });

  it('cuts long abstracts at a word', () => {
    const s = snippet('woord '.repeat(100), 50);
    expect(s.length).toBeLessThanOrEqual(51);
    expect(s.endsWith('woord…')).toBe(true);
  });
});
