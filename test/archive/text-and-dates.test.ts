import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArchiveDate } from '../../src/archive/dates.js';
import { RAILS_TIME_ZONES, ianaTimeZone } from '../../src/archive/rails-time-zones.js';
import {
  decodeEntities,
  expandLinks,
  hashtagsFromText,
  isMediaUrl,
  isStatusUrl,
  mentionsFromText,
  retweetedScreenName,
  sourceName,
  withWrittenLinks,
  writtenLinks,
} from '../../src/archive/text.js';
import { isValidTimeZone } from '../../src/time/zone.js';

describe('decodeEntities', () => {
  it('decodes the entities X leaves in text, once', () => {
    expect(decodeEntities('a &amp; b &lt;3 &gt; &quot;q&quot; it&#39;s &#x27;x&#x27; &#128578;')).toBe(
      `a & b <3 > "q" it's 'x' 🙂`,
    );
    // Someone who typed "&lt;" sees "&lt;": X stored "&amp;lt;".
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
  });

  it('decodes the HTML names old share buttons left unescaped, as X.com shows them', () => {
    expect(decodeEntities('Read this &raquo; I &hearts; it, caf&eacute;')).toBe('Read this » I ♥ it, café');
  });

  it('leaves unknown names and a bare "&" as written; a reference to no character is U+FFFD, as in a browser', () => {
    expect(decodeEntities('&nope; &#xD800; &#0; & alone &amp')).toBe('&nope; \ufffd \ufffd & alone &amp');
  });
});

describe('writtenLinks (links typed out before t.co)', () => {
  it('finds complete links in text order, each once, without the punctuation after them', () => {
    expect(
      writtenLinks(
        'New post: http://short.example/ab12cd. See also (https://example.org/a?b=1), http://short.example/ab12cd!',
      ),
    ).toEqual(['http://short.example/ab12cd', 'https://example.org/a?b=1']);
    expect(writtenLinks('my photos http://photos.example.net/people/12345@N07/sets/987654/')).toEqual([
      'http://photos.example.net/people/12345@N07/sets/987654/',
    ]);
  });

  it('ends a link at CJK and full-width punctuation, and reads the scheme in any case', () => {
    expect(writtenLinks('見て http://example.com/a。すごい（http://example.org/b）')).toEqual([
      'http://example.com/a',
      'http://example.org/b',
    ]);
    expect(writtenLinks('OLD LINK: HTTP://EXAMPLE.COM/X')).toEqual(['HTTP://EXAMPLE.COM/X']);
  });

  it('keeps a closing parenthesis that the link opened', () => {
    expect(writtenLinks('read https://en.wikipedia.org/wiki/Go_(game).')).toEqual([
      'https://en.wikipedia.org/wiki/Go_(game)',
    ]);
    expect(writtenLinks('(see https://en.wikipedia.org/wiki/Go_(game))')).toEqual([
      'https://en.wikipedia.org/wiki/Go_(game)',
    ]);
  });

  it('leaves out t.co links, links cut short by a retweet, and hosts without a dot', () => {
    expect(writtenLinks('RT @a: great post https://t.co/AbC123 and http://t.co ...')).toEqual([]);
    expect(writtenLinks('RT @a: read this http://t ...')).toEqual([]);
    expect(writtenLinks('RT @a: read this https://t…')).toEqual([]);
    expect(writtenLinks('RT @a: read this http://example.com/long-artic...')).toEqual([]);
    expect(writtenLinks('RT @a: read this http://short.example/Xy12  ...')).toEqual([]);
    expect(writtenLinks('no link here, just https:// and http://localhost/x')).toEqual([]);
  });
});

describe('withWrittenLinks', () => {
  it('adds the missing links where they stand in the text', () => {
    const text = 'a http://one.example/ b https://two.example/x c http://three.example/';
    expect(withWrittenLinks(['https://two.example/x'], text, text)).toEqual([
      'http://one.example/',
      'https://two.example/x',
      'http://three.example/',
    ]);
  });

  it('returns the same list when nothing is missing', () => {
    const urls = ['https://two.example/x'];
    expect(withWrittenLinks(urls, 'see https://two.example/x', 'see https://two.example/x')).toBe(urls);
  });

  it('leaves out links an entity already names and links to attached media', () => {
    const text = 'x http://example.com/a http://pic.example/1 http://twitter.com/bob/status/1234/photo/1';
    const links = {
      expanded: new Map([['http://example.com/a', 'http://example.com/a']]),
      media: new Set(['http://pic.example/1']),
    };
    expect(withWrittenLinks([], text, text, links)).toEqual([]);
  });
});

