import { Command, Help, InvalidArgumentError, Option } from 'commander';
import { TweetAuditError } from '../errors.js';
import type { CliIO, ExitCode } from './io.js';

/** Formats of `report` and `trend`, checked against the report's renderer map at compile time. */
export const REPORT_FORMATS = ['table', 'markdown', 'json', 'csv', 'html'] as const;
export const TWEET_FORMATS = ['csv', 'json', 'table'] as const;
export const COLOR_MODES = ['auto', 'always', 'never'] as const;

/** Options shared by the commands that read archives, as parsed by commander. */
export interface CommonOptions {
  month?: string;
  from?: string;
  to?: string;
  all?: boolean;
  tz?: string;
  config?: string;
  labels?: string;
  out?: string;
  /** `--no-color` gives false. */
  color: (typeof COLOR_MODES)[number] | false;
  quiet?: boolean;
  verbose?: boolean;
  account?: string;
  mergeAccounts?: boolean;
  /** `--no-pager` gives false. */
  pager?: boolean;
}

/**
 * One definition per flag: every command that takes a flag gets it from here, so its help text is
 * the same everywhere.
 */
const OPTIONS = {
  month: () =>
    new Option('-m, --month <YYYY-MM>', "one month (the default period is said in each command's description)"),
  from: () => new Option('--from <YYYY-MM>', 'first month of a range'),
  to: () => new Option('--to <YYYY-MM>', 'last month of a range'),
  all: () => new Option('--all', 'every month in the archive'),
  tz: () =>
    new Option(
      '--tz <zone>',
      "IANA time zone to cut months and hours in (default: config, then the archive's, then the system's)",
    ),
  config: () =>
    new Option(
      '--config <file>',
      'config file (default: ./tweet-audit.config.json, then $XDG_CONFIG_HOME/tweet-audit/config.json, ~/.config/… without it); {handle} in it reads one per account',
    ),
  labels: () =>
    new Option(
      '--labels <file>',
      'your own labels (id,category[,subcategory] or an edited classify CSV): they win, and teach the model',
    ),
  out: () =>
    new Option(
      '-o, --out <file>',
      'write to this file (atomically) instead of stdout; {month} and {handle} are filled in',
    ),
  color: () => new Option('--color <when>', 'colour the table').choices(COLOR_MODES).default('auto'),
  noColor: () => new Option('--no-color', 'same as --color never'),
  quiet: () => new Option('-q, --quiet', 'say nothing on stderr but warnings and errors'),
  verbose: () =>
    new Option(
      '--verbose',
      'say which month and which download were chosen also when stderr is not a terminal, and list each record skipped',
    ),
  account: () =>
    new Option(
      '--account <handle>',
      "read only the archives of this account (in a folder of several accounts' downloads)",
    ),
  mergeAccounts: () => new Option('--merge-accounts', 'merge archives of different accounts into one report'),
  json: () => new Option('--json', 'same as --format json'),
  noPager: () => new Option('--no-pager', 'never page a long report on a terminal (default: $PAGER, else less -FRX)'),
} as const;

/** The --format option, with -f, the same everywhere it is given. */
function formatOption<T extends string>(choices: readonly T[], fallback: T): Option {
  return new Option('-f, --format <format>', 'output format').choices(choices).default(fallback);
}

type OptionName = keyof typeof OPTIONS;

function withOptions(command: Command, names: readonly OptionName[]): Command {
  for (const name of names) command.addOption(OPTIONS[name]());
  return command;
}

const READING: readonly OptionName[] = [
  'month',
  'from',
  'to',
  'all',
  'tz',
  'config',
  'labels',
  'account',
  'mergeAccounts',
  'quiet',
  'verbose',
];
const COLOR: readonly OptionName[] = ['color', 'noColor'];

/** How commands hand their exit code back to `main` (commander actions return nothing). */
export interface RunState {
  exitCode: ExitCode;
}

type Run = (io: CliIO, state: RunState) => (...args: unknown[]) => Promise<void>;

/** What an archive argument may be, said once for every command. */
const ARCHIVES =
  'X/Twitter archive .zip (as downloaded), its folder, data/tweets.js, a legacy tweets.csv, a Mastodon export, a Bluesky .car, or a folder of archives (the newest of each account is read); several of one account are merged';

const HELP_WIDTH = 80;

