/**
 * Parity with libxml2: for every fixture, our structural verdict (valid / invalid) equals the
 * verdict of libxml2 (npm xmllint-wasm) validating against the official SC 4.0 XSD, read at test
 * time from ../shared/reference/sc-xsd (never copied into the repository). The few fixtures where
 * we differ by design are listed in DIVERGENCES with the reason, and libxml2's verdict on them is
 * asserted too, so any change on either side shows up here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { SC_MAIN_XSD as MAIN_XSD, SC_XSD_PRESENT as present, scXsdFiles as xsdFiles } from '../../support/sc-xsd.js';
import { parseScCatalogue } from '../../../src/catalog/sc-xml/parse.js';
import { DIVERGENCES, FIXTURE_DIR, fixtureFiles } from './fixture-manifest.js';
import { VARIANTS } from './variants.js';


(present ? describe : describe.skip)(
  present ? 'XSD parity with libxml2 (official SC 4.0 XSD)' : 'XSD parity with libxml2: ../shared/reference/sc-xsd absent',
  () => {
    const files = present ? xsdFiles() : [];
    const schema = files.filter((f) => f.fileName === MAIN_XSD);
    const preload = files.filter((f) => f.fileName !== MAIN_XSD);

    it('loads sc.xsd with all its includes, imports and redefines', () => {
      expect(schema).toHaveLength(1);
      expect(preload.length).toBeGreaterThanOrEqual(9);
    });

    for (const file of fixtureFiles()) {
      it(file, async () => {
        const bytes = readFileSync(join(FIXTURE_DIR, file));
        const ours = await parseScCatalogue(bytes, { maxBytes: 1_000_000 });
        const theirs = await validateXML({
          xml: [{ fileName: 'catalogus.xml', contents: new Uint8Array(bytes) }],
          schema,
          preload,
        });
        const detail = theirs.errors.map((e) => e.rawMessage).join('\n');
        const divergence = DIVERGENCES[file];
        if (!divergence) {
          expect(ours.ok, `libxml2 says ${theirs.valid ? 'valid' : `invalid:\n${detail}`}`).toBe(theirs.valid);
          return;
        }
        expect(theirs.valid, `known divergence (${divergence.reason}) no longer holds:\n${detail}`).toBe(divergence.libxml2Valid);
        expect(ours.ok).toBe(!divergence.libxml2Valid);
        if (divergence.libxml2Errors) {
          expect(theirs.errors.length).toBeGreaterThan(0);
          for (const e of theirs.errors) expect(e.rawMessage).toMatch(divergence.libxml2Errors);
        }
      });
    }

    describe('single-change variants of valid/aalsmeer-basis.xml', () => {
      const base = present ? readFileSync(join(FIXTURE_DIR, 'valid/aalsmeer-basis.xml'), 'utf8') : '';
      const product = base.slice(base.indexOf('  <overheidproduct:scproduct '), base.indexOf('</overheidproduct:scproducten>'));
      for (const variant of VARIANTS) {
        it(variant.name, async () => {
          expect(base.includes(variant.from), `variant does not apply: ${variant.from}`).toBe(true);
          const xml = base.replace(variant.from, variant.to.replace('SECOND_PRODUCT', product));
          const ours = await parseScCatalogue(xml, { maxBytes: 1_000_000 });
          const theirs = await validateXML({ xml: [{ fileName: 'catalogus.xml', contents: xml }], schema, preload });
          const detail = `ours: ${ours.errors.map((e) => e.message).join(' | ') || 'valid'}\nlibxml2: ${theirs.errors.map((e) => e.message).join(' | ') || 'valid'}`;
          expect(ours.ok, detail).toBe(theirs.valid);
        });
      }
    });

    it('a product with productHTML holding only text (no XHTML elements) is valid for both', async () => {
      const base = readFileSync(join(FIXTURE_DIR, 'valid/aalsmeer-basis.xml'), 'utf8');
      const xml = base.replace('<overheidproduct:body/>',
        '<overheidproduct:body><overheidproduct:productHTML>Alleen tekst, &amp; een &#8364;-teken.</overheidproduct:productHTML></overheidproduct:body>');
      const ours = await parseScCatalogue(xml, { maxBytes: 1_000_000 });
      const theirs = await validateXML({ xml: [{ fileName: 'catalogus.xml', contents: xml }], schema, preload });
      expect(theirs.valid).toBe(true);
      expect(ours.ok).toBe(true);
    });
  },
);
