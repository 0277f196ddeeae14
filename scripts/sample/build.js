#!/usr/bin/env node
// Builds the bundled sample archive from the hand-written tweets in this folder.
//
//   node scripts/sample/build.js [--out DIR] [--labels FILE]
//
// Defaults: fixtures/sample-archive/ and fixtures/sample-archive.labels.csv. Deterministic: the
// same sources give the same bytes (a test builds into a temp folder and compares with the
// committed files), so change the texts here, rebuild, and commit both.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  SOURCES,
  accountFile,
  accountTimezoneFile,
  buildTweet,
  codePointLength,
  createRandom,
  displayUrl,
  editInfoPair,
  formatCreatedAt,
  isoMs,
  manifestFile,
  snowflake,
  snowflakeLowBits,
  tco,
  ytdFile,
} from '../generate-archive.js';
import { LABELS } from './dsl.js';
import { generationDate, owner, people as peopleList, profile, timeZone } from './persona.js';
import september from './2026-09.js';
import octoberFirstHalf from './2026-10-a.js';
import octoberSecondHalf from './2026-10-b.js';
import november from './2026-11.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const SEED = 20261103;

/** The days of the archive, oldest first. */
export const DAYS = [...september, ...octoberFirstHalf, ...octoberSecondHalf, ...november];

// ---------------------------------------------------------------------------------------------
// People

/** FNV-1a of a string: stable ids from handles, whatever the order of the list. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function peopleMap() {
  const map = new Map();
  map.set(owner.screen_name.toLowerCase(), { screen_name: owner.screen_name, name: owner.name, id: owner.id });
  for (const [screen_name, name] of peopleList) {
    if (!/^\w{1,15}$/.test(screen_name)) throw new Error(`persona.js: @${screen_name} is not a possible X handle`);
    const h = hash(screen_name);
    // Accounts made since 2015 have snowflake ids; older ones have small numbers.
    const id =
      h % 4 === 0
        ? snowflake(Date.UTC(2015, 0, 1) + (h % 2_000_000) * 150_000, h & 0x3fffff)
        : String(15_000_000 + (h % 3_000_000_000));
    map.set(screen_name.toLowerCase(), { screen_name, name, id });
  }
  return map;
}

// ---------------------------------------------------------------------------------------------
// Time

const zoneFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: timeZone.iana,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Offset of the archive's zone from UTC at an instant, in ms. */
function offsetAt(ms) {
  const f = {};
  for (const part of zoneFormat.formatToParts(ms)) f[part.type] = part.value;
  return Date.UTC(+f.year, +f.month - 1, +f.day, +f.hour, +f.minute, +f.second) - Math.floor(ms / 1000) * 1000;
}

/** The UTC instant of a local wall time (minutes may run past midnight into the next day). */
function localToUtc(date, minutes, seconds) {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d) + minutes * 60_000 + seconds * 1000;
  let utc = wall - offsetAt(wall);
  utc = wall - offsetAt(utc);
  return utc;
}

const parseClock = (clock) => {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
};

/** How likely a tweet is in each local hour of a day (waking hours; lunch and evening peaks). */
const HOUR_WEIGHT = [
  0, 0, 0, 0, 0, 0, 0.3, 1, 1.6, 1.4, 1.2, 1.2, 1.6, 1.5, 1.1, 1.1, 1.2, 1.4, 1.2, 1.1, 1.5, 1.6, 1.3, 0.6,
];

function sampleMinute(random, from, to) {
  for (;;) {
    const minute = from + random.next() * (to - from);
    const weight = HOUR_WEIGHT[Math.floor(minute / 60) % 24];
    if (random.next() * 1.6 < weight) return Math.floor(minute);
  }
}

/**
 * Local minutes for each tweet of a day: fixed ones keep their `at`, thread continuations follow
 * their parent by a few minutes, the others fall between their fixed neighbours.
 */
