import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { CommanderError } from 'commander';
import { isTweetAuditError } from '../errors.js';
import { describeIoError, EXIT, oneLine, type CliIO, type ExitCode } from './io.js';
import { removeTempsOnSignals } from './pending-outputs.js';
import { createProgram, helpLayout, helpWidth, type RunState } from './program.js';

const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/**
 * Runs the command line in-process and returns the exit code: 0 fine, 1 a `check` target unmet,
 * 2 bad input or usage (one line on stderr). Errors that are not the tool's own are bugs: their
 * stack goes to stderr, and the exit code is 2 as well, so cron still sees a failure.
 */
export async function main(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const state: RunState = { exitCode: EXIT.ok };
  const program = createProgram(io, state, version);
  for (const command of [program, ...program.commands]) {
    command.configureHelp(helpLayout);
    command.exitOverride().configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Help is 80 columns wide (narrower only in a narrower terminal) and never coloured.
      getOutHelpWidth: () => helpWidth(io.stdout),
      getErrHelpWidth: () => helpWidth(io.stderr),
      getOutHasColors: () => false,
      getErrHasColors: () => false,
      // Commander's messages span lines ("error: …\n(Did you mean …?)"); one line is the rule.
      outputError: (text, write) => {
        const line = text
          .replace(/^error: /, '')
          .replace(/\s*\n\s*/g, ' ')
          .trim()
          .replace(/^(.*) \((Did you mean .*)\)$/, '$1; $2')
          .trim();
        write(
          `tweet-audit: ${oneLine(line)} (see tweet-audit ${command === program ? '' : `${command.name()} `}--help)\n`,
        );
      },
    });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    if (isTweetAuditError(error)) {
      io.stderr.write(`tweet-audit: ${oneLine(error.message)}\n`);
      return EXIT.error;
    }
    const unloadable = loadFailure(error);
    if (unloadable) {
      io.stderr.write(`tweet-audit: ${oneLine(unloadable)}; reinstall tweet-audit\n`);
      return EXIT.error;
    }
    io.stderr.write(
      `tweet-audit: internal error, please report it with this trace:\n${error instanceof Error ? error.stack : String(error)}\n`,
    );
    return EXIT.error;
  }
}

/** Node's errors for a package that is missing, or damaged or of another version. */
const PACKAGE_ERRORS = new Set(['ERR_INVALID_PACKAGE_CONFIG', 'ERR_PACKAGE_PATH_NOT_EXPORTED']);

/**
 * "cannot load <module>: <reason>" when a lazily imported module (a command, a reader) or one of
 * its imports could not be loaded: a file or package missing or damaged, a broken install and not
 * a bug of the code. Else undefined.
 */
function loadFailure(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code } = error as NodeJS.ErrnoException;
  if (code === 'ERR_MODULE_NOT_FOUND') {
    const missing = /^Cannot find (?:module|package) '([^']+)'/.exec(error.message)?.[1];
    return `cannot load ${missing ?? 'a module'}: not found`;
  }
  if (code !== undefined && PACKAGE_ERRORS.has(code)) return `cannot load a package: ${error.message}`;
  // A file that does not parse, or lacks an export another imports: Node's module loader throws a
  // SyntaxError from its own code, or with the importing file's URL first. (A SyntaxError our code
  // throws, even while a module is evaluated, has our code as its first frame: still a bug.)
  if (!(error instanceof SyntaxError)) return undefined;
  const stack = error.stack ?? '';
  const at = /^(file:\/\/\S+):\d+\n/.exec(stack)?.[1];
  if (at) return `cannot load ${fileURLToPath(at)}: ${error.message}`;
  if (/\n\s+at .*/.exec(stack)?.[0].includes('node:internal/modules/')) return `cannot load a module: ${error.message}`;
  return undefined;
}

/** The binary's entry: real process streams, a quiet exit on a closed pipe (`| head`). */
export async function runCli(): Promise<void> {
  // A reader that stops early (`| head`) is not an error; a full disk or a closed terminal is, and
  // gets one line. Either way nothing more can be written, so the process ends here.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    process.stderr.write(`tweet-audit: cannot write the output: ${describeIoError(error)}\n`);
    process.exit(EXIT.error);
  });
  // Ctrl-C or a kill during --out: remove the half-written file, exit as the shell expects
  // (130, 143). Before and after the write nothing needs cleaning: the signal ends the process at once.
  removeTempsOnSignals();
  const io: CliIO = {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    pager: async (text) => (await import('./pager.js')).pageText(process.env, text),
    // Read only by `label`: opening stdin for every command would cost the others for nothing.
    get stdin() {
      return process.stdin;
    },
  };
  process.exitCode = await main(process.argv.slice(2), io);
}
