import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { recordRun, repoRoot, runMain } from './cli.js';

/**
 * Recorded cases: one readable .md per command line, holding the command, its exit code, stderr
 * and stdout (see recordRun). The file is both the input (its first line says what to run) and
 * the expected result. A new case is a file whose first line is `# tweet-audit ARGS`; running
 * with UPDATE_CASES=1 writes what the command printed into it (and rewrites every case that
 * changed), for the diff to be read in review.
 */
export function caseFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort();
}

/** The arguments of a case: its first line, `# tweet-audit` and words, single-quoted as a shell does. */
export function argsOfCase(text: string): string[] {
  const first = text.split('\n', 1)[0]!;
  const match = /^# tweet-audit(?: (.*))?$/.exec(first);
  if (!match) throw new Error(`a case starts with "# tweet-audit ARGS", not ${JSON.stringify(first)}`);
  const words: string[] = [];
  for (const [, quoted, plain] of (match[1] ?? '').matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)) {
    words.push(quoted !== undefined ? quoted.replace(/'\\''/g, "'") : plain!);
  }
  return words.map((word) => word.replaceAll('<repo>', repoRoot));
}

/**
 * Runs a case in-process and compares its record with the file, as one string so that a
 * failure shows a line diff; UPDATE_CASES=1 rewrites the file instead.
 */
export async function checkCase(folder: string, name: string): Promise<{ actual: string; expected: string }> {
  const file = path.join(folder, name);
  const expected = readFileSync(file, 'utf8');
  const actual = recordRun(await runMain(argsOfCase(expected)));
  if (process.env.UPDATE_CASES && actual !== expected) {
    writeFileSync(file, actual);
    return { actual, expected: actual };
  }
  return { actual, expected };
}
