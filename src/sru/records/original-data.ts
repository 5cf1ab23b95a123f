/**
 * originalData of a gzd record: the stored scproduct exactly as delivered, minus its
 * dcterms:subject elements (never returned by SRU), made namespace-complete.
 *
 * The stored fragment was cut out of its catalogue, whose root element declared the namespaces.
 * It is read here with an XML parser (saxes); the subject elements are cut out at the offsets the
 * parser reports (with the whitespace before them), and declarations are added on the scproduct
 * start tag for every prefix the fragment uses without declaring it. Which namespace a prefix
 * stands for follows from the SC 4.0 structure: each element name belongs to one namespace
 * (dcterms:title, overheid:authority, overheidproduct:productID, XHTML inside productHTML).
 */
import { SaxesParser } from 'saxes';
import { DCT, OVERHEID, OVERHEIDPRODUCT } from '../../shared/rdf/vocab.js';

const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const DCTERMS = new Set(['identifier', 'title', 'language', 'type', 'modified', 'spatial', 'audience', 'subject', 'abstract']);
const OVERHEID_ELEMENTS = new Set(['authority']);

function elementNamespace(localName: string, inHtml: boolean): string {
  if (inHtml) return XHTML_NS;
  if (DCTERMS.has(localName)) return DCT.iri;
  if (OVERHEID_ELEMENTS.has(localName)) return OVERHEID.iri;
  return OVERHEIDPRODUCT.iri;
}

const split = (name: string): [prefix: string, local: string] => {
  const i = name.indexOf(':');
  return i < 0 ? ['', name] : [name.slice(0, i), name.slice(i + 1)];
};

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** What the gzd enrichedData says about a product, read from its scproduct (document order). */
export interface Enriched {
  authority?: { scheme: string; uri: string };
  spatial: { type: string; uri: string }[];
  uniformeProductnaamUri: string[];
}

/** `overheid:Gemeente` whatever prefix the catalogue used for the OWMS namespace. */
const owmsScheme = (scheme: string) => `overheid:${split(scheme)[1]}`;

/**
 * The scproduct fragment without dcterms:subject, with the namespace declarations it needs, and
 * the enrichedData values found on the way.
 */
export function originalData(fragment: string): { xml: string; enriched: Enriched } {
  const enriched: Enriched = { spatial: [], uniformeProductnaamUri: [] };
  const parser = new SaxesParser({ xmlns: false, position: true });
  const cuts: [number, number][] = [];
  const needed = new Map<string, string>();
  const stack: { local: string; declared: Set<string>; cutFrom: number | null; html: boolean }[] = [];
  const declaredInScope = (prefix: string) => stack.some((f) => f.declared.has(prefix));
  const need = (prefix: string, ns: string) => {
    if (prefix === 'xml' || prefix === 'xmlns' || declaredInScope(prefix) || needed.has(prefix)) return;
    needed.set(prefix, ns);
  };
  parser.on('opentag', (tag) => {
    const [prefix, local] = split(tag.name);
    const parent = stack[stack.length - 1];
    const declared = new Set<string>();
    for (const a of Object.keys(tag.attributes)) {
      if (a === 'xmlns') declared.add('');
      else if (a.startsWith('xmlns:')) declared.add(a.slice(6));
    }
    const html = parent ? parent.html || parent.local === 'productHTML' : false;
    const frame = { local, declared, cutFrom: null as number | null, html };
    stack.push(frame);
    need(prefix, elementNamespace(local, html));
    for (const [name, value] of Object.entries(tag.attributes)) {
      const [ap] = split(name);
      if (ap && ap !== 'xmlns' && name !== 'xmlns') need(ap, ap === 'xsi' ? XSI_NS : elementNamespace(local, html));
      // scheme="overheid:Gemeente" names an OWMS term by QName.
      if (name === 'scheme' && typeof value === 'string' && value.includes(':')) need(split(value)[0], OVERHEID.iri);
    }
    const attr = (n: string) => (typeof tag.attributes[n] === 'string' ? tag.attributes[n] : '');
    if (!html && (parent?.local === 'owmskern' || parent?.local === 'scmeta')) {
      if (local === 'authority' && !enriched.authority) enriched.authority = { scheme: owmsScheme(attr('scheme')), uri: attr('resourceIdentifier') };
      if (local === 'spatial') enriched.spatial.push({ type: owmsScheme(attr('scheme')), uri: attr('resourceIdentifier') });
      if (local === 'uniformeProductnaam' && attr('resourceIdentifier')) enriched.uniformeProductnaamUri.push(attr('resourceIdentifier'));
    }
    if (local === 'subject' && !html && parent?.local === 'owmsmantel') {
      let start = fragment.lastIndexOf('<', parser.position - 1);
      while (start > 0 && /\s/.test(fragment[start - 1]!)) start--;
      frame.cutFrom = start;
    }
  });
  parser.on('closetag', () => {
    const frame = stack.pop();
    if (frame?.cutFrom != null) cuts.push([frame.cutFrom, parser.position]);
  });
  parser.write(fragment).close();

  let out = '';
  let at = 0;
  for (const [from, to] of cuts) {
    out += fragment.slice(at, from);
    at = to;
  }
  out += fragment.slice(at);
  if (!needed.size) return { xml: out, enriched };
  const nameEnd = /^<[^\s/>]+/.exec(out)?.[0].length ?? 0;
  const decls = [...needed].map(([p, ns]) => (p ? ` xmlns:${p}="${escapeAttr(ns)}"` : ` xmlns="${escapeAttr(ns)}"`)).join('');
  return { xml: out.slice(0, nameEnd) + decls + out.slice(nameEnd), enriched };
}
