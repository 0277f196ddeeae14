import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AuditOptions, PreparedAudit } from '../../audit.js';
import type { UserLabels } from '../../classify/labels.js';
import { loadConfig, userConfigPath } from '../../config/load.js';
import type { TweetAuditConfig } from '../../config/schema.js';
import { MAX_ARCHIVES, MAX_LABELS_BYTES, MAX_LABELS_LINES, readTextInput } from '../../limits.js';
import { MIN_TWEETS, validatePeriodOptions } from '../../period.js';
import { DEFAULT_TREND_MONTHS } from '../../report/renderers/shared.js';
import type { AuditReport, Guess, ReportAccount } from '../../report/types.js';
import { domainOf } from '../../report/text.js';
import type { Identity } from '../../config/schema.js';
import type { Tweet } from '../../model/tweet.js';
import { TweetAuditError } from '../../errors.js';
import { createZone } from '../../time/zone.js';
import { resolveArchives, type AccountArchives } from '../archives.js';
import { createDiagnostics, type Diagnostics } from '../diagnostics.js';
import type { CliIO } from '../io.js';
import { checkOutput } from '../output.js';
import { createProgress, type Progress } from '../progress.js';
import type { CommonOptions } from '../program.js';

/** Audit options made from the command line, with what the command needs besides. */
export interface CommandInputs extends AuditOptions {
  /** The labels read from labelsFile. */
  labels?: UserLabels;
  configPath?: string;
  /** The labels file read: --labels, or the default one beside the config when it exists. */
  labelsFile?: string;
  /** The labels came from --labels rather than the default file. */
  labelsExplicit: boolean;
  progress: Progress;
  diagnostics: Diagnostics;
  /** The archives to read, per account: one group, unless a folder holds several accounts' downloads. */
  groups: AccountInputs[];
  /** The time staleness is judged against. */
  now: number;
}

/** One account's archives with its config (the same for all, unless --config names {handle}). */
export interface AccountInputs extends AccountArchives {
  config: TweetAuditConfig;
  configPath?: string;
}

