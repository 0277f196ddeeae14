import { Command, InvalidArgumentError, Option } from 'commander';
import type { CliIO, ExitCode } from './io.js';

/** Formats of `report` and `trend`, checked against the report's renderer map at compile time. */
export const REPORT_FORMATS = ['table', 'markdown', 'json', 'csv', 'html'] as const;
export const TWEET_FORMATS = ['csv', 'json'] as const;
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
  color: (typeof COLOR_MODES)[number];
}

/**
 * One definition per flag: every command that takes a flag gets it from here, so its help text is
 * the same everywhere.
 */
const OPTIONS = {
  month: () => new Option('--month <YYYY-MM>', 'one month (the default period is said in each command\'s description)'),
  from: () => new Option('--from <YYYY-MM>', 'first month of a range'),
  to: () => new Option('--to <YYYY-MM>', 'last month of a range'),
  all: () => new Option('--all', 'every month in the archive'),
  tz: () =>
    new Option('--tz <zone>', "IANA time zone to cut months and hours in (default: config, then the archive's, then the system's)"),
  config: () =>
    new Option('--config <file>', 'config file (default: ./tweet-audit.config.json, then $XDG_CONFIG_HOME/tweet-audit/config.json, ~/.config/… without it)'),
  labels: () =>
    new Option('--labels <file>', 'your own labels (id,category[,subcategory] or an edited classify CSV): they win, and teach the model'),
  out: () => new Option('--out <file>', 'write to this file (atomically) instead of stdout'),
  color: () => new Option('--color <when>', 'colour the table').choices(COLOR_MODES).default('auto'),
} as const;

type OptionName = keyof typeof OPTIONS;

function withOptions(command: Command, names: readonly OptionName[]): Command {
  for (const name of names) command.addOption(OPTIONS[name]());
  return command;
}

const READING: readonly OptionName[] = ['month', 'from', 'to', 'all', 'tz', 'config', 'labels'];

/** How commands hand their exit code back to `main` (commander actions return nothing). */
export interface RunState {
  exitCode: ExitCode;
}

type Run = (io: CliIO, state: RunState) => (...args: unknown[]) => Promise<void>;

/** What an archive argument may be, said once for every command. */
const ARCHIVES =
  'X/Twitter archive .zip (as downloaded), its folder, data/tweets.js, a legacy tweets.csv, a Mastodon export, a Bluesky .car, or a folder of archives (the newest is read); several are merged';

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

function reportCommand(run: Run, io: CliIO, state: RunState): Command {
  const command = new Command('report')
    .description('print the self-QA breakdown of a month (default: the last month the archive covers completely) or a period')
    .argument('<archives...>', ARCHIVES)
    .addOption(new Option('--format <format>', 'output format').choices(REPORT_FORMATS).default('table'))
    .addOption(new Option('--chart <file.svg>', "also write the month's pie chart as an SVG file"))
    .addOption(new Option('--examples <n>', 'show n example tweets per category').argParser(parseCount).default(0));
  withOptions(command, [...READING, 'out', 'color']);
  return command
    .addHelpText(
      'after',
      examples([
        'tweet-audit report ~/Downloads/twitter-2026-11-02.zip',
        'tweet-audit report archive/ --month 2026-10 --format json --out october.json',
        'tweet-audit report archive/ --from 2026-01 --to 2026-06 --format html --out h1.html',
      ]),
    )
    .action(run(io, state));
}

