/**
 * Writes SC 4.0 XML from the product model: `writeScProduct` gives one standalone
 * `<overheidproduct:scproduct>` fragment (its namespaces declared on the element itself),
 * `writeScCatalogue` wraps fragments in the `overheidproduct:scproducten` document.
 *
 * Element order and cardinality follow the official XSD (see schema.ts). Every text and
 * attribute value goes through `escapeXml`; productHTML, which is markup, is only accepted when
 * it is a well-formed fragment of XHTML elements. Scheme QNames are written with the `overheid`
 * prefix declared here (prefixes are free in SC; the expanded names are what count).
 */
import { SaxesParser } from 'saxes';
import { AppError } from '../../shared/errors.js';
import type { ScProduct, ScReference } from './model.js';
import { NS } from './namespaces.js';

/** The prefixes written (and declared on both the catalogue root and each written scproduct). */
export const SC_PREFIXES: Readonly<Record<string, string>> = { overheidproduct: NS.product, dcterms: NS.dcterms, overheid: NS.overheid };
const NS_DECLS = Object.entries(SC_PREFIXES).map(([p, ns]) => `xmlns:${p}="${ns}"`).join(' ');

// XML 1.0 Char: tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and the supplementary planes (paired surrogates).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDBFF\uDC00-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/**
 * The one escaping function for text and attribute values. Tab, LF and CR become character
 * references so attribute-value normalisation and line-end handling cannot change them.
 */
