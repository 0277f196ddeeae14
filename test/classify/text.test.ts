import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emojiIn, fold, guessLang, LANGS, parseLink, Vocabulary, words } from '../../src/classify/text.js';
import { LEXICON_IDS, LEXICONS } from '../../src/classify/lexicons.js';
import { sharedNlp, tweet } from './support.js';
import { analyzeText } from '../../src/classify/text.js';

describe('fold and words', () => {
  it('lowercases, removes accents and unifies apostrophes', () => {
    expect(fold('Película ÉTÉ Straße’s')).toBe("pelicula ete straße's");
    expect(fold('plain ascii')).toBe('plain ascii');
  });

  it('splits words, keeps inner apostrophes and splits French elisions', () => {
    expect(words("we're hiring, j'ecoute l'album 2024! c'est-a-dire")).toEqual([
      "we're",
      'hiring',
      "j'",
      'ecoute',
      "l'",
      'album',
      '2024',
      "c'",
      'est',
      'a',
      'dire',
    ]);
    expect(words('🚀 emoji—dash')).toEqual(['emoji', 'dash']);
  });
});

describe('emojiIn', () => {
  const byRegex = (text: string): string[] => text.match(/\p{Extended_Pictographic}/gu) ?? [];

  it('finds what the Extended_Pictographic regex finds, with its cache cold and warm', () => {
    const samples = [
      '🚀🧵👇 launch',
      '© ® ™ ‼ ⁉ ↔ ⌚ ☀️ ♥ ⭐',
      'lone \ud83d high, lone \ude80 low, \ud83d',
      '👩‍👩‍👧 🏳️‍🌈 🇪🇸 1️⃣',
      '𐐀 한국어 ½ é',
      '',
    ];
    // The first round meets each code point for the first time, the second finds it cached.
    for (let round = 0; round < 2; round++)
      for (const text of samples) expect(emojiIn(text), text).toEqual(byRegex(text));
  });

  it('finds what the regex finds in any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 40 }),
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.string({ unit: 'binary-ascii', maxLength: 40 }),
        ),
        (text) => {
          expect(emojiIn(text)).toEqual(byRegex(text));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('Vocabulary', () => {
  const index = new Vocabulary();
  const hits = (text: string): Record<string, string> => Object.fromEntries(index.match(words(fold(text))));

  it('matches single words, phrases and prefixes, accent-insensitively, in every language at once', () => {
    expect(hits("We're hiring!")).toMatchObject({ jobs: "we're hiring" });
    expect(hits('Estamos contratando')).toMatchObject({ jobs: 'estamos contratando' });
    expect(hits('Buscamos perfiles junior')).toMatchObject({ jobs: 'buscamos perfil*' });
    expect(hits('Inscripciones abiertas')).toMatchObject({ announcement: 'inscripcion*' });
    expect(hits("J'écoute du jazz")).toMatchObject({ media: "j'ecoute" });
  });

  it('caches one record per word, with stems per language computed once', () => {
    let calls = 0;
    const vocabulary = new Vocabulary((lang, word) => {
      calls++;
      return `${lang}:${word.slice(0, 4)}`;
    });
    expect(vocabulary.info('hiring')).toBe(vocabulary.info('hiring'));
    expect(vocabulary.stem('en', 'hiring')).toBe('en:hiri');
    expect(vocabulary.stem('en', 'hiring')).toBe('en:hiri');
    expect(vocabulary.stem('es', 'hiring')).toBe('es:hiri');
    expect(vocabulary.stem('en', '2024')).toBe('#num');
    expect(calls).toBe(2);
    expect(vocabulary.info('the').stopBits & 1).toBe(1);
    expect(vocabulary.info('los').langBits).toBe(2);
  });

  it('finds every entry of every word list in its own words, after any words', () => {
    // A fresh vocabulary per round: its first round meets every word for the first time.
    const fresh = new Vocabulary();
    const missed: string[] = [];
    for (let round = 0; round < 2; round++) {
      for (const lexicon of LEXICON_IDS) {
        for (const lang of LANGS) {
          for (const raw of LEXICONS[lexicon][lang]) {
            const phrase = words(fold(raw.endsWith('*') ? `${raw.slice(0, -1)}xyz` : raw));
            for (const before of [[], ['the'], ['my', 'a']]) {
              if (!fresh.match([...before, ...phrase]).has(lexicon)) missed.push(`${lexicon}: ${raw}`);
            }
          }
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it('does not match a phrase cut in the middle or a prefix of a word', () => {
    expect(hits('hiring')).toMatchObject({ jobs: 'hiring' });
    expect(hits('we are')).not.toHaveProperty('jobs');
    expect(hits('happy')).not.toHaveProperty('drinking');
  });
});

describe('guessLang', () => {
  it("trusts the archive's language when it is one of the four", () => {
    expect(guessLang('fr', ['the', 'and'])).toBe('fr');
  });

  it('guesses from stopwords otherwise, English by default', () => {
    expect(guessLang('und', words('el equipo y yo estamos muy contentos con esto'))).toBe('es');
    expect(guessLang(undefined, words('je suis très content de cette journée avec vous'))).toBe('fr');
    expect(guessLang(undefined, words('ich bin heute nicht im Büro und das ist gut'))).toBe('de');
    expect(guessLang(undefined, [])).toBe('en');
  });
});

describe('analyzeText', () => {
  it('separates the handles a tweet opens with from the body, and drops URLs and the RT prefix', () => {
    const text = analyzeText(
      tweet('@ana @bob thanks for the link https://x.example/a cc @carl'),
      sharedNlp().vocabulary,
    );
    expect(text.leadingHandles).toEqual(['ana', 'bob']);
    expect(text.bodyMentions).toEqual(['carl']);
    expect(text.words).toEqual(['thanks', 'for', 'the', 'link', 'cc']);
    expect(text.links).toEqual([{ host: 'x.example', path: '/a', hostPath: 'x.example/a' }]);
    const rt = analyzeText(tweet('RT @dan: big news 🎉'), sharedNlp().vocabulary);
    expect(rt.leadingHandles).toEqual([]);
    expect(rt.words).toEqual(['big', 'news']);
    expect(rt.emoji).toEqual(['🎉']);
  });

  it('reads opening handles however they are separated, and only at the start', () => {
    const vocabulary = sharedNlp().vocabulary;
    expect(analyzeText(tweet('.@Noah @ana, @bob: hi @carl'), vocabulary).leadingHandles).toEqual([
      'noah',
      'ana',
      'bob',
    ]);
    expect(analyzeText(tweet("@ana's talk was great"), vocabulary).leadingHandles).toEqual(['ana']);
    expect(analyzeText(tweet('hi @ana'), vocabulary).leadingHandles).toEqual([]);
    expect(analyzeText(tweet('@ @ana'), vocabulary).leadingHandles).toEqual([]);
    expect(analyzeText(tweet('@ana'), vocabulary)).toMatchObject({ leadingHandles: ['ana'], body: '', words: [] });
  });

  it('parses links without scheme or with www', () => {
    expect(parseLink('https://www.Example.com/Blog/?q=1')).toEqual({
      host: 'example.com',
      path: '/blog/',
      hostPath: 'example.com/blog',
    });
    expect(parseLink('not a url')).toBeUndefined();
  });
});

describe('analyzeText words', () => {
  // The tokenizer reads lowercased text as it is when folding would not change it, and folds first
  // otherwise: either way its words must be `words(fold(body))`, with the vocabulary's records.
  const samples = [
    'Película ÉTÉ Straße’s',
    "J'écoute l'album, we're HIRING! c'est-à-dire",
    'ΣΊΣΥΦΟΣ σοφός ΟΔΟΣ',
    'İstanbul DİYARBAKIR',
    '𐐀𐐁 Deseret 🚀🧵👇 emoji—dash',
    '한국어 텍스트 and ｆｕｌｌｗｉｄｔｈ',
    'ﬁnance ½ ™ Ⓐⓑ ≠ ↚',
    "L'ÉTÉ QU'IL FAIT",
    'don`t won´t it’s',
    'a\u0000b c\u0301d',
  ];

  it('are the words of the folded body, and their records are the vocabulary’s', () => {
    const vocabulary = new Vocabulary();
    for (const text of samples) {
      const analyzed = analyzeText(tweet(text), vocabulary);
      expect(analyzed.words, text).toEqual(words(fold(analyzed.body)));
      analyzed.words.forEach((word, i) => expect(analyzed.infos[i]).toBe(vocabulary.info(word)));
    }
  });

  it('are the words of the folded body for any text', () => {
    const vocabulary = new Vocabulary();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.string({ unit: 'grapheme', maxLength: 80 }),
          fc.string({ unit: 'binary', maxLength: 80 }),
        ),
        (text) => {
          const analyzed = analyzeText(tweet(text), vocabulary);
          expect(analyzed.words).toEqual(words(fold(analyzed.body)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('are the words of the folded body for text full of accents, apostrophes and marks', () => {
    // Pieces that fold to one unit ("é", "’"), to none (a combining accent), to several ("ŉ"),
    // that lowercase by context ("Σ") or as a pair ("𐐀"), or to ASCII (Kelvin sign), capitals,
    // next to elisions and word boundaries.
    const pieces = [
      'a',
      'e',
      'É',
      'é',
      'e\u0301',
      '’',
      "'",
      '´',
      '`',
      ' ',
      '-',
      '.',
      'ß',
      'ﬁ',
      'Σ',
      'İ',
      'ŉ',
      'l',
      'j',
      'qu',
      'ç',
      'Ç',
      'ñ',
      'Ü',
      '1',
      '🚀',
      '\u0000',
      'ete',
      'été',
      'ÉTÉ',
      'ETE',
      'A',
      'L',
      'QU',
      'We',
      '\u212a',
      '𐐀',
      'Ω',
    ];
    const vocabulary = new Vocabulary();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const analyzed = analyzeText(tweet(parts.join('')), vocabulary);
        expect(analyzed.words).toEqual(words(fold(analyzed.body)));
        analyzed.words.forEach((word, i) => expect(analyzed.infos[i]).toBe(vocabulary.info(word)));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the word cache within its bound, with the same records as an unbounded one', () => {
    const bounded = new Vocabulary(undefined, undefined, 50);
    const unbounded = new Vocabulary();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 400; i++) {
        const text = `word${i} hiring happy hour mon article n${i % 7}`;
        const a = analyzeText(tweet(text), bounded);
        const b = analyzeText(tweet(text), unbounded);
        expect(a.words).toEqual(b.words);
        expect([...a.hits]).toEqual([...b.hits]);
        expect(a.infos.map((info) => [info.langBits, info.stopBits, info.listed, info.second])).toEqual(
          b.infos.map((info) => [info.langBits, info.stopBits, info.listed, info.second]),
        );
        expect(bounded.size).toBeLessThanOrEqual(50);
      }
    }
    expect(unbounded.size).toBeGreaterThan(400);
  });
});
