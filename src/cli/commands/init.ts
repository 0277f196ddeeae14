import { access } from 'node:fs/promises';
import { openArchives } from '../../archive/index.js';
import { discoverIdentity, loadConfig, renderInitConfig } from '../../config/index.js';
import { TweetAuditError } from '../../errors.js';
import { createZone } from '../../time/zone.js';
import { resolveArchives } from '../archives.js';
import { createDiagnostics } from '../diagnostics.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';
import { withOutput, writeText } from '../output.js';
import type { CommonOptions } from '../program.js';
import { resolveFrom, severalAccountsError } from './shared.js';

/** `tweet-audit init`: a commented config file with what the archive says about its owner. */
export async function run(io: CliIO, args: unknown[]): Promise<ExitCode> {
  const [archives, options] = args as [string[], CommonOptions & { out: string; force?: boolean }];
  const toStdout = options.out === '-';
  const target = resolveFrom(io, options.out);
  if (options.tz) createZone(options.tz);
  if (
    !toStdout &&
    !options.force &&
    (await access(target).then(
      () => true,
      () => false,
    ))
  ) {
    throw new TweetAuditError('already exists; edit it, or pass --force to write it anew', { file: options.out });
  }
  // The config being replaced may be the broken one the user wants rid of: do not read it.
  const replacing = options.force && !options.config;
  const { config } = replacing
    ? { config: {} }
    : await loadConfig({ explicitPath: options.config, cwd: io.cwd, env: io.env });
  const diagnostics = createDiagnostics(io, options);
  const groups = await resolveArchives(
    archives.map((file) => resolveFrom(io, file)),
    options,
    diagnostics,
  );
  if (groups.length > 1) throw severalAccountsError(groups, 'choose one with --account <handle>');
  const archive = await openArchives(groups[0]!.paths);
  const identity = await discoverIdentity(archive.owner, archive.tweets(), config);
  const owner = options.tz ? { ...archive.owner, timeZone: options.tz } : archive.owner;
  await withOutput(io, options.out, archives, (out) => writeText(out, renderInitConfig(identity, owner)));
  if (!toStdout)
    diagnostics.notice(
      `wrote ${options.out}: check what was discovered, add your goals and targets, then run tweet-audit report`,
    );
  return EXIT.ok;
}
