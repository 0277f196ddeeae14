import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFiller } from '../../src/report/stopwords.js';
import { analyzeText, domainOf } from '../../src/report/text.js';

// The plain pipeline of expressions, kept here as the specification: analyzeText skips the
// slower ones when a quick test says they cannot match (ASCII text, no link, no "@", no "#").
const RETWEET_PREFIX = /^\s*RT\s+@\w+:?/iu;
const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;
const HANDLE = /(^|[^\p{L}\p{N}_])@\w+/gu;
const HASHTAG = /(^|[^\p{L}\p{N}_&])#[\p{L}\p{N}_]+/gu;
const PHRASE_BREAK = /[.!?;:,()[\]{}"“”«»…\n|/\\–—]+/u;
const NON_WORD = /[^\p{L}\p{N}]+/u;
const DIGITS_ONLY = /^\p{N}+$/u;
const LINK_FILLER = new Set(['via', 'rt', 'cc', 'mt', 'ht', 'h', 't']);
const SHORTCODE = /:[a-z0-9_]*[a-z][a-z0-9_]*:/giu;
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
const SEGMENTER = new Intl.Segmenter('ja', { granularity: 'word' });

/** Tokens as words: Japanese and Chinese runs cut by ICU. */
function tokens(clause: string): string[] {
  return clause
    .split(NON_WORD)
    .flatMap((token) =>
      CJK.test(token) ? [...SEGMENTER.segment(token)].filter((s) => s.isWordLike).map((s) => s.segment) : [token],
    );
}

function reference(text: string) {
  const lower = text
    .normalize('NFKC')
    .replace(RETWEET_PREFIX, ' ')
    .replace(LINK, ' ')
    .replace(HANDLE, '$1 ')
    .toLowerCase();
  const normalized = lower
    .split(NON_WORD)
    .filter((token) => token.length > 0)
    .join(' ');
  const withoutHashtags = lower.replace(HASHTAG, '$1 ').replace(SHORTCODE, ' ');
  const words: string[] = [];
  const phrases: string[] = [];
  for (const clause of withoutHashtags.split(PHRASE_BREAK)) {
    let previous: string | null = null;
    for (const token of tokens(clause)) {
      if (token.length === 0) continue;
      if (token.length >= 2 && !DIGITS_ONLY.test(token) && !isFiller(token)) {
        words.push(token);
        if (previous !== null) phrases.push(`${previous} ${token}`);
        previous = token;
      } else {
        previous = null;
      }
    }
  }
  const hasOwnWords = tokens(withoutHashtags).some((token) => token.length > 0 && !LINK_FILLER.has(token));
  return { words, phrases, normalized, hasOwnWords };
}

// Pieces that exercise every rule: prefixes, links, handles, hashtags, clause breaks, case and
// normalization oddities, surrogate pairs (letters and emoji) and lone surrogates.
const PIECES = [
  'RT',
  'rt',
  'Rt',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u3000',
  '\u2028',
  '\ufeff',
  '@',
  '@@',
  '#',
  '##',
  '&',
  '_',
  ':',
  '.',
  ',',
  '!',
  '?',
  '/',
  '\\',
  '(',
  ')',
  '"',
  '“',
  '”',
  '…',
  '–',
  '—',
  '|',
  '-',
  "'",
  'http://',
  'https://',
  'HTTP://',
  'Https://',
  'http:/',
  'https',
  'www.',
  'WWW.',
  'wWw.',
  'ww.',
  'x.com',
  'a',
  'b',
  'Z',
  'hi',
  'via',
  'cc',
  'the',
  'service',
  'customer',
  'great',
  'is',
  '9',
  '2024',
  '٣',
  '１２',
  'ﬁ',
  'ſ',
  'K',
  'İ',
  'Σ',
  'ΟΔΟΣ',
  'ß',
  'é',
  'e\u0301',
  'ǅ',
  'ñ',
  '¡',
  'Mañana',
  '😀',
  '👍🏽',
  '𝐀',
  '𠀀',
  '\ud800',
  '\udc00',
  'alice',
  'Bob_1',
  'x@y',
  '_@',
  '&#',
  'abc#def',
  'über',
  'straße',
  'の',
  '東京',
  'ブログ',
  '但是',
  '我們',
  ':blobcat:',
  ':',
  'jajaja',
  'kkk',
  'xd',
];

describe('the text scan', () => {
  it('does what the regular expressions it replaces do', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        expect(analyzeText(text)).toEqual(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('does so on any string too', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(analyzeText(text)).toEqual(reference(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('handles the cases that need care', () => {
    for (const text of [
      'RT @guru: Great post https://t.co/x #CX',
      '  rt   @a_b:hello there friends',
      'RT @abcwww.x.com rest of it',
      'see xhttp://a.b and http:// nothing and https://ok.example/path?q=1 too',
      '@a@b hello @c_d e@f (@g) 😀@h _@i 𠀀@j',
      '#a#b ##c &#d _#e #_f #ñ # g',
      'Great session. Customer love! Social customer service; rocks',
      'ΟΔΟΣ ΟΔΟΣ. Σ',
      'ﬁne １２３ 𝐀𝐁𝐂 words',
      'İstanbul @İstanbul',
      '',
      '   ',
    ]) {
      expect(analyzeText(text)).toEqual(reference(text));
    }
  });
});

describe('filler', () => {
  const words = (text: string) => analyzeText(text).words;

  it('leaves out the filler of every language read, laughter of any length included', () => {
    expect(words('lol TIL the macro thing haha hahahaha lmao xD')).toEqual(['macro']);
    expect(words('jajaja cómo mola el teclado xd jejeje')).toEqual(['mola', 'teclado']);
    expect(words('mdr ptdr le clavier aujourd’hui')).toEqual(['clavier']);
    expect(words('Danke, das ist immer wieder die Tastatur haha')).toEqual(['tastatur']);
    expect(words('kkkk não tem muito teclado rsrs hahaha')).toEqual(['teclado']);
    expect(words('ik heb het toetsenbord van een vriend')).toEqual(['toetsenbord', 'vriend']);
    expect(words('avui és molt bon dia per al teclat')).toEqual(['teclat']);
    expect(words('oggi il mio gatto è già qui')).toEqual(['gatto']);
  });

  it('cuts Japanese and Chinese into words and leaves out their particles', () => {
    expect(words('mackerelのブログを書きました')).toEqual(['mackerel', 'ブログ', '書き']);
    expect(words('但是我们现在没有时间')).toEqual(['时间']);
    expect(words('草生えるwww')).not.toContain('www');
  });

  it('keeps topic words that look like filler only in part', () => {
    expect(words('hawaii haskell kayak jazz lollipop xdr')).toEqual([
      'hawaii',
      'haskell',
      'kayak',
      'jazz',
      'lollipop',
      'xdr',
    ]);
  });

  it('leaves out custom emoji but keeps the words around them', () => {
    expect(words('rode fiets :blobcat: :ablobcathappypaws:')).toEqual(['rode', 'fiets']);
  });
});

describe('domainOf', () => {
  it('takes the host, lowercased and without www., of a URL with or without a scheme', () => {
    expect(domainOf('https://WWW.Example.COM/path?q=1')).toBe('example.com');
    expect(domainOf('www.example.org')).toBe('example.org');
    expect(domainOf('http://münchen.de:8080/')).toBe('xn--mnchen-3ya.de');
    expect(domainOf('http://')).toBeNull();
  });
});
