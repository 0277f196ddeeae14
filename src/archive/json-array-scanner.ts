import { isUtf8 } from 'node:buffer';
import { TweetAuditError } from '../errors.js';
import { bytesTooDeepAt, MAX_JSON_DEPTH } from '../limits.js';

/** A tweet is a few KB; a note tweet tens of KB. Anything this large means a quote or brace is lost. */
export const MAX_ITEM_BYTES = 16 * 1024 * 1024;

/**
 * Items larger than this are checked for nesting before they are parsed: a field nested millions
 * deep costs JSON.parse gigabytes. A smaller one cannot nest deep enough to matter.
 */
const DEPTH_CHECK_BYTES = 64 * 1024;

/** The text before the array (`window.YTD.tweets.part0 = `) is short; a long one is not an archive file. */
const MAX_PREFIX_BYTES = 64 * 1024;

const enum State {
  /** Before the opening `[`: any text (`window.YTD.tweets.part0 = `, `module.exports = `). */
  Prefix,
  /** After `[` or `,`: whitespace, then `{` or `]`. */
  BeforeItem,
  /** Inside a top-level object, tracking strings and brace depth. */
  InItem,
  /** After an item: whitespace, then `,` or `]`. */
  AfterItem,
  /** After the closing `]`: only whitespace and `;`. */
  Done,
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Returned by `tryParse` for bytes that are not one JSON value. */
const NOT_JSON = Symbol('not JSON');

/** After this many wrong guesses in a file, the fast path is not tried again in it. */
const MAX_FAST_MISSES = 3;

/**
 * Reads the top-level items of a JavaScript data file shaped `<any prefix> [ {…}, {…} ] ;` as the
 * bytes stream in, without ever holding the whole file, and parses each item with `JSON.parse`.
 *
 * Exact path: a byte scanner tracks strings, escapes and brace depth to find where each item
 * ends, across chunk boundaries. Whether an item is valid JSON is left to `JSON.parse`.
 *
 * Fast path, for the pretty-printed files X writes: the first item tells how its closing brace
 * is indented ("\n  }"). A JSON string cannot hold a raw newline and nested objects are indented
 * deeper, so the next occurrence of that byte sequence is the likely end of the next item, found
 * by one native `indexOf`. The guess is only kept when `JSON.parse` accepts the bytes: a balanced
 * JSON value starting at an item's "{" ends at exactly one place, so a parse that succeeds proves
 * the boundary. A wrong guess falls back to the exact path; after a few, the file is read exactly.
 *
 * Item boundaries fall on ASCII bytes (`{` and `}`), which never occur inside a multi-byte UTF-8
 * sequence: every item holds whole sequences, so it is validated and decoded on its own, and a
 * sequence split across two chunks never produces a false error.
 */
export class JsonArrayScanner {
  private state = State.Prefix;
  private prefixBytes = 0;
  private depth = 0;
  private inString = false;
  /** The previous chunk ended on a backslash inside a string: the next byte is escaped. */
  private escapePending = false;
  /** Pieces of an item that started in an earlier chunk. */
  private parts: Buffer[] = [];
  private partsBytes = 0;
  private offset = 0;
  private items = 0;
  /** "\n" + indentation + "}" that closed the first item, when it was pretty-printed. */
  private needle: Buffer | undefined;
  private fastMisses = 0;

  /** @param file Name used in error messages. */
  constructor(private readonly file: string) {}

  /** Number of items found so far. */
  get itemCount(): number {
    return this.items;
  }

  /** Scans one chunk and appends the parsed values of the items completed in it to `out`. */
  push(chunk: Buffer, out: unknown[]): void {
    const n = chunk.length;
    let i = 0;
    let itemStart = this.state === State.InItem ? 0 : -1;
    while (i < n) {
      switch (this.state) {
        case State.Prefix: {
          const at = chunk.indexOf(OPEN_BRACKET, i);
          const end = at === -1 ? n : at;
          this.prefixBytes += end - i;
          if (this.prefixBytes > MAX_PREFIX_BYTES) {
            throw new TweetAuditError(
              'does not look like an archive data file: no "[" opening a list in its first 64 KiB',
              { file: this.file },
            );
          }
          if (at === -1) return void (this.offset += n);
          this.state = State.BeforeItem;
          i = at + 1;
          break;
        }
        case State.BeforeItem:
        case State.AfterItem: {
          const c = chunk[i]!;
          if (isSpace(c)) {
            i++;
          } else if (c === CLOSE_BRACKET) {
            this.state = State.Done;
            i++;
          } else if (this.state === State.AfterItem) {
            if (c !== COMMA) throw this.unexpected(c, i, 'a "," or "]" after a list item');
            this.state = State.BeforeItem;
            i++;
          } else if (c === OPEN_BRACE) {
            const end = this.fastItem(chunk, i, out);
            if (end !== -1) {
              this.state = State.AfterItem;
              i = end;
              break;
            }
            this.state = State.InItem;
            this.depth = 1;
            this.inString = false;
            itemStart = i;
            i++;
          } else if (c === COMMA) {
            // A doubled or leading comma is not JSON, but it loses nothing: skip it.
            i++;
          } else {
            throw new TweetAuditError(
              `holds a list whose items are not tweets (item ${this.items + 1} starts with ` +
                `${describeByte(c)}, not "{") — is this the right file?`,
              { file: this.file },
            );
          }
          break;
        }
        case State.InItem: {
          i = this.scanItem(chunk, i);
          if (this.depth === 0) {
            this.emit(chunk, itemStart, i, out);
            itemStart = -1;
            this.state = State.AfterItem;
          }
          break;
        }
        case State.Done: {
          const c = chunk[i]!;
          if (!isSpace(c) && c !== SEMICOLON) {
            throw this.unexpected(c, i, 'only whitespace or ";" after the closing "]"');
          }
          i++;
          break;
        }
      }
    }
    if (this.state === State.InItem && itemStart !== -1) {
      const piece = chunk.subarray(itemStart);
      this.parts.push(piece);
      this.partsBytes += piece.length;
      this.checkItemSize();
    }
    this.offset += n;
  }

  /** Call at end of input: throws when the file stopped before the list was closed. */
  end(): void {
    switch (this.state) {
      case State.Prefix:
        throw new TweetAuditError(
          this.offset === 0
            ? 'is empty — the download may be incomplete; download the archive again'
            : 'does not look like an archive data file: no "[" opening a list',
          { file: this.file },
        );
      case State.InItem:
        throw new TweetAuditError(
          `ends in the middle of a tweet (item ${this.items + 1}) — the download may be incomplete; ` +
            'download the archive again',
          { file: this.file },
        );
      case State.BeforeItem:
      case State.AfterItem:
        throw new TweetAuditError(
          `ends before the list of tweets is closed (after ${this.items} items) — the download may ` +
            'be incomplete; download the archive again',
          { file: this.file },
        );
      case State.Done:
        return;
    }
  }

  /**
   * Advances through an item from `i`; returns the index just past the closing brace when the
   * item ends in this chunk (depth 0), else `chunk.length`. The hot loop of the whole reader:
   * inside strings it jumps from quote to quote with the native `indexOf`.
   */
  private scanItem(chunk: Buffer, start: number): number {
    const n = chunk.length;
    let i = start;
    let depth = this.depth;
    let inString = this.inString;
    if (this.escapePending) {
      this.escapePending = false;
      i++;
    }
    while (i < n) {
      if (inString) {
        const q = chunk.indexOf(QUOTE, i);
        if (q === -1) {
          // The string goes on into the next chunk; remember a trailing odd backslash run.
          this.escapePending = oddBackslashesBefore(chunk, n, i);
          i = n;
          break;
        }
        if (oddBackslashesBefore(chunk, q, i)) {
          i = q + 1;
          continue;
        }
        inString = false;
        i = q + 1;
        continue;
      }
      const c = chunk[i++]!;
      if (c === QUOTE) {
        inString = true;
      } else if (c === OPEN_BRACE) {
        depth++;
      } else if (c === CLOSE_BRACE) {
        if (--depth === 0) break;
      }
    }
    this.depth = depth;
    this.inString = inString;
    return i;
  }

  /**
   * Tries the fast path for an item starting at `start`: returns the index just past it, having
   * appended its value to `out`, or -1 when the exact path must be taken.
   */
  private fastItem(chunk: Buffer, start: number, out: unknown[]): number {
    const needle = this.needle;
    if (needle === undefined || this.fastMisses >= MAX_FAST_MISSES) return -1;
    const at = chunk.indexOf(needle, start);
    // Not in this chunk: the item goes on into the next one, which the exact path handles.
    if (at === -1) return -1;
    const end = at + needle.length;
    const value = this.tryParse(chunk.subarray(start, end));
    if (value === NOT_JSON) {
      this.fastMisses++;
      return -1;
    }
    this.items++;
    out.push(value);
    return end;
  }

  private emit(chunk: Buffer, itemStart: number, end: number, out: unknown[]): void {
    let bytes: Buffer;
    if (this.parts.length === 0) {
      bytes = chunk.subarray(itemStart, end);
    } else {
      this.parts.push(chunk.subarray(itemStart, end));
      this.partsBytes += end - itemStart;
      this.checkItemSize();
      bytes = Buffer.concat(this.parts, this.partsBytes);
      this.parts = [];
      this.partsBytes = 0;
    }
    const value = this.tryParse(bytes);
    if (value === NOT_JSON) {
      let detail = '';
      try {
        JSON.parse(bytes.toString('utf8'));
      } catch (error) {
        detail = ` (${error instanceof Error ? error.message : String(error)})`;
      }
      throw new TweetAuditError(`item ${this.items + 1} is not valid JSON${detail} — the file may be corrupt`, {
        file: this.file,
      });
    }
    this.items++;
    out.push(value);
    if (this.needle === undefined && this.items === 1) this.needle = closingNeedle(bytes);
  }

  /** The item's value, NOT_JSON when the bytes are not one JSON value; throws for invalid UTF-8. */
  private tryParse(bytes: Buffer): unknown {
    this.checkDepth(bytes);
    // isUtf8 is a fast validation pass; toString alone would silently turn bad bytes into U+FFFD,
    // which would then go unnoticed into reports.
    if (!isUtf8(bytes)) {
      throw new TweetAuditError(
        `item ${this.items + 1} is not valid UTF-8 text — the file is damaged or in another encoding`,
        { file: this.file },
      );
    }
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch {
      return NOT_JSON;
    }
  }

  /** Refuses an item nested deeper than MAX_JSON_DEPTH before anything parses it. */
  private checkDepth(bytes: Buffer): void {
    if (bytes.length <= DEPTH_CHECK_BYTES) return;
    const at = bytesTooDeepAt(bytes, MAX_JSON_DEPTH);
    if (at === -1) return;
    throw new TweetAuditError(
      `item ${this.items + 1} is nested more than ${MAX_JSON_DEPTH} levels deep (at byte ${this.offset + at} or after), ` +
        'far deeper than a tweet: the file is corrupt or crafted',
      { file: this.file },
    );
  }

  private checkItemSize(): void {
    if (this.partsBytes > MAX_ITEM_BYTES) {
      throw new TweetAuditError(
        `item ${this.items + 1} is larger than ${MAX_ITEM_BYTES / 1024 / 1024} MiB: the file is ` +
          'corrupt (a quote or a brace is probably missing) — download the archive again',
        { file: this.file },
      );
    }
  }

  private unexpected(c: number, i: number, expected: string): TweetAuditError {
    return new TweetAuditError(
      `is malformed at byte ${this.offset + i}: found ${describeByte(c)} where ${expected} was ` +
        'expected — the file may have been edited or corrupted',
      { file: this.file },
    );
  }
}

/**
 * True when the backslashes just before `end` (not looking before `floor`) are odd in number,
 * i.e. the byte at `end` is escaped. A run that started before `floor` cannot occur: `floor` is
 * always just after a quote or an escaped byte, or the escape was carried over from the last chunk.
 */
function oddBackslashesBefore(chunk: Buffer, end: number, floor: number): boolean {
  let k = end - 1;
  while (k >= floor && chunk[k] === BACKSLASH) k--;
  return ((end - 1 - k) & 1) === 1;
}

/** "\n" + indentation + "}" when the item's closing brace starts a line, else undefined. */
function closingNeedle(item: Buffer): Buffer | undefined {
  let k = item.length - 2;
  while (k >= 0 && (item[k] === 0x20 || item[k] === 0x09)) k--;
  if (k < 0 || item[k] !== 0x0a) return undefined;
  return Buffer.from(item.subarray(k));
}

function describeByte(c: number): string {
  if (c >= 0x20 && c < 0x7f) return `"${String.fromCharCode(c)}"`;
  return `byte 0x${c.toString(16).padStart(2, '0')}`;
}
