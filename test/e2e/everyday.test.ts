import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { zipFolder } from '../archive/helpers/fixtures.js';
import { writeDatedArchive } from '../support/dated-archive.js';
import { bin, isolatedEnv, repoRoot, runBinary, runMain, sampleArchive } from '../support/cli.js';

const run = promisify(execFile);
const temp = mkdtempSync(path.join(os.tmpdir(), 'tweet-audit-everyday-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const ANSI = /\x1b\[[0-9;]*m/;
const MONTH_NOTICE = /2026-10, the last complete month in the archive/;

/** A folder with a config whose targets the sample archive meets. */
function configFolder(name: string, extra: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(path.join(temp, `${name}-`));
  writeFileSync(
    path.join(dir, 'tweet-audit.config.json'),
    JSON.stringify({ targets: [{ scope: 'conversation', min: 0.01 }], ...extra }),
  );
  return dir;
}

describe('quiet when all is well', () => {
  it('says nothing on stderr when it is not a terminal', async () => {
    const result = await runMain(['report', sampleArchive]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Tweet audit 2026-10/);
  });

  it('says which month it chose on a terminal, or with --verbose; never with --quiet', async () => {
    expect((await runMain(['report', sampleArchive], { stderrIsTTY: true })).stderr).toMatch(MONTH_NOTICE);
    expect((await runMain(['report', sampleArchive, '--verbose'])).stderr).toMatch(MONTH_NOTICE);
    expect((await runMain(['report', sampleArchive, '--quiet'], { stderrIsTTY: true })).stderr).toBe('');
    expect((await runMain(['report', sampleArchive, '-q'], { stderrIsTTY: true })).stderr).toBe('');
  });

  it('reads the newest of several downloads of one account, and says so only on a terminal', async () => {
    const folder = mkdtempSync(path.join(temp, 'downloads-'));
    writeDatedArchive(path.join(folder, 'twitter-2026-10-02'), {
      handle: 'solo',
      accountId: '77',
      madeAt: Date.UTC(2026, 9, 2),
    });
    writeDatedArchive(path.join(folder, 'twitter-2026-11-02'), {
      handle: 'solo',
      accountId: '77',
      madeAt: Date.UTC(2026, 10, 2),
    });
    const quiet = await runMain(['report', folder, '--json']);
    expect(quiet.stderr).toBe('');
    expect(JSON.parse(quiet.stdout).month).toBe('2026-10');
    const told = await runMain(['report', folder, '--json'], { stderrIsTTY: true });
    expect(told.stderr).toMatch(/2 archives of @solo found, reading the newest: .*twitter-2026-11-02/);
  });
});

describe('warnings that need action: one line each, exit code unchanged, check --strict fails on them', () => {
  it('a stale archive, by its manifest date', async () => {
    const dir = configFolder('stale');
    const env = isolatedEnv({ TWEET_AUDIT_TODAY: '2027-01-15' });
    const report = await runMain(['report', sampleArchive], { env, cwd: dir });
    expect(report.code).toBe(0);
    expect(report.stderr).toBe(
      `tweet-audit: warning: ${sampleArchive}: the archive was made on 2026-11-03, 72 days ago, so the month audited is not last month; download a new one from X (Settings → Your account → Download an archive of your data)\n`,
    );
    expect((await runMain(['check', sampleArchive], { env, cwd: dir })).code).toBe(0);
    const strict = await runMain(['check', sampleArchive, '--strict'], { env, cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/warning: .*72 days ago/);
    // Fresh, the same check passes --strict; a month chosen on purpose is not stale.
    expect((await runMain(['check', sampleArchive, '--strict'], { cwd: dir })).code).toBe(0);
    expect((await runMain(['report', sampleArchive, '-m', '2026-09'], { env, cwd: dir })).stderr).toBe('');
  });

  it('check -o writes the report it checked, and says each warning once', async () => {
    const dir = configFolder('check-out');
    const env = isolatedEnv({ TWEET_AUDIT_TODAY: '2027-01-15' });
    const result = await runMain(['check', sampleArchive, '-o', 'audit-{month}.html'], { env, cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/warning: .*72 days ago/)]);
    expect(readFileSync(path.join(dir, 'audit-2026-10.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    const json = await runMain(['check', sampleArchive, '--json', '-o', 'audit.json'], { cwd: dir });
    expect(json).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(path.join(dir, 'audit.json'), 'utf8')).month).toBe('2026-10');
    expect((await runMain(['check', sampleArchive, '-o', '-'], { cwd: dir })).stderr).toMatch(
      /stdout is for the targets missed/,
    );
  });

  it('a stale archive, by its newest tweet when it has no date of its own', async () => {
    const dir = writeDatedArchive(path.join(temp, 'undated'), {
      handle: 'undated',
      accountId: '5',
      madeAt: Date.UTC(2026, 8, 20),
    });
    rmSync(path.join(dir, 'data', 'manifest.js'));
    const result = await runMain(['report', dir, '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^tweet-audit: warning: .*undated: the archive's newest tweet is from 2026-09, more than 35 days ago/,
    );
  });

  it('a config written for another account', async () => {
    const dir = configFolder('other', { identity: { handles: ['someoneelse'] } });
    const result = await runMain(['report', sampleArchive, '--json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^tweet-audit: warning: .*tweet-audit\.config\.json was written for @someoneelse, but the archive is @marisolquade's/,
    );
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect((await runMain(['check', sampleArchive, '--strict'], { cwd: dir })).code).toBe(1);
  });
});

describe('several accounts', () => {
  const madeAt = Date.UTC(2026, 10, 3);
  const folder = mkdtempSync(path.join(temp, 'accounts-'));
  const alpha = writeDatedArchive(path.join(folder, 'alpha-download'), { handle: 'alpha', accountId: '101', madeAt });
  const beta = writeDatedArchive(path.join(folder, 'beta-download'), { handle: 'beta', accountId: '202', madeAt });

  it('refuses two archives of different accounts, unless --merge-accounts', async () => {
    const refused = await runMain(['report', alpha, beta]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^tweet-audit: these archives are of different accounts \(@alpha: .*alpha-download; @beta: .*beta-download\): give --merge-accounts/,
    );
    expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(refused.stdout).toBe('');
    const merged = await runMain(['report', alpha, beta, '--merge-accounts', '--json']);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toMatch(/^tweet-audit: warning: merging archives of different accounts into one report/);
    const one = JSON.parse((await runMain(['report', alpha, '--json'])).stdout).total as number;
    expect(JSON.parse(merged.stdout).total).toBe(2 * one);
  });

  it('reports each account of a folder, or the one --account names', async () => {
    const both = await runMain(['report', folder, '-f', 'markdown']);
    expect(both.code).toBe(0);
    expect(both.stderr).toBe('');
    expect(both.stdout.match(/^## 2026-10$/gm)).toHaveLength(2);
    const one = await runMain(['report', folder, '--account', '@beta', '--json']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).month).toBe('2026-10');
    const none = await runMain(['report', folder, '--account', 'gamma']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--account gamma: no archive of that account here; found @alpha: .*; @beta: /);
  });

  it('checks each account of a folder, naming it', async () => {
    const dir = mkdtempSync(path.join(temp, 'check-accounts-'));
    writeFileSync(
      path.join(dir, 'tweet-audit.config.json'),
      JSON.stringify({ targets: [{ scope: 'conversation', max: 0.1 }] }),
    );
    const result = await runMain(['check', folder], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^@alpha 2026-10 conversation is .*over your target/),
      expect.stringMatching(/^@beta 2026-10 conversation is .*over your target/),
    ]);
  });

  it('reads a config per account where --config names {handle}', async () => {
    const dir = mkdtempSync(path.join(temp, 'config-per-account-'));
    writeFileSync(
      path.join(dir, 'alpha.json'),
      JSON.stringify({ identity: { handles: ['alpha'] }, targets: [{ scope: 'conversation', min: 0.1 }] }),
    );
    writeFileSync(
      path.join(dir, 'beta.json'),
      JSON.stringify({ identity: { handles: ['beta'] }, targets: [{ scope: 'conversation', max: 0.1 }] }),
    );
    const result = await runMain(['check', folder, '--config', path.join(dir, '{handle}.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^@beta 2026-10 conversation is .*over your target/),
    ]);
    const one = await runMain(['check', alpha, '--config', path.join(dir, '{handle}.json')]);
    expect(one).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const missing = await runMain(['check', folder, '--config', path.join(temp, 'nowhere', '{handle}.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nowhere\/alpha\.json/);
  });

  it('writes one file per account with {handle}, and refuses one file or one JSON stream for several', async () => {
    const out = mkdtempSync(path.join(temp, 'per-account-'));
    const result = await runMain(['report', folder, '--json', '-o', path.join(out, 'audit-{handle}-{month}.json')]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(out).sort()).toEqual(['audit-alpha-2026-10.json', 'audit-beta-2026-10.json']);
    const oneFile = await runMain(['report', folder, '-o', path.join(out, 'audit.html'), '-f', 'html']);
    expect(oneFile.code).toBe(2);
    expect(oneFile.stderr).toMatch(/the archives are of 2 accounts \(@alpha, @beta\): put \{handle\} in --out/);
    expect((await runMain(['report', folder, '--json'])).code).toBe(2);
  });
});

describe('--out where the user asks', () => {
  const downloads = mkdtempSync(path.join(temp, 'Downloads-'));
  const extracted = path.join(downloads, 'twitter-2026-11-03');
  cpSync(sampleArchive, extracted, { recursive: true });
  const zip = path.join(downloads, 'twitter-2026-11-03.zip');

  it('writes next to the download and in a sub-folder of Downloads, named after the month', async () => {
    await zipFolder(extracted, zip);
    mkdirSync(path.join(downloads, 'reports'), { recursive: true });
    const beside = await runMain(['report', 'twitter-2026-11-03.zip', '-f', 'html', '-o', 'audit.html'], {
      cwd: downloads,
    });
    expect(beside).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(path.join(downloads, 'audit.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    const below = await runMain(['report', zip, '--json', '-o', 'reports/audit-{handle}-{month}.json'], {
      cwd: downloads,
    });
    expect(below).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(path.join(downloads, 'reports'))).toEqual(['audit-marisolquade-2026-10.json']);
    const period = await runMain(
      ['report', extracted, '--from', '2026-01', '--to', '2026-06', '--json', '-o', 'reports/h1-{month}.json'],
      { cwd: downloads },
    );
    expect(period.code).toBe(0);
    expect(readdirSync(path.join(downloads, 'reports'))).toContain('h1-2026-01..2026-06.json');
  });

  it('refuses inside the extracted archive, saying why, before reading it', async () => {
    const result = await runMain(['report', extracted, '-o', path.join(extracted, 'data', 'audit.html')], {
      cwd: downloads,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /refusing to write there: it is inside the archive twitter-2026-11-03, and tweet-audit never changes your archive/,
    );
    expect(readdirSync(path.join(extracted, 'data'))).toEqual(readdirSync(path.join(sampleArchive, 'data')));
  });

  it('checks a bad --out before the archive is read', async () => {
    // The archive is broken too: the --out error comes first, so it was found before reading.
    const broken = path.join(downloads, 'broken.zip');
    writeFileSync(broken, 'not a zip');
    const result = await runMain(['report', broken, '-o', 'no-such-folder/audit.html'], { cwd: downloads });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'tweet-audit: no-such-folder/audit.html: cannot write the output: its folder does not exist\n',
    );
  });

  it('refuses --chart and --out at the same path', async () => {
    const result = await runMain(['report', sampleArchive, '-o', 'pie.svg', '--chart', 'pie.svg'], { cwd: downloads });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--out and --chart name the same file/);
  });
});

describe('conventions people expect', () => {
  it('short options mean what the long ones do', async () => {
    const long = await runMain(['report', sampleArchive, '--month', '2026-09', '--format', 'csv']);
    const short = await runMain(['report', sampleArchive, '-m', '2026-09', '-f', 'csv']);
    expect(short).toMatchObject({ code: 0, stdout: long.stdout });
    expect(long.stdout).toMatch(/^month,category/);
  });

  it('--json is --format json, and contradicting --format is a usage error', async () => {
    const json = await runMain(['report', sampleArchive, '--json']);
    expect(json.stdout).toBe((await runMain(['report', sampleArchive, '--format', 'json'])).stdout);
    expect(JSON.parse((await runMain(['classify', sampleArchive, '--json'])).stdout)).toBeInstanceOf(Array);
    const both = await runMain(['report', sampleArchive, '--json', '-f', 'csv']);
    expect(both).toMatchObject({ code: 2, stderr: 'tweet-audit: --json contradicts --format csv: give one of them\n' });
  });

  it('--no-color is --color never', async () => {
    const env = isolatedEnv({ NO_COLOR: undefined });
    expect((await runMain(['report', sampleArchive], { env, isTTY: true })).stdout).toMatch(ANSI);
    expect((await runMain(['report', sampleArchive, '--no-color'], { env, isTTY: true })).stdout).not.toMatch(ANSI);
  });

  it('pages a long report on a terminal only, and not with --no-pager or --out', async () => {
    const paged: string[] = [];
    const pager = async (text: string) => (paged.push(text), true);
    const onTerminal = await runMain(['report', sampleArchive], { isTTY: true, rows: 20, pager });
    expect(paged).toHaveLength(1);
    expect(paged[0]).toMatch(/^Tweet audit 2026-10/);
    expect(onTerminal.stdout).toBe('');
    await runMain(['report', sampleArchive, '--no-pager'], { isTTY: true, rows: 20, pager });
    await runMain(['report', sampleArchive], { isTTY: false, pager });
    await runMain(['report', sampleArchive, '-o', path.join(temp, 'paged.txt')], { isTTY: true, rows: 20, pager });
    await runMain(['report', sampleArchive], { isTTY: true, rows: 1000, pager });
    expect(paged).toHaveLength(1);
  });

  it.skipIf(process.platform !== 'linux')('runs $PAGER on a real terminal (a pty), never on a pipe', async () => {
    const env = { ...isolatedEnv(), PAGER: 'sed s/^/PAGED:/' } as Record<string, string>;
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} report ${JSON.stringify(sampleArchive)}`;
    const onPty = await run('script', ['-qec', `stty rows 20 cols 100; ${command}`, '/dev/null'], { env });
    expect(onPty.stdout).toMatch(/^PAGED:Tweet audit 2026-10/m);
    const noPager = await run('script', ['-qec', `stty rows 20 cols 100; ${command} --no-pager`, '/dev/null'], { env });
    expect(noPager.stdout).toMatch(/Tweet audit 2026-10/);
    expect(noPager.stdout).not.toMatch(/PAGED:/);
    const piped = await runBinary(['report', sampleArchive], { env: { PAGER: 'sed s/^/PAGED:/' } });
    expect(piped.stdout).toMatch(/^Tweet audit 2026-10/);
    expect(piped.stdout).not.toMatch(/PAGED:/);
  });

  it('completes commands, options and their values in bash, from the command definitions', async () => {
    const script = (await runMain(['completion', 'bash'])).stdout;
    const file = path.join(temp, 'completion.bash');
    writeFileSync(file, script);
    const complete = async (...words: string[]) => {
      const line = `source ${file}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _tweet_audit; echo "\${COMPREPLY[*]}"`;
      return (await run('bash', ['-c', line])).stdout.trim();
    };
    expect(await complete('tweet-audit', 're')).toBe('report');
    expect((await complete('tweet-audit', 'report', '--fo')).split(' ')).toEqual(['--format']);
    expect(await complete('tweet-audit', 'report', '-f', 'ma')).toBe('markdown');
    expect(await complete('tweet-audit', 'classify', '--format', '')).toBe('csv json table');
    expect((await complete('tweet-audit', 'check', '--')).split(' ')).toContain('--strict');
    expect((await complete('tweet-audit', 'report', '--')).split(' ')).toEqual(
      expect.arrayContaining(['--out', '--json', '--no-pager', '--merge-accounts']),
    );
  });

  it.each(['zsh', 'fish'])('writes a %s completion naming every command and option', async (shell) => {
    const script = (await runMain(['completion', shell])).stdout;
    for (const word of [
      'report',
      'classify',
      'trend',
      'check',
      'init',
      'explain',
      'eval',
      'rules',
      'merge-accounts',
      'strict',
      'no-pager',
    ]) {
      expect(script).toContain(word);
    }
    expect((await runMain(['completion', 'tcsh'])).stderr).toMatch(
      /no completion for "tcsh": choose bash, zsh or fish/,
    );
  });
});

describe("the README's examples", () => {
  it('"What you get" is what the command prints, line for line, and needs no notice or warning', async () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const block = /## What you get\n\n```\n([\s\S]*?)```/.exec(readme)![1]!.split('\n');
    const command = block[0]!.replace(/^\$ tweet-audit /, '').split(' ');
    const shown = block.slice(
      1,
      block.findIndex((line) => line.trim() === '…'),
    );
    const result = await runMain(command, { cwd: repoRoot, columns: 80, stderrIsTTY: true });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').slice(0, shown.length)).toEqual(shown);
    // The Quick start's `npm start` runs the same command.
    const start = (
      JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: { start: string } }
    ).scripts.start;
    expect(start.endsWith(`node bin/tweet-audit.js ${command.join(' ')}`)).toBe(true);
  });
});

describe('what reaches a terminal from data', () => {
  it('has no control characters: a tweet or a file name cannot set the title or clear the screen', async () => {
    const explained = await runMain(['explain', '--text', 'hello \x1b]0;pwned\x07 world \x9b2J café']);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toMatch(/hello \?\]0;pwned\? world \?2J café/);
    expect(explained.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    const missing = await runMain(['report', 'no\x1b[2Jsuch']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no\?\[2Jsuch/);
    expect(missing.stderr).not.toContain('\x1b');
  });
});
