import { audit } from '../../audit.js';
import { DEFAULT_TREND_MONTHS, renderers, renderPieSvg } from '../../report/index.js';
import { TweetAuditError } from '../../errors.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';
import { chooseColor, withOutput, writeText } from '../output.js';
import type { CommonOptions, REPORT_FORMATS } from '../program.js';
import { auditOptionsFrom, describePeriod } from './shared.js';

interface ReportOptions extends CommonOptions {
  format: (typeof REPORT_FORMATS)[number];
  chart?: string;
  examples: number;
}

/** `tweet-audit report`: the month's self-QA breakdown in the chosen form. */
export async function run(io: CliIO, args: unknown[]): Promise<ExitCode> {
  const [archives, options] = args as [string[], ReportOptions];
  const inputs = await auditOptionsFrom(io, archives, options);
  // JSON carries the whole trend; the other formats show the 12 months up to the period's end.
  const trend = options.format === 'json' ? 'all' : options.format === 'csv' ? 0 : DEFAULT_TREND_MONTHS;
  const { prepared, report } = await audit({ ...inputs, examples: options.examples, trend });
  describePeriod(io, inputs, prepared);
  const color = chooseColor(options.color, io, { humanFormat: options.format === 'table', toFile: Boolean(options.out) });
  const text = renderers[options.format](report, { color, width: io.stdout.columns });
  await withOutput(io, options.out, archives, (out) => writeText(out, text));
  if (options.chart) {
    const month = report.months.at(-1);
    if (!month) throw new TweetAuditError('there is no month to chart', { file: options.chart });
    await withOutput(io, options.chart, archives, (out) => writeText(out, renderPieSvg(month)));
  }
  return EXIT.ok;
}
