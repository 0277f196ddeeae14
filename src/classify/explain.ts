import type { Explanation } from './classifier.js';
import { CATEGORIES } from './taxonomy.js';
import { UNSPACED } from './evidence.js';

function formatData(data: Readonly<Record<string, string | number | boolean>>): string {
  const entries = Object.entries(data);
  return entries.length === 0 ? '' : ` (${entries.map(([key, value]) => `${key}: ${String(value)}`).join(', ')})`;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

const DECISIONS: Record<Explanation['decision']['kind'], (winner?: string) => string> = {
  'user-label': () => 'your label (from --labels) wins over rules and model',
  precedence: (winner) => `rule ${winner ?? '?'} has the highest precedence among the rules that fired`,
  'personal-content-overrules-soft-rule': (winner) =>
    `what the link or retweet passes on is personal (rule ${winner ?? '?'}, and the model agrees), which overrules sharing`,
  model: () => 'no rule fired; the model is confident enough',
  default: () => 'no rule fired and the model is unsure: personal/life with low confidence, worth a second look',
  learned: () =>
    'the learned model weighed the rules with your context (links, accounts, timing, words) and chose this',
};

/** A bucket of evidence.ts ("1-1", "2-3", "4+", "<1") as words: "1", "2 to 3", "4 or more", "under 1". */
function amount(bucket: string): string {
  if (bucket.startsWith('<')) return `under ${bucket.slice(1)}`;
  if (bucket.endsWith('+')) return `${bucket.slice(0, -1)} or more`;
  const [from, to] = bucket.split('-');
  return from === to ? (from ?? bucket) : `${from} to ${to}`;
}

/** An hour bucket ("<6", "12-17", "22+") as words. */
function hours(bucket: string): string {
  if (bucket.startsWith('<')) return `before ${bucket.slice(1)} h`;
  if (bucket.endsWith('+')) return `from ${bucket.slice(0, -1)} h on`;
  return `between ${bucket.replace('-', ' and ')} h`;
}

/** Plain words for the evidence about time (evidence.ts), by name without the "time:" prefix. */
const TIME_FEATURES: [RegExp, (n: string) => string][] = [
  [/^burst:(.+)$/, (n) => `${amount(n)} of your other tweets within an hour`],
  [/^topic-burst:(.+)$/, (n) => `${amount(n)} of your tweets within three hours share its words`],
  [/^amid-event:(.+)$/, (n) => `${amount(n)} of your tweets of an event within two hours`],
  [/^day-vs-usual:(.+)$/, (n) => `sent on a day with ${amount(n)} times your usual number of tweets`],
  [/^hour:(.+)$/, (n) => `sent ${hours(n)}, your time`],
  [/^hashtag-burst$/, () => 'its hashtag used three times or more within six hours'],
  [/^hashtag-mostly-now$/, () => 'most uses of its hashtag are within these hours'],
  [/^weekend$/, () => 'sent at the weekend'],
];

/** The tweet's shape: how long it is and how many accounts and hashtags it names, or its form. */
function describeShape(value: string): string {
  const [what = '', bucket] = value.split(':');
  if (bucket === undefined) return `shape: ${what.replace(/-/g, ' ')}`;
  const n = amount(bucket);
  if (what === 'words') return bucket === '<1' ? 'no words of its own' : `${n} words long`;
  return `${n} ${what === 'mentions' ? 'other account' : 'hashtag'}${n === '1' ? '' : 's'} named`;
}

/** What the archive says about the account or domain of this tweet. */
const CONTEXT_FEATURES: Record<string, string> = {
  'retweets-account': 'you retweeted this account',
  'links-domain': 'you linked this domain',
  'talks-to': 'you talked with this account',
};

/** The "u:" features that group tweets sent together, which your labels of one of them speak for. */
const U_TOGETHER: Record<string, string> = {
  day: 'sent the same day',
  week: 'sent the same week',
  thread: 'of the same thread',
};

/** Plain words for an evidence feature name ("time:burst:6-9" -> "6-9 of your other tweets within an hour"). */
export function describeFeature(feature: string): string {
  const [kind = '', ...rest] = feature.split(':');
  const value = rest.join(':');
  switch (kind) {
    case 'rules':
      return `the rules alone say ${value}`;
    case 'rule':
      return `rule ${value} fired`;
    case 'first':
      return value === 'none' ? 'no rule fired' : `the first rule by precedence says ${value}`;
    case 'shape':
      return describeShape(value);
    case 'owner':
      return value.startsWith('field-words:')
        ? `${amount(value.slice(12))} of the words of your field (your bio, your own posts)`
        : `about you: ${value.replace(/-/g, ' ')}`;
    case 'context': {
      const [what = '', bucket] = value.split(':');
      const doing = CONTEXT_FEATURES[what];
      if (doing && bucket) return `in your archive, ${doing} ${amount(bucket)} times`;
      return what === 'retweets-a-friend'
        ? 'in your archive, you also talk with the account you retweet'
        : `in your archive: ${value.replace(/[:-]/g, ' ')}`;
    }
    case 'time': {
      for (const [pattern, words] of TIME_FEATURES) {
        const match = pattern.exec(value);
        if (match) return words(match[1] ?? '');
      }
      return `time: ${value.replace(/:/g, ' ')}`;
    }
    case 'thread':
      return `its thread ${value.replace(/-/g, ' ').replace(':', ' ')}`;
    case 'topic':
      return `about ${value.replace(/-/g, ' ')}`;
    case 'tone':
      return `its tone: ${value}`;
    case 'lexicon':
      return `words of the list "${value}"`;
    case 'emoji':
      return `the emoji ${value}`;
    case 'w':
      // Words are weighed by their stem; Chinese, Japanese and Thai by pairs of characters.
      return UNSPACED.test(value) ? `the characters "${value}"` : `words with the stem "${value}"`;
    case 'tag':
      return `the hashtag #${value}`;
    case 'domain':
      return `a link to ${value}`;
    case 'u': {
      const [what = ''] = value.split(':');
      const together = U_TOGETHER[what];
      return together ? `your own labels of tweets ${together}` : `your own labels: ${value.replace(':', ' ')}`;
    }
    default:
      return feature;
  }
}

/** Renders an explanation as plain text (no colour), for `tweet-audit explain`. */
export function formatExplanation(e: Explanation): string {
  const c = e.classification;
  const lines: string[] = [];
  lines.push(`tweet ${e.tweet.id}: ${e.tweet.text.replace(/\s+/g, ' ').trim()}`);
  const shape = [
    e.tweet.isRetweet && 'retweet',
    e.tweet.isSelfReply ? 'self-reply (thread)' : e.tweet.isReply && 'reply',
    e.tweet.urls.length > 0 && `${e.tweet.urls.length} link(s)`,
    e.tweet.mediaCount > 0 && `${e.tweet.mediaCount} media`,
    e.tweet.mentions.length > 0 && `mentions ${e.tweet.mentions.map((m) => `@${m}`).join(' ')}`,
    e.tweet.hashtags.length > 0 && `hashtags ${e.tweet.hashtags.map((h) => `#${h}`).join(' ')}`,
  ].filter(Boolean);
  lines.push(`shape: ${shape.length > 0 ? shape.join(', ') : 'plain tweet'}; language: ${e.language}`);
  lines.push('');
  lines.push(
    `label: ${c.category}/${c.subcategory} (confidence ${c.confidence.toFixed(2)}, decided by ${c.decidedBy.join(', ')})`,
  );
  lines.push(`why: ${DECISIONS[e.decision.kind](e.decision.winner)}`);
  lines.push('');
  if (e.firings.length === 0) {
    lines.push('rules that fired: none');
  } else {
    lines.push('rules that fired (highest precedence first):');
    for (const f of e.firings) {
      lines.push(
        `  ${f.rule} -> ${f.label.category}/${f.label.subcategory}${f.soft ? ' [soft]' : ''}: ${f.reason}${formatData(f.data)}`,
      );
    }
  }
  lines.push('');
  lines.push('model (naive Bayes over the training corpus):');
  for (const category of CATEGORIES)
    lines.push(`  ${category.padEnd(13)} ${percent(e.model.categories[category]).padStart(6)}`);
  lines.push(`  best: ${e.model.best.category}/${e.model.best.subcategory} (${percent(e.model.probability)})`);
  if (e.learned) {
    lines.push('');
    lines.push('learned model (trained on hand-labeled real archives, and on your labels):');
    for (const category of CATEGORIES)
      lines.push(`  ${category.padEnd(13)} ${percent(e.learned.categories[category]).padStart(6)}`);
    lines.push(`  what weighed most for ${e.learned.best}:`);
    for (const r of e.learned.reasons)
      lines.push(`    ${r.weight >= 0 ? '+' : ''}${r.weight.toFixed(2)}  ${describeFeature(r.feature)}`);
  }
  lines.push('');
  const complaint = e.complaint;
  lines.push(`flags: ${c.flags.length > 0 ? c.flags.join(', ') : 'none'}`);
  lines.push(
    `tone: sentiment ${complaint.sentiment.toFixed(2)} (clearly negative at ${complaint.threshold.toFixed(2)} or below with a complaint word, ${(2 * complaint.threshold).toFixed(2)} without)${complaint.word === undefined ? '' : `; complaint word "${complaint.word}"`}`,
  );
  return `${lines.join('\n')}\n`;
}
