import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  rmSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDatedArchive } from '../support/dated-archive.js';
import {
  bin,
  hasSharedArchives,
  isolatedEnv,
  repoRoot,
  runBinary,
  runMain,
  sampleArchive,
  sharedArchives,
} from '../support/cli.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'tweet-audit-e2e-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const ANSI = /\x1b\[[0-9;]*m/;

describe('help', () => {
  it('lists every command and shows examples', async () => {
    const result = await runMain(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['report', 'classify', 'trend', 'check', 'init', 'explain', 'eval', 'rules']) {
      expect(result.stdout).toContain(command);
    }
    expect(result.stdout).toContain('Examples:');
  });

  it('prints the same help as the command line run in-process, 80 columns wide', async () => {
    const made = await runMain(['--help']);
    expect(made.code).toBe(0);
    for (const flag of ['--help', '-h']) {
      const printed = await runBinary([flag]);
      expect(printed).toMatchObject({ code: 0, stdout: made.stdout, stderr: '' });
    }
    // Wrapped to 80 columns whatever the terminal, unless it is narrower.
    expect(
      Math.max(
        ...made.stdout
          .split('\n')
          .filter((line) => !line.startsWith('  '))
          .map((line) => line.length),
      ),
    ).toBeLessThanOrEqual(80);
    const narrow = await runMain(['report', '--help'], { isTTY: true, columns: 50 });
    expect(narrow.stdout).not.toBe((await runMain(['report', '--help'])).stdout);
  });

  it.each(['report', 'classify', 'trend', 'check', 'init', 'explain', 'eval', 'rules'])(
    'shows an example for %s',
    async (command) => {
      const result = await runMain([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Examples:\n {2}\$ tweet-audit /);
    },
  );
});

describe('report on the bundled sample archive', () => {
  it('prints the table of the last complete month, and says which month with --verbose only (stderr is no terminal)', async () => {
    // The whole of this run is recorded in cases/report-sample-verbose.md.
    const result = await runMain(['report', sampleArchive, '--verbose']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^tweet-audit: \d{4}-\d{2}, the last complete month in the archive/);
    expect(result.stdout).not.toMatch(ANSI);
    const quiet = await runMain(['report', sampleArchive]);
    expect(quiet).toMatchObject({ code: 0, stderr: '', stdout: result.stdout });
  });

  it('shows 3 example tweets per category by default, as many as --examples says, none with 0', async () => {
    const month = ['--month', '2026-10'];
    const table = (await runMain(['report', sampleArchive, ...month])).stdout;
    const examples = table.slice(table.indexOf('\nExamples\n'), table.indexOf('\nLow confidence\n'));
    const conversations = Number(/^ {2}conversation \((\d+)\):$/mu.exec(examples)?.[1]);
    expect(conversations).toBeGreaterThan(3);
    expect(examples.match(/^ {4}2026-10-\d\d \d\d:\d\d {2}\S/gmu)).toHaveLength(12);
    expect(examples).toContain(`    and ${conversations - 3} more`);
    const markdown = (await runMain(['report', sampleArchive, ...month, '-f', 'markdown', '--examples', '1'])).stdout;
    const section = markdown.slice(markdown.indexOf('### Examples'), markdown.indexOf('### Low confidence'));
    expect(section.match(/\]\(https:\/\/x\.com\/marisolquade\/status\/\d+\)/gu)).toHaveLength(4);
    expect(section).toContain(`- and ${conversations - 1} more`);
    const none = await runMain(['report', sampleArchive, ...month, '--examples', '0', '--json']);
    expect(JSON.parse(none.stdout).examples).toBeUndefined();
    expect((await runMain(['report', sampleArchive, ...month, '--examples', '0'])).stdout).not.toContain('Examples');
  });

  it('writes the JSON breakdown the issue promises', async () => {
    const month = JSON.parse((await runMain(['report', sampleArchive, '--format', 'json'])).stdout).month as string;
    const result = await runMain(['report', sampleArchive, '--month', month, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ month, timezone: expect.any(String), total: expect.any(Number) });
    expect(Object.keys(report.categories)).toEqual(['conversation', 'promotion', 'conference', 'personal']);
    const shares = Object.values(report.categories as Record<string, { count: number; share: number }>);
    expect(shares.reduce((sum, c) => sum + c.count, 0)).toBe(report.total);
    expect(shares.reduce((sum, c) => sum + c.share, 0)).toBeCloseTo(1, 2);
    expect(report.professionalShare).toBe(report.categories.promotion.share);
    for (const category of shares as unknown as Array<{
      subcategories: Record<string, { count: number; share: number }>;
    }>) {
      for (const sub of Object.values(category.subcategories))
        expect(sub).toMatchObject({ count: expect.any(Number), share: expect.any(Number) });
    }
  });

  it('writes the breakdown as CSV rows', async () => {
    const result = await runMain(['report', sampleArchive, '--format', 'csv']);
    expect(result.code).toBe(0);
    const [header, ...rows] = result.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^month,category,subcategory,count,share/);
    expect(rows.length).toBeGreaterThanOrEqual(4 + 12);
  });

  it('colours the table only when asked or on a terminal', async () => {
    // Spawned: the binary forces colour into a pipe.
    const forced = await runBinary(['report', sampleArchive, '--color', 'always']);
    expect(forced.stdout).toMatch(ANSI);
    const never = await runMain(['report', sampleArchive, '--color', 'never'], {
      env: isolatedEnv({ NO_COLOR: undefined }),
      isTTY: true,
    });
    expect(never.stdout).not.toMatch(ANSI);
  });

  it('is deterministic: two runs give the same bytes', async () => {
    const [a, b] = await Promise.all([
      runMain(['report', sampleArchive, '--format', 'json']),
      runMain(['report', sampleArchive, '--format', 'json']),
    ]);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.length).toBeGreaterThan(100);
  });
});

