/**
 * Text helpers shared by the X readers: HTML entities (the Mastodon reader's too), t.co links,
 * client names, and the mentions/hashtags/retweet markers that legacy formats only carry inside the text.
 */

import { decodeHTMLStrict } from 'entities/decode';

/**
 * Decodes the HTML character references X leaves in tweet text (&amp; &lt; &gt; &quot; &#39; …)
 * as a browser does: the whole HTML5 table, ";" required, one pass (so "&amp;lt;", a user who
 * typed "&lt;", decodes once, to "&lt;"); unknown names stay as written, references to no
 * character become U+FFFD.
 */
export function decodeEntities(text: string): string {
  return text.indexOf('&') === -1 ? text : decodeHTMLStrict(text);
}

/** The t.co links in a text. Codes are letters and digits; a link cut by "…" is matched too. */
export const TCO_LINK = /https?:\/\/t\.co\/[A-Za-z0-9]+/g;

/** What to do with each t.co link found in a text. */
export interface LinkExpansion {
  /** t.co link → expanded URL. */
  expanded: Map<string, string>;
  /** t.co links of attached media, to be removed from the text. */
  media: Set<string>;
}

/**
 * Replaces each known t.co link by its expanded URL and removes media links together with the
 * whitespace before them. Unknown t.co links stay as they are: guessing would be worse.
 */
export function expandLinks(text: string, links: LinkExpansion): string {
  if (text.indexOf('t.co/') === -1) return text;
  let removed = false;
  const out = text.replace(/(\s*)(https?:\/\/t\.co\/[A-Za-z0-9]+)/g, (_whole, space: string, link: string) => {
    if (links.media.has(link)) {
      removed = true;
      return '';
    }
    return space + (links.expanded.get(link) ?? link);
  });
  return removed ? out.trim() : out;
}

const ANCHOR = /<a\b[^>]*>([\s\S]*?)<\/a>/i;

/** The client's name from X's `source` field, an HTML anchor (`<a href=…>Twitter for iPhone</a>`). */
export function sourceName(source: unknown): string | undefined {
  if (typeof source !== 'string' || source === '') return undefined;
  // An archive has a handful of clients, each written the same way on thousands of tweets.
  const known = SOURCE_NAMES.get(source);
  if (known !== undefined || SOURCE_NAMES.has(source)) return known;
  const m = ANCHOR.exec(source);
  const name = decodeEntities((m ? m[1]! : source).trim());
  const result = name === '' ? undefined : name;
  if (SOURCE_NAMES.size < MAX_SOURCE_NAMES) SOURCE_NAMES.set(source, result);
  return result;
}

const SOURCE_NAMES = new Map<string, string | undefined>();
const MAX_SOURCE_NAMES = 1000;

// "RT @user: …" is how X marks a retweet in the text; screen names are 1–15 [A-Za-z0-9_] (old
// accounts may be longer, so no upper bound here).
const RETWEET_PREFIX = /^RT @([A-Za-z0-9_]+):/;

/** The lowercased screen name of the retweeted account when the text is a retweet, else undefined. */
export function retweetedScreenName(text: string): string | undefined {
  if (text.charCodeAt(0) !== 82 /* R */) return undefined;
  const m = RETWEET_PREFIX.exec(text);
  return m ? m[1]!.toLowerCase() : undefined;
}

// URLs are taken out before looking for mentions and hashtags, so "…/photos/123@N07/" or
// "…/page#section" are not read as a mention or a hashtag.
const ANY_URL = /\bhttps?:\/\/\S+/g;

// A mention is "@" not preceded by a letter, digit, "_" or another "@" (so e-mail addresses do
// not count), followed by a screen name that does not run on into more name characters.
const MENTION = /(?<![\p{L}\p{N}_@])[@＠]([A-Za-z0-9_]{1,20})(?![A-Za-z0-9_@])/gu;