function scheduleDay(random, day) {
  const groups = [];
  for (const tweet of day.tweets) {
    if (tweet.kind === 'thread' && !tweet.at && groups.length > 0) groups.at(-1).push(tweet);
    else groups.push([tweet]);
  }
  const from = parseClock(day.from ?? '07:05');
  const to = parseClock(day.to ?? '22:50');
  const minutes = new Map();
  let i = 0;
  let previous = from - 1;
  while (i < groups.length) {
    if (groups[i][0].at) {
      previous = placeGroup(random, groups[i], parseClock(groups[i][0].at), minutes);
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && !groups[j][0].at) j++;
    const next = j < groups.length ? parseClock(groups[j][0].at) : Math.max(to, previous + 2 * (j - i) + 10);
    const span = groups.slice(i, j).reduce((sum, g) => sum + g.length * 4, 0);
    if (next - previous < span)
      throw new Error(`${day.date}: no room for ${j - i} tweets before ${groups[j]?.[0].at ?? day.to}`);
    const starts = [];
    for (let k = i; k < j; k++) starts.push(sampleMinute(random, previous + 1, next - groups[k].length * 4));
    starts.sort((a, b) => a - b);
    for (let k = i; k < j; k++) {
      const start = Math.max(starts[k - i], previous + 1);
      previous = placeGroup(random, groups[k], start, minutes);
    }
    i = j;
  }
  return minutes;
}

function placeGroup(random, group, start, minutes) {
  let minute = start;
  for (const [n, tweet] of group.entries()) {
    if (n > 0) minute += random.int(1, 4);
    minutes.set(tweet, minute);
  }
  return minute;
}

// ---------------------------------------------------------------------------------------------
// Tweets

const URL = /https?:\/\/[^\s]+[^\s.,!?:;)'"]/g;

/** Engagement by label: [likes min, likes max, retweets min, retweets max, chance of zero likes]. */
const ENGAGEMENT = {
  'conversation/reply': [0, 3, 0, 0, 0.45],
  'conversation/mention': [1, 9, 0, 1, 0.1],
  'conversation/question': [2, 11, 0, 2, 0],
  'promotion/self': [9, 46, 3, 17, 0],
  'promotion/employer': [5, 31, 3, 14, 0],
  'promotion/sharing': [2, 14, 1, 8, 0.05],
  'promotion/jobs': [4, 17, 6, 26, 0],
  'conference/live': [3, 26, 1, 11, 0],
  'conference/chat': [2, 12, 0, 5, 0.05],
  'personal/whereabouts': [1, 10, 0, 0, 0.15],
  'personal/media': [1, 12, 0, 1, 0.1],
  'personal/life': [3, 24, 0, 2, 0.05],
};

function engagement(random, label, kind, hasMedia) {
  const [likeMin, likeMax, rtMin, rtMax, zero] = ENGAGEMENT[label];
  let likes = random.chance(zero) ? 0 : random.int(likeMin, likeMax);
  let retweets = random.int(rtMin, rtMax);
  if (hasMedia) likes = Math.round(likes * 1.5);
  // Replies are seen by few: whatever they say, they get a fraction of the engagement.
  if (kind === 'reply') {
    likes = Math.round(likes * 0.3);
    retweets = Math.floor(retweets * 0.2);
  }
  return { favorites: likes, retweets };
}

function sourceFor(random, entry, label) {
  if (entry.via) return { web: SOURCES.webapp, deck: SOURCES.tweetdeckweb, iphone: SOURCES.iphone }[entry.via];
  if (label === 'conference/chat') return random.chance(0.8) ? SOURCES.tweetdeckweb : SOURCES.iphone;
  if (label.startsWith('promotion/') && entry.kind !== 'retweet')
    return random.chance(0.6) ? SOURCES.webapp : SOURCES.iphone;
  return random.chance(0.72) ? SOURCES.iphone : SOURCES.webapp;
}

/** Cuts a long tweet for tweets.js the way X does: about 275 characters, at a space, then "…". */
function cutNote(text) {
  const points = [...text];
  let end = 275;
  while (end > 200 && points[end] !== ' ' && points[end] !== '\n') end--;
  return points.slice(0, end).join('').trimEnd() + '…';
}

/** Swaps the links of a text for t.co links; returns the new text and the url entities. */
function shorten(random, text, known = new Map()) {
  const urls = [];
  const out = text.replace(URL, (expanded) => {
    const url = known.get(expanded) ?? tco(random);
    known.set(expanded, url);
    urls.push({ url, expanded });
    return url;
  });
  return { text: out, urls, known };
}