describe('classify', () => {
  it('writes one CSV row per tweet with ids as strings', async () => {
    const result = await runMain(['classify', sampleArchive, '--all', '--format', 'csv', '--no-csv-safe']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(
      'id,created_at,local_time,category,subcategory,confidence,flags,decided_by,likes,retweets,url,text,original',
    );
    expect(lines[1]).toMatch(
      /^(\d{15,20}),\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,\d{4}-\d{2}-\d{2} \d{2}:\d{2},(conversation|promotion|conference|personal),.*,https:\/\/x\.com\/marisolquade\/status\/\1,/,
    );
  });

  it('gives the same tweets as JSON', async () => {
    const [csv, json] = await Promise.all([
      runMain(['classify', sampleArchive, '--all', '--format', 'csv']),
      runMain(['classify', sampleArchive, '--all', '--format', 'json']),
    ]);
    const rows = JSON.parse(json.stdout) as Array<{ id: string; category: string }>;
    expect(rows.length).toBeGreaterThan(300);
    expect(typeof rows[0]!.id).toBe('string');
    for (const row of rows.slice(0, 50)) expect(csv.stdout).toContain(`\n${row.id},`);
  });

  it('prints a line per tweet on a terminal, within its width; CSV to a pipe, as before', async () => {
    const terminal = await runMain(['classify', sampleArchive, '--month', '2026-10'], { isTTY: true, columns: 60 });
    expect(terminal.code).toBe(0);
    const lines = terminal.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^local time\s+label\s+conf\s+text$/);
    expect(lines).toHaveLength(1 + 402);
    expect(lines[1]).toMatch(/^2026-10-31 22:40 {2}conversation\/question\s+0\.\d\d {2}Tomorrow/);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
    const piped = await runMain(['classify', sampleArchive, '--month', '2026-10']);
    expect(piped.stdout.split('\n')[0]).toMatch(/^id,created_at,local_time,/);
  });

  it('protects spreadsheets from formula cells by default, and not with --no-csv-safe', async () => {
    const safe = await runMain(['classify', sampleArchive, '--all']);
    const raw = await runMain(['classify', sampleArchive, '--all', '--no-csv-safe']);
    expect(safe.stdout).toMatch(/,'@\w+/);
    expect(safe.stdout).not.toMatch(/,"?@\w+/);
    expect(raw.stdout).toMatch(/,"?@\w+/);
  });
});

describe('beyond X: Mastodon and Bluesky exports give the same reports', () => {
  it.each([
    ['a Mastodon export folder', path.join(repoRoot, 'fixtures/mastodon/basic')],
    ['a Bluesky repository', path.join(repoRoot, 'fixtures/bluesky/basic/repo.car')],
  ])('reports on %s', async (_name, archive) => {
    const result = await runMain(['report', archive, '--all', '--format', 'json', '--tz', 'UTC']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const total =
      'months' in report ? report.months.reduce((sum: number, m: { total: number }) => sum + m.total, 0) : report.total;
    expect(total).toBeGreaterThan(0);
  });
});

describe.skipIf(!hasSharedArchives)('the real archives in ../shared', () => {
  it.each([
    ['alrocar-2024', '2024-05'],
    ['larsbrinkhoff-2021', '2020-06'],
    ['dgageot-2013', '2012-06'],
    ['dgageot-2013/tweets.csv', '2012-06'],
    ['alrocar-2024/data/tweets.js', '2024-05'],
  ])('reports on %s', async (archive, month) => {
    const result = await runMain(['report', path.join(sharedArchives, archive), '--month', month, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.month).toBe(month);
    expect(report.total).toBeGreaterThan(0);
  });

  it.each(
    ['alrocar-2024', 'larsbrinkhoff-2021', 'dgageot-2013'].flatMap((archive) =>
      ['table', 'markdown', 'json', 'csv', 'html'].map((format) => [archive, format] as const),
    ),
  )('renders %s as %s, report and trend', async (archive, format) => {
    for (const command of ['report', 'trend']) {
      const result = await runMain([command, path.join(sharedArchives, archive), '--format', format]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.length).toBeGreaterThan(200);
      if (format === 'json') expect(() => JSON.parse(result.stdout)).not.toThrow();
      if (format === 'html') expect(result.stdout).toMatch(/^<!DOCTYPE html>/i);
    }
  });

  it('classifies every tweet of an archive, each once', async () => {
    const result = await runMain(['classify', path.join(sharedArchives, 'alrocar-2024'), '--all', '--format', 'json']);
    const rows = JSON.parse(result.stdout) as Array<{ id: string }>;
    // 1,223 items in tweets.js, of which 5 are earlier versions of edited tweets.
    expect(rows).toHaveLength(1218);
    expect(new Set(rows.map((row) => row.id)).size).toBe(1218);
  });

  it('never changes the archive: its files, bytes and timestamps stay as they were', async () => {
    const archive = path.join(sharedArchives, 'alrocar-2024');
    const snapshot = () =>
      (readdirSync(archive, { recursive: true }) as string[])
        .sort()
        .map((name) => path.join(archive, name))
        .map((file) => [
          file,
          statSync(file).mtimeMs,
          statSync(file).isFile() ? readFileSync(file).toString('base64') : 'dir',
        ]);
    const before = snapshot();
    expect((await runMain(['report', archive, '--all', '--format', 'html'])).code).toBe(0);
    expect((await runMain(['classify', archive, '--all'])).code).toBe(0);
    expect((await runMain(['report', archive, '--out', path.join(archive, 'data', 'report.txt')])).code).toBe(2);
    expect(snapshot()).toEqual(before);
  });
});

describe('bad input: one line on stderr, exit 2, nothing written', () => {
  it.each([
    ['contradicting periods', ['report', sampleArchive, '--all', '--month', '2024-01'], /choose one of/],
    ['an unknown time zone', ['report', sampleArchive, '--tz', 'Mars/Olympus'], /unknown time zone "Mars\/Olympus"/],
    ['a bad --examples', ['report', sampleArchive, '--examples', 'abc'], /--examples.*"abc" is not a whole number/],
  ])('%s', async (_name, args, message) => {
    const out = path.join(temp, `out-${Math.random().toString(36).slice(2)}.json`);
    const result = await runMain([...args, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^tweet-audit: /);
    expect(result.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to write a report into the archive', async () => {
    const result = await runMain(['report', sampleArchive, '--out', path.join(sampleArchive, 'report.txt')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/never changes your archive/);
    expect(existsSync(path.join(sampleArchive, 'report.txt'))).toBe(false);
  });

  it('says so when the chosen month has no tweets, and suggests months that do', async () => {
    const result = await runMain(['report', sampleArchive, '--month', '2010-01', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/no tweets in 2010-01; the archive has tweets from \d{4}-\d{2} to \d{4}-\d{2}/);
    expect(JSON.parse(result.stdout).total).toBe(0);
  });
});

describe('output', () => {
  it('writes --out atomically and leaves no temporary file behind', async () => {
    const dir = mkdtempSync(path.join(temp, 'out-'));
    const result = await runMain([
      'report',
      sampleArchive,
      '--format',
      'markdown',
      '--out',
      path.join(dir, 'report.md'),
    ]);
    expect(result.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['report.md']);
    expect(readFileSync(path.join(dir, 'report.md'), 'utf8')).toMatch(/^# /m);
  });

  it('keeps an existing --out file whole when the run fails', async () => {
    const file = path.join(temp, 'keep.json');
    writeFileSync(file, 'previous report\n');
    const result = await runMain(['report', 'no/such/archive', '--out', file]);
    expect(result.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('previous report\n');
  });

  it.skipIf(!existsSync('/dev/full'))('says the disk is full in one line and exits 2 (> /dev/full)', async () => {
    const full = openSync('/dev/full', 'w');
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, 'report', sampleArchive, '--all'], {
        env: isolatedEnv(),
        stdio: ['ignore', full, 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (chunk) => (stderr += chunk));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    closeSync(full);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('tweet-audit: cannot write the output: the disk is full\n');
  });

  it('exits 0 quietly when the reader closes the pipe early (| head)', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, 'classify', sampleArchive, '--all'], {
        env: isolatedEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      // Closed before the first row is written: every write meets a closed pipe.
      child.stdout.destroy();
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});

describe('init and check, as cron runs them', () => {
  function configWithTargets(dir: string, targets: unknown[]): string {
    const file = path.join(dir, 'tweet-audit.config.json');
    const text = readFileSync(file, 'utf8').replace(
      /"goals": \[\]\n/,
      `"goals": ["Meet interesting people"],\n  "targets": ${JSON.stringify(targets)}\n`,
    );
    writeFileSync(file, text);
    return file;
  }

  it('init writes a config that check then reads; check exits 0 silently when targets are met, 1 when not', async () => {
    const dir = mkdtempSync(path.join(temp, 'cron-'));
    const init = await runMain(['init', sampleArchive, '--verbose'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stderr).toMatch(/wrote tweet-audit\.config\.json/);
    const again = await runMain(['init', sampleArchive], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists.*--force/);

    const noTargets = await runMain(['check', sampleArchive], { cwd: dir });
    expect(noTargets.code).toBe(2);
    expect(noTargets.stderr).toMatch(/no targets to check/);

    configWithTargets(dir, [
      { scope: 'conversation', min: 0.01 },
      { scope: 'promotion/employer', max: 0.99 },
    ]);
    const met = await runMain(['check', sampleArchive], { cwd: dir });
    expect(met).toMatchObject({ code: 0, stdout: '', stderr: '' });

    await runMain(['init', sampleArchive, '--force'], { cwd: dir });
    configWithTargets(dir, [{ scope: 'conference', max: 0.01 }]);
    const unmet = await runMain(['check', sampleArchive], { cwd: dir });
    expect(unmet.code).toBe(1);
    expect(unmet.stdout).toMatch(/^\d{4}-\d{2} conference is .*points over your target/m);
  });

  it('widens the default month back until it holds 20 tweets, and says so in one line', async () => {
    // March 2026 (the last complete month) has 8 tweets, February 6, January 62.
    const keep = (ms: number) => {
      const d = new Date(ms);
      return d.getUTCMonth() === 0 || d.getUTCMonth() === 3 || d.getUTCDate() <= (d.getUTCMonth() === 2 ? 4 : 3);
    };
    const dir = writeDatedArchive(mkdtempSync(path.join(temp, 'sparse-')), {
      handle: 'sparse',
      accountId: '91',
      madeAt: Date.UTC(2026, 3, 10),
      days: 100,
      keep,
    });
    const result = await runMain(['report', dir, '--tz', 'UTC', '--format', 'json', '--verbose']);
    expect(result.code).toBe(0);
    const notices = result.stderr.split('\n').filter((line) => line.includes('2026-03'));
    expect(notices).toEqual([
      'tweet-audit: 2026-01..2026-03: 2026-03, the last complete month in the archive (UTC), has only 8 tweets, so the review goes back to 2026-01 to hold at least 20 (76 tweets); choose another with --month, --from/--to or --all',
    ]);
    const report = JSON.parse(result.stdout);
    expect(report.months.map((m: { month: string; total: number }) => [m.month, m.total])).toEqual([
      ['2026-01', 62],
      ['2026-02', 6],
      ['2026-03', 8],
    ]);
  });

  it('check does not judge a month under 20 tweets: it says why on stdout and exits 0', async () => {
    const dir = mkdtempSync(path.join(temp, 'toofew-'));
    await runMain(['init', sampleArchive], { cwd: dir });
    configWithTargets(dir, [{ scope: 'conference', max: 0.01 }]);
    const months = JSON.parse((await runMain(['trend', sampleArchive, '--all', '--format', 'json'])).stdout);
    const few = (months.trend ?? months).find((p: { total: number }) => p.total > 0 && p.total < 20);
    expect(few).toBeDefined();
    const result = await runMain(['check', sampleArchive, '--month', few.month], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `${few.month} targets not judged: only ${few.total} tweets, fewer than the 20 a fair review needs; widen the period with --from/--to or --all\n`,
    );
    // The same target on a month with enough tweets is judged, and missed.
    const busy = (months.trend ?? months).find((p: { total: number }) => p.total >= 20);
    expect((await runMain(['check', sampleArchive, '--month', busy.month], { cwd: dir })).code).toBe(1);
  });

  it('names the line of a config syntax error', async () => {
    const dir = mkdtempSync(path.join(temp, 'badconfig-'));
    writeFileSync(path.join(dir, 'tweet-audit.config.json'), '{\n  "timeZone": "UTC"\n  "goals": []\n}\n');
    const result = await runMain(['report', sampleArchive], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/tweet-audit\.config\.json: line 3/);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
