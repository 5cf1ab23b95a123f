/** Responses of the SRU endpoint validate against the SRU 1.2 schemas (../shared/reference/sru-xsd). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSruApp, type TestApp } from './support.js';
import { validate, XSD_PRESENT } from './xml/xsd.js';

let t: TestApp;

describe.skipIf(!XSD_PRESENT)('SRU responses against the schemas (../shared/reference/sru-xsd absent)', () => {
  beforeAll(async () => {
    t = await makeSruApp();
  });
  afterAll(() => t?.close());

  const get = async (qs: string) => (await t.app.request(`/sru/Search?${qs}`)).text();

  it.each([
    'version=1.2&operation=searchRetrieve&x-connection=sc&maximumRecords=20&query=cql.allRecords%3D1',
    'version=1.2&operation=searchRetrieve&x-connection=sc&x-info-1-accept=any&query=paspoort',
    'version=1.2&operation=searchRetrieve&x-connection=sc&query=nietsgevonden',
    'version=1.2&operation=searchRetrieve&x-connection=sc&startRecord=2&maximumRecords=1&query=(postcode%3D%221431%22)',
  ])('searchRetrieveResponse %s', async (qs) => {
    const r = await validate(await get(qs), 'all.xsd');
    expect(r.errors).toBe('');
    expect(r.valid).toBe(true);
  });

  it('explainResponse', async () => {
    const r = await validate(await get('version=1.2&operation=explain'), 'all.xsd');
    expect(r.errors).toBe('');
  });

  it.each(['version=1.1&operation=searchRetrieve', 'version=1.2&operation=searchRetrieve&x-connection=sc&query=foo%3Dbar'])('diagnostics %s', async (qs) => {
    const r = await validate(await get(qs), 'diagnostics-root.xsd');
    expect(r.errors).toBe('');
  });
});
