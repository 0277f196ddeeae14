import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const DAY = 24 * 60 * 60 * 1000;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** X's created_at: "Sat Nov 09 12:14:18 +0000 2024". */
function createdAt(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

export interface DatedArchiveOptions {
  handle: string;
  accountId: string;
  /** When X made the archive (manifest generationDate); also the time of the newest tweet, less a day. */
  madeAt: number;
  /** Days of tweets before madeAt (two a day, half of them replies). */
  days?: number;
  /** Keeps only the tweets sent at the times it accepts (default: all). */
  keep?: (ms: number) => boolean;
}

/**
 * Writes a small extracted X archive (manifest, account, tweets) made at `madeAt`, its tweets in
 * the days before: for tests that depend on the calendar (stale archives, cron's month), which the
 * sample archive, made on a fixed day, cannot serve. Fictional text only.
 */
export function writeDatedArchive(
  dir: string,
  { handle, accountId, madeAt, days = 70, keep }: DatedArchiveOptions,
): string {
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  const tweets = [];
  for (let i = 0; i < days * 2; i++) {
    const ms = madeAt - DAY - Math.floor(i / 2) * DAY - (i % 2) * 3 * 60 * 60 * 1000;
    if (!keep || keep(ms)) tweets.push(datedTweet(ms, i, accountId, days));
  }
  const manifest = {
    userInfo: { accountId, userName: handle, displayName: handle },
    archiveInfo: {
      sizeBytes: '1000',
      generationDate: new Date(madeAt).toISOString(),
      isPartialArchive: false,
      maxPartSizeBytes: '53687091200',
    },
    dataTypes: {
      tweets: { files: [{ fileName: 'data/tweets.js', globalName: 'YTD.tweets.part0', count: String(tweets.length) }] },
    },
  };
  writeFileSync(path.join(dir, 'data', 'manifest.js'), `window.__THAR_CONFIG = ${JSON.stringify(manifest, null, 2)}`);
  const account = [
    { account: { username: handle, accountId, createdAt: '2015-01-01T00:00:00.000Z', accountDisplayName: handle } },
  ];
  writeFileSync(path.join(dir, 'data', 'account.js'), `window.YTD.account.part0 = ${JSON.stringify(account, null, 2)}`);
  writeFileSync(path.join(dir, 'data', 'tweets.js'), `window.YTD.tweets.part0 = ${JSON.stringify(tweets, null, 2)}`);
  return dir;
}

function datedTweet(ms: number, i: number, accountId: string, days: number): { tweet: Record<string, unknown> } {
  // Ids differ between accounts: merged archives of two accounts share no tweet.
  const id = String(1_900_000_000_000_000_000n + BigInt(accountId) * 1_000_000n + BigInt(days * 2 - i));
  const reply = i % 2 === 0;
  const text = reply
    ? `@friend${i % 7} thanks, that fixed it for me`
    : `Reading about release notes and coffee this morning ${i}`;
  const tweet: Record<string, unknown> = {
    id_str: id,
    id,
    created_at: createdAt(ms),
    full_text: text,
    lang: 'en',
    entities: {
      hashtags: [],
      symbols: [],
      urls: [],
      user_mentions: reply
        ? [{ screen_name: `friend${i % 7}`, id_str: String(1000 + (i % 7)), indices: ['0', '8'] }]
        : [],
    },
  };
  if (reply)
    Object.assign(tweet, {
      in_reply_to_status_id_str: String(5000 + i),
      in_reply_to_user_id_str: String(1000 + (i % 7)),
      in_reply_to_screen_name: `friend${i % 7}`,
    });
  return { tweet };
}

/** The month before the one `ms` falls in (UTC), as YYYY-MM: the default month of an archive made then. */
export function monthBefore(ms: number): string {
  const d = new Date(ms);
  const prev = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  return `${prev.getUTCFullYear()}-${pad(prev.getUTCMonth() + 1)}`;
}
