import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { TweetAuditError } from '../errors.js';
import { describeIoError, type CliIO } from './io.js';

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

/**
 * Runs `produce` against the report's destination: stdout, or `--out FILE` written to a
 * temporary file beside it and renamed into place only when everything was written, so a failed
 * run never leaves half a report. Refuses to write inside an archive folder: the tool never
 * writes into the user's archive.
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
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  const stream = createWriteStream(temp, { flags: 'wx' });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  try {
    await Promise.race([once(stream, 'open'), failed]);
    await Promise.race([produce(stream), failed]);
    stream.end();
    await Promise.race([once(stream, 'close'), failed]);
    await rename(temp, target);
  } catch (error) {
    stream.destroy();
    await rm(temp, { force: true });
    if (isNodeError(error) && typeof error.code === 'string' && ['ENOENT', 'EACCES', 'ENOSPC', 'EROFS', 'EISDIR', 'EEXIST'].includes(error.code)) {
      throw new TweetAuditError(`cannot write the output: ${describeIoError(error)}`, { file: outFile });
    }
    throw error;
  }
}

/** Writes a string to a stream and waits until it is accepted (respects backpressure). */
export async function writeText(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

async function refuseInsideArchives(target: string, archives: readonly string[], cwd: string): Promise<void> {
  for (const archive of archives) {
    const root = path.resolve(cwd, archive);
    const info = await stat(root).catch(() => null);
    if (!info?.isDirectory()) {
      if (root === target) throw new TweetAuditError('refusing to overwrite the archive itself', { file: target });
      continue;
    }
    const relative = path.relative(root, target);
    if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
      throw new TweetAuditError(
        `refusing to write inside the archive folder ${archive}: tweet-audit never changes your archive; choose another --out`,
        { file: target },
      );
    }
  }
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
