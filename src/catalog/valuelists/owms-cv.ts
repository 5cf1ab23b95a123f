/**
 * OWMS controlled-vocabulary XML (standaarden.overheid.nl/owms/terms/{List}.xml):
 *   <cv name="overheid:Gemeente"><value><prefLabel/><resourceIdentifier/><startDate/>?<endDate/>?</value>...</cv>
 * Parsed streaming with saxes; DOCTYPE (and so any entity declaration) is refused.
 */
import { SaxesParser } from 'saxes';
import { ValueListError, ISO_DATE } from './errors.js';
import { chunks, type TextInput } from './input.js';
import { isValidIri } from '../../shared/rdf/encode.js';

export interface OwmsValue {
  uri: string;
  prefLabel: string;
  startDate?: string;
  endDate?: string;
  /** Line of the <value> element (for messages). */
  line: number;
}

export interface OwmsList {
  /** The cv's name attribute, e.g. 'overheid:Gemeente'. */
  name: string;
  values: OwmsValue[];
}

const FIELDS = new Set(['prefLabel', 'resourceIdentifier', 'startDate', 'endDate']);

export async function parseOwmsCv(input: TextInput, file: string): Promise<OwmsList> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const values: OwmsValue[] = [];
  let name = '';
  let depth = 0;
  let current: { fields: Record<string, string>; line: number } | undefined;
  let field: string | undefined;
  let text = '';
  let failure: ValueListError | undefined;
  // Well-formedness errors win over content errors found in the same chunk (saxes recovers from a
  // bad close tag by closing the open element first, which would otherwise be reported instead).
  let xmlError: ValueListError | undefined;
  const fail = (msg: string, line = parser.line): void => {
    failure ??= new ValueListError(file, line, msg);
  };

  parser.on('doctype', () => {
    xmlError ??= new ValueListError(file, parser.line, 'DOCTYPE declarations are refused');
  });
  parser.on('error', (e) => {
    const m = /^(\d+):\d+: (.*)$/s.exec(e.message);
    xmlError ??= new ValueListError(file, m ? Number(m[1]) : parser.line, m?.[2] ?? e.message);
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth === 1) {
      if (tag.name !== 'cv') fail(`root element must be <cv>, found <${tag.name}>`);
      name = String(tag.attributes['name'] ?? '');
    } else if (depth === 2) {
      if (tag.name !== 'value') fail(`unexpected <${tag.name}> in <cv>`);
      current = { fields: {}, line: parser.line };
    } else if (depth === 3) {
      if (!FIELDS.has(tag.name)) fail(`unexpected <${tag.name}> in <value>`);
      field = tag.name;
      text = '';
    } else fail(`unexpected nested <${tag.name}>`);
  });
  parser.on('text', (t) => {
    if (field) text += t;
  });
  parser.on('cdata', (t) => {
    if (field) text += t;
  });
  parser.on('closetag', () => {
    if (depth === 3 && current && field) {
      if (current.fields[field] !== undefined) fail(`<${field}> occurs twice`);
      current.fields[field] = text.trim();
      field = undefined;
    } else if (depth === 2 && current) {
      const f = current.fields;
      const line = current.line;
      const uri = f['resourceIdentifier'];
      const label = f['prefLabel'];
      if (!uri || !isValidIri(uri)) fail(`<value> without a valid resourceIdentifier`, line);
      else if (!label) fail(`<value> without prefLabel`, line);
      else {
        for (const d of ['startDate', 'endDate'] as const) {
          const v = f[d];
          if (v !== undefined && !ISO_DATE.test(v)) fail(`${d} is not a date (YYYY-MM-DD): ${JSON.stringify(v)}`, line);
        }
        values.push({
          uri,
          prefLabel: label,
          line,
          ...(f['startDate'] ? { startDate: f['startDate'] } : {}),
          ...(f['endDate'] ? { endDate: f['endDate'] } : {}),
        });
      }
      current = undefined;
    }
    depth--;
  });

  for await (const c of chunks(input)) {
    parser.write(c);
    if (xmlError ?? failure) throw xmlError ?? failure;
  }
  parser.close();
  if (xmlError ?? failure) throw xmlError ?? failure;
  if (!name) throw new ValueListError(file, undefined, 'no <cv name="..."> root element');
  return { name, values };
}
