/**
 * Makes a stored scproduct fragment stand alone. The fragment is kept exactly as delivered, so it
 * may use prefixes (or a default namespace) that its catalogue declared on the root element,
 * e.g. `<scproduct>` under `<scproducten xmlns="...product/terms/" xmlns:dc="...">`. Republished
 * under another root those would be unbound. The namespace of each prefix the fragment uses but
 * does not declare follows from the SC 4.0 content model (every element name belongs to exactly
 * one namespace; scheme values are overheid:* QNames), and is declared on the scproduct element.
 * A fragment that declares everything it uses (or relies only on the prefixes the publication's
 * root declares, as catalogues with the conventional prefixes do) is returned unchanged.
 */
import { SaxesParser } from 'saxes';
import { SC_NAMESPACES as NS } from '../sc-xml/index.js';

const PRODUCT_ELEMENTS = [
  'scproduct', 'meta', 'owmskern', 'owmsmantel', 'scmeta', 'body', 'productHTML', 'productID', 'onlineAanvragen',
  'aanvraagURL', 'eenmaligAanmelden', 'contactpunt', 'uniformeProductnaam', 'gerelateerdProduct',
];
const DCTERMS_ELEMENTS = [
  'identifier', 'title', 'language', 'type', 'creator', 'modified', 'spatial', 'temporal', 'audience', 'subject', 'abstract',
];
/** Unqualified local elements of dcterms:temporal: in no namespace. */
const UNQUALIFIED_ELEMENTS = ['start', 'end'];

function elementNamespace(local: string, inXhtml: boolean): string {
  if (inXhtml) return NS.xhtml;
  if (PRODUCT_ELEMENTS.includes(local)) return NS.product;
  if (DCTERMS_ELEMENTS.includes(local)) return NS.dcterms;
  if (local === 'authority') return NS.overheid;
  if (UNQUALIFIED_ELEMENTS.includes(local)) return '';
  return '?';
}

export class FragmentNamespaceError extends Error {}

function split(name: string): [prefix: string, local: string] {
  const i = name.indexOf(':');
  return i < 0 ? ['', name] : [name.slice(0, i), name.slice(i + 1)];
}

/**
 * The fragment with declarations for the prefixes it uses without declaring them, except those
 * `inherited` binds to the same namespace (the prefixes the enclosing catalogue root declares).
 */
export function standaloneFragment(xml: string, inherited: Readonly<Record<string, string>> = {}): string {
  const scopes: Set<string>[] = [];
  const inferred = new Map<string, Set<string>>();
  const note = (prefix: string, ns: string) => {
    if (scopes.some((s) => s.has(prefix))) return;
    const set = inferred.get(prefix) ?? new Set<string>();
    set.add(ns);
    inferred.set(prefix, set);
  };
  let htmlDepth = 0;
  const parser = new SaxesParser({ fragment: true });
  let failure: string | undefined;
  parser.on('error', (e) => { failure ??= e.message; });
  parser.on('opentag', (tag) => {
    const declared = new Set<string>();
    for (const name of Object.keys(tag.attributes)) {
      if (name === 'xmlns') declared.add('');
      else if (name.startsWith('xmlns:')) declared.add(name.slice(6));
    }
    scopes.push(declared);
    const [prefix, local] = split(tag.name);
    note(prefix, elementNamespace(local, htmlDepth > 0));
    for (const [name, value] of Object.entries(tag.attributes)) {
      const [ap, al] = split(name);
      if (ap === 'xsi') note(ap, NS.xsi);
      if (ap === '' && al === 'scheme' && htmlDepth === 0) {
        const [vp] = split(value.trim());
        if (value.includes(':')) note(vp, NS.overheid);
      }
    }
    if (htmlDepth > 0 || local === 'productHTML') htmlDepth++;
  });
  parser.on('closetag', () => {
    scopes.pop();
    if (htmlDepth > 0) htmlDepth--;
  });
  parser.write(xml).close();
  if (failure !== undefined) throw new FragmentNamespaceError(`stored scproduct is not well-formed: ${failure}`);

  const decls: string[] = [];
  for (const [prefix, set] of inferred) {
    if (prefix === 'xml') continue;
    const options = [...set];
    if (options.length !== 1 || options[0] === '?') {
      throw new FragmentNamespaceError(`cannot tell the namespace of prefix '${prefix}' in a stored scproduct`);
    }
    const ns = options[0] as string;
    if (prefix === '' && ns === '') continue; // unprefixed names in no namespace need no declaration
    if (inherited[prefix] === ns) continue;
    decls.push(prefix === '' ? ` xmlns="${ns}"` : ` xmlns:${prefix}="${ns}"`);
  }
  if (decls.length === 0) return xml;
  const nameEnd = xml.search(/[\s/>]/);
  return xml.slice(0, nameEnd) + decls.join('') + xml.slice(nameEnd);
}
