import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSentimentVocabulary, sentimentOf } from '../../src/classify/nlp.js';
import { LANGS, type Lang } from '../../src/classify/text.js';

// The complaint flag's sentiment is scored by our code over natural's data files; natural's own
// analyzer, configured as the classifier used it before (its language and type, no stemmer), is
// the reference it must equal to the last bit.
const require = createRequire(import.meta.url);
type Analyzer = { getSentiment(words: string[]): number };
const SentimentAnalyzer = require('natural/lib/natural/sentiment/SentimentAnalyzer.js') as new (
  language: string,
  stemmer: null,
  type: string,
) => Analyzer;
const NATURAL: Record<Lang, [string, string]> = {
  en: ['English', 'afinn'],
  es: ['Spanish', 'afinn'],
  fr: ['French', 'pattern'],
  de: ['German', 'pattern'],
};

describe.each(LANGS)('sentiment (%s)', (lang) => {
  const [language, type] = NATURAL[lang];
  const natural = new SentimentAnalyzer(language, null, type);
  const ours = loadSentimentVocabulary(lang);
  const known = [...ours.scores.keys()];

  it('knows the words natural knows, with the same score', () => {
    expect(known.length).toBeGreaterThan(1000);
    for (const word of known) expect(sentimentOf(ours, [word]), word).toBe(natural.getSentiment([word]));
  });

  it('scores any text as natural does: negations, case, unknown words', () => {
    const word = fc.oneof(
      fc.constantFrom(...known),
      fc.constantFrom(...known).map((w) => w.toUpperCase()),
      fc.constantFrom(...ours.negations, 'NOT', 'No', 'nada'),
      fc.string({ minLength: 1, maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), (words) => {
        expect(Object.is(sentimentOf(ours, words), natural.getSentiment(words))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
