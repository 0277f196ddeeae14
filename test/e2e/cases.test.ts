import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseFiles, checkCase } from '../support/cases.js';

/**
 * The recorded cases in ./cases, run in-process: each file is a command line and all it printed
 * (exit code, stderr, stdout). Checking a whole output catches what a pattern would let through; a
 * change that is meant is accepted with `UPDATE_CASES=1 npx vitest run test/e2e/cases.test.ts`, and
 * read in the diff of the files.
 */
const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases');

describe('recorded cases', () => {
  it.each(caseFiles(folder))('%s', async (name) => {
    const { actual, expected } = await checkCase(folder, name);
    expect(actual, `test/e2e/cases/${name} differs; if the change is meant, rerun with UPDATE_CASES=1`).toBe(expected);
  });
});
