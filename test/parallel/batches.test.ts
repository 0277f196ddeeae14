import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchItems, jsonArrayBatches, NotSplittable } from '../../src/parallel/batches.js';
import { TweetAuditError } from '../../src/errors.js';

async function* chunked(bytes: Buffer, sizes: readonly number[]): AsyncGenerator<Buffer> {
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    // A fresh buffer per chunk, as the archive sources give.
    yield Buffer.from(bytes.subarray(at, at + size));
    at += size;
  }
}

/**
 * Every batch parsed, concatenated; or the error that says "read this file the exact way". Each
 * batch is also cut item by item (batchItems, as workers read it) where the file's layout allows:
 * that gives the same items, or (`mayDecline`: other layouts, damaged files) undefined, never
 * other items. Workers parse a declined batch whole.
 */
async function readBatches(bytes: Buffer, sizes: readonly number[], batchBytes: number, mayDecline = false): Promise<unknown[] | Error> {
  const items: unknown[] = [];
  try {
    const layout: { itemEnd?: Buffer } = {};
    for await (const batch of jsonArrayBatches(chunked(bytes, sizes), 't.js', batchBytes, layout)) {
      // Each batch lives in memory of its own, so it can be handed to another thread.
      expect(batch.byteOffset).toBe(0);
      expect(batch.buffer.byteLength).toBe(batch.length);
      let parsed: unknown[] | undefined;
      let failure: unknown;
      try {
        parsed = JSON.parse(batch.toString('utf8')) as unknown[];
      } catch (error) {
        failure = error;
      }
      if (layout.itemEnd) {
        const split = batchItems(batch, layout.itemEnd);
        if (!(mayDecline && split === undefined)) expect(split).toEqual(parsed);
      }
      if (parsed === undefined) throw failure;
      expect(parsed.length).toBeGreaterThan(0);
      items.push(...parsed);
    }
  } catch (error) {
    if (error instanceof NotSplittable || error instanceof TweetAuditError || error instanceof SyntaxError) return error;
    throw error;
  }
  return items;
}

const tweetLike = fc.record({ id_str: fc.string(), full_text: fc.string({ unit: 'grapheme' }), entities: fc.dictionary(fc.string(), fc.jsonValue()) });

describe('cutting a data file into batches of whole items', () => {
  it('gives exactly the items, in order, for files printed as X prints them, however the bytes arrive', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(tweetLike, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom('window.YTD.tweets.part0 = ', 'module.exports = ', ''),
        fc.constantFrom('', ';', '\n', ' ;\n'),
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 2000 }),
        async (tweets, wrap, prefix, suffix, sizes, batchBytes) => {
          const items = wrap ? tweets.map((tweet) => ({ tweet })) : tweets;
          const bytes = Buffer.from(prefix + JSON.stringify(items, null, 2) + suffix);
          expect(await readBatches(bytes, sizes, batchBytes)).toEqual(JSON.parse(JSON.stringify(items)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the items for other layouts too (minified, tabs), or says the file must be read the exact way', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 6 }),
        fc.constantFrom(0, 1, 4, '\t'),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 500 }),
        async (items, indent, sizes, batchBytes) => {
          const bytes = Buffer.from(`window.YTD.tweets.part0 = ${JSON.stringify(items, null, indent)}`);
          const result = await readBatches(bytes, sizes, batchBytes, true);
          if (!(result instanceof Error)) expect(result).toEqual(JSON.parse(JSON.stringify(items)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never yields wrong items from a damaged file: the damage shows as an error', async () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ tweet: { id_str: String(i), full_text: `tweet number ${i}`, entities: { urls: [] } } }));
    const good = Buffer.from(`window.YTD.tweets.part0 = ${JSON.stringify(items, null, 2)}`);
    await fc.assert(
      fc.asyncProperty(fc.nat(good.length - 1), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 50, max: 900 }), async (at, cut, batchBytes) => {
        const damaged = Buffer.concat([good.subarray(0, at), good.subarray(at + cut)]);
        const result = await readBatches(damaged, [97, 211], batchBytes, true);
        if (result instanceof Error) return;
        // Deleting whitespace only leaves the same items; anything else must have been refused.
        expect(result).toEqual(JSON.parse(damaged.toString('utf8').slice(damaged.indexOf('['))));
      }),
      { numRuns: 300 },
    );
  });

  it('finds an item end that straddles the batch size (found by the property above)', async () => {
    const items = [{ id_str: '', full_text: '', entities: {} }];
    const bytes = Buffer.from(`window.YTD.tweets.part0 = ${JSON.stringify(items, null, 2)}`);
    expect(await readBatches(bytes, [93], 63)).toEqual(items);
  });

  it('declines a batch holding an item printed on one line (found by the property above)', () => {
    // X-like layout with tabs, where the empty object has no closing line of its own.
    const bytes = Buffer.from('[{},\n\t{\n\t\t"": []\n\t}]');
    expect(batchItems(bytes, Buffer.from('\n\t}'))).toBeUndefined();
    expect(JSON.parse(bytes.toString('utf8'))).toEqual([{}, { '': [] }]);
  });

  it('cuts a batch item by item only when it is a plain list of such items', () => {
    const end = Buffer.from('\n  }');
    const list = (text: string) => Buffer.from(text);
    const a = '{\n    "id_str": "1"\n  }';
    const b = '{\n    "id_str": "2",\n    "x": {\n      "y": [ ]\n    }\n  }';
    expect(batchItems(list(`[${a},\n  ${b}]`), end)).toEqual([{ id_str: '1' }, { id_str: '2', x: { y: [] } }]);
    expect(batchItems(list(`[${a}]`), end)).toEqual([{ id_str: '1' }]);
    // A missing or doubled comma, a trailing comma, text between items, a missing bracket: no.
    for (const bad of [`[${a}\n  ${b}]`, `[${a},,${b}]`, `[${a},]`, `[${a}, 7, ${b}]`, `[${a} x, ${b}]`, `[${a}`, `${a}]`, '[]']) {
      expect(batchItems(list(bad), end), bad).toBeUndefined();
    }
  });

  it('refuses a file cut short after a whole item', async () => {
    const bytes = Buffer.from(`window.YTD.tweets.part0 = ${JSON.stringify([{ a: 1 }, { b: 2 }], null, 2)}`);
    const cut = bytes.subarray(0, bytes.lastIndexOf('}') + 1);
    expect(await readBatches(cut, [1000], 10)).toBeInstanceOf(NotSplittable);
  });
});
