/**
 * Text out of stored XML, with a real XML parser (saxes): the labels of the references in an
 * scproduct as delivered, and the character data of productHTML.
 */
import { SaxesParser } from 'saxes';

/** Local name of a qualified name as written (`dcterms:spatial` -> `spatial`). */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Element local names whose text is a value-list label (scproduct, owmskern and scmeta). */
const LABELLED = new Set(['authority', 'spatial', 'uniformeProductnaam', 'gerelateerdProduct']);

export type ScLabels = Record<'authority' | 'spatial' | 'uniformeProductnaam' | 'gerelateerdProduct', string[]>;

/** The labels of authority, spatial and UPL references in a stored scproduct element. */
export function scLabels(xml: string): ScLabels {
  const out: ScLabels = { authority: [], spatial: [], uniformeProductnaam: [], gerelateerdProduct: [] };
  const parser = new SaxesParser({ xmlns: false, position: false });
  const stack: { name: string; text: string }[] = [];
  parser.on('opentag', (t) => stack.push({ name: local(t.name), text: '' }));
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('cdata', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    const el = stack.pop();
    // Only the metadata elements directly under owmskern / scmeta are references.
    const parent = stack[stack.length - 1]?.name;
    if (el && LABELLED.has(el.name) && (parent === 'owmskern' || parent === 'scmeta')) {
      const label = el.text.trim();
      if (label) out[el.name as keyof ScLabels].push(label);
    }
  });
  try {
    parser.write(xml).close();
  } catch {
    /* stored XML was checked on import; a broken one just yields fewer labels */
  }
  return out;
}

/** The character data of an XHTML fragment (elements separated by a space, so words do not merge). */
export function htmlText(fragment: string): string {
  const parts: string[] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('text', (t) => parts.push(t));
  parser.on('cdata', (t) => parts.push(t));
  parser.on('opentag', () => parts.push(' '));
  parser.on('closetag', () => parts.push(' '));
  try {
    parser.write(`<r>${fragment}</r>`).close();
  } catch {
    return fragment; // checked on import; never happens for stored products
  }
  return parts.join('');
}
