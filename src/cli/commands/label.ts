import { emitKeypressEvents } from 'node:readline';
import { stringify } from 'csv-stringify/sync';
import { prepareAudit } from '../../audit.js';
import { CATEGORIES, listRules, SUBCATEGORIES, type Category } from '../../classify/index.js';
import { TweetAuditError } from '../../errors.js';
import { escapeFormula } from '../../report/index.js';
import { permalink } from '../../report/renderers/shared.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';
import { withOutput, writeText } from '../output.js';
import type { CommonOptions } from '../program.js';
import { candidateOf, LabelsFile, QuestionPicker, trustSummary, type Candidate, type Question } from './label-pick.js';
import { auditOptionsFrom, defaultLabelsPath, finishReading, reportAccount, resolveFrom } from './shared.js';

interface LabelOptions extends CommonOptions {
  pick?: number;
  format: 'csv';
}

/** How a question shows a tweet: its local time and its link, where it has one. */
export interface TweetView {
  localTime(createdAt: number): string;
  link(tweet: Pick<Candidate, 'id' | 'url'>): string | undefined;
}

/**
 * `tweet-audit label`: asks, one tweet at a time, what the tweets whose answers teach the most
 * are, and saves each answer as it is given; or, with --pick, writes them to a sheet.
 */
export async function run(io: CliIO, args: unknown[]): Promise<ExitCode> {
  const [archive, options] = args as [string, LabelOptions];
  const stdin = io.stdin;
  const interactive = options.pick === undefined;
  if (interactive && !(stdin?.isTTY && io.stdout.isTTY)) {
    throw new TweetAuditError(
      'label asks one tweet at a time on a terminal; elsewhere use --pick N --format csv to write the tweets to label, fill their category column and pass the file back with --labels',
    );
  }
  const inputs = await auditOptionsFrom(
    io,
    [archive],
    { ...options, labels: undefined, all: true },
    { defaultLabels: false },
  );
  const file = options.labels ? resolveFrom(io, options.labels) : defaultLabelsPath(io, inputs.configPath);
  const store = await LabelsFile.open(file);
  if (store.size > 0) inputs.labels = store.labels();
  const prepared = await prepareAudit(inputs);
  const candidates: Candidate[] = [];
  for await (const { tweet, classification } of prepared.classified()) {
    if (!store.has(tweet.id)) candidates.push(candidateOf(tweet, classification));
  }
  finishReading(io, inputs, prepared);
  // The report's links: a Mastodon or Bluesky post's own address, x.com for an X archive's.
  const account = reportAccount(prepared);
  const view: TweetView = {
    localTime: prepared.zone.localTime,
    link: (tweet) => permalink(account, tweet),
  };
  const picker = new QuestionPicker(candidates);

  if (!interactive) {
    const questions: Question[] = [];
    for (let q: Question | undefined; questions.length < options.pick! && (q = picker.pick());) questions.push(q);
    await withOutput(io, options.out, [archive], (out) => writeText(out, pickSheet(questions, view)));
    return EXIT.ok;
  }

  io.stdout.write(`Saving your answers to ${file} as you give them.\n`);
  const session = new LabelSession(picker, store, view, (text) => io.stdout.write(text), io.stdout.columns);
  await interact(session, stdin!);
  return EXIT.ok;
}

export const PICK_COLUMNS = [
  'id',
  'local_time',
  'link',
  'current_category',
  'current_subcategory',
  'confidence',
  'source',
  'category',
  'subcategory',
  'text',
] as const;

/**
 * The sheet for a spreadsheet round trip: the user fills the empty `category` (and, if they
 * like, `subcategory`) column; passed back with --labels, the filled rows count
 * (src/classify/labels.ts knows this sheet by its `current_category` column).
 */
export function pickSheet(questions: readonly Question[], view: TweetView): string {
  const rows = questions.map(({ candidate: c, source }) => [
    c.id,
    view.localTime(c.createdAt),
    view.link(c) ?? '',
    c.category,
    c.subcategory,
    c.confidence.toFixed(2),
    source,
    '',
    '',
    escapeFormula(c.text),
  ]);
  return stringify(rows, { header: true, columns: [...PICK_COLUMNS] });
}

