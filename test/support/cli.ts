import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import { PassThrough } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/index.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedArchives = path.resolve(repoRoot, '../shared/archives');
export const hasSharedArchives = existsSync(path.join(sharedArchives, 'README.md'));
export const sampleArchive = path.join(repoRoot, 'fixtures/sample-archive');
export const bin = path.join(repoRoot, 'bin/tweet-audit.js');

/**
 * An empty home and working folder for every run, so a developer's own
 * ~/.config/tweet-audit/config.json or ./tweet-audit.config.json never changes what tests see.
 */
export const isolatedHome = mkdtempSync(path.join(os.tmpdir(), 'tweet-audit-home-'));

/**
 * The day runs judge an archive's age against: soon after the sample archive was made (2026-11-03),
 * so that its output does not change, with a "stale archive" warning, as the calendar moves on.
 */
export const FIXED_TODAY = '2026-11-20';

/** The environment runs get: no colour, a fixed zone, an empty home, nothing from the developer. */
export function isolatedEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: isolatedHome,
    XDG_CONFIG_HOME: path.join(isolatedHome, '.config'),
    NO_COLOR: '1',
    TZ: 'UTC',
    TWEET_AUDIT_TODAY: FIXED_TODAY,
    ...extra,
  };
}

let checkedBuild = false;

/** Fails loudly when dist/ is missing or older than src/: the binary would test stale code. */
function assertFreshBuild(): void {
  if (checkedBuild) return;
  const built = path.join(repoRoot, 'dist/cli/index.js');
  if (!existsSync(built)) throw new Error('dist/ is missing: run `npm run build` (npm test does it for you)');
  const builtAt = statSync(built).mtimeMs;
  const stale = (readdirSync(path.join(repoRoot, 'src'), { recursive: true }) as string[])
    .filter((name) => name.endsWith('.ts'))
    .find((name) => statSync(path.join(repoRoot, 'src', name)).mtimeMs > builtAt);
  if (stale) throw new Error(`dist/ is older than src/${stale}: run \`npm run build\` (npm test does it for you)`);
  checkedBuild = true;
}

export interface CliResult {
  command: string;
  stdout: string;
  stderr: string;
  code: number | null;
}

/**
 * Runs the built binary the way a user does, with colour off and a fixed zone so output does not
 * depend on the machine. `npm test` builds first; a missing dist/ fails loudly here.
 */
export function runBinary(
  args: string[],
  options: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    input?: string;
    /** Another copy of the binary (a damaged install). */
    bin?: string;
  } = {},
): Promise<CliResult> {
  assertFreshBuild();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.bin ?? bin, ...args], {
      cwd: options.cwd ?? isolatedHome,
      env: isolatedEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ command: commandLine(args), stdout, stderr, code }));
    child.stdin.end(options.input ?? '');
  });
}

/** Runs `main()` in-process with captured streams. */
export async function runMain(
  args: string[],
  options: {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    isTTY?: boolean;
    columns?: number;
    rows?: number;
    stderrIsTTY?: boolean;
    pager?: (text: string) => Promise<boolean>;
    /** Keys for `label` on a terminal: given as a terminal's stdin, in raw mode. */
    keys?: string;
  } = {},
): Promise<CliResult> {
  // A pipe has no size, as the binary's stdout in a pipe; a terminal is 100 by 40 unless told.
  const isTTY = options.isTTY ?? false;
  const stdout = Object.assign(new PassThrough(), {
    isTTY,
    columns: options.columns ?? (isTTY ? 100 : undefined),
    rows: options.rows ?? (isTTY ? 40 : undefined),
  });
  const stderr = Object.assign(new PassThrough(), { isTTY: options.stderrIsTTY ?? false });
  let out = '';
  let err = '';
  stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const code = await main(args, {
    stdout,
    stderr,
    cwd: options.cwd ?? isolatedHome,
    env: options.env ?? isolatedEnv(),
    pager: options.pager,
    stdin: options.keys === undefined ? undefined : keyboard(options.keys),
  });
  await new Promise((resolve) => setImmediate(resolve));
  return { command: commandLine(args), stdout: out, stderr: err, code };
}

/** A terminal's stdin that types `keys`, one by one, each once the previous has been read. */
function keyboard(keys: string): NodeJS.ReadableStream & { isTTY: boolean; setRawMode: (raw: boolean) => unknown } {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
  for (const key of keys) input.write(key);
  return input;
}

/** The command line as a shell would take it: words with spaces or quotes single-quoted. */
function commandLine(args: readonly string[]): string {
  const quoted = args.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`));
  return ['tweet-audit', ...quoted].join(' ');
}

/**
 * One readable record of a run, for file snapshots: command, exit code, stderr, stdout. An output
 * that does not end with a newline says so under its block, as diff does.
 */
export function recordRun(result: CliResult, replace: Array<[RegExp, string]> = []): string {
  const block = (output: string) => [
    '```',
    ...(output === '' ? [] : [output.replace(/\n$/, '')]),
    '```',
    ...(output === '' || output.endsWith('\n') ? [] : ['(no newline at the end)']),
  ];
  let text = [
    `# ${result.command}`,
    '',
    `exit code: ${result.code}`,
    '',
    '## stderr',
    '',
    ...block(result.stderr),
    '',
    '## stdout',
    '',
    ...block(result.stdout),
    '',
  ].join('\n');
  for (const [pattern, replacement] of [
    [new RegExp(escapeRegExp(repoRoot), 'g'), '<repo>'] as [RegExp, string],
    ...replace,
  ]) {
    text = text.replace(pattern, replacement);
  }
  return text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
