import { parseArchiveDate } from './dates.js';
import { asObject, asString, sortedEntities } from './json-guards.js';
import { expandLinks } from './text.js';

/** A long tweet's full text, from note-tweet.js. */
export interface NoteTweet {
  createdAt: number;
  /** Full text with its t.co links expanded. */
  text: string;
  /** `text` normalised for matching (see `matchKey`). */
  key: string;
  urls: string[];
  mentions: string[];
  hashtags: string[];
}

/** How far apart a note's createdAt and its tweet's created_at may be. Seen: 0–1 s. */
const WINDOW_SECONDS = 10;

/**
 * A truncated tweet must keep at least this much of its note for a partial match to count:
 * thread tweets posted in the same second ("1.", "2.") must not pick up another tweet's note.
 */
const MIN_PARTIAL_KEY = 40;

// Leading "@alice @bob " of a reply: in the tweet's text, absent from the note's.
const REPLY_PREFIX = /^(?:[@＠][A-Za-z0-9_]+\s+)+/;
const TRAILING_LINKS = /(?:\s*https?:\/\/\S+)+\s*$/;
const TRAILING_ELLIPSIS = /\s*(?:…|\.\.\.)\s*$/;

/**
 * What a tweet's text and a note's text are compared on: links already expanded; trailing links
 * (media, quoted tweet) dropped because the note may lack them; the "…" that marks the cut
 * dropped; the reply prefix dropped; whitespace runs made single spaces.
 */
export function matchKey(text: string): { key: string; cut: boolean } {
  let s = text.replace(TRAILING_LINKS, '');
  const cut = TRAILING_ELLIPSIS.test(s);
  if (cut) s = s.replace(TRAILING_ELLIPSIS, '');
  s = s.replace(REPLY_PREFIX, '').replace(/\s+/g, ' ').trim();
  return { key: s, cut };
}

/** Parses one note-tweet.js item; undefined when it has no date or no text. */
export function parseNoteTweet(item: unknown): NoteTweet | undefined {
  const note = asObject(asObject(item)?.noteTweet) ?? asObject(item);
  if (!note) return undefined;
  const createdAt = parseArchiveDate(note.createdAt);
  const core = asObject(note.core);
  const raw = core && typeof core.text === 'string' ? core.text : undefined;
  if (createdAt === undefined || raw === undefined) return undefined;
  const expanded = new Map<string, string>();
  const urls: string[] = [];
  for (const u of sortedEntities(core!.urls)) {
    const short = asString(u.shortUrl);
    const long = asString(u.expandedUrl) ?? short;
    if (short && long) expanded.set(short, long);
    if (long && !urls.includes(long)) urls.push(long);
  }
  const text = expandLinks(raw, { expanded, media: new Set() });
  const mentions: string[] = [];
  for (const m of sortedEntities(core!.mentions)) {
    const name = asString(m.screenName)?.toLowerCase();
    if (name && !mentions.includes(name)) mentions.push(name);
  }
  const hashtags: string[] = [];
  for (const h of sortedEntities(core!.hashtags)) {
    const tag = asString(h.text);
    if (tag) hashtags.push(tag);
  }
  return { createdAt, text, key: matchKey(text).key, urls, mentions, hashtags };
}

/**
 * The notes of an archive indexed by the second they were created in. note-tweet.js gives each
 * note its own id (noteTweetId), unrelated to the tweet's id, so a note is found from its tweet
 * by time and text: same second or within a few, and the tweet's (cut) text a prefix of the note's.
 */
export class NoteIndex {
  private readonly bySecond = new Map<number, NoteTweet[]>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(note: NoteTweet): void {
    const second = Math.floor(note.createdAt / 1000);
    const list = this.bySecond.get(second);
    if (list) list.push(note);
    else this.bySecond.set(second, [note]);
    this.count++;
  }

  /**
   * The note holding the full text of a tweet, given the tweet's time and its text with links
   * expanded, or undefined. Among several candidates the longest match wins, then the nearest time.
   */
  match(createdAt: number, expandedText: string): NoteTweet | undefined {
    if (this.count === 0) return undefined;
    const second = Math.floor(createdAt / 1000);
    let key: { key: string; cut: boolean } | undefined;
    let best: NoteTweet | undefined;
    let bestScore = 0;
    let bestDistance = Infinity;
    for (let d = -WINDOW_SECONDS; d <= WINDOW_SECONDS; d++) {
      const list = this.bySecond.get(second + d);
      if (!list) continue;
      key ??= matchKey(expandedText);
      if (key.key === '') return undefined;
      for (const note of list) {
        const score = matchScore(key, note.key);
        const distance = Math.abs(note.createdAt - createdAt);
        if (score > bestScore || (score === bestScore && score > 0 && distance < bestDistance)) {
          best = note;
          bestScore = score;
          bestDistance = distance;
        }
      }
    }
    return best;
  }
}

/** Length of text the tweet shares with the note, or 0 when they are not the same tweet. */
function matchScore(tweet: { key: string; cut: boolean }, note: string): number {
  const t = tweet.key;
  if (t === note) return t.length;
  if (t.length < MIN_PARTIAL_KEY && !tweet.cut) return 0;
  if (note.startsWith(t)) return t.length;
  // "Prefix-ish": X sometimes re-spaces or re-encodes a character or two when cutting; accept a
  // common prefix covering nearly all of the cut text.
  let i = 0;
  const n = Math.min(t.length, note.length);
  while (i < n && t.charCodeAt(i) === note.charCodeAt(i)) i++;
  return i >= MIN_PARTIAL_KEY && i >= 0.9 * t.length ? i : 0;
}
