/**
 * Every SC fixture with our expected verdict, problems ([line, column, code]) and, for the
 * parity test, what libxml2 with the official XSD says when it differs from us (and why).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { XmlProblemCode } from '../../../src/catalog/sc-xml/model.js';

export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/sc/', import.meta.url));

export type Expected = readonly (readonly [number, number, XmlProblemCode])[];

/** Where libxml2 + sc.xsd gives another verdict than ours, by design; the reason is asserted and reported. */
export interface KnownDivergence {
  readonly libxml2Valid: boolean;
  readonly reason: string;
  /** When set, every libxml2 error message must match this (the divergence is exactly this and nothing else). */
  readonly libxml2Errors?: RegExp;
}

const POLICY_DTD = 'policy: we refuse every DOCTYPE (no DTD, no entities: billion laughs / XXE); the XSD does not forbid one';

export const DIVERGENCES: Record<string, KnownDivergence> = {
  'valid/aalsmeer-producthtml.xml': {
    libxml2Valid: false,
    reason: 'productHTML is xs:any processContents="strict" in the XHTML namespace; the XHTML 1.0 Strict schema is not in ../shared/reference, so libxml2 has no declaration for h2/p/ul',
    libxml2Errors: /No matching global element declaration available, but demanded by the strict wildcard/,
  },
  'invalid/doctype-harmless.xml': { libxml2Valid: true, reason: POLICY_DTD },
  'invalid/doctype-external-dtd.xml': { libxml2Valid: true, reason: `${POLICY_DTD} (libxml2 does not load the external DTD when only validating against XSD)` },
  'invalid/doctype-xxe.xml': { libxml2Valid: true, reason: `${POLICY_DTD} (libxml2 without --noent keeps &xxe; as an unexpanded entity reference)` },
  'invalid/encoding-iso-8859-1.xml': { libxml2Valid: true, reason: 'policy: the SC prerequisites require UTF-8; libxml2 decodes the declared Latin-1 fine' },
  'invalid/no-xml-declaration.xml': { libxml2Valid: true, reason: 'policy: the SC prerequisites require the XML declaration; XML itself makes it optional' },
  'invalid/xsi-type.xml': { libxml2Valid: true, reason: 'policy: xsi:type (and xsi:nil) are refused; libxml2 accepts xsi:type naming the declared type itself' },
};

