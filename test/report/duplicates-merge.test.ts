import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DuplicateFinder } from '../../src/report/duplicates.js';

// The finder keeps texts as bytes (two per code unit when one is above 255) and ids as numbers
// (strings when they are not plain decimals): what it reports must not show it.

const TEXTS = [
  'Join my webinar on social customer service this Thursday at 2pm ET',
  'Join my webinar on social customer service this Thursday at 3pm ET',
  'Café crème et croissant au coin de la rue ce matin',
  'Café crème et croissant au coin de la rue ce matin !',
  '東京で会議に参加しています とても楽しい 一日でした',
  '東京で会議に参加しています とても楽しい 一日でした',
  'on the road again 🚗 with the whole team today',
  'on the road again 🚙 with the whole team today',
  'something else entirely with nothing in common',
  '大阪で友達と昼ごはんを食べました とてもおいしかったです また行きたいと思います 次は家族と一緒に',
  '大阪で友達と昼ごはんを食べました とてもおいしかったです また行きたいと思います 次は家族と一緒で',
];
const IDS = ['1854591356741861770', '007', 'x-1', '9', '123456789012345678901234567', '1854591356741861771', '20', '1854591356741861769', '1', '1854591356741861772', 'y'];

function findings(finder: DuplicateFinder) {
  const found = finder.finish();
  return { exact: found.exact, near: found.near, exactCount: found.exactCount, nearCount: found.nearCount, groups: found.groups };
}

describe('DuplicateFinder: ids, wide texts, snapshot and merge', () => {
  it('gives ids back as they came, and finds repeats in any script', () => {
    const finder = new DuplicateFinder();
    TEXTS.forEach((text, i) => finder.add(IDS[i] as string, 1000 * (i % 4), text));
    // What the finder found when it kept texts as UTF-16 and ids as strings.
    const member = (id: string, createdAt: number) => ({ id, createdAt });
    expect(findings(finder)).toEqual({
      exact: [
        member('123456789012345678901234567', 0),
        member('1854591356741861771', 1000),
        member('20', 2000),
        member('x-1', 2000),
        member('9', 3000),
        member('1854591356741861769', 3000),
      ],
      near: [member('1854591356741861770', 0), member('007', 1000), member('1854591356741861772', 1000), member('y', 2000)],
      exactCount: 6,
      nearCount: 4,
      groups: 5,
    });
  });

  it('merges snapshots, cloned, into what one finder of every text finds', () => {
    const whole = new DuplicateFinder(3);
    TEXTS.forEach((text, i) => whole.add(IDS[i] as string, 1000 * (i % 4), text));
    for (const split of [1, 4, 7]) {
      const left = new DuplicateFinder(3);
      const right = new DuplicateFinder(3);
      TEXTS.forEach((text, i) => (i < split ? left : right).add(IDS[i] as string, 1000 * (i % 4), text));
      left.merge(structuredClone(right.snapshot()));
      expect(findings(left)).toEqual(findings(whole));
    }
  });

  it('merges snapshots of merged finders, in any grouping, into what one finder finds', () => {
    // Merge copies texts and ids as kept: a snapshot of a finder that was merged into must carry
    // the same texts, first tweets and odd ids as one that saw the tweets itself.
    const whole = new DuplicateFinder(2);
    TEXTS.forEach((text, i) => whole.add(IDS[i] as string, 1000 * (i % 4), text));
    for (const [a, b] of [
      [2, 6],
      [3, 9],
      [5, 6],
    ] as const) {
      const parts = [new DuplicateFinder(2), new DuplicateFinder(2), new DuplicateFinder(2)];
      TEXTS.forEach((text, i) => (parts[i < a ? 0 : i < b ? 1 : 2] as DuplicateFinder).add(IDS[i] as string, 1000 * (i % 4), text));
      const middle = new DuplicateFinder(2);
      middle.merge(structuredClone((parts[1] as DuplicateFinder).snapshot()));
      middle.merge(structuredClone((parts[2] as DuplicateFinder).snapshot()));
      const last = new DuplicateFinder(2);
      last.merge(structuredClone(middle.snapshot()));
      last.merge(structuredClone((parts[0] as DuplicateFinder).snapshot()));
      expect(findings(last)).toEqual(findings(whole));
      // Every text once, with its count: the same texts as one finder's, in another order.
      const texts = (finder: DuplicateFinder) => {
        const state = finder.snapshot();
        return Array.from(state.counts, (count, j) => `${String(count)} ${String(state.wide[j])} ${Array.from(state.bytes.subarray(state.starts[j], state.starts[j + 1])).join(',')}`).sort();
      };
      expect(texts(last)).toEqual(texts(whole));
    }
  });
});

describe('DuplicateFinder: capped lists', () => {
  it('lists the first `keep` tweets by time then id of what an uncapped finder lists', () => {
    // Long texts a word apart (near repeats, mostly of one tweet each), some repeated exactly, at
    // few times (ties), with ids of any kind.
    const templates = [TEXTS[0] as string, TEXTS[2] as string, TEXTS[9] as string, 'something else entirely with nothing in common at all today'];
    const tweet = fc.tuple(
      fc.nat(templates.length - 1),
      fc.nat(40),
      fc.nat(3),
      fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String), fc.constantFrom('007', 'x-1', 'y')),
    );
    fc.assert(
      fc.property(fc.array(tweet, { maxLength: 80 }), fc.nat(6), (tweets, keep) => {
        const all = new DuplicateFinder();
        const capped = new DuplicateFinder(keep);
        for (const [template, word, time, id] of tweets) {
          const text = `${templates[template] as string} w${String(word)}`;
          all.add(id, 1000 * time, text);
          capped.add(id, 1000 * time, text);
        }
        const whole = findings(all);
        expect(findings(capped)).toEqual({ ...whole, exact: whole.exact.slice(0, keep), near: whole.near.slice(0, keep) });
      }),
      { numRuns: 300 },
    );
  });
});
