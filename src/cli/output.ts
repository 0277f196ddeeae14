import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, chown, lstat, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { TweetAuditError } from '../errors.js';
import { describeIoError, isSystemError, type CliIO } from './io.js';
import { pendingTemps } from './pending-outputs.js';

export type ColorMode = 'auto' | 'always' | 'never';

/** The colour mode, with `--no-color` (false) as `--color never`. */
export function colorMode(options: { color: ColorMode | false }): ColorMode {
  return options.color === false ? 'never' : options.color;
}

/**
 * Decides colour once, ripgrep-style: only for the human table on a terminal, never under
 * NO_COLOR or TERM=dumb or when writing a file; `always` and `never` override. chalk 5 ignores
 * NO_COLOR itself, so the decision is made here and a Chalk with that level is passed down.
 */
export function chooseColor(
  mode: ColorMode,
  io: CliIO,
  options: { humanFormat: boolean; toFile: boolean },
): ChalkInstance | null {
  if (mode === 'never') return null;
  if (mode === 'always') return new Chalk({ level: 1 });
  const env = io.env;
  if (!options.humanFormat || options.toFile || !io.stdout.isTTY) return null;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return null;
  if (env.TERM === 'dumb') return null;
  const level = env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit' ? 3 : 1;
  return new Chalk({ level });
}

let tempCounter = 0;

/** What `{month}` and `{handle}` in an --out path stand for. */
export interface OutputVars {
  month?: string;
  handle?: string;
}

const PLACEHOLDER = /\{(month|handle)\}/g;

/** True when an --out path has placeholders that are known only once the archive is read. */
export function hasPlaceholders(outFile: string): boolean {
  return /\{(?:month|handle)\}/.test(outFile);
}

/**
 * Fills `{month}` (the audited month, or `from..to` for a period) and `{handle}` (the archive
 * owner's handle) in an --out path. A placeholder with no value is refused, not left in a name.
 */
export function expandOutPath(outFile: string, vars: OutputVars): string {
  return outFile.replace(PLACEHOLDER, (_whole, name: 'month' | 'handle') => {
    const value = vars[name];
    if (!value) throw new TweetAuditError(`{${name}} cannot be filled in here`, { file: outFile });
    // A handle or a month never holds a path separator; this keeps a strange one from making one.
    return value.replace(/[/\\\0]/g, '_');
  });
}

/** Where a report goes: stdout, a regular file written atomically, or a special file written through. */
type Destination =
  | { kind: 'stdout' }
  | { kind: 'file'; path: string; existing?: { mode: number; uid: number; gid: number } }
  | { kind: 'through'; path: string };

/** Paths whose name is the process's own stdout: written to the stream we already hold. */
const STDOUT_NAMES = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

/**
 * Decides where --out writes, refusing what must not be written (inside the archive, a folder, a
 * missing folder). A symbolic link is followed on purpose: the file it points to is written (and
 * replaced atomically when it is a regular file), the link itself stays; a dangling link is refused.
 * Devices, FIFOs and the terminal, and anything under /dev or /proc, are written through, never
 * replaced (`--out /dev/null` stays a device, a FIFO's reader gets the report).
 */
async function destinationOf(
  io: CliIO,
  outFile: string | undefined,
  archives: readonly string[],
): Promise<Destination> {
  if (!outFile || outFile === '-') return { kind: 'stdout' };
  const given = path.resolve(io.cwd, outFile);
  if (STDOUT_NAMES.has(given)) return { kind: 'stdout' };
  if (given.startsWith('/dev/') || given.startsWith('/proc/')) return { kind: 'through', path: given };
  const link = await lstat(given).catch(() => null);
  let target = given;
  if (link?.isSymbolicLink()) {
    target = await realpath(given).catch(() => {
      throw new TweetAuditError('is a symbolic link to a file that does not exist; remove it or point it somewhere', {
        file: outFile,
      });
    });
  }
  const info = link ? await stat(target).catch(() => null) : null;
  if (info?.isDirectory())
    throw new TweetAuditError('cannot write the output: it is a folder; give a file name', { file: outFile });
  await refuseInsideArchives(target, archives, io.cwd, outFile);
  if (info && !info.isFile()) return { kind: 'through', path: target };
  const folder = await stat(path.dirname(target)).catch((error: NodeJS.ErrnoException) => error);
  if (folder instanceof Error)
    throw new TweetAuditError(`cannot write the output: ${describeIoError(folder)}`, { file: outFile });
  if (!folder.isDirectory())
    throw new TweetAuditError('cannot write the output: a part of its path is not a folder', { file: outFile });
  return info
    ? { kind: 'file', path: target, existing: { mode: info.mode & 0o7777, uid: info.uid, gid: info.gid } }
    : { kind: 'file', path: target };
}

