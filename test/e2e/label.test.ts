import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, isolatedEnv, repoRoot, runMain, sampleArchive } from '../support/cli.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'tweet-audit-label-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function folder(name: string): string {
  const dir = path.join(temp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

type Row = Record<string, string>;
const rowsOf = (csv: string) => parse(csv, { columns: true }) as Row[];

describe('label off a terminal', () => {
  it('says to use --pick, in one line, with exit code 2', async () => {
    const result = await runMain(['label', sampleArchive]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^tweet-audit: label asks one tweet at a time on a terminal; elsewhere use --pick N --format csv/,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('round-trips a --pick sheet: the rows filled in become labels that classify applies', async () => {
    const cwd = folder('pick');
    const picked = await runMain(['label', sampleArchive, '--pick', '12', '--format', 'csv'], { cwd });
    expect(picked.code).toBe(0);
    const rows = rowsOf(picked.stdout);
    expect(rows).toHaveLength(12);
    expect(rows.map((row) => row.source)).toEqual(
      Array.from({ length: 12 }, (_, i) => ((i + 1) % 4 === 0 ? 'random' : 'asked')),
    );
    expect(rows[0]!.link).toBe(`https://x.com/marisolquade/status/${rows[0]!.id}`);
    expect(rows[0]!.local_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(rows.every((row) => row.category === '' && /^0\.\d\d|1\.00$/.test(row.confidence!))).toBe(true);
    // The tweets asked are less sure than the archive's tweets on average; the random ones need not be.
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const all = rowsOf((await runMain(['classify', sampleArchive, '--all'], { cwd })).stdout);
    const asked = rows.filter((row) => row.source === 'asked');
    expect(mean(asked.map((row) => Number(row.confidence)))).toBeLessThan(
      mean(all.map((row) => Number(row.confidence))) - 0.1,
    );

    // The user fills three rows with a category other than tweet-audit's, leaves the rest empty.
    const other = (category: string) => (category === 'conference' ? 'personal' : 'conference');
    const filled = rows.map((row, i) => (i < 3 ? { ...row, category: other(row.current_category!) } : row));
    const sheet = path.join(cwd, 'sheet.csv');
    writeFileSync(sheet, stringify(filled, { header: true }));

    const classified = await runMain(['classify', sampleArchive, '--all', '--labels', sheet], { cwd });
    expect(classified.code).toBe(0);
    expect(classified.stderr).toContain('tweet-audit: applied 3 labels, 0 ids not in this archive\n');
    const out = new Map(rowsOf(classified.stdout).map((row) => [row.id, row]));
    for (const row of filled.slice(0, 3)) {
      expect(out.get(row.id!)).toMatchObject({ category: row.category, decided_by: 'user-label' });
    }
  });

  it('writes the sheet to --out', async () => {
    const cwd = folder('pick-out');
    const result = await runMain(['label', sampleArchive, '--pick', '5', '--out', 'to-label.csv'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(rowsOf(readFileSync(path.join(cwd, 'to-label.csv'), 'utf8'))).toHaveLength(5);
  });
});

describe('the link to each tweet', () => {
  // Mastodon and Bluesky posts have their own addresses; an x.com link to them would lead nowhere.
  it.each([
    ['Mastodon', 'fixtures/mastodon/basic', /^https:\/\/social\.example\/@alice\/\d+$/],
    ['Bluesky', 'fixtures/bluesky/basic/repo.car', /^https:\/\/bsky\.app\/profile\/did:plc:[a-z0-9]+\/post\/\w+$/],
  ])('is the %s post’s own page, the same the report and classify give', async (_name, fixture, shape) => {
    const archive = path.join(repoRoot, fixture);
    const picked = await runMain(['label', archive, '--pick', '5', '--format', 'csv']);
    expect(picked.code).toBe(0);
    const rows = rowsOf(picked.stdout);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const classified = JSON.parse((await runMain(['classify', archive, '--all', '--format', 'json'])).stdout) as Array<{
      id: string;
      url: string | null;
    }>;
    const urls = new Map(classified.map((tweet) => [tweet.id, tweet.url]));
    for (const row of rows) {
      expect(row.link, row.id).toBe(urls.get(row.id!));
      expect(row.link, row.id).not.toMatch(/x\.com/);
    }
    expect(rows.some((row) => shape.test(row.link!))).toBe(true);
  });
});

describe('the labels file beside the config', () => {
  it('is read by report, classify, trend and check without a flag, and says what it applied', async () => {
    const cwd = folder('default-local');
    const first = rowsOf(
      (await runMain(['classify', sampleArchive, '--all'], { cwd: folder('elsewhere') })).stdout,
    )[0]!;
    writeFileSync(path.join(cwd, 'tweet-audit.config.json'), '{ "targets": [{ "scope": "promotion", "max": 1 }] }\n');
    writeFileSync(
      path.join(cwd, 'tweet-audit.labels.csv'),
      `id,category,subcategory,source,predicted\n${first.id},conference,live,asked,x/y\n42,personal,,asked,\n`,
    );
    for (const command of ['report', 'classify', 'trend', 'check']) {
      // The default file is accounted for on a terminal or with --verbose (a cron job stays quiet).
      expect((await runMain([command, sampleArchive, '--all'], { cwd })).stderr, command).not.toContain('applied');
      const result = await runMain([command, sampleArchive, '--all', '--verbose'], { cwd });
      expect(result.stderr, command).toContain('tweet-audit: applied 1 label, 1 id not in this archive\n');
    }
    const classified = rowsOf((await runMain(['classify', sampleArchive, '--all'], { cwd })).stdout);
    expect(classified.find((row) => row.id === first.id)).toMatchObject({
      category: 'conference',
      subcategory: 'live',
      decided_by: 'user-label',
    });
    // eval's labels are the answer key: the default file is not given to the classifier there.
    const evaluated = await runMain(['eval', sampleArchive, '--labels', path.join(cwd, 'tweet-audit.labels.csv')], {
      cwd,
    });
    expect(evaluated.stderr).not.toContain('applied');
    // --labels still wins.
    const other = path.join(cwd, 'other.csv');
    writeFileSync(other, 'id,category\n7,personal\n');
    expect((await runMain(['report', sampleArchive, '--all', '--labels', other], { cwd })).stderr).toContain(
      'applied 0 labels, 1 id not in this archive',
    );
  });

  it('lives in the user config folder when no local file is there', async () => {
    const cwd = folder('default-user');
    const xdg = folder('xdg');
    mkdirSync(path.join(xdg, 'tweet-audit'), { recursive: true });
    writeFileSync(path.join(xdg, 'tweet-audit', 'labels.csv'), 'id,category\n1,personal\n2,personal\n');
    const result = await runMain(['report', sampleArchive, '--all', '--verbose'], {
      cwd,
      env: isolatedEnv({ XDG_CONFIG_HOME: xdg }),
    });
    expect(result.stderr).toContain('applied 0 labels, 2 ids not in this archive');
    expect((await runMain(['report', sampleArchive, '--all', '--verbose'], { cwd })).stderr).not.toContain('applied');
  });
});

describe('an edited classify CSV as labels', () => {
  it('counts only the rows whose category was changed', async () => {
    const cwd = folder('classify-round-trip');
    const rows = rowsOf((await runMain(['classify', sampleArchive, '--all'], { cwd })).stdout);
    expect(rows.length).toBeGreaterThan(300);
    rows[5]!.category = rows[5]!.category === 'personal' ? 'promotion' : 'personal';
    rows[9]!.category = rows[9]!.category === 'conference' ? 'conversation' : 'conference';
    writeFileSync(path.join(cwd, 'edited.csv'), stringify(rows, { header: true }));
    const result = await runMain(['report', sampleArchive, '--all', '--labels', 'edited.csv'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('applied 2 labels, 0 ids not in this archive');
  });
});

describe('label on a terminal, in-process', () => {
  it('saves each answer as it is given, and on q says how many', async () => {
    const file = path.join(folder('keys'), 'mine.csv');
    // Promotion, then its first subcategory (self); then quit at the second tweet.
    const result = await runMain(['label', sampleArchive, '--labels', file], { isTTY: true, keys: '21q' });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('saved: promotion/self');
    expect(result.stdout).toContain('1 answer this session');
    const saved = rowsOf(readFileSync(file, 'utf8'));
    expect(saved.map((row) => [row.category, row.subcategory, row.source])).toEqual([['promotion', 'self', 'asked']]);
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

/** Runs the binary on a pseudo-terminal (util-linux `script`), sending each key once the text before it has shown. */
async function onTerminal(
  args: string[],
  steps: Array<[waitFor: string, key: string]>,
  cwd: string,
): Promise<{ output: string; code: number | null }> {
  const command = `stty cols 120 rows 40; exec ${[process.execPath, bin, ...args].map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ')}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd,
    env: { ...isolatedEnv(), TERM: 'xterm' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  let seen = 0;
  for (const [waitFor, key] of steps) {
    for (let i = 0; i < 3000; i++) {
      const at = output.indexOf(waitFor, seen);
      if (at !== -1) {
        seen = at + waitFor.length;
        break;
      }
      if (child.exitCode !== null) throw new Error(`exited before "${waitFor}":\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.stdin.write(key);
  }
  const code = await closed;
  return { output: output.replace(/\r\n/g, '\n'), code };
}

describe.skipIf(!hasScript)('label on a terminal', () => {
  it('asks, saves each answer, undoes, and on q says how far to trust the chart', async () => {
    const cwd = folder('pty');
    const file = path.join(cwd, 'mine.csv');
    const { output, code } = await onTerminal(
      ['label', sampleArchive, '--labels', file],
      [
        ['[q]uit', '2'],
        ['promotion: [1] self', '1'],
        ['saved: promotion/self', 's'],
        ['[q]uit', '4'],
        ['personal: [1] whereabouts', '3'],
        ['saved: personal/life', 'u'],
        ['undone', '1'],
        ['conversation: [1] reply', '1'],
        ['saved: conversation/reply', 'q'],
      ],
      cwd,
    );
    expect(code).toBe(0);
    expect(output).toContain(`Saving your answers to ${file}`);
    expect(output).toMatch(/tweet-audit thinks: \w+\/\w+, \d+% sure · why: /);
    expect(output).toContain('https://x.com/marisolquade/status/');
    expect(output).toContain('2 answers this session');
    expect(output).toContain('How far to trust the chart');
    const saved = rowsOf(readFileSync(file, 'utf8'));
    expect(saved.map((row) => [row.category, row.subcategory, row.source])).toEqual([
      ['promotion', 'self', 'asked'],
      ['conversation', 'reply', 'asked'],
    ]);
    // The next session does not ask those again, and report reads them.
    expect(existsSync(file)).toBe(true);
    const picked = rowsOf((await runMain(['label', sampleArchive, '--labels', file, '--pick', '20'], { cwd })).stdout);
    for (const row of saved) expect(picked.map((p) => p.id)).not.toContain(row.id);
  }, 60_000);
});
