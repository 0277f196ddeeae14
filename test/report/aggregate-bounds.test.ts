import { describe, expect, it } from 'vitest';
import { createAggregator } from '../../src/report/aggregate.js';
import type { ClassifiedTweet } from '../../src/report/types.js';
import { classified, filler, resetIds, times } from './fixtures.js';

/** Months given as bounds (when the months are not known before reading) detail what a list would. */
function tweets(): ClassifiedTweet[] {
  resetIds();
  return [
    ...times(6, (i) => ({ month: '2024-01', day: i + 1, text: filler(i), label: 'conversation/reply', isReply: true })),
    ...times(4, (i) => ({ month: '2024-02', day: i + 1, text: filler(i + 10), label: 'promotion/self' })),
    ...times(5, (i) => ({ month: '2024-04', day: i + 1, text: filler(i + 20), label: 'personal/life' })),
    classified({ month: '2023-12', text: 'before the bounds' }),
  ];
}

function run(detailMonths: string[] | { from?: string; to?: string }) {
  const aggregator = createAggregator({ detailMonths, config: {}, timeZone: 'UTC' });
  for (const tweet of tweets()) aggregator.add(tweet);
  return aggregator.finish();
}

describe('detail bounds', () => {
  it('give the same report as the explicit list of months, empty months between included', () => {
    const listed = run(['2024-01', '2024-02', '2024-03', '2024-04']);
    const bounded = run({ from: '2024-01' });
    expect(bounded.months.map((m) => m.month)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(bounded).toEqual(listed);
  });

  it('open on both ends detail every month from the first tweet to the last', () => {
    expect(run({}).months.map((m) => m.month)).toEqual(['2023-12', '2024-01', '2024-02', '2024-03', '2024-04']);
  });

  it('keep months outside the bounds to counters only', () => {
    const report = run({ to: '2024-01' });
    expect(report.months.map((m) => m.month)).toEqual(['2023-12', '2024-01']);
    expect(report.trend.find((p) => p.month === '2024-04')?.total).toBe(5);
  });
});
