import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipFolder } from '../archive/helpers/fixtures.js';
import { runMain, sampleArchive } from '../support/cli.js';

/**
 * Every bad input of issue 6, run in-process in a temporary folder: one line on stderr
 * that names the file, exit code 2, no stack trace, and no output file left behind.
 */
const temp = mkdtempSync(path.join(os.tmpdir(), 'tweet-audit-bad-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const tweet = (id: string, created: string, text: string) => ({
  tweet: { id_str: id, created_at: created, full_text: text, entities: { hashtags: [], user_mentions: [], urls: [] } },
});

function modernArchive(name: string, tweetsJs: string | Buffer): string {
  const dir = path.join(temp, name);
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  writeFileSync(path.join(dir, 'data/tweets.js'), tweetsJs);
  writeFileSync(
    path.join(dir, 'data/account.js'),
    'window.YTD.account.part0 = [ { "account" : { "username" : "tester", "accountId" : "1" } } ]',
  );
  return dir;
}

const cases: Array<{ name: string; make: () => string; args?: string[]; message: RegExp }> = [];

beforeAll(async () => {
  const zip = await zipFolder(sampleArchive, path.join(temp, 'whole.zip'));
  const corrupt = path.join(temp, 'truncated.zip');
  copyFileSync(zip, corrupt);
  truncateSync(corrupt, Math.floor(readFileSync(zip).length / 2));
});

cases.push(
  {
    name: 'a path that does not exist',
    make: () => path.join(temp, 'missing.zip'),
    message: /missing\.zip.*does not exist/,
  },
  {
    name: 'a folder with no archive in it',
    make: () => {
      const dir = path.join(temp, 'empty-folder');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'notes.txt'), 'hello');
      return dir;
    },
    message: /empty-folder/,
  },
  {
    name: 'an empty file',
    make: () => {
      writeFileSync(path.join(temp, 'tweets.js'), '');
      return path.join(temp, 'tweets.js');
    },
    message: /tweets\.js.*empty/i,
  },
  { name: 'a truncated zip', make: () => path.join(temp, 'truncated.zip'), message: /truncated\.zip/ },
  {
    name: 'a tweets.js cut off in the middle',
    make: () => {
      const full = `window.YTD.tweets.part0 = ${JSON.stringify([tweet('1', 'Sat Nov 09 12:14:18 +0000 2024', 'hello'), tweet('2', 'Sat Nov 09 13:14:18 +0000 2024', 'again')], null, 2)}`;
      return modernArchive('cut', full.slice(0, Math.floor(full.length * 0.7)));
    },
    message: /tweets\.js.*(incomplete|cut|ends)/i,
  },
  {
    name: 'a JSON array of something that is not tweets',
    make: () =>
      modernArchive(
        'not-tweets',
        'window.YTD.tweets.part0 = [ { "like" : { "tweetId" : "1" } }, { "like" : { "tweetId" : "2" } } ]',
      ),
    message: /tweets\.js.*not.*tweet/i,
  },
  {
    name: 'a CSV with the wrong header',
    make: () => {
      const file = path.join(temp, 'wrong-header', 'tweets.csv');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, '"name","email"\n"a","b"\n');
      return file;
    },
    message: /tweets\.csv.*(header|column)/i,
  },
  {
    name: 'an image renamed to .js',
    make: () =>
      modernArchive(
        'image',
        Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 0)]),
      ),
    message: /tweets\.js.*(not text|binary|image)/i,
  },
  {
    name: 'invalid UTF-8',
    make: () =>
      modernArchive(
        'latin1',
        Buffer.concat([
          Buffer.from(
            'window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "1", "created_at" : "Sat Nov 09 12:14:18 +0000 2024", "full_text" : "caf',
          ),
          Buffer.from([0xe9]),
          Buffer.from('" } } ]'),
        ]),
      ),
    message: /tweets\.js.*UTF-8/i,
  },
  {
    name: 'an unknown option',
    make: () => sampleArchive,
    args: ['--colour', 'never'],
    message: /unknown option '--colour'/,
  },
  {
    name: 'a bad --month',
    make: () => sampleArchive,
    args: ['--month', 'May'],
    message: /--month "May" is not a month/,
  },
  {
    name: 'a config with an unknown key',
    make: () => {
      writeFileSync(path.join(temp, 'unknown-key.json'), '{\n  "timeZone": "UTC",\n  "targetz": []\n}\n');
      return sampleArchive;
    },
    args: ['--config', path.join(temp, 'unknown-key.json')],
    message: /unknown-key\.json.*line 3.*targetz/,
  },
);

describe('bad input: one clear line, exit 2, nothing written', () => {
  it.each(cases)('$name', async ({ make, args = [], message }) => {
    const archive = make();
    // Outside temp: the loose tweets.js there makes temp an archive folder, where --out is refused.
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'tweet-audit-bad-out-'));
    const result = await runMain(['report', archive, ...args, '--out', path.join(outDir, 'report.txt')]);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^tweet-audit: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(outDir)).toEqual([]);
  });
});

describe('records without an id or a date', () => {
  it('are skipped with a warning that counts them, and the rest is reported', async () => {
    const archive = modernArchive(
      'partial',
      `window.YTD.tweets.part0 = ${JSON.stringify([
        tweet('11', 'Sat Nov 09 12:14:18 +0000 2024', 'a fine tweet about support macros'),
        tweet('12', 'Sun Nov 10 12:14:18 +0000 2024', 'another fine one'),
        { tweet: { created_at: 'Sun Nov 10 13:00:00 +0000 2024', full_text: 'no id here' } },
        { tweet: { id_str: '14', full_text: 'no date here' } },
      ])}`,
    );
    const result = await runMain(['report', archive, '--month', '2024-11', '--format', 'json', '--tz', 'UTC']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^tweet-audit: warning: .*partial: skipped 2 records: 2 with no id or no valid date; --verbose lists them$/m,
    );
    expect(JSON.parse(result.stdout).total).toBe(2);
  });

  it('are said in one warning whatever the reasons, and listed one by one with --verbose', async () => {
    const archive = modernArchive(
      'mixed',
      `window.YTD.tweets.part0 = ${JSON.stringify([
        tweet('11', 'Sat Nov 09 12:14:18 +0000 2024', 'a fine tweet about support macros'),
        { tweet: { id_str: '14', full_text: 'no date here' } },
        tweet('15', 'Mon Jan 01 12:00:00 +0000 2090', 'from the future'),
      ])}`,
    );
    const args = ['report', archive, '--month', '2024-11', '--format', 'json', '--tz', 'UTC'];
    const quiet = await runMain(args);
    expect(quiet.code).toBe(0);
    const warning = new RegExp(
      `^tweet-audit: warning: .*mixed: skipped 2 records: 1 with no id or no valid date, 1 dated after the archive was made \\(\\d{4}-\\d\\d-\\d\\d\\)`,
    );
    expect(quiet.stderr.split('\n').filter((line) => line.includes('skipped'))).toHaveLength(1);
    expect(quiet.stderr).toMatch(new RegExp(`${warning.source}; --verbose lists them$`, 'm'));

    const verbose = await runMain([...args, '--verbose']);
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toMatch(new RegExp(`${warning.source}$`, 'm'));
    expect(verbose.stderr).toMatch(/^tweet-audit: {3}data\/tweets\.js, item 2: with no id or no valid date$/m);
    expect(verbose.stderr).toMatch(/^tweet-audit: {3}mixed, id 15: dated after the archive was made/m);
  });
});
