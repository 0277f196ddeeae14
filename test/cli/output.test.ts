import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkOutput,
  chooseColor,
  expandOutPath,
  refuseSameOutput,
  withOutput,
  writeText,
} from '../../src/cli/output.js';
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
    [
      'a path through a file',
      () => path.join(folder('through'), 'file.txt', 'report.txt'),
      /not a folder|does not exist/,
    ],
    [
      'a name too long for the file system',
      () => path.join(folder('long'), `${'x'.repeat(300)}.txt`),
      /name is too long/,
    ],
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
      [
        'the data folder of an archive given as its tweets.js',
        [path.join(archive, 'data', 'tweets.js')],
        path.join(archive, 'data', 'report.txt'),
      ],
      ['the archive folder above data/', [path.join(archive, 'data', 'tweets.js')], path.join(archive, 'report.txt')],
      ['the archive file itself', [path.join(archive, 'data', 'tweets.js')], path.join(archive, 'data', 'tweets.js')],
    ])('refuses %s', async (_name, archives, target) => {
      await expect(withOutput(io(), target, archives, (out) => writeText(out, 'x'))).rejects.toThrow(
        /never changes your archive/,
      );
      expect(readFileSync(path.join(archive, 'data', 'tweets.js'), 'utf8')).toBe('window.YTD.tweets.part0 = []');
    });

    it('writes beside the archive', async () => {
      await withOutput(io(), path.join(temp, 'beside.txt'), [archive], (out) => writeText(out, 'ok'));
      expect(readFileSync(path.join(temp, 'beside.txt'), 'utf8')).toBe('ok');
    });
  });
});

describe('--out beside and below a download, never inside the archive', () => {
  // ~/Downloads as people have it: the zip as downloaded, the folder it was extracted to, other files.
  const downloads = folder('Downloads');
  const zip = path.join(downloads, 'twitter-2026-11-02.zip');
  writeFileSync(zip, 'PK\x05\x06' + '\0'.repeat(18));
  const extracted = path.join(downloads, 'twitter-2026-11-02');
  mkdirSync(path.join(extracted, 'data'), { recursive: true });
  writeFileSync(path.join(extracted, 'data', 'tweets.js'), 'window.YTD.tweets.part0 = []');
  mkdirSync(path.join(downloads, 'reports'), { recursive: true });
  const inDownloads = io({ cwd: downloads });

  it.each([
    ['next to the zip', [zip], 'audit.html'],
    ['in a sub-folder of the Downloads folder', [zip], 'reports/audit.html'],
    ['next to the extracted folder', [extracted], 'audit.html'],
    ['beside the downloads of a folder of archives', [downloads], 'audit.html'],
    ['next to the extracted folder given by its tweets.js', [path.join(extracted, 'data', 'tweets.js')], 'audit.html'],
  ])('writes %s', async (_name, archives, out) => {
    await checkOutput(inDownloads, out, archives);
    await withOutput(inDownloads, out, archives, (stream) => writeText(stream, 'report'));
    expect(readFileSync(path.join(downloads, out), 'utf8')).toBe('report');
    rmSync(path.join(downloads, out));
  });

  it.each([
    ['the zip itself', [zip], 'twitter-2026-11-02.zip', /is the archive twitter-2026-11-02\.zip itself/],
    [
      'the extracted folder',
      [extracted],
      'twitter-2026-11-02/audit.html',
      /is inside the archive twitter-2026-11-02[,;:]/,
    ],
    ['its data folder', [extracted], 'twitter-2026-11-02/data/audit.html', /is inside the archive twitter-2026-11-02/],
    [
      'a download in a folder of archives',
      [downloads],
      'twitter-2026-11-02.zip',
      /is the archive twitter-2026-11-02\.zip itself/,
    ],
    [
      'an extracted archive in a folder of archives',
      [downloads],
      'twitter-2026-11-02/data/x.html',
      /inside the archive twitter-2026-11-02/,
    ],
  ])('refuses %s, before reading, naming the archive', async (_name, archives, out, reason) => {
    const before = readFileSync(zip);
    await expect(checkOutput(inDownloads, out, archives)).rejects.toThrow(reason);
    await expect(withOutput(inDownloads, out, archives, (stream) => writeText(stream, 'x'))).rejects.toThrow(
      /never changes your archive/,
    );
    expect(readFileSync(zip)).toEqual(before);
    expect(readdirSync(path.join(extracted, 'data'))).toEqual(['tweets.js']);
  });

  it('checks a missing folder and a folder as the file before reading', async () => {
    await expect(checkOutput(inDownloads, 'nowhere/audit.html', [zip])).rejects.toThrow(
      /nowhere\/audit\.html: cannot write the output: its folder does not exist/,
    );
    await expect(checkOutput(inDownloads, 'reports', [zip])).rejects.toThrow(
      /reports: cannot write the output: it is a folder/,
    );
    await expect(checkOutput(inDownloads, 'nowhere/audit-{month}.html', [zip])).rejects.toThrow(
      /its folder does not exist/,
    );
    await expect(checkOutput(inDownloads, 'reports/audit-{month}.html', [zip])).resolves.toBeUndefined();
  });
});

