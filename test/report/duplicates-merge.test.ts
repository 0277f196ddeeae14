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
});