/** The inputs of one account's audit. */
export function inputsFor(inputs: CommandInputs, group: AccountInputs): CommandInputs {
  return { ...inputs, archives: group.paths, config: group.config, configPath: group.configPath };
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** An archive older than this is stale: its last complete month is no longer last month. */
export const STALE_AFTER_DAYS = 35;

/**
 * Turns the command line's options into audit options: period and time zone checked before any
 * reading, config and labels read. `streamsToTerminal`: the command writes rows to the terminal
 * while it reads, so a progress line would land among them. `defaultLabels`: without --labels,
 * read the labels file beside the config (see defaultLabelsPath); eval's labels are an answer key.
 */
export async function auditOptionsFrom(
  io: CliIO,
  archives: string[],
  options: Partial<CommonOptions>,
  { streamsToTerminal = false, severalAccounts = false, defaultLabels = true } = {},
): Promise<CommandInputs> {
  // The same archive named twice is read once; hundreds of them are a mistake (a glob gone wrong).
  const paths = [...new Set(archives.map((archive) => resolveFrom(io, archive)))];
  if (paths.length > MAX_ARCHIVES) {
    throw new TweetAuditError(`${paths.length} archives given; at most ${MAX_ARCHIVES} can be read together`);
  }
  const period = validatePeriodOptions({ month: options.month, from: options.from, to: options.to, all: options.all });
  if (options.tz) createZone(options.tz);
  const now = nowFrom(io);
  // A typo in --out costs no wait: checked before the archive is read.
  await checkOutput(io, options.out, archives);
  // `--config ~/.config/tweet-audit/{handle}.json`: a config per account, read once the accounts are known.
  const perAccount = options.config?.includes('{handle}') ?? false;
  const { config, path: configPath } = perAccount
    ? { config: {}, path: undefined }
    : await loadConfig({ explicitPath: options.config, cwd: io.cwd, env: io.env });
  const labelsFile = options.labels
    ? resolveFrom(io, options.labels)
    : defaultLabels
      ? existingDefaultLabels(io, configPath)
      : undefined;
  const labels = labelsFile ? await readLabelsFile(labelsFile) : undefined;
  const diagnostics = createDiagnostics(io, options);
  const resolved = await resolveArchives(paths, { ...options, knowHandles: perAccount }, diagnostics);
  if (resolved.length > 1 && !severalAccounts)
    throw severalAccountsError(resolved, 'choose one with --account <handle>');
  const groups: AccountInputs[] = [];
  for (const group of resolved) {
    if (!perAccount) {
      groups.push({ ...group, config, configPath });
      continue;
    }
    if (!group.handle)
      throw new TweetAuditError(
        `--config ${options.config}: the archive does not say its owner's handle, so {handle} cannot be filled in`,
      );
    const loaded = await loadConfig({
      explicitPath: options.config!.replaceAll('{handle}', group.handle),
      cwd: io.cwd,
      env: io.env,
    });
    groups.push({ ...group, config: loaded.config, configPath: loaded.path });
  }
  const progress = createProgress(io, { enabled: !streamsToTerminal });
  return {
    diagnostics,
    groups,
    now,
    archives: groups[0]!.paths,
    period,
    timeZone: options.tz,
    config: groups[0]!.config,
    configPath: groups[0]!.configPath,
    labels,
    labelsFile,
    labelsExplicit: options.labels !== undefined,
    progress,
    onProgress: (tweets) => progress.update(tweets),
  };
}

/** Archives of several accounts where one report is made: a usage error that says what to do. */
export function severalAccountsError(groups: AccountArchives[], remedy: string): TweetAuditError {
  const names = groups.map((group) => (group.handle ? `@${group.handle}` : 'an unknown account')).join(', ');
  return new TweetAuditError(`the archives are of ${groups.length} accounts (${names}): ${remedy}`);
}

/** Now, or the day TWEET_AUDIT_TODAY names (YYYY-MM-DD, at noon UTC), to reproduce a run of another day. */
function nowFrom(io: CliIO): number {
  const today = io.env.TWEET_AUDIT_TODAY;
  if (!today) return Date.now();
  const at = /^\d{4}-\d{2}-\d{2}$/.test(today) ? Date.parse(`${today}T12:00:00Z`) : Number.NaN;
  if (Number.isNaN(at)) throw new TweetAuditError(`TWEET_AUDIT_TODAY must be a date YYYY-MM-DD, not "${today}"`);
  return at;
}

/** Reads --labels: a regular file within MAX_LABELS_BYTES, in UTF-8 or UTF-16 with its BOM. */
export async function readLabelsFile(file: string): Promise<UserLabels> {
  const text = (await readTextInput(file, 'labels', MAX_LABELS_BYTES))!;
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  if (lines > MAX_LABELS_LINES) {
    throw new TweetAuditError(
      `has ${lines.toLocaleString('en-US')} lines, more than the ${MAX_LABELS_LINES.toLocaleString('en-US')} limit for a labels file: keep only the rows you labelled`,
      { file },
    );
  }
  // Loaded here: most runs have no labels file.
  const { parseLabels } = await import('../../classify/labels.js');
  return parseLabels(text, file);
}

/** Resolves a path the user typed against the command's working directory. */
export function resolveFrom(io: CliIO, file: string): string {
  return path.resolve(io.cwd, file);
}

/** Reading several downloads is the documented set-up, not news: said as a notice. */
const NOTICE_WARNINGS = /archives found, reading the newest/;

/**
 * Ends the reading: clears the progress line and says, on stderr, what needs the user's action:
 * records the readers skipped, an archive too old for the month to be last month, a config
 * written for another account. One line each, whatever the exit code.
 */
export function finishReading(io: CliIO, inputs: CommandInputs, prepared: PreparedAudit): void {
  inputs.progress.done();
  const { diagnostics } = inputs;
  for (const warning of prepared.archive.warnings) {
    if (NOTICE_WARNINGS.test(warning)) diagnostics.notice(warning);
    else diagnostics.warning(warning);
  }
  for (const { warning, details } of prepared.archive.skipped.report(diagnostics.verbose)) {
    diagnostics.warning(warning);
    for (const detail of details) diagnostics.detail(detail);
  }
  // Labels given with --labels are always accounted for; the default labels file only on a
  // terminal (or --verbose), so a monthly cron job that reads it stays quiet.
  if (inputs.labels) {
    if (inputs.labelsExplicit) io.stderr.write(`tweet-audit: ${inputs.labels.describeApplied()}\n`);
    else diagnostics.notice(inputs.labels.describeApplied());
  }
  warnIfStale(inputs, prepared);
  warnIfConfigOfAnother(inputs, prepared);
}

/**
 * A stale archive makes the default month an old one, again every month when cron runs it: said
 * when the default month is used, with how to get a newer archive. The archive's date is X's own
 * (manifest) where it says, else the end of the month of its newest tweet.
 */
function warnIfStale(inputs: CommandInputs, prepared: PreparedAudit): void {
  const { month, from, to, all } = inputs.period;
  if (month || from || to || all) return;
  const fetch = 'download a new one from X (Settings → Your account → Download an archive of your data)';
  const made = prepared.archive.exportedAt;
  if (made !== undefined) {
    const days = Math.floor((inputs.now - made) / DAY_MS);
    if (days > STALE_AFTER_DAYS) {
      inputs.diagnostics.warning(
        `${prepared.archive.path}: the archive was made on ${new Date(made).toISOString().slice(0, 10)}, ${days} days ago, so the month audited is not last month; ${fetch}`,
      );
    }
    return;
  }
  const newest = [...prepared.monthCounts.keys()].sort().at(-1);
  if (!newest) return;
  const [year, monthNumber] = newest.split('-').map(Number) as [number, number];
  const monthEnd = Date.UTC(year, monthNumber, 1);
  if (inputs.now - monthEnd > STALE_AFTER_DAYS * DAY_MS) {
    inputs.diagnostics.warning(
      `${prepared.archive.path}: the archive's newest tweet is from ${newest}, more than ${STALE_AFTER_DAYS} days ago, so the month audited is not last month; ${fetch}`,
    );
  }
}

/** A config whose handles are none of the archive owner's was written for another account. */
function warnIfConfigOfAnother(inputs: CommandInputs, prepared: PreparedAudit): void {
  const configured = (prepared.config.identity?.handles ?? []).map((h) => h.replace(/^@/, '').toLowerCase());
  const owner = prepared.archive.owner.handles.map((h) => h.toLowerCase());
  if (configured.length === 0 || owner.length === 0 || configured.some((h) => owner.includes(h))) return;
  inputs.diagnostics.warning(
    `${inputs.configPath ?? 'the config'} was written for @${configured[0]}, but the archive is @${owner[0]}'s: run tweet-audit init on this archive, or give --config`,
  );
}

/** `{month}` of an --out path: the month, or `from..to` for a period. */
export function monthOfPeriod(prepared: PreparedAudit): string {
  const { from, to } = prepared.period;
  return from === to ? from : `${from}..${to}`;
}

/**
 * Ends the reading (see finishReading), then says which month the tool chose for the user (a
 * notice), and when the chosen months have no tweets, which months do (a warning).
 */
export function describePeriod(io: CliIO, inputs: CommandInputs, prepared: PreparedAudit): void {
  finishReading(io, inputs, prepared);
  const { period, monthCounts, zone } = prepared;
  const { diagnostics } = inputs;
  if (period.chosenBy === 'default') {
    const complete = period.complete
      ? 'the last complete month in the archive'
      : 'the only month in the archive, perhaps not complete';
    if (period.widened) {
      const { from, tweets } = period.widened;
      const held = monthCounts.get(from) ?? 0;
      diagnostics.notice(
        `${period.from}..${period.to}: ${from}, the last complete month in the archive (${zone.name}), has only ${held === 1 ? '1 tweet' : `${held} tweets`}, so the review goes back to ${period.from} to hold at least ${MIN_TWEETS} (${tweets === 1 ? '1 tweet' : `${tweets} tweets`}); choose another with --month, --from/--to or --all`,
      );
    } else {
      diagnostics.notice(
        `${period.from}, ${complete} (${zone.name}); choose another with --month, --from/--to or --all`,
      );
    }
  }
  const inPeriod = prepared.periodMonths.reduce((sum, month) => sum + (monthCounts.get(month) ?? 0), 0);
  if (inPeriod > 0) return;
  const range = period.from === period.to ? period.from : `${period.from}..${period.to}`;
  if (monthCounts.size === 0) {
    diagnostics.warning(`no tweets in ${range}: the archive has no tweets at all`);
    return;
  }
  const months = [...monthCounts.keys()].sort();
  const busiest = [...monthCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1)).slice(0, 3);
  diagnostics.warning(
    `no tweets in ${range}; the archive has tweets from ${months[0]} to ${months.at(-1)} (busiest: ${busiest.map(([m, n]) => `${m} with ${n}`).join(', ')})`,
  );
}

