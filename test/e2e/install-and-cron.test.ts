import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthBefore, writeDatedArchive } from '../support/dated-archive.js';
import { repoRoot, sampleArchive } from '../support/cli.js';

const run = promisify(execFile);
const temp = mkdtempSync(path.join(os.tmpdir(), 'tweet-audit-install-'));
const prefix = path.join(temp, 'prefix');
const installed = path.join(prefix, 'bin', 'tweet-audit');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** npm's own environment without what `npm test` adds (npm_config_*, npm_lifecycle_*), which would steer the install. */
function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a shell command line in `env -i` with only HOME and PATH, as cron does. */
async function inCleanEnv(command: string, home: string, pathValue: string): Promise<Result> {
  try {
    const { stdout, stderr } = await run('env', ['-i', `HOME=${home}`, `PATH=${pathValue}`, '/bin/sh', '-c', command], {
      cwd: home,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// The tarball `npm pack` makes, installed into a prefix of its own the way `npm install -g` does
// on a user's machine. The dependencies come from npm's cache (filled by `npm ci`): --prefer-offline
// asks the registry only for what the cache lacks (the first time, its package lists).
beforeAll(async () => {
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', temp], {
    cwd: repoRoot,
    env: npmEnv(),
  });
  const tarball = path.join(temp, (JSON.parse(stdout) as Array<{ filename: string }>)[0]!.filename);
  await run(
    'npm',
    ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball],
    {
      cwd: temp,
      env: npmEnv(),
    },
  );
}, 300_000);

describe('installed from the tarball npm pack makes', () => {
  it('runs `tweet-audit report` on the sample from anywhere, with no clone beside it', async () => {
    expect(existsSync(installed)).toBe(true);
    const home = mkdtempSync(path.join(temp, 'home-'));
    const pathValue = `${path.dirname(installed)}:${path.dirname(process.execPath)}:/usr/bin:/bin`;
    const result = await inCleanEnv(
      `tweet-audit report '${sampleArchive}' --month 2026-10 --format json`,
      home,
      pathValue,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ month: '2026-10', total: 402 });
    // The installed copy runs its own files, not the clone's.
    const lib = path.join(prefix, 'lib', 'node_modules', 'tweet-audit');
    expect(existsSync(path.join(lib, 'dist', 'cli', 'index.js'))).toBe(true);
    expect(existsSync(path.join(lib, 'src'))).toBe(false);
    expect(existsSync(path.join(lib, 'test'))).toBe(false);
  });
});

