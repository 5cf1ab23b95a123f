/** The SRU XML writer: escaping, well-formedness on hostile input, structure of each document. */
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { parseCql } from '../../../src/sru/cql/index.js';
import {
  diagnostic, DIAGNOSTICS, diagnosticsResponse, el, explainResponse, facetedResults, gzdRecord, searchRetrieveResponse, TrustedXml, trustedXml,
  xcqlOperand, xmlDocument,
} from '../../../src/sru/xml/index.js';
import { explainInput, facets, HOSTILE, PRODUCT, record, searchInput } from './samples.js';

interface Parsed { texts: string[]; attributes: string[]; elements: string[] }

/** Parses with a namespace-aware XML 1.0 parser; throws on any well-formedness error. */
function parse(xml: string): Parsed {
  const out: Parsed = { texts: [], attributes: [], elements: [] };
  const parser = new SaxesParser({ xmlns: true, fragment: !xml.startsWith('<?xml') });
  parser.on('error', (e) => { throw e; });
  parser.on('text', (t) => out.texts.push(t));
  parser.on('opentag', (tag) => {
    out.elements.push(`{${tag.uri}}${tag.local}`);
    for (const a of Object.values(tag.attributes)) out.attributes.push(a.value);
  });
  parser.write(xml).close();
  return out;
}

/** What XML 1.0 can carry of a string: forbidden characters become U+FFFD. */
const expectedText = (s: string): string => s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');

describe('element builder', () => {
  it('escapes text and attribute values and keeps them intact through a parser', () => {
    const xml = el('a', { title: HOSTILE, n: 3, off: false, gone: undefined }, HOSTILE, el('b', null), 42).toString();
    expect(xml).not.toContain(']]>');
    expect(xml).not.toContain('<script>');
    const parsed = parse(xml);
    expect(parsed.texts.join('')).toBe(`${expectedText(HOSTILE)}42`);
    expect(parsed.attributes).toEqual([expectedText(HOSTILE), '3']);
  });

  it('replaces characters XML 1.0 forbids by U+FFFD, keeps tab, newline, carriage return and astral characters', () => {
    const xml = el('a', null, 'x\u0000y\u001fz\ud800\udc00\udbff\uffff\t\r\n😀').toString();
    expect(xml).toBe('<a>x\uFFFDy\uFFFDz\ud800\udc00\uFFFD\uFFFD\t&#13;\n😀</a>');
  });

  it('writes empty elements short and leaves out null, undefined and false children', () => {
    expect(el('a', null, null, undefined, false, []).toString()).toBe('<a/>');
    expect(el('a', null, ['x', [el('b', null)]]).toString()).toBe('<a>x<b/></a>');
  });

  it('refuses invalid element and attribute names', () => {
    expect(() => el('a b', null)).toThrow(/Invalid XML name/);
    expect(() => el('a', { 'x"y': '1' })).toThrow(/Invalid XML name/);
    expect(() => el('<a>', null)).toThrow(/Invalid XML name/);
  });

  it('inserts TrustedXml as markup and plain strings as text only', () => {
    expect(el('a', null, trustedXml('<b/>')).toString()).toBe('<a><b/></a>');
    expect(el('a', null, '<b/>').toString()).toBe('<a>&lt;b/&gt;</a>');
  });

  it('TrustedXml cannot be made outside the builder', () => {
    expect(() => new TrustedXml(Symbol('TrustedXml'), '<x/>')).toThrow(TypeError);
  });

  it('xmlDocument adds the XML declaration', () => {
    expect(xmlDocument(el('a', null))).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<a/>');
  });
});

describe('documents stay well-formed with hostile values everywhere', () => {
  it('(the checker rejects what a naive writer would produce)', () => {
    expect(() => parse(`<a>${HOSTILE}</a>`)).toThrow();
    expect(() => parse('<a>\u0001</a>')).toThrow();
    expect(() => parse('<a b="]]>"/>')).not.toThrow();
    expect(() => parse('<x:a/>')).toThrow();
  });

  it('searchRetrieveResponse', () => {
    const parsed = parse(searchRetrieveResponse(searchInput(HOSTILE)));
    expect(parsed.texts.join('')).toContain(expectedText(HOSTILE));
  });

  it('explainResponse', () => {
    parse(explainResponse(explainInput(HOSTILE)));
  });

  it('diagnosticsResponse', () => {
    const parsed = parse(diagnosticsResponse([diagnostic(10, HOSTILE), { code: 1, details: HOSTILE, message: HOSTILE }]));
    expect(parsed.texts.filter((t) => t === expectedText(HOSTILE))).toHaveLength(3);
  });
});

