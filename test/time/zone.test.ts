import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createZone, isValidTimeZone, localTimeOf, partsOfLocalTime } from '../../src/time/zone.js';
import { TweetAuditError } from '../../src/errors.js';

describe('createZone', () => {
  it('cuts months in the local zone, not in UTC', () => {
    const madrid = createZone('Europe/Madrid');
    // 23:30 UTC on 31 May is 01:30 on 1 June in Madrid (UTC+2 in summer).
    const instant = Date.UTC(2024, 4, 31, 23, 30);
    expect(madrid.monthKey(instant)).toBe('2024-06');
    expect(createZone('UTC').monthKey(instant)).toBe('2024-05');
    expect(madrid.parts(instant)).toMatchObject({ year: 2024, month: 6, day: 1, hour: 1, weekday: 6 });
  });

  it('follows daylight saving changes', () => {
    const ny = createZone('America/New_York');
    expect(ny.parts(Date.UTC(2024, 0, 15, 12)).hour).toBe(7); // EST, UTC-5
    expect(ny.parts(Date.UTC(2024, 6, 15, 12)).hour).toBe(8); // EDT, UTC-4
  });

  it('handles zones with quarter-hour offsets', () => {
    const kathmandu = createZone('Asia/Kathmandu'); // UTC+5:45
    expect(kathmandu.parts(Date.UTC(2024, 0, 31, 18, 14)).day).toBe(31);
    expect(kathmandu.parts(Date.UTC(2024, 0, 31, 18, 15)).month).toBe(2);
    expect(kathmandu.localTime(Date.UTC(2024, 0, 31, 18, 14))).toBe('2024-01-31 23:59');
    expect(createZone('America/New_York').localTime(Date.UTC(2024, 6, 15, 12, 5))).toBe('2024-07-15 08:05');
  });

  it("rejects names that are not IANA zones with the tool's own error", () => {
    expect(isValidTimeZone('Madrid')).toBe(false);
    expect(() => createZone('Madrid')).toThrow(TweetAuditError);
    expect(() => createZone('Madrid')).toThrow(/IANA/);
  });
});

describe('the offset cache', () => {
  it('agrees with Intl on every hour across daylight-saving changes', () => {
    for (const name of [
      'Europe/Madrid',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'America/Santiago',
    ]) {
      const zone = createZone(name);
      const format = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
      });
      // Every 53 minutes through a year lands at many minutes past the hour around each change.
      for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 53 * 60_000) {
        const f = Object.fromEntries(format.formatToParts(t).map((p) => [p.type, p.value]));
        const p = zone.parts(t);
        expect([p.year, p.month, p.day, p.hour], `${name} at ${new Date(t).toISOString()}`).toEqual([
          +f.year!,
          +f.month!,
          +f.day!,
          +f.hour!,
        ]);
      }
    }
  });

  it('is exact inside an hour that changes on the half hour', () => {
    const zone = createZone('Australia/Lord_Howe'); // +11 in summer, +10:30 in winter
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Australia/Lord_Howe',
      hourCycle: 'h23',
      hour: 'numeric',
      minute: 'numeric',
    });
    for (let t = Date.UTC(2024, 3, 6, 13); t < Date.UTC(2024, 3, 6, 17); t += 60_000) {
      const f = Object.fromEntries(format.formatToParts(t).map((p) => [p.type, p.value]));
      expect(zone.parts(t).hour, new Date(t).toISOString()).toBe(+f.hour!);
    }
  });
});

describe('localTimeOf', () => {
  it('reads what en-US formatting writes, as its parts say, or gives NaN', () => {
    const options = {
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    } as const;
    const formats = ['UTC', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Kiritimati'].map(
      (timeZone) => new Intl.DateTimeFormat('en-US', { ...options, timeZone }),
    );
    let read = 0;
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.nat(formats.length - 1), (time, which) => {
        const format = formats[which]!;
        const f = Object.fromEntries(format.formatToParts(time).map((p) => [p.type, p.value]));
        const local = localTimeOf(format.format(time));
        if (Number.isNaN(local)) return;
        read += 1;
        expect(local).toBe(Date.UTC(+f.year!, +f.month! - 1, +f.day!, +f.hour!, +f.minute!));
      }),
      { numRuns: 2000 },
    );
    // Most of Date's range has years of up to six digits, which it reads.
    expect(read).toBeGreaterThan(1000);
  });

  it('rejects text of any other shape', () => {
    expect(localTimeOf('5/13/2014, 12:53')).toBe(Date.UTC(2014, 4, 13, 12, 53));
    for (const text of [
      '',
      '5/13/2014, 12',
      '5/13/2014 12:53',
      '5/13/2014, 12:53 ',
      '5-13-2014, 12:53',
      '5/13/2014, 12:53:07',
      '5/13/-2014, 12:53',
      '5/13/2014 AD, 12:53',
    ]) {
      expect(localTimeOf(text), text).toBeNaN();
    }
  });
});

describe('partsOfLocalTime', () => {
  /** What a Date's UTC getters say of a time value. */
  function dateParts(time: number): number[] {
    const date = new Date(time);
    return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCDay()];
  }
  const fields = (time: number): number[] => {
    const p = partsOfLocalTime(time);
    return [p.year, p.month, p.day, p.hour, p.weekday];
  };

  it('agrees with Date on every day around leap years and century years', () => {
    // 1899..2101 holds 1900 (not leap), 2000 (leap), 2100 (not leap) and the epoch.
    const wrong: string[] = [];
    for (let time = Date.UTC(1899, 0, 1); time < Date.UTC(2101, 11, 31); time += 86_400_000) {
      for (const t of [time, time - 1])
        if (fields(t).join() !== dateParts(t).join()) wrong.push(new Date(t).toISOString());
    }
    expect(wrong).toEqual([]);
  });

  it('agrees with Date far from the epoch, before it and at the ends of its range', () => {
    for (const time of [
      0,
      -1,
      8.64e15,
      -8.64e15,
      Date.UTC(-1, 1, 29, 23),
      Date.UTC(0, 2, 1),
      -62_135_596_800_001,
      253_402_300_799_999,
    ]) {
      expect(fields(time), String(time)).toEqual(dateParts(time));
    }
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (time) => {
        expect(fields(time)).toEqual(dateParts(time));
      }),
    );
  });
});

describe('parts', () => {
  it('gives the same parts with a cold and a warm offset cache, in any order', () => {
    const instants: number[] = [];
    // Every 7 hours and 13 minutes through a year of daylight-saving changes.
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += (7 * 60 + 13) * 60_000) instants.push(t);
    const shuffled = fc.sample(fc.shuffledSubarray(instants, { minLength: instants.length }), {
      numRuns: 1,
      seed: 7,
    })[0]!;
    for (const name of ['Europe/Madrid', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
      const warm = createZone(name);
      const inOrder = instants.map((t) => warm.parts(t));
      const again = instants.map((t) => warm.parts(t));
      const shuffledWarm = createZone(name);
      const byInstant = new Map(shuffled.map((t) => [t, shuffledWarm.parts(t)]));
      const wrong: string[] = [];
      instants.forEach((t, i) => {
        // A zone that has seen nothing else: every cache is cold for this instant.
        const cold = JSON.stringify(createZone(name).parts(t));
        for (const warmed of [inOrder[i], again[i], byInstant.get(t)])
          if (JSON.stringify(warmed) !== cold) wrong.push(`${name} ${new Date(t).toISOString()}`);
      });
      expect(wrong).toEqual([]);
    }
  });
});
