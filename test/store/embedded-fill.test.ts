/**
 * The graph replacements of one transaction are loaded in a single bulk load: each graph still ends
 * up exactly with its own new content (duplicates dropped, the quads' own graph terms ignored), the
 * exact quad count follows, a restart replays the same, and a failed journal append undoes all of
 * them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../src/shared/store/embedded/embedded-store.js';
import { literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import type { GraphReplacement } from '../../src/shared/store/port.js';
import { tempDir } from '../support/tmp.js';

const ex = (s: string) => namedNode(`http://test.example/${s}`);
const open = (dir: string) => EmbeddedStore.open({ dir, genidBase: 'http://test.example/.well-known/genid/', locksGraph: ex('graph/locks') });
const sorted = (s: EmbeddedStore) => s.ox.dump({ format: 'application/n-quads' }).split('\n').filter(Boolean).sort();

/** `n` graphs g0..g{n-1}; graph i holds i % 5 + 1 quads, each given twice, and one quad naming another graph. */
function replacements(n: number, tag: string): GraphReplacement[] {
  return Array.from({ length: n }, (_, i) => {
    const qs = Array.from({ length: (i % 5) + 1 }, (_, k) => quad(ex(`s${i}`), ex(`p${k}`), literal(`${tag} ${i} ${k}`), ex(`g${i}`)));
    return { graph: ex(`g${i}`), quads: [...qs, ...qs, quad(ex(`s${i}`), ex('elsewhere'), literal(tag), ex('other'))] };
  });
}

/** What each graph must hold: its quads (once), the stray one moved into it. */
function expected(n: number, tag: string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < (i % 5) + 1; k++) lines.push(`<http://test.example/s${i}> <http://test.example/p${k}> "${tag} ${i} ${k}" <http://test.example/g${i}> .`);
    lines.push(`<http://test.example/s${i}> <http://test.example/elsewhere> "${tag}" <http://test.example/g${i}> .`);
  }
  return lines.sort();
}

describe('embedded store: many graph replacements in one transaction', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.remove());

  it('fills every graph with exactly its own content, counts exactly, and replays the same after a restart', async () => {
    const s = await open(tmp.dir);
    await s.transact({ replaceGraphs: replacements(500, 'one') });
    expect(sorted(s)).toEqual(expected(500, 'one'));
    expect(await s.count()).toBe(expected(500, 'one').length);
    // Replaced again with other content, some graphs emptied, in the same transaction as an insert.
    const again = replacements(300, 'two');
    again.push({ graph: ex('g400'), quads: [] });
    await s.transact({ replaceGraphs: again, insert: [quad(ex('x'), ex('p'), literal('x'), ex('extra'))] });
    const want = [
      ...expected(300, 'two'),
      ...expected(500, 'one').filter((l) => Number(/g(\d+)> \.$/.exec(l)![1]) >= 300 && !l.endsWith('<http://test.example/g400> .')),
      '<http://test.example/x> <http://test.example/p> "x" <http://test.example/extra> .',
    ].sort();
    expect(sorted(s)).toEqual(want);
    expect(await s.count()).toBe(want.length);
    await s.close({ snapshot: false });
    const r = await open(tmp.dir);
    expect(sorted(r)).toEqual(want);
    await r.close();
  });

  it('undoes all of them when the journal append fails', async () => {
    const s = await open(tmp.dir);
    await s.transact({ replaceGraphs: replacements(50, 'old') });
    const before = sorted(s);
    const count = await s.count();
    const generation = s.commitSequence();
    const journal = (s as unknown as { journal: { append: (b: Buffer) => Promise<void> } }).journal;
    journal.append = () => Promise.reject(new Error('disk full'));
    await expect(s.transact({ replaceGraphs: replacements(200, 'new') })).rejects.toThrow(/disk full/);
    expect(sorted(s)).toEqual(before);
    expect(await s.count()).toBe(count);
    // what queries saw changed twice (applied, then undone): the commit sequence is not reused, so an
    // answer remembered while the write was applied is never taken for the state after the undo
    expect(s.commitSequence()).toBe(generation + 2);
    await s.close({ snapshot: false }).catch(() => undefined);
  });
});
