import { audit } from '../../audit.js';
import { TweetAuditError } from '../../errors.js';
import { checkTargets, renderers } from '../../report/index.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';
import { withOutput, writeText } from '../output.js';
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

/**
 * `tweet-audit check`: made for cron, which mails whatever a job prints. All targets met: no
 * output, exit 0. A month under the post's twenty tweets is not judged: one line says so, exit 0. One unmet: one line per unmet target on stdout, exit 1. Error: exit 2.
 * Warnings (a stale archive, skipped records) are said on stderr; with --strict they exit 1 too.
 * A folder of several accounts' downloads is checked account by account. With --out it also
 * writes the report it checked: one read of the archive and one set of warnings for cron.
 */
export async function run(io: CliIO, args: unknown[]): Promise<ExitCode> {
  const [archives, options] = args as [
    string[],
    CommonOptions & { strict?: boolean; format: (typeof REPORT_FORMATS)[number] },
  ];
  if (options.out === '-')
    throw new TweetAuditError('check writes its report to a file only: stdout is for the targets missed');
  const inputs = await auditOptionsFrom(io, archives, options, { severalAccounts: true });
  if (inputs.groups.length > 1 && options.out && !options.out.includes('{handle}')) {
    throw severalAccountsError(
      inputs.groups,
      'put {handle} in --out to write one report each, or choose one with --account <handle>',
    );
  }
  for (const group of inputs.groups) {
    if (group.config.targets?.length) continue;
    const example = '{ "scope": "promotion/employer", "min": 0.05, "max": 0.1 }';
    throw group.configPath
      ? new TweetAuditError(`no targets to check: add "targets" to it, e.g. "targets": [${example}]`, {
          file: group.configPath,
        })
      : new TweetAuditError(
          `no config with targets found: run tweet-audit init, then add "targets", e.g. [${example}]`,
        );
  }
  let code: ExitCode = EXIT.ok;
  for (const group of inputs.groups) {
    const each = inputsFor(inputs, group);
    // Without --out only the period is classified; a written report has its trend too.
    const { prepared, report } = await audit({ ...each, trend: options.out ? trendFor(options.format) : 0 });
    describePeriod(io, each, prepared);
    if (options.out) {
      describeArchive(report, prepared);
      const vars = { month: monthOfPeriod(prepared), handle: group.handle ?? prepared.archive.owner.handles[0] };
      const text = renderers[options.format](report, { color: null, width: io.stdout.columns });
      await withOutput(io, options.out, archives, (out) => writeText(out, text), vars);
    }
    const result = checkTargets(report);
    const who = inputs.groups.length > 1 && group.handle ? `@${group.handle} ` : '';
    // Too few tweets is no failure: cron still mails the line that says why nothing was judged.
    for (const month of result.tooFew) io.stdout.write(`${who}${month.month} ${month.text}\n`);
    if (result.ok) continue;
    code = EXIT.targetsUnmet;
    for (const target of result.results) {
      if (target.status !== 'met') io.stdout.write(`${who}${target.month} ${target.text}\n`);
    }
  }
  if (options.strict && inputs.diagnostics.warnings.length > 0) return EXIT.targetsUnmet;
  return code;
}
