/** The namespaces of an SC 4.0 catalogue (prefixes are free, these URIs are not). */
export const NS = {
  product: 'http://standaarden.overheid.nl/product/terms/',
  overheid: 'http://standaarden.overheid.nl/owms/terms/',
  dcterms: 'http://purl.org/dc/terms/',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xhtml: 'http://www.w3.org/1999/xhtml',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
} as const;

/** Conventional prefixes, used only to print names in messages. */
export function displayName(uri: string, local: string): string {
  switch (uri) {
    case NS.product: return `overheidproduct:${local}`;
    case NS.overheid: return `overheid:${local}`;
    case NS.dcterms: return `dcterms:${local}`;
    case NS.xhtml: return `xhtml:${local}`;
    case '': return local;
    default: return `{${uri}}${local}`;
  }
}
