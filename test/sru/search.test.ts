/**
 * Golden table: CQL in, the matching products out, on a real embedded store holding the fixture
 * collection (tests/sru/fixtures.ts), through GET /sru/Search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSruApp, matches, type TestApp } from './support.js';
import { GOLDEN } from './golden.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeSruApp();
});
afterAll(() => t.close());

describe('CQL to matching products', () => {
  it.each(GOLDEN)('%s', async (cql, ids) => {
    expect(await matches(t, cql)).toEqual([...ids].sort());
  });
});
