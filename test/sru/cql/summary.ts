/** A compact, readable rendering of a CQL AST for table tests. */
import type { CqlNode, CqlQuery, Modifier, Term } from '../../../src/sru/cql/index.js';

const mods = (ms: readonly Modifier[]): string =>
  ms.map((m) => `/${m.name}${m.comparison !== undefined ? `${m.comparison}${m.value}` : ''}`).join('');

export function termSummary(t: Term): string {
  const parts = t.parts.map((p) => (p.kind === 'text' ? JSON.stringify(p.value) : p.kind === 'anyChars' ? '*' : p.kind === 'oneChar' ? '?' : '^'));
  return `${t.quoted ? 'Q' : ''}${parts.join('') || '""'}${t.needlessEscapes.length > 0 ? `!${t.needlessEscapes.length}` : ''}`;
}

export function nodeSummary(n: CqlNode): string {
  switch (n.type) {
    case 'searchClause': {
      const inner = n.index === null ? termSummary(n.term) : `${n.index} ${n.relation?.base}${mods(n.relation?.modifiers ?? [])} ${termSummary(n.term)}`;
      return n.parenthesised ? `([${inner}])` : `[${inner}]`;
    }
    case 'boolean': {
      const inner = `${nodeSummary(n.left)} ${n.operator}${mods(n.modifiers)} ${nodeSummary(n.right)}`;
      return n.parenthesised ? `({${inner}})` : `{${inner}}`;
    }
    case 'prefix':
      return `>${n.prefix === null ? '' : `${n.prefix}=`}<${n.uri}> ${nodeSummary(n.query)}`;
  }
}

export function summary(q: CqlQuery): string {
  const sort = q.sortKeys.map((k) => `${k.index}${mods(k.modifiers)}`).join(' ');
  return sort ? `${nodeSummary(q.root)} sortby ${sort}` : nodeSummary(q.root);
}

/** The AST without positions and raw text, for structural comparison. */
export function stripPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripPositions);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'start' || k === 'end' || k === 'raw' || k === 'indexSpan' || v === undefined) continue;
      out[k] = stripPositions(v);
    }
    return out;
  }
  return value;
}