/** The width help is wrapped to: 80 columns, or the terminal's when it is narrower. */
export function helpWidth(stream: { isTTY?: boolean; columns?: number }): number {
  return stream.isTTY && stream.columns !== undefined && stream.columns < HELP_WIDTH ? stream.columns : HELP_WIDTH;
}

/** Fewer columns than this beside the terms, and descriptions go under their term instead. */
const SIDE_BY_SIDE = 40;
const UNDER_INDENT = '      ';

/**
 * Commander leaves a description unwrapped when under 40 columns are left beside the longest term
 * (`explain [options] [archive] [tweet-id]` leaves 38 of 80), which printed 190-column lines.
 */
export const helpLayout: Partial<Help> = {
  minWidthToWrap: 20,
  formatItem(term: string, termWidth: number, description: string, helper: Help): string {
    const width = helper.helpWidth ?? HELP_WIDTH;
    if (!description || width - termWidth - 4 >= SIDE_BY_SIDE) {
      return Help.prototype.formatItem.call(helper, term, termWidth, description, helper);
    }
    const wrapped = helper.boxWrap(description, width - UNDER_INDENT.length);
    return `  ${term}\n${UNDER_INDENT}${wrapped.replace(/\n/g, `\n${UNDER_INDENT}`)}`;
  },
};

