import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScCatalogue } from '../../../src/catalog/sc-xml/parse.js';
import { EXPECTED, FIXTURE_DIR, fixtureFiles } from './fixture-manifest.js';

describe('SC fixtures: verdict and problem positions', () => {
  it('every fixture on disk has an expectation (and vice versa)', () => {
    expect([...fixtureFiles()].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of fixtureFiles()) {
    it(file, async () => {
      const expected = EXPECTED[file];
      expect(expected, `no expectation for ${file}`).toBeDefined();
      const result = await parseScCatalogue(readFileSync(join(FIXTURE_DIR, file)), { maxBytes: 1_000_000 });
      const got = result.errors.map((e) => [e.line, e.column, e.code]);
      expect(got, JSON.stringify(result.errors, null, 1)).toEqual(expected);
      expect(result.ok).toBe(file.startsWith('valid/'));
      for (const e of result.errors) expect(e.message.length).toBeGreaterThan(10);
    });
  }
});
