import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Made-up texts, one list per category, so that a long archive's months differ in their mix. */
const LONG_TEXTS = [
  ['@pat_example thanks, that fixed it for me', '@sam_example good point, I had not thought of that'],
  [
    'New post on my blog: ten small habits of tidy code https://example.com/blog',
    'My book is out today, get it here https://example.com/book',
  ],
  [
    'Great keynote at #PyCon2021, live from the main hall',
    'Day two of the conference, my session starts at 11 in room B',
  ],
  ['Walked the dog in the rain this morning', 'Baked bread with the kids today'],
];

/**
 * A modern X archive whose tweets span `months` months ending in Nov 2024, a few a day and a mix
 * that drifts from month to month: a long trend made up in the test, so CI needs no real archive.
 */
export async function writeLongArchive(dir: string, months: number): Promise<void> {
  const TWITTER_EPOCH = 1_288_834_974_657n;
  const tweets: PlainTweet[] = [];
  for (let m = 0; m < months; m++) {
    const first = Date.UTC(2024, 10 - (months - 1 - m), 1);
    // 24 tweets a month, except every 11th month which has 6 (drawn faded, starred).
    const count = m % 11 === 5 ? 6 : 24;
    for (let i = 0; i < count; i++) {
      const at = new Date(first + i * 86_400_000 + 12 * 3_600_000);
      const category = (i + Math.floor(m / 7)) % (m % 3 === 0 ? 4 : 3);
      const texts = LONG_TEXTS[category]!;
      const [weekday, day, month, year, time] = at.toUTCString().replace(',', '').split(' ');
      const id = String(((BigInt(at.getTime()) - TWITTER_EPOCH) << 22n) + BigInt(i));
      tweets.push({
        id,
        createdAt: `${weekday} ${month} ${day} ${time} +0000 ${year}`,
        text: texts[i % texts.length]!,
      });
    }
  }
  await writeModernArchive(dir, tweets);
}

export interface PlainTweet {
  id: string;
  /** X's own date format: "Sat Nov 02 12:14:18 +0000 2024". */
  createdAt: string;
  text: string;
}

/** A modern X archive of @tester holding these tweets, without entities, likes or retweets. */
export async function writeModernArchive(dir: string, tweets: readonly PlainTweet[]): Promise<void> {
  await mkdir(path.join(dir, 'data'), { recursive: true });
  const items = tweets.map(({ id, createdAt, text }) => ({
    tweet: {
      id_str: id,
      id,
      created_at: createdAt,
      full_text: text,
      entities: { hashtags: [], user_mentions: [], urls: [] },
      favorite_count: '0',
      retweet_count: '0',
    },
  }));
  await writeFile(path.join(dir, 'data/tweets.js'), `window.YTD.tweets.part0 = ${JSON.stringify(items, null, 2)}`);
  await writeFile(
    path.join(dir, 'data/account.js'),
    `window.YTD.account.part0 = ${JSON.stringify([{ account: { username: 'tester', accountId: '1' } }], null, 2)}`,
  );
}
