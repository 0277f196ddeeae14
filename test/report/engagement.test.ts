import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { round } from '../../src/report/counters.js';
import { aggregate, resetIds, times } from './fixtures.js';

/** Mean and median as the report defines them: over the values sorted ascending. */
function reference(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return { mean: round(mean, 2), median: round(median, 2) };
}

describe('engagement', () => {
  it('gives the mean and median of like counts, whole or not, in any order', () => {
    const count = fc.oneof(fc.nat(50), fc.nat(5_000_000), fc.double({ min: 0, max: 100, noNaN: true }));
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 60 }), (likes) => {
        resetIds();
        const tweets = times(likes.length, (i) => ({
          month: '2024-05',
          day: 1 + (i % 28),
          label: 'personal/life',
          text: `note ${i}`,
          likeCount: likes[i] as number,
        }));
        const month = aggregate(tweets, { detailMonths: ['2024-05'] }).months[0];
        expect(month?.engagement?.personal.likes).toEqual(reference(likes));
      }),
      { numRuns: 300 },
    );
  });
});
