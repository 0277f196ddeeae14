import { describe, expect, it } from 'vitest';
import { allowedLabels, LABEL_KEYS, modelFeatures, NaiveBayes, scoreTweet } from '../../src/classify/model.js';
import { analyzeText } from '../../src/classify/text.js';
import { sharedNlp, tweet } from './support.js';

describe('NaiveBayes', () => {
  const model = new NaiveBayes();
  for (let i = 0; i < 5; i++) {
    model.learn(['coffee', 'morning', `x${i}`], 'personal/life');
    model.learn(['release', 'shipped', `y${i}`], 'promotion/employer');
  }

  it('learns which label features point to, with probabilities that sum to 1', () => {
    const scores = model.score(['release', 'shipped']);
    expect(scores.best).toEqual({ category: 'promotion', subcategory: 'employer' });
    expect(scores.probability).toBeGreaterThan(0.5);
    expect(Object.values(scores.labels).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(Object.values(scores.categories).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(model.score(['coffee']).best).toEqual({ category: 'personal', subcategory: 'life' });
  });

  it('gives labels it never saw no probability, and rules out labels not allowed', () => {
    const scores = model.score(['coffee']);
    expect(scores.labels['conference/live']).toBe(0);
    const allowed = LABEL_KEYS.map((key) => key !== 'personal/life');
    expect(model.score(['coffee'], allowed).best).toEqual({ category: 'promotion', subcategory: 'employer' });
  });

  it('ignores features it never saw', () => {
    expect(model.score(['coffee', 'unseen']).labels).toEqual(model.score(['coffee']).labels);
  });

  it('learns incrementally', () => {
    const m = new NaiveBayes();
    m.learn(['a'], 'personal/life');
    m.learn(['b'], 'promotion/self');
    const before = m.score(['a']).categories.personal;
    m.learn(['a'], 'personal/life');
    expect(m.score(['a']).categories.personal).toBeGreaterThan(before);
    expect(m.size).toBe(3);
  });
});

describe('allowedLabels', () => {
  it('leaves conversation and chats to the rules, replies only to replies', () => {
    const text = analyzeText(tweet('Any idea? @ana #chat'), sharedNlp().vocabulary);
    const allowed = Object.fromEntries(LABEL_KEYS.map((key, i) => [key, allowedLabels(tweet('x'), text, false)[i]]));
    expect(allowed).toMatchObject({
      'conversation/reply': false,
      'conversation/mention': false,
      'conversation/question': false,
      'conference/chat': false,
      'conference/live': true,
      'promotion/self': true,
      'personal/life': true,
    });
    expect(allowedLabels(tweet('x'), text, true)[LABEL_KEYS.indexOf('conversation/reply')]).toBe(true);
  });
});

describe('scoreTweet', () => {
  const texts = [
    'Running the tests, running again, ran them twice #ci https://x.example/a',
    'RT @ana: we are hiring 🚀🚀 in Lisbon',
    'Mi hija y yo, de vacaciones ☀️ ¿alguien conoce un buen sitio?',
    'J’écoute l’album, trop bien 🎶',
    '2024 2025 42 a b c',
    '',
  ];

  it('scores exactly as the model scores the features of modelFeatures, also after learning', () => {
    const nlp = sharedNlp();
    const model = new NaiveBayes();
    for (const [i, text] of texts.entries()) {
      const t = tweet(text, { isReply: i % 2 === 0, mediaCount: i % 3 });
      model.learn(modelFeatures(t, analyzeText(t, nlp.vocabulary), nlp), LABEL_KEYS[i % LABEL_KEYS.length]!);
    }
    for (let round = 0; round < 2; round++) {
      for (const text of texts) {
        for (const lang of ['en', 'es', 'fr', undefined]) {
          const t = tweet(text, { lang, isSelfReply: text.length % 2 === 0 });
          const analyzed = analyzeText(t, nlp.vocabulary);
          const allowed = allowedLabels(t, analyzed, false);
          expect(JSON.stringify(scoreTweet(model, t, analyzed, nlp, allowed))).toBe(
            JSON.stringify(model.score(modelFeatures(t, analyzed, nlp), allowed)),
          );
        }
      }
      // The word records' cached rows must follow the new weights.
      model.learn(['run', 'hire', 'album', '~link', '~reply', 'lex:jobs', 'lex:life'], 'promotion/jobs');
    }
  });
});
