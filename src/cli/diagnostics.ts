import { plainText, type CliIO } from './io.js';

/**
 * What a command says on stderr besides errors, in two kinds. Notices (which month was chosen,
 * which of several downloads was read) help a person at a terminal and are said only there, or
 * with --verbose, never with --quiet: cron mails whatever a job prints, and a month that went
 * well is no news. Warnings need action (a stale archive, skipped records, a config of another
 * account) and are always said, one line each; `check --strict` makes them fail the run.
 */
export interface Diagnostics {
  notice(message: string): void;
  warning(message: string): void;
  /** Said only with --verbose: the particulars behind a warning (each record skipped). */
  detail(message: string): void;
  /** --verbose was given: details are said. */
  readonly verbose: boolean;
  /** The warnings said so far, each once. */
  readonly warnings: readonly string[];
}

export interface Verbosity {
  quiet?: boolean;
  verbose?: boolean;
}

export function createDiagnostics(io: CliIO, { quiet = false, verbose = false }: Verbosity = {}): Diagnostics {
  const warnings: string[] = [];
  const noticesShown = !quiet && (verbose || Boolean(io.stderr.isTTY));
  return {
    notice(message) {
      if (noticesShown) io.stderr.write(`tweet-audit: ${plainText(message)}\n`);
    },
    warning(message) {
      if (warnings.includes(message)) return;
      warnings.push(message);
      io.stderr.write(`tweet-audit: warning: ${plainText(message)}\n`);
    },
    detail(message) {
      if (verbose) io.stderr.write(`tweet-audit: ${plainText(message)}\n`);
    },
    verbose,
    warnings,
  };
}
