import { audit } from '../../audit.js';
import { renderTrend } from '../../report/index.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';
import { chooseColor, colorMode, emitText } from '../output.js';
import type { CommonOptions, REPORT_FORMATS } from '../program.js';
import { auditOptionsFrom, finishReading, monthOfPeriod } from './shared.js';

interface TrendOptions extends CommonOptions {
  format: (typeof REPORT_FORMATS)[number];
}

/** `tweet-audit trend`: shares per month side by side, by default the archive's last 12 months. */
export async function run(io: CliIO, args: unknown[]): Promise<ExitCode> {
  const [archives, options] = args as [string[], TrendOptions];
  const inputs = await auditOptionsFrom(io, archives, options);
  const chosen = Boolean(options.month || options.from || options.to || options.all);
  const { prepared, report } = await audit({
    ...inputs,
    period: chosen ? inputs.period : { all: true },
    detail: false,
    trend: chosen ? 'period' : 12,
  });
  finishReading(io, inputs, prepared);
  const range = chosen ? { from: prepared.period.from, to: prepared.period.to } : { last: 12 };
  const color = chooseColor(colorMode(options), io, {
    humanFormat: options.format === 'table',
    toFile: Boolean(options.out),
  });
  const text = renderTrend(report, options.format, { color, width: io.stdout.columns, ...range });
  const vars = { month: monthOfPeriod(prepared), handle: prepared.archive.owner.handles[0] };
  await emitText(io, options.out, archives, text, { vars, pager: options.pager !== false });
  return EXIT.ok;
}
