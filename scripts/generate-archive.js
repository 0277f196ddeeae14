#!/usr/bin/env node
// Writes a synthetic X archive shaped like X's own export, for benchmarks and tests.
//
//   node scripts/generate-archive.js --tweets 100000 --out /tmp/bench-100k [--seed 42] [--split 3] [--zip]
//
// Everything is fictional and derived from the seed: the same options give the same bytes.
// data/tweets.js is written through a stream with backpressure, so a million tweets (> 1 GB)
// never sit in memory. With --split N the tweets go to N files the way X splits a large export:
// data/tweets.js (window.YTD.tweets.part0), data/tweets-part1.js (part1) … tweets-part<N-1>.js,
// each file one stretch of time, the files not in date order. With --zip the same files are
// written into <out>.zip (deflated, no folder). No dependencies, no network.
//
// The helpers that shape tweets the way X writes them (snowflake ids, created_at, entities with
// code-point indices, the pretty printer) are exported for scripts/sample/build.js.
import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

/**
 * Goes up whenever the same seed gives other tweets, so that archives generated before (the
 * bench keeps its own in .bench/) are known to be stale. 2: tweets have a vocabulary.
 */
export const GENERATOR_VERSION = 2;

// ---------------------------------------------------------------------------------------------
// Randomness

/** A seeded 32-bit PRNG (sfc32, seeded through splitmix32): fast and the same everywhere. */
export function createRandom(seed) {
  let s = (Number(seed) >>> 0) ^ 0x9e3779b9;
  const split = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  const random = {
    /** A float in [0, 1). */
    next,
    /** An integer in [min, max], both included. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    /** True with probability p. */
    chance: (p) => next() < p,
    /** One element of a non-empty array. */
    pick: (items) => items[Math.floor(next() * items.length)],
    /** One key of { key: weight }, by weight. */
    weighted(weights) {
      let total = 0;
      for (const key in weights) total += weights[key];
      let r = next() * total;
      for (const key in weights) {
        r -= weights[key];
        if (r < 0) return key;
      }
      return Object.keys(weights).at(-1);
    },
    /** A string of n characters from the alphabet. */
    chars(n, alphabet = BASE62) {
      let out = '';
      for (let i = 0; i < n; i++) out += alphabet[Math.floor(next() * alphabet.length)];
      return out;
    },
    /** An exponential variate with the given mean. */
    exponential: (mean) => -Math.log(1 - next()) * mean,
    /** A Fisher–Yates shuffle of a copy. */
    shuffle(items) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
  return random;
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const MEDIA_KEY = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

// ---------------------------------------------------------------------------------------------
// The shape of X's files

/** Milliseconds of the Twitter epoch that snowflake ids count from. */
export const TWITTER_EPOCH = 1288834974657;

/**
 * A snowflake id as X makes them: milliseconds since the Twitter epoch in the high bits, then
 * 5 bits of datacenter, 5 of worker and 12 of sequence. Always a string: ids exceed 2^53.
 */
export function snowflake(ms, low22 = 0) {
  return ((BigInt(Math.floor(ms) - TWITTER_EPOCH) << 22n) | BigInt(low22 & 0x3fffff)).toString();
}

/** The instant (ms) a snowflake id encodes. */
export function snowflakeTime(id) {
  return Number(BigInt(id) >> 22n) + TWITTER_EPOCH;
}

/** Plausible low 22 bits of a snowflake: a datacenter/worker pair and a small sequence. */
export function snowflakeLowBits(random) {
  return (random.int(0, 31) << 17) | (random.int(0, 31) << 12) | random.int(0, random.chance(0.8) ? 3 : 60);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n) => (n < 10 ? '0' : '') + n;

/** created_at as X writes it: "Sat Nov 09 12:14:18 +0000 2024" (always UTC). */
export function formatCreatedAt(ms) {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(
    d.getUTCMinutes(),
  )}:${pad2(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

/** ISO time with milliseconds, as the archive writes editableUntil and generationDate. */
export function isoMs(ms) {
  const d = new Date(ms);
  const milli = d.getUTCMilliseconds();
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(
    d.getUTCMinutes(),
  )}:${pad2(d.getUTCSeconds())}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

/** The text as X stores it in full_text: &, < and > escaped, nothing else. */
export function escapeHtml(text) {
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const SURROGATES = /[\uD800-\uDBFF]/;

/** Length in code points (X counts entity indices in code points, not UTF-16 units). */
export function codePointLength(text) {
  if (!SURROGATES.test(text)) return text.length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) i++;
    n++;
  }
  return n;
}

/** Converts a UTF-16 offset in text to a code-point offset. */
function codePointIndex(text, utf16Index) {
  return SURROGATES.test(text) ? codePointLength(text.slice(0, utf16Index)) : utf16Index;
}

/** display_url of a link: no scheme, no "www.", cut to 26 characters with "…" when long. */
export function displayUrl(url) {
  const bare = url.replace(/^https?:\/\//, '').replace(/^www\./, '');
  return bare.length > 27 ? bare.slice(0, 26) + '…' : bare;
}

/** A t.co link as X writes them. */
export const tco = (random) => `https://t.co/${random.chars(10)}`;

/**
 * Pretty-prints JSON the way X's tweets.js does (Jackson style): `"key" : value`, arrays one
 * element per line, empty arrays and objects as `[ ]` and `{ }`, nested lines indented by two
 * spaces more than `indent`. Hand-written rather than JSON.stringify(v, null, 2) plus rewriting:
 * it is three times faster, which matters at a million tweets. Keys are ours and need no escaping.
 */
export function prettyJson(value, indent = '') {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[ ]';
    let text = '[\n' + inner + prettyJson(value[0], inner);
    for (let i = 1; i < value.length; i++) text += ',\n' + inner + prettyJson(value[i], inner);
    return text + '\n' + indent + ']';
  }
  let text = '{';
  let first = true;
  for (const key in value) {
    const item = value[key];
    if (item === undefined) continue;
    text += (first ? '\n' : ',\n') + inner + '"' + key + '" : ' + prettyJson(item, inner);
    first = false;
  }
  return first ? '{ }' : text + '\n' + indent + '}';
}

/**
 * The items of a top-level array as `ytdFile` prints them ("  {" … "  }" joined by ",\n"), made
 * by the native JSON.stringify on the whole batch and three native passes that turn its
 * `"key": value` into `"key" : value`, `[]` into `[ ]` and `{}` into `{ }`: twice as fast as
 * `prettyJson` per item, and the same bytes (the tests hold them equal). A quote inside a string
 * is always escaped, so where no string holds `": ` or `" : ` every `": ` ends a key and plain
 * string replacement is safe; otherwise a regex skips the escaped ones.
 */
export function prettyJsonItems(items) {
  const text = JSON.stringify(items, null, 2).slice(2, -2);
  if (!text.includes('\\": ') && !text.includes('\\" : ')) {
    return text.replaceAll('": ', '" : ').replaceAll('" : []', '" : [ ]').replaceAll('" : {}', '" : { }');
  }
  return text
    .replace(/(?<!\\)": /g, '" : ')
    .replace(/(?<!\\)" : \[\]/g, '" : [ ]')
    .replace(/(?<!\\)" : \{\}/g, '" : { }');
}

/**
 * Pretty-prints JSON the way X's manifest.js does (Jackson's default printer): arrays stay on
 * the line (`[ {` … `} ]`, `[ "a", "b" ]`), objects one key per line.
 */
export function prettyJsonInlineArrays(value, indent = '') {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[ ]';
    return `[ ${value.map((item) => prettyJsonInlineArrays(item, indent)).join(', ')} ]`;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return '{ }';
    const inner = indent + '  ';
    const lines = keys.map((key) => `${inner}${JSON.stringify(key)} : ${prettyJsonInlineArrays(value[key], inner)}`);
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** A whole data file: `window.YTD.<name>.partN = [` items `]`, without a final newline. */
export function ytdFile(globalName, items) {
  if (items.length === 0) return `window.${globalName} = [ ]`;
  return `window.${globalName} = [\n  ${items.map((item) => prettyJson(item, '  ')).join(',\n  ')}\n]`;
}

const sizes = (w, h) => {
  const fit = (max) => {
    const scale = Math.min(1, max / Math.max(w, h));
    return { w: String(Math.round(w * scale)), h: String(Math.round(h * scale)), resize: 'fit' };
  };
  return { large: fit(2048), medium: fit(1200), thumb: { w: '150', h: '150', resize: 'crop' }, small: fit(680) };
};

/**
 * The media objects of one tweet: `entities` gets the first, `extended_entities` all of them.
 * type is "photo", "video" or "animated_gif".
 */
export function buildMedia(random, { type, count = 1, tweetId, tweetMs, owner, url, indices }) {
  const items = [];
  const kind = type === 'photo' ? 'photo' : type === 'video' ? 'video' : 'photo';
  const expanded = `https://twitter.com/${owner}/status/${tweetId}/${kind}/1`;
  for (let i = 0; i < (type === 'photo' ? count : 1); i++) {
    const mediaId = snowflake(tweetMs - random.int(2000, 40000), snowflakeLowBits(random));
    const key = random.chars(15, MEDIA_KEY);
    const [w, h] = random.pick([
      [4032, 3024],
      [3024, 4032],
      [1920, 1080],
      [1080, 1350],
      [1200, 675],
      [1080, 1080],
    ]);
    const base = { expanded_url: expanded, indices: indices.map(String), url };
    let media;
    if (type === 'photo') {
      media = {
        ...base,
        media_url: `http://pbs.twimg.com/media/${key}.jpg`,
        id_str: mediaId,
        id: mediaId,
        media_url_https: `https://pbs.twimg.com/media/${key}.jpg`,
        sizes: sizes(w, h),
        type: 'photo',
        display_url: `pic.twitter.com/${url.slice(13)}`,
      };
    } else if (type === 'video') {
      const thumb = `pbs.twimg.com/ext_tw_video_thumb/${mediaId}/pu/img/${key}.jpg`;
      const variant = (bitrate, vw, vh) => ({
        bitrate: String(bitrate),
        content_type: 'video/mp4',
        url: `https://video.twimg.com/ext_tw_video/${mediaId}/pu/vid/avc1/${vw}x${vh}/${random.chars(16, MEDIA_KEY)}.mp4?tag=12`,
      });
      media = {
        ...base,
        media_url: `http://${thumb}`,
        id_str: mediaId,
        video_info: {
          aspect_ratio: w > h ? ['16', '9'] : ['9', '16'],
          duration_millis: String(random.int(4000, 140000)),
          variants: [
            variant(832000, w > h ? 640 : 360, w > h ? 360 : 640),
            {
              content_type: 'application/x-mpegURL',
              url: `https://video.twimg.com/ext_tw_video/${mediaId}/pu/pl/${random.chars(16, MEDIA_KEY)}.m3u8?tag=12`,
            },
            variant(2176000, w > h ? 1280 : 720, w > h ? 720 : 1280),
          ],
        },
        additional_media_info: { monetizable: false },
        id: mediaId,
        media_url_https: `https://${thumb}`,
        sizes: sizes(w, h),
        type: 'video',
        display_url: `pic.twitter.com/${url.slice(13)}`,
      };
    } else {
      media = {
        ...base,
        media_url: `http://pbs.twimg.com/tweet_video_thumb/${key}.jpg`,
        id_str: mediaId,
        video_info: {
          aspect_ratio: ['1', '1'],
          variants: [
            { bitrate: '0', content_type: 'video/mp4', url: `https://video.twimg.com/tweet_video/${key}.mp4` },
          ],
        },
        id: mediaId,
        media_url_https: `https://pbs.twimg.com/tweet_video_thumb/${key}.jpg`,
        sizes: sizes(498, 498),
        type: 'animated_gif',
        display_url: `pic.twitter.com/${url.slice(13)}`,
      };
    }
    items.push(media);
  }
  const { video_info: _video, additional_media_info: _additional, ...first } = items[0];
  return { entities: [first], extended: items };
}

const MENTION = /(^|[^\w&])@(\w{1,15})/g;
const HASHTAG = /(^|[^\w&])#(\w*[A-Za-z_]\w*)/g;

/**
 * One tweet object with X's fields in X's order.
 *
 * `text` is the raw text (unescaped, with its t.co links already in place); `urls` maps each t.co
 * link of the text to its expanded url; `media` is { type, count, url } with the media t.co link
 * already at the end of the text; `people` maps a lowercased screen name to { screen_name, name,
 * id } and decides which @handles become mentions; `reply` is { statusId, userId, screenName }.
 */
export function buildTweet(random, spec) {
  const { id, ms, text, lang, source, owner, people, reply, urls = [], media, editInfo } = spec;
  const full = escapeHtml(text);
  const cp = (i) => codePointIndex(full, i);

  const mentions = [];
  for (const m of full.matchAll(MENTION)) {
    const person = people.get(m[2].toLowerCase());
    if (!person) continue;
    const start = cp(m.index + m[1].length);
    mentions.push({
      name: person.name,
      screen_name: person.screen_name,
      indices: [String(start), String(start + 1 + m[2].length)],
      id_str: person.id,
      id: person.id,
    });
  }
  const hashtags = [];
  for (const m of full.matchAll(HASHTAG)) {
    const start = cp(m.index + m[1].length);
    hashtags.push({ text: m[2], indices: [String(start), String(start + 1 + codePointLength(m[2]))] });
  }
  const urlEntities = [];
  for (const u of urls) {
    const at = full.indexOf(u.url);
    if (at < 0) continue;
    const start = cp(at);
    urlEntities.push({
      url: u.url,
      expanded_url: u.expanded,
      display_url: u.display ?? displayUrl(u.expanded),
      indices: [String(start), String(start + u.url.length)],
    });
  }
  let mediaParts;
  if (media) {
    const at = full.lastIndexOf(media.url);
    const start = cp(at);
    mediaParts = buildMedia(random, {
      ...media,
      tweetId: id,
      tweetMs: ms,
      owner,
      indices: [start, start + media.url.length],
    });
  }

  const tweet = {
    edit_info: editInfo ?? {
      initial: {
        editTweetIds: [id],
        editableUntil: isoMs(Math.floor(ms / 1000) * 1000 + 3_600_000),
        editsRemaining: '5',
        isEditEligible: spec.editEligible ?? false,
      },
    },
    retweeted: false,
    source,
    entities: mediaParts
      ? { user_mentions: mentions, urls: urlEntities, symbols: [], media: mediaParts.entities, hashtags }
      : { hashtags, symbols: [], user_mentions: mentions, urls: urlEntities },
    display_text_range: ['0', String(codePointLength(full))],
    favorite_count: String(spec.favorites ?? 0),
  };
  if (reply) tweet.in_reply_to_status_id_str = reply.statusId;
  tweet.id_str = id;
  if (reply) tweet.in_reply_to_user_id = reply.userId;
  tweet.truncated = false;
  tweet.retweet_count = String(spec.retweets ?? 0);
  tweet.id = id;
  if (reply) tweet.in_reply_to_status_id = reply.statusId;
  if (media || urlEntities.length > 0) tweet.possibly_sensitive = false;
  tweet.created_at = formatCreatedAt(ms);
  tweet.favorited = false;
  tweet.full_text = full;
  tweet.lang = lang;
  if (reply) {
    tweet.in_reply_to_screen_name = reply.screenName;
    tweet.in_reply_to_user_id_str = reply.userId;
  }
  if (mediaParts) tweet.extended_entities = { media: mediaParts.extended };
  return tweet;
}

/** edit_info of both versions of a tweet edited once: [of the initial, of the edit]. */
export function editInfoPair(initialId, editId, initialMs) {
  const control = {
    editTweetIds: [initialId, editId],
    editableUntil: isoMs(Math.floor(initialMs / 1000) * 1000 + 3_600_000),
    editsRemaining: '4',
    isEditEligible: true,
  };
  return [{ initial: control }, { edit: { initialTweetId: initialId, editControlInitial: control } }];
}

/** Cuts a retweet's text the way X stores it: 140 code points at most, the last one "…". */
export function cutRetweet(text) {
  const points = [...text];
  return points.length <= 140 ? text : points.slice(0, 139).join('') + '…';
}

export const SOURCES = {
  iphone: '<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>',
  android: '<a href="http://twitter.com/download/android" rel="nofollow">Twitter for Android</a>',
  webapp: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
  webclient: '<a href="http://twitter.com" rel="nofollow">Twitter Web Client</a>',
  tweetdeck: '<a href="https://about.twitter.com/products/tweetdeck" rel="nofollow">TweetDeck</a>',
  tweetdeckweb: '<a href="https://twitter.com" rel="nofollow">TweetDeck Web App</a>',
  ipad: '<a href="http://twitter.com/#!/download/ipad" rel="nofollow">Twitter for iPad</a>',
};

/** The manifest (window.__THAR_CONFIG) listing the data files written. */
export function manifestFile({ owner, generationMs, sizeBytes, dataTypes }) {
  const config = {
    userInfo: { accountId: owner.id, userName: owner.screen_name, displayName: owner.name },
    archiveInfo: {
      sizeBytes: String(sizeBytes),
      generationDate: isoMs(generationMs),
      isPartialArchive: false,
      maxPartSizeBytes: '53687091200',
    },
    readmeInfo: { fileName: 'data/README.txt', directory: 'data/', name: 'README.txt' },
    dataTypes,
  };
  return `window.__THAR_CONFIG = ${prettyJsonInlineArrays(config)}`;
}

/** data/account.js */
export function accountFile(owner, createdAt, createdVia = 'web') {
  return ytdFile('YTD.account.part0', [
    {
      account: {
        email: null,
        createdVia,
        username: owner.screen_name,
        accountId: owner.id,
        createdAt,
        accountDisplayName: owner.name,
      },
    },
  ]);
}

/** data/account-timezone.js; timeZone is one of X's own zone names ("Madrid"). */
export function accountTimezoneFile(owner, timeZone) {
  return ytdFile('YTD.account_timezone.part0', [{ accountTimezone: { accountId: owner.id, timeZone } }]);
}

// ---------------------------------------------------------------------------------------------
// The benchmark archive

const OWNER = { id: '48213977', screen_name: 'lou_loadtest', name: 'Lou Loadtest' };
/** The last tweet of every generated archive; fixed so that output never depends on the clock. */
const END_MS = Date.UTC(2026, 9, 31, 21, 14, 7);
/** Snowflake ids start in Nov 2010; older tweets would need the old sequential ids. */
const EARLIEST_MS = Date.UTC(2011, 0, 1);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tas',
  'vo',
  'zu',
  'bel',
  'dor',
  'fin',
  'gra',
  'hul',
  'jen',
  'kor',
  'lin',
  'mar',
  'nel',
  'osk',
  'pim',
  'quin',
  'ros',
  'sel',
  'tov',
  'ulm',
  'vex',
  'wen',
  'yar',
  'zel',
];
const FIRST = [
  'Ana',
  'Ben',
  'Chloé',
  'Dario',
  'Elif',
  'Femi',
  'Greta',
  'Hiro',
  'Inés',
  'Jonas',
  'Kemi',
  'Lars',
  'Mei',
  'Nadia',
  'Oscar',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tomás',
  'Uma',
  'Vera',
  'Wim',
  'Ximena',
  'Yusuf',
  'Zoë',
];

/** A pool of fictional accounts, the same for a seed. */
function makePeople(random, count) {
  const list = [];
  const people = new Map();
  while (list.length < count) {
    const handle =
      random.pick(SYLLABLES) +
      random.pick(SYLLABLES) +
      (random.chance(0.5) ? random.pick(SYLLABLES) : '') +
      (random.chance(0.4)
        ? random.int(1, 99)
        : random.chance(0.3)
          ? '_' + random.pick(['dev', 'io', 'codes', 'data', 'ux', 'ops'])
          : '');
    if (people.has(handle) || handle.length > 15) continue;
    const name = `${random.pick(FIRST)} ${handle.slice(0, 1).toUpperCase()}${handle.slice(1, 6).replace(/[\d_]/g, '')}`;
    const person = {
      screen_name: handle,
      name,
      id: String(random.chance(0.5) ? random.int(10_000_000, 999_999_999) : random.int(1_000_000_000, 4_294_967_295)),
    };
    people.set(handle, person);
    list.push(person);
  }
  return { list, people };
}

const EN = {
  open: [
    '',
    '',
    '',
    'Honestly, ',
    'TIL ',
    'Hot take: ',
    'Reminder: ',
    'Quick one: ',
    'Note to self: ',
    'Finally ',
    'Today ',
    'PSA: ',
  ],
  subject: [
    'the build',
    'our test suite',
    'the new release',
    'this library',
    'the migration',
    'my side project',
    'the API',
    'the dashboard',
    'the query planner',
    'the deploy pipeline',
    'the team',
    'the docs',
    'the cache',
    'this bug',
    'the benchmark',
    'my keyboard',
    'the coffee machine',
    'the meetup',
    'the conference wifi',
    'our on-call rotation',
  ],
  verb: [
    'is finally green',
    'broke again',
    'got 3x faster',
    'needs a rewrite',
    'made my day',
    'is surprisingly pleasant',
    'ate my whole afternoon',
    'shipped',
    'is back online',
    'deserves a blog post',
    'still confuses me',
    'works on my machine',
    'is worth a look',
    'went better than expected',
    'taught me something',
  ],
  tail: [
    '.',
    '!',
    ' 🎉',
    ' 😅',
    '…',
    '. More soon.',
    ' and I am not sure how to feel.',
    '. Thanks everyone who helped!',
    ' (again).',
    ' — details in the thread.',
    '. Who else?',
    ' & that is fine.',
    '. 10/10 would debug again.',
    ' <3',
  ],
  topics: [
    'javascript',
    'rust',
    'postgres',
    'data',
    'opensource',
    'devops',
    'python',
    'webperf',
    'a11y',
    'ux',
    'cloud',
    'testing',
  ],
};
const LANGS = {
  es: [
    'Hoy por fin ha salido la nueva versión',
    '¿Alguien sabe por qué el despliegue tarda tanto?',
    'Qué ganas de volver a la oficina',
    'Gracias a todos por venir ayer',
    'Nuevo artículo sobre rendimiento en el blog',
    'Esta semana toca migrar la base de datos',
    'Me encanta cuando los tests pasan a la primera',
    'Mañana hablo en el meetup, ¡nos vemos allí!',
  ],
  fr: [
    'Enfin une version stable après trois semaines',
    'Qui vient au meetup ce soir ?',
    'Le café du bureau est toujours aussi mauvais',
    'Merci à tous pour vos retours sur la conférence',
    'Petit article sur les index et les requêtes lentes',
    'Je découvre cette bibliothèque et c’est très agréable',
  ],
  de: [
    'Endlich läuft der Build wieder grün',
    'Wer kommt heute Abend zum Meetup?',
    'Neuer Blogartikel über Datenbankmigrationen',
    'Danke an alle für das tolle Feedback',
    'Der Zug hat mal wieder Verspätung',
    'Heute gelernt: Caching ist schwer',
  ],
  pt: [
    'Finalmente saiu a nova versão',
    'Alguém vai ao meetup hoje?',
    'Obrigado a todos pelo carinho ontem',
    'Novo post no blog sobre testes',
    'O café daqui é muito bom',
  ],
  ja: [
    '今日は新しいバージョンをリリースしました',
    '勉強会の資料を公開しました',
    'ビルドがやっと通った🎉',
    'コーヒーが美味しい朝',
    'カンファレンスで話します！',
  ],
};
const DOMAINS = [
  'news.example',
  'blog.example',
  'docs.example',
  'video.example',
  'code.example',
  'research.example',
  'podcast.example',
  'shop.example',
];
const SLUGS = [
  'why-your-cache-is-lying',
  'a-gentle-intro-to-indexes',
  'shipping-on-fridays',
  'the-cost-of-retries',
  'notes-from-the-meetup',
  'benchmarking-without-tears',
  'release-notes-2',
  'how-we-test',
  'a-year-of-on-call',
  'small-teams-big-systems',
  'reading-query-plans',
  'the-boring-stack',
];
const EVENT_NAMES = [
  'DevHarbor',
  'StackSummit',
  'DataDunes',
  'CodeFjord',
  'QueryCamp',
  'InfraIsland',
  'OpenLoopConf',
  'PixelPier',
];

/**
 * Words of the tweets beyond their phrase, per language: a vocabulary drawn the way word
 * frequencies fall in real text (Zipf's law, the k-th most common word about 1/k as frequent as
 * the first), the language's own function words most common, then invented words made of the
 * language's syllables, accents included. Without it, the phrases alone gave ~350 distinct words
 * in 100,000 tweets, where a person's archive has thousands in a few thousand tweets
 * (../shared/archives: 4,600 to 8,400 in 1,200 to 4,600 tweets); a benchmark on so few words
 * measured every per-word cost (word tables, stems, shingles) with everything warm in the caches.
 */
const FUNCTION_WORDS = {
  en: 'the to and a of in i is it for you that on with this my be at we have so not are was but just me all what will your do can out about from now like if one up get new time today more our how they no',
  es: 'de la que el en y a los se del las un por con no una su para es al lo como más pero sus le ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde',
  fr: 'de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se ce il sont avec mais ou comme on nous vous tout bien être très aussi',
  de: 'der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie',
  pt: 'de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou ser quando muito nos já está eu também',
  ja: 'の に は を た が で て と し れ さ ある いる も する から な こと として い や など なっ ない この ため その あっ よう また もの',
};
const WORD_SYLLABLES = {
  en: [
    'ba',
    'ker',
    'ing',
    'ed',
    'tion',
    'ly',
    'er',
    'pro',
    'con',
    'de',
    're',
    'ex',
    'ment',
    'ness',
    'ful',
    'al',
    'ic',
    'ous',
    'ver',
    'lo',
    'sta',
    'tra',
    'mi',
    'pa',
    'gen',
    'cal',
    'dis',
    'un',
    'ac',
    'com',
    'ty',
    'ble',
    'ar',
    'or',
    'st',
    'ch',
    'sh',
    'ight',
    'ow',
    'ee',
  ],
  es: [
    'ción',
    'mos',
    'ra',
    'ta',
    'lo',
    'ca',
    'mien',
    'to',
    'pa',
    'ble',
    'rá',
    'dó',
    'ño',
    'ci',
    'es',
    'tan',
    'gu',
    'que',
    'per',
    'ma',
    'ri',
    'dad',
    'ía',
    'lle',
    've',
    'zar',
    'sió',
    'mé',
    'te',
    'do',
    'na',
    'bi',
    'í',
    'ú',
  ],
  fr: [
    'ment',
    'tion',
    'é',
    'eu',
    're',
    'pa',
    'ou',
    'ai',
    'che',
    'qu',
    'ière',
    'ette',
    'on',
    'ra',
    'ça',
    'ille',
    'è',
    've',
    'dé',
    'con',
    'pre',
    'au',
    'oi',
    'gne',
    'ne',
    'té',
    'ê',
    'ti',
    'lo',
  ],
  de: [
    'ung',
    'sch',
    'ei',
    'ch',
    'ver',
    'be',
    'ge',
    'keit',
    'ü',
    'ö',
    'ä',
    'lich',
    'en',
    'er',
    'stra',
    'ßen',
    'tz',
    'haft',
    'ber',
    'mann',
    'wel',
    'an',
    'zu',
    'ig',
    'heit',
    'la',
    'ko',
    'ri',
  ],
  pt: [
    'ção',
    'ões',
    'nh',
    'lh',
    'ã',
    'é',
    'mos',
    'ra',
    'do',
    'da',
    'pa',
    'co',
    'ti',
    'vo',
    'lo',
    'ça',
    'men',
    'ar',
    'ei',
    'õ',
    'ma',
    'ri',
  ],
  ja: [
    'か',
    'き',
    'く',
    'け',
    'こ',
    'さ',
    'し',
    'す',
    'せ',
    'そ',
    'た',
    'ち',
    'つ',
    'て',
    'と',
    'な',
    'に',
    'の',
    'ま',
    'み',
    'む',
    'ら',
    'り',
    'る',
    'れ',
    'ろ',
    'ア',
    'イ',
    'ウ',
    'エ',
    'オ',
    'カ',
    'キ',
    'ク',
    'ン',
    'ー',
    'ト',
    'リ',
  ],
};
/** Distinct words per language: about a person's vocabulary in each of the archive's languages. */
const VOCABULARY_SIZE = { en: 40_000, es: 20_000, fr: 12_000, de: 12_000, pt: 8_000, ja: 5_000 };
/** Zipf's exponent, near 1 in every language measured. */
const ZIPF_EXPONENT = 1.05;

/** The vocabularies of `generateArchive`'s seed, with a sampler each. */
function makeVocabularies(seed) {
  // A PRNG of its own: the vocabulary of a seed does not depend on anything drawn before it.
  const random = createRandom(seed ^ 0x5eed);
  const vocabularies = {};
  for (const [lang, size] of Object.entries(VOCABULARY_SIZE)) {
    const words = FUNCTION_WORDS[lang].split(' ');
    const seen = new Set(words);
    const syllables = WORD_SYLLABLES[lang];
    while (words.length < size) {
      const count = Number(random.weighted({ 1: 2, 2: 5, 3: 4, 4: 1 }));
      let word = '';
      for (let i = 0; i < count; i++) word += random.pick(syllables);
      if (seen.has(word)) continue;
      seen.add(word);
      words.push(word);
    }
    const cumulative = new Float64Array(size);
    let total = 0;
    for (let k = 0; k < size; k++) cumulative[k] = total += 1 / Math.pow(k + 1, ZIPF_EXPONENT);
    vocabularies[lang] = {
      separator: lang === 'ja' ? '' : ' ',
      /** A word, by frequency. */
      word(r) {
        const target = r.next() * total;
        let lo = 0;
        let hi = size - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid] < target) lo = mid + 1;
          else hi = mid;
        }
        return words[lo];
      },
    };
  }
  return vocabularies;
}

/** `count` words of the language's vocabulary, as they would follow each other. */
function freeWords(random, vocabulary, count) {
  const words = [];
  for (let i = 0; i < count; i++) words.push(vocabulary.word(random));
  return words.join(vocabulary.separator);
}

/**
 * Text of one tweet in a language, before mentions, hashtags and links are added: a phrase (the
 * part the classifier's rules can read), then a few words of the vocabulary.
 */
function sentence(random, lang, vocabularies) {
  const words = freeWords(random, vocabularies[lang], random.int(3, 9));
  if (lang === 'en') {
    const open = random.pick(EN.open);
    const subject = random.pick(EN.subject);
    return (
      open + (open ? subject : capital(subject)) + ' ' + random.pick(EN.verb) + ', ' + words + random.pick(EN.tail)
    );
  }
  return (
    random.pick(LANGS[lang]) + (lang === 'ja' ? '、' : ', ') + words + random.pick(['.', '!', ' 🙌', ' 😄', '…', ''])
  );
}
const capital = (s) => s[0].toUpperCase() + s.slice(1);

/**
 * Generates the benchmark archive. Resolves to what was written.
 * @param {{ tweets?: number, out: string, seed?: number, split?: number, zip?: boolean, quiet?: boolean }} options
 */
export async function generateArchive({ tweets = 10_000, out, seed = 42, split = 1, zip = false, quiet = true } = {}) {
  if (!out) throw new Error('generateArchive: out is required');
  const total = Math.max(0, Math.floor(tweets));
  const parts = Math.max(1, Math.min(Math.floor(split) || 1, Math.max(1, total)));
  const started = performance.now();
  const random = createRandom(seed);
  const vocabularies = makeVocabularies(seed);
  const { list: peopleList, people } = makePeople(random, Math.min(5000, 200 + Math.ceil(total / 200)));
  people.set(OWNER.screen_name, OWNER);
  const friends = peopleList.slice(0, Math.min(60, peopleList.length));

  // Tweets are written newest first, as X does; time walks backwards from END_MS. The mean gap
  // is chosen so the archive spans about total/12 days (at least half a year), never before 2011.
  const spanMs = Math.min(END_MS - EARLIEST_MS, Math.max(180 * DAY, (total / 12) * DAY));
  const meanGap = (spanMs / Math.max(1, total)) * 0.8;
  const burstLength = Math.min(300, Math.max(20, Math.round(total / 200)));
  const sink = zip ? await openZipSink(out.endsWith('.zip') ? out : out + '.zip') : await openFolderSink(out);

  // Parts hold consecutive stretches of time; which file holds which stretch is shuffled.
  const order = random.shuffle([...Array(parts).keys()]);
  // Newest-first or oldest-first would be date order all the same; break it where parts allow.
  if (parts > 2 && (order.every((p, i) => p === i) || order.every((p, i) => p === parts - 1 - i))) {
    [order[0], order[1]] = [order[1], order[0]];
  }
  const partFiles = order.map((p) => ({
    index: p,
    fileName: p === 0 ? 'data/tweets.js' : `data/tweets-part${p}.js`,
    count: 0,
  }));

  let ms = END_MS;
  let low = snowflakeLowBits(random);
  let id = snowflake(ms, low);
  let threadLeft = 0;
  let pendingEdit = null;
  let burst = null;
  let written = 0;
  let bytes = 0;

  for (let p = 0; p < parts; p++) {
    const file = partFiles[p];
    const count = Math.floor(total / parts) + (p < total % parts ? 1 : 0);
    const writer = sink.open(file.fileName);
    let head = `window.YTD.tweets.part${file.index} = [${count === 0 ? ' ]' : '\n'}`;
    let batch = [];
    const flush = async () => {
      bytes += await writer.write(head + prettyJsonItems(batch));
      head = ',\n';
      batch = [];
    };
    for (let i = 0; i < count; i++) {
      // What comes next in time (the older neighbour) must be known now: a thread continuation
      // replies to it, and an edit's initial version is it.
      let isContinuation = false;
      // The oldest tweet has no older neighbour: it neither continues a thread nor is an edit.
      const oldest = written + i === total - 1;
      if (pendingEdit || oldest) {
        // After an edit, the next item is its first version: no thread decision.
      } else if (threadLeft > 0) {
        isContinuation = true;
        threadLeft--;
      } else if (random.chance(0.06)) {
        threadLeft = random.int(1, 5) - 1;
        isContinuation = true;
      }
      const editNow = !pendingEdit && !isContinuation && !oldest && random.chance(0.004);
      let gap;
      if (isContinuation) gap = random.int(20_000, 400_000);
      else if (editNow) gap = random.int(40_000, 1_500_000);
      else gap = random.exponential(burst ? meanGap / 8 : meanGap) + 1000;
      let nextMs = Math.max(EARLIEST_MS, Math.floor(ms - gap));
      // Fewer tweets at night (hours in UTC-5, the owner's zone): skip most of 02:00–07:00.
      const localHour = new Date(nextMs - 5 * HOUR).getUTCHours();
      if (localHour >= 2 && localHour < 7 && random.chance(0.85))
        nextMs -= (localHour - 1) * HOUR + random.int(0, 40 * 60_000);
      if (nextMs >= ms) nextMs = ms - 1000;
      const nextLow = snowflakeLowBits(random);
      const nextId = snowflake(nextMs, nextLow);

      // Event bursts (a conference tweeted live): about 5% of tweets, in runs of burstLength.
      if (!burst && random.chance(0.05 / burstLength)) {
        const year = new Date(ms).getUTCFullYear() % 100;
        burst = {
          tag: `${random.pick(EVENT_NAMES)}${pad2(year)}`,
          left: random.int(burstLength / 2, burstLength * 1.5),
        };
      }

      const tweet = benchTweet(random, {
        id,
        ms,
        people,
        friends,
        peopleList,
        burst,
        reply: isContinuation ? { statusId: nextId, userId: OWNER.id, screenName: OWNER.screen_name } : null,
        edit: pendingEdit ?? (editNow ? { role: 'edit', initialId: nextId, initialMs: nextMs } : null),
        vocabularies,
      });
      pendingEdit = editNow ? { role: 'initial', initialId: nextId, editId: id, initialMs: nextMs, tweet } : null;
      if (burst && --burst.left <= 0) burst = null;

      batch.push({ tweet: tweet.object });
      if (batch.length === 500) await flush();
      ms = nextMs;
      low = nextLow;
      id = nextId;
    }
    if (batch.length > 0) await flush();
    bytes += await writer.write(count === 0 ? head : '\n]');
    await writer.close();
    file.count = count;
    written += count;
  }

  const fileList = [...partFiles].sort((a, b) => a.index - b.index);
  const small = {
    'data/account.js': accountFile(OWNER, '2009-06-02T17:41:09.000Z'),
    'data/account-timezone.js': accountTimezoneFile(OWNER, 'Eastern Time (US & Canada)'),
    'data/README.txt': `Synthetic archive written by tweet-audit scripts/generate-archive.js (generator ${GENERATOR_VERSION}) for benchmarks.\nThe account and every tweet in it are fictional.\n`,
  };
  for (const [name, text] of Object.entries(small)) bytes += await sink.writeFile(name, text);
  const generationMs = END_MS + 3 * DAY + 5 * HOUR;
  const manifest = manifestFile({
    owner: OWNER,
    generationMs,
    sizeBytes: bytes,
    dataTypes: {
      account: { files: [{ fileName: 'data/account.js', globalName: 'YTD.account.part0', count: '1' }] },
      accountTimezone: {
        files: [{ fileName: 'data/account-timezone.js', globalName: 'YTD.account_timezone.part0', count: '1' }],
      },
      tweets: {
        mediaDirectory: 'data/tweets_media',
        files: fileList.map((f) => ({
          fileName: f.fileName,
          globalName: `YTD.tweets.part${f.index}`,
          count: String(f.count),
        })),
      },
      tweetsMedia: { mediaDirectory: 'data/tweets_media' },
    },
  });
  // The manifest goes last: its presence says the archive is complete.
  bytes += await sink.writeFile('data/manifest.js', manifest);
  const outPath = await sink.finish();
  const seconds = (performance.now() - started) / 1000;
  const result = { tweets: written, bytes, seconds, out: outPath, files: fileList.map((f) => f.fileName) };
  if (!quiet) {
    process.stderr.write(
      `generate-archive: ${written.toLocaleString('en-US')} tweets, ${bytes.toLocaleString('en-US')} bytes` +
        ` (${written ? Math.round(bytes / written) : 0} B/tweet) in ${fileList.length} tweets file(s) → ${outPath}` +
        ` in ${seconds.toFixed(1)} s\n`,
    );
  }
  return result;
}

/** One benchmark tweet: { object, text }. */
function benchTweet(random, { id, ms, people, friends, peopleList, burst, reply, edit, vocabularies }) {
  const lang = random.weighted({ en: 62, es: 14, fr: 7, de: 6, pt: 5, ja: 4, und: 2 });
  let text;
  const source = random.pick(
    ms < Date.UTC(2020, 6, 1)
      ? ['webclient', 'iphone', 'tweetdeck', 'android', 'iphone']
      : ['webapp', 'iphone', 'android', 'iphone', 'tweetdeckweb'],
  );
  const urls = [];
  let media = null;
  let favorites = random.chance(0.5) ? 0 : Math.floor(random.exponential(6));
  let retweets = random.chance(0.75) ? 0 : Math.floor(random.exponential(2));
  let replyTo = reply;

  if (edit?.role === 'initial') {
    // The first version of an edited tweet: the same words and links, with the typo the edit fixed.
    const edited = edit.tweet;
    text = edited.text.replace(/([A-Za-z]{4,})/, (word) => word.slice(0, 2) + word[1] + word.slice(2));
    const [info] = editInfoPair(edit.initialId, edit.editId, edit.initialMs);
    const object = buildTweet(random, {
      id,
      ms,
      text,
      lang: edited.lang,
      source: edited.source,
      owner: OWNER.screen_name,
      people,
      urls: edited.urls,
      reply: edited.reply,
      editInfo: info,
    });
    return { object, text };
  }

  const kind = replyTo
    ? 'thread'
    : edit
      ? random.pick(['plain', 'link'])
      : random.weighted({ reply: 25, retweet: 10, plain: 42, link: 14, media: 3, quote: 2 });
  const l = lang === 'und' ? 'en' : lang;
  if (kind === 'retweet') {
    const who = random.pick(random.chance(0.5) ? friends : peopleList);
    let body = sentence(random, l, vocabularies);
    if (random.chance(0.5)) {
      const link = tco(random);
      body += ` ${link}`;
      urls.push({ url: link, expanded: `https://${random.pick(DOMAINS)}/${random.pick(SLUGS)}` });
    }
    if (random.chance(0.4)) body += ` #${random.pick(EN.topics)}`;
    if (random.chance(0.35)) body = sentence(random, l, vocabularies) + ' ' + body;
    text = cutRetweet(`RT @${who.screen_name}: ${body}`);
    favorites = 0;
    retweets = 0;
  } else {
    text = sentence(random, l, vocabularies);
    if (kind === 'reply') {
      const who = random.pick(random.chance(0.6) ? friends : peopleList);
      const also = random.chance(0.2) ? random.pick(friends) : null;
      text = `@${who.screen_name} ${also && also !== who ? `@${also.screen_name} ` : ''}${l === 'en' && random.chance(0.4) ? random.pick(['Thanks!', 'Agreed.', 'Ha, yes.', 'Not sure about that.', 'Same here.', '+1', 'Congrats!']) + ' ' : ''}${text}`;
      replyTo = {
        statusId: snowflake(ms - random.int(30_000, 6 * HOUR), snowflakeLowBits(random)),
        userId: who.id,
        screenName: who.screen_name,
      };
    } else if (random.chance(0.12)) {
      text = `${text} cc @${random.pick(friends).screen_name}`;
    }
    if (lang === 'en' && random.chance(0.25)) text += ` #${random.pick(EN.topics)}`;
    if (burst && random.chance(0.6)) text += ` #${burst.tag}`;
    if (kind === 'link' || kind === 'quote') {
      const link = tco(random);
      text += ` ${link}`;
      const expanded =
        kind === 'quote'
          ? `https://twitter.com/${random.pick(peopleList).screen_name}/status/${snowflake(ms - random.int(60_000, 30 * DAY), snowflakeLowBits(random))}`
          : `https://${random.chance(0.2) ? 'www.' : ''}${random.pick(DOMAINS)}/${ms < Date.UTC(2016) ? '' : '20' + pad2(new Date(ms).getUTCFullYear() % 100) + '/'}${random.pick(SLUGS)}${random.chance(0.3) ? '?utm_source=twitter&utm_medium=social' : ''}`;
      urls.push({ url: link, expanded });
      favorites += random.int(0, 5);
    }
    if (kind === 'media') {
      const link = tco(random);
      text += ` ${link}`;
      media = {
        type: random.weighted({ photo: 85, video: 7, animated_gif: 8 }),
        count: Number(random.weighted({ 1: 88, 2: 9, 4: 3 })),
        url: link,
      };
      favorites += random.int(0, 12);
    }
  }
  const editInfo = edit?.role === 'edit' ? editInfoPair(edit.initialId, id, edit.initialMs)[1] : undefined;
  const finalLang = kind === 'media' && random.chance(0.15) ? 'zxx' : lang;
  const object = buildTweet(random, {
    id,
    ms,
    text,
    lang: finalLang,
    source: SOURCES[source],
    owner: OWNER.screen_name,
    people,
    reply: replyTo,
    urls,
    media,
    editInfo,
    favorites,
    retweets,
  });
  return { object, text, urls, lang: finalLang, source: SOURCES[source], reply: replyTo };
}

// ---------------------------------------------------------------------------------------------
// Sinks: a folder, or a zip written on the fly

/** Refuses to write over a folder that is not an archive this script (or X) wrote. */
async function clearArchiveFolder(out) {
  let names;
  try {
    names = await readdir(out);
  } catch (error) {
    if (error.code === 'ENOENT') return;
    throw error;
  }
  if (
    names.length > 0 &&
    !existsSync(path.join(out, 'data/manifest.js')) &&
    !existsSync(path.join(out, 'data/tweets.js'))
  ) {
    throw new Error(`${out} is not empty and holds no archive; refusing to overwrite it`);
  }
  await rm(path.join(out, 'data'), { recursive: true, force: true });
}

async function openFolderSink(out) {
  await clearArchiveFolder(out);
  await mkdir(path.join(out, 'data'), { recursive: true });
  const open = (name) => {
    const stream = createWriteStream(path.join(out, name));
    return {
      async write(text) {
        const buffer = Buffer.from(text, 'utf8');
        if (!stream.write(buffer)) await once(stream, 'drain');
        return buffer.length;
      },
      close: () => new Promise((resolve, reject) => stream.end((error) => (error ? reject(error) : resolve()))),
    };
  };
  return {
    open,
    async writeFile(name, text) {
      const writer = open(name);
      const n = await writer.write(text);
      await writer.close();
      return n;
    },
    finish: async () => out,
  };
}

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** CRC-32 of a buffer continuing from `previous`: zlib's where Node has it (20.15+), else ours. */
const crc32 =
  zlib.crc32 ??
  ((buffer, previous = 0) => {
    let c = ~previous;
    for (let i = 0; i < buffer.length; i++) c = CRC_TABLE[(c ^ buffer[i]) & 0xff] ^ (c >>> 8);
    return ~c >>> 0;
  });

/** A zip written sequentially: each entry deflated as it comes, sizes in a data descriptor. */
async function openZipSink(zipPath) {
  await mkdir(path.dirname(zipPath), { recursive: true });
  const stream = createWriteStream(zipPath);
  let offset = 0;
  const entries = [];
  // A fixed DOS time (2026-11-03 08:00) so that the bytes depend on the seed only.
  const dosTime = (8 << 11) | (0 << 5);
  const dosDate = ((2026 - 1980) << 9) | (11 << 5) | 3;
  const put = async (buffer) => {
    offset += buffer.length;
    if (!stream.write(buffer)) await once(stream, 'drain');
  };
  const open = (name) => {
    const nameBytes = Buffer.from(name, 'utf8');
    const entry = { nameBytes, offset, crc: 0, size: 0, compressed: 0 };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0808, 6); // data descriptor follows; names in UTF-8
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(dosTime, 10);
    header.writeUInt16LE(dosDate, 12);
    header.writeUInt16LE(nameBytes.length, 26);
    const deflate = zlib.createDeflateRaw({ level: 1 });
    const drained = (async () => {
      await put(Buffer.concat([header, nameBytes]));
      for await (const data of deflate) {
        entry.compressed += data.length;
        await put(data);
      }
    })();
    return {
      async write(text) {
        const buffer = Buffer.from(text, 'utf8');
        entry.crc = crc32(buffer, entry.crc);
        entry.size += buffer.length;
        if (!deflate.write(buffer)) await once(deflate, 'drain');
        return buffer.length;
      },
      async close() {
        deflate.end();
        await drained;
        if (entry.size > 0xffffffff || offset > 0xffffffff)
          throw new Error('generate-archive: --zip is limited to 4 GB');
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(0x08074b50, 0);
        descriptor.writeUInt32LE(entry.crc >>> 0, 4);
        descriptor.writeUInt32LE(entry.compressed, 8);
        descriptor.writeUInt32LE(entry.size, 12);
        await put(descriptor);
        entries.push(entry);
      },
    };
  };
  return {
    open,
    async writeFile(name, text) {
      const writer = open(name);
      const n = await writer.write(text);
      await writer.close();
      return n;
    },
    async finish() {
      const start = offset;
      for (const e of entries) {
        const central = Buffer.alloc(46);
        central.writeUInt32LE(0x02014b50, 0);
        central.writeUInt16LE(20, 4);
        central.writeUInt16LE(20, 6);
        central.writeUInt16LE(0x0808, 8);
        central.writeUInt16LE(8, 10);
        central.writeUInt16LE(dosTime, 12);
        central.writeUInt16LE(dosDate, 14);
        central.writeUInt32LE(e.crc >>> 0, 16);
        central.writeUInt32LE(e.compressed, 20);
        central.writeUInt32LE(e.size, 24);
        central.writeUInt16LE(e.nameBytes.length, 28);
        central.writeUInt32LE(e.offset, 42);
        await put(Buffer.concat([central, e.nameBytes]));
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(entries.length, 8);
      end.writeUInt16LE(entries.length, 10);
      end.writeUInt32LE(offset - start, 12);
      end.writeUInt32LE(start, 16);
      await put(end);
      await new Promise((resolve, reject) => stream.end((error) => (error ? reject(error) : resolve())));
      return zipPath;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Command line

const USAGE = `usage: node scripts/generate-archive.js --tweets N --out DIR [--seed 42] [--split N] [--zip]

  --tweets N   how many tweets to write (default 10000)
  --out DIR    the archive folder to (re)create; with --zip, the zip file (".zip" added if missing)
  --seed S     seed of every random choice; the same options give the same bytes (default 42)
  --split N    write the tweets into N files: data/tweets.js, data/tweets-part1.js, … (default 1)
  --zip        write one zip file instead of a folder
`;

function parseArgs(argv) {
  const options = { tweets: 10_000, seed: 42, split: 1, zip: false, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const number = (v) => {
      const n = Number(v.replace(/_/g, ''));
      if (!Number.isFinite(n) || n < 0) throw new Error(`${arg}: not a number: ${v}`);
      return n;
    };
    if (arg === '--tweets') options.tweets = number(value());
    else if (arg === '--out') options.out = value();
    else if (arg === '--seed') options.seed = number(value());
    else if (arg === '--split') options.split = number(value());
    else if (arg === '--zip') options.zip = true;
    else if (arg === '-h' || arg === '--help') options.help = true;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
    if (!options.help && !options.out) throw new Error('--out is required');
  } catch (error) {
    process.stderr.write(`generate-archive: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) process.stdout.write(USAGE);
  else {
    try {
      await generateArchive(options);
    } catch (error) {
      process.stderr.write(`generate-archive: ${error.message}\n`);
      process.exit(1);
    }
  }
}