describe('{month} and {handle}', () => {
  it('fills them in, and refuses one it has no value for', () => {
    expect(expandOutPath('~/r/audit-{handle}-{month}.html', { month: '2026-11', handle: 'marisolquade' })).toBe(
      '~/r/audit-marisolquade-2026-11.html',
    );
    expect(expandOutPath('h1-{month}.json', { month: '2026-01..2026-06' })).toBe('h1-2026-01..2026-06.json');
    expect(() => expandOutPath('a-{handle}.html', { month: '2026-11' })).toThrow(/\{handle\} cannot be filled in/);
  });

  it('writes the file named after the month', async () => {
    const dir = folder('placeholders');
    await withOutput(io({ cwd: dir }), 'audit-{handle}-{month}.txt', [], (out) => writeText(out, 'ok'), {
      month: '2026-11',
      handle: 'someone',
    });
    expect(readdirSync(dir)).toEqual(['audit-someone-2026-11.txt']);
  });
});

describe('--out and what is already there', () => {
  it('keeps the mode of the file it replaces (a private report stays private)', async () => {
    const file = path.join(folder('mode'), 'private.txt');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    await withOutput(io(), file, [], (out) => writeText(out, 'new'));
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it.skipIf(process.getuid?.() !== 0)(
    'keeps the owner of the file it replaces (run as root, for another user)',
    async () => {
      const file = path.join(folder('owner'), 'theirs.txt');
      writeFileSync(file, 'old');
      chownSync(file, 1234, 2345);
      chmodSync(file, 0o640);
      await withOutput(io(), file, [], (out) => writeText(out, 'new'));
      expect(statSync(file)).toMatchObject({ uid: 1234, gid: 2345 });
      expect(statSync(file).mode & 0o777).toBe(0o640);
    },
  );

  // As root, a regression here would replace the machine's own /dev/null or /dev/stdout (it
  // happened once while this test was written): root gets a device of its own in a temporary
  // folder; others, who cannot replace /dev entries, test the real ones.
  const root = process.getuid?.() === 0;

  it.skipIf(!root)('writes through a character device and leaves it a device (a copy of /dev/null)', async () => {
    const device = path.join(folder('device'), 'null');
    execFileSync('mknod', ['-m', '666', device, 'c', '1', '3']);
    await withOutput(io(), device, [], (out) => writeText(out, 'gone'));
    expect(statSync(device).isCharacterDevice()).toBe(true);
  });

  it.skipIf(root)('writes through /dev/null and leaves it a device', async () => {
    await withOutput(io(), '/dev/null', [], (out) => writeText(out, 'gone'));
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it.skipIf(root)('writes /dev/stdout to its own stdout, not to a file of that name', async () => {
    const stdout = new PassThrough();
    let text = '';
    stdout.on('data', (chunk) => (text += chunk));
    await withOutput(io({ stdout }), '/dev/stdout', [], (out) => writeText(out, 'to stdout'));
    expect(text).toBe('to stdout');
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });

  it.skipIf(process.platform === 'win32')(
    'writes into a FIFO for its reader, and leaves it a FIFO',
    async () => {
      const fifo = path.join(folder('fifo'), 'pipe');
      execFileSync('mkfifo', [fifo]);
      const reader = spawn('cat', [fifo]);
      // Were the FIFO replaced by a file, the reader would wait forever.
      setTimeout(() => reader.kill(), 10_000).unref();
      let read = '';
      reader.stdout.on('data', (chunk) => (read += chunk));
      const done = new Promise((resolve) => reader.on('close', resolve));
      await withOutput(io(), fifo, [], (out) => writeText(out, 'through the pipe\n'));
      await done;
      expect(read).toBe('through the pipe\n');
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    },
    20_000,
  );

  it('follows a symbolic link: the file it points to is replaced, the link stays a link', async () => {
    const dir = folder('symlink');
    writeFileSync(path.join(dir, 'real.txt'), 'old');
    symlinkSync('real.txt', path.join(dir, 'link.txt'));
    await withOutput(io({ cwd: dir }), 'link.txt', [], (out) => writeText(out, 'new'));
    expect(readlinkSync(path.join(dir, 'link.txt'))).toBe('real.txt');
    expect(readFileSync(path.join(dir, 'real.txt'), 'utf8')).toBe('new');
  });

  it('refuses a dangling symbolic link, and a link into the archive', async () => {
    const dir = folder('dangling');
    symlinkSync('missing/file.txt', path.join(dir, 'dangling.txt'));
    await expect(checkOutput(io({ cwd: dir }), 'dangling.txt', [])).rejects.toThrow(
      /symbolic link to a file that does not exist/,
    );
    const archive = folder('linked-archive');
    mkdirSync(path.join(archive, 'data'), { recursive: true });
    writeFileSync(path.join(archive, 'data', 'tweets.js'), 'window.YTD.tweets.part0 = []');
    symlinkSync(path.join(archive, 'data', 'tweets.js'), path.join(dir, 'innocent.txt'));
    await expect(withOutput(io({ cwd: dir }), 'innocent.txt', [archive], (out) => writeText(out, 'x'))).rejects.toThrow(
      /never changes your archive/,
    );
    expect(readFileSync(path.join(archive, 'data', 'tweets.js'), 'utf8')).toBe('window.YTD.tweets.part0 = []');
    expect(existsSync(path.join(dir, 'innocent.txt'))).toBe(true);
  });

  it('refuses --chart and --out at the same path', () => {
    expect(() => refuseSameOutput(io(), 'a.svg', './a.svg', ['--out', '--chart'])).toThrow(
      /--out and --chart name the same file/,
    );
    expect(() => refuseSameOutput(io(), 'a.html', 'a.svg', ['--out', '--chart'])).not.toThrow();
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
    expect(
      chooseColor('always', io({ env: { NO_COLOR: '1' } }), { humanFormat: true, toFile: false })?.level,
    ).toBeGreaterThan(0);
    expect(chooseColor('never', tty({}), { humanFormat: true, toFile: false })).toBeNull();
  });
});