export function escapeXml(value: string, field = 'value'): string {
  const bad = NOT_XML_CHAR.exec(value);
  if (bad) {
    const code = bad[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
    throw new AppError('bad_request', `${field}: character U+${code} is not allowed in XML`);
  }
  return value.replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;',
};

type Attrs = readonly (readonly [string, string | undefined])[];

function el(name: string, attrs: Attrs, text: string | undefined): string {
  const a = attrs
    .filter((x): x is readonly [string, string] => x[1] !== undefined && x[1] !== '')
    .map(([k, v]) => ` ${k}="${escapeXml(v, `${name}/@${k}`)}"`)
    .join('');
  return text === undefined ? `<${name}${a}/>` : `<${name}${a}>${escapeXml(text, name)}</${name}>`;
}

function group(name: string, children: readonly string[], indent: string): string {
  if (children.length === 0) return `${indent}<${name}/>`;
  return `${indent}<${name}>\n${children.map((c) => `${indent}  ${c}`).join('\n')}\n${indent}</${name}>`;
}

/** `Gemeente` or `ow:Gemeente` -> `overheid:Gemeente` (the scheme's local name in the overheid namespace). */
function overheidQName(scheme: string): string | undefined {
  if (scheme === '') return undefined;
  const i = scheme.indexOf(':');
  return `overheid:${i < 0 ? scheme : scheme.slice(i + 1)}`;
}

function ref(name: string, r: ScReference): string {
  return el(name, [['scheme', overheidQName(r.scheme)], ['resourceIdentifier', r.resourceIdentifier]], r.label);
}

function required(value: string | undefined, field: string): string {
  if (value === undefined || value.trim() === '') throw new AppError('bad_request', `${field} is required`);
  return value;
}

function owmskern(p: ScProduct): string[] {
  const languages = p.languages.length > 0 ? p.languages : [required(p.language, 'dcterms:language')];
  return [
    el('dcterms:identifier', [], required(p.identifier, 'dcterms:identifier')),
    el('dcterms:title', [], required(p.title, 'dcterms:title')),
    ...languages.map((l) => el('dcterms:language', [], l)),
    el('dcterms:type', [['scheme', 'overheid:Informatietype']], required(p.type, 'dcterms:type')),
    el('dcterms:modified', [], required(p.modified, 'dcterms:modified')),
    ...p.spatial.map((r) => ref('dcterms:spatial', r)),
    ...(p.authorities.length > 0 ? p.authorities : p.authority ? [p.authority] : []).map((r) => ref('overheid:authority', r)),
  ];
}

function owmsmantel(p: ScProduct): string[] | undefined {
  if (p.audience.length === 0 && p.subject.length === 0 && p.abstract === undefined) return undefined;
  if (p.audience.length < 1 || p.audience.length > 2) throw new AppError('bad_request', 'dcterms:audience must occur once or twice');
  return [
    ...p.audience.map((a) => el('dcterms:audience', [['scheme', 'overheid:Doelgroep']], a)),
    ...p.subject.map((s) => el('dcterms:subject', [], s)),
    el('dcterms:abstract', [], required(p.abstract, 'dcterms:abstract')),
  ];
}

function scmeta(p: ScProduct): string[] | undefined {
  const any = p.productID !== undefined || p.onlineAanvragen !== undefined || p.aanvraagURL !== undefined
    || p.eenmaligAanmelden !== undefined || p.contactpunt !== undefined
    || p.uniformeProductnaam.length > 0 || p.gerelateerdProduct.length > 0;
  if (!any) return undefined;
  const out = [
    el('overheidproduct:productID', [], p.productID ?? required(p.productID, 'overheidproduct:productID')),
    el('overheidproduct:onlineAanvragen', [], required(p.onlineAanvragen, 'overheidproduct:onlineAanvragen')),
  ];
  if (p.aanvraagURL !== undefined) out.push(el('overheidproduct:aanvraagURL', [['resourceIdentifier', p.aanvraagURL]], undefined));
  if (p.eenmaligAanmelden !== undefined) out.push(el('overheidproduct:eenmaligAanmelden', [], p.eenmaligAanmelden));
  if (p.contactpunt !== undefined) out.push(el('overheidproduct:contactpunt', [['resourceIdentifier', p.contactpunt]], undefined));
  for (const r of p.uniformeProductnaam) out.push(ref('overheidproduct:uniformeProductnaam', r));
  for (const r of p.gerelateerdProduct) out.push(ref('overheidproduct:gerelateerdProduct', r));
  return out;
}

/** Checks that productHTML is well-formed XML made of XHTML elements only (it is written as markup). */
function checkXhtml(html: string): void {
  const parser = new SaxesParser({ xmlns: true, fragment: true });
  let problem: string | undefined;
  parser.on('opentag', (tag) => {
    if (problem === undefined && tag.uri !== NS.xhtml) problem = `element ${tag.name} is not in the XHTML namespace`;
  });
  parser.on('doctype', () => { problem ??= 'a DOCTYPE is not allowed'; });
  parser.on('processinginstruction', () => { problem ??= 'processing instructions are not allowed'; });
  parser.on('error', (e) => { problem ??= e.message; });
  try {
    parser.write(html).close();
  } catch (e) {
    problem ??= e instanceof Error ? e.message : String(e);
  }
  if (problem !== undefined) throw new AppError('bad_request', `overheidproduct:productHTML is not valid XHTML: ${problem}`);
}

/** One product as a standalone `<overheidproduct:scproduct>` element (no XML declaration). */
export function writeScProduct(p: ScProduct): string {
  const meta = [group('overheidproduct:owmskern', owmskern(p), '    ')];
  const mantel = owmsmantel(p);
  if (mantel) meta.push(group('overheidproduct:owmsmantel', mantel, '    '));
  const sc = scmeta(p);
  if (sc) meta.push(group('overheidproduct:scmeta', sc, '    '));
  let body = '  <overheidproduct:body/>';
  if (p.productHTML !== undefined) {
    checkXhtml(p.productHTML);
    body = `  <overheidproduct:body>\n    <overheidproduct:productHTML>${p.productHTML}</overheidproduct:productHTML>\n  </overheidproduct:body>`;
  }
  return [
    `<overheidproduct:scproduct ${NS_DECLS} owms-version="4.0">`,
    `  <overheidproduct:meta>\n${meta.join('\n')}\n  </overheidproduct:meta>`,
    body,
    '</overheidproduct:scproduct>',
  ].join('\n');
}

/** The catalogue document: XML declaration, the `overheidproduct:scproducten` root and the given fragments. */
export function writeScCatalogue(fragments: readonly string[]): string {
  return `${scCatalogueHead()}${fragments.map((f) => `${f}\n`).join('')}${SC_CATALOGUE_TAIL}`;
}

/** The document up to and including the root start tag (for streaming a catalogue). */
export function scCatalogueHead(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<overheidproduct:scproducten ${NS_DECLS}>\n`;
}

export const SC_CATALOGUE_TAIL = '</overheidproduct:scproducten>\n';
