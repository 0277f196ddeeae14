import { describe, expect, it } from 'vitest';
import { DuplicateFinder, estimateSimilarity, minhashSignature } from '../../src/report/duplicates.js';
import { domainOf, extractTerms, hasOwnWords, normalizeForDuplicates } from '../../src/report/text.js';

function find(texts: string[]) {
  const finder = new DuplicateFinder();
  texts.forEach((text, i) => finder.add(String(i + 1), i * 1000, text));
  const found = finder.finish();
  return { exact: found.exact.map((m) => m.id), near: found.near.map((m) => m.id), groups: found.groups };
}

describe('normalizeForDuplicates', () => {
  it('ignores handles, links, case, "#" and punctuation', () => {
    expect(normalizeForDuplicates('@ann Thanks for the RT!! https://t.co/x #CX')).toBe('thanks for the rt cx');
    expect(normalizeForDuplicates('RT @guru: Great post')).toBe('great post');
  });
});

describe('DuplicateFinder', () => {
  it('groups exact repeats after normalization', () => {
    expect(find(['@a thanks for the RT!', '@b Thanks for the RT', 'something else entirely here'])).toEqual({ exact: ['1', '2'], near: [], groups: 1 });
  });

  it('finds near repeats of a pitch with a changed detail', () => {
    const found = find([
      'Join my webinar on social customer service this Thursday at 2pm ET, sign up now',
      'Join my webinar on social customer service this Thursday at 3pm ET, sign up now',
      'Our team is hiring a community manager in Boston, apply today',
    ]);
    expect(found).toEqual({ exact: [], near: ['1', '2'], groups: 1 });
  });

  it('leaves different tweets on the same topic alone', () => {
    const found = find([
      'Customer service is a team sport, not a department',
      'Great customer service starts with hiring people who care',
      'Customer service metrics that actually matter to executives',
    ]);
    expect(found).toEqual({ exact: [], near: [], groups: 0 });
  });

  it('skips texts under three words: a thank-you is not a repeat', () => {
    expect(find(['@a thanks!', '@b thanks!', '@c congrats!', '@d congrats!'])).toEqual({ exact: [], near: [], groups: 0 });
  });

  it('does not depend on insertion order', () => {
    const texts = ['alpha beta gamma delta', 'alpha beta gamma delta!', 'alpha beta gamma deltas', 'one two three four five'];
    const forward = find(texts);
    const finder = new DuplicateFinder();
    [...texts.keys()].reverse().forEach((i) => finder.add(String(i + 1), i * 1000, texts[i] as string));
    const backward = finder.finish();
    expect(backward.exact.map((m) => m.id)).toEqual(forward.exact);
    expect(backward.near.map((m) => m.id)).toEqual(forward.near);
  });

  it('estimates similarity: 1 for equal texts, low for unrelated ones', () => {
    const a = minhashSignature('the quick brown fox jumps over the lazy dog');
    expect(estimateSimilarity(a, minhashSignature('the quick brown fox jumps over the lazy dog'))).toBe(1);
    expect(estimateSimilarity(a, minhashSignature('completely unrelated words about queues'))).toBeLessThan(0.2);
  });
});

describe('text helpers', () => {
  it('extracts content words and adjacent phrases, skipping stopwords, links, handles and hashtags', () => {
    const terms = extractTerms('@ann Social customer service is the future of support https://x.io #CX');
    expect(terms.words).toEqual(['social', 'customer', 'service', 'future', 'support']);
    expect(terms.phrases).toEqual(['social customer', 'customer service']);
  });

  it('does not join phrases across punctuation', () => {
    expect(extractTerms('Great session. Customer love!').phrases).toEqual(['great session', 'customer love']);
  });

  it('knows stopwords of Spanish, French and German too', () => {
    expect(extractTerms('el servicio de atención').words).toEqual(['servicio', 'atención']);
    expect(extractTerms('le service client est dans la ville').words).toEqual(['service', 'client', 'ville']);
    expect(extractTerms('der Kundenservice und die Stadt').words).toEqual(['kundenservice', 'stadt']);
  });

  it('recognizes a bare link', () => {
    expect(hasOwnWords('https://example.com/a')).toBe(false);
    expect(hasOwnWords('https://example.com/a via @bob #cx')).toBe(false);
    expect(hasOwnWords('Worth reading https://example.com/a')).toBe(true);
  });

  it('takes the domain of a link', () => {
    expect(domainOf('https://www.Example.com/path?q=1')).toBe('example.com');
    expect(domainOf('www.blog.example.org/post')).toBe('blog.example.org');
    expect(domainOf('not a url')).toBeNull();
  });
});
