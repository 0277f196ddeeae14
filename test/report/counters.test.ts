import { describe, expect, it } from 'vitest';
import { TermCounter } from '../../src/report/counters.js';

describe('TermCounter', () => {
  it('lists the most frequent terms, ties in code-unit order, whatever the arrival order', () => {
    const counter = new TermCounter();
    for (const term of ['b', 'a', 'c', 'b', 'a', 'd', 'B']) counter.add(term);
    expect(counter.top(3)).toEqual([
      { term: 'a', count: 2 },
      { term: 'b', count: 2 },
      { term: 'B', count: 1 },
    ]);
  });

  it('drops the rarest terms past its ceiling', () => {
    const counter = new TermCounter(4);
    for (const term of ['a', 'a', 'b', 'c', 'd']) counter.add(term);
    expect(counter.size).toBe(4);
    counter.add('e');
    // Five keys > 4: the ones counted once go until at most three are left.
    expect([...counter.keys()]).toEqual(['a']);
  });
});
