import { audit } from '../../audit.js';
import { TweetAuditError } from '../../errors.js';
import { checkTargets } from '../../report/index.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';
import type { CommonOptions } from '../program.js';
import { auditOptionsFrom, describePeriod, inputsFor } from './shared.js';

/**
 * `tweet-audit check`: made for cron, which mails whatever a job prints. All targets met: no
 * output, exit 0. One unmet: one line per unmet target on stdout, exit 1. Error: exit 2.
 * Warnings (a stale archive, skipped records) are said on stderr; with --strict they exit 1 too.
 * A folder of several accounts' downloads is checked account by account.
 */
export async function run(io: CliIO, args: unknown[]): Promise<ExitCode> {
  const [archives, options] = args as [string[], CommonOptions & { strict?: boolean }];
  const inputs = await auditOptionsFrom(io, archives, options, { severalAccounts: true });
  for (const group of inputs.groups) {
    if (group.config.targets?.length) continue;
    const example = '{ "scope": "promotion/employer", "min": 0.05, "max": 0.1 }';
    throw group.configPath
      ? new TweetAuditError(`no targets to check: add "targets" to it, e.g. "targets": [${example}]`, { file: group.configPath })
      : new TweetAuditError(`no config with targets found: run tweet-audit init, then add "targets", e.g. [${example}]`);
  }
  let code: ExitCode = EXIT.ok;
  for (const group of inputs.groups) {
    const each = inputsFor(inputs, group);
    const { prepared, report } = await audit(each);
    describePeriod(io, each, prepared);
    const result = checkTargets(report);
    if (result.ok) continue;
    code = EXIT.targetsUnmet;
    const who = inputs.groups.length > 1 && group.handle ? `@${group.handle} ` : '';
    for (const target of result.results) {
      if (target.status !== 'met') io.stdout.write(`${who}${target.month} ${target.text}\n`);
    }
  }
  if (options.strict && inputs.diagnostics.warnings.length > 0) return EXIT.targetsUnmet;
  return code;
}