/** Index of the note's entities, as note-tweet.js writes them (code points, strings). */
function noteCore(text, urls, people) {
  const cp = (i) => codePointLength(text.slice(0, i));
  const mentions = [];
  for (const m of text.matchAll(/(^|[^\w&])@(\w{1,15})/g)) {
    if (!people.has(m[2].toLowerCase())) continue;
    const from = cp(m.index + m[1].length);
    mentions.push({
      screenName: people.get(m[2].toLowerCase()).screen_name,
      fromIndex: String(from),
      toIndex: String(from + 1 + m[2].length),
    });
  }
  const hashtags = [];
  for (const m of text.matchAll(/(^|[^\w&])#(\w*[A-Za-z_]\w*)/g)) {
    const from = cp(m.index + m[1].length);
    hashtags.push({ text: m[2], fromIndex: String(from), toIndex: String(from + 1 + m[2].length) });
  }
  const urlEntities = urls.map((u) => {
    const from = cp(text.indexOf(u.url));
    return {
      expandedUrl: u.expanded,
      toIndex: String(from + u.url.length),
      shortUrl: u.url,
      displayUrl: displayUrl(u.expanded),
      fromIndex: String(from),
    };
  });
  return { styletags: [], urls: urlEntities, text, mentions, cashtags: [], hashtags };
}

function checkHandles(text, people, where) {
  for (const m of text.matchAll(/(^|[^\w&])@(\w{1,15})/g)) {
    if (!people.has(m[2].toLowerCase())) throw new Error(`${where}: unknown @${m[2]} (add it to persona.js)`);
  }
}

/** Builds every file of the sample in memory: { files: { relative path: text }, csv, labels, tweetCount, noteCount }. */
export function buildSample() {
  const random = createRandom(SEED);
  const people = peopleMap();
  const planned = [];
  for (const day of DAYS) {
    const minutes = scheduleDay(random, day);
    for (const entry of day.tweets) {
      const label = LABELS[entry.code];
      if (!label) throw new Error(`${day.date}: unknown label code ${entry.code}`);
      const minute = minutes.get(entry);
      const ms = localToUtc(day.date, minute, random.int(0, 59)) + random.int(0, 999);
      planned.push({ day, entry, label, ms });
    }
  }
  for (let i = 1; i < planned.length; i++) {
    if (planned[i].ms <= planned[i - 1].ms) {
      throw new Error(`${planned[i].day.date}: tweets out of order near "${planned[i].entry.text.slice(0, 40)}"`);
    }
  }

  const items = []; // { object, ms } for tweets.js
  const notes = [];
  const labels = [];
  let previousOwn = null; // { id } of the owner's previous tweet, for threads
  for (const { day, entry, label, ms: plannedMs } of planned) {
    const where = `${day.date} "${entry.text.slice(0, 50)}"`;
    let ms = plannedMs;

    let prefix = '';
    let reply = null;
    if (entry.kind === 'reply') {
      for (const handle of entry.to)
        if (!people.has(handle.toLowerCase())) throw new Error(`${where}: unknown @${handle}`);
      prefix = entry.to.map((h) => `@${people.get(h.toLowerCase()).screen_name}`).join(' ') + ' ';
      const first = people.get(entry.to[0].toLowerCase());
      const theirs = snowflake(ms - random.int(90_000, 150 * 60_000), snowflakeLowBits(random));
      reply = { statusId: theirs, userId: first.id, screenName: first.screen_name };
    } else if (entry.kind === 'thread') {
      if (!previousOwn) throw new Error(`${where}: a thread needs an earlier tweet`);
      reply = { statusId: previousOwn.id, userId: owner.id, screenName: owner.screen_name };
    } else if (entry.kind === 'retweet') {
      if (!people.has(entry.from.toLowerCase())) throw new Error(`${where}: unknown @${entry.from}`);
      prefix = `RT @${people.get(entry.from.toLowerCase()).screen_name}: `;
    }
    const raw = prefix + entry.text;
    checkHandles(raw, people, where);

    const shortened = shorten(random, raw);
    let text = shortened.text;
    let urls = shortened.urls;
    if (entry.kind === 'retweet' && codePointLength(text) > 140) {
      const points = [...text];
      const cut = points.slice(0, 139).join('');
      const lastToken = cut.split(/\s/).at(-1);
      if (/^[#@]|^https?:/.test(lastToken) || points[139] === ' ') {
        throw new Error(`${where}: the 140-character cut of this retweet lands in "${lastToken}"; reword it`);
      }
      text = cut + '…';
      urls = urls.filter((u) => text.includes(u.url));
    }

    let noteText = null;
    if (entry.note) {
      if (codePointLength(text) <= 280) throw new Error(`${where}: a note tweet must be longer than 280 characters`);
      noteText = text;
      text = cutNote(text);
      urls = urls.filter((u) => text.includes(u.url));
    } else if (codePointLength(text) > 280) {
      throw new Error(`${where}: ${codePointLength(text)} characters; mark it { note: true } or shorten it`);
    }

    let media = null;
    const mediaType = entry.photo ? 'photo' : entry.video ? 'video' : entry.gif ? 'animated_gif' : null;
    if (mediaType) {
      const url = tco(random);
      text = `${text} ${url}`;
      media = { type: mediaType, count: entry.photo ?? 1, url };
    }

    const bare = raw
      .replace(URL, '')
      .replace(/(^|\s)[@#]\w+/g, '')
      .replace(/^RT :/, '')
      .trim();
    // X's codes: "zxx" for nothing but media, "qme" for emoji with media, "und" for emoji alone.
    const emojiOnly = /^[\p{Extended_Pictographic}\s\uFE0F\u200D]*$/u.test(bare);
    const lang =
      entry.lang ?? (bare.length === 0 ? (media ? 'zxx' : 'und') : emojiOnly ? (media ? 'qme' : 'und') : 'en');
    const source = sourceFor(random, entry, label);
    const counts =
      entry.kind === 'retweet' ? { favorites: 0, retweets: 0 } : engagement(random, label, entry.kind, Boolean(media));

    let id;
    if (entry.edited) {
      // The first version went out a few minutes earlier with other words; both stay in tweets.js.
      const firstMs = ms;
      ms = firstMs + random.int(90_000, 9 * 60_000);
      const firstId = snowflake(firstMs, snowflakeLowBits(random));
      id = snowflake(ms, snowflakeLowBits(random));
      const [initialInfo, editInfo] = editInfoPair(firstId, id, firstMs);
      const first = shorten(random, prefix + entry.edited, new Map(shortened.known));
      const firstObject = buildTweet(random, {
        id: firstId,
        ms: firstMs,
        text: first.text,
        lang,
        source,
        owner: owner.screen_name,
        people,
        reply,
        urls: first.urls,
        editInfo: initialInfo,
        favorites: random.int(0, 3),
        retweets: 0,
      });
      items.push({ object: firstObject, ms: firstMs });
      const object = buildTweet(random, {
        id,
        ms,
        text,
        lang,
        source,
        owner: owner.screen_name,
        people,
        reply,
        urls,
        media,
        editInfo,
        ...counts,
      });
      items.push({ object, ms });
    } else {
      id = snowflake(ms, snowflakeLowBits(random));
      const object = buildTweet(random, {
        id,
        ms,
        text,
        lang,
        source,
        owner: owner.screen_name,
        people,
        reply,
        urls,
        media,
        editEligible: !reply && entry.kind !== 'retweet',
        ...counts,
      });
      items.push({ object, ms });
    }
    if (noteText) {
      const noteMs = Math.floor(ms / 1000) * 1000;
      notes.push({
        noteTweet: {
          noteTweetId: snowflake(ms - random.int(15, 40), snowflakeLowBits(random)),
          updatedAt: isoMs(noteMs),
          lifecycle: { value: '1', name: 'Active', originalName: 'Active', annotations: {} },
          createdAt: isoMs(noteMs),
          core: noteCore(noteText, shortened.urls, people),
        },
      });
    }
    labels.push({ id, label, ms });
    previousOwn = { id };
  }

  // X lists tweets newest first.
  items.sort((a, b) => b.ms - a.ms);
  const tweetItems = items.map((item) => ({ tweet: item.object }));
  const headers = items.map((item) => ({
    tweet: { tweet_id: item.object.id_str, user_id: owner.id, created_at: formatCreatedAt(item.ms) },
  }));
  notes.reverse();

  const files = {
    'data/tweets.js': ytdFile('YTD.tweets.part0', tweetItems),
    'data/tweet-headers.js': ytdFile('YTD.tweet_headers.part0', headers),
    'data/note-tweet.js': ytdFile('YTD.note_tweet.part0', notes),
    'data/account.js': accountFile(owner, owner.createdAt),
    'data/account-timezone.js': accountTimezoneFile(owner, timeZone.x),
    'data/profile.js': ytdFile('YTD.profile.part0', [
      {
        profile: {
          description: { bio: profile.bio, website: tco(random), location: profile.location },
          avatarMediaUrl: `https://pbs.twimg.com/profile_images/1702233145781862400/${random.chars(8)}.jpg`,
          headerMediaUrl: `https://pbs.twimg.com/profile_banners/${owner.id}/1694541212`,
        },
      },
    ]),
    'data/README.txt': README,
  };
  const sizeBytes = Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const file = (fileName, globalName, count) => ({ files: [{ fileName, globalName, count: String(count) }] });
  files['data/manifest.js'] = manifestFile({
    owner,
    generationMs: Date.parse(generationDate),
    sizeBytes,
    dataTypes: {
      account: file('data/account.js', 'YTD.account.part0', 1),
      accountTimezone: file('data/account-timezone.js', 'YTD.account_timezone.part0', 1),
      noteTweet: file('data/note-tweet.js', 'YTD.note_tweet.part0', notes.length),
      profile: { mediaDirectory: 'data/profile_media', ...file('data/profile.js', 'YTD.profile.part0', 1) },
      profileMedia: { mediaDirectory: 'data/profile_media' },
      tweetHeaders: file('data/tweet-headers.js', 'YTD.tweet_headers.part0', headers.length),
      tweets: { mediaDirectory: 'data/tweets_media', ...file('data/tweets.js', 'YTD.tweets.part0', tweetItems.length) },
      tweetsMedia: { mediaDirectory: 'data/tweets_media' },
    },
  });

  labels.sort((a, b) => a.ms - b.ms);
  const csv =
    'id,category,subcategory\n' + labels.map(({ id, label }) => `${id},${label.replace('/', ',')}\n`).join('');
  return { files, csv, labels, tweetCount: tweetItems.length, noteCount: notes.length };
}

const README = `SAMPLE ARCHIVE - FICTIONAL
==========================
This folder is shaped like the archive X (Twitter) lets you download, but nothing in it is real.
The account @${owner.screen_name} ("${owner.name}"), the company Tallyfern, its product, the people
she talks to, the SupportConf conference, the #FrontlineChat twitterchat, the Queue & A podcast and
every tweet were made up for tweet-audit, the command-line tool that sorts a month of your tweets
into conversation, promotion, conference and personal. Links point at .example domains, which
never resolve; t.co links and media addresses are random.

It is built by scripts/sample/build.js from the texts in scripts/sample/; the intended label of
every tweet is in fixtures/sample-archive.labels.csv.

Files, as in a real archive:
- account.js: the account (username, id, display name, creation date).
- account-timezone.js: the time zone chosen in the account settings.
- profile.js: bio, website (a t.co link, as X stores it), location.
- tweets.js: every tweet, newest first, with entities (mentions, hashtags, links, media),
  engagement counts at download time and edit history (edit_info).
- note-tweet.js: the full text of tweets longer than 280 characters; tweets.js holds them cut.
- tweet-headers.js: id, user and time of every tweet.
- manifest.js: what the archive holds, and when it was generated.
`;

async function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const out = path.resolve(option('--out', path.join(root, 'fixtures/sample-archive')));
  const labelsPath = path.resolve(option('--labels', path.join(root, 'fixtures/sample-archive.labels.csv')));
  const { files, csv, tweetCount, noteCount, labels } = buildSample();
  if (existsSync(out) && readdirSync(out).length > 0 && !existsSync(path.join(out, 'data/manifest.js'))) {
    throw new Error(`${out} is not empty and holds no archive; refusing to overwrite it`);
  }
  await rm(path.join(out, 'data'), { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(out, name)), { recursive: true });
    await writeFile(path.join(out, name), text);
  }
  await mkdir(path.dirname(labelsPath), { recursive: true });
  await writeFile(labelsPath, csv);
  const byMonth = new Map();
  const monthOf = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone.iana, year: 'numeric', month: '2-digit' });
  for (const { label, ms } of labels) {
    const month = monthOf.format(ms);
    const counts = byMonth.get(month) ?? {};
    const category = label.split('/')[0];
    counts[category] = (counts[category] ?? 0) + 1;
    counts.total = (counts.total ?? 0) + 1;
    byMonth.set(month, counts);
  }
  process.stderr.write(
    `sample: ${tweetCount} items in tweets.js (${labels.length} tweets), ${noteCount} note tweets → ${path.relative(root, out) || out}\n`,
  );
  for (const [month, counts] of byMonth) {
    const share = (k) => `${k} ${counts[k] ?? 0} (${Math.round(((counts[k] ?? 0) / counts.total) * 100)}%)`;
    process.stderr.write(
      `  ${month}: ${counts.total} tweets; ${['conversation', 'promotion', 'conference', 'personal'].map(share).join(', ')}\n`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
