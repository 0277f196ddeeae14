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
interface SentimentAnalyzer {
  getSentiment(words: string[]): number;
}
type SentimentAnalyzerClass = new (language: string, stemmer: Stemmer | null, type: string) => SentimentAnalyzer;

/** Where each language's natural modules live. natural's index would load everything (~1 s). */
const STEMMERS: Record<Lang, string> = {
  en: 'natural/lib/natural/stemmers/porter_stemmer.js',
  es: 'natural/lib/natural/stemmers/porter_stemmer_es.js',
  fr: 'natural/lib/natural/stemmers/porter_stemmer_fr.js',
  de: 'natural/lib/natural/stemmers/porter_stemmer_de.js',
};

/**
 * Vocabulary per language and the threshold that means "clearly negative" for it. AFINN scores
 * whole words from -5 to 5, so a mean of -0.35 is one strong negative word in a short tweet;
 * Pattern polarities are -1..1 and thinner, hence smaller thresholds.
 */
const SENTIMENT: Record<Lang, { language: string; type: string; threshold: number }> = {
  en: { language: 'English', type: 'afinn', threshold: -0.35 },
  es: { language: 'Spanish', type: 'afinn', threshold: -0.35 },
  fr: { language: 'French', type: 'pattern', threshold: -0.08 },
  de: { language: 'German', type: 'pattern', threshold: -0.08 },
};

/** Loads the stemmers (sentiment vocabularies on first use) and builds the vocabulary. */
export function createNlp(): Nlp {
  const require = createRequire(import.meta.url);
  const stemmers = {} as Record<Lang, Stemmer>;
  for (const lang of Object.keys(STEMMERS) as Lang[]) stemmers[lang] = require(STEMMERS[lang]) as Stemmer;
  // The sentiment vocabularies take ~200 ms to load, so they are loaded on first use (only tweets
  // with a complaint word need them), once per language.
  let Analyzer: SentimentAnalyzerClass | undefined;
  const analyzers: Partial<Record<Lang, SentimentAnalyzer>> = {};
  const analyzer = (lang: Lang): SentimentAnalyzer => {
    let found = analyzers[lang];
    if (!found) {
      Analyzer ??= require('natural/lib/natural/sentiment/SentimentAnalyzer.js') as SentimentAnalyzerClass;
      // No stemmer: stemming a whole vocabulary costs ~100 ms per language, and lowercased words
      // hit the vocabularies well enough for a flag that must above all be precise.
      found = analyzers[lang] = new Analyzer(SENTIMENT[lang].language, null, SENTIMENT[lang].type);
    }
    return found;
  };
  return {
    // Stems are cached in the vocabulary's word records: uncached stemming is far too slow.
    vocabulary: new Vocabulary((lang, word) => stemmers[lang].stem(word)),
    sentiment(lang, words) {
      return words.length === 0 ? 0 : analyzer(lang).getSentiment(words as string[]);
    },
    negativeThreshold(lang) {
      return SENTIMENT[lang].threshold;
    },
  };
}