// The labels file `tweet-audit label` writes, read by the other commands without --labels.

/** The labels file's name beside a config other than the user's config folder one. */
export const LOCAL_LABELS_NAME = 'tweet-audit.labels.csv';

/**
 * Where `label` saves answers and the other commands look for them: beside the config in use
 * (./tweet-audit.labels.csv beside ./tweet-audit.config.json, labels.csv in the user's config
 * folder); without a config, ./tweet-audit.labels.csv when it exists, else the user's config folder.
 */
export function defaultLabelsPath(io: Pick<CliIO, 'cwd' | 'env'>, configPath: string | undefined): string {
  const userFolder = path.dirname(userConfigPath(io.env));
  if (configPath) {
    const folder = path.dirname(configPath);
    return folder === userFolder ? path.join(folder, 'labels.csv') : path.join(folder, LOCAL_LABELS_NAME);
  }
  const local = path.join(io.cwd, LOCAL_LABELS_NAME);
  return existsSync(local) ? local : path.join(userFolder, 'labels.csv');
}

function existingDefaultLabels(io: CliIO, configPath: string | undefined): string | undefined {
  const file = defaultLabelsPath(io, configPath);
  return existsSync(file) ? file : undefined;
}

/** The months a report's trend covers: JSON carries the whole trend, CSV none, the others the 12 up to the period's end. */
export function trendFor(format: string): 'all' | number {
  return format === 'json' ? 'all' : format === 'csv' ? 0 : DEFAULT_TREND_MONTHS;
}

