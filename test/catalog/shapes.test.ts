/** shapes/catalog.ttl guards the stored form of a product (the write path's second line of defence). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { productQuads } from '../../src/catalog/index.js';
import { parseScCatalogue } from '../../src/catalog/sc-xml/index.js';
import { namedNode } from '../../src/shared/rdf/factory.js';
import { ShaclValidator } from '../../src/shared/shacl/validator.js';
import { UriPolicy } from '../../src/shared/uri.js';
import { TEST_BASE } from '../support/tmp.js';
import { REPO } from './valuelists/helpers.js';
import { catalogue, type P } from './support.js';

const validator = ShaclValidator.fromDirectory(path.join(REPO, 'shapes'));
const uris = new UriPolicy(TEST_BASE);
const org = namedNode(`${TEST_BASE}/id/organisatie/gemeente-aalsmeer`);

async function quadsOf(p: P) {
  const parsed = await parseScCatalogue(catalogue([p]), { maxBytes: 1 << 20 });
  const product = parsed.products[0]!;
  return productQuads(uris, 'gemeente-aalsmeer', org, { ...product, productID: product.productID! });
}

describe('shapes/catalog.ttl', () => {
  it('accepts a complete product', async () => {
    const report = await validator.validate(await quadsOf({ id: 'A1', online: 'digid' }));
    expect(report.results).toEqual([]);
  });

  it('requires aanvraagURL when onlineAanvragen is ja or digid', async () => {
    for (const online of ['ja', 'digid'] as const) {
      const report = await validator.validate(await quadsOf({ id: 'A1', online, aanvraagURL: null }));
      expect(report.conforms).toBe(false);
      expect(report.results.map((r) => r.message).join(' ')).toContain('aanvraagURL');
    }
    expect((await validator.validate(await quadsOf({ id: 'A1', online: 'nee', aanvraagURL: null }))).conforms).toBe(true);
  });

  it('checks audience values, required fields and the date datatype', async () => {
    const quads = await quadsOf({ id: 'A1', audience: ['burger'] });
    const report = await validator.validate(quads.filter((q) => !q.predicate.value.endsWith('/abstract')));
    expect(report.conforms).toBe(false);
    const paths = report.results.map((r) => r.path);
    expect(paths).toContain('http://purl.org/dc/terms/audience');
    expect(paths).toContain('http://purl.org/dc/terms/abstract');
  });
});
