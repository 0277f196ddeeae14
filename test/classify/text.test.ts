import { describe, expect, it } from 'vitest';
import { fold, guessLang, LANGS, parseLink, Vocabulary, words } from '../../src/classify/text.js';
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

  it('reads astral letters as no word, and a word of ten million letters as one word', () => {
    expect(words("a\u{1D41B}b l'\u{1D41B}")).toEqual(['a', 'b', 'l']);
    expect(words('x'.repeat(10_000_000))).toHaveLength(1);
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
    // A Bluesky repost's text is only "RT" and the reposted post's address, as a Mastodon boost's.
    const repost = analyzeText(
      tweet('RT at://did:plc:abc123xyz/app.bsky.feed.post/3kabc', { isRetweet: true }),
      sharedNlp().vocabulary,
    );
    expect(repost.words).toEqual(['rt']);
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
  // The shipped model was trained on these edges: changing one changes data/learned-model.json.
  it('fold only the Basic Multilingual Plane, and only letters and digits of it make words', () => {
    expect(fold('e\u0301te ´ ʼ ` ﬁ İ ½')).toBe("ete ' ' ` ﬁ i ½");
    expect(fold('𝐁𝐨𝐥𝐝 🚀 \ud83d')).toBe('𝐁𝐨𝐥𝐝 🚀 \ud83d');
    expect(words(fold('𝐛𝐨𝐥𝐝 𐐀𐐁 ｆｕｌｌ 한국어 ½ a\u0000b'))).toEqual([
      'ｆｕｌｌ',
      '한국어'.normalize('NFD'),
      '½',
      'a',
      'b',
    ]);
    expect(words("l'aujourd'hui qu'il a'' 'b rock'n'roll")).toEqual([
      "l'",
      "aujourd'hui",
      "qu'",
      'il',
      'a',
      'b',
      "rock'n'roll",
    ]);
  });

  it('are the words of the folded body, with the vocabulary’s records', () => {
    const vocabulary = new Vocabulary();
    const analyzed = analyzeText(tweet("@ana J'écoute l'ÉTÉ 🚀 https://x.example/a"), vocabulary);
    expect(analyzed.words).toEqual(["j'", 'ecoute', "l'", 'ete']);
    analyzed.words.forEach((word, i) => expect(analyzed.infos[i]).toBe(vocabulary.info(word)));
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
