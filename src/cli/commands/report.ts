import { audit } from '../../audit.js';
import { renderers } from '../../report/renderers/index.js';
import { TweetAuditError } from '../../errors.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';
import { checkOutput, chooseColor, colorMode, emitText, refuseSameOutput, withOutput, writeText } from '../output.js';
import type { CommonOptions, REPORT_FORMATS } from '../program.js';
import {
  auditOptionsFrom,
  describePeriod,
  describeArchive,
  inputsFor,
  monthOfPeriod,
  severalAccountsError,
  trendFor,
} from './shared.js';

interface ReportOptions extends CommonOptions {
  format: (typeof REPORT_FORMATS)[number];
  chart?: string;
  examples: number;
  byMonth?: boolean;
}

/**
 * `tweet-audit report`: the month's self-QA breakdown in the chosen form. A folder of downloads
 * of several accounts gives one report per account: one after the other on stdout (table and
 * markdown), or one file each with {handle} in --out.
 */
export async function run(io: CliIO, args: unknown[]): Promise<ExitCode> {
  const [archives, options] = args as [string[], ReportOptions];
  refuseSameOutput(io, options.out, options.chart, ['--out', '--chart']);
  await checkOutput(io, options.chart, archives);
  const inputs = await auditOptionsFrom(io, archives, options, { severalAccounts: true });
  if (inputs.groups.length > 1) {
    const each = (file: string | undefined) => Boolean(file?.includes('{handle}'));
    if (options.out ? !each(options.out) : options.format !== 'table' && options.format !== 'markdown') {
      throw severalAccountsError(
        inputs.groups,
        'put {handle} in --out to write one report each, or choose one with --account <handle>',
      );
    }
    if (options.chart && !each(options.chart))
      throw severalAccountsError(inputs.groups, 'put {handle} in --chart, or choose one with --account <handle>');
  }
  for (const [index, group] of inputs.groups.entries()) {
    const each = inputsFor(inputs, group);
    const { prepared, report } = await audit({
      ...each,
      examples: options.examples,
      trend: trendFor(options.format),
      summary: true,
    });
    describePeriod(io, each, prepared);
    const vars = { month: monthOfPeriod(prepared), handle: group.handle ?? prepared.archive.owner.handles[0] };
    describeArchive(report, prepared);
    const color = chooseColor(colorMode(options), io, {
      humanFormat: options.format === 'table',
      toFile: Boolean(options.out),
    });
    const text = renderers[options.format](report, { color, width: io.stdout.columns, byMonth: options.byMonth });
    if (index > 0 && !options.out) io.stdout.write('\n');
    const paged = inputs.groups.length === 1 && options.pager !== false;
    await emitText(io, options.out, archives, text, { vars, pager: paged });
    if (options.chart) {
      // A period reviewed as one is charted as one; otherwise the last month.
      const period = options.byMonth ? undefined : report.summary;
      const month = report.months.at(-1);
      if (!month) throw new TweetAuditError('there is no month to chart', { file: options.chart });
      const { renderPieSvg } = await import('../../report/pie-svg.js');
      const svg = period ? renderPieSvg(period, `${period.from}..${period.to}`) : renderPieSvg(month);
      await withOutput(io, options.chart, archives, (out) => writeText(out, svg), vars);
    }
  }
  return EXIT.ok;
}