describe('searchRetrieveResponse', () => {
  it('writes the SRU 1.2 structure in schema order', () => {
    const xml = searchRetrieveResponse(searchInput());
    const { elements } = parse(xml);
    const srw = (local: string): string => `{http://www.loc.gov/zing/srw/}${local}`;
    expect(elements[0]).toBe(srw('searchRetrieveResponse'));
    const order = ['version', 'numberOfRecords', 'records', 'nextRecordPosition', 'echoedSearchRetrieveRequest', 'diagnostics', 'extraResponseData']
      .map((l) => elements.indexOf(srw(l)));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(elements).toContain('{http://standaarden.overheid.nl/sru}gzd');
    expect(elements).toContain('{http://standaarden.overheid.nl/product/terms/}scproduct');
    expect(elements).toContain('{http://docs.oasis-open.org/ns/search-ws/sru-facetedResults}facetedResults');
    expect(elements).toContain('{http://www.loc.gov/zing/srw/diagnostic/}diagnostic');
    expect(xml).toContain('<sru:version>1.2</sru:version><sru:numberOfRecords>3</sru:numberOfRecords>');
    expect(xml).toContain('<sru:recordSchema>http://standaarden.overheid.nl/sru/</sru:recordSchema><sru:recordPacking>xml</sru:recordPacking>');
    expect(xml).toContain('<sru:recordPosition>1</sru:recordPosition>');
    expect(xml).toContain('<sru:nextRecordPosition>3</sru:nextRecordPosition>');
    expect(xml).toContain('<diag:uri>info:srw/diagnostic/1/26</diag:uri>');
  });

  it('leaves out records, nextRecordPosition and extraResponseData when there are none', () => {
    const xml = searchRetrieveResponse({ numberOfRecords: 0, records: [] });
    expect(xml).not.toMatch(/records>|nextRecordPosition|extraResponseData/);
  });

  it('refuses impossible numbers', () => {
    expect(() => searchRetrieveResponse({ numberOfRecords: -1, records: [] })).toThrow(RangeError);
    expect(() => searchRetrieveResponse({ numberOfRecords: 1.5, records: [] })).toThrow(RangeError);
    expect(() => searchRetrieveResponse({ numberOfRecords: 1, records: [{ recordXml: record(), position: 0 }] })).toThrow(RangeError);
    expect(() => searchRetrieveResponse({ numberOfRecords: 1, records: [], nextRecordPosition: 0 })).toThrow(RangeError);
  });
});

describe('gzd record', () => {
  it('wraps the stored product in originalData and lists the enriched data in order', () => {
    const xml = record().toString();
    expect(xml.startsWith('<gzd:gzd xmlns:gzd="http://standaarden.overheid.nl/sru"><gzd:originalData><overheidproduct:scproduct ')).toBe(true);
    const enriched = xml.slice(xml.indexOf('<gzd:enrichedData>'));
    const names = [...enriched.matchAll(/<gzd:(\w+)>/g)].map((m) => m[1]);
    expect(names).toEqual(['enrichedData', 'authorityScheme', 'authorityUri', 'spatialType', 'spatialUri', 'uniformeProductnaamUri', 'uniformeProductnaamUri']);
  });

  it('leaves out an empty enrichedData and refuses an empty originalData', () => {
    expect(gzdRecord({ originalData: PRODUCT, enrichedData: {} }).toString()).not.toContain('enrichedData');
    expect(() => gzdRecord({ originalData: trustedXml('  ') })).toThrow(/originalData/);
  });
});

