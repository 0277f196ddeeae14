import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { parseLabels, UserLabels, type Category, type Classification, type UserLabel } from '../../classify/index.js';
import { registrableDomain } from '../../config/index.js';
import { TweetAuditError } from '../../errors.js';
import type { Tweet } from '../../model/tweet.js';

/** One tweet `label` may ask about, with what tweet-audit thinks of it. */
export interface Candidate {
  id: string;
  createdAt: number;
  text: string;
  category: Category;
  subcategory: string;
  confidence: number;
  decidedBy: readonly string[];
  /** Its page, where the archive gives one (Mastodon, Bluesky); X's is made from the handle. */
  url?: string;
  /** The groups it belongs to: "@account" it retweets, "domain:…" it links, "#tag", "rule:…" that decided it first. */
  groups: readonly string[];
}

export function candidateOf(tweet: Tweet, classification: Classification): Candidate {
  return {
    id: tweet.id,
    createdAt: tweet.createdAt,
    text: tweet.text,
    category: classification.category,
    subcategory: classification.subcategory,
    confidence: classification.confidence,
    decidedBy: classification.decidedBy,
    groups: groupsOf(tweet, classification),
    ...(tweet.url ? { url: tweet.url } : {}),
  };
}

/** The groups an answer about this tweet teaches something about (the classifier generalises along them). */
export function groupsOf(
  tweet: Pick<Tweet, 'retweetOf' | 'urls' | 'hashtags'>,
  classification: Pick<Classification, 'decidedBy'>,
): string[] {
  const groups = new Set<string>();
  if (tweet.retweetOf) groups.add(`@${tweet.retweetOf.toLowerCase()}`);
  for (const url of tweet.urls) {
    const host = hostOf(url);
    if (host) groups.add(`domain:${registrableDomain(host)}`);
  }
  for (const tag of tweet.hashtags) groups.add(`#${tag.toLowerCase()}`);
  const rule = classification.decidedBy[0];
  if (rule) groups.add(`rule:${rule}`);
  return [...groups];
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/** Tweet ids are digit strings beyond 2^53: shorter is smaller, then by text. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The tweets in the order whose answers teach the most: a tweet's value is its doubt
 * (1 − confidence) times the log of its largest group's size, so a doubtful tweet from a big
 * group comes first. Then one tweet per group before a second of the same group: the answer
 * about one already carries over to the rest of its group.
 */
export function priorityOrder(candidates: readonly Candidate[]): Candidate[] {
  const sizes = new Map<string, number>();
  for (const candidate of candidates)
    for (const group of candidate.groups) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  const scored = candidates.map((candidate) => {
    let group = `id:${candidate.id}`;
    let size = 1;
    for (const g of candidate.groups) {
      const n = sizes.get(g)!;
      if (n > size || group.startsWith('id:')) [group, size] = [g, n];
    }
    return { candidate, group, score: (1 - candidate.confidence) * Math.log(1 + size) };
  });
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.candidate.confidence - b.candidate.confidence ||
      compareIds(a.candidate.id, b.candidate.id),
  );
  const seen = new Map<string, number>();
  const ranked = scored.map((entry, position) => {
    const round = seen.get(entry.group) ?? 0;
    seen.set(entry.group, round + 1);
    return { candidate: entry.candidate, round, position };
  });
  ranked.sort((a, b) => a.round - b.round || a.position - b.position);
  return ranked.map((entry) => entry.candidate);
}

/** Where a question came from: the priority order, or a uniform random draw (the accuracy estimate uses only those). */
export type Source = 'asked' | 'random';

export interface Question {
  candidate: Candidate;
  source: Source;
  /** 1-based position in the session. */
  number: number;
}

/** A small seeded generator (mulberry32): the same archive and labels give the same questions. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Hands out the questions: every `randomEvery`-th is drawn uniformly at random from the tweets
 * not shown yet (the tweets asked first are the hardest, so an estimate from them would be too
 * low), the others follow priorityOrder.
 */
export class QuestionPicker {
  private readonly order: Candidate[];
  private readonly pool: Candidate[];
  private readonly shown = new Set<string>();
  private readonly random: () => number;
  private next = 0;
  private count = 0;

  constructor(
    candidates: readonly Candidate[],
    private readonly options: { seed?: number; randomEvery?: number } = {},
  ) {
    this.order = priorityOrder(candidates);
    this.pool = [...candidates].sort((a, b) => compareIds(a.id, b.id));
    this.random = seededRandom(options.seed ?? 12);
  }

  pick(): Question | undefined {
    const number = ++this.count;
    if (number % (this.options.randomEvery ?? 4) === 0) {
      const drawn = this.draw();
      if (drawn) return { candidate: drawn, source: 'random', number };
    }
    while (this.next < this.order.length) {
      const candidate = this.order[this.next++]!;
      if (this.shown.has(candidate.id)) continue;
      this.shown.add(candidate.id);
      return { candidate, source: 'asked', number };
    }
    return undefined;
  }

