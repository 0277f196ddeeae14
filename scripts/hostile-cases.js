// Hostile inputs for tweet-audit (issue 16), made into a folder on demand: crafted archives,
// options and config files that once crashed the tool, hung it or ate the machine's memory.
// Used by test/hostile/ (scale 'test': small files that still cross every limit) and by the
// bench's hostile section (scale 'bench': the sizes of the reports).
//
// Each case: { name, make(dir) → { args, expect, message?, stdout? } }, where `expect` is
//   'error'   exit 2, one line on stderr matching `message`;
//   'warning' exit 0, a stderr line matching `message` (a counted skip);
//   'ok'      exit 0, stdout matching `stdout` when given.
import { mkdirSync, symlinkSync, writeFileSync, openSync, ftruncateSync, closeSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';

const DAY = 'Sat Nov 09 12:14:18 +0000 2024';

/** A tweets.js item. */
function tweet(id, text, created = DAY, extra = {}) {
  return {
    tweet: {
      id_str: id,
      created_at: created,
      full_text: text,
      entities: { hashtags: [], user_mentions: [], urls: [] },
      ...extra,
    },
  };
}

/** An extracted X archive folder holding these tweets.js items (a string: the file as is). */
function xArchive(dir, name, items) {
  const root = path.join(dir, name);
  mkdirSync(path.join(root, 'data'), { recursive: true });
  const body = typeof items === 'string' ? items : `window.YTD.tweets.part0 = ${JSON.stringify(items, null, 2)}`;
  writeFileSync(path.join(root, 'data/tweets.js'), body);
  writeFileSync(
    path.join(root, 'data/account.js'),
    'window.YTD.account.part0 = [ { "account" : { "username" : "tester", "accountId" : "1" } } ]',
  );
  return root;
}

/** A normal little archive, for cases about options and config files. */
function plainArchive(dir) {
  return xArchive(dir, 'plain', [
    tweet('100', 'hello world'),
    tweet('101', 'another tweet', 'Sun Nov 10 12:14:18 +0000 2024'),
  ]);
}

/** `depth` nested lists, as text: "[[[…]]]". */
const nested = (depth) => '['.repeat(depth) + ']'.repeat(depth);

const ALICE = 'https://social.example/users/alice';
const PUBLIC = 'https://www.w3.org/ns/activitystreams#Public';

/** A Mastodon post activity; `object` fields override. */
function post(id, published, content, object = {}) {
  return {
    id: `${ALICE}/statuses/${id}/activity`,
    type: 'Create',
    actor: ALICE,
    published,
    to: [PUBLIC],
    object: { id: `${ALICE}/statuses/${id}`, type: 'Note', published, to: [PUBLIC], content, ...object },
  };
}

/** A Mastodon export folder (outbox.json, actor.json); `items` may be raw JSON text. */
function mastodonExport(dir, name, items) {
  const root = path.join(dir, name);
  mkdirSync(root, { recursive: true });
  const list = typeof items === 'string' ? items : JSON.stringify(items);
  writeFileSync(
    path.join(root, 'outbox.json'),
    `{"@context":"https://www.w3.org/ns/activitystreams","id":"outbox.json","type":"OrderedCollection","orderedItems":${list}}`,
  );
  writeFileSync(
    path.join(root, 'actor.json'),
    JSON.stringify({ id: ALICE, type: 'Person', preferredUsername: 'alice', followers: `${ALICE}/followers` }),
  );
  return root;
}

/**
 * A zip written by hand: `entries` of { name, data, store?, crc?, offsetOf? } where `crc` overrides
 * the checksum and `shared` makes every entry point at the first one's data (overlap).
 */
function writeZip(file, entries, { shared = false } = {}) {
  const parts = [];
  const central = [];
  let offset = 0;
  let first;
  for (const entry of entries) {
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data ?? '');
    const body = entry.store ? data : deflateRawSync(data);
    const name = Buffer.from(entry.name);
    const crc = entry.crc ?? crc32(data);
    const here = shared && first ? first : { offset, body };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    if (!(shared && first)) {
      parts.push(local, name, body);
      first ??= here;
      offset += 30 + name.length + body.length;
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(entry.store ? 0 : 8, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(here.body.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(here.offset, 42);
    central.push(c, name);
  }
  const directory = Buffer.concat(central);
  // More than 65,535 entries need zip64's end records, which count in 64 bits.
  const zip64 = [];
  if (entries.length > 0xffff) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    zip64.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...parts, directory, ...zip64, end]));
  return file;
}