describe('expandLinks', () => {
  const links = {
    expanded: new Map([['https://t.co/abc', 'https://example.org/page']]),
    media: new Set(['https://t.co/pic']),
  };

  it('expands known links and drops media links with the space before them', () => {
    expect(expandLinks('see https://t.co/abc https://t.co/pic', links)).toBe('see https://example.org/page');
    expect(expandLinks('a https://t.co/pic b', links)).toBe('a b');
  });

  it('keeps links it cannot expand, and does not confuse longer codes', () => {
    expect(expandLinks('https://t.co/abcd and http://t.co/C ...', links)).toBe(
      'https://t.co/abcd and http://t.co/C ...',
    );
  });
});

describe('mentions and hashtags from text (legacy formats)', () => {
  it('finds mentions, lowercased, once, in order, not in e-mail addresses or URLs', () => {
    expect(
      mentionsFromText('@Alice and @bob, mail me at x@example.org, see https://flickr.com/p/123@N07/ @ALICE'),
    ).toEqual(['alice', 'bob']);
    expect(mentionsFromText('“@JpEncausse: quoted')).toEqual(['jpencausse']);
  });

  it('finds hashtags with a letter in them, not numbers or anchors', () => {
    expect(hashtagsFromText("I'm #3 on #dzone with #Java8, see http://x.org/#anchor and #2016 &#39;")).toEqual([
      'dzone',
      'Java8',
    ]);
    expect(hashtagsFromText('#café #日本')).toEqual(['café', '日本']);
  });
});

describe('tweet and media links', () => {
  it('tells links to tweets from links to media', () => {
    expect(isStatusUrl('https://twitter.com/dave/status/1670000000000000000')).toBe(true);
    expect(isStatusUrl('https://x.com/dave/status/1670000000000000000?s=20')).toBe(true);
    expect(isStatusUrl('https://mobile.twitter.com/i/web/status/1670000000000000000')).toBe(true);
    expect(isStatusUrl('https://twitter.com/dave/status/1670000000000000000/photo/1')).toBe(false);
    expect(isStatusUrl('https://twitter.com/dave')).toBe(false);
    expect(isStatusUrl('https://example.org/twitter.com/a/status/1')).toBe(false);
    expect(isMediaUrl('http://twitter.com/dgageot/status/307233814298640384/photo/1')).toBe(true);
    expect(isMediaUrl('https://twitter.com/a/status/1/video/1')).toBe(true);
    expect(isMediaUrl('https://twitter.com/a/status/1')).toBe(false);
  });

  it('reads the retweeted name and the client name', () => {
    expect(retweetedScreenName('RT @Golo_Lang: hello')).toBe('golo_lang');
    expect(retweetedScreenName('not RT @x: at the start')).toBeUndefined();
    expect(sourceName('<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>')).toBe(
      'Twitter for iPhone',
    );
    expect(sourceName('web')).toBe('web');
    expect(sourceName('<a href="x">Tom &amp; Jerry</a>')).toBe('Tom & Jerry');
    expect(sourceName(undefined)).toBeUndefined();
  });
});

describe('parseArchiveDate', () => {
  it('reads the three formats of X archives to UTC milliseconds', () => {
    expect(parseArchiveDate('Sat Nov 09 12:14:18 +0000 2024')).toBe(Date.UTC(2024, 10, 9, 12, 14, 18));
    expect(parseArchiveDate('2013-03-11 21:32:36 +0000')).toBe(Date.UTC(2013, 2, 11, 21, 32, 36));
    expect(parseArchiveDate('2023-10-13T14:58:50.123Z')).toBe(Date.UTC(2023, 9, 13, 14, 58, 50, 123));
    expect(parseArchiveDate('2016-01-01 00:30:00 +0100')).toBe(Date.UTC(2015, 11, 31, 23, 30, 0));
    expect(parseArchiveDate('Mon Jan 01 05:00:00 -0530 2018')).toBe(Date.UTC(2018, 0, 1, 10, 30, 0));
  });

  it('rejects what is not a valid date, never giving NaN', () => {
    for (const bad of [
      'Thu Feb 30 10:00:00 +0000 2023',
      'Sat Foo 09 12:14:18 +0000 2024',
      '2013-13-11 21:32:36 +0000',
      '2013-03-11 25:32:36 +0000',
      '1999-03-11 21:32:36 +0000',
      '',
      'yesterday',
      12345,
      null,
      undefined,
    ]) {
      expect(parseArchiveDate(bad), String(bad)).toBeUndefined();
    }
  });
});

