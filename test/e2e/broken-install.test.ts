import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runBinary, sampleArchive } from '../support/cli.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'tweet-audit-broken-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of the built program (bin, dist, data; node_modules linked entry by entry), damaged by `damage`. */
function brokenInstall(name: string, damage: (dir: string) => void): string {
  const dir = path.join(temp, name);
  for (const part of ['bin', 'dist', 'data', 'package.json'])
    cpSync(path.join(repoRoot, part), path.join(dir, part), { recursive: true });
  mkdirSync(path.join(dir, 'node_modules'));
  for (const entry of readdirSync(path.join(repoRoot, 'node_modules')))
    symlinkSync(path.join(repoRoot, 'node_modules', entry), path.join(dir, 'node_modules', entry));
  damage(dir);
  return dir;
}

async function report(dir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await runBinary(['report', sampleArchive], {
    bin: path.join(dir, 'bin/tweet-audit.js'),
  });
  return { code, stdout, stderr };
}

describe('a broken install', () => {
  it('says which of its own modules is missing, in one line, and exits 2', async () => {
    const dir = brokenInstall('no-command', (at) => rmSync(path.join(at, 'dist/cli/commands/report.js')));
    expect(await report(dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: `tweet-audit: cannot load ${path.join(dir, 'dist/cli/commands/report.js')}: not found; reinstall tweet-audit\n`,
    });
  });

  it('says which package is missing', async () => {
    const dir = brokenInstall('no-package', (at) => {
      // Emptied rather than removed: without it Node would look further up, in any node_modules above.
      rmSync(path.join(at, 'node_modules/csv-stringify'));
      mkdirSync(path.join(at, 'node_modules/csv-stringify'));
    });
    const result = await report(dir);
    expect(result.stderr).toBe(
      `tweet-audit: cannot load ${path.join(dir, 'node_modules/csv-stringify/sync')}: not found; reinstall tweet-audit\n`,
    );
    expect(result.code).toBe(2);
  });

  it('says a module is damaged when one does not parse', async () => {
    const dir = brokenInstall('damaged', (at) =>
      appendFileSync(path.join(at, 'dist/report/renderers/csv.js'), '\nexport const = ;\n'),
    );
    const result = await report(dir);
    expect(result.stderr).toMatch(/^tweet-audit: cannot load a module: Unexpected token '='; reinstall tweet-audit\n$/);
    expect(result.code).toBe(2);
  });

  it('names the importing file when a module lacks an export another imports (a half-updated install)', async () => {
    const dir = brokenInstall('half-updated', (at) =>
      writeFileSync(path.join(at, 'dist/report/renderers/csv.js'), 'export const renamed = 1;\n'),
    );
    const result = await report(dir);
    expect(result.stderr).toBe(
      `tweet-audit: cannot load ${path.join(dir, 'dist/report/renderers/index.js')}: The requested module './csv.js' does not provide an export named 'renderCsv'; reinstall tweet-audit\n`,
    );
    expect(result.code).toBe(2);
  });
});