/** A .tar.gz of `files` ({ name: text }), as Mastodon exports came before 4.2. */
function writeTarGz(file, files) {
  const blocks = [];
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const header = Buffer.alloc(512);
    header.write(name, 0);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\0', 257);
    header.write('00', 263);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  writeFileSync(file, gzipSync(Buffer.concat(blocks)));
  return file;
}

/** A file of `bytes` zeros that takes no disk space. */
function sparseFile(file, bytes) {
  const fd = openSync(file, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return file;
}

/**
 * The Bluesky fixture repository (12 posts and reposts, one undated) with one more block of
 * `bytes` zeros at its end, written sparse: a block no record names, so never read.
 */
function paddedCar(file, bytes) {
  const repo = readFileSync(fileURLToPath(new URL('../fixtures/bluesky/basic/repo.car', import.meta.url)));
  // A CIDv1 of raw bytes hashed with sha2-256: 36 bytes.
  const cid = Buffer.concat([Buffer.from([0x01, 0x55, 0x12, 0x20]), Buffer.alloc(32, 0xab)]);
  const length = [];
  for (let n = cid.length + bytes; n >= 0x80; n = Math.floor(n / 128)) length.push((n % 128) | 0x80);
  length.push(Math.floor((cid.length + bytes) / 128 ** length.length));
  writeFileSync(file, Buffer.concat([repo, Buffer.from(length), cid]));
  const fd = openSync(file, 'r+');
  ftruncateSync(fd, repo.length + length.length + cid.length + bytes);
  closeSync(fd);
  return file;
}

/** The Bluesky fixture repository followed by `count` tiny blocks no record names. */
function manyBlocksCar(file, count) {
  const repo = readFileSync(fileURLToPath(new URL('../fixtures/bluesky/basic/repo.car', import.meta.url)));
  // Each: length 37, a CIDv1 of raw bytes hashed with sha2-256 (its digest the block's number), one byte.
  const blocks = Buffer.alloc(count * 38);
  for (let i = 0; i < count; i++) {
    blocks.set([37, 0x01, 0x55, 0x12, 0x20], i * 38);
    blocks.writeUInt32BE(i, i * 38 + 5);
  }
  writeFileSync(file, Buffer.concat([repo, blocks]));
  return file;
}

/** The tweets.js text of one tweet carrying a field nested `depth` deep. */
function nestBombTweets(depth) {
  return `window.YTD.tweets.part0 = [ ${JSON.stringify(tweet('7', 'bomb')).slice(0, -2)}, "x": ${nested(depth)} } } ]`;
}

/**
 * The cases. `scale` 'test' keeps every file small (yet past each limit); 'bench' uses the sizes
 * the issue reported.
 */
export function hostileCases(scale = 'test') {
  const big = scale === 'bench';
  const depth = big ? 4_000_000 : 40_000;
  const word = big ? 200_000 : 50_000;
  return [
    {
      name: '--month 9999-12',
      make: (dir) => ({
        args: ['report', plainArchive(dir), '--month', '9999-12'],
        expect: 'error',
        message: /--month 9999-12 is more than 12 months ahead/,
      }),
    },
    {
      name: '--to 9999-12',
      make: (dir) => ({
        args: ['report', plainArchive(dir), '--to', '9999-12'],
        expect: 'error',
        message: /--to 9999-12 is more than 12 months ahead/,
      }),
    },
    {
      name: 'a --month before Twitter existed',
      make: (dir) => ({
        args: ['report', plainArchive(dir), '--month', '1999-01'],
        expect: 'error',
        message: /--month 1999-01 is before 2006-03/,
      }),
    },
    {
      name: 'a Mastodon post dated December 9999, with --all',
      make: (dir) => ({
        args: [
          'report',
          mastodonExport(dir, 'm9999', [
            post('1', '2024-03-01T09:00:00Z', '<p>hello</p>'),
            post('2', '9999-12-01T09:00:00Z', '<p>future</p>'),
          ]),
          '--all',
        ],
        expect: 'warning',
        message: /m9999: skipped 1 record: 1 with no valid date/,
      }),
    },
    {
      name: "a Mastodon post beyond JavaScript's date range",
      make: (dir) => ({
        args: [
          'report',
          mastodonExport(dir, 'mjs', [
            post('1', '2024-03-01T09:00:00Z', '<p>hello</p>'),
            post('2', '+275760-09-13T00:00:00Z', '<p>edge</p>'),
          ]),
          '--all',
        ],
        expect: 'warning',
        message: /skipped 1 record: 1 with no valid date; --verbose lists them/,
      }),
    },
    {
      name: 'a Mastodon post dated before Mastodon existed',
      make: (dir) => ({
        args: [
          'report',
          mastodonExport(dir, 'mold', [
            post('1', '2024-03-01T09:00:00Z', '<p>hello</p>'),
            post('2', '1999-03-01T09:00:00Z', '<p>old</p>'),
          ]),
          '--all',
        ],
        expect: 'warning',
        message: /skipped 1 record: 1 with no valid date; --verbose lists them/,
      }),
    },
    {
      name: 'a tweet dated after the archive was made',
      make: (dir) => ({
        args: [
          'report',
          xArchive(dir, 'future', [tweet('1', 'now'), tweet('2', 'later', 'Mon Jan 01 12:00:00 +0000 2090')]),
          '--all',
        ],
        expect: 'warning',
        message: /skipped 1 record: 1 dated after the archive was made/,
      }),
    },
    {
      name: 'records skipped for two reasons: one warning for both',
      make: (dir) => ({
        args: [
          'report',
          xArchive(dir, 'mixed', [
            tweet('1', 'now'),
            tweet('2', 'later', 'Mon Jan 01 12:00:00 +0000 2090'),
            tweet('3', 'undated', 'Thu Feb 30 10:00:00 +0000 2023'),
            tweet('4', 'undated too', 'not a date'),
          ]),
          '--all',
        ],
        expect: 'warning',
        message:
          /mixed: skipped 3 records: 2 with no id or no valid date, 1 dated after the archive was made \(\d{4}-\d\d-\d\d\); --verbose lists them\n/,
      }),
    },
    {
      name: 'a FIFO as the archive',
      make: (dir) => ({
        args: ['report', fifo(dir, 'archive.fifo')],
        expect: 'error',
        message: /archive\.fifo: is a named pipe \(FIFO\), not a file/,
      }),
    },
    {
      name: 'a FIFO as --config',
      make: (dir) => ({
        args: ['report', plainArchive(dir), '--config', fifo(dir, 'config.fifo')],
        expect: 'error',
        message: /config\.fifo: is a named pipe/,
      }),
    },
    {
      name: 'a FIFO as --labels',
      make: (dir) => ({
        args: ['report', plainArchive(dir), '--labels', fifo(dir, 'labels.fifo')],
        expect: 'error',
        message: /labels\.fifo: is a named pipe/,
      }),
    },
    {
      name: '/dev/zero as --config',
      make: (dir) => ({
        args: ['report', plainArchive(dir), '--config', '/dev/zero'],
        expect: 'error',
        message: /\/dev\/zero: is a character device/,
      }),
    },
    {
      name: '/dev/urandom as --labels',
      make: (dir) => ({
        args: ['report', plainArchive(dir), '--labels', '/dev/urandom'],
        expect: 'error',
        message: /\/dev\/urandom: is a character device/,
      }),
    },
    {
      name: 'a folder as --config',
      make: (dir) => ({
        args: ['report', plainArchive(dir), '--config', dir],
        expect: 'error',
        message: /is a folder, not a config file/,
      }),
    },
    {
      name: 'a config over 1 MiB',
      make: (dir) => {
        const file = path.join(dir, 'big.config.json');
        writeFileSync(file, `{${' '.repeat(big ? 200 * 1024 * 1024 : 2 * 1024 * 1024)}}`);
        return {
          args: ['report', plainArchive(dir), '--config', file],
          expect: 'error',
          message: /big\.config\.json: is 2?\d* MiB, larger than the 1 MiB limit for a config file/,
        };
      },
    },
    {
      name: 'a labels file over 50 MiB',
      make: (dir) => ({
        args: ['report', plainArchive(dir), '--labels', sparseFile(path.join(dir, 'big-labels.csv'), 60 * 1024 * 1024)],
        expect: 'error',
        message: /big-labels\.csv: is 60 MiB, larger than the 50 MiB limit for a labels file/,
      }),
    },
    {
      name: 'a labels file of 1,000,000 rows',
      make: (dir) => {
        const file = path.join(dir, 'million.labels.csv');
        const rows = Array.from({ length: 1_000_000 }, (_, i) => `${1_000_000 + i},personal`);
        writeFileSync(file, `id,category\n${rows.join('\n')}\n`);
        return {
          args: ['report', plainArchive(dir), '--labels', file],
          expect: 'error',
          message: /million\.labels\.csv: has 1,000,001 lines, more than the 200,000 limit/,
        };
      },
    },
    {
      name: 'a config nested deep in "goals"',
      make: (dir) => {
        const file = path.join(dir, 'deep.config.json');
        writeFileSync(file, `{\n  "goals": ${nested(big ? 100_000 : 10_000)}\n}`);
        return {
          args: ['report', plainArchive(dir), '--config', file],
          expect: 'error',
          message: /deep\.config\.json: line 2, column \d+: nested more than 64 levels/,
        };
      },
    },
    {
      name: 'a config with a UTF-8 byte-order mark',
      make: (dir) => {
        const file = path.join(dir, 'bom.config.json');
        writeFileSync(file, `\uFEFF{ "timeZone": "Europe/Madrid" }`);
        return {
          args: ['report', plainArchive(dir), '--config', file, '--all', '--format', 'json'],
          expect: 'ok',
          stdout: /"timezone": "Europe\/Madrid"/,
        };
      },
    },
    {
      name: 'a config in UTF-16 with its byte-order mark',
      make: (dir) => {
        const file = path.join(dir, 'utf16.config.json');
        writeFileSync(
          file,
          Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{ "timeZone": "Asia/Tokyo" }', 'utf16le')]),
        );
        return {
          args: ['report', plainArchive(dir), '--config', file, '--all', '--format', 'json'],
          expect: 'ok',
          stdout: /"timezone": "Asia\/Tokyo"/,
        };
      },
    },
    {
      name: 'a labels file in UTF-16 without a byte-order mark',
      make: (dir) => {
        const file = path.join(dir, 'utf16.labels.csv');
        writeFileSync(file, Buffer.from('id,category\n100,personal\n', 'utf16le'));
        return {
          args: ['report', plainArchive(dir), '--labels', file],
          expect: 'error',
          message: /utf16\.labels\.csv: holds NUL bytes: it is not a UTF-8 text labels file/,
        };
      },
    },
    {
      name: `one word of ${word.toLocaleString('en-US')} letters in a tweet`,
      make: (dir) => ({
        args: ['report', xArchive(dir, 'word', [tweet('1', 'a'.repeat(word)), tweet('2', 'é'.repeat(word))]), '--all'],
        expect: 'ok',
      }),
    },
    {
      name: `a Mastodon post of one ${big ? '10 MB' : '1 MB'} word`,
      make: (dir) => ({
        args: [
          'report',
          mastodonExport(dir, 'mword', [
            post('1', '2024-03-01T09:00:00Z', `<p>${'x'.repeat(big ? 10_000_000 : 1_000_000)}</p>`),
          ]),
          '--all',
        ],
        expect: 'ok',
      }),
    },
    {
      name: 'a Mastodon post of one unclosed tag after another',
      make: (dir) => ({
        args: [
          'report',
          mastodonExport(dir, 'mtags', [post('1', '2024-03-01T09:00:00Z', '<a href="'.repeat(big ? 111_111 : 20_000))]),
          '--all',
        ],
        expect: 'ok',
      }),
    },
    {
      name: `a Mastodon post of ${big ? '100,000' : '20,000'} links and paragraphs`,
      make: (dir) => ({
        args: [
          'report',
          mastodonExport(dir, 'mlinks', [
            post(
              '1',
              '2024-03-01T09:00:00Z',
              '<p><a href="https://x.example/">x</a></p>'.repeat(big ? 100_000 : 20_000),
            ),
          ]),
          '--all',
        ],
        expect: 'ok',
      }),
    },
    {
      name: `a tweet with a field nested ${depth.toLocaleString('en-US')} deep`,
      make: (dir) => ({
        args: ['report', xArchive(dir, 'nest', nestBombTweets(depth)), '--all'],
        expect: 'error',
        message: /tweets\.js: item 1 is nested more than 64 levels deep/,
      }),
    },
    {
      name: 'the same nesting bomb in a zip',
      make: (dir) => ({
        args: [
          'report',
          writeZip(path.join(dir, 'nest.zip'), [{ name: 'data/tweets.js', data: nestBombTweets(depth) }]),
          '--all',
        ],
        expect: 'error',
        message: /nest\.zip\/data\/tweets\.js: item 1 is nested more than 64 levels deep/,
      }),
    },
    {
      name: 'a Mastodon activity nested deep',
      make: (dir) => {
        const bomb = `[${JSON.stringify(post('1', '2024-03-01T09:00:00Z', '<p>hi</p>')).slice(0, -1)},"x":${nested(depth)}}]`;
        return {
          args: ['report', mastodonExport(dir, 'mnest', bomb), '--all'],
          expect: 'error',
          message: /outbox\.json: has a value nested more than 64 levels deep/,
        };
      },
    },
    {
      name: 'a Mastodon .tar.gz whose activity is nested deep',
      make: (dir) => {
        const bomb = `[${JSON.stringify(post('1', '2024-03-01T09:00:00Z', '<p>hi</p>')).slice(0, -1)},"x":${nested(depth)}}]`;
        const outbox = `{"@context":"https://www.w3.org/ns/activitystreams","id":"outbox.json","type":"OrderedCollection","orderedItems":${bomb}}`;
        const actor = JSON.stringify({ id: ALICE, type: 'Person', preferredUsername: 'alice' });
        const file = writeTarGz(path.join(dir, 'export.tar.gz'), { 'actor.json': actor, 'outbox.json': outbox });
        return {
          args: ['report', file, '--all'],
          expect: 'error',
          message: /export\.tar\.gz.*outbox\.json: has a value nested more than 64 levels deep/,
        };
      },
    },
    {
      name: 'a Mastodon actor.json nested deep',
      make: (dir) => {
        const root = mastodonExport(dir, 'mactor', [post('1', '2024-03-01T09:00:00Z', '<p>hi</p>')]);
        writeFileSync(path.join(root, 'actor.json'), `{"id":"${ALICE}","x":${nested(depth)}}`);
        return {
          args: ['report', root, '--all'],
          expect: 'error',
          message: /actor\.json: is nested more than 64 levels deep/,
        };
      },
    },
    {
      // Read through a window, block by block: the padding is skipped, never held.
      name: `a Bluesky repo.car padded to ${big ? '1.9 GB' : '300 MB'} (sparse)`,
      make: (dir) => ({
        args: ['classify', paddedCar(path.join(dir, 'padded.car'), big ? 1_900_000_000 : 300_000_000), '--all'],
        expect: 'warning',
        message: /padded\.car: skipped 1 record: 1 with no valid date/,
        stdout: /^id,created_at,local_time,category/,
      }),
    },
    {
      name: 'a Bluesky repo.car of 1,000,001 tiny blocks',
      make: (dir) => ({
        args: ['report', manyBlocksCar(path.join(dir, 'many.car'), 1_000_001), '--all'],
        expect: 'error',
        message: /many\.car: holds more than 1,000,000 blocks/,
      }),
    },
    {
      name: 'a tweets.csv whose last quote never closes',
      make: (dir) => {
        const root = path.join(dir, 'legacy');
        mkdirSync(root, { recursive: true });
        const file = path.join(root, 'tweets.csv');
        writeFileSync(
          file,
          `"tweet_id","timestamp","text"\n"1","2013-03-11 21:32:36 +0000","hello"\n"2","2013-03-11 21:32:36 +0000","${'x'.repeat(17 * 1024 * 1024)}\n`,
        );
        return {
          args: ['report', file, '--all'],
          expect: 'error',
          message: /tweets\.csv: has a row over 16 Mi characters/,
        };
      },
    },
    {
      name: '64 zip entries sharing one deflate stream',
      make: (dir) => {
        const data = Buffer.alloc(big ? 1024 * 1024 * 1024 : 1024 * 1024, 0x20);
        const entries = Array.from({ length: 64 }, (_, i) => ({
          name: `data/tweets-part${String(i).padStart(2, '0')}.js`,
          data,
        }));
        return {
          args: ['report', writeZip(path.join(dir, 'overlap.zip'), entries, { shared: true }), '--all'],
          expect: 'error',
          message: /overlap\.zip: has entries whose data overlap/,
        };
      },
    },
    {
      name: 'a zip entry that inflates 1,000 times its size',
      make: (dir) => {
        const data = Buffer.alloc(big ? 1024 * 1024 * 1024 : 64 * 1024 * 1024, 0x20);
        return {
          args: ['report', writeZip(path.join(dir, 'bomb.zip'), [{ name: 'data/tweets.js', data }]), '--all'],
          expect: 'error',
          message: /bomb\.zip\/data\/tweets\.js: declares \d+ bytes from \d+ compressed, more than 200 times/,
        };
      },
    },
    {
      name: 'a zip entry whose CRC-32 does not match',
      make: (dir) => {
        const body = `window.YTD.tweets.part0 = ${JSON.stringify([tweet('1', 'hello')])}`;
        const file = writeZip(path.join(dir, 'crc.zip'), [
          { name: 'data/tweets.js', data: body, crc: (crc32(Buffer.from(body)) ^ 1) >>> 0 },
        ]);
        return {
          args: ['report', file, '--all'],
          expect: 'error',
          message: /crc\.zip\/data\/tweets\.js: does not match its CRC-32 checksum/,
        };
      },
    },
    {
      name: `a zip with ${big ? '300,000' : '20,000'} empty entries`,
      make: (dir) => {
        const entries = [
          { name: 'data/tweets.js', data: `window.YTD.tweets.part0 = ${JSON.stringify([tweet('1', 'hello')])}` },
        ];
        for (let i = 0; i < (big ? 300_000 : 20_000); i++)
          entries.push({ name: `data/tweets_media/${i}.jpg`, data: '', store: true });
        return {
          args: ['report', writeZip(path.join(dir, 'many.zip'), entries), '--all', '--format', 'json'],
          expect: 'ok',
          stdout: /"total": 1\b/,
        };
      },
    },
    {
      name: `the same archive given ${big ? '4,000' : '1,000'} times`,
      make: (dir) => {
        const archive = plainArchive(dir);
        return {
          args: ['report', ...Array.from({ length: big ? 4000 : 1000 }, () => archive), '--all', '--format', 'json'],
          expect: 'ok',
          stdout: /"total": 2\b/,
        };
      },
    },
    {
      name: '101 different archives',
      make: (dir) => {
        const archive = plainArchive(dir);
        const links = Array.from({ length: 101 }, (_, i) => {
          const link = path.join(dir, `link-${i}`);
          symlinkSync(archive, link);
          return link;
        });
        return {
          args: ['report', ...links],
          expect: 'error',
          message: /101 archives given; at most 100 can be read together/,
        };
      },
    },
    {
      name: 'a Mastodon status id that is a spreadsheet formula',
      make: (dir) => ({
        args: [
          'classify',
          mastodonExport(dir, 'mformula', [post('=1+1', '2024-03-01T09:00:00Z', '<p>hello</p>')]),
          '--all',
          '--format',
          'csv',
        ],
        expect: 'ok',
        stdout: /\n'=1\+1,/,
      }),
    },
    {
      name: 'escape sequences in a tweet shown by explain',
      make: (dir) => ({
        args: ['explain', xArchive(dir, 'escape', [tweet('5', 'title \u001b]0;pwned\u0007 and \u001b[2J clear')]), '5'],
        expect: 'ok',
        stdout: /title \?\]0;pwned\? and \?\[2J clear/,
      }),
    },
    {
      name: 'eval with labels that match no tweet',
      make: (dir) => {
        const labels = path.join(dir, 'other.labels.csv');
        writeFileSync(labels, 'id,category\n999999,personal\n');
        return {
          args: ['eval', plainArchive(dir), '--labels', labels],
          expect: 'error',
          message: /other\.labels\.csv: none of its 1 labelled tweet ids is in the archive/,
        };
      },
    },
    {
      name: 'an archive with no tweets',
      make: (dir) => ({
        args: ['report', xArchive(dir, 'empty-list', [])],
        expect: 'error',
        message: /empty-list: has no tweets to report on/,
      }),
    },
  ];
}

/** A named pipe (nothing ever writes to it: reading it would wait forever). */
function fifo(dir, name) {
  const file = path.join(dir, name);
  execFileSync('mkfifo', [file]);
  return file;
}
