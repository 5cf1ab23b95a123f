/**
 * Prints a CQL AST back to a query string that parses (./parse.ts) to the same tree, spans and
 * raw text aside. Terms stay unquoted when they were unquoted and can be written so; indexes,
 * prefixes and modifier names are quoted only when they must be. Escapes that were not needed
 * (`\a`) are not reproduced: the plain character is printed.
 */
import type { CqlNode, CqlQuery, Modifier, Relation, Term, TermPart } from './ast.js';
import { NAMED_RELATION, RESERVED } from './parse.js';

const UNSAFE = /[\s()=<>"/\\]/u;

function isSafeWord(s: string): boolean {
  return s !== '' && !UNSAFE.test(s) && !RESERVED.has(s.toLowerCase());
}

/** A name (index, prefix, URI, modifier): a bare word when possible, else a quoted string. */
function printName(s: string): string {
  return isSafeWord(s) ? s : `"${s.replace(/[\\"]/g, '\\$&')}"`;
}

function partsText(parts: readonly TermPart[], escape: RegExp): string {
  return parts
    .map((p) => {
      switch (p.kind) {
        case 'text': return p.value.replace(escape, '\\$&');
        case 'anyChars': return '*';
        case 'oneChar': return '?';
        case 'anchor': return '^';
      }
    })
    .join('');
}

function printTerm(term: Term, bare: boolean): string {
  if (!term.quoted) {
    const text = partsText(term.parts, /[*?^\\"]/g);
    const words = text.split(' ');
    const unquotable =
      words.every((w) => isSafeWord(w.replace(/\\[*?^\\"]/g, 'x'))) &&
      !(bare && words.length > 2 && NAMED_RELATION.test(words[1] as string));
    if (unquotable) return text;
  }
  return `"${partsText(term.parts, /[*?^\\"]/g)}"`;
}

function printModifiers(mods: readonly Modifier[]): string {
  return mods.map((m) => `/${printName(m.name)}${m.comparison !== undefined ? `${m.comparison}${printName(m.value ?? '')}` : ''}`).join('');
}

function printRelation(r: Relation): string {
  return `${r.base}${printModifiers(r.modifiers)}`;
}

function wrap(s: string, yes: boolean): string {
  return yes ? `(${s})` : s;
}

function printNode(node: CqlNode, position: 'root' | 'left' | 'right'): string {
  switch (node.type) {
    case 'prefix': {
      const head = node.prefix === null ? '>' : `> ${printName(node.prefix)} =`;
      return wrap(`${head} "${node.uri.replace(/[\\"]/g, '\\$&')}" ${printNode(node.query, 'root')}`, position !== 'root');
    }
    case 'boolean': {
      const text = `${printNode(node.left, 'left')} ${node.operator}${printModifiers(node.modifiers)} ${printNode(node.right, 'right')}`;
      return wrap(text, node.parenthesised || position === 'right');
    }
    case 'searchClause': {
      const text = node.index === null || node.relation === null
        ? printTerm(node.term, true)
        : `${printName(node.index)} ${printRelation(node.relation)} ${printTerm(node.term, false)}`;
      return wrap(text, node.parenthesised);
    }
  }
}

export function printCql(q: CqlQuery): string {
  const sort = q.sortKeys.map((k) => `${printName(k.index)}${printModifiers(k.modifiers)}`).join(' ');
  return sort === '' ? printNode(q.root, 'root') : `${printNode(q.root, 'root')} sortby ${sort}`;
}
