import path from 'node:path';
import type { AuditOptions, PreparedAudit } from '../../audit.js';
import { readLabels } from '../../classify/index.js';
import { loadConfig } from '../../config/index.js';
import { validatePeriodOptions } from '../../period.js';
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
  const period = validatePeriodOptions({ month: options.month, from: options.from, to: options.to, all: options.all });
  if (options.tz) createZone(options.tz);
  const { config, path: configPath } = await loadConfig({ explicitPath: options.config, cwd: io.cwd, env: io.env });
  const labels = options.labels ? await readLabels(resolveFrom(io, options.labels)) : undefined;
  const progress = createProgress(io, { enabled: !streamsToTerminal });
  return {
    archives: archives.map((archive) => resolveFrom(io, archive)),
    period,
    timeZone: options.tz,
    config,
    configPath,
    labels,
    progress,
    onProgress: (tweets) => progress.update(tweets),
  };
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
