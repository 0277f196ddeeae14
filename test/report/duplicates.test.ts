import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DuplicateFinder } from '../../src/report/duplicates.js';
import { domainOf, extractTerms, hasOwnWords, normalizeForDuplicates } from '../../src/report/text.js';

function find(texts: string[]) {
  const finder = new DuplicateFinder();
  texts.forEach((text, i) => finder.add(String(i + 1), i * 1000, text));
  const found = finder.finish();
  return { exact: found.exact.map((m) => m.id), near: found.near.map((m) => m.id), groups: found.groups };
}

// A slow reference: every pair, shingles as strings.
function reference(texts: string[]) {
  const members = new Map<string, string[]>();
  texts.forEach((text, i) => {
    const normalized = normalizeForDuplicates(text);
    if (normalized.split(' ').length < 3) return;
    members.set(normalized, [...(members.get(normalized) ?? []), String(i + 1)]);
  });
  const distinct = [...members.keys()];
  const shingles = distinct.map(
    (text) => new Set(Array.from({ length: Math.max(1, text.length - 4) }, (_, i) => text.slice(i, i + 5))),
  );
  const parent = distinct.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : root(parent[i] as number));
  for (let i = 0; i < distinct.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = shingles[i] as Set<string>;
      const b = shingles[j] as Set<string>;
      const shared = [...a].filter((s) => b.has(s)).length;
      if (shared / (a.size + b.size - shared) >= 0.7) parent[root(i)] = root(j);
    }
  }
  const size = new Map<number, { texts: number; tweets: number }>();
  distinct.forEach((text, i) => {
    const s = size.get(root(i)) ?? { texts: 0, tweets: 0 };
    size.set(root(i), { texts: s.texts + 1, tweets: s.tweets + (members.get(text) as string[]).length });
  });
  const byId = (a: string, b: string) => Number(a) - Number(b);
  return {
    exact: distinct
      .flatMap((text) => ((members.get(text) as string[]).length >= 2 ? (members.get(text) as string[]) : []))
      .sort(byId),
    near: distinct
      .flatMap((text, i) =>
        (members.get(text) as string[]).length === 1 && (size.get(root(i)) as { texts: number }).texts >= 2
          ? (members.get(text) as string[])
          : [],
      )
      .sort(byId),
    groups: [...size.values()].filter((s) => s.tweets >= 2).length,
  };
}

describe('normalizeForDuplicates', () => {
  it('ignores handles, links, case, "#" and punctuation', () => {
    expect(normalizeForDuplicates('@ann Thanks for the RT!! https://t.co/x #CX')).toBe('thanks for the rt cx');
    expect(normalizeForDuplicates('RT @guru: Great post')).toBe('great post');
  });
});