/** Whose archive the report is of, for links to the tweets: the owner's first handle and platform. */
export function reportAccount(prepared: PreparedAudit): ReportAccount | undefined {
  const handle = prepared.archive.owner.handles[0];
  if (!handle) return undefined;
  const { format } = prepared.archive;
  const { displayName } = prepared.archive.owner;
  return {
    handle,
    platform: format === 'mastodon' ? 'mastodon' : format === 'bluesky' ? 'bluesky' : 'x',
    ...(displayName?.trim() ? { displayName: displayName.trim() } : {}),
  };
}

/**
 * What a report says about its archive besides the months: whose it is, how recent (the day it
 * was generated, else its newest tweet's), and what was guessed rather than set.
 */
export function describeArchive(report: AuditReport, prepared: PreparedAudit): void {
  const account = reportAccount(prepared);
  if (account) report.account = account;
  const generated = prepared.archive.exportedAt;
  let newest: number | undefined;
  for (const tweet of prepared.tweets) if (newest === undefined || tweet.createdAt > newest) newest = tweet.createdAt;
  const day = (at: number) => {
    const p = prepared.zone.parts(at);
    return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  };
  if (generated !== undefined) report.archive = { date: day(generated), basis: 'generated' };
  else if (newest !== undefined) report.archive = { date: day(newest), basis: 'newest-tweet' };
  const guesses: Guess[] = [];
  if (prepared.timeZoneSource === 'system')
    guesses.push({
      kind: 'time-zone',
      text: `time zone: the system's (${prepared.zone.name}); pass --tz to set it`,
    });
  const configured = prepared.config.identity?.employer;
  const { employer } = prepared.identity;
  if (!configured && employer.names.length + employer.handles.length + employer.domains.length > 0) {
    const n = employerTweets(prepared.tweets, employer);
    const name = employer.names[0] ?? `@${employer.handles[0] ?? ''}`;
    const tweets = n === 1 ? '1 tweet' : `${n} tweets`;
    const bio = bioNamesEmployer(prepared.archive.owner.bio ?? '', employer);
    const from = bio && n > 0 ? `your bio and ${tweets}` : bio ? 'your bio' : tweets;
    guesses.push({ kind: 'employer', text: `employer ${name} guessed from ${from}; set it in your config` });
  }
  if (guesses.length > 0) report.guesses = guesses;
}

/** Does the bio name the employer, by "@handle" or by name? Discovery's surest guess comes from there. */
function bioNamesEmployer(bio: string, employer: Identity['employer']): boolean {
  const handles = new Set(employer.handles.map((h) => h.toLowerCase()));
  return (
    [...bio.matchAll(/@(\w{1,15})/g)].some((match) => handles.has(match[1]!.toLowerCase())) ||
    employerNames(employer).some((name) => name.test(bio))
  );
}

/** The employer's names of 3 letters or more, each as a whole-word, case-blind pattern. */
function employerNames(employer: Identity['employer']): RegExp[] {
  return employer.names
    .filter((name) => name.trim().length >= 3)
    .map((name) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name.trim())}(?![\\p{L}\\p{N}])`, 'iu'));
}

/** Tweets that name the employer: its handles mentioned or retweeted, its domains linked, its names written. */
export function employerTweets(tweets: readonly Tweet[], employer: Identity['employer']): number {
  const handles = new Set(employer.handles.map((h) => h.toLowerCase()));
  const domains = employer.domains.map((d) => d.toLowerCase());
  const names = employerNames(employer);
  let count = 0;
  for (const tweet of tweets) {
    const hit =
      tweet.mentions.some((m) => handles.has(m)) ||
      (tweet.retweetOf !== undefined && handles.has(tweet.retweetOf)) ||
      tweet.urls.some((url) => {
        const host = domainOf(url);
        return (
          host !== null && domains.some((d) => host === d || host.endsWith(`.${d}`) || `${host}/`.startsWith(`${d}/`))
        );
      }) ||
      names.some((name) => name.test(tweet.text));
    if (hit) count++;
  }
  return count;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
