import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TweetAuditError } from '../../src/errors.js';
import { CHUNK_BYTES } from '../../src/archive/source.js';
import { copyArchive, editFile, zipFolder, zipInputs } from './helpers/fixtures.js';
import { FIXTURES, readAll, tempDir } from './helpers/read.js';
import { buildZip } from './helpers/zip-writer.js';

const SPLIT = path.join(FIXTURES, 'modern-split');
const LEGACY = path.join(FIXTURES, 'legacy-2016');

let tmp: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir: tmp, cleanup } = await tempDir());
});
afterAll(() => cleanup?.());

/** Opening and reading `target` fails with a TweetAuditError naming `file` and matching `message`. */
async function expectFailure(target: string, message: RegExp, file: string = target): Promise<TweetAuditError> {
  let caught: unknown;
  try {
    await readAll(target);
  } catch (error) {
    caught = error;
  }
  expect(caught, 'no error thrown').toBeInstanceOf(TweetAuditError);
  const error = caught as TweetAuditError;
  expect(error.message).toMatch(message);
  expect(error.file).toBe(file);
  expect(error.message.startsWith(file)).toBe(true);
  return error;
}

async function write(name: string, data: string | Buffer): Promise<string> {
  const file = path.join(tmp, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, data);
  return file;
}

const TWEET = (id: string, text = 'hello') =>
  `{ "tweet" : { "id_str" : "${id}", "created_at" : "Fri May 10 09:00:00 +0000 2024", "full_text" : ${JSON.stringify(text)} } }`;

describe('paths', () => {
  it('a path that does not exist', async () => {
    await expectFailure(path.join(tmp, 'nowhere'), /does not exist — check the path/);
  });

  it('a folder with no archive in it says what was looked for', async () => {
    const dir = path.join(tmp, 'empty-folder');
    await mkdir(dir);
    await writeFile(path.join(dir, 'readme.txt'), 'hello');
    await expectFailure(dir, /holds no archive: looked for .*data\/tweets\.js.*tweets\.csv.*zip/);
  });

  it('a file of no known kind', async () => {
    await expectFailure(await write('notes.txt', 'just some notes'), /is not an archive tweet-audit can read/);
    // A JSON object is not a tweets file; named outbox.json it is taken for a Mastodon outbox,
    // and the message says what such a file lacks.
    await expectFailure(
      await write('outbox.json', '{ "orderedItems": [ { "id": "1" } ] }'),
      /is not an ActivityPub outbox/,
    );
    await expectFailure(
      await write('export.json', '{ "orderedItems": [ { "id": "1" } ] }'),
      /is not an archive tweet-audit can read/,
    );
  });

  it('a JSON list of tweets under another name is read', async () => {
    const file = await write('export.json', `[ ${TWEET('11')} ]`);
    expect((await readAll(file)).tweets.map((t) => t.id)).toEqual(['11']);
  });
});

describe('tweets.js damage', () => {
  it('an empty file', async () => {
    await expectFailure(await write('empty/tweets.js', ''), /is empty — the download may be incomplete/);
  });

  it('an empty tweets file inside an archive folder', async () => {
    const copy = await copyArchive(SPLIT, path.join(tmp, 'empty-part'));
    await writeFile(path.join(copy, 'data/tweets-part2.js'), '');
    await expectFailure(copy, /is empty/, path.join(copy, 'data/tweets-part2.js'));
  });

  it('cut off in the middle of a tweet', async () => {
    const full = `window.YTD.tweets.part0 = [ ${TWEET('11')}, ${TWEET('12')} ]`;
    const file = await write('cut/tweets.js', full.slice(0, full.lastIndexOf('hello') + 2));
    await expectFailure(file, /ends in the middle of a tweet \(item 2\) — the download may be incomplete/);
  });

  it('cut off between tweets', async () => {
    const file = await write('cut2/tweets.js', `window.YTD.tweets.part0 = [ ${TWEET('11')},\n`);
    await expectFailure(file, /ends before the list of tweets is closed/);
  });

  it('a list whose items are not tweets', async () => {
    await expectFailure(
      await write('numbers/tweets.js', 'window.YTD.tweets.part0 = [ 1, 2, 3 ]'),
      /items are not tweets/,
    );
    const account = await readFile(path.join(SPLIT, 'data/account.js'));
    await expectFailure(
      await write('wrong/tweets.js', account),
      /items are not tweets \(the first is an object with keys "account"\)/,
    );
  });

  it('an item that is not JSON', async () => {
    await expectFailure(
      await write('bad-json/tweets.js', `[ ${TWEET('11')}, { "tweet" : { id_str: 12 } } ]`),
      /item 2 is not valid JSON/,
    );
  });

  it('text after the list', async () => {
    await expectFailure(await write('trailing/tweets.js', `[ ${TWEET('11')} ]; alert(1)`), /is malformed at byte \d+/);
  });

  it('an image renamed tweets.js', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    await expectFailure(await write('png/tweets.js', png), /is a PNG image, not a text file/);
  });

  it('a binary file with NUL bytes', async () => {
    await expectFailure(
      await write('bin/tweets.js', Buffer.from('window.YTD.tweets.part0 = [\0\0\0\x01\x02')),
      /is a binary file/,
    );
  });

  it('invalid UTF-8 inside a tweet', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`[ ${TWEET('11', 'caf')}`.slice(0, -5)),
      Buffer.from([0xe9]),
      Buffer.from('" } } ]'),
    ]);
    await expectFailure(await write('latin1/tweets.js', bytes), /item 1 is not valid UTF-8/);
  });

  it('a part listed in manifest.js but missing', async () => {
    const copy = await copyArchive(SPLIT, path.join(tmp, 'missing-part'));
    const { rm } = await import('node:fs/promises');
    await rm(path.join(copy, 'data/tweets-part1.js'));
    await expectFailure(
      copy,
      /is listed in manifest.js but missing — the archive is incomplete/,
      path.join(copy, 'data/tweets-part1.js'),
    );
  });
});

