/** Every kind of SRU output validates against the SRU 1.2 reference schemas (libxml2). */
import { describe, expect, it } from 'vitest';
import {
  diagnostic, DIAGNOSTICS, diagnosticsResponse, explainRecord, explainResponse, facetedResults, gzdRecord, searchRetrieveResponse, type DiagnosticCode,
} from '../../../src/sru/xml/index.js';
import { parseCql } from '../../../src/sru/cql/index.js';
import { explainInput, facets, HOSTILE, PRODUCT, record, searchInput } from './samples.js';
import { validate, XSD_PRESENT } from './xsd.js';

async function expectValid(xml: string, schema: string): Promise<void> {
  const result = await validate(xml, schema);
  expect(result.valid, `${result.errors}\n${xml}`).toBe(true);
}

describe.skipIf(!XSD_PRESENT)(XSD_PRESENT ? 'SRU output against the SRU 1.2 schemas' : 'SRU output against the SRU 1.2 schemas (../shared/reference/sru-xsd absent)', () => {
  for (const [name, extra] of [['plain values', ''], ['hostile values', HOSTILE]] as const) {
    describe(name, () => {
      it('searchRetrieveResponse with records, next position, echoed request, diagnostics and facets', async () => {
        const xml = searchRetrieveResponse(searchInput(extra));
        await expectValid(xml, 'srw-types.xsd');
        await expectValid(xml, 'all.xsd');
      });

      it('gzd record', async () => {
        await expectValid(record(extra).toString(), 'gzd.xsd');
      });

      it('facetedResults', async () => {
        await expectValid(facetedResults(facets(extra))!.toString(), 'facetedResults.xsd');
      });

      it('explain record and explainResponse', async () => {
        await expectValid(explainRecord(explainInput(extra)).toString(), 'zeerex-2.0.xsd');
        const xml = explainResponse(explainInput(extra));
        await expectValid(xml, 'srw-types.xsd');
        await expectValid(xml, 'all.xsd');
      });

      it('bare diagnostics document', async () => {
        const xml = diagnosticsResponse([diagnostic(10, `Unexpected ')' at position 3${extra}`), { code: 7, message: extra }]);
        await expectValid(xml, 'diagnostics-root.xsd');
      });
    });
  }

  it('an empty result: no records element, no next position', async () => {
    const xml = searchRetrieveResponse({ numberOfRecords: 0, records: [] });
    expect(xml).not.toContain('records>');
    await expectValid(xml, 'all.xsd');
  });

  it('facets requested but none with terms: an empty extraResponseData', async () => {
    const xml = searchRetrieveResponse({ numberOfRecords: 0, records: [], facets: [{ displayLabel: 'Doelgroep', terms: [] }] });
    expect(xml).toContain('<sru:extraResponseData/>');
    await expectValid(xml, 'all.xsd');
  });

  it('an echoed request with prefixes, modifiers and nesting (XCQL)', async () => {
    const query = '> dc = "u" (a* or/rel.combine=sum (> "v" dc.title adj/cql.unit=word "x y")) prox/unit=word/distance<3 "" sortby modified';
    const xml = searchRetrieveResponse({ numberOfRecords: 0, records: [], echoed: { query, cql: parseCql(query) } });
    expect(xml).toContain('<xcql:prefixes>');
    await expectValid(xml, 'all.xsd');
  });

  it('a gzd record without enriched data', async () => {
    await expectValid(gzdRecord({ originalData: PRODUCT }).toString(), 'gzd.xsd');
  });

  it('every diagnostic of the table', async () => {
    const codes = Object.keys(DIAGNOSTICS).map(Number) as DiagnosticCode[];
    await expectValid(diagnosticsResponse(codes.map((c) => diagnostic(c, `detail ${c}`))), 'diagnostics-root.xsd');
  });

  describe('the schemas do reject wrong output (the checks can fail)', () => {
    it('a record without recordPacking', async () => {
      const xml = searchRetrieveResponse(searchInput()).replace(/<sru:recordPacking>xml<\/sru:recordPacking>/, '');
      expect((await validate(xml, 'all.xsd')).valid).toBe(false);
    });

    it('a facet term without count', async () => {
      const xml = facetedResults(facets())!.toString().replace('<count>12</count>', '');
      expect((await validate(xml, 'facetedResults.xsd')).valid).toBe(false);
    });

    it('gzd content is checked inside recordData', async () => {
      const xml = searchRetrieveResponse(searchInput()).replace(/<gzd:originalData>[\s\S]*?<\/gzd:originalData>/, '');
      expect((await validate(xml, 'all.xsd')).valid).toBe(false);
    });

    it('the explain record is checked inside recordData', async () => {
      const xml = explainResponse(explainInput()).replace(/<host>[^<]*<\/host>/, '');
      expect((await validate(xml, 'srw-types.xsd')).valid).toBe(true);
      expect((await validate(xml, 'all.xsd')).valid).toBe(false);
    });

    it('facets are checked inside extraResponseData', async () => {
      const xml = searchRetrieveResponse(searchInput()).replace('<count>12</count>', '<count>twelve</count>');
      expect((await validate(xml, 'all.xsd')).valid).toBe(false);
    });

    it('a diagnostic without uri', async () => {
      const xml = diagnosticsResponse([diagnostic(10)]).replace(/<uri>[^<]*<\/uri>/, '');
      expect((await validate(xml, 'diagnostics-root.xsd')).valid).toBe(false);
    });
  });
});
