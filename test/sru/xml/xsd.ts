/**
 * Validation of SRU output with libxml2 (npm xmllint-wasm) against the SRU 1.2 schemas read at
 * test time from ../shared/reference/sru-xsd (never copied into the repository).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';
import { SRU_NS } from '../../../src/sru/xml/index.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SRU_XSD = resolve(REPO_ROOT, '../shared/reference/sru-xsd');
export const XSD_PRESENT = existsSync(join(SRU_XSD, 'srw-types.xsd'));

/**
 * Test-only driver schemas. ALL imports every SRU namespace, so the lax wildcards of
 * srw-types.xsd (recordData, extraResponseData) are validated strictly against gzd.xsd,
 * facetedResults.xsd and zeerex-2.0.xsd. DIAGNOSTICS declares the bare `diagnostics` root the SC
 * service answers with (diagnostics.xsd itself only declares `diagnostic`).
 */
const DRIVERS: Record<string, string> = {
  'all.xsd': `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test:driver">
  <xs:import namespace="${SRU_NS.srw}" schemaLocation="srw-types.xsd"/>
  <xs:import namespace="${SRU_NS.gzd}" schemaLocation="gzd.xsd"/>
  <xs:import namespace="${SRU_NS.facets}" schemaLocation="facetedResults.xsd"/>
  <xs:import namespace="${SRU_NS.zeerex}" schemaLocation="zeerex-2.0.xsd"/>
</xs:schema>`,
  'diagnostics-root.xsd': `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="${SRU_NS.diagnostic}" targetNamespace="${SRU_NS.diagnostic}" elementFormDefault="qualified">
  <xs:include schemaLocation="diagnostics.xsd"/>
  <xs:element name="diagnostics"><xs:complexType><xs:sequence>
    <xs:element ref="diagnostic" maxOccurs="unbounded"/>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>`,
};

function files(): { fileName: string; contents: string }[] {
  return readdirSync(SRU_XSD).filter((n) => n.endsWith('.xsd')).map((n) => ({ fileName: n, contents: readFileSync(join(SRU_XSD, n), 'utf8') }));
}

/** Validates against one reference schema file or driver (`all.xsd`, `diagnostics-root.xsd`). */
export async function validate(xml: string, schemaFile: string): Promise<{ valid: boolean; errors: string }> {
  const all = [...files(), ...Object.entries(DRIVERS).map(([fileName, contents]) => ({ fileName, contents }))];
  const schema = all.filter((f) => f.fileName === schemaFile);
  if (schema.length !== 1) throw new Error(`no schema ${schemaFile}`);
  const result = await validateXML({ xml: [{ fileName: 'response.xml', contents: xml }], schema, preload: all.filter((f) => f.fileName !== schemaFile) });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage).join('\n') };
}