/** Breaks a shell command at spaces with a trailing backslash so that no line passes `width`. */
function wrapCommand(command: string, width: number): string {
  const lines: string[] = [];
  let line = '  $';
  for (const word of command.split(' ')) {
    if (line.trim().length > 1 && line.length + 1 + word.length + 2 > width) {
      lines.push(`${line} \\`);
      line = `${UNDER_INDENT}${word}`;
    } else {
      line = `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.join('\n');
}

/** The examples after a command's help, wrapped to the width help is shown at. */
function examples(io: CliIO, lines: string[]): () => string {
  return () => `\nExamples:\n${lines.map((line) => wrapCommand(line, helpWidth(io.stdout))).join('\n')}\n`;
}

function reportCommand(run: Run, io: CliIO, state: RunState): Command {
  const command = new Command('report')
    .description(
      'print the self-QA breakdown of a month (default: the last month the archive covers completely) or a period',
    )
    .argument('<archives...>', ARCHIVES)
    .addOption(formatOption(REPORT_FORMATS, 'table'))
    .addOption(new Option('--chart <file.svg>', "also write the month's (or the period's) pie chart as an SVG file"))
    .addOption(
      new Option('--examples <n>', 'show n example tweets per category (0: none)').argParser(parseCount).default(3),
    )
    .addOption(
      new Option('--by-month', 'with --from/--to or --all: one full report per month instead of one for the period'),
    );
  withOptions(command, [...READING, 'out', 'json', ...COLOR, 'noPager']);
  return command
    .addHelpText(
      'after',
      examples(io, [
        'tweet-audit report ~/Downloads/twitter-2026-11-02.zip',
        'tweet-audit report archive/ -m 2026-10 --json -o october.json',
        'tweet-audit report archive/ --from 2026-01 --to 2026-12',
        'tweet-audit report ~/twitter-archives -f html -o ~/reports/audit-{handle}-{month}.html',
      ]),
    )
    .action(run(io, state));
}

function classifyCommand(run: Run, io: CliIO, state: RunState): Command {
  const command = new Command('classify')
    .description(
      'write one row per tweet: category, subcategory, confidence, flags, rules and text (default: the last complete month)',
    )
    .argument('<archives...>', ARCHIVES)
    .addOption(
      new Option('-f, --format <format>', 'output format (default: table on a terminal, else csv)').choices(
        TWEET_FORMATS,
      ),
    )
    .addOption(
      new Option(
        '--no-csv-safe',
        "write text cells starting with = + - @ as they are (default: prefix them with ' so spreadsheets do not run them)",
      ),
    );
  withOptions(command, [...READING, 'out', 'json']);
  return command
    .addHelpText(
      'after',
      examples(io, [
        'tweet-audit classify archive.zip --all --format csv --out tweets.csv',
        'tweet-audit classify archive/ --month 2026-10 --format json',
      ]),
    )
    .action(run(io, state));
}

function trendCommand(run: Run, io: CliIO, state: RunState): Command {
  const command = new Command('trend')
    .description('show category shares per month side by side (default: the last 12 months in the archive)')
    .argument('<archives...>', ARCHIVES)
    .addOption(formatOption(REPORT_FORMATS, 'table'));
  withOptions(command, [...READING, 'out', 'json', ...COLOR, 'noPager']);
  return command
    .addHelpText(
      'after',
      examples(io, [
        'tweet-audit trend archive.zip',
        'tweet-audit trend archive/ --from 2025-01 --to 2025-12 --format csv',
      ]),
    )
    .action(run(io, state));
}

function checkCommand(run: Run, io: CliIO, state: RunState): Command {
  const command = new Command('check')
    .description(
      "check the last complete month (or the period) against your config's targets: exit 0 when all are met, 1 when one is not, 2 on error",
    )
    .argument('<archives...>', ARCHIVES)
    .addOption(
      new Option(
        '--strict',
        'exit 1 also on a warning (a stale archive, skipped records, a config of another account)',
      ),
    )
    .addOption(formatOption(REPORT_FORMATS, 'html'))
    .addOption(
      new Option(
        '-o, --out <file>',
        'also write the report it checked to this file ({month} and {handle} are filled in), in --format (default html)',
      ),
    );
  withOptions(command, [...READING, 'json']);
  return command
    .addHelpText(
      'after',
      examples(io, [
        'tweet-audit check ~/twitter-archives --config ~/.config/tweet-audit/config.json',
        'tweet-audit check ~/twitter-archives -o ~/reports/audit-{month}.html',
      ]),
    )
    .action(run(io, state));
}

function initCommand(run: Run, io: CliIO, state: RunState): Command {
  const command = new Command('init')
    .description('write a commented config file with what tweet-audit discovered in your archive, for you to edit')
    .argument('<archives...>', ARCHIVES)
    .addOption(
      new Option('-o, --out <file>', 'where to write the config (- for stdout)').default('tweet-audit.config.json'),
    )
    .addOption(new Option('--force', 'overwrite an existing config file'));
  withOptions(command, ['tz', 'config', 'account', 'quiet', 'verbose']);
  return command
    .addHelpText(
      'after',
      examples(io, [
        'tweet-audit init archive.zip',
        'tweet-audit init archive/ --out ~/.config/tweet-audit/config.json',
      ]),
    )
    .action(run(io, state));
}

function explainCommand(run: Run, io: CliIO, state: RunState): Command {
  const command = new Command('explain')
    .description('show which rules fired for one tweet, the model scores, and why the final label won')
    .argument('[archive]', ARCHIVES.replace('; several are merged', ''))
    .argument('[tweet-id]', 'id of the tweet to explain')
    .addOption(new Option('--text <text>', 'explain a tweet text instead of a tweet of the archive'))
    .addOption(new Option('--reply', 'with --text: treat the text as a reply to someone else'));
  withOptions(command, ['tz', 'config', 'labels', 'quiet', 'verbose']);
  return command
    .addHelpText(
      'after',
      examples(io, [
        'tweet-audit explain archive.zip 1854591356741861770',
        'tweet-audit explain --text "We\'re hiring a support lead!"',
      ]),
    )
    .action(run(io, state));
}

function evalCommand(run: Run, io: CliIO, state: RunState): Command {
  const command = new Command('eval')
    .description(
      'compare the classification with hand labels: accuracy, macro-F1, per-category precision and recall, confusion matrix',
    )
    .argument('<archives...>', ARCHIVES)
    .requiredOption('--labels <file>', 'hand labels: id,category[,subcategory]')
    .addOption(formatOption(['table', 'json'] as const, 'table'));
  withOptions(command, ['tz', 'config', 'account', 'mergeAccounts', 'quiet', 'verbose', 'out', 'json']);
  return command
    .addHelpText('after', examples(io, ['tweet-audit eval archive.zip --labels my-50-labels.csv']))
    .action(run(io, state));
}

function labelCommand(run: Run, io: CliIO, state: RunState): Command {
  const command = new Command('label')
    .description(
      'teach it your own labels: one tweet at a time, the ones whose answer teaches the most first; saved as given to the labels file the other commands read',
    )
    .argument('<archive>', ARCHIVES.replace('; several are merged', ''))
    .addOption(
      new Option(
        '--pick <n>',
        'not on a terminal: write the n tweets to label as a sheet, for a spreadsheet round trip',
      ).argParser(parseCount),
    )
    .addOption(new Option('--format <format>', 'format of the --pick sheet').choices(['csv'] as const).default('csv'))
    .addOption(
      new Option(
        '--labels <file>',
        'where to save (default: tweet-audit.labels.csv beside your config, or labels.csv in $XDG_CONFIG_HOME/tweet-audit)',
      ),
    );
  withOptions(command, ['tz', 'config', 'out']);
  return command
    .addHelpText(
      'after',
      examples(io, [
        'tweet-audit label archive.zip',
        'tweet-audit label archive.zip --pick 30 --format csv --out to-label.csv',
      ]),
    )
    .action(run(io, state));
}

function rulesCommand(run: Run, io: CliIO, state: RunState): Command {
  return new Command('rules')
    .description('list the classification rules')
    .addOption(formatOption(['table', 'json'] as const, 'table'))
    .addOption(OPTIONS.json())
    .addHelpText('after', examples(io, ['tweet-audit rules', 'tweet-audit rules --format json']))
    .action(run(io, state));
}

function completionCommand(program: Command, io: CliIO): Command {
  return new Command('completion')
    .description('print the shell completion script for bash, zsh or fish')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText(
      'after',
      examples(io, [
        'tweet-audit completion bash > ~/.local/share/bash-completion/completions/tweet-audit',
        'tweet-audit completion zsh > ~/.zfunc/_tweet-audit',
        'tweet-audit completion fish > ~/.config/fish/completions/tweet-audit.fish',
      ]),
    )
    .action(async (shell: string) => {
      const { completionScript } = await import('./completion.js');
      io.stdout.write(completionScript(program, shell));
    });
}

function parseCount(value: string): number {
  if (!/^\d{1,4}$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a whole number from 0 to 9999`);
  return Number(value);
}

/** Lazily loads a command's implementation, so `--help` stays fast. */
function lazy(load: () => Promise<{ run: (io: CliIO, args: unknown[]) => Promise<ExitCode> }>): Run {
  return (io, state) =>
    async (...args) => {
      const module = await load();
      state.exitCode = await module.run(io, args);
    };
}

/** Builds the whole command line; one factory per command. */
export function createProgram(io: CliIO, state: RunState, version: string): Command {
  const program = new Command('tweet-audit')
    .description('Monthly self-QA of your own tweets: what you really tweet about, from your X/Twitter archive.')
    .version(version, '-V, --version');
  program.addCommand(
    reportCommand(
      lazy(() => import('./commands/report.js')),
      io,
      state,
    ),
  );
  program.addCommand(
    classifyCommand(
      lazy(() => import('./commands/classify.js')),
      io,
      state,
    ),
  );
  program.addCommand(
    trendCommand(
      lazy(() => import('./commands/trend.js')),
      io,
      state,
    ),
  );
  program.addCommand(
    checkCommand(
      lazy(() => import('./commands/check.js')),
      io,
      state,
    ),
  );
  program.addCommand(
    initCommand(
      lazy(() => import('./commands/init.js')),
      io,
      state,
    ),
  );
  program.addCommand(
    explainCommand(
      lazy(() => import('./commands/explain.js')),
      io,
      state,
    ),
  );
  program.addCommand(
    evalCommand(
      lazy(() => import('./commands/eval.js')),
      io,
      state,
    ),
  );
  program.addCommand(
    rulesCommand(
      lazy(() => import('./commands/rules.js')),
      io,
      state,
    ),
  );
  program.addCommand(
    labelCommand(
      lazy(() => import('./commands/label.js')),
      io,
      state,
    ),
  );
  program.addCommand(completionCommand(program, io));
  // --json is --format json; with another --format it is a contradiction, said as a usage error.
  program.hook('preAction', (_program, command) => {
    if (!command.getOptionValue('json')) return;
    if (command.getOptionValueSource('format') === 'cli' && command.getOptionValue('format') !== 'json') {
      throw new TweetAuditError(`--json contradicts --format ${command.getOptionValue('format')}: give one of them`);
    }
    command.setOptionValue('format', 'json');
  });
  program.addHelpText(
    'after',
    examples(io, [
      'tweet-audit report ~/Downloads/twitter-2026-11-02.zip',
      'tweet-audit report archive/ --month 2026-10 --format json',
    ]),
  );
  return program;
}
