import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseColor, withOutput, writeText } from '../../src/cli/output.js';
import type { CliIO } from '../../src/cli/io.js';
import { TweetAuditError } from '../../src/errors.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'tweet-audit-output-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function io(overrides: Partial<CliIO> = {}): CliIO {
  return { stdout: new PassThrough(), stderr: new PassThrough(), cwd: temp, env: {}, ...overrides };
}

function folder(name: string): string {
  const dir = path.join(temp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('withOutput', () => {
  it('writes the file whole and leaves nothing else', async () => {
    const dir = folder('ok');
    await withOutput(io(), path.join(dir, 'report.txt'), [], (out) => writeText(out, 'all of it\n'));
    expect(readdirSync(dir)).toEqual(['report.txt']);
    expect(readFileSync(path.join(dir, 'report.txt'), 'utf8')).toBe('all of it\n');
  });

  it('leaves no file, and keeps an older one whole, when producing fails half way', async () => {
    const dir = folder('fails');
    writeFileSync(path.join(dir, 'report.txt'), 'last month\n');
    await expect(
      withOutput(io(), path.join(dir, 'report.txt'), [], async (out) => {
        await writeText(out, 'half a rep');
        throw new TweetAuditError('the archive ends in the middle of a tweet');
      }),
    ).rejects.toThrow(/ends in the middle/);
    expect(readdirSync(dir)).toEqual(['report.txt']);
    expect(readFileSync(path.join(dir, 'report.txt'), 'utf8')).toBe('last month\n');
  });

  it.each([
    ['a folder that does not exist', () => path.join(temp, 'nowhere', 'report.txt'), /its folder does not exist/],
    ['a path through a file', () => path.join(folder('through'), 'file.txt', 'report.txt'), /not a folder|does not exist/],
    ['a name too long for the file system', () => path.join(folder('long'), `${'x'.repeat(300)}.txt`), /name is too long/],
  ])('says in one line why it cannot write to %s', async (_name, target, message) => {
    const file = target();
    if (file.includes(`${path.sep}file.txt${path.sep}`)) writeFileSync(path.dirname(file), 'a file');
    const error = await withOutput(io(), file, [], (out) => writeText(out, 'x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TweetAuditError);
    expect((error as Error).message).toMatch(/cannot write the output/);
    expect((error as Error).message).toMatch(message);
  });

  describe('never writes into the archive', () => {
    const archive = folder('archive');
    mkdirSync(path.join(archive, 'data'), { recursive: true });
    writeFileSync(path.join(archive, 'data', 'tweets.js'), 'window.YTD.tweets.part0 = []');

    it.each([
      ['a file in the archive folder', [archive], path.join(archive, 'report.txt')],
      ['a name starting with two dots', [archive], path.join(archive, '..report.txt')],
      ['the data folder of an archive given as its tweets.js', [path.join(archive, 'data', 'tweets.js')], path.join(archive, 'data', 'report.txt')],
      ['the archive folder above data/', [path.join(archive, 'data', 'tweets.js')], path.join(archive, 'report.txt')],
      ['the archive file itself', [path.join(archive, 'data', 'tweets.js')], path.join(archive, 'data', 'tweets.js')],
    ])('refuses %s', async (_name, archives, target) => {
      await expect(withOutput(io(), target, archives, (out) => writeText(out, 'x'))).rejects.toThrow(/never changes your archive/);
      expect(readFileSync(path.join(archive, 'data', 'tweets.js'), 'utf8')).toBe('window.YTD.tweets.part0 = []');
    });

    it('writes beside the archive', async () => {
      await withOutput(io(), path.join(temp, 'beside.txt'), [archive], (out) => writeText(out, 'ok'));
      expect(readFileSync(path.join(temp, 'beside.txt'), 'utf8')).toBe('ok');
    });
  });
});

describe('chooseColor', () => {
  const tty = (env: NodeJS.ProcessEnv) => io({ stdout: Object.assign(new PassThrough(), { isTTY: true }), env });

  it('colours the table on a terminal', () => {
    expect(chooseColor('auto', tty({}), { humanFormat: true, toFile: false })?.level).toBeGreaterThan(0);
  });

  it.each([
    ['NO_COLOR', tty({ NO_COLOR: '1' }), { humanFormat: true, toFile: false }],
    ['TERM=dumb', tty({ TERM: 'dumb' }), { humanFormat: true, toFile: false }],
    ['a machine format', tty({}), { humanFormat: false, toFile: false }],
    ['--out', tty({}), { humanFormat: true, toFile: true }],
    ['a pipe', io(), { humanFormat: true, toFile: false }],
  ])('does not colour under %s', (_name, context, options) => {
    expect(chooseColor('auto', context, options)).toBeNull();
  });

  it('obeys always and never', () => {
    expect(chooseColor('always', io({ env: { NO_COLOR: '1' } }), { humanFormat: true, toFile: false })?.level).toBeGreaterThan(0);
    expect(chooseColor('never', tty({}), { humanFormat: true, toFile: false })).toBeNull();
  });
});
