import path from 'node:path';
import type { AuditOptions, PreparedAudit } from '../../audit.js';
import { readLabels } from '../../classify/index.js';
import { loadConfig } from '../../config/index.js';
import { validatePeriodOptions } from '../../period.js';
import { warn, type CliIO } from '../io.js';
import { createProgress } from '../progress.js';
import type { CommonOptions } from '../program.js';

/** Turns the command line's options into audit options: config read, labels read, period checked. */
export async function auditOptionsFrom(
  io: CliIO,
  archives: string[],
  options: Partial<CommonOptions>,
): Promise<AuditOptions & { configPath?: string }> {
  const period = validatePeriodOptions({ month: options.month, from: options.from, to: options.to, all: options.all });
  const { config, path: configPath } = await loadConfig({ explicitPath: options.config, cwd: io.cwd, env: io.env });
  const labels = options.labels ? await readLabels(resolveFrom(io, options.labels)) : undefined;
  const progress = createProgress(io);
  return {
    archives: archives.map((archive) => resolveFrom(io, archive)),
    period,
    timeZone: options.tz,
    config,
    configPath,
    labels,
    onProgress: (tweets) => progress.update(tweets),
  };
}

/** Resolves a path the user typed against the command's working directory. */
export function resolveFrom(io: CliIO, file: string): string {
  return path.resolve(io.cwd, file);
}

/**
 * Tells the user, on stderr, what the reader skipped, which month the tool chose for them, and when
 * the chosen months have no tweets, which months do.
 */
export function describePeriod(io: CliIO, prepared: PreparedAudit, options: { quiet?: boolean } = {}): void {
  const { period, monthCounts, zone } = prepared;
  if (io.stderr.isTTY) io.stderr.write('\r\x1b[2K');
  // Skipped records are worth knowing about, but not worth a cron mail every month.
  if (!options.quiet) for (const warning of prepared.archive.warnings) warn(io, `warning: ${warning}`);
  if (period.chosenBy === 'default' && !options.quiet) {
    warn(io, `${period.from}, the last complete month in the archive (${zone.name}); choose another with --month, --from/--to or --all`);
  }
  const inPeriod = prepared.periodMonths.reduce((sum, month) => sum + (monthCounts.get(month) ?? 0), 0);
  if (inPeriod === 0) {
    const months = [...monthCounts.keys()].sort();
    const busiest = [...monthCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1)).slice(0, 3);
    warn(
      io,
      `no tweets in ${period.from === period.to ? period.from : `${period.from}..${period.to}`}; the archive has tweets from ${months[0]} to ${months.at(-1)} (busiest: ${busiest.map(([m, n]) => `${m} with ${n}`).join(', ')})`,
    );
  }
}
