/** Answers remembered until the store changes. */
import type { TripleStore } from './port.js';

/**
 * A memo of answers kept while the store's commit sequence is unchanged (the embedded store's,
 * which changes with every applied write and every undo): repeated reads then cost no query. A
 * store without a commit sequence (remote) is asked every time. An answer computed while the store
 * changed is not kept. At most `max` answers are kept.
 */
export function memoBySequence<K, V>(store: Pick<TripleStore, 'commitSequence'>, max = 256): (key: K, compute: () => Promise<V>) => Promise<V> {
  let seq: number | undefined;
  const memo = new Map<K, V>();
  return async (key, compute) => {
    const before = store.commitSequence?.();
    if (before === undefined) return compute();
    if (before !== seq) {
      memo.clear();
      seq = before;
    }
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const value = await compute();
    if (store.commitSequence?.() === before) {
      if (memo.size >= max) memo.clear();
      memo.set(key, value);
    }
    return value;
  };
}
