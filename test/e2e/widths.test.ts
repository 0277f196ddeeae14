import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/program.js';
import { isolatedEnv, runMain, sampleArchive, sharedArchives } from '../support/cli.js';
import { writeLongArchive } from '../support/long-archive.js';

const WIDTHS = [60, 80, 120] as const;

/** Display columns of a line: the report's text is ASCII, box drawing and blocks, one column each. */
function columns(line: string): number {
  return [...line].length;
}

/** Runs on a terminal of `width` columns and returns stdout's lines after checking the exit code. */
async function linesAt(width: number, args: string[]): Promise<string[]> {
  const result = await runMain(args, { isTTY: true, columns: width });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout.split('\n');
}

function tooWide(lines: string[], width: number): string[] {
  return lines.filter((line) => columns(line) > width);
}

describe('the terminal report fits the terminal', () => {
  for (const [width, period] of WIDTHS.flatMap((w) => [
    [w, ['--month', '2026-10']] as const,
    [w, ['--all']] as const,
  ])) {
    it(`prints no line wider than ${width} columns on a ${width}-column terminal (${period.join(' ')})`, async () => {
      const lines = await linesAt(width, ['report', sampleArchive, ...period, '--no-pager', '--color', 'never']);
      expect(lines.length).toBeGreaterThan(50);
      expect(tooWide(lines, width)).toEqual([]);
    });
  }
});

describe('rules, a long trend and --help fit the terminal', () => {
  const LONG_MONTHS = 66;
  let tmp: string;
  let longArchive: string;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'tweet-audit-widths-'));
    longArchive = path.join(tmp, 'long-archive');
    await writeLongArchive(longArchive, LONG_MONTHS);
  });
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  for (const width of WIDTHS) {
    it(`rules: every rule, none cut, no line wider than ${width}`, async () => {
      const lines = await linesAt(width, ['rules']);
      expect(tooWide(lines, width)).toEqual([]);
      // Wrapped, not cut: each description reads whole once the table's borders are taken away.
      const json = await runMain(['rules', '--format', 'json']);
      const rules = JSON.parse(json.stdout) as Array<{ id: string; description: string }>;
      const cells = lines
        .map((line) => line.split('│').slice(1, -1).at(-1)?.trim() ?? '')
        .join(' ')
        .replace(/\s+/g, ' ');
      for (const rule of rules) {
        expect(lines.some((line) => line.includes(` ${rule.id} `))).toBe(true);
        expect(cells, rule.id).toContain(rule.description);
      }
    });

    it(`trend over ${LONG_MONTHS} months: a row per month, no line wider than ${width}`, async () => {
      const lines = await linesAt(width, [
        'trend',
        longArchive,
        '--all',
        '--tz',
        'UTC',
        '--no-pager',
        '--color',
        'never',
      ]);
      expect(tooWide(lines, width)).toEqual([]);
      const months = new Set(lines.flatMap((line) => line.match(/\b20\d\d-\d\d\b/g) ?? []));
      expect(months.size).toBe(LONG_MONTHS);
    });

    it(`--help wraps at word boundaries to ${Math.min(width, 80)} columns`, async () => {
      const lines = await linesAt(width, ['--help']);
      expect(tooWide(lines, width)).toEqual([]);
      // Help is never wider than 80, even on a wide terminal.
      expect(tooWide(lines, 80)).toEqual([]);
      // Every description is there word for word: a break inside a word would split it. Example
      // commands break with a shell continuation (" \" at the end of a line).
      const text = lines
        .join('\n')
        .replace(/ \\\n\s*/g, ' ')
        .replace(/\s+/g, ' ');
      const program = createProgram(
        { stdout: process.stdout, stderr: process.stderr, cwd: os.tmpdir(), env: isolatedEnv() },
        { exitCode: 0 },
        '0',
      );
      expect(text).toContain(program.description());
      for (const command of program.commands) expect(text, command.name()).toContain(command.description());
      expect(text).toContain('$ tweet-audit report archive/ --month 2026-10 --format json');
    });
  }

  const realArchive = path.join(sharedArchives, 'alrocar-2024');
  it.runIf(existsSync(realArchive))('trend over a real archive of 70 months fits 60 columns', async () => {
    const lines = await linesAt(60, ['trend', realArchive, '--all', '--no-pager', '--color', 'never']);
    expect(tooWide(lines, 60)).toEqual([]);
    expect(new Set(lines.flatMap((line) => line.match(/\b20\d\d-\d\d\b/g) ?? [])).size).toBeGreaterThanOrEqual(60);
  });
});
