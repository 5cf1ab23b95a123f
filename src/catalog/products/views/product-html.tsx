/** @jsxImportSource hono/jsx */
/**
 * productHTML, shown safely. The catalogue delivers it as XHTML written by others, so it is never
 * put into the page as markup. It is parsed as XML and rebuilt as JSX from an allow-list of
 * structural elements (paragraphs, lists, headings, emphasis, tables, links to http(s)/mailto);
 * attributes other than a checked link target are dropped, script-like elements are dropped with
 * their content, any other element is replaced by its content. Hono escapes every text, so nothing
 * the catalogue writes can become markup, script or RDFa on our page. When the value is not
 * well-formed it is shown as plain text.
 */
import type { Child } from 'hono/jsx';
import { SaxesParser } from 'saxes';

type Node = string | { tag: Allowed; href?: string; children: Node[] };

type Allowed = 'p' | 'br' | 'ul' | 'ol' | 'li' | 'strong' | 'em' | 'h3' | 'h4' | 'h5' | 'a' | 'table' | 'thead' | 'tbody' | 'tr' | 'th' | 'td' | 'dl' | 'dt' | 'dd' | 'blockquote' | 'pre' | 'code';

const MAP: Record<string, Allowed> = {
  p: 'p', br: 'br', ul: 'ul', ol: 'ol', li: 'li', strong: 'strong', b: 'strong', em: 'em', i: 'em',
  // Headings sit below the page's own h1/h2.
  h1: 'h3', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h5', h6: 'h5',
  a: 'a', table: 'table', thead: 'thead', tbody: 'tbody', tr: 'tr', th: 'th', td: 'td', dl: 'dl', dt: 'dt', dd: 'dd',
  blockquote: 'blockquote', pre: 'pre', code: 'code',
};
/** Elements dropped together with everything inside them. */
const DROP = new Set(['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'select', 'textarea', 'template', 'svg', 'math', 'noscript', 'head', 'title', 'link', 'meta', 'base']);
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;
const MAX_DEPTH = 40;

/** The allowed structure of an XHTML fragment, or null when it is not well-formed XML. */
export function sanitiseXhtml(xhtml: string): Node[] | null {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let dropDepth = 0;
  let failed = false;
  const parser = new SaxesParser({ xmlns: true, fragment: true });
  parser.on('error', () => {
    failed = true;
  });
  parser.on('doctype', () => {
    failed = true;
  });
  parser.on('opentag', (tag) => {
    const local = tag.local.toLowerCase();
    const top = stack[stack.length - 1]!;
    if (dropDepth > 0 || DROP.has(local)) {
      dropDepth++;
      return;
    }
    const mapped = MAP[local];
    const href = local === 'a' ? (Object.values(tag.attributes).find((a) => a.local === 'href' && a.uri === '')?.value.trim() ?? '') : '';
    if (!mapped || stack.length > MAX_DEPTH || (mapped === 'a' && !SAFE_HREF.test(href))) {
      stack.push(top); // unwrap: its children go to the parent
      return;
    }
    const node: Node = { tag: mapped, ...(mapped === 'a' ? { href } : {}), children: [] };
    top.push(node);
    stack.push(node.children);
  });
  parser.on('closetag', () => {
    if (dropDepth > 0) {
      dropDepth--;
      return;
    }
    stack.pop();
  });
  parser.on('text', (t) => {
    if (dropDepth === 0) stack[stack.length - 1]!.push(t);
  });
  parser.on('cdata', (t) => {
    if (dropDepth === 0) stack[stack.length - 1]!.push(t);
  });
  try {
    parser.write(xhtml).close();
  } catch {
    failed = true;
  }
  return failed ? null : root;
}

function render(nodes: readonly Node[]): Child[] {
  return nodes.map((n) => {
    if (typeof n === 'string') return n;
    const Tag = n.tag;
    if (Tag === 'br') return <br />;
    if (Tag === 'a') return <a href={n.href}>{render(n.children)}</a>;
    return <Tag>{render(n.children)}</Tag>;
  });
}

/** The product description as safe structured text (or plain text when it is not well-formed). */
export function ProductHtml({ xhtml }: { xhtml: string }) {
  const nodes = sanitiseXhtml(xhtml);
  if (nodes === null) return <pre class="product-html-text">{xhtml}</pre>;
  return <>{render(nodes)}</>;
}