/**
 * Checks an --out path before anything is read, so that a typo costs no wait: the archive's
 * folder, a missing folder, a folder as the file. A path with placeholders is checked as far as it
 * can be without them (its folder, when the placeholders are in the name only).
 */
export async function checkOutput(io: CliIO, outFile: string | undefined, archives: readonly string[]): Promise<void> {
  if (!outFile || outFile === '-') return;
  if (!hasPlaceholders(outFile)) {
    await destinationOf(io, outFile, archives);
    return;
  }
  const folder = path.dirname(outFile);
  if (hasPlaceholders(folder)) return;
  const info = await stat(path.resolve(io.cwd, folder)).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error)
    throw new TweetAuditError(`cannot write the output: ${describeIoError(info)}`, { file: outFile });
  if (!info.isDirectory())
    throw new TweetAuditError('cannot write the output: a part of its path is not a folder', { file: outFile });
}

/** The same file for two outputs (--out and --chart) is a usage error: one would replace the other. */
export function refuseSameOutput(
  io: CliIO,
  a: string | undefined,
  b: string | undefined,
  names: [string, string],
): void {
  if (!a || !b || a === '-' || b === '-') return;
  if (path.resolve(io.cwd, a) === path.resolve(io.cwd, b)) {
    throw new TweetAuditError(
      `${names[0]} and ${names[1]} name the same file (${a}): one would replace the other; give two names`,
    );
  }
}

/**
 * Runs `produce` against the report's destination: stdout, or `--out FILE` written to a
 * temporary file beside it and renamed into place only when everything was written, so a failed
 * or interrupted run never leaves half a report; a file replaced keeps its mode and owner. A
 * device, FIFO or terminal is written through (see destinationOf). Refuses to write inside an
 * archive: the tool never writes into the user's archive.
 */