describe('DuplicateFinder', () => {
  it('groups exact repeats after normalization', () => {
    expect(find(['@a thanks for the RT!', '@b Thanks for the RT', 'something else entirely here'])).toEqual({
      exact: ['1', '2'],
      near: [],
      groups: 1,
    });
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
    expect(find(['@a thanks!', '@b thanks!', '@c congrats!', '@d congrats!'])).toEqual({
      exact: [],
      near: [],
      groups: 0,
    });
  });

  it('does not depend on insertion order', () => {
    const texts = [
      'alpha beta gamma delta',
      'alpha beta gamma delta!',
      'alpha beta gamma deltas',
      'one two three four five',
    ];
    const forward = find(texts);
    const finder = new DuplicateFinder();
    [...texts.keys()].reverse().forEach((i) => finder.add(String(i + 1), i * 1000, texts[i] as string));
    const backward = finder.finish();
    expect(backward.exact.map((m) => m.id)).toEqual(forward.exact);
    expect(backward.near.map((m) => m.id)).toEqual(forward.near);
  });

  it('joins exactly the pairs whose shingle sets reach 0.7 Jaccard similarity, and what they chain to', () => {
    // Variants of a few pitches, one or two words changed: many pairs land on either side of 0.7.
    const word = fc.constantFrom(
      'join',
      'my',
      'webinar',
      'on',
      'the',
      'service',
      'today',
      'at',
      '2pm',
      '3pm',
      'now',
      'sign',
      'up',
      'a',
      'new',
    );
    const pitch = fc.array(word, { minLength: 3, maxLength: 12 });
    const edit = fc.tuple(fc.nat(), fc.option(word, { nil: undefined }));
    const variants = fc
      .tuple(pitch, fc.array(fc.array(edit, { maxLength: 2 }), { minLength: 1, maxLength: 12 }))
      .map(([words, edits]) =>
        edits.map((changes) => {
          const changed = [...words];
          for (const [at, replacement] of changes)
            changed.splice(
              at % (changed.length + 1),
              replacement === undefined ? 1 : 0,
              ...(replacement === undefined ? [] : [replacement]),
            );
          return changed.join(' ');
        }),
      );
    fc.assert(
      fc.property(fc.array(variants, { minLength: 1, maxLength: 4 }), (groups) => {
        const texts = groups.flat();
        expect(find(texts)).toEqual(reference(texts));
      }),
      { numRuns: 300 },
    );
  });

  it('matches the all-pairs reference on many variants of a few templates, where candidates abound', () => {
    // A bot's pitches: one template, its slots filled from a small vocabulary, and characters
    // dropped or doubled, so most texts share most of their rarest shingles and many pairs sit
    // near 0.7 on either side, and chains join texts that are not similar themselves.
    const slot = fc.constantFrom(
      'webinar',
      'meetup',
      'ai',
      'cloud',
      'devops',
      'tuesday',
      'friday',
      'berlin',
      'paris',
      'free',
      'live',
      '50%',
      'today',
    );
    const template = fc.constantFrom(
      'join our {} on {} at {} with {}',
      'new post {} and {} for {} teams',
      '{} {} {} sale ends {}',
      'we are hiring {} engineers in {} and {}',
    );
    const text = fc
      .tuple(
        template,
        fc.array(slot, { minLength: 4, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 3 }),
      )
      .map(([form, slots, edits]) => {
        let filled: string = form;
        for (const value of slots) filled = filled.replace('{}', value);
        for (const [at, double] of edits) {
          const i = at % filled.length;
          filled = double ? filled.slice(0, i + 1) + filled.slice(i) : filled.slice(0, i) + filled.slice(i + 1);
        }
        return filled;
      });
    fc.assert(
      fc.property(fc.array(text, { minLength: 2, maxLength: 80 }), (texts) => {
        expect(find(texts)).toEqual(reference(texts));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the first members by time when asked to keep a few, and still counts them all', () => {
    const finder = new DuplicateFinder(2);
    for (const [id, at] of [
      ['5', 50],
      ['3', 30],
      ['4', 30],
      ['1', 10],
      ['9', 90],
    ] as const)
      finder.add(id, at, 'the same pitch again');
    finder.add('7', 70, 'the same pitch again!!');
    finder.add('2', 20, 'the same pitch agai');
    const found = finder.finish();
    expect(found.exact.map((m) => m.id)).toEqual(['1', '3']);
    expect(found.exactCount).toBe(6);
    expect(found.near.map((m) => m.id)).toEqual(['2']);
    expect(found.nearCount).toBe(1);
    expect(found.groups).toBe(1);
  });
});

describe('text helpers', () => {
  it('extracts content words and adjacent phrases, skipping stopwords, links, handles and hashtags', () => {
    const terms = extractTerms('@ann Social customer service is the future of support https://x.io #CX');
    expect(terms.words).toEqual(['social', 'customer', 'service', 'future', 'support']);
    expect(terms.phrases).toEqual(['social customer', 'customer service']);
  });

  it('does not join phrases across punctuation', () => {
    expect(extractTerms('Long session. Customer love!').phrases).toEqual(['long session', 'customer love']);
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
