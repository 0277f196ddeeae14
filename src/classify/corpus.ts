import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { openArchives, tweetBatches } from '../archive/index.js';
import { discoverIdentity } from '../config/discover.js';
import type { Tweet } from '../model/tweet.js';
import { createZone } from '../time/zone.js';
import { createClassifier } from './classifier.js';
import { archiveContext } from './context.js';
import type { Evidence } from './evidence.js';
import { LABEL_CSV, parseLabels } from './labels.js';
import { labelKey, type LabelKey } from './model.js';
import { isSubcategoryOf } from './taxonomy.js';

/** One hand-labeled tweet of a real archive, with the evidence the model weighs. */
export interface LabeledTweet {
  id: string;
  label: LabelKey;
  /** What the rules alone decided (the classifier before the learned model). */
  rules: LabelKey;
  evidence: Evidence;
  createdAt: number;
  /** The annotator marked the label sure (confidence 3), not probable or a guess between two. */
  sure: boolean;
}

export interface LabeledArchive {
  name: string;
  tweets: LabeledTweet[];
}

/**
 * The labeled real archives: every labels file `NAME.csv` in `labelDirs` whose archive (`NAME`,
 * `NAME.zip`) is in `archivesDir`; several files for one archive add up (a later file wins for an
 * id labeled twice). Each archive is read whole, its owner discovered, its context built, as in
 * an audit. Labels without a valid subcategory are left out.
 */
export async function loadLabeledArchives(
  archivesDir: string,
  labelDirs: readonly string[],
  only?: readonly string[],
): Promise<LabeledArchive[]> {
  const files = new Map<string, string[]>();
  for (const dir of labelDirs) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.csv')) continue;
      const name = file.slice(0, -4);
      if (only && !only.includes(name)) continue;
      files.set(name, [...(files.get(name) ?? []), path.join(dir, file)]);
    }
  }
  const out: LabeledArchive[] = [];
  for (const [name, labelFiles] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const archive = [path.join(archivesDir, name), path.join(archivesDir, `${name}.zip`)].find((p) => existsSync(p));
    if (!archive) continue;
    const labels = new Map<string, LabelKey>();
    const sure = new Set<string>();
    for (const file of labelFiles) {
      const text = readFileSync(file, 'utf8');
      const sureIn = sureIds(text);
      for (const [id, label] of parseLabels(text, file)) {
        if (!label.subcategory || !isSubcategoryOf(label.category, label.subcategory)) continue;
        labels.set(id, `${label.category}/${label.subcategory}` as LabelKey);
        if (sureIn.has(id)) sure.add(id);
        else sure.delete(id);
      }
    }
    out.push({ name, ...(await labeledTweets(archive, labels, sure)) });
  }
  return out;
}

/**
 * The ids of a labels file whose annotator marked the label sure: confidence 3 in a `confidence`
 * column (LABELING.md), read as parseLabels reads the file.
 */
function sureIds(text: string): Set<string> {
  const rows = parse(text, LABEL_CSV) as string[][];
  const header = (rows[0] ?? []).map((cell) => cell.toLowerCase());
  const idAt = header.indexOf('id');
  const confidenceAt = header.indexOf('confidence');
  const out = new Set<string>();
  if (idAt === -1 || confidenceAt === -1) return out;
  for (const row of rows.slice(1)) if (row[confidenceAt] === '3' && row[idAt]) out.add(row[idAt]);
  return out;
}

async function labeledTweets(
  archivePath: string,
  labels: ReadonlyMap<string, LabelKey>,
  sure: ReadonlySet<string>,
): Promise<{ tweets: LabeledTweet[] }> {
  const archive = await openArchives([archivePath]);
  const tweets: Tweet[] = [];
  for await (const batch of tweetBatches(archive)) for (const tweet of batch) tweets.push(tweet);
  const zone = createZone(archive.owner.timeZone ?? 'UTC');
  const identity = await discoverIdentity(archive.owner, tweets);
  const classifier = await createClassifier({
    identity,
    zone,
    context: archiveContext(tweets, identity, archive.owner.bio),
    learned: null,
  });
  const out: LabeledTweet[] = [];
  const seen = new Set<string>();
  for (const tweet of tweets) {
    const label = labels.get(tweet.id);
    if (!label || seen.has(tweet.id)) continue;
    seen.add(tweet.id);
    out.push({
      id: tweet.id,
      label,
      rules: labelKey(classifier.classify(tweet)),
      evidence: classifier.evidence(tweet),
      createdAt: tweet.createdAt,
      sure: sure.has(tweet.id),
    });
  }
  out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return { tweets: out };
}