describe('UTF-8 split across chunk boundaries is not an error', () => {
  /** A tweets.js in which a 4-byte emoji straddles the first chunk boundary. */
  function straddling(prefix: string, suffix: (pad: string) => string): Buffer {
    const head = Buffer.from(prefix);
    const pad = 'x'.repeat(CHUNK_BYTES - head.length - 2);
    const text = `${prefix}${pad}🙂${suffix(pad)}`;
    const bytes = Buffer.from(text);
    expect(bytes.subarray(CHUNK_BYTES - 2, CHUNK_BYTES + 2)).toEqual(Buffer.from('🙂'));
    return bytes;
  }

  it('in tweets.js', async () => {
    const start = `window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "11", "created_at" : "Fri May 10 09:00:00 +0000 2024", "full_text" : "`;
    const file = await write(
      'straddle/tweets.js',
      straddling(start, () => '" } } ]'),
    );
    const r = await readAll(file);
    expect(r.tweets).toHaveLength(1);
    expect(r.tweets[0]!.text.endsWith('x🙂')).toBe(true);
  });

  it('in tweets.csv', async () => {
    const start = '"tweet_id","timestamp","text"\n"11","2013-03-11 21:32:36 +0000","';
    const file = await write(
      'straddle/tweets.csv',
      straddling(start, () => '"\n'),
    );
    const r = await readAll(file);
    expect(r.tweets).toHaveLength(1);
    expect(r.tweets[0]!.text.endsWith('x🙂')).toBe(true);
  });

  it('while a sequence cut at the very end of a CSV is an error', async () => {
    const bytes = Buffer.concat([
      Buffer.from('"tweet_id","timestamp","text"\n"11","2013-03-11 21:32:36 +0000","a"\n'),
      Buffer.from([0xf0, 0x9f]),
    ]);
    await expectFailure(await write('cut-utf8/tweets.csv', bytes), /is not valid UTF-8/);
  });
});

