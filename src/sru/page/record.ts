/**
 * What a result line of the search page shows, read from a record's originalData (the scproduct
 * as delivered, namespace-complete): title, bevoegd gezag, abstract, audiences, online aanvragen
 * and the aanvraag-URL. Read with an XML parser, never with patterns over the text.
 */
import { SaxesParser } from 'saxes';
import { DCT, OVERHEID, OVERHEIDPRODUCT } from '../../shared/rdf/vocab.js';

export interface ResultSummary {
  title: string;
  authority: string;
  abstract: string;
  audience: string[];
  online: string;
  /** Only http(s) URLs: anything else is not offered as a link. */
  aanvraagURL: string | null;
}

const KEYS: Record<string, keyof ResultSummary> = {
  [`${DCT.iri}title`]: 'title',
  [`${OVERHEID.iri}authority`]: 'authority',
  [`${DCT.iri}abstract`]: 'abstract',
  [`${DCT.iri}audience`]: 'audience',
  [`${OVERHEIDPRODUCT.iri}onlineAanvragen`]: 'online',
};
const AANVRAAG_URL = `${OVERHEIDPRODUCT.iri}aanvraagURL`;
const PRODUCT_HTML = `${OVERHEIDPRODUCT.iri}productHTML`;

function webUrl(s: string): string | null {
  try {
    const u = new URL(s.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : null;
  } catch {
    return null;
  }
}

export function summarise(originalData: string): ResultSummary {
  const out: ResultSummary = { title: '', authority: '', abstract: '', audience: [], online: '', aanvraagURL: null };
  const parser = new SaxesParser({ xmlns: true });
  let field: keyof ResultSummary | null = null;
  let text = '';
  let inHtml = 0;
  parser.on('opentag', (tag) => {
    const name = `${tag.uri}${tag.local}`;
    if (name === PRODUCT_HTML || inHtml) {
      inHtml++;
      return;
    }
    if (name === AANVRAAG_URL && out.aanvraagURL === null) out.aanvraagURL = webUrl(tag.attributes.resourceIdentifier?.value ?? '');
    field = KEYS[name] ?? null;
    text = '';
  });
  parser.on('text', (t) => {
    if (field && !inHtml) text += t;
  });
  parser.on('closetag', () => {
    if (inHtml) {
      inHtml--;
      return;
    }
    if (!field) return;
    const value = text.replace(/\s+/g, ' ').trim();
    if (field === 'audience') out.audience.push(value);
    else if (field !== 'aanvraagURL' && !out[field]) out[field] = value;
    field = null;
  });
  parser.write(originalData).close();
  return out;
}

/** At most `max` characters, cut at a word boundary, with an ellipsis when cut. */
export function snippet(text: string, max = 240): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
