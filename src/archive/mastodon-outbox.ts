import { TweetAuditError } from '../errors.js';
import { MAX_JSON_DEPTH } from '../limits.js';

/** One activity is a few KB; one this large means a lost quote or bracket, not a real post. */
const MAX_ACTIVITY_BYTES = 16 * 1024 * 1024;

const enum State {
  /** Before the root `{` (a UTF-8 byte order mark is allowed). */
  Start,
  /** After `{` or `,` in the root object: a key or `}`. */
  BeforeKey,
  /** Inside a root key. */
  Key,
  /** After a root key: `:`. */
  Colon,
  /** After `:`: the value starts. */
  BeforeValue,
  /** Inside a root value other than orderedItems, passed over (or kept, for "type"). */
  Value,
  /** After a root value: `,` or `}`. */
  AfterValue,
  /** Inside orderedItems, before an item or `]`. */
  BeforeItem,
  /** Inside an item of orderedItems. */
  Item,
  /** After an item: `,` or `]`. */
  AfterItem,
  /** After the root `}`: whitespace only. */
  Done,
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * Finds the activities of an ActivityPub outbox (`{ "type": "OrderedCollection", …,
 * "orderedItems": [ … ] }`) as the bytes stream in, holding one activity at a time rather than the
 * whole file: Mastodon writes every post of the account into this one file, so it can run to
 * hundreds of megabytes.
 *
 * The root object's keys are followed exactly; other root values are passed over by tracking
 * strings and bracket depth, and each activity is handed to `JSON.parse`, which judges its
 * syntax. Structural bytes are ASCII, so an item never starts or ends inside a UTF-8 sequence.
 */
export class OutboxScanner {
  private state = State.Start;
  private offset = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private key: Buffer[] = [];
  private currentKey = '';
  /** Bytes of the value being kept (an activity, or the root "type"), across chunks. */
  private parts: Buffer[] = [];
  private partsBytes = 0;
  private keeping = false;
  private itemCount = 0;
  private sawItems = false;
  /** The root "type", once seen. */
  type: string | undefined;

  /** @param file How to name the file in messages ("archive.tar.gz/outbox.json"). */
  constructor(private readonly file: string) {}

  private fail(message: string): TweetAuditError {
    return new TweetAuditError(message, { file: this.file });
  }

  private notOutbox(detail: string): TweetAuditError {
    return this.fail(`is not an ActivityPub outbox (${detail}); give the outbox.json of a Mastodon account export`);
  }

  /** Scans one chunk and appends the activities completed in it to `out`, parsed. */
  push(chunk: Buffer, out: unknown[]): void {
    const n = chunk.length;
    let keptFrom = this.keeping || this.state === State.Key ? 0 : -1;
    for (let i = 0; i < n; i++) {
      const c = chunk[i]!;
      switch (this.state) {
        case State.Start:
          if (isSpace(c)) break;
          if (this.offset + i < 3 && (c === 0xef || c === 0xbb || c === 0xbf)) break;
          if (c === 0x7b) this.state = State.BeforeKey;
          else if (c === 0x5b) throw this.notOutbox('it is a JSON list, not an object');
          else throw this.fail('is not JSON; give the outbox.json of a Mastodon account export');
          break;
        case State.BeforeKey:
          if (isSpace(c)) break;
          if (c === QUOTE) {
            this.state = State.Key;
            this.key = [];
            keptFrom = i + 1;
          } else if (c === 0x7d) this.state = State.Done;
          else throw this.broken(i);
          break;
        case State.Key:
          if (this.escaped) this.escaped = false;
          else if (c === BACKSLASH) this.escaped = true;
          else if (c === QUOTE) {
            this.key.push(chunk.subarray(keptFrom, i));
            keptFrom = -1;
            this.currentKey = this.parseJson(`"${Buffer.concat(this.key).toString('utf8')}"`, 'a key');
            this.state = State.Colon;
          }
          break;
        case State.Colon:
          if (isSpace(c)) break;
          if (c !== COLON) throw this.broken(i);
          this.state = State.BeforeValue;
          break;
        case State.BeforeValue:
          if (isSpace(c)) break;
          if (this.currentKey === 'orderedItems') {
            if (c !== 0x5b) throw this.notOutbox('"orderedItems" is not a list');
            if (this.type !== undefined && this.type !== 'OrderedCollection') {
              throw this.notOutbox(`its type is "${this.type}", not "OrderedCollection"`);
            }
            this.sawItems = true;
            this.state = State.BeforeItem;
            break;
          }
          this.startValue(this.currentKey === 'type');
          keptFrom = i;
          this.state = State.Value;
          i--; // The first byte of the value is scanned as part of it.
          break;
        case State.Value:
        case State.Item:
          i = this.skipInsideValue(chunk, i);
          if (i === n) break;
          if (this.scanValueByte(chunk[i]!)) {
            if (this.keeping) {
              this.keep(chunk.subarray(keptFrom, i));
              keptFrom = -1;
              this.finishValue(out);
            }
            this.state = this.state === State.Item ? State.AfterItem : State.AfterValue;
            i--; // The delimiter belongs to the enclosing list or object.
          }
          break;
        case State.AfterValue:
          if (isSpace(c)) break;
          if (c === COMMA) this.state = State.BeforeKey;
          else if (c === 0x7d) this.state = State.Done;
          else throw this.broken(i);
          break;
        case State.BeforeItem:
          if (isSpace(c)) break;
          if (c === 0x5d) {
            this.state = State.AfterValue;
            break;
          }
          this.startValue(true);
          keptFrom = i;
          this.state = State.Item;
          i--;
          break;
        case State.AfterItem:
          if (isSpace(c)) break;
          if (c === COMMA) this.state = State.BeforeItem;
          else if (c === 0x5d) this.state = State.AfterValue;
          else throw this.broken(i);
          break;
        case State.Done:
          if (!isSpace(c)) throw this.fail('has more data after the end of its JSON object');
          break;
      }
    }
    if (keptFrom !== -1) {
      if (this.state !== State.Key) this.keep(chunk.subarray(keptFrom));
      else {
        this.key.push(chunk.subarray(keptFrom));
        // Root keys are words like "orderedItems"; a huge one is a lost quote.
        if (this.key.reduce((sum, part) => sum + part.length, 0) > 64 * 1024) throw this.broken(n);
      }
    }
    this.offset += n;
  }

  /** Checks that the whole outbox has been seen; call after the last chunk. */
  end(): void {
    if (this.state === State.Start) throw this.fail('is empty; give the outbox.json of a Mastodon account export');
    if (this.state !== State.Done) {
      throw this.fail(
        `ends in the middle of its JSON after ${this.itemCount} activities: the file is truncated; ` +
          'download the account export again',
      );
    }
    if (this.type !== 'OrderedCollection') {
      throw this.notOutbox(this.type === undefined ? 'it has no "type"' : `its type is "${this.type}"`);
    }
    if (!this.sawItems) throw this.notOutbox('it has no "orderedItems" list');
  }

  private broken(at: number): TweetAuditError {
    return this.fail(
      `is not valid JSON near byte ${this.offset + at}: the file is damaged; download the account export again`,
    );
  }

  /** A value nested millions deep costs JSON.parse gigabytes: refused before it is parsed. */
  private tooDeep(at: number): TweetAuditError {
    return this.fail(
      `has a value nested more than ${MAX_JSON_DEPTH} levels deep near byte ${this.offset + at} (activity ` +
        `${this.itemCount + 1}), far deeper than a post: the file is damaged or crafted`,
    );
  }

  private startValue(keep: boolean): void {
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.keeping = keep;
    this.parts = [];
    this.partsBytes = 0;
  }

  /**
   * Runs over the bytes of a value that cannot end it (string content, nesting, scalars) in one
   * tight loop, since they are almost all of the file; returns the index of the first byte that
   * may matter, or the chunk's length.
   */
  private skipInsideValue(chunk: Buffer, from: number): number {
    const n = chunk.length;
    let i = from;
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    for (; i < n; i++) {
      if (inString) {
        if (escaped) {
          escaped = false;
          continue;
        }
        // Jump to the next quote; it closes the string unless an odd run of backslashes
        // (counted back no further than here, where no escape is pending) escapes it.
        const quote = chunk.indexOf(QUOTE, i);
        const end = quote === -1 ? n : quote;
        let backslashes = 0;
        while (end - 1 - backslashes >= i && chunk[end - 1 - backslashes] === BACKSLASH) backslashes++;
        if (quote === -1) {
          escaped = backslashes % 2 === 1;
          i = n - 1;
        } else {
          inString = backslashes % 2 === 1;
          i = quote;
        }
        continue;
      }
      const c = chunk[i]!;
      if (c === QUOTE) inString = true;
      else if (c === 0x7b || c === 0x5b) {
        if (++depth > MAX_JSON_DEPTH) throw this.tooDeep(i);
      } else if (c === 0x7d || c === 0x5d) {
        if (depth === 0) break;
        depth--;
      } else if (c === COMMA && depth === 0) break;
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return i;
  }

  /** Advances over one byte of a value; true when `c` is the delimiter just after the value. */
  private scanValueByte(c: number): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === BACKSLASH) this.escaped = true;
      else if (c === QUOTE) this.inString = false;
      return false;
    }
    if (c === QUOTE) this.inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++this.depth > MAX_JSON_DEPTH) throw this.tooDeep(0);
    } else if (c === 0x7d || c === 0x5d) {
      if (this.depth === 0) return true;
      this.depth--;
    } else if (c === COMMA && this.depth === 0) return true;
    return false;
  }

  private keep(part: Buffer): void {
    if (part.length === 0) return;
    this.partsBytes += part.length;
    const limit = this.state === State.Item ? MAX_ACTIVITY_BYTES : 64 * 1024;
    if (this.partsBytes > limit) {
      throw this.fail(
        this.state === State.Item
          ? `has an activity over ${limit / 1024 / 1024} MiB, which no post is; the file is damaged`
          : 'has a root "type" value far too long to be one; the file is damaged',
      );
    }
    this.parts.push(part);
  }

  private finishValue(out: unknown[]): void {
    const text = (this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts)).toString('utf8');
    this.keeping = false;
    this.parts = [];
    this.partsBytes = 0;
    if (this.state === State.Item) {
      this.itemCount++;
      out.push(this.parseJson(text, `activity ${this.itemCount}`));
    } else {
      const type: unknown = this.parseJson(text, 'the "type"');
      this.type = typeof type === 'string' ? type : JSON.stringify(type);
      if (this.sawItems && this.type !== 'OrderedCollection') {
        throw this.notOutbox(`its type is "${this.type}", not "OrderedCollection"`);
      }
    }
  }

  private parseJson<T = unknown>(text: string, what: string): T {
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new TweetAuditError(
        `${what} is not valid JSON (${(error as Error).message}); the file is damaged, download the ` +
          'account export again',
        { file: this.file, cause: error },
      );
    }
  }
}

/** Yields the activities of an outbox streamed as `chunks`, checking its shape at the end. */
export async function* scanOutbox(chunks: AsyncIterable<Buffer>, file: string): AsyncGenerator<unknown> {
  const scanner = new OutboxScanner(file);
  const found: unknown[] = [];
  for await (const chunk of chunks) {
    scanner.push(chunk, found);
    for (const item of found) yield item;
    found.length = 0;
  }
  scanner.end();
}
