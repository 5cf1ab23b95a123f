/**
 * Safe, streaming reader and structural validator for Samenwerkende Catalogi 4.0 catalogues.
 *
 * `parseScCatalogue(input, { maxBytes })` reads an SC XML catalogue (string, Buffer or a byte
 * stream) with saxes and, in the same single pass, checks it against the SC 4.0 content model
 * (schema.ts, transcribed from the official sc.xsd and the OWMS 4.0 schemas it includes and
 * redefines) and collects the products (model.ts). Nothing is kept beyond the product being
 * read, so memory stays bounded by the largest product.
 *
 * Safe by construction:
 * - any DOCTYPE is refused (xml-doctype) before anything it declares could be used, so there is
 *   no entity expansion (billion laughs) and no external entity or DTD is ever fetched (XXE);
 *   saxes itself never reads files or the network;
 * - input bytes are counted while streaming and reading stops as soon as `maxBytes` is passed
 *   (xml-too-large);
 * - input must be UTF-8: a declared other encoding (xml-encoding) and invalid byte sequences
 *   (xml-invalid-utf8, with the position of the first bad byte) are refused; the XML
 *   declaration is required (xml-declaration-missing);
 * - well-formedness errors (xml-malformed) stop reading; structural errors (sc-*) are all
 *   collected, up to a cap.
 *
 * Every problem carries a 1-based line and column. Structural problems point at the start tag
 * of the element concerned (for a missing child: at the parent's end tag).
 *
 * What the XSD checks and this module mirrors (see test/catalog/sc-xml/xsd-parity.test.ts):
 * element order and cardinality, namespaces (prefixes free), required/unknown attributes,
 * enumerations (onlineAanvragen, eenmaligAanmelden, scheme QNames compared as expanded names),
 * fixed values (owms-version, dcterms:type, uniformeProductnaam scheme), xs:date/xs:dateTime,
 * xs:language, xs:anyURI and non-empty strings, no text in element-only content, no markup in
 * simple fields. Beyond the XSD: the root must be overheidproduct:scproducten, productHTML may
 * only hold XHTML elements (their XHTML 1.0 Strict validity is not checked here), and
 * the xsi:type / xsi:nil attributes are refused. Extra rules (value lists, UPL, uniqueness,
 * aanvraagURL when online) are not this module's job.
 */
import { isUtf8 } from 'node:buffer';
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import type { ParseResult, ScProduct, ScReference, XmlProblem, XmlProblemCode } from './model.js';
import { NS, displayName } from './namespaces.js';
import { SCPRODUCTEN, particleName, type ElementDef, type Particle, type Resolve } from './schema.js';
import { completePrefixLength, firstInvalidUtf8 } from './utf8.js';
import { collapse } from './values.js';

export type { ParseResult, ScProduct, ScReference, XmlProblem, XmlProblemCode } from './model.js';

export interface ParseOptions {
  /** Refuse documents larger than this many bytes (checked while streaming). */
  readonly maxBytes: number;
  /** Stop collecting after this many problems (default 200). */
  readonly maxErrors?: number;
  /**
   * Called with each product as soon as its end tag is read. When given, products are handed
   * over instead of collected (`result.products` stays empty), so memory stays bounded by one
   * product even for a national-size catalogue.
   */
  readonly onProduct?: (product: ScProduct) => void;
}

export type ScInput = string | Uint8Array | AsyncIterable<Uint8Array>;

const CHUNK_SIZE = 64 * 1024;

export async function parseScCatalogue(input: ScInput, opts: ParseOptions): Promise<ParseResult> {
  const reader = new CatalogueReader(opts.maxBytes, opts.maxErrors ?? 200, opts.onProduct);
  for await (const chunk of byteChunks(input)) {
    if (!reader.push(chunk)) break;
  }
  reader.finish();
  return reader.result();
}

async function* byteChunks(input: ScInput): AsyncIterable<Uint8Array> {
  if (typeof input === 'string') {
    for (let i = 0; i < input.length;) {
      let end = Math.min(i + CHUNK_SIZE, input.length);
      const last = input.charCodeAt(end - 1);
      if (end < input.length && last >= 0xd800 && last <= 0xdbff) end++;
      yield Buffer.from(input.slice(i, end), 'utf8');
      i = end;
    }
  } else if (input instanceof Uint8Array) {
    for (let i = 0; i < input.length; i += CHUNK_SIZE) yield input.subarray(i, i + CHUNK_SIZE);
  } else {
    yield* input;
  }
}

