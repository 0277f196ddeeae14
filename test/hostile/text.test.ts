import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/archive/mastodon-html.js';
import { monthRange } from '../../src/report/format.js';

describe('Mastodon HTML of hostile posts', () => {
  it('keeps the rest of a post as text after a tag left open', () => {
    expect(htmlToText('<p>one</p><p>two <a href="x').text).toBe('one\n\ntwo <a href="x');
    const repeated = '<a href="'.repeat(20_000);
    expect(htmlToText(repeated).text).toBe(repeated);
  });

  it('gives every link of a post of thousands of links and paragraphs', () => {
    const post = htmlToText('<p><a href="https://x.example/">x</a></p>'.repeat(20_000));
    expect(post.urls).toHaveLength(20_000);
    expect(post.text).toBe(Array.from({ length: 20_000 }, () => 'https://x.example/').join('\n\n'));
  });

  it('closes a link opened inside another, as a browser does', () => {
    expect(htmlToText('<a href="http://a">one<a href="http://b">two</a></a>')).toEqual({
      text: 'http://ahttp://b',
      urls: ['http://a', 'http://b'],
      hashtags: [],
    });
  });
});

describe('monthRange', () => {
  it('counts months past year 9999 instead of comparing them as text', () => {
    expect(monthRange('9999-11', '10000-02')).toEqual(['9999-11', '9999-12', '10000-01', '10000-02']);
    expect(monthRange('2024-03', '2024-02')).toEqual([]);
  });
});