function classifyCommand(run: Run, io: CliIO, state: RunState): Command {
  const command = new Command('classify')
    .description('write one row per tweet: category, subcategory, confidence, flags, rules and text (default: the last complete month)')
    .argument('<archives...>', ARCHIVES)
    .addOption(new Option('--format <format>', 'output format').choices(TWEET_FORMATS).default('csv'))
    .addOption(
      new Option('--no-csv-safe', "write text cells starting with = + - @ as they are (default: prefix them with ' so spreadsheets do not run them)"),
    );
  withOptions(command, [...READING, 'out']);
  return command
    .addHelpText(
      'after',
      examples([
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
    .addOption(new Option('--format <format>', 'output format').choices(REPORT_FORMATS).default('table'));
  withOptions(command, [...READING, 'out', 'color']);
  return command
    .addHelpText('after', examples(['tweet-audit trend archive.zip', 'tweet-audit trend archive/ --from 2025-01 --to 2025-12 --format csv']))
    .action(run(io, state));
}

function checkCommand(run: Run, io: CliIO, state: RunState): Command {
  const command = new Command('check')
    .description("check the last complete month (or the period) against your config's targets: exit 0 when all are met, 1 when one is not, 2 on error")
    .argument('<archives...>', ARCHIVES);
  withOptions(command, READING);
  return command
    .addHelpText('after', examples(['tweet-audit check ~/twitter-archives --config ~/.config/tweet-audit/config.json']))
    .action(run(io, state));
}

function initCommand(run: Run, io: CliIO, state: RunState): Command {
  const command = new Command('init')
    .description('write a commented config file with what tweet-audit discovered in your archive, for you to edit')
    .argument('<archives...>', ARCHIVES)
    .addOption(new Option('--out <file>', 'where to write the config (- for stdout)').default('tweet-audit.config.json'))
    .addOption(new Option('--force', 'overwrite an existing config file'));
  withOptions(command, ['tz', 'config']);
  return command.addHelpText('after', examples(['tweet-audit init archive.zip', 'tweet-audit init archive/ --out ~/.config/tweet-audit/config.json'])).action(run(io, state));
}

function explainCommand(run: Run, io: CliIO, state: RunState): Command {
  const command = new Command('explain')
    .description('show which rules fired for one tweet, the model scores, and why the final label won')
    .argument('[archive]', ARCHIVES.replace('; several are merged', ''))
    .argument('[tweet-id]', 'id of the tweet to explain')
    .addOption(new Option('--text <text>', 'explain a tweet text instead of a tweet of the archive'))
    .addOption(new Option('--reply', 'with --text: treat the text as a reply to someone else'));
  withOptions(command, ['tz', 'config', 'labels']);
  return command
    .addHelpText('after', examples(['tweet-audit explain archive.zip 1854591356741861770', 'tweet-audit explain --text "We\'re hiring a support lead!"']))
    .action(run(io, state));
}

function evalCommand(run: Run, io: CliIO, state: RunState): Command {
  const command = new Command('eval')
    .description('compare the classification with hand labels: accuracy, macro-F1, per-category precision and recall, confusion matrix')
    .argument('<archives...>', ARCHIVES)
    .requiredOption('--labels <file>', 'hand labels: id,category[,subcategory]')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json'] as const).default('table'));
  withOptions(command, ['tz', 'config', 'out']);
  return command.addHelpText('after', examples(['tweet-audit eval archive.zip --labels my-50-labels.csv'])).action(run(io, state));
}

function labelCommand(run: Run, io: CliIO, state: RunState): Command {
  const command = new Command('label')
    .description('teach it your own labels: one tweet at a time, the ones whose answer teaches the most first; saved as given to the labels file the other commands read')
    .argument('<archive>', ARCHIVES.replace('; several are merged', ''))
    .addOption(new Option('--pick <n>', 'not on a terminal: write the n tweets to label as a sheet, for a spreadsheet round trip').argParser(parseCount))
    .addOption(new Option('--format <format>', 'format of the --pick sheet').choices(['csv'] as const).default('csv'))
    .addOption(new Option('--labels <file>', 'where to save (default: tweet-audit.labels.csv beside your config, or labels.csv in $XDG_CONFIG_HOME/tweet-audit)'));
  withOptions(command, ['tz', 'config', 'out']);
  return command
    .addHelpText('after', examples(['tweet-audit label archive.zip', 'tweet-audit label archive.zip --pick 30 --format csv --out to-label.csv']))
    .action(run(io, state));
}

function rulesCommand(run: Run, io: CliIO, state: RunState): Command {
  return new Command('rules')
    .description('list the classification rules')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json'] as const).default('table'))
    .addHelpText('after', examples(['tweet-audit rules', 'tweet-audit rules --format json']))
    .action(run(io, state));
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
  program.addCommand(reportCommand(lazy(() => import('./commands/report.js')), io, state));
  program.addCommand(classifyCommand(lazy(() => import('./commands/classify.js')), io, state));
  program.addCommand(trendCommand(lazy(() => import('./commands/trend.js')), io, state));
  program.addCommand(checkCommand(lazy(() => import('./commands/check.js')), io, state));
  program.addCommand(initCommand(lazy(() => import('./commands/init.js')), io, state));
  program.addCommand(explainCommand(lazy(() => import('./commands/explain.js')), io, state));
  program.addCommand(evalCommand(lazy(() => import('./commands/eval.js')), io, state));
  program.addCommand(rulesCommand(lazy(() => import('./commands/rules.js')), io, state));
  program.addCommand(labelCommand(lazy(() => import('./commands/label.js')), io, state));
  program.addHelpText(
    'after',
    examples(['tweet-audit report ~/Downloads/twitter-2026-11-02.zip', 'tweet-audit report archive/ --month 2026-10 --format json']),
  );
  return program;
}
