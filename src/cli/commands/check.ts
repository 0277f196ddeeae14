import { audit } from '../../audit.js';
import { TweetAuditError } from '../../errors.js';
import { checkTargets } from '../../report/index.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';
import type { CommonOptions } from '../program.js';
import { auditOptionsFrom, describePeriod } from './shared.js';

/**
 * `tweet-audit check`: made for cron, which mails whatever a job prints. All targets met: no
 * output, exit 0. One unmet: one line per unmet target on stdout, exit 1. Error: exit 2.
 */
export async function run(io: CliIO, args: unknown[]): Promise<ExitCode> {
  const [archives, options] = args as [string[], CommonOptions];
  const inputs = await auditOptionsFrom(io, archives, options);
  if (!inputs.config?.targets?.length) {
    const example = '{ "scope": "promotion/employer", "min": 0.05, "max": 0.1 }';
    throw inputs.configPath
      ? new TweetAuditError(`no targets to check: add "targets" to it, e.g. "targets": [${example}]`, { file: inputs.configPath })
      : new TweetAuditError(`no config with targets found: run tweet-audit init, then add "targets", e.g. [${example}]`);
  }
  const { prepared, report } = await audit({ ...inputs, trend: 0 });
  describePeriod(io, inputs, prepared, { quiet: true });
  const result = checkTargets(report);
  if (result.ok) return EXIT.ok;
  for (const target of result.results) {
    if (target.status !== 'met') io.stdout.write(`${target.month} ${target.text}\n`);
  }
  return EXIT.targetsUnmet;
}
