import { describe, expect, it } from 'vitest';
import { normalizeXTweet, unwrapTweet, type XTweetOptions } from '../../src/archive/x-tweet.js';

const owner: XTweetOptions['owner'] = { accountIds: new Set(['42']), handles: new Set(['me']) };
const modern: XTweetOptions = { owner };
const legacy: XTweetOptions = { owner, legacy: true };
const DATE = 'Fri May 10 09:00:00 +0000 2024';

describe('normalizeXTweet', () => {
  it('skips tweets without a trustworthy id or a valid date', () => {
    expect(normalizeXTweet({ created_at: DATE, full_text: 'x' }, modern)).toBeUndefined();
    expect(normalizeXTweet({ id: 1790000000000000101, created_at: DATE }, modern)).toBeUndefined();
    expect(normalizeXTweet({ id: 12345, created_at: DATE }, modern)?.id).toBe('12345');
    expect(normalizeXTweet({ id_str: '1', created_at: 'soon' }, modern)).toBeUndefined();
  });

  it('takes links typed out in full as links when the tweet has no url entity (before t.co, 2011)', () => {
    for (const options of [modern, legacy]) {
      const t = normalizeXTweet(
        {
          id_str: '1',
          created_at: DATE,
          full_text: 'Wrote up my install woes: http://short.example/ab12cd',
          entities: { urls: [] },
        },
        options,
      )!;
      expect(t.urls).toEqual(['http://short.example/ab12cd']);
    }
    // An old entity whose url is the written link itself, without expansion: listed once.
    const t = normalizeXTweet(
      {
        id_str: '2',
        created_at: DATE,
        full_text: 'see http://example.com/a and https://t.co/b',
        entities: {
          urls: [
            { url: 'http://example.com/a', indices: ['4', '24'] },
            { url: 'https://t.co/b', expanded_url: 'https://example.org/b', indices: ['29', '43'] },
          ],
        },
      },
      modern,
    )!;
    expect(t.urls).toEqual(['http://example.com/a', 'https://example.org/b']);
    // A Grailbird photo typed out as a link to it: media, not a link.
    const photo = 'http://twitter.com/bob/status/1234/photo/1';
    const p = normalizeXTweet(
      {
        id_str: '3',
        created_at: DATE,
        text: `nice ${photo}`,
        entities: { urls: [{ url: photo, expanded_url: photo, indices: [5, 48] }] },
      },
      legacy,
    )!;
    expect([p.urls, p.mediaCount]).toEqual([[], 1]);
  });

  it('orders entity mentions by position and lowercases them', () => {
    const t = normalizeXTweet(
      {
        id_str: '1',
        created_at: DATE,
        full_text: '@Zed and @amy and @ZED',
        entities: {
          user_mentions: [
            { screen_name: 'amy', indices: ['9', '13'] },
            { screen_name: 'Zed', indices: ['0', '4'] },
            { screen_name: 'ZED', indices: ['18', '22'] },
          ],
        },
      },
      modern,
    )!;
    expect(t.mentions).toEqual(['zed', 'amy']);
  });

  it('counts every attached photo from extended_entities', () => {
    const photo = { url: 'https://t.co/p', expanded_url: 'https://twitter.com/me/status/1/photo/1' };
    const t = normalizeXTweet(
      {
        id_str: '1',
        created_at: DATE,
        full_text: 'pics https://t.co/p',
        entities: { media: [photo] },
        extended_entities: { media: [photo, photo, photo] },
      },
      modern,
    )!;
    expect(t).toMatchObject({ text: 'pics', mediaCount: 3, urls: [] });
  });

  it('tells quotes, but not for retweets', () => {
    const quote = { url: 'https://t.co/q', expanded_url: 'https://x.com/bob/status/99' };
    expect(
      normalizeXTweet(
        { id_str: '1', created_at: DATE, full_text: 'yes https://t.co/q', entities: { urls: [quote] } },
        modern,
      )!.isQuote,
    ).toBe(true);
    expect(
      normalizeXTweet({ id_str: '1', created_at: DATE, full_text: 'yes', quoted_status_id_str: '99' }, modern)!.isQuote,
    ).toBe(true);
    const rt = normalizeXTweet(
      { id_str: '1', created_at: DATE, full_text: 'RT @bob: yes https://t.co/q', entities: { urls: [quote] } },
      modern,
    )!;
    expect(rt).toMatchObject({ isRetweet: true, retweetOf: 'bob', isQuote: false });
  });

  it('recognises self-replies by account id or by screen name', () => {
    const byId = normalizeXTweet(
      { id_str: '2', created_at: DATE, in_reply_to_status_id_str: '1', in_reply_to_user_id_str: '42' },
      modern,
    )!;
    const byName = normalizeXTweet(
      { id_str: '2', created_at: DATE, in_reply_to_status_id: '1', in_reply_to_screen_name: 'Me' },
      modern,
    )!;
    const other = normalizeXTweet(
      { id_str: '2', created_at: DATE, in_reply_to_status_id: '1', in_reply_to_user_id: '7' },
      modern,
    )!;
    const notReply = normalizeXTweet({ id_str: '2', created_at: DATE, in_reply_to_user_id: '42' }, modern)!;
    expect([byId.isSelfReply, byName.isSelfReply, other.isSelfReply, other.isReply, notReply.isReply]).toEqual([
      true,
      true,
      false,
      true,
      false,
    ]);
  });

  it('reads a Grailbird reply whose only id is an imprecise number', () => {
    const t = normalizeXTweet(
      {
        id_str: '2',
        created_at: '2016-03-22 08:16:00 +0000',
        text: 'hi',
        in_reply_to_status_id: 712000000000000001,
        in_reply_to_user_id: 42,
      },
      legacy,
    )!;
    expect(t).toMatchObject({ isReply: true, isSelfReply: true, inReplyToUserId: '42' });
    expect(t.inReplyToStatusId).toBeUndefined();
  });

  it('treats a Grailbird link to a retweeted photo as attached media', () => {
    const t = normalizeXTweet(
      {
        id_str: '3',
        created_at: DATE,
        text: 'RT @bob: look http://t.co/ph',
        entities: {
          urls: [{ url: 'http://t.co/ph', expanded_url: 'http://twitter.com/bob/status/9/photo/1', indices: [14, 28] }],
          media: [],
        },
        retweeted_status: { user: { screen_name: 'Bob' } },
      },
      legacy,
    )!;
    expect(t).toMatchObject({
      text: 'RT @bob: look',
      mediaCount: 1,
      urls: [],
      isRetweet: true,
      retweetOf: 'bob',
      mentions: ['bob'],
    });
  });

  it('unwraps {"tweet": …} items and bare ones, and refuses other objects', () => {
    expect(unwrapTweet({ tweet: { id_str: '1' } })).toEqual({ id_str: '1' });
    expect(unwrapTweet({ id_str: '1', full_text: '' })).toEqual({ id_str: '1', full_text: '' });
    expect(unwrapTweet({ account: { username: 'x' } })).toBeUndefined();
    expect(unwrapTweet([1])).toBeUndefined();
  });
});