/** C0 and C1 controls (but newlines), and bidirectional overrides: a tweet must not drive the terminal. */
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS, '');
}

const RULE_DESCRIPTIONS = new Map<string, string>();

/** Why tweet-audit thinks what it thinks, in words, from what decided the label. */
export function whyLine(decidedBy: readonly string[]): string {
  if (RULE_DESCRIPTIONS.size === 0) for (const rule of listRules()) RULE_DESCRIPTIONS.set(rule.id, rule.description);
  const [first, ...rest] = decidedBy;
  if (first === undefined) return 'no reason recorded';
  const words: Record<string, string> = {
    model: 'no rule decided; the model weighed the words and the shape of the tweet',
    default: 'no rule decided and the model was unsure: the default',
    'user-label': 'your own label',
  };
  const reason =
    words[first] ?? `rule ${first}${RULE_DESCRIPTIONS.has(first) ? `: ${RULE_DESCRIPTIONS.get(first)}` : ''}`;
  return rest.length > 0 ? `${reason} (also: ${rest.join(', ')})` : reason;
}

function fit(line: string, columns: number | undefined): string {
  // A pseudo-terminal without a size says 0 columns.
  const width = columns ? Math.max(40, columns) : 100;
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

/** What a question shows: number, time, text, link, what tweet-audit thinks and why, the keys. */
export function formatQuestion(question: Question, view: TweetView, columns?: number): string {
  const c = question.candidate;
  const lines = [
    '',
    fit(
      `── ${question.number}${question.source === 'random' ? ' · drawn at random' : ''} · ${view.localTime(c.createdAt)} ${'─'.repeat(20)}`,
      columns,
    ),
    ...cleanText(c.text)
      .split('\n')
      .map((line) => `  ${line}`),
  ];
  const link = view.link(c);
  if (link) lines.push(`  ${link}`);
  lines.push(
    fit(
      `tweet-audit thinks: ${c.category}/${c.subcategory}, ${Math.round(c.confidence * 100)}% sure · why: ${whyLine(c.decidedBy)}`,
      columns,
    ),
  );
  lines.push(CATEGORY_KEYS);
  return `${lines.join('\n')}\n`;
}

const CATEGORY_KEYS = `${CATEGORIES.map((category, i) => `[${i + 1}] ${category}`).join('  ')}   [s]kip  [u]ndo  [q]uit`;

function subcategoryKeys(category: Category): string {
  return `${category}: ${SUBCATEGORIES[category].map((sub, i) => `[${i + 1}] ${sub}`).join('  ')}   [enter] let tweet-audit pick  [esc] back`;
}

/**
 * The interactive session as a key handler: `key()` takes one key ("1", "s", "u", "q", "enter",
 * "escape") and says whether to go on. Answers are saved before the next question shows.
 */
export class LabelSession {
  private readonly history: Question[] = [];
  private at = -1;
  private category: Category | undefined;
  private answered = 0;

  constructor(
    private readonly picker: QuestionPicker,
    private readonly store: LabelsFile,
    private readonly view: TweetView,
    private readonly write: (text: string) => void,
    private readonly columns?: number,
  ) {}

  /** Shows the first question; false when there is nothing to ask. */
  start(): boolean {
    return this.advance();
  }

  async key(key: string): Promise<'more' | 'done'> {
    if (key === 'q' || key === 'ctrl-c') return this.quit();
    const question = this.history[this.at];
    if (!question) return this.quit();
    if (this.category !== undefined) {
      const category = this.category;
      const subs = SUBCATEGORIES[category] as readonly string[];
      if (key === 'escape' || key === 'backspace') {
        this.category = undefined;
        this.write(`${CATEGORY_KEYS}\n`);
        return 'more';
      }
      const n = Number(key);
      if (key !== 'enter' && !(Number.isInteger(n) && n >= 1 && n <= subs.length)) {
        this.write(`${subcategoryKeys(category)}\n`);
        return 'more';
      }
      this.category = undefined;
      const subcategory = key === 'enter' ? undefined : subs[n - 1];
      const c = question.candidate;
      await this.store.save({
        id: c.id,
        category,
        subcategory,
        source: question.source,
        predicted: `${c.category}/${c.subcategory}`,
      });
      this.answered++;
      this.write(`saved: ${category}${subcategory ? `/${subcategory}` : ''}\n`);
      return this.advance() ? 'more' : this.quit();
    }
    const n = Number(key);
    if (Number.isInteger(n) && n >= 1 && n <= CATEGORIES.length) {
      this.category = CATEGORIES[n - 1]!;
      this.write(`${subcategoryKeys(this.category)}\n`);
      return 'more';
    }
    if (key === 's') {
      this.write('skipped\n');
      return this.advance() ? 'more' : this.quit();
    }
    if (key === 'u') return this.undo();
    this.write(`${CATEGORY_KEYS}\n`);
    return 'more';
  }

  /** Goes back one question and forgets its answer, if it had one. */
  private async undo(): Promise<'more'> {
    if (this.at <= 0) {
      this.write('nothing to undo\n');
      return 'more';
    }
    this.at--;
    const previous = this.history[this.at]!;
    if (this.store.get(previous.candidate.id)) {
      await this.store.remove(previous.candidate.id);
      this.answered--;
      this.write(`undone: the answer to ${previous.number} is forgotten\n`);
    } else {
      this.write(`back to ${previous.number}\n`);
    }
    this.write(formatQuestion(previous, this.view, this.columns));
    return 'more';
  }

  private advance(): boolean {
    this.at++;
    if (this.at === this.history.length) {
      const next = this.picker.pick();
      if (!next) {
        this.write('No more tweets to label.\n');
        return false;
      }
      this.history.push(next);
    }
    this.write(formatQuestion(this.history[this.at]!, this.view, this.columns));
    return true;
  }

  private quit(): 'done' {
    this.category = undefined;
    this.write(
      `\n${this.answered} answer${this.answered === 1 ? '' : 's'} this session, saved in ${this.store.file}.\n`,
    );
    for (const line of trustSummary(this.store.all())) this.write(`${line}\n`);
    return 'done';
  }
}

/** What `interact` needs of stdin: a stream of keypresses, raw when it is a terminal. */
export type KeyInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/** Feeds keypresses to the session one at a time, in raw mode, until it is done. */
export async function interact(session: LabelSession, input: KeyInput): Promise<void> {
  if (!session.start()) {
    await session.key('q');
    return;
  }
  emitKeypressEvents(input);
  const raw = Boolean(input.isTTY && input.setRawMode);
  if (raw) input.setRawMode!(true);
  input.resume();
  try {
    await new Promise<void>((resolve, reject) => {
      let chain = Promise.resolve<'more' | 'done'>('more');
      const onKey = (text: string | undefined, key: { name?: string; ctrl?: boolean } | undefined) => {
        const name =
          key?.ctrl && (key.name === 'c' || key.name === 'd')
            ? 'ctrl-c'
            : key?.name === 'return' || key?.name === 'enter'
              ? 'enter'
              : key?.name === 'escape' || key?.name === 'backspace'
                ? key.name
                : (text ?? '').toLowerCase();
        chain = chain.then((state) => (state === 'done' ? 'done' : session.key(name)));
        chain.then((state) => {
          if (state === 'done') {
            input.off('keypress', onKey);
            input.off('end', onEnd);
            resolve();
          }
        }, reject);
      };
      // The terminal went away: what was given is saved; say so as on q.
      const onEnd = () => onKey('q', { name: 'q' });
      input.on('keypress', onKey);
      input.on('end', onEnd);
    });
  } finally {
    if (raw) input.setRawMode!(false);
    input.pause();
  }
}
