import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EditResolver, editChain } from '../../src/archive/edits.js';
import { asArray, asId, asObject, type JsonObject } from '../../src/archive/json-guards.js';
import { NoteIndex, matchKey, parseNoteTweet } from '../../src/archive/note-tweets.js';
import type { Tweet } from '../../src/model/tweet.js';

function tweet(id: string): Tweet {
  return {
    id,
    createdAt: 0,
    text: id,
    isReply: false,
    isSelfReply: false,
    isRetweet: false,
    isQuote: false,
    mentions: [],
    hashtags: [],
    urls: [],
    mediaCount: 0,
  };
}

describe('editChain', () => {
  it('reads the ids of every version from either shape of edit_info', () => {
    expect(editChain({ id_str: '1', edit_info: { initial: { editTweetIds: ['1'] } } })).toBeUndefined();
    expect(editChain({ id_str: '1', edit_info: { initial: { editTweetIds: ['1', '2'] } } })).toEqual(['1', '2']);
    expect(
      editChain({
        id_str: '2',
        edit_info: { edit: { initialTweetId: '1', editControlInitial: { editTweetIds: ['1', '2'] } } },
      }),
    ).toEqual(['1', '2']);
    expect(editChain({ id_str: '2', edit_info: { edit: { initialTweetId: '1' } } })).toEqual(['1', '2']);
    expect(editChain({ id_str: '5' })).toBeUndefined();
    expect(editChain({ id_str: '5', edit_info: 'garbage' })).toBeUndefined();
  });

  it('gives what the general rule gives, also on its fast path for tweets never edited', () => {
    // The rule written plainly: listed ids, the initial id in front, the tweet's own id last.
    const reference = (tweet: JsonObject): string[] | undefined => {
      const info = asObject(tweet.edit_info);
      if (!info) return undefined;
      const edit = asObject(info.edit);
      const control = asObject(info.initial) ?? asObject(edit?.editControlInitial) ?? asObject(info.editControlInitial);
      const ids: string[] = [];
      for (const v of asArray(control?.editTweetIds)) {
        const id = asId(v);
        if (id !== undefined && !ids.includes(id)) ids.push(id);
      }
      const initial = asId(edit?.initialTweetId);
      if (initial !== undefined && !ids.includes(initial)) ids.unshift(initial);
      const own = asId(tweet.id_str) ?? asId(tweet.id);
      if (own !== undefined && ids.length > 0 && !ids.includes(own)) ids.push(own);
      return ids.length > 1 ? ids : undefined;
    };
    const id = fc.constantFrom('1', '2', '3', 'x', 4, undefined);
    const ids = fc.oneof(fc.array(id, { maxLength: 3 }), id);
    const control = fc.record({ editTweetIds: ids }, { requiredKeys: [] });
    const tweetArb = fc.record(
      {
        id_str: id,
        id,
        edit_info: fc.oneof(
          fc.record(
            {
              initial: control,
              edit: fc.record({ initialTweetId: id, editControlInitial: control }, { requiredKeys: [] }),
              editControlInitial: control,
            },
            { requiredKeys: [] },
          ),
          fc.constant('garbage'),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(tweetArb, (t) => {
        expect(editChain(t as JsonObject)).toEqual(reference(t as JsonObject));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('EditResolver', () => {
  it('keeps the last version present, whatever order the versions come in', () => {
    const r = new EditResolver();
    const chain = ['1', '2', '3'];
    expect(r.hold(tweet('3'), chain)).toBe(true);
    expect(r.hold(tweet('1'), chain)).toBe(true);
    expect(r.hold(tweet('9'), undefined)).toBe(false);
    expect(r.hold(tweet('2'), chain)).toBe(true);
    expect([...r.finish()].map((t) => t.id)).toEqual(['3']);
  });

  it('keeps an earlier version when the later ones are not in the archive', () => {
    const r = new EditResolver();
    r.hold(tweet('1'), ['1', '2', '3']);
    r.hold(tweet('2'), ['1', '2', '3']);
    expect([...r.finish()].map((t) => t.id)).toEqual(['2']);
  });

  it('handles chains whose lists disagree (an older version saw fewer edits)', () => {
    const r = new EditResolver();
    r.hold(tweet('1'), ['1', '2']);
    r.hold(tweet('3'), ['1', '2', '3']);
    expect([...r.finish()].map((t) => t.id)).toEqual(['3']);
  });
});

describe('note tweets', () => {
  const note = (text: string, createdAt: string, urls: unknown[] = []) =>
    parseNoteTweet({
      noteTweet: {
        noteTweetId: '99',
        createdAt,
        core: { text, urls, mentions: [{ screenName: 'Zed', fromIndex: '0' }], hashtags: [] },
      },
    })!;

  const body =
    'This is a long text that goes well beyond what fits in the visible part of a tweet, and then it goes on and on';

  it('parses a note and expands its links', () => {
    const n = note('see https://t.co/x1 now', '2024-01-01T00:00:00.000Z', [
      { shortUrl: 'https://t.co/x1', expandedUrl: 'https://example.org/', fromIndex: '4' },
    ]);
    expect(n).toMatchObject({
      createdAt: Date.UTC(2024, 0, 1),
      text: 'see https://example.org/ now',
      urls: ['https://example.org/'],
      mentions: ['zed'],
    });
    expect(parseNoteTweet({ noteTweet: { createdAt: 'bad', core: { text: 'x' } } })).toBeUndefined();
  });

  it('normalises for matching: cut marks, trailing links, reply prefix, spaces', () => {
    expect(matchKey('@a @b Hello\n\nworld… https://t.co/x https://example.org')).toEqual({
      key: 'Hello world',
      cut: true,
    });
    expect(matchKey('Hello world')).toEqual({ key: 'Hello world', cut: false });
  });

  it('matches a cut tweet by time and text, not a short tweet of the same second', () => {
    const index = new NoteIndex();
    const at = Date.UTC(2024, 4, 12, 18, 30, 4);
    index.add(note(body, new Date(at).toISOString()));
    expect(index.match(at + 1000, `@someone ${body.slice(0, 60)}…`)?.text).toBe(body);
    expect(index.match(at + 1000, 'This is')).toBeUndefined();
    expect(
      index.match(at + 1000, 'Something else entirely, long enough to be considered for a match…'),
    ).toBeUndefined();
    // Too far apart in time.
    expect(index.match(at + 60_000, `${body.slice(0, 60)}…`)).toBeUndefined();
  });

  it('prefers the longest match, then the nearest time', () => {
    const index = new NoteIndex();
    const at = Date.UTC(2024, 4, 12, 18, 30, 4);
    const other = `${body.slice(0, 50)} but then it takes another turn entirely and ends elsewhere`;
    index.add(note(other, new Date(at).toISOString()));
    index.add(note(body, new Date(at + 2000).toISOString()));
    expect(index.match(at, `${body.slice(0, 80)}…`)?.text).toBe(body);
  });
});