describe('imported by its name as a library, from the installed tarball', () => {
  /** Runs an ES module from a project whose node_modules holds only the installed tweet-audit. */
  async function runModule(name: string, code: string): Promise<Result> {
    const app = mkdtempSync(path.join(temp, 'app-'));
    mkdirSync(path.join(app, 'node_modules'));
    symlinkSync(path.join(prefix, 'lib', 'node_modules', 'tweet-audit'), path.join(app, 'node_modules', 'tweet-audit'));
    writeFileSync(path.join(app, name), code);
    try {
      const { stdout, stderr } = await run(process.execPath, [name], { cwd: app });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('reads an archive and audits a month through `import ... from "tweet-audit"`', async () => {
    const result = await runModule(
      'use.mjs',
      `import { openArchive, audit, renderers } from 'tweet-audit';
const archive = await openArchive(${JSON.stringify(sampleArchive)});
let read = 0;
for await (const tweet of archive.tweets()) if (typeof tweet.id === 'string') read++;
const { report } = await audit({ archives: [${JSON.stringify(sampleArchive)}], period: { month: '2026-10' } });
const json = JSON.parse(renderers.json(report, {}));
console.log(JSON.stringify({ format: archive.format, read, month: json.month, total: json.total }));
`,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ format: 'x-modern', read: 565, month: '2026-10', total: 402 });
    const lib = path.join(prefix, 'lib', 'node_modules', 'tweet-audit');
    expect(existsSync(path.join(lib, 'dist', 'index.d.ts'))).toBe(true);
  });

  it('keeps its internals private: a deep import is refused', async () => {
    const result = await runModule('deep.mjs', `await import('tweet-audit/dist/cli/index.js');\n`);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });
});

/** The README's "Monthly, from cron" section: its crontab, PATH line and job, as written. */
function cronRecipe(): { pathLine: string; job: string } {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Monthly, from cron'));
  const block = /```cron\n([\s\S]*?)```/.exec(section)![1]!;
  const lines = block.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const pathLine = lines.find((line) => line.startsWith('PATH='))!.slice('PATH='.length);
  const entry = lines.find((line) => /^[\d*]/.test(line))!;
  // The five time fields, then the command, which cron gives to /bin/sh.
  const job = entry.replace(/^(\S+\s+){5}/, '');
  return { pathLine, job };
}

describe("the README's cron recipe, as written, in env -i with HOME and PATH", () => {
  const recipe = cronRecipe();

  /** A home as the README's set-up leaves it: a folder of downloads, a config with targets, ~/reports. */
  async function home(name: string, madeAt: number, targets: unknown[]): Promise<string> {
    const dir = mkdtempSync(path.join(temp, `${name}-`));
    writeDatedArchive(path.join(dir, 'twitter-archives', 'twitter-download'), {
      handle: 'cronuser',
      accountId: '4242',
      madeAt,
    });
    mkdirSync(path.join(dir, 'reports'));
    mkdirSync(path.join(dir, '.config', 'tweet-audit'), { recursive: true });
    const config = path.join(dir, '.config', 'tweet-audit', 'config.json');
    const init = await inCleanEnv(`tweet-audit init ~/twitter-archives --out ${config}`, dir, searchPath());
    expect(init).toMatchObject({ code: 0, stderr: '' });
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace(
        /"goals": \[\]\n/,
        `"goals": ["Talk with people"],\n  "targets": ${JSON.stringify(targets)}\n`,
      ),
    );
    return dir;
  }

  /** The README's PATH, with the prefix this test installed into first (the README's is /usr/local). */
  function searchPath(): string {
    return `${path.dirname(installed)}:${recipe.pathLine}:${path.dirname(process.execPath)}`;
  }

  /** The 15th of a month `back` months ago, noon UTC: far from month ends, whatever the zone. */
  function fifteenth(back: number): number {
    const now = new Date();
    const shift = now.getUTCDate() > 15 ? 0 : 1;
    return Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back - shift, 15, 12);
  }

  it('is silent when all is well, and writes the report named after the audited month', async () => {
    const madeAt = fifteenth(0);
    const dir = await home('fresh', madeAt, [{ scope: 'conversation', min: 0.1 }]);
    const result = await inCleanEnv(recipe.job, dir, searchPath());
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readdirSync(path.join(dir, 'reports'))).toEqual([`audit-${monthBefore(madeAt)}.html`]);
    expect(readFileSync(path.join(dir, 'reports', `audit-${monthBefore(madeAt)}.html`), 'utf8')).toMatch(
      /^<!DOCTYPE html>/i,
    );
  });

  it('says which target was missed, so cron mails it', async () => {
    const madeAt = fifteenth(0);
    const dir = await home('missed', madeAt, [{ scope: 'conversation', max: 0.1 }]);
    const result = await inCleanEnv(recipe.job, dir, searchPath());
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^${monthBefore(madeAt)} conversation is .*over your target`, 'm'));
    expect(result.stderr).toBe('');
  });

  it('says the archive is stale and how to get a new one, so cron mails it', async () => {
    const madeAt = fifteenth(2);
    const dir = await home('stale', madeAt, [{ scope: 'conversation', min: 0.1 }]);
    const result = await inCleanEnv(recipe.job, dir, searchPath());
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    // One line, once: the mail says it once.
    expect(result.stderr).toMatch(
      /^tweet-audit: warning: .*twitter-download: the archive was made on \d{4}-\d{2}-\d{2}, \d+ days ago, so the month audited is not last month; download a new one.*\n$/,
    );
    expect(readdirSync(path.join(dir, 'reports'))).toEqual([`audit-${monthBefore(madeAt)}.html`]);
  });
});