  /** Uniform over the tweets not shown yet: a drawn tweet leaves the pool; one already shown is drawn again. */
  private draw(): Candidate | undefined {
    while (this.pool.length > 0) {
      const i = Math.floor(this.random() * this.pool.length);
      const candidate = this.pool[i]!;
      this.pool[i] = this.pool[this.pool.length - 1]!;
      this.pool.pop();
      if (this.shown.has(candidate.id)) continue;
      this.shown.add(candidate.id);
      return candidate;
    }
    return undefined;
  }
}

/** The 95% Wilson score interval of a proportion: sound for small samples and for 0 or n successes. */
export function wilsonInterval(successes: number, n: number, z = 1.959963984540054): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** One saved answer: the label, where the question came from, and what tweet-audit had said ("category/subcategory"). */
export interface SavedLabel extends UserLabel {
  id: string;
  source: Source | '';
  predicted: string;
}

export const LABELS_COLUMNS = ['id', 'category', 'subcategory', 'source', 'predicted'] as const;

/**
 * The labels file `label` keeps: `id,category,subcategory,source,predicted`, rewritten whole
 * (a temporary file, fsynced, renamed over) after every answer, so a crash or Ctrl-C loses at
 * most the answer being written and never leaves half a file. Rows it did not write (an earlier
 * hand-made `id,category` file) are kept.
 */
export class LabelsFile {
  private chain: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly rows: Map<string, SavedLabel>,
  ) {}

  static async open(file: string): Promise<LabelsFile> {
    let content: string;
    try {
      content = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new LabelsFile(file, new Map());
      throw new TweetAuditError(`cannot read labels: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
        file,
        cause: error,
      });
    }
    const labels = parseLabels(content, file);
    const records = parse(content, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
    const header = records[0]?.map((cell) => cell.toLowerCase()) ?? [];
    const hasHeader = header[0] === 'id';
    const foreign = hasHeader
      ? header.find((name) => !(LABELS_COLUMNS as readonly string[]).includes(name))
      : undefined;
    if (foreign !== undefined) {
      throw new TweetAuditError(
        `not a labels file that label keeps (it has a "${foreign}" column); give another --labels file`,
        { file },
      );
    }
    const at = (name: string) => (hasHeader ? header.indexOf(name) : -1);
    const rows = new Map<string, SavedLabel>();
    for (const record of hasHeader ? records.slice(1) : records) {
      const id = record[hasHeader ? at('id') : 0] ?? '';
      const label = labels.get(id);
      if (!label) continue;
      const source = record[at('source')] ?? '';
      rows.set(id, {
        id,
        ...label,
        source: source === 'asked' || source === 'random' ? source : '',
        predicted: record[at('predicted')] ?? '',
      });
    }
    return new LabelsFile(file, rows);
  }

  get size(): number {
    return this.rows.size;
  }

  has(id: string): boolean {
    return this.rows.has(id);
  }

  get(id: string): SavedLabel | undefined {
    return this.rows.get(id);
  }

  /** The labels as the classifier takes them. */
  labels(): UserLabels {
    return new UserLabels(
      [...this.rows].map(([id, row]) => [
        id,
        row.subcategory === undefined
          ? { category: row.category }
          : { category: row.category, subcategory: row.subcategory },
      ]),
    );
  }

  all(): SavedLabel[] {
    return [...this.rows.values()];
  }

  save(label: SavedLabel): Promise<void> {
    this.rows.set(label.id, label);
    return this.write();
  }

  remove(id: string): Promise<void> {
    this.rows.delete(id);
    return this.write();
  }

  /** Writes are queued: answers come faster than a disk sometimes. */
  private write(): Promise<void> {
    const text = stringify(
      this.all().map((row) => [row.id, row.category, row.subcategory ?? '', row.source, row.predicted]),
      { header: true, columns: [...LABELS_COLUMNS] },
    );
    const next = this.chain.then(() => writeAtomically(this.file, text));
    this.chain = next.catch(() => undefined);
    return next;
  }
}

let tempCounter = 0;

async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.tweet-audit-labels-${process.pid}-${++tempCounter}.tmp`);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new TweetAuditError(`cannot save labels: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      file,
      cause: error,
    });
  }
}

/** How far to trust the chart, from the randomly drawn labels only: lines for the user. */
export function trustSummary(labels: readonly SavedLabel[]): string[] {
  const random = labels.filter((row) => row.source === 'random' && row.predicted !== '');
  const right = random.filter((row) => row.predicted.split('/')[0] === row.category).length;
  const lines = [
    `${labels.length} label${labels.length === 1 ? '' : 's'} given, ${random.length} of them on tweets drawn at random.`,
  ];
  if (random.length === 0) {
    lines.push(
      'How far to trust the chart: not known yet; every 4th tweet is drawn at random, and the estimate comes from those.',
    );
    return lines;
  }
  const { low, high } = wilsonInterval(right, random.length);
  const percent = (x: number) => `${Math.round(x * 100)}%`;
  lines.push(
    `How far to trust the chart: tweet-audit had the category right on ${right} of ${random.length} random tweets, ${percent(right / random.length)} (95% interval ${percent(low)}–${percent(high)}).`,
  );
  if (random.length < 10)
    lines.push(`That is fewer than 10 random draws: too few to say much yet; label more to narrow it.`);
  return lines;
}
