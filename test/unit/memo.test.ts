import { describe, expect, it } from 'vitest';
import { memoBySequence } from '../../src/shared/store/memo.js';

describe('memoBySequence: answers remembered between commits', () => {
  it('computes once per commit sequence, never keeps an answer computed across a commit, and always asks a store without a sequence', async () => {
    let seq = 1;
    let computed = 0;
    const memo = memoBySequence<number, string>({ commitSequence: () => seq });
    const answer = () => Promise.resolve(`answer ${++computed}`);
    expect(await memo(1, answer)).toBe('answer 1');
    expect(await memo(1, answer)).toBe('answer 1');
    seq = 2; // a commit
    expect(await memo(1, answer)).toBe('answer 2');
    const during = () => {
      seq = 3; // a commit while the answer is computed
      return answer();
    };
    expect(await memo(2, during)).toBe('answer 3');
    expect(await memo(2, answer)).toBe('answer 4');
    expect(await memo(2, answer)).toBe('answer 4');
    const remote = memoBySequence<number, string>({});
    await remote(1, answer);
    await remote(1, answer);
    expect(computed).toBe(6);
  });
});
