import { decodeHTMLStrict } from 'entities';

/** Plain text of a post's HTML, with what its links were. */
export interface PlainText {
  text: string;
  /** Hrefs of ordinary links (not mentions or hashtags), in text order. */
  urls: string[];
  /** Hashtags linked in the text, without "#", as written, in text order. */
  hashtags: string[];
}

/**
 * Decodes HTML character references as a browser does (the whole HTML5 table, `;` required);
 * unknown names stay as written, references to no character become U+FFFD.
 */
export function decodeEntities(text: string): string {
  return text.indexOf('&') === -1 ? text : decodeHTMLStrict(text);
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

/**
 * Turns the HTML of a Mastodon post into the text its author typed: paragraphs become blank
 * lines, `<br>` a newline, tags go, entities are decoded. Links show their href, since Mastodon
 * shortens long URLs in the visible text (spans of class "invisible" and "ellipsis"); mention
 * and hashtag links keep their visible "@user" and "#tag".
 */
export function htmlToText(html: string): PlainText {
  const urls: string[] = [];
  const hashtags: string[] = [];
  let out = '';
  const anchors: { href: string | undefined; className: string; rel: string; start: number }[] = [];
  const breakLine = (blank: boolean): void => {
    if (out === '') return;
    const want = blank ? '\n\n' : '\n';
    let trailing = 0;
    while (trailing < want.length && out[out.length - 1 - trailing] === '\n') trailing++;
    if (trailing < want.length) out += want.slice(trailing);
  };

  const token = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let last = 0;
  for (let match = token.exec(html); match !== null; match = token.exec(html)) {
    out += decodeEntities(html.slice(last, match.index));
    last = token.lastIndex;
    const name = match[2]?.toLowerCase();
    if (name === undefined) continue;
    const closing = match[1] === '/';
    const attributes = match[3] ?? '';
    if (name === 'br') out += '\n';
    else if (name === 'p') breakLine(true);
    else if (LINE_TAGS.has(name)) breakLine(false);
    else if (name === 'a' && !closing) {
      anchors.push({
        href: attribute(attributes, 'href'),
        className: attribute(attributes, 'class') ?? '',
        rel: attribute(attributes, 'rel') ?? '',
        start: out.length,
      });
    } else if (name === 'a' && closing) {
      const anchor = anchors.pop();
      if (!anchor) continue;
      const visible = out.slice(anchor.start);
      const classes = anchor.className.split(/\s+/);
      if (classes.includes('hashtag') || /\btag\b/.test(anchor.rel) || visible.startsWith('#')) {
        if (visible.startsWith('#') && visible.length > 1) hashtags.push(visible.slice(1));
      } else if (classes.includes('mention') || classes.includes('u-url') || visible.startsWith('@')) {
        // Keep the visible "@user" (or "@user@host" for remote accounts as Mastodon shows them).
      } else if (anchor.href && /^https?:\/\//i.test(anchor.href)) {
        urls.push(anchor.href);
        out = out.slice(0, anchor.start) + anchor.href;
      }
    }
  }
  out += decodeEntities(html.slice(last));
  return { text: out.trim(), urls, hashtags };
}
