import { decodeEntities } from './text.js';

/** Plain text of a post's HTML, with what its links were. */
export interface PlainText {
  text: string;
  /** Hrefs of ordinary links (not mentions or hashtags), in text order. */
  urls: string[];
  /** Hashtags linked in the text, without "#", as written, in text order. */
  hashtags: string[];
}

const ATTRIBUTES = {
  href: /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i,
  class: /(?:^|\s)class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i,
  rel: /(?:^|\s)rel\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i,
};

function attribute(attributes: string, name: keyof typeof ATTRIBUTES): string | undefined {
  const match = ATTRIBUTES[name].exec(attributes);
  if (!match) return undefined;
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? '');
}

/** Tags after which text starts on a new line (Mastodon 4 allows lists, quotes and code blocks). */
const LINE_TAGS = new Set(['div', 'li', 'ul', 'ol', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A tag (or a comment: no name) of HTML, `html[start..end)`. */
interface Tag {
  start: number;
  end: number;
  name?: string;
  closing: boolean;
  attributes: string;
}

const TAG_START = /<(?:!--|\/?[a-zA-Z])/g;
const TAG_NAME = /[a-zA-Z][a-zA-Z0-9]*/y;

/**
 * The tags and comments of `html`, in one pass: a tag runs to the first ">" outside quotes. A
 * regex that retried an unclosed tag from every later "<" was quadratic: a 1 MB post of
 * `<a href="` repeated took minutes.
 */
function* tags(html: string): Generator<Tag> {
  TAG_START.lastIndex = 0;
  for (let match = TAG_START.exec(html); match !== null; match = TAG_START.exec(html)) {
    const start = match.index;
    if (match[0] === '<!--') {
      const close = html.indexOf('-->', start + 4);
      const end = close === -1 ? html.length : close + 3;
      yield { start, end, closing: false, attributes: '' };
      TAG_START.lastIndex = end;
      continue;
    }
    const closing = html.charCodeAt(start + 1) === 0x2f;
    TAG_NAME.lastIndex = start + (closing ? 2 : 1);
    const name = TAG_NAME.exec(html)![0].toLowerCase();
    const from = TAG_NAME.lastIndex;
    let i = from;
    while (i < html.length) {
      const c = html.charCodeAt(i);
      if (c === 0x3e) break;
      if (c === 0x22 || c === 0x27) {
        const quote = html.indexOf(c === 0x22 ? '"' : "'", i + 1);
        i = quote === -1 ? html.length : quote + 1;
      } else i++;
    }
    // Never closed: the rest is text, as it was when a tag had to end with ">" to be one. No later
    // "<" is tried again, which kept this linear.
    if (i >= html.length) return;
    yield { start, end: i + 1, name, closing, attributes: html.slice(from, i) };
    TAG_START.lastIndex = i + 1;
  }
}

/**
 * Turns the HTML of a Mastodon post into the text its author typed: paragraphs become blank
 * lines, `<br>` a newline, tags go, entities are decoded. Links show their href, since Mastodon
 * shortens long URLs in the visible text (spans of class "invisible" and "ellipsis"); mention
 * and hashtag links keep their visible "@user" and "#tag".
 */
export function htmlToText(html: string): PlainText {
  const urls: string[] = [];
  const hashtags: string[] = [];
  // The text in pieces, joined once at the end: appending to one string and reading its last
  // characters (or cutting it back to a link's start) flattened it each time, which was quadratic
  // on a post of many paragraphs or links.
  const out: string[] = [];
  let length = 0;
  /** Newlines at the end of the text so far. */
  let trailingNewlines = 0;
  const append = (piece: string): void => {
    if (piece === '') return;
    out.push(piece);
    length += piece.length;
    let n = 0;
    while (n < piece.length && piece.charCodeAt(piece.length - 1 - n) === 10) n++;
    trailingNewlines = n === piece.length ? trailingNewlines + n : n;
  };
  const anchors: { href: string | undefined; className: string; rel: string; piece: number }[] = [];
  const breakLine = (blank: boolean): void => {
    if (length === 0) return;
    const want = blank ? 2 : 1;
    if (trailingNewlines < want) append('\n'.repeat(want - trailingNewlines));
  };
  const closeAnchor = (): void => {
    const anchor = anchors.pop();
    if (!anchor) return;
    const visible = out.slice(anchor.piece).join('');
    const classes = anchor.className.split(/\s+/);
    if (classes.includes('hashtag') || /\btag\b/.test(anchor.rel) || visible.startsWith('#')) {
      if (visible.startsWith('#') && visible.length > 1) hashtags.push(visible.slice(1));
    } else if (classes.includes('mention') || classes.includes('u-url') || visible.startsWith('@')) {
      // Keep the visible "@user" (or "@user@host" for remote accounts as Mastodon shows them).
    } else if (anchor.href && /^https?:\/\//i.test(anchor.href)) {
      urls.push(anchor.href);
      out.length = anchor.piece;
      length -= visible.length;
      // The href (not empty, no newline at its end) is now the end of the text.
      append(anchor.href);
    }
  };

  let last = 0;
  for (const tag of tags(html)) {
    append(decodeEntities(html.slice(last, tag.start)));
    last = tag.end;
    const name = tag.name;
    if (name === undefined) continue;
    const closing = tag.closing;
    const attributes = tag.attributes;
    if (name === 'br') append('\n');
    else if (name === 'p') breakLine(true);
    else if (LINE_TAGS.has(name)) breakLine(false);
    else if (name === 'a' && !closing) {
      // Links do not nest: as in a browser, a link opened inside another closes that one first.
      if (anchors.length > 0) closeAnchor();
      anchors.push({
        href: attribute(attributes, 'href'),
        className: attribute(attributes, 'class') ?? '',
        rel: attribute(attributes, 'rel') ?? '',
        piece: out.length,
      });
    } else if (name === 'a' && closing) {
      closeAnchor();
    }
  }
  append(decodeEntities(html.slice(last)));
  return { text: out.join('').trim(), urls, hashtags };
}