describe('tweets.csv damage', () => {
  it('a CSV with the wrong header', async () => {
    await expectFailure(
      await write('other/tweets.csv', 'name,email\nalice,a@example.org\n'),
      /does not have the header of an X archive tweets.csv \(missing tweet_id, timestamp, text/,
    );
  });

  it('an empty CSV', async () => {
    await expectFailure(await write('empty-csv/tweets.csv', ''), /is empty/);
  });

  it('invalid UTF-8', async () => {
    const bytes = Buffer.concat([
      Buffer.from('"tweet_id","timestamp","text"\n"11","2013-03-11 21:32:36 +0000","caf'),
      Buffer.from([0xe9]),
      Buffer.from('"\n'),
    ]);
    await expectFailure(await write('latin1-csv/tweets.csv', bytes), /is not valid UTF-8/);
  });

  it('a quote left open', async () => {
    await expectFailure(
      await write(
        'open-quote/tweets.csv',
        '"tweet_id","timestamp","text"\n"11","2013-03-11 21:32:36 +0000","never closed\n',
      ),
      /cannot be read as CSV/,
    );
  });
});

describe('zip damage', () => {
  it('a truncated zip', async () => {
    const zip = await readFile(await zipFolder(SPLIT, path.join(tmp, 'whole.zip')));
    const cut = await write('truncated.zip', zip.subarray(0, Math.floor(zip.length / 2)));
    await expectFailure(cut, /is not a complete zip file .* the download may be incomplete or corrupt/);
  });

  it('a zip whose deflated data is corrupt', async () => {
    const inputs = await zipInputs(SPLIT);
    const zip = buildZip(inputs);
    // Overwrite the middle of data/tweets.js's compressed bytes.
    const name = Buffer.from('data/tweets.js');
    const at = zip.indexOf(name) + name.length + 40;
    zip.fill(0xff, at, at + 64);
    const file = await write('corrupt.zip', zip);
    await expectFailure(file, /cannot be read from the zip .* download the archive again/, `${file}/data/tweets.js`);
  });

  it('an entry that inflates to more than its header declares', async () => {
    const inputs = (await zipInputs(SPLIT)).map((f) => (f.name === 'data/tweets.js' ? { ...f, declaredSize: 100 } : f));
    const file = await write('lying.zip', buildZip(inputs));
    await expectFailure(file, /more bytes than the zip declares|too many bytes/, `${file}/data/tweets.js`);
  });

  // Entries over 16 MiB are inflated as a stream, smaller ones in one call (src/archive/zip-source.ts).
  const largeTweets = (count: number): string => {
    let seed = 7;
    const letters = (n: number) => {
      let out = '';
      for (let i = 0; i < n; i++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        out += String.fromCharCode(97 + ((seed >>> 16) % 26));
      }
      return out;
    };
    const items: string[] = [];
    for (let i = 0; i < count; i++) items.push(TWEET(String(10_000_000 + i), letters(300)));
    return `window.YTD.tweets.part0 = [\n${items.join(',\n')}\n]`;
  };

  it('an entry over 16 MiB is read in full, as a stream', async () => {
    const data = largeTweets(50_000);
    expect(data.length).toBeGreaterThan(16 * 1024 * 1024);
    const file = await write('large.zip', buildZip([{ name: 'data/tweets.js', data }]));
    const { tweets } = await readAll(file);
    expect(tweets.length).toBe(50_000);
    expect(tweets.at(-1)!.id).toBe('10049999');
  });

  it('a streamed entry that inflates to more than its header declares', async () => {
    const data = largeTweets(60_000);
    const declaredSize = 17 * 1024 * 1024;
    expect(data.length).toBeGreaterThan(declaredSize);
    const file = await write('large-lying.zip', buildZip([{ name: 'data/tweets.js', data, declaredSize }]));
    await expectFailure(file, /more bytes than the zip declares/, `${file}/data/tweets.js`);
  });

  it('an entry declared larger than the bound', async () => {
    const inputs = (await zipInputs(SPLIT)).map((f) =>
      f.name === 'data/tweets.js' ? { ...f, declaredSize: 9 * 1024 ** 3 } : f,
    );
    const file = await write('huge.zip', buildZip(inputs));
    await expectFailure(file, /declares 9663676416 bytes uncompressed, more than the 8 GiB/, `${file}/data/tweets.js`);
  });

  it('a zip with no archive in it', async () => {
    const file = await write('other.zip', buildZip([{ name: 'photos/cat.txt', data: 'meow' }]));
    await expectFailure(file, /holds no Twitter\/X archive: looked for data\/tweets\.js/);
  });
});

describe('legacy damage', () => {
  it('a Grailbird month file cut short', async () => {
    const copy = await copyArchive(LEGACY, path.join(tmp, 'legacy-cut'));
    const month = path.join(copy, 'data/js/tweets/2016_02.js');
    const text = await readFile(month, 'utf8');
    await writeFile(month, text.slice(0, text.length / 2));
    await expectFailure(copy, /ends in the middle of a tweet/, month);
  });

  it('missing month files make tweets.csv the source, with a warning', async () => {
    const copy = await copyArchive(LEGACY, path.join(tmp, 'legacy-missing'));
    const { rm } = await import('node:fs/promises');
    await rm(path.join(copy, 'data/js/tweets/2016_02.js'));
    const r = await readAll(copy);
    expect(r.archive.format).toBe('x-legacy-csv');
    expect(r.tweets).toHaveLength(4);
    expect(r.archive.warnings[0]).toMatch(/1 month files listed are missing .* reading tweets.csv instead/);
  });

  it('a damaged note-tweet.js costs the long texts, not the reading', async () => {
    const copy = await copyArchive(SPLIT, path.join(tmp, 'bad-notes'));
    const notes = path.join(copy, 'data/note-tweet.js');
    const text = await readFile(notes, 'utf8');
    await writeFile(notes, text.slice(0, text.length - 40));
    const r = await readAll(copy);
    expect(r.tweets).toHaveLength(8);
    expect(r.byId.get('1790000000000000303')!.text.endsWith('…')).toBe(true);
    expect(r.archive.warnings.some((w) => w.startsWith(notes) && w.includes('ends in the middle'))).toBe(true);
  });

  it('a damaged account file is a warning, not a failure', async () => {
    const copy = await copyArchive(SPLIT, path.join(tmp, 'bad-account'));
    await editFile(path.join(copy, 'data/account.js'), '"username"', 'username');
    const r = await readAll(copy);
    expect(r.tweets).toHaveLength(8);
    expect(r.archive.warnings.some((w) => w.includes('account.js') && w.includes('(ignored)'))).toBe(true);
    // manifest.js still names the owner.
    expect(r.archive.owner.handles).toEqual(['auditfixture']);
  });
});