type Mode = 'complex' | 'simple' | 'xhtml-container' | 'xhtml' | 'skip';

interface Frame {
  readonly mode: Mode;
  readonly def: ElementDef | undefined;
  readonly uri: string;
  readonly local: string;
  readonly line: number;
  readonly column: number;
  /** Current particle index and how often it matched (complex mode). */
  idx: number;
  count: number;
  text: string;
  reported: boolean;
  readonly attributes: Record<string, SaxesAttributeNS>;
  readonly selfClosing: boolean;
}

interface ProductDraft {
  readonly startOffset: number;
  readonly line: number;
  identifier: string;
  title: string;
  languages: string[];
  type: string;
  modified: string;
  spatial: ScReference[];
  authorities: ScReference[];
  audience: string[];
  subject: string[];
  abstract: string | undefined;
  productID: string | undefined;
  onlineAanvragen: string | undefined;
  aanvraagURL: string | undefined;
  eenmaligAanmelden: string | undefined;
  contactpunt: string | undefined;
  uniformeProductnaam: ScReference[];
  gerelateerdProduct: ScReference[];
  productHTML: string | undefined;
  htmlDepth: number;
}

interface Anchor { offset: number; line: number; column: number; afterCR: boolean }

class Stop extends Error {}

class CatalogueReader {
  private readonly parser = new SaxesParser({ xmlns: true, position: true });
  private readonly errors: XmlProblem[] = [];
  private readonly products: ScProduct[] = [];
  private stopped = false;
  private bytes = 0;
  private carry: Uint8Array = new Uint8Array(0);
  /** Decoded text not yet given to saxes while we wait to see the XML declaration. */
  private head: string | undefined = '';
  /** Decoded text from `textStart` on, kept for positions and the product fragment. */
  private text = '';
  private textStart = 0;
  private readonly anchor: Anchor = { offset: 0, line: 1, column: 1, afterCR: false };
  private tagStart = 0;
  private readonly stack: Frame[] = [];
  private product: ProductDraft | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly maxErrors: number,
    private readonly onProduct: ((product: ScProduct) => void) | undefined,
  ) {
    const p = this.parser;
    p.on('xmldecl', (decl) => this.guard(() => {
      const enc = decl.encoding;
      if (enc !== undefined && enc.toLowerCase() !== 'utf-8') {
        this.fatal('xml-encoding', 1, 1, `encoding '${enc}' is not allowed: the catalogue must be UTF-8`);
      }
    }));
    p.on('doctype', () => this.guard(() => {
      const rel = this.text.lastIndexOf('<!DOCTYPE');
      const pos = rel >= 0 ? this.positionAt(this.textStart + rel) : { line: p.line, column: p.column };
      this.fatal('xml-doctype', pos.line, pos.column, 'a DOCTYPE (DTD) is not allowed: entity declarations are refused');
    }));
    p.on('opentagstart', () => {
      const rel = this.text.lastIndexOf('<', p.position - this.textStart - 1);
      this.tagStart = this.textStart + Math.max(rel, 0);
    });
    p.on('opentag', (tag) => this.guard(() => this.open(tag)));
    p.on('closetag', (tag) => this.guard(() => this.close(tag)));
    p.on('text', (t) => this.guard(() => this.onText(t)));
    p.on('cdata', (t) => this.guard(() => this.onText(t)));
    p.on('error', (err) => {
      if (this.stopped) return;
      const message = err.message.replace(/^\d+:\d+: /, '');
      this.stopped = true;
      this.errors.push({ line: p.line, column: Math.max(p.column, 1), message: `not well-formed XML: ${message}`, code: 'xml-malformed' });
    });
  }

  /** Feeds bytes; false once reading has stopped. */
  push(chunk: Uint8Array): boolean {
    if (this.stopped) return false;
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      const pos = this.positionAt(this.textStart + this.text.length);
      this.addFatal('xml-too-large', pos.line, pos.column, `the catalogue is larger than the limit of ${this.maxBytes} bytes`);
      return false;
    }
    let buf = chunk;
    if (this.carry.length > 0) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry, 0);
      buf.set(chunk, this.carry.length);
    }
    const complete = completePrefixLength(buf);
    const part = buf.subarray(0, complete);
    this.carry = buf.slice(complete);
    if (!isUtf8(part)) {
      const bad = firstInvalidUtf8(part);
      this.feed(Buffer.from(part.buffer, part.byteOffset, Math.max(bad, 0)).toString('utf8'));
      this.invalidUtf8();
      return false;
    }
    this.feed(Buffer.from(part.buffer, part.byteOffset, part.length).toString('utf8'));
    return !this.stopped;
  }

  finish(): void {
    if (this.stopped) return;
    if (this.carry.length > 0) {
      this.invalidUtf8();
      return;
    }
    if (this.head !== undefined) this.checkDeclaration(true);
    if (this.stopped) return;
    try {
      this.parser.close();
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
    }
  }

  result(): ParseResult {
    return { ok: this.errors.length === 0, errors: this.errors, products: this.products };
  }

  // ---- text and positions --------------------------------------------------------------------

  private invalidUtf8(): void {
    if (this.stopped) return;
    const pos = this.positionAt(this.textStart + this.text.length);
    this.addFatal('xml-invalid-utf8', pos.line, pos.column, 'invalid UTF-8 byte sequence: the catalogue must be UTF-8');
  }

  private feed(s: string): void {
    if (this.head !== undefined) {
      this.head += s;
      this.checkDeclaration(false);
      return;
    }
    this.write(s);
  }

  /** The document must start with `<?xml` (after an optional byte order mark). */
  private checkDeclaration(atEnd: boolean): void {
    const head = this.head ?? '';
    const body = head.startsWith('\uFEFF') ? head.slice(1) : head;
    if (body.length < 6 && !atEnd) return;
    this.head = undefined;
    if (!/^<\?xml[ \t\r\n]/.test(body)) {
      this.addFatal('xml-declaration-missing', 1, 1, 'the XML declaration (<?xml version="1.0" encoding="UTF-8"?>) is missing');
      return;
    }
    this.write(head);
  }

  private write(s: string): void {
    if (s.length === 0) return;
    this.text += s;
    try {
      this.parser.write(s);
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
    }
    this.trim();
  }

  /** Drops text no longer needed: keep from the last `<` (a tag may be incomplete) and the open product. */
  private trim(): void {
    let keep = this.text.lastIndexOf('<');
    if (keep < 0) keep = this.text.length;
    if (this.product) keep = Math.min(keep, this.product.startOffset - this.textStart);
    if (keep <= 0) return;
    this.positionAt(this.textStart + keep);
    this.text = this.text.slice(keep);
    this.textStart += keep;
  }

  /** Line and column of a global offset at or after the previous one asked for. */
  private positionAt(offset: number): { line: number; column: number } {
    const a = this.anchor;
    if (offset <= a.offset) return { line: a.line, column: a.column };
    const text = this.text;
    const end = Math.min(offset, this.textStart + text.length) - this.textStart;
    for (let i = a.offset - this.textStart; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) {
        if (!a.afterCR) { a.line++; a.column = 1; }
        a.afterCR = false;
      } else if (c === 0x0d) {
        a.line++; a.column = 1; a.afterCR = true;
      } else {
        a.column++; a.afterCR = false;
      }
    }
    a.offset = this.textStart + end;
    return { line: a.line, column: a.column };
  }

  // ---- problems ------------------------------------------------------------------------------

  private guard(fn: () => void): void {
    if (!this.stopped) fn();
  }

  private problem(code: XmlProblemCode, line: number, column: number, message: string): void {
    if (this.stopped) return;
    if (this.errors.length >= this.maxErrors) {
      this.addFatal('sc-too-many-errors', line, column, `more than ${this.maxErrors} problems: stopped reading`);
      return;
    }
    this.errors.push({ line, column, message, code });
  }

  private addFatal(code: XmlProblemCode, line: number, column: number, message: string): void {
    if (this.stopped) return;
    this.stopped = true;
    this.errors.push({ line, column, message, code });
  }

  /** Records a fatal problem and unwinds out of saxes immediately. */
  private fatal(code: XmlProblemCode, line: number, column: number, message: string): never {
    this.addFatal(code, line, column, message);
    throw new Stop(message);
  }

  // ---- elements ------------------------------------------------------------------------------

  private open(tag: SaxesTagNS): void {
    const pos = this.positionAt(this.tagStart);
    const parent = this.stack[this.stack.length - 1];
    const name = displayName(tag.uri, tag.local);
    const resolve: Resolve = (prefix) => {
      if (prefix === 'xml') return NS.xml;
      const uri = tag.ns[prefix] ?? this.parser.resolve(prefix);
      if (uri === undefined && prefix === '') return '';
      return uri;
    };
    const frame = (mode: Mode, def: ElementDef | undefined): Frame => ({
      mode, def, uri: tag.uri, local: tag.local, line: pos.line, column: pos.column,
      idx: 0, count: 0, text: '', reported: false, attributes: tag.attributes, selfClosing: tag.isSelfClosing,
    });

    if (!parent) {
      if (tag.uri === NS.product && tag.local === 'scproducten') {
        this.checkAttributes(tag, SCPRODUCTEN, name, pos, resolve);
        this.stack.push(frame('complex', SCPRODUCTEN));
      } else {
        this.problem('sc-root', pos.line, pos.column,
          `the root element must be overheidproduct:scproducten (namespace ${NS.product}), found ${name}`);
        this.stack.push(frame('skip', undefined));
      }
      return;
    }

    switch (parent.mode) {
      case 'skip':
        this.stack.push(frame('skip', undefined));
        return;
      case 'simple':
        if (!parent.reported) {
          parent.reported = true;
          this.problem('sc-markup-in-field', pos.line, pos.column,
            `${displayName(parent.uri, parent.local)} holds text only: element ${name} (markup) is not allowed inside it`);
        }
        this.stack.push(frame('skip', undefined));
        return;
      case 'xhtml-container':
      case 'xhtml':
        if (tag.uri !== NS.xhtml) {
          this.problem('sc-unexpected-element', pos.line, pos.column,
            `productHTML may only contain XHTML elements (namespace ${NS.xhtml}), found ${name}`);
          this.stack.push(frame('skip', undefined));
          return;
        }
        this.openXhtml(tag, parent.mode === 'xhtml-container');
        this.stack.push(frame('xhtml', undefined));
        return;
      case 'complex': {
        const particle = this.matchChild(parent, tag.uri, tag.local, name, pos);
        if (!particle) {
          this.stack.push(frame('skip', undefined));
          return;
        }
        const def = particle.def;
        this.checkAttributes(tag, def, name, pos, resolve);
        if (def.kind === 'simple') this.stack.push(frame('simple', def));
        else if (def.kind === 'complex') this.stack.push(frame('complex', def));
        else this.stack.push(frame('xhtml-container', def));
        this.startField(particle);
      }
    }
  }

  /** Matches a child against the parent's sequence; reports and returns undefined when it does not fit. */
  private matchChild(parent: Frame, uri: string, local: string, name: string, pos: { line: number; column: number }): Particle | undefined {
    if (parent.def?.kind !== 'complex') return undefined;
    const particles = parent.def.particles;
    const parentName = displayName(parent.uri, parent.local);
    const matches = (q: Particle): boolean => q.ns === uri && q.local === local;
    const current = particles[parent.idx];
    if (current && matches(current) && parent.count < current.max) {
      parent.count++;
      return current;
    }
    const missing: Particle[] = [];
    if (current && parent.count < current.min) missing.push(current);
    for (let j = parent.idx + 1; j < particles.length; j++) {
      const q = particles[j] as Particle;
      if (matches(q)) {
        for (const m of missing) {
          this.problem('sc-missing-element', pos.line, pos.column,
            `${parentName}: required element ${particleName(m)} is missing before ${name}`);
        }
        parent.idx = j;
        parent.count = 1;
        return q;
      }
      if (q.min > 0) missing.push(q);
    }
    let message: string;
    if (current && matches(current)) {
      message = `${parentName}: ${name} may occur at most ${current.max} time${current.max === 1 ? '' : 's'}`;
    } else if (particles.slice(0, parent.idx).some(matches)) {
      message = `${parentName}: ${name} is out of order; expected ${this.expected(parent)}`;
    } else {
      const sameLocal = particles.find((q) => q.local === local);
      const hint = sameLocal ? ` (did you mean ${particleName(sameLocal)} in namespace ${sameLocal.ns}?)` : '';
      message = `${parentName}: element ${name} is not allowed here${hint}; expected ${this.expected(parent)}`;
    }
    this.problem('sc-unexpected-element', pos.line, pos.column, message);
    return undefined;
  }

  private expected(frame: Frame): string {
    if (frame.def?.kind !== 'complex') return 'nothing';
    const names: string[] = [];
    const particles = frame.def.particles;
    for (let j = frame.idx; j < particles.length; j++) {
      const q = particles[j] as Particle;
      const used = j === frame.idx ? frame.count : 0;
      if (used < q.max) names.push(particleName(q));
      if (used < q.min) break;
    }
    return names.length > 0 ? names.join(' or ') : `the end of ${displayName(frame.uri, frame.local)}`;
  }

  private checkAttributes(tag: SaxesTagNS, def: ElementDef, name: string, pos: { line: number; column: number }, resolve: Resolve): void {
    const seen = new Set<string>();
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      if (a.uri === NS.xsi) {
        if (a.local === 'schemaLocation' || a.local === 'noNamespaceSchemaLocation') continue;
        this.problem('sc-attribute-not-allowed', pos.line, pos.column, `${name}: attribute xsi:${a.local} is not supported`);
        continue;
      }
      const spec = def.attrs.find((d) => d.ns === a.uri && d.local === a.local);
      const attrName = a.uri === NS.xml ? `xml:${a.local}` : a.name;
      if (!spec) {
        this.problem('sc-attribute-not-allowed', pos.line, pos.column, `${name}: attribute ${attrName} is not allowed`);
        continue;
      }
      seen.add(`${spec.ns} ${spec.local}`);
      const problem = spec.check(a.value, resolve);
      if (problem !== undefined) {
        this.problem('sc-attribute-value', pos.line, pos.column, `${name}: attribute ${attrName}: ${problem}`);
      }
    }
    for (const spec of def.attrs) {
      if (spec.required && !seen.has(`${spec.ns} ${spec.local}`)) {
        this.problem('sc-attribute-missing', pos.line, pos.column, `${name}: required attribute ${spec.local} is missing`);
      }
    }
  }

  private onText(t: string): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) return;
    switch (top.mode) {
      case 'simple':
        top.text += t;
        return;
      case 'complex':
        if (!top.reported && /[^ \t\r\n]/.test(t)) {
          top.reported = true;
          this.problem('sc-text-not-allowed', top.line, top.column,
            `${displayName(top.uri, top.local)} may only contain elements, not text ('${t.trim().slice(0, 40)}')`);
        }
        return;
      case 'xhtml-container':
      case 'xhtml':
        if (this.product && this.product.productHTML !== undefined) this.product.productHTML += escapeText(t);
        return;
      case 'skip':
        return;
    }
  }

  private close(tag: SaxesTagNS): void {
    const frame = this.stack.pop();
    if (!frame) return;
    if (frame.mode === 'simple' && frame.def?.kind === 'simple') {
      const problem = frame.def.value(frame.text, (prefix) => this.parser.resolve(prefix));
      if (problem !== undefined) {
        this.problem('sc-value', frame.line, frame.column, `${displayName(frame.uri, frame.local)}: ${problem}`);
      }
      this.endField(frame);
    } else if (frame.mode === 'complex' && frame.def?.kind === 'complex') {
      const rel = this.text.lastIndexOf('<', this.parser.position - this.textStart - 1);
      const pos = frame.selfClosing ? { line: frame.line, column: frame.column } : this.positionAt(this.textStart + Math.max(rel, 0));
      const particles = frame.def.particles;
      const name = displayName(frame.uri, frame.local);
      for (let j = frame.idx; j < particles.length; j++) {
        const q = particles[j] as Particle;
        const used = j === frame.idx ? frame.count : 0;
        if (used < q.min) {
          this.problem('sc-missing-element', pos.line, pos.column, `${name}: required element ${particleName(q)} is missing`);
        }
      }
      if (frame.uri === NS.product && frame.local === 'scproduct' && this.stack.length === 1) this.endProduct();
    } else if (frame.mode === 'xhtml' && this.product && this.product.productHTML !== undefined && !tag.isSelfClosing) {
      this.product.productHTML += `</${tag.local}>`;
      this.product.htmlDepth--;
    } else if (frame.mode === 'xhtml' && this.product && tag.isSelfClosing) {
      this.product.htmlDepth--;
    }
  }

  // ---- product model -------------------------------------------------------------------------

  private startField(particle: Particle): void {
    if (particle.ns === NS.product && particle.local === 'scproduct' && this.stack.length === 2) {
      this.product = {
        startOffset: this.tagStart, line: this.stack[1]?.line ?? 0,
        identifier: '', title: '', languages: [], type: '', modified: '', spatial: [], authorities: [],
        audience: [], subject: [], abstract: undefined, productID: undefined, onlineAanvragen: undefined,
        aanvraagURL: undefined, eenmaligAanmelden: undefined, contactpunt: undefined,
        uniformeProductnaam: [], gerelateerdProduct: [], productHTML: undefined, htmlDepth: 0,
      };
    } else if (this.product && particle.local === 'productHTML') {
      this.product.productHTML = '';
    }
  }

  private endField(frame: Frame): void {
    const d = this.product;
    if (!d) return;
    const value = frame.text;
    const attr = (local: string): string => collapse(frame.attributes[local]?.value ?? '');
    const ref = (): ScReference => ({ scheme: attr('scheme'), resourceIdentifier: attr('resourceIdentifier'), label: value.trim() });
    switch (frame.local) {
      case 'identifier': d.identifier = collapse(value); break;
      case 'title': d.title = value.trim(); break;
      case 'language': d.languages.push(collapse(value)); break;
      case 'type': d.type = value; break;
      case 'modified': d.modified = collapse(value); break;
      case 'spatial': d.spatial.push(ref()); break;
      case 'authority': d.authorities.push(ref()); break;
      case 'audience': d.audience.push(value.trim()); break;
      case 'subject': d.subject.push(value.trim()); break;
      case 'abstract': d.abstract = value.trim(); break;
      case 'productID': d.productID = value.trim(); break;
      case 'onlineAanvragen': d.onlineAanvragen = value; break;
      case 'aanvraagURL': d.aanvraagURL = attr('resourceIdentifier'); break;
      case 'eenmaligAanmelden': d.eenmaligAanmelden = value; break;
      case 'contactpunt': d.contactpunt = attr('resourceIdentifier'); break;
      case 'uniformeProductnaam': d.uniformeProductnaam.push(ref()); break;
      case 'gerelateerdProduct': d.gerelateerdProduct.push(ref()); break;
      default: break;
    }
  }

  private openXhtml(tag: SaxesTagNS, top: boolean): void {
    const d = this.product;
    if (!d || d.productHTML === undefined) return;
    let out = `<${tag.local}`;
    if (top) out += ` xmlns="${NS.xhtml}"`;
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      if (a.uri === '') out += ` ${a.local}="${escapeAttr(a.value)}"`;
      else if (a.uri === NS.xml) out += ` xml:${a.local}="${escapeAttr(a.value)}"`;
    }
    out += tag.isSelfClosing ? '/>' : '>';
    d.productHTML += out;
    d.htmlDepth++;
  }

  private endProduct(): void {
    const d = this.product;
    this.product = undefined;
    if (!d) return;
    const end = this.parser.position;
    const xml = this.text.slice(d.startOffset - this.textStart, end - this.textStart);
    const pick = <T extends string>(v: string | undefined, allowed: readonly T[]): T | undefined =>
      (allowed as readonly string[]).includes(v ?? '') ? (v as T) : undefined;
    const product: ScProduct = {
      identifier: d.identifier,
      title: d.title,
      language: d.languages[0] ?? '',
      languages: d.languages,
      type: d.type,
      modified: d.modified,
      spatial: d.spatial,
      authority: d.authorities[0],
      authorities: d.authorities,
      audience: d.audience,
      subject: d.subject,
      abstract: d.abstract,
      productID: d.productID,
      onlineAanvragen: pick(d.onlineAanvragen, ['ja', 'nee', 'digid'] as const),
      aanvraagURL: d.aanvraagURL,
      eenmaligAanmelden: pick(d.eenmaligAanmelden, ['ja', 'nee', 'digi-d'] as const),
      contactpunt: d.contactpunt,
      uniformeProductnaam: d.uniformeProductnaam,
      gerelateerdProduct: d.gerelateerdProduct,
      productHTML: d.productHTML,
      xml,
      line: d.line,
    };
    if (this.onProduct) this.onProduct(product);
    else this.products.push(product);
  }
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}
