/**
 * The one place where XML text is produced. Every text and attribute value passes through
 * `escapeText` / `escapeAttribute`, which also replace characters XML 1.0 forbids (C0 controls
 * other than tab, newline and carriage return; lone surrogates; U+FFFE, U+FFFF) by U+FFFD, so
 * the output is well-formed whatever the input. Markup exists only as TrustedXml, which this
 * module alone creates: from `el()`, or from `trustedXml()` for fragments that were produced
 * and checked elsewhere (stored scproduct XML).
 */

const token = Symbol('TrustedXml');

/** Serialised, well-formed XML. Only this module can create one. */
export class TrustedXml {
  readonly #xml: string;
  constructor(key: symbol, xml: string) {
    if (key !== token) throw new TypeError('TrustedXml is created by el() or trustedXml() only');
    this.#xml = xml;
  }
  toString(): string {
    return this.#xml;
  }
}

/** Brands a stored, already well-formed XML fragment (no XML declaration) as trusted. */
export function trustedXml(fragment: string): TrustedXml {
  return new TrustedXml(token, fragment);
}

export type XmlChild = TrustedXml | string | number | null | undefined | false | readonly XmlChild[];
export type XmlAttributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const NAME = /^(?:[A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*$/;

/** Replaces every character XML 1.0 does not allow by U+FFFD. */
export function toXmlChars(s: string): string {
  return s.replace(FORBIDDEN, '\uFFFD');
}

export function escapeText(s: string): string {
  return toXmlChars(s).replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

const ATTR_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;',
};

export function escapeAttribute(s: string): string {
  return toXmlChars(s).replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c] as string);
}

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`Invalid XML name: ${JSON.stringify(name)}`);
  return name;
}

function appendChildren(out: string[], children: readonly XmlChild[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (child instanceof TrustedXml) out.push(child.toString());
    else if (Array.isArray(child)) appendChildren(out, child);
    else out.push(escapeText(String(child)));
  }
}

/**
 * One element. Attributes whose value is null, undefined or false are left out; strings and
 * numbers among the children are text (escaped), TrustedXml children are inserted as they are.
 */
export function el(name: string, attributes: XmlAttributes | null, ...children: XmlChild[]): TrustedXml {
  let open = `<${checkName(name)}`;
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    open += ` ${checkName(key)}="${escapeAttribute(String(value))}"`;
  }
  const body: string[] = [];
  appendChildren(body, children);
  return new TrustedXml(token, body.length === 0 ? `${open}/>` : `${open}>${body.join('')}</${name}>`);
}

/** Concatenates fragments (no wrapper element). */
export function fragments(...children: XmlChild[]): TrustedXml {
  const body: string[] = [];
  appendChildren(body, children);
  return new TrustedXml(token, body.join(''));
}

/** A complete document: XML declaration plus the root element. */
export function xmlDocument(root: TrustedXml): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root.toString()}`;
}
