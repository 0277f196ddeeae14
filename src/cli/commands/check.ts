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
    throw new TweetAuditError(
      `no targets to check: add "targets" to your config (${inputs.configPath ?? 'run tweet-audit init to write one'}), e.g. { "scope": "promotion/employer", "min": 0.05, "max": 0.1 }`,
      inputs.configPath ? { file: inputs.configPath } : {},
    );
  }
  const { prepared, report } = await audit(inputs);
  describePeriod(io, prepared, { quiet: true });
  const result = checkTargets(report);
  if (result.ok) return EXIT.ok;
  for (const target of result.results) {
    if (target.status !== 'met') io.stdout.write(`${target.month} ${target.text}\n`);
  }
  return EXIT.targetsUnmet;
}
