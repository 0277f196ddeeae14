import { describe, expect, it } from 'vitest';
import { runMain, sampleArchive } from '../support/cli.js';

/** Display columns of a line: the report's text is ASCII, box drawing and blocks, one column each. */
function columns(line: string): number {
  return [...line].length;
}

describe('the terminal report fits the terminal', () => {
  for (const [width, period] of [60, 80, 120].flatMap((w) => [
    [w, ['--month', '2026-10']] as const,
    [w, ['--all']] as const,
  ])) {
    it(`prints no line wider than ${width} columns on a ${width}-column terminal (${period.join(' ')})`, async () => {
      const result = await runMain(['report', sampleArchive, ...period, '--no-pager', '--color', 'never'], {
        isTTY: true,
        columns: width,
      });
      expect(result.code).toBe(0);
      const lines = result.stdout.split('\n');
      expect(lines.length).toBeGreaterThan(50);
      const wide = lines.filter((line) => columns(line) > width);
      expect(wide).toEqual([]);
    });
  }
});