describe('facetedResults', () => {
  it('drops facets without terms and writes each term', () => {
    const xml = facetedResults(facets())!.toString();
    expect(xml).not.toContain('Leeg');
    expect(xml).toContain('<facet><facetDisplayLabel>Doelgroep</facetDisplayLabel><facetDescription>Voor wie het product is</facetDescription><index>dcterms.audience</index><relation>=</relation><terms>');
    expect(xml).toContain('<term><actualTerm>particulier</actualTerm><query>paspoort AND dcterms.audience="particulier"</query><requestUrl>/sru/Search?query=paspoort%20AND%20dcterms.audience%3D%22particulier%22&amp;x-info-1-accept=any</requestUrl><count>12</count></term>');
  });

  it('is null when no facet has a term', () => {
    expect(facetedResults([{ displayLabel: 'x', terms: [] }])).toBeNull();
  });
});

describe('diagnostics', () => {
  it('has the codes the SC service answers with', () => {
    expect(Object.keys(DIAGNOSTICS).map(Number)).toEqual([1, 4, 5, 6, 7, 8, 10, 16, 19, 20, 22, 26, 27, 36, 37, 48, 60, 61, 80]);
  });

  it('writes the bare diagnostics envelope', () => {
    expect(diagnosticsResponse([diagnostic(7, 'query')])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<diagnostics xmlns="http://www.loc.gov/zing/srw/diagnostic/"><diagnostic><uri>info:srw/diagnostic/1/7</uri>'
      + '<details>query</details><message>Mandatory parameter not supplied</message></diagnostic></diagnostics>',
    );
    expect(diagnosticsResponse([diagnostic(10)])).not.toContain('details');
    expect(() => diagnosticsResponse([])).toThrow();
  });
});

describe('explain', () => {
  it('lists indexes with their relations, sort keys and limits', () => {
    const xml = explainResponse(explainInput());
    expect(xml).toContain('<sru:recordSchema>http://explain.z3950.org/dtd/2.0/</sru:recordSchema>');
    expect(xml).toContain('<explain xmlns="http://explain.z3950.org/dtd/2.0/" authoritative="true">');
    expect(xml).toContain('<index search="true" scan="false" sort="true"><title lang="nl">Datum laatste wijziging</title><map><name set="sc">modified</name></map>'
      + '<configInfo><supports type="relation">==</supports><supports type="relation">=</supports><supports type="relation">&lt;</supports>');
    expect(xml).toContain('<index search="true" scan="false" sort="false"><title lang="nl">Doelgroep</title><map><name set="sc">audience</name></map></index>');
    expect(xml).toContain('<sortKeyword>modified</sortKeyword>');
    expect(xml).toContain('<setting type="maximumRecords">4020</setting>');
  });
});

describe('xcql (echoed query)', () => {
  it('writes booleans as triples, bare terms as cql.serverChoice, prefixes first', () => {
    const xml = xcqlOperand(parseCql('> dc = "u" (a* or/rel.combine=sum dc.title adj/cql.unit=word "x\\"y")').root).toString();
    expect(xml).toBe(
      '<xcql:prefixes><xcql:prefix><xcql:name>dc</xcql:name><xcql:identifier>u</xcql:identifier></xcql:prefix></xcql:prefixes>'
      + '<xcql:triple><xcql:boolean><xcql:value>or</xcql:value><xcql:modifiers><xcql:modifier><xcql:type>rel.combine</xcql:type>'
      + '<xcql:comparison>=</xcql:comparison><xcql:value>sum</xcql:value></xcql:modifier></xcql:modifiers></xcql:boolean>'
      + '<xcql:leftOperand><xcql:searchClause><xcql:index>cql.serverChoice</xcql:index><xcql:relation><xcql:value>=</xcql:value></xcql:relation>'
      + '<xcql:term>a*</xcql:term></xcql:searchClause></xcql:leftOperand>'
      + '<xcql:rightOperand><xcql:searchClause><xcql:index>dc.title</xcql:index><xcql:relation><xcql:value>adj</xcql:value><xcql:modifiers>'
      + '<xcql:modifier><xcql:type>cql.unit</xcql:type><xcql:comparison>=</xcql:comparison><xcql:value>word</xcql:value></xcql:modifier>'
      + '</xcql:modifiers></xcql:relation><xcql:term>x"y</xcql:term></xcql:searchClause></xcql:rightOperand></xcql:triple>',
    );
  });
});
