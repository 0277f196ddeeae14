import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zip as zipOf } from '../../fixtures/mastodon/archive-writers.js';
import { bin, isolatedEnv, repoRoot, sampleArchive } from '../support/cli.js';

/** Hostile archives, through the real binary: nothing let in, nothing let out. */
const temp = mkdtempSync(path.join(os.tmpdir(), 'tweet-audit-safety-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function run(
  args: string[],
  preload: string[] = [],
): Promise<{ code: number | null; stdout: string; stderr: string; maxRssMb: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...preload.flatMap((file) => ['--import', file]), bin, ...args], {
      cwd: temp,
      env: isolatedEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      const rss = /tweet-audit-bench maxrss-kb=(\d+)/.exec(stderr);
      resolve({
        code,
        stdout,
        stderr: stderr.replace(/\n?tweet-audit-bench .*\n/, ''),
        maxRssMb: rss ? Number(rss[1]) / 1024 : NaN,
      });
    });
  });
}

const rssProbe = path.join(repoRoot, 'scripts/bench/rss-probe.js');
const noNetwork = path.join(repoRoot, 'test/support/no-network.mjs');

describe('a zip bomb', () => {
  it('is read as a stream within a bounded memory, never extracted', async () => {
    // 256 MB of blanks inside the array deflate to a few hundred KB.
    const payload = Buffer.concat([
      Buffer.from('window.YTD.tweets.part0 = [\n'),
      Buffer.alloc(256 * 1024 * 1024, 0x20),
      Buffer.from(']\n'),
    ]);
    const zip = path.join(temp, 'bomb.zip');
    writeFileSync(zip, zipOf([{ name: 'data/tweets.js', data: payload }]));
    expect(readFileSync(zip).length).toBeLessThan(2 * 1024 * 1024);
    const result = await run(['report', zip, '--all'], [rssProbe]);
    // Refused from its directory: it declares a thousand times its compressed size.
    expect(result.stderr).toMatch(
      /bomb\.zip\/data\/tweets\.js: declares \d+ bytes from \d+ compressed, more than 200 times/,
    );
    expect(result.code).toBe(2);
    // The bound the README states for reading: well under the 300 MB of the largest archives.
    expect(result.maxRssMb).toBeLessThan(200);
  }, 120_000);
});

describe('a zip entry that declares a few bytes out of a huge stretch of the file', () => {
  it('is not read whole into memory', async () => {
    // A zip of 100 bytes, its deflated data swapped for 600 MB of (sparse) zeros, which are no
    // deflate stream: the local and central headers and the end record say so.
    const small = zipOf([{ name: 'data/tweets.js', data: Buffer.alloc(100) }]);
    const dataAt = 30 + small.readUInt16LE(26);
    const local = Buffer.from(small.subarray(0, dataAt));
    const directory = Buffer.from(small.subarray(dataAt + small.readUInt32LE(18)));
    const compressed = 600 * 1024 * 1024;
    local.writeUInt32LE(compressed, 18);
    directory.writeUInt32LE(compressed, 20);
    directory.writeUInt32LE(dataAt + compressed, directory.length - 22 + 16);
    const zip = path.join(temp, 'hollow.zip');
    const fd = openSync(zip, 'w');
    writeSync(fd, local, 0, local.length, 0);
    writeSync(fd, directory, 0, directory.length, dataAt + compressed);
    closeSync(fd);
    const result = await run(['report', zip, '--all'], [rssProbe]);
    expect(result.stderr).toMatch(/hollow\.zip\/data\/tweets\.js: /);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.code).toBe(2);
    expect(result.maxRssMb).toBeLessThan(200);
  }, 120_000);
});

describe('the network', () => {
  it.each([
    ['report', ['report', sampleArchive, '--all']],
    ['the HTML report', ['report', sampleArchive, '--format', 'html', '--examples', '3']],
    ['classify', ['classify', sampleArchive, '--all', '--format', 'json']],
    ['init', ['init', sampleArchive, '--out', '-']],
  ])('is never touched by %s', async (_name, args) => {
    const result = await run(args, [noNetwork]);
    expect(result.stderr).not.toMatch(/NETWORK ATTEMPT/);
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(100);
  });

  it('the guard itself works', async () => {
    const result = await new Promise<string>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', noNetwork, '-e', "require('node:net').connect(9, '127.0.0.1')"],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('close', () => resolve(stderr));
    });
    expect(result).toMatch(/NETWORK ATTEMPT/);
  });
});

describe('files outside the archive', () => {
  it('are never read, even when the manifest names them', async () => {
    const outside = path.join(temp, 'secret');
    mkdirSync(outside, { recursive: true });
    const secretTweet =
      '{ "tweet" : { "id_str" : "999", "created_at" : "Sat Nov 09 12:14:18 +0000 2024", "full_text" : "SECRET OUTSIDE THE ARCHIVE" } }';
    writeFileSync(path.join(outside, 'tweets.js'), `window.YTD.tweets.part1 = [ ${secretTweet} ]`);
    const archive = path.join(temp, 'archive');
    mkdirSync(path.join(archive, 'data'), { recursive: true });
    writeFileSync(
      path.join(archive, 'data', 'tweets.js'),
      'window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "1", "created_at" : "Sat Nov 09 12:14:18 +0000 2024", "full_text" : "an ordinary tweet" } } ]',
    );
    writeFileSync(
      path.join(archive, 'data', 'manifest.js'),
      `window.__THAR_CONFIG = ${JSON.stringify({
        userInfo: { accountId: '1', userName: 'tester' },
        dataTypes: {
          tweets: {
            files: [
              { fileName: 'data/tweets.js', globalName: 'YTD.tweets.part0', count: '1' },
              { fileName: '../secret/tweets.js', globalName: 'YTD.tweets.part1', count: '1' },
              { fileName: path.join(outside, 'tweets.js'), globalName: 'YTD.tweets.part2', count: '1' },
            ],
          },
        },
      })}`,
    );
    const result = await run(['classify', archive, '--all', '--format', 'json']);
    expect(result.stdout).not.toMatch(/SECRET/);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).map((row: { id: string }) => row.id)).toEqual(['1']);
  });
});
