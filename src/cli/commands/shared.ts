import path from 'node:path';
import type { AuditOptions, PreparedAudit } from '../../audit.js';
import { parseLabels, type UserLabel } from '../../classify/index.js';
import { loadConfig } from '../../config/index.js';
import { validatePeriodOptions } from '../../period.js';
import { MAX_ARCHIVES, MAX_LABELS_BYTES, MAX_LABELS_LINES, readTextInput } from '../../limits.js';
import { TweetAuditError } from '../../errors.js';
import { createZone } from '../../time/zone.js';
import { warn, type CliIO } from '../io.js';
import { createProgress, type Progress } from '../progress.js';
import type { CommonOptions } from '../program.js';

/** Audit options made from the command line, with what the command needs besides. */
export interface CommandInputs extends AuditOptions {
  configPath?: string;
  progress: Progress;
}

/**
 * Turns the command line's options into audit options: period and time zone checked before any
 * reading, config and labels read. `streamsToTerminal`: the command writes rows to the terminal
 * while it reads, so a progress line would land among them.
 */
export async function auditOptionsFrom(
  io: CliIO,
  archives: string[],
  options: Partial<CommonOptions>,
  { streamsToTerminal = false } = {},
): Promise<CommandInputs> {
  // The same archive named twice is read once; hundreds of them are a mistake (a glob gone wrong).
  const paths = [...new Set(archives.map((archive) => resolveFrom(io, archive)))];
  if (paths.length > MAX_ARCHIVES) {
    throw new TweetAuditError(`${paths.length} archives given; at most ${MAX_ARCHIVES} can be read together`);
  }
  const period = validatePeriodOptions({ month: options.month, from: options.from, to: options.to, all: options.all });
  if (options.tz) createZone(options.tz);
  const { config, path: configPath } = await loadConfig({ explicitPath: options.config, cwd: io.cwd, env: io.env });
  const labels = options.labels ? await readLabelsFile(resolveFrom(io, options.labels)) : undefined;
  const progress = createProgress(io, { enabled: !streamsToTerminal });
  return {
    archives: paths,
    period,
    timeZone: options.tz,
    config,
    configPath,
    labels,
    progress,
    onProgress: (tweets) => progress.update(tweets),
    workers: workersFrom(io.env.TWEET_AUDIT_WORKERS),
  };
}

/** Reads --labels: a regular file within MAX_LABELS_BYTES, in UTF-8 or UTF-16 with its BOM. */
export async function readLabelsFile(file: string): Promise<Map<string, UserLabel>> {
  const text = (await readTextInput(file, 'labels', MAX_LABELS_BYTES))!;
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  if (lines > MAX_LABELS_LINES) {
    throw new TweetAuditError(
      `has ${lines.toLocaleString('en-US')} lines, more than the ${MAX_LABELS_LINES.toLocaleString('en-US')} limit for a labels file: keep only the rows you labelled`,
      { file },
    );
  }
  return parseLabels(text, file);
}

/** TWEET_AUDIT_WORKERS: worker threads for a whole-archive audit (0: none), or "auto" (unset). */
function workersFrom(value: string | undefined): number | 'auto' {
  if (value === undefined || value === '' || value === 'auto') return 'auto';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) {
    throw new TweetAuditError(`TWEET_AUDIT_WORKERS must be "auto" or a whole number from 0 to 64, not "${value}"`);
  }
  return n;
}

/** Resolves a path the user typed against the command's working directory. */
export function resolveFrom(io: CliIO, file: string): string {
  return path.resolve(io.cwd, file);
}

/**
 * Ends the reading: clears the progress line and says, on stderr, what the readers skipped.
 * Skipped records are worth knowing about, but not worth a cron mail every month (`quiet`).
 */
export function finishReading(io: CliIO, inputs: CommandInputs, prepared: PreparedAudit, options: { quiet?: boolean } = {}): void {
  inputs.progress.done();
  if (!options.quiet) for (const warning of prepared.archive.warnings) warn(io, `warning: ${warning}`);
}

/**
 * Ends the reading (see finishReading), then says which month the tool chose for the user, and
 * when the chosen months have no tweets, which months do.
 */
export function describePeriod(io: CliIO, inputs: CommandInputs, prepared: PreparedAudit, options: { quiet?: boolean } = {}): void {
  finishReading(io, inputs, prepared, options);
  const { period, monthCounts, zone } = prepared;
  if (period.chosenBy === 'default' && !options.quiet) {
    const complete = period.complete ? 'the last complete month in the archive' : 'the only month in the archive, perhaps not complete';
    warn(io, `${period.from}, ${complete} (${zone.name}); choose another with --month, --from/--to or --all`);
  }
  const inPeriod = prepared.periodMonths.reduce((sum, month) => sum + (monthCounts.get(month) ?? 0), 0);
  if (inPeriod > 0) return;
  const range = period.from === period.to ? period.from : `${period.from}..${period.to}`;
  if (monthCounts.size === 0) {
    warn(io, `no tweets in ${range}: the archive has no tweets at all`);
    return;
  }
  const months = [...monthCounts.keys()].sort();
  const busiest = [...monthCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1)).slice(0, 3);
  warn(
    io,
    `no tweets in ${range}; the archive has tweets from ${months[0]} to ${months.at(-1)} (busiest: ${busiest.map(([m, n]) => `${m} with ${n}`).join(', ')})`,
  );
}