export const EXPECTED: Record<string, Expected> = {
  'valid/aalsmeer-basis.xml': [],
  'valid/aalsmeer-catalogus.xml': [],
  'valid/aalsmeer-producthtml.xml': [],
  'valid/minimaal-alleen-owmskern.xml': [],
  'valid/noord-holland-prefixen.xml': [],
  'invalid/aanvraagurl-order.xml': [[22, 9, 'sc-missing-element'], [23, 9, 'sc-unexpected-element']],
  'invalid/bad-authority-scheme.xml': [[12, 9, 'sc-attribute-value']],
  'invalid/bad-date-dutch-format.xml': [[10, 9, 'sc-value']],
  'invalid/bad-date-february-30.xml': [[10, 9, 'sc-value']],
  'invalid/bad-enum-eenmaligaanmelden.xml': [[24, 9, 'sc-value']],
  'invalid/bad-enum-onlineaanvragen.xml': [[22, 9, 'sc-value']],
  'invalid/bad-identifier-uri.xml': [[6, 9, 'sc-value']],
  'invalid/bad-language.xml': [[8, 9, 'sc-value']],
  'invalid/bad-spatial-scheme.xml': [[11, 9, 'sc-attribute-value']],
  'invalid/bad-type-scheme.xml': [[9, 9, 'sc-attribute-value']],
  'invalid/bad-type-value.xml': [[9, 9, 'sc-value']],
  'invalid/bad-upl-scheme.xml': [[24, 9, 'sc-attribute-value']],
  'invalid/doctype-billion-laughs.xml': [[2, 1, 'xml-doctype']],
  'invalid/doctype-external-dtd.xml': [[2, 1, 'xml-doctype']],
  'invalid/doctype-harmless.xml': [[2, 1, 'xml-doctype']],
  'invalid/doctype-xxe.xml': [[2, 1, 'xml-doctype']],
  'invalid/empty-catalogue.xml': [[3, 1, 'sc-missing-element']],
  'invalid/empty-identifier.xml': [[6, 9, 'sc-value']],
  'invalid/empty-title.xml': [[7, 9, 'sc-value']],
  'invalid/encoding-iso-8859-1.xml': [[1, 1, 'xml-encoding']],
  'invalid/encoding-utf16-declared.xml': [[1, 1, 'xml-encoding']],
  'invalid/extra-element-in-scmeta.xml': [[26, 9, 'sc-unexpected-element']],
  'invalid/html-in-abstract.xml': [[18, 101, 'sc-markup-in-field']],
  'invalid/html-in-title-no-namespace.xml': [[7, 24, 'sc-markup-in-field']],
  'invalid/invalid-utf8-bytes.xml': [[7, 44, 'xml-invalid-utf8']],
  'invalid/mismatched-end-tag.xml': [[7, 57, 'xml-malformed']],
  'invalid/missing-abstract.xml': [[18, 7, 'sc-missing-element']],
  'invalid/missing-authority-resourceidentifier.xml': [[12, 9, 'sc-attribute-missing']],
  'invalid/missing-body.xml': [[28, 3, 'sc-missing-element']],
  'invalid/missing-identifier.xml': [[6, 9, 'sc-missing-element']],
  'invalid/missing-onlineaanvragen.xml': [[22, 9, 'sc-missing-element']],
  'invalid/missing-spatial-scheme.xml': [[11, 9, 'sc-attribute-missing']],
  'invalid/no-xml-declaration.xml': [[1, 1, 'xml-declaration-missing']],
  'invalid/owms-version-35.xml': [[3, 3, 'sc-attribute-value']],
  'invalid/owms-version-missing.xml': [[3, 3, 'sc-attribute-missing']],
  'invalid/producthtml-non-xhtml-element.xml': [[29, 36, 'sc-unexpected-element']],
  'invalid/scmeta-before-owmsmantel.xml': [[21, 7, 'sc-unexpected-element']],
  'invalid/text-in-meta.xml': [[4, 5, 'sc-text-not-allowed']],
  'invalid/three-audiences.xml': [[17, 9, 'sc-unexpected-element']],
  'invalid/truncated.xml': [[21, 41, 'xml-malformed']],
  'invalid/two-producthtml.xml': [[30, 7, 'sc-unexpected-element']],
  'invalid/two-titles.xml': [[8, 9, 'sc-unexpected-element']],
  'invalid/undeclared-scheme-prefix.xml': [[9, 9, 'sc-attribute-value'], [11, 9, 'sc-attribute-value'], [15, 9, 'sc-attribute-value'], [24, 9, 'sc-attribute-value'], [25, 9, 'sc-attribute-value']],
  'invalid/undefined-entity.xml': [[18, 106, 'xml-malformed']],
  'invalid/unknown-attribute.xml': [[7, 9, 'sc-attribute-not-allowed']],
  'invalid/wrong-namespace-dcterms.xml': [
    [6, 9, 'sc-unexpected-element'], [7, 9, 'sc-unexpected-element'], [8, 9, 'sc-unexpected-element'],
    [9, 9, 'sc-unexpected-element'], [10, 9, 'sc-unexpected-element'], [11, 9, 'sc-unexpected-element'],
    [12, 9, 'sc-missing-element'], [12, 9, 'sc-missing-element'], [12, 9, 'sc-missing-element'],
    [12, 9, 'sc-missing-element'], [12, 9, 'sc-missing-element'], [15, 9, 'sc-unexpected-element'],
    [16, 9, 'sc-unexpected-element'], [17, 9, 'sc-unexpected-element'], [18, 9, 'sc-unexpected-element'],
    [19, 7, 'sc-missing-element'], [19, 7, 'sc-missing-element'],
  ],
  'invalid/wrong-namespace-product-https.xml': [[2, 1, 'sc-root']],
  'invalid/wrong-order-title-before-identifier.xml': [[6, 9, 'sc-missing-element'], [7, 9, 'sc-unexpected-element']],
  'invalid/wrong-root.xml': [[2, 1, 'sc-root']],
  'invalid/xsi-type.xml': [[18, 9, 'sc-attribute-not-allowed']],
};

/** All fixture files on disk, as 'valid/x.xml' / 'invalid/y.xml'. */
export function fixtureFiles(): string[] {
  return ['valid', 'invalid'].flatMap((dir) =>
    readdirSync(join(FIXTURE_DIR, dir)).filter((f) => f.endsWith('.xml')).sort().map((f) => `${dir}/${f}`));
}