// A hashtag is "#" not preceded by a letter, digit, "_" or "&" (so "&#39;" is not one), followed
// by word characters including at least one letter: "#3" or "#2016" are not hashtags on X.
const HASHTAG = /(?<![\p{L}\p{N}_&])[#＃]([\p{L}\p{M}\p{N}_]*[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*)/gu;

/** Lowercased screen names mentioned in a text, in order, each once. For formats without entities. */
export function mentionsFromText(text: string): string[] {
  if (text.indexOf('@') === -1 && text.indexOf('＠') === -1) return [];
  const seen = new Set<string>();
  for (const m of text.replace(ANY_URL, ' ').matchAll(MENTION)) seen.add(m[1]!.toLowerCase());
  return [...seen];
}

/** Hashtags of a text without "#", in order, as written. For formats without entities. */
export function hashtagsFromText(text: string): string[] {
  if (text.indexOf('#') === -1 && text.indexOf('＃') === -1) return [];
  const tags: string[] = [];
  for (const m of text.replace(ANY_URL, ' ').matchAll(HASHTAG)) tags.push(m[1]!);
  return tags;
}

// A link to a tweet: twitter.com/<user>/status/<id> (also x.com, mobile., www., /statuses/, and the
// "i/web/status" form), not followed by /photo/ or /video/ which mark attached media.
const STATUS_URL =
  /^https?:\/\/(?:(?:www|mobile)\.)?(?:twitter|x)\.com\/(?:[A-Za-z0-9_]+|i\/web|i)\/status(?:es)?\/\d+(?:[/?#](?!photo\/|video\/)\S*)?$/i;

// The expanded URL X gives to attached photos, videos and GIFs.
const MEDIA_URL =
  /^https?:\/\/(?:(?:www|mobile)\.)?(?:twitter|x)\.com\/[A-Za-z0-9_]+\/status\/\d+\/(?:photo|video)\/\d+/i;

/** True for a link to a tweet (a quoted tweet), false for attached media and other links. */
export function isStatusUrl(url: string): boolean {
  return STATUS_URL.test(url);
}

/** True for the expanded URL of attached media (…/status/<id>/photo/1, …/video/1). */
export function isMediaUrl(url: string): boolean {
  return MEDIA_URL.test(url);
}

// A link typed out in the text. X wrapped links in t.co only from 2011: older tweets carry their
// links as written and no url entity (463 of dgageot-2013's tweets).
// A link ends at white space, quotes and angle brackets, and at CJK and full-width punctuation
// ("見て http://example.com/a。すごい").
const WRITTEN_LINK = /\bhttps?:\/\/[^\s<>"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/gi;
// Punctuation that ends a sentence rather than the link ("see http://example.com.").
const TRAILING = /[.,;:!?'"\u00bb\u201d\u2019\]}]+$/;
// What follows a link that a retweet cut at 140 characters: "http://tinyurl.com/ab ..." or "…".
const CUT_AFTER = /^\s*(?:\.\.\.|\u2026)\s*$/;

/**
 * The links written out in full in a text, in order, each once: not t.co links (those have
 * entities, or were cut short and lead nowhere), not links cut short by "…" or "...", not a bare
 * scheme or a host without a dot ("http://t ..." at the end of a cut retweet).
 */
export function writtenLinks(text: string): string[] {
  if (!hasWrittenLink(text)) return [];
  const links: string[] = [];
  for (const m of text.matchAll(WRITTEN_LINK)) {
    let url = m[0];
    if (url.includes('\u2026') || url.endsWith('...')) continue;
    if (CUT_AFTER.test(text.slice(m.index + url.length))) continue;
    url = url.replace(TRAILING, '');
    // A closing parenthesis belongs to the link only when it closes one the link opened
    // (https://en.wikipedia.org/wiki/Go_(game)).
    while (url.endsWith(')') && count(url, '(') < count(url, ')')) url = url.slice(0, -1).replace(TRAILING, '');
    const host = /^https?:\/\/([^/?#:@]+)/i.exec(url)?.[1]?.toLowerCase();
    if (host === undefined || !host.includes('.') || host.startsWith('.') || host.endsWith('.') || host === 't.co')
      continue;
    pushUnique(links, url);
  }
  return links;
}

const count = (text: string, char: string): number => text.split(char).length - 1;

/** False for a text whose every "://" is a t.co link's (nearly every tweet since 2011), cheaply. */
function hasWrittenLink(text: string): boolean {
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
    if (!text.startsWith('t.co/', at + 3)) return true;
  }
  return false;
}

/**
 * `urls` with the links typed out in `decoded` (the text before t.co links were expanded) that it
 * lacks, in the order they appear in `text` (urls not found in the text keep their place after
 * those that are); `urls` itself when nothing is missing, which is nearly always. Links an entity
 * already named (`links`), and links to attached media, are not added.
 */
export function withWrittenLinks(urls: string[], decoded: string, text: string, links?: LinkExpansion): string[] {
  const written = writtenLinks(decoded);
  if (written.length === 0) return urls;
  const missing = written.filter(
    (url) => !urls.includes(url) && !links?.expanded.has(url) && !links?.media.has(url) && !isMediaUrl(url),
  );
  if (missing.length === 0) return urls;
  const at = (url: string): number => {
    const i = text.indexOf(url);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...urls, ...missing].sort((a, b) => at(a) - at(b));
}

/** Adds `value` to `list` unless already there; keeps first-seen order. */
export function pushUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}
