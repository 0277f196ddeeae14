import { assertText } from '../archive/js-data-file.js';
import { JsonArrayScanner, MAX_ITEM_BYTES } from '../archive/json-array-scanner.js';

/** Bytes of tweets per batch handed to a worker: about 750 tweets as X prints them. */
export const BATCH_BYTES = 1024 * 1024;

const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']');
const COMMA = 0x2c;

/** Thrown when the file is not laid out as expected: the caller reads it the exact way instead. */
export class NotSplittable extends Error {}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * Cuts the list of a `<prefix> = [ {…}, {…} ];` data file into batches of whole items, each a JSON
 * array text of its own ("[{…},{…}]") in memory of its own (it can be handed to another thread
 * whole), without parsing anything.
 *
 * X prints its files pretty: every item ends with a line holding only the first item's closing
 * brace at its indentation ("\n  }"), a sequence that cannot occur inside the item (strings hold no
 * raw newline, nested values are indented deeper). So a batch ends at the last such closing before
 * its size is reached, found with one native `lastIndexOf`, and nothing is scanned byte by byte.
 * Nothing is checked either: a batch that does not parse as one JSON array means the file is not
 * laid out that way, and its reader must then read it the exact way. A batch that parses holds
 * exactly the items the exact reader finds, since it starts where the previous one ended.
 *
 * A file whose first item is not pretty-printed is cut item by item with the exact scanner.
 */
export async function* jsonArrayBatches(
  chunks: AsyncIterable<Buffer>,
  file: string,
  batchBytes = BATCH_BYTES,
  layout: { itemEnd?: Buffer } = {},
): AsyncGenerator<Buffer> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head = await iterator.next();
  if (head.done) throw new NotSplittable('empty file');
  assertText(head.value, file);
  const probe = new JsonArrayScanner(file, false);
  probe.push(head.value, []);
  const needle = probe.itemEnd;
  // Told before the first batch: the closing that ends every item, for {@link batchItems}.
  if (needle) layout.itemEnd = needle;
  if (!needle) {
    yield* itemByItem(head.value, iterator, file, batchBytes);
    return;
  }

  // The list starts after the first "[", which the probe found before its first item.
  let data = head.value.subarray(head.value.indexOf(OPEN[0]!) + 1);
  for (;;) {
    let from = 0;
    for (;;) {
      const end = cutBefore(data, needle, from, Math.min(data.length, from + batchBytes));
      if (end === -1) break;
      yield batch(data, from, end);
      from = end;
    }
    const rest = data.subarray(from);
    const next = await iterator.next();
    if (next.done) {
      data = rest;
      break;
    }
    if (rest.length > MAX_ITEM_BYTES) throw new NotSplittable('an item larger than any tweet');
    data = rest.length === 0 ? next.value : Buffer.concat([rest, next.value]);
  }
  // After the last item: the closing "]", then only whitespace or ";".
  let i = 0;
  while (i < data.length && isSpace(data[i]!)) i++;
  if (data[i] !== CLOSE[0]) throw new NotSplittable('no "]" after the last item');
  for (i++; i < data.length; i++) if (!isSpace(data[i]!) && data[i] !== 0x3b) throw new NotSplittable('text after the list');
}

/**
 * The end (just past the closing) of the last item that ends between `from` and `limit`, or, when
 * none does, of the first that ends after `limit`; -1 when no item ends after `from` at all.
 * Only `limit` equal to the data's end finds nothing beyond it.
 */
function cutBefore(data: Buffer, needle: Buffer, from: number, limit: number): number {
  // Closings that start at `latest` or before end by `limit`.
  const latest = limit - needle.length;
  if (latest >= from) {
    const last = data.lastIndexOf(needle, latest);
    if (last >= from) return last + needle.length;
  }
  if (limit >= data.length) return -1;
  const first = data.indexOf(needle, Math.max(from, latest + 1));
  return first === -1 ? -1 : first + needle.length;
}

/**
 * The items of a batch of {@link jsonArrayBatches} whose items all end with `itemEnd`, each parsed
 * on its own; undefined when the batch cannot be cut that way (an item printed on one line, as
 * `{}` is, or damage): the caller then parses the batch whole. The same items as one JSON.parse of
 * the batch, for less: one large parse keeps a megabyte of objects alive at once, and a single
 * character beyond Latin-1 makes the whole text two bytes a character (~1.5x the time, measured
 * on the 100k bench archive).
 *
 * `itemEnd` cannot occur inside an item (strings hold no raw newline, nested values are indented
 * deeper), so each cut is an item's end; an item cut anywhere else would not parse.
 */
export function batchItems(bytes: Buffer, itemEnd: Buffer): unknown[] | undefined {
  const last = bytes.length - 1;
  if (bytes[0] !== OPEN[0] || bytes[last] !== CLOSE[0]) return undefined;
  const items: unknown[] = [];
  let at = 1;
  for (;;) {
    const close = bytes.indexOf(itemEnd, at);
    if (close === -1 || close + itemEnd.length > last) return undefined;
    const end = close + itemEnd.length;
    try {
      items.push(JSON.parse(bytes.toString('utf8', at, end)));
    } catch {
      return undefined;
    }
    at = end;
    while (at < last && isSpace(bytes[at]!)) at++;
    if (at === last) return items;
    if (bytes[at] !== COMMA) return undefined;
    at++;
  }
}

/** The items in `data[from, end)` (whitespace, then items separated by commas) as "[…]". */
function batch(data: Buffer, from: number, end: number): Buffer {
  let start = from;
  while (start < end && isSpace(data[start]!)) start++;
  if (data[start] === COMMA) start++;
  const out = Buffer.allocUnsafeSlow(end - start + 2);
  out[0] = OPEN[0]!;
  data.copy(out, 1, start, end);
  out[out.length - 1] = CLOSE[0]!;
  return out;
}

/** Batches for a file not printed like X's: the exact scanner finds each item. */
async function* itemByItem(first: Buffer, rest: AsyncIterator<Buffer>, file: string, batchBytes: number): AsyncGenerator<Buffer> {
  const scanner = new JsonArrayScanner(file, false);
  let items: Buffer[] = [];
  let bytes = 0;
  for (let chunk: Buffer | undefined = first; chunk !== undefined; ) {
    const found: Buffer[] = [];
    scanner.push(chunk, found);
    for (const item of found) {
      items.push(item);
      bytes += item.length + 1;
      if (bytes >= batchBytes) {
        yield joined(items, bytes);
        items = [];
        bytes = 0;
      }
    }
    const next = await rest.next();
    chunk = next.done ? undefined : next.value;
  }
  scanner.end();
  if (items.length > 0) yield joined(items, bytes);
}

function joined(items: readonly Buffer[], bytes: number): Buffer {
  const out = Buffer.allocUnsafeSlow(bytes + 1);
  let at = 0;
  for (let k = 0; k < items.length; k++) {
    out[at++] = k === 0 ? OPEN[0]! : COMMA;
    items[k]!.copy(out, at);
    at += items[k]!.length;
  }
  out[at] = CLOSE[0]!;
  return out;
}
