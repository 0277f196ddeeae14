import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bin, isolatedEnv, isolatedHome, repoRoot } from './cli.js';

const recorder = path.join(repoRoot, 'test/support/record-modules.mjs');

/**
 * Runs the built binary with test/support/record-modules.mjs preloaded: its exit code, stderr, and
 * every module it loaded, as paths relative to the repository ("dist/archive/zip-source.js",
 * "node_modules/csv-parse/lib/sync.js"; node's own as "node:fs").
 */
export function loadedModules(args: string[]): Promise<{ code: number | null; stderr: string; modules: Set<string> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tweet-audit-modules-'));
  const file = path.join(dir, 'modules.txt');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', recorder, bin, ...args], {
      cwd: isolatedHome,
      env: isolatedEnv({ RECORD_MODULES_TO: file }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const urls = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
      rmSync(dir, { recursive: true, force: true });
      const root = `${pathToFileURL(repoRoot).href}/`;
      const modules = new Set(urls.map((url) => (url.startsWith(root) ? url.slice(root.length) : url)));
      resolve({ code, stderr, modules });
    });
  });
}
