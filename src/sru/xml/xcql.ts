/**
 * XCQL (http://www.loc.gov/zing/cql/xcql/): the parsed query as XML, for the `xQuery` element of
 * an echoed searchRetrieve request. Elements carry the `xcql:` prefix; the caller declares it.
 */
import type { CqlNode, Modifier, Term } from '../cql/ast.js';
import { el, fragments, type TrustedXml } from './builder.js';

/** The CQL index a bare term searches. */
const SERVER_CHOICE = 'cql.serverChoice';

function modifiers(mods: readonly Modifier[]): TrustedXml | false {
  return mods.length > 0 && el('xcql:modifiers', null, mods.map((m) => el('xcql:modifier', null,
    el('xcql:type', null, m.name),
    m.comparison !== undefined && [el('xcql:comparison', null, m.comparison), el('xcql:value', null, m.value ?? '')],
  )));
}

/** The term as CQL text without quotes: masking characters as written, literal ones escaped. */
function termText(term: Term): string {
  return term.parts.map((p) => {
    switch (p.kind) {
      case 'text': return p.value.replace(/[*?^\\]/g, '\\$&');
      case 'anyChars': return '*';
      case 'oneChar': return '?';
      case 'anchor': return '^';
    }
  }).join('');
}

function body(node: CqlNode): TrustedXml {
  switch (node.type) {
    case 'searchClause':
      return el('xcql:searchClause', null,
        el('xcql:index', null, node.index ?? SERVER_CHOICE),
        el('xcql:relation', null, el('xcql:value', null, node.relation?.base ?? '='), modifiers(node.relation?.modifiers ?? [])),
        el('xcql:term', null, termText(node.term)),
      );
    case 'boolean':
      return el('xcql:triple', null,
        el('xcql:boolean', null, el('xcql:value', null, node.operator), modifiers(node.modifiers)),
        el('xcql:leftOperand', null, xcqlOperand(node.left)),
        el('xcql:rightOperand', null, xcqlOperand(node.right)),
      );
    case 'prefix':
      return xcqlOperand(node);
  }
}

/** The content of an operand: optional prefixes, then a triple or a searchClause. */
export function xcqlOperand(node: CqlNode): TrustedXml {
  const prefixes: TrustedXml[] = [];
  let current = node;
  while (current.type === 'prefix') {
    prefixes.push(el('xcql:prefix', null, el('xcql:name', null, current.prefix ?? ''), el('xcql:identifier', null, current.uri)));
    current = current.query;
  }
  return fragments(prefixes.length > 0 && el('xcql:prefixes', null, prefixes), body(current));
}
