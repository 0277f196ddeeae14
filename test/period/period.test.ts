import { describe, expect, it } from 'vitest';
import { monthsBetween, nextMonth, previousMonth, resolvePeriod, validatePeriodOptions } from '../../src/period.js';
import { TweetAuditError } from '../../src/errors.js';

describe('months', () => {
  it('steps across years', () => {
    expect(nextMonth('2024-12')).toBe('2025-01');
    expect(previousMonth('2025-01')).toBe('2024-12');
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });

  it('steps past year 9999 without looping ("10000-01" sorts before "9999-12" as text)', () => {
    expect(nextMonth('9999-12')).toBe('10000-01');
    expect(monthsBetween('9999-11', '10000-01')).toEqual(['9999-11', '9999-12', '10000-01']);
    expect(monthsBetween('9999-12', '9999-11')).toEqual([]);
  });
});

describe('validatePeriodOptions', () => {
  it.each([
    [{ month: '2024-13' }, /--month "2024-13" is not a month/],
    [{ month: '24-05' }, /YYYY-MM/],
    [{ from: '2024-05', to: '2024-01' }, /after --to/],
    [{ month: '2024-05', all: true }, /choose one/],
    [{ month: '9999-12' }, /--month 9999-12 is more than 12 months ahead of today/],
    [{ to: '9999-12' }, /--to 9999-12 is more than 12 months ahead/],
    [{ from: '2006-02' }, /--from 2006-02 is before 2006-03/],
  ])('rejects %o', (options, message) => {
    expect(() => validatePeriodOptions(options)).toThrow(TweetAuditError);
    expect(() => validatePeriodOptions(options)).toThrow(message);
  });
});

describe("resolvePeriod: the post's minimum of twenty tweets", () => {
  it('keeps the last complete month when it holds 20 tweets', () => {
    const counts = new Map([
      ['2024-05', 30],
      ['2024-06', 20],
      ['2024-07', 3],
    ]);
    expect(resolvePeriod({}, counts)).toEqual({ from: '2024-06', to: '2024-06', chosenBy: 'default', complete: true });
  });

  it('widens the default back month by month, across empty months, until it holds 20', () => {
    const counts = new Map([
      ['2024-02', 50],
      ['2024-03', 8],
      ['2024-05', 7],
      ['2024-06', 4],
      ['2024-07', 40],
    ]);
    expect(resolvePeriod({}, counts)).toEqual({
      // 4 + 7 + 0 + 8 = 19 is still short of 20: February comes in too.
      from: '2024-02',
      to: '2024-06',
      chosenBy: 'default',
      complete: true,
      widened: { from: '2024-06', tweets: 69 },
    });
  });

  it("stops at the archive's first month when the whole archive holds fewer", () => {
    const counts = new Map([
      ['2024-04', 2],
      ['2024-06', 3],
      ['2024-07', 1],
    ]);
    expect(resolvePeriod({}, counts)).toEqual({
      from: '2024-04',
      to: '2024-06',
      chosenBy: 'default',
      complete: true,
      widened: { from: '2024-06', tweets: 5 },
    });
  });

  it('never widens a period the user asked for', () => {
    const counts = new Map([
      ['2024-05', 30],
      ['2024-06', 2],
      ['2024-07', 3],
    ]);
    expect(resolvePeriod({ month: '2024-06' }, counts)).toEqual({ from: '2024-06', to: '2024-06', chosenBy: 'month' });
    expect(resolvePeriod({ from: '2024-06', to: '2024-06' }, counts)).toEqual({
      from: '2024-06',
      to: '2024-06',
      chosenBy: 'range',
    });
  });
});

describe('resolvePeriod', () => {
  const months = ['2024-03', '2024-04', '2024-06', '2024-07'];

  it('defaults to the last month the archive covers completely', () => {
    expect(resolvePeriod({}, months)).toEqual({ from: '2024-06', to: '2024-06', chosenBy: 'default', complete: true });
  });

  it('counts a month as complete when the export was made after it', () => {
    expect(resolvePeriod({}, months, '2024-08').from).toBe('2024-07');
  });

  it('skips back over months without tweets', () => {
    expect(resolvePeriod({}, ['2024-03', '2024-04', '2024-06'], '2024-06').from).toBe('2024-04');
  });

  it('falls back to the only month of a one-month archive', () => {
    expect(resolvePeriod({}, ['2024-03'])).toMatchObject({ from: '2024-03', to: '2024-03', complete: false });
  });

  it('honours --month, --from/--to and --all', () => {
    expect(resolvePeriod({ month: '2020-01' }, months)).toMatchObject({
      from: '2020-01',
      to: '2020-01',
      chosenBy: 'month',
    });
    expect(resolvePeriod({ from: '2024-04' }, months)).toMatchObject({ from: '2024-04', to: '2024-07' });
    expect(resolvePeriod({ to: '2024-04' }, months)).toMatchObject({ from: '2024-03', to: '2024-04' });
    expect(resolvePeriod({ all: true }, months)).toMatchObject({ from: '2024-03', to: '2024-07', chosenBy: 'all' });
  });

  it('never turns an open range backwards', () => {
    expect(resolvePeriod({ from: '2025-01' }, months)).toMatchObject({ from: '2025-01', to: '2025-01' });
    expect(resolvePeriod({ to: '2001-01' }, months)).toMatchObject({ from: '2001-01', to: '2001-01' });
    expect(resolvePeriod({ from: '2030-01' }, [])).toMatchObject({ from: '2030-01', to: '2030-01' });
  });

  it('says so when there is nothing to report on, naming the archive', () => {
    expect(() => resolvePeriod({}, [])).toThrow(/no tweets/);
    expect(() => resolvePeriod({}, [], undefined, '/a/x.zip')).toThrow('/a/x.zip: has no tweets to report on');
  });

  it('refuses a period more than a year past the archive', () => {
    expect(() => resolvePeriod({ month: '2025-08' }, months)).toThrow(
      /--month 2025-08 is more than 12 months after the archive's last month, 2024-07/,
    );
    expect(() => resolvePeriod({ to: '9999-12' }, months)).toThrow(TweetAuditError);
    expect(resolvePeriod({ month: '2025-07' }, months)).toMatchObject({ from: '2025-07' });
  });
});