export async function withOutput(
  io: CliIO,
  outFile: string | undefined,
  archives: readonly string[],
  produce: (out: NodeJS.WritableStream) => Promise<void>,
  vars: OutputVars = {},
): Promise<void> {
  const named = outFile && outFile !== '-' ? expandOutPath(outFile, vars) : outFile;
  const destination = await destinationOf(io, named, archives);
  if (destination.kind === 'stdout') {
    await produce(io.stdout);
    return;
  }
  if (destination.kind === 'through') {
    await writeThrough(destination.path, named!, produce);
    return;
  }
  const target = destination.path;
  // A short name of our own: the target's name plus a suffix could exceed the file system's limit.
  const temp = path.join(path.dirname(target), `.tweet-audit-${process.pid}-${++tempCounter}.tmp`);
  try {
    const stream = createWriteStream(temp, { flags: 'wx', mode: destination.existing?.mode ?? 0o666 });
    pendingTemps.add(temp);
    await streamTo(stream, produce);
    if (destination.existing) {
      const { mode, uid, gid } = destination.existing;
      // The mode given at creation is cut by the umask; a private 0600 report stays private.
      await chmod(temp, mode);
      if (process.getuid?.() === 0 && (uid !== 0 || gid !== 0)) await chown(temp, uid, gid).catch(() => undefined);
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    if (isSystemError(error)) {
      throw new TweetAuditError(`cannot write the output: ${describeIoError(error)}`, { file: named });
    }
    throw error;
  } finally {
    pendingTemps.delete(temp);
  }
}

/** Writes into an existing special file (a device, a FIFO, the terminal) as it is. */
async function writeThrough(
  target: string,
  named: string,
  produce: (out: NodeJS.WritableStream) => Promise<void>,
): Promise<void> {
  try {
    await streamTo(createWriteStream(target, { flags: 'w' }), produce);
  } catch (error) {
    if (isSystemError(error))
      throw new TweetAuditError(`cannot write the output: ${describeIoError(error)}`, { file: named });
    throw error;
  }
}

async function streamTo(stream: WriteStream, produce: (out: NodeJS.WritableStream) => Promise<void>): Promise<void> {
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  try {
    await Promise.race([once(stream, 'open'), failed]);
    await Promise.race([produce(stream), failed]);
    stream.end();
    await Promise.race([once(stream, 'close'), failed]);
  } finally {
    stream.destroy();
  }
}

/**
 * Writes a whole report: to --out, or to stdout, through the pager when stdout is a terminal, the
 * report is longer than the screen, and --no-pager was not given. Never pages a pipe or a file.
 */
export async function emitText(
  io: CliIO,
  outFile: string | undefined,
  archives: readonly string[],
  text: string,
  { vars = {}, pager = true }: { vars?: OutputVars; pager?: boolean } = {},
): Promise<void> {
  const toStdout = !outFile || outFile === '-';
  if (toStdout && pager && io.pager && io.stdout.isTTY && countLines(text) > (io.stdout.rows ?? 24) - 1) {
    if (await io.pager(text)) return;
  }
  await withOutput(io, outFile, archives, (out) => writeText(out, text), vars);
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Writes a string to a stream and waits until it is accepted (respects backpressure). */
export async function writeText(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** Grailbird month files sit three folders below the archive: data/js/tweets/2013_03.js. */
const ARCHIVE_DEPTH = 3;

/**
 * True for a folder that is an extracted archive: it holds data/ with X's files, tweets.csv
 * (legacy), outbox.json (Mastodon), or is such a data folder itself. A folder of downloads is not.
 */
async function isArchiveFolder(folder: string): Promise<boolean> {
  const names = await readdir(folder).catch(() => [] as string[]);
  if (names.includes('tweets.csv') || names.includes('outbox.json') || names.includes('manifest.js')) return true;
  if (names.some((name) => /^tweets?(-part\d+)?\.js$/.test(name))) return true;
  if (!names.includes('data')) return false;
  const data = await readdir(path.join(folder, 'data')).catch(() => [] as string[]);
  return (
    data.includes('js') || data.includes('manifest.js') || data.some((name) => /^tweets?(-part\d+)?\.js$/.test(name))
  );
}

/** True for a file a reader could take as an archive by its name (a download in a folder of them). */
function looksLikeArchiveFile(name: string): boolean {
  return /\.(zip|car|tar\.gz|tgz)$/i.test(name);
}

/**
 * What an archive argument covers: the file given (a .zip, a .car, a tweets.js) and the
 * extracted archive folder it is in, if any; a folder given that is an archive; or, for a folder
 * of downloads, each download and extracted archive in it, never the folder itself, so that a
 * report can be written beside the downloads.
 */
async function protectedPaths(archive: string, cwd: string): Promise<string[]> {
  const given = await realpath(path.resolve(cwd, archive)).catch(() => path.resolve(cwd, archive));
  const info = await stat(given).catch(() => null);
  if (!info) return [];
  const roots = [given];
  if (info.isDirectory()) {
    if (await isArchiveFolder(given)) return roots;
    for (const name of await readdir(given).catch(() => [] as string[])) {
      const child = path.join(given, name);
      const childInfo = await stat(child).catch(() => null);
      if (childInfo?.isDirectory() ? await isArchiveFolder(child) : looksLikeArchiveFile(name)) roots.push(child);
    }
    // The folder itself is not the archive: only what is in it.
    return roots.slice(1);
  }
  // A download (.zip, .car, .tar.gz) is the archive itself; a data file is part of its folder.
  if (looksLikeArchiveFile(given)) return roots;
  let folder = path.dirname(given);
  for (let depth = 0; depth < ARCHIVE_DEPTH; depth++, folder = path.dirname(folder)) {
    if (await isArchiveFolder(folder)) roots.push(folder);
  }
  return roots;
}

async function refuseInsideArchives(
  target: string,
  archives: readonly string[],
  cwd: string,
  given: string,
): Promise<void> {
  const folder = await realpath(path.dirname(target)).catch(() => path.dirname(target));
  const real = path.join(folder, path.basename(target));
  for (const archive of archives) {
    for (const root of await protectedPaths(archive, cwd)) {
      const relative = path.relative(root, real);
      const inside =
        relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
      if (inside) {
        const what =
          relative === ''
            ? `is the archive ${displayPath(root, cwd)} itself`
            : `is inside the archive ${displayPath(root, cwd)}`;
        throw new TweetAuditError(
          `refusing to write there: it ${what}, and tweet-audit never changes your archive; choose an --out outside it`,
          {
            file: given,
          },
        );
      }
    }
  }
}

function displayPath(target: string, cwd: string): string {
  const relative = path.relative(cwd, target);
  return relative === '' ? '.' : relative.startsWith('..') ? target : relative;
}
