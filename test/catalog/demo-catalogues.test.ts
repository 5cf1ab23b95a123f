/** The demo catalogues (data/demo/catalogi): two valid ones that import, and one with deliberate errors. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, makeTestApp } from '../support/app.js';
import { loadDemoValueLists } from './support.js';
import { REPO } from './valuelists/helpers.js';

let t: Awaited<ReturnType<typeof makeTestApp>>;
beforeAll(async () => {
  t = await makeTestApp({ demo: true });
  await loadDemoValueLists(t);
});
afterAll(() => t.close());

const file = (name: string) => readFileSync(path.join(REPO, 'data/demo/catalogi', name), 'utf8');
const post = (what: string, body: string) =>
  t.app.request(`/api/catalogus/${what}`, { method: 'POST', headers: { 'content-type': 'text/xml', authorization: `Bearer ${ADMIN_TOKEN}` }, body });

interface Report {
  valid: boolean;
  xmlErrors: unknown[];
  overview: { products: number };
  products: { productID: string; problems: { code: string }[] }[];
}

describe('demo catalogues', () => {
  it.each([['aalsmeer.xml', 5], ['tilburg.xml', 4]])('%s is valid and imports', async (name, products) => {
    const res = await post('import', file(name));
    const report = (await res.json()) as Report;
    expect(res.status, JSON.stringify(report)).toBe(200);
    expect(report.overview.products).toBe(products);
  });

  it('fouten.xml shows the extra rules in the validator', async () => {
    const res = await post('validate', file('fouten.xml'));
    const report = (await res.json()) as Report;
    expect(report.valid).toBe(false);
    expect(report.xmlErrors).toEqual([]);
    const codes = Object.fromEntries(report.products.map((p, i) => [`${i}:${p.productID}`, p.problems.map((x) => x.code).sort()]));
    expect(codes).toEqual({
      '0:FOUT-01': ['aanvraagurl-missing'],
      '1:FOUT-02': ['authority-label', 'spatial-label'],
      '2:FOUT-03': ['audience-value', 'identifier-duplicate', 'modified-in-future', 'productid-duplicate', 'upl-unknown'],
      '3:FOUT-03': ['identifier-duplicate', 'productid-duplicate'],
    });
  });
});
