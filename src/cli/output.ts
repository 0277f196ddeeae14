import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { TweetAuditError } from '../errors.js';
import { describeIoError, isSystemError, type CliIO } from './io.js';
import { pendingTemps } from './pending-outputs.js';

export type ColorMode = 'auto' | 'always' | 'never';

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

/**
 * Runs `produce` against the report's destination: stdout, or `--out FILE` written to a
 * temporary file beside it and renamed into place only when everything was written, so a failed
 * or interrupted run never leaves half a report. Refuses to write inside an archive: the tool
 * never writes into the user's archive.
 */
export async function withOutput(
  io: CliIO,
  outFile: string | undefined,
  archives: readonly string[],
  produce: (out: NodeJS.WritableStream) => Promise<void>,
): Promise<void> {
  if (!outFile || outFile === '-') {
    await produce(io.stdout);
    return;
  }
  const target = path.resolve(io.cwd, outFile);
  await refuseInsideArchives(target, archives, io.cwd);
  // A short name of our own: the target's name plus a suffix could exceed the file system's limit.
  const temp = path.join(path.dirname(target), `.tweet-audit-${process.pid}-${++tempCounter}.tmp`);
  try {
    const stream = createWriteStream(temp, { flags: 'wx' });
    pendingTemps.add(temp);
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
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    if (isSystemError(error)) {
      throw new TweetAuditError(`cannot write the output: ${describeIoError(error)}`, { file: outFile });
    }
    throw error;
  } finally {
    pendingTemps.delete(temp);
  }
}

/** Writes a string to a stream and waits until it is accepted (respects backpressure). */
export async function writeText(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/**
 * The folders an archive argument stands for: the folder given, or for a file (a zip, a
 * data/tweets.js) the file itself and its folder, and the archive folder above data/.
 */
async function protectedPaths(archive: string, cwd: string): Promise<string[]> {
  const given = await realpath(path.resolve(cwd, archive)).catch(() => path.resolve(cwd, archive));
  const info = await stat(given).catch(() => null);
  if (!info) return [];
  if (info.isDirectory()) return [given];
  const folder = path.dirname(given);
  return path.basename(folder) === 'data' ? [given, folder, path.dirname(folder)] : [given, folder];
}

async function refuseInsideArchives(target: string, archives: readonly string[], cwd: string): Promise<void> {
  const folder = await realpath(path.dirname(target)).catch(() => path.dirname(target));
  const real = path.join(folder, path.basename(target));
  for (const archive of archives) {
    for (const root of await protectedPaths(archive, cwd)) {
      const relative = path.relative(root, real);
      const inside = relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
      if (inside) {
        throw new TweetAuditError(
          `refusing to write into the archive (${archive}): tweet-audit never changes your archive; choose another --out`,
          { file: outFile(target, cwd) },
        );
      }
    }
  }
}

function outFile(target: string, cwd: string): string {
  const relative = path.relative(cwd, target);
  return relative.startsWith('..') ? target : relative;
}
