import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonArrayScanner } from '../../src/archive/json-array-scanner.js';
import { TweetAuditError } from '../../src/errors.js';
import { readAll, tempDir } from './helpers/read.js';

let tmp: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir: tmp, cleanup } = await tempDir());
});
afterAll(() => cleanup?.());

const tweetArb = fc.record(
  {
    id_str: fc.oneof(fc.bigInt({ min: 1n, max: 2n ** 63n }).map(String), fc.string()),
    created_at: fc.oneof(
      fc.date({ min: new Date('2006-03-21'), max: new Date('2099-01-01'), noInvalidDate: true }).map((d) => {
        const [wd, mon, day, year, time] = d.toUTCString().replace(',', '').split(' ') as [
          string,
          string,
          string,
          string,
          string,
        ];
        return `${wd} ${mon} ${day} ${time} +0000 ${year}`;
      }),
      fc.string(),
    ),
    full_text: fc.string({ unit: 'grapheme' }),
    in_reply_to_status_id_str: fc.bigInt({ min: 1n, max: 2n ** 63n }).map(String),
    entities: fc.record({
      urls: fc.array(
        fc.record({
          url: fc.constant('https://t.co/abc'),
          expanded_url: fc.webUrl(),
          indices: fc.tuple(fc.nat(), fc.nat()),
        }),
        { maxLength: 2 },
      ),
      user_mentions: fc.array(fc.record({ screen_name: fc.string(), indices: fc.anything() }), { maxLength: 2 }),
    }),
    favorite_count: fc.oneof(fc.nat().map(String), fc.anything()),
    edit_info: fc.anything(),
  },
  { requiredKeys: [] },
);

/** A tweets.js as X writes it, pretty or minified, items wrapped or bare. */
const fileArb = fc
  .record({
    tweets: fc.array(tweetArb, { maxLength: 6 }),
    wrap: fc.boolean(),
    indent: fc.constantFrom(0, 2, '\t'),
    prefix: fc.constantFrom('window.YTD.tweets.part0 = ', 'module.exports = ', '', '\uFEFF'),
    suffix: fc.constantFrom('', ';', '\n', ' ;\n'),
  })
  .map(({ tweets, wrap, indent, prefix, suffix }) =>
    Buffer.from(prefix + JSON.stringify(wrap ? tweets.map((tweet) => ({ tweet })) : tweets, null, indent) + suffix),
  );

type Mutation = { kind: 'cut' | 'delete' | 'insert' | 'flip'; at: number; bytes: Uint8Array };

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('cut', 'delete', 'insert', 'flip'),
  at: fc.nat(),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
});

function mutate(input: Buffer, mutations: Mutation[]): Buffer {
  let b = input;
  for (const m of mutations) {
    const at = b.length === 0 ? 0 : m.at % (b.length + 1);
    if (m.kind === 'cut') b = b.subarray(0, at);
    else if (m.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.bytes.length)]);
    else if (m.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
    else if (at < b.length) {
      b = Buffer.from(b);
      b[at] = m.bytes[0]!;
    }
  }
  return b;
}

/** Reads `bytes` as `name`: either tweets come out, or a TweetAuditError; nothing else. */
async function readsOrRefuses(name: string, bytes: Buffer): Promise<void> {
  const file = path.join(tmp, name);
  await writeFile(file, bytes);
  try {
    const r = await readAll(file);
    for (const t of r.tweets) {
      expect(typeof t.id).toBe('string');
      expect(Number.isFinite(t.createdAt)).toBe(true);
    }
  } catch (error) {
    if (!(error instanceof TweetAuditError)) throw error;
    expect(error.message.startsWith(file)).toBe(true);
  }
}

describe('property: damaged input yields tweets or a TweetAuditError', () => {
  it('tweets.js', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, fc.array(mutationArb, { maxLength: 3 }), async (file, mutations) => {
        await readsOrRefuses('tweets.js', mutate(file, mutations));
      }),
      { numRuns: 300 },
    );
  });

  it('tweets.csv', async () => {
    const csvArb = fc
      .array(
        fc.tuple(fc.bigInt({ min: 1n, max: 2n ** 63n }).map(String), fc.string({ unit: 'grapheme' }), fc.webUrl()),
        { maxLength: 5 },
      )
      .map((rows) =>
        Buffer.from(
          '"tweet_id","in_reply_to_status_id","in_reply_to_user_id","timestamp","source","text","retweeted_status_id","retweeted_status_user_id","retweeted_status_timestamp","expanded_urls"\n' +
            rows
              .map(
                ([id, text, url]) =>
                  `"${id}","","","2016-03-22 08:15:00 +0000","web","${text.replace(/"/g, '""')}","","","","${url}"`,
              )
              .join('\n'),
        ),
      );
    await fc.assert(
      fc.asyncProperty(csvArb, fc.array(mutationArb, { maxLength: 3 }), async (file, mutations) => {
        await readsOrRefuses('tweets.csv', mutate(file, mutations));
      }),
      { numRuns: 200 },
    );
  });

  it('arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        await readsOrRefuses('tweets.js', Buffer.from(bytes));
      }),
      { numRuns: 200 },
    );
  });
});

/** Any list of objects, in any formatting, arriving in chunks of any sizes. */
const listFiles = [
  fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 5 }),
  fc.constantFrom(0, 1, 2, 4, '\t'),
  fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 20 }),
] as const;

describe('property: the scanner finds exactly the items JSON.parse finds', () => {
  it('for any list of objects, any formatting, any chunking', () => {
    fc.assert(
      fc.property(...listFiles, (items, indent, sizes) => {
        const bytes = Buffer.from(`window.YTD.tweets.part0 = ${JSON.stringify(items, null, indent)}`);
        const scanner = new JsonArrayScanner('t.js');
        const out: unknown[] = [];
        let at = 0;
        for (let k = 0; at < bytes.length; k++) {
          const size = sizes[k % sizes.length]!;
          scanner.push(bytes.subarray(at, at + size), out);
          at += size;
        }
        scanner.end();
        expect(out).toEqual(JSON.parse(JSON.stringify(items)));
      }),
      { numRuns: 300 },
    );
  });
});
