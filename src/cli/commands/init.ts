import { access } from 'node:fs/promises';
import { openArchives } from '../../archive/index.js';
import { discoverIdentity, loadConfig, renderInitConfig } from '../../config/index.js';
import { TweetAuditError } from '../../errors.js';
import { EXIT, warn, type CliIO, type ExitCode } from '../io.js';
import { withOutput, writeText } from '../output.js';
import type { CommonOptions } from '../program.js';
import { resolveFrom } from './shared.js';

/** `tweet-audit init`: a commented config file with what the archive says about its owner. */
export async function run(io: CliIO, args: unknown[]): Promise<ExitCode> {
  const [archives, options] = args as [string[], CommonOptions & { out: string; force?: boolean }];
  const target = resolveFrom(io, options.out);
  if (!options.force && (await access(target).then(() => true, () => false))) {
    throw new TweetAuditError('already exists; edit it, or pass --force to write it anew', { file: options.out });
  }
  const { config } = await loadConfig({ explicitPath: options.config, cwd: io.cwd, env: io.env });
  const archive = await openArchives(archives.map((file) => resolveFrom(io, file)));
  const identity = await discoverIdentity(archive.owner, archive.tweets(), config);
  const owner = options.tz ? { ...archive.owner, timeZone: options.tz } : archive.owner;
  await withOutput(io, options.out, archives, (out) => writeText(out, renderInitConfig(identity, owner)));
  warn(io, `wrote ${options.out}: check what was discovered, add your goals and targets, then run tweet-audit report`);
  return EXIT.ok;
}
