import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdCounter, NumberList, TermCounter } from '../../src/report/counters.js';

describe('IdCounter', () => {
  it('counts, prunes and ranks pairs of numbers as TermCounter does their names', () => {
    const name = (a: number, b: number) => `w${a} w${b}`;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(40), fc.nat(3)), { maxLength: 400 }),
        fc.integer({ min: 4, max: 60 }),
        fc.integer({ min: 1, max: 15 }),
        (terms, maxKeys, n) => {
          const byName = new TermCounter(maxKeys);
          const byId = new IdCounter(maxKeys);
          for (const [a, b] of terms) {
            byName.add(name(a, b));
            byId.add(a, b);
          }
          expect(byId.size).toBe(byName.size);
          expect(byId.top(n, name)).toEqual(byName.top(n));
        },
      ),
      { numRuns: 500 },
    );
  });
});

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

describe('NumberList', () => {
  it('pushAll keeps what one push per value keeps: the values, and whole numbers in an Int32Array', () => {
    const value = fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.constantFrom(-0, 0.5, 2 ** 31, -(2 ** 31), 1e15));
    fc.assert(
      fc.property(fc.array(fc.array(value, { maxLength: 30 }), { maxLength: 6 }), (lists) => {
        const one = new NumberList();
        const all = new NumberList();
        for (const list of lists) {
          for (const v of list) one.push(v);
          all.pushAll(Float64Array.from(list));
        }
        expect(all.view().constructor).toBe(one.view().constructor);
        expect(Array.from(all.view())).toEqual(Array.from(one.view()));
        expect(Object.is(all.view()[0], one.view()[0])).toBe(true);
      }),
    );
  });
});
