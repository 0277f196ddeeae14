import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/archive/index.js';
import { LABEL_KEYS } from '../../src/classify/model.js';
import { parseTrainingCsv, readTrainingCorpus } from '../../src/classify/training.js';
import { analyzeText, fold, guessLang, words } from '../../src/classify/text.js';
import { sharedNlp } from './support.js';

const ARCHIVES = new URL('../../../shared/archives/', import.meta.url);

describe('the training corpus (data/training)', async () => {
  const corpus = await readTrainingCorpus();

  it('has several hundred examples', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(400);
  });

  it('covers every label of the taxonomy', () => {
    const seen = new Map<string, number>();
    for (const { label } of corpus)
      seen.set(`${label.category}/${label.subcategory}`, (seen.get(`${label.category}/${label.subcategory}`) ?? 0) + 1);
    for (const key of LABEL_KEYS) expect(seen.get(key) ?? 0, key).toBeGreaterThanOrEqual(3);
  });

  it('is written in English, Spanish, French and German', () => {
    const langs = new Map<string, number>();
    for (const { tweet } of corpus) {
      const lang = guessLang(undefined, analyzeText(tweet, sharedNlp().vocabulary).words);
      langs.set(lang, (langs.get(lang) ?? 0) + 1);
    }
    for (const lang of ['en', 'es', 'fr', 'de']) expect(langs.get(lang) ?? 0, lang).toBeGreaterThanOrEqual(40);
  });

  it('has no duplicate texts', () => {
    const texts = corpus.map((e) => fold(e.tweet.text));
    expect(texts.filter((t, i) => texts.indexOf(t) !== i)).toEqual([]);
  });

  it('keeps its structural hints consistent: replies open with a handle, retweets with RT', () => {
    for (const { tweet, source } of corpus) {
      if (tweet.isReply && !tweet.isSelfReply) expect(tweet.text, source).toMatch(/^@\w/);
      expect(tweet.isRetweet, source).toBe(tweet.text.startsWith('RT @'));
    }
  });

  it('rejects bad rows with file and line', () => {
    const header = 'text,is_reply,is_self_reply,is_retweet,has_link,has_media,category,subcategory\n';
    expect(() => parseTrainingCsv(`${header}hello,0,0,0,0,0,personal,lunch\n`, 'x.csv')).toThrow(
      /x\.csv:2: unknown label "personal\/lunch"/,
    );
    expect(() => parseTrainingCsv(`${header}hello,yes,0,0,0,0,personal,life\n`, 'x.csv')).toThrow(
      /x\.csv:2: is_reply must be 0 or 1/,
    );
  });

  // The corpus is written for tweet-audit: no text of it may come from the real archives.
  describe.skipIf(!existsSync(ARCHIVES))('against the real archives', () => {
    it('shares no tweet with them', async () => {
      const corpusTexts = new Set(corpus.map((e) => words(fold(e.tweet.text)).join(' ')));
      const shared: string[] = [];
      for (const name of ['alrocar-2024', 'dgageot-2013', 'larsbrinkhoff-2021']) {
        const archive = await openArchive(new URL(name, ARCHIVES).pathname);
        for await (const t of archive.tweets()) {
          const key = words(fold(t.text)).join(' ');
          if (key.split(' ').length >= 3 && corpusTexts.has(key)) shared.push(t.text);
        }
      }
      expect(shared).toEqual([]);
    });
  });
});