/**
 * What the positional parser of "Sat Nov 09 12:14:18 +0000 2024" must agree with: the fields read
 * by a regex, checked and converted by Date.UTC, as the general path does. The weekday is not
 * checked by either.
 */
function referenceUtcDate(s: string): number | undefined | 'other' {
  const m = /^.{3} (.{3}) (\d\d) (\d\d):(\d\d):(\d\d) \+0000 (\d{4})$/s.exec(s);
  if (!m) return 'other';
  const month0 = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(m[1]!);
  const [day, hour, minute, second, year] = m.slice(2).map(Number) as [number, number, number, number, number];
  if (month0 < 0 || day < 1 || hour > 23 || minute > 59 || second > 60) return undefined;
  const t = Date.UTC(year, month0, day, hour, minute, Math.min(second, 59));
  if (new Date(t).getUTCDate() !== day) return undefined;
  return t >= Date.UTC(2006, 2, 1) && t < Date.UTC(2100, 0, 1) ? t : undefined;
}

describe('parseArchiveDate, positional fast path', () => {
  const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
  const dateArb = fc
    .record({
      weekday: fc.constantFrom('Sat', 'Mon', 'xyz', '123', 'Sé'),
      month: fc.constantFrom(
        'Jan',
        'Feb',
        'Mar',
        'Apr',
        'May',
        'Jun',
        'Jul',
        'Aug',
        'Sep',
        'Oct',
        'Nov',
        'Dec',
        'Foo',
        'nov',
        'Ñov',
      ),
      day: fc.oneof(two(31), two(99)),
      hour: fc.oneof(two(23), two(99)),
      minute: fc.oneof(two(59), two(99)),
      second: fc.oneof(two(60), two(99)),
      year: fc
        .oneof(fc.integer({ min: 2004, max: 2102 }), fc.integer({ min: 0, max: 9999 }))
        .map((y) => String(y).padStart(4, '0')),
    })
    .map(
      ({ weekday, month, day, hour, minute, second, year }) =>
        `${weekday.padEnd(3).slice(0, 3)} ${month} ${day} ${hour}:${minute}:${second} +0000 ${year}`,
    );

  it('agrees with Date.UTC on every field, leap days and month ends included', () => {
    fc.assert(
      fc.property(dateArb, (s) => {
        const expected = referenceUtcDate(s);
        if (expected !== 'other') expect(parseArchiveDate(s), s).toBe(expected);
      }),
      { numRuns: 5000 },
    );
    for (const s of [
      'Thu Feb 29 10:00:00 +0000 2024',
      'Thu Feb 29 10:00:00 +0000 2023',
      'Thu Feb 29 10:00:00 +0000 2100',
      'Sat Dec 31 23:59:60 +0000 2099',
      'Sun Jan 01 00:00:00 +0000 2006',
    ]) {
      expect(parseArchiveDate(s), s).toBe(referenceUtcDate(s));
    }
  });
});

describe('Rails time zone names', () => {
  it('maps every ActiveSupport name to an IANA zone this Node knows', () => {
    const names = Object.keys(RAILS_TIME_ZONES);
    expect(names.length).toBeGreaterThanOrEqual(150);
    for (const [rails, iana] of Object.entries(RAILS_TIME_ZONES)) {
      expect(isValidTimeZone(iana), `${rails} → ${iana}`).toBe(true);
    }
  });

  it('maps the names X uses, passes IANA names through, and refuses the rest', () => {
    expect(ianaTimeZone('Madrid')).toBe('Europe/Madrid');
    expect(ianaTimeZone('Pacific Time (US & Canada)')).toBe('America/Los_Angeles');
    expect(ianaTimeZone('Eastern Time (US & Canada)')).toBe('America/New_York');
    expect(ianaTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(ianaTimeZone('Atlantis')).toBeUndefined();
    expect(ianaTimeZone('constructor')).toBeUndefined();
    expect(ianaTimeZone('__proto__')).toBeUndefined();
  });
});
