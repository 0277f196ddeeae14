import { describe, expect, it } from 'vitest';
import { JsonArrayScanner, MAX_ITEM_BYTES } from '../../src/archive/json-array-scanner.js';
import { TweetAuditError } from '../../src/errors.js';

/** Scans `text` fed in chunks of `size` bytes and returns the parsed items. */
function scan(input: string | Buffer, size: number): unknown[] {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const scanner = new JsonArrayScanner('test.js');
  const out: unknown[] = [];
  for (let i = 0; i < bytes.length; i += size) scanner.push(bytes.subarray(i, i + size), out);
  scanner.end();
  return out;
}

const ITEMS = [
  { tweet: { id_str: '1', full_text: 'braces { } [ ] in "quotes"' } },
  { tweet: { id_str: '2', full_text: 'backslashes \\ \\\\ \\" and \\\\\\"', nested: { a: [{ b: {} }] } } },
  { tweet: { id_str: '3', full_text: 'unicode é 🙂 \u2028 and escapes \n \t' } },
  { tweet: { id_str: '4', full_text: '' } },
];

describe('JsonArrayScanner', () => {
  const variants: Record<string, string> = {
    'window.YTD prefix, pretty': `window.YTD.tweets.part0 = ${JSON.stringify(ITEMS, null, 2)}`,
    'module.exports, minified, trailing ;': `module.exports = ${JSON.stringify(ITEMS)};\n`,
    'no prefix, CRLF pretty': JSON.stringify(ITEMS, null, 2).replace(/\n/g, '\r\n'),
    'X style " : " and tabs': `window.YTD.tweet.part0 = ${JSON.stringify(ITEMS, null, '\t').replace(/": /g, '" : ')} ;  \n`,
    'UTF-8 BOM and a comment before': `\uFEFF// saved copy\nvar tweets = ${JSON.stringify(ITEMS, null, 4)}`,
  };

  for (const [name, text] of Object.entries(variants)) {
    it(`reads ${name}, whatever the chunk size`, () => {
      const total = Buffer.byteLength(text);
      for (const size of [1, 2, 3, 5, 7, 16, 64, 100, 333, total]) {
        expect(scan(text, size), `chunk size ${size}`).toEqual(ITEMS);
      }
    });
  }

  it('reads every split point of a string full of escapes', () => {
    const text = `[${JSON.stringify({ s: '\\"\\\\"}{' })},${JSON.stringify({ t: '"\\' })}]`;
    const bytes = Buffer.from(text);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const scanner = new JsonArrayScanner('t');
      const out: unknown[] = [];
      scanner.push(bytes.subarray(0, cut), out);
      scanner.push(bytes.subarray(cut), out);
      scanner.end();
      expect(out, `cut at ${cut}`).toEqual([{ s: '\\"\\\\"}{' }, { t: '"\\' }]);
    }
  });

  it('reads an empty list', () => {
    expect(scan('window.YTD.tweets.part0 = [ ]', 4)).toEqual([]);
    expect(scan('[]', 1)).toEqual([]);
  });

  it('falls back to exact scanning when the pretty-print guess is wrong', () => {
    // The first item closes with "\n}"; in the second, a nested object also closes at column 0,
    // so the fast guess cuts the item short and must be rejected.
    const text = '[{\n"a": 1\n}, {\n"b": {\n"c": 2\n}\n, "d": 3\n}, {\n"e": 4\n}]';
    expect(scan(text, text.length)).toEqual([{ a: 1 }, { b: { c: 2 }, d: 3 }, { e: 4 }]);
  });

  it('throws TweetAuditErrors naming the file', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /is empty/],
      ['no list here', /no "\[" opening a list/],
      ['[{"a": 1}, {"b": ', /ends in the middle of a tweet \(item 2\)/],
      ['[{"a": 1},', /ends before the list of tweets is closed \(after 1 items\)/],
      ['[1, 2]', /items are not tweets \(item 1 starts with "1"/],
      ['["a"]', /items are not tweets/],
      ['[{"a": 1} {"b": 2}]', /malformed at byte 10: found "\{" where a "," or "\]"/],
      ['[{"a": 1}] extra', /malformed at byte 11/],
      ['[{"a": nope}]', /item 1 is not valid JSON/],
    ];
    for (const [text, message] of cases) {
      let caught: unknown;
      try {
        scan(text, 3);
      } catch (error) {
        caught = error;
      }
      expect(caught, text).toBeInstanceOf(TweetAuditError);
      expect((caught as TweetAuditError).message, text).toMatch(message);
      expect((caught as TweetAuditError).file).toBe('test.js');
    }
  });

  it('refuses an item that never ends instead of growing without bound', () => {
    const scanner = new JsonArrayScanner('big.js');
    const out: unknown[] = [];
    scanner.push(Buffer.from('[{"s": "'), out);
    const filler = Buffer.alloc(1024 * 1024, 0x61);
    expect(() => {
      for (let i = 0; i <= MAX_ITEM_BYTES / filler.length + 1; i++) scanner.push(filler, out);
    }).toThrow(/larger than 16 MiB/);
  });

  it('rejects invalid UTF-8 inside an item', () => {
    const bytes = Buffer.concat([Buffer.from('[{"s": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}]')]);
    expect(() => scan(bytes, 4)).toThrow(/item 1 is not valid UTF-8/);
  });
});
