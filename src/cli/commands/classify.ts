import { prepareAudit, withTurns } from '../../audit.js';
import { writeTweetRows } from '../../report/index.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';
import { withOutput } from '../output.js';
import type { CommonOptions, TWEET_FORMATS } from '../program.js';
import { auditOptionsFrom, describePeriod, monthOfPeriod, reportAccount } from './shared.js';

interface ClassifyOptions extends CommonOptions {
  format?: (typeof TWEET_FORMATS)[number];
  csvSafe: boolean;
}

/**
 * `tweet-audit classify`: one row per tweet, in the archive's own order, streamed so that a
 * million tweets never sit in memory as one text.
 */
export async function run(io: CliIO, args: unknown[]): Promise<ExitCode> {
  const [archives, options] = args as [string[], ClassifyOptions];
  const toTerminal = !options.out && Boolean(io.stdout.isTTY);
  const inputs = await auditOptionsFrom(io, archives, options, { streamsToTerminal: toTerminal });
  const prepared = await prepareAudit(inputs);
  // Before any output: an archive with no tweets at all is an error, and --out must not appear.
  const months = new Set(prepared.periodMonths);
  await withOutput(
    io,
    options.out,
    archives,
    async (out) => {
      // A person at a terminal reads lines; a pipe or a file gets CSV, as scripts expect.
      const format = options.format ?? (toTerminal ? 'table' : 'csv');
      await writeTweetRows(withTurns(prepared.classified(months)), format, out, {
        csvSafe: options.csvSafe,
        zone: prepared.zone,
        account: reportAccount(prepared),
        width: io.stdout.columns,
      });
    },
    { month: monthOfPeriod(prepared), handle: prepared.archive.owner.handles[0] },
  );
  describePeriod(io, inputs, prepared);
  return EXIT.ok;
}
