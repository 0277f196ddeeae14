import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { activityToTweet, accountFromActor, accountOfUrl, statusIdOf } from '../../src/archive/mastodon-activity.js';
import { htmlToText } from '../../src/archive/mastodon-html.js';
import { OutboxScanner } from '../../src/archive/mastodon-outbox.js';
import { readTarGz } from '../../src/archive/mastodon-tar.js';
import { decodeEntities } from '../../src/archive/text.js';
import { TweetAuditError } from '../../src/errors.js';
import { basicFiles, mediaBytes, tar, tarEntry } from '../../fixtures/mastodon/archive-writers.js';

/** Scans `json` cut into the given chunks. */
function scan(json: string | Buffer, cuts: number[] = []): { items: unknown[]; scanner: OutboxScanner } {
  const bytes = Buffer.isBuffer(json) ? json : Buffer.from(json, 'utf8');
  const scanner = new OutboxScanner('outbox.json');
  const items: unknown[] = [];
  let last = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    scanner.push(bytes.subarray(last, cut), items);
    last = cut;
  }
  scanner.push(bytes.subarray(last), items);
  scanner.end();
  return { items, scanner };
}

describe('OutboxScanner', () => {
  it('finds the items of orderedItems and nothing else', () => {
    const json =
      '\uFEFF{"@context": ["x", {"orderedItems": "not this"}], "id": "outbox.json", "type": "OrderedCollection",' +
      ' "totalItems": 3, "orderedItems": [ {"a": "}], \\"quoted\\" [{"}, "a string", {"nested": [[{}]]} ], "last": null }\n';
    expect(scan(json).items).toEqual([{ a: '}], "quoted" [{' }, 'a string', { nested: [[{}]] }]);
  });

  it('gives the same items however the bytes are cut into chunks', () => {
    const { outbox } = basicFiles();
    const expected = JSON.parse(outbox.toString('utf8')).orderedItems;
    fc.assert(
      fc.property(fc.array(fc.nat({ max: outbox.length }), { maxLength: 40 }), (cuts) => {
        expect(scan(outbox, cuts).items).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('cuts inside multi-byte characters without harm', () => {
    const json = Buffer.from('{"type":"OrderedCollection","orderedItems":[{"t":"😀é"}]}', 'utf8');
    const cuts = Array.from({ length: json.length }, (_, i) => i);
    expect(scan(json, cuts).items).toEqual([{ t: '😀é' }]);
  });

  it('tells escaped quotes from closing ones after runs of backslashes, wherever the chunks end', () => {
    const items = [{ a: 'ends with a backslash \\' }, { b: 'quote \\" inside', c: '\\\\"' }, { d: '}]"' }];
    const json = Buffer.from(JSON.stringify({ type: 'OrderedCollection', orderedItems: items }), 'utf8');
    for (let cut = 0; cut <= json.length; cut++) expect(scan(json, [cut]).items).toEqual(items);
    expect(
      scan(
        json,
        Array.from({ length: json.length }, (_, i) => i),
      ).items,
    ).toEqual(items);
  });

  it('reads an empty collection', () => {
    expect(scan('{"type":"OrderedCollection","orderedItems":[]}').items).toEqual([]);
  });

  it.each([
    ['', /is empty/],
    ['   ', /is empty/],
    ['null', /is not JSON/],
    ['{"type": "OrderedCollection" "orderedItems": []}', /the "type" is not valid JSON/],
    ['{"type": "OrderedCollection", "orderedItems": [{"a": 1} {"b": 2}]}', /activity 1 is not valid JSON/],
    ['{"type": "OrderedCollection", "orderedItems": [{"a": 1}], "x" 1}', /not valid JSON near byte 62/],
    ['{"type": "OrderedCollection", "orderedItems": [{"a": }]}', /activity 1 is not valid JSON/],
    ['{"type": "OrderedCollection", "orderedItems": [{"a": 1}', /ends in the middle of its JSON after 0 activities/],
    ['{"type": "OrderedCollection", "orderedItems": {}}', /"orderedItems" is not a list/],
    ['{"type": "OrderedCollection", "orderedItems": []} x', /more data after the end/],
    ['{"type": ["OrderedCollection"], "orderedItems": []}', /its type is "\["OrderedCollection"\]"/],
  ])('refuses %j', (json, message) => {
    expect(() => scan(json)).toThrow(TweetAuditError);
    expect(() => scan(json)).toThrow(message);
  });
});

describe('htmlToText', () => {
  it('decodes entities, including numeric ones and unknown names left as written', () => {
    expect(decodeEntities('&amp;&lt;&gt;&quot;&#39;&#x1F600;&#8212;&hellip;&nosuch;&#0;')).toBe(
      '&<>"\'😀—…&nosuch;\ufffd',
    );
    // Every HTML5 name, and the references browsers map to Windows-1252; a reference needs its ";".
    expect(decodeEntities('&eacute;&Uuml;&#128;&#x93;x&#x94; &amp &lt')).toBe('éÜ€“x” &amp &lt');
  });

  it('makes paragraphs blank lines and <br> newlines', () => {
    expect(htmlToText('<p>one<br>two<br/>three</p><p>four</p>').text).toBe('one\ntwo\nthree\n\nfour');
  });

  it('puts hrefs for links, keeps "@user" and "#tag" links as shown', () => {
    const result = htmlToText(
      '<p><a href="https://h.example/@bob" class="u-url mention">@<span>bob</span></a> see ' +
        '<a href="https://example.com/a?b=1&amp;c=2" rel="nofollow"><span class="invisible">https://</span>' +
        '<span class="ellipsis">example.com/a</span></a> <a href="https://h.example/tags/Tag" class="mention hashtag" rel="tag">#<span>Tag</span></a></p>',
    );
    expect(result).toEqual({
      text: '@bob see https://example.com/a?b=1&c=2 #Tag',
      urls: ['https://example.com/a?b=1&c=2'],
      hashtags: ['Tag'],
    });
  });

  it('keeps the visible text of links that are not web links', () => {
    expect(htmlToText('<a href="mailto:a@b.example">write me</a> <a>bare</a>').text).toBe('write me bare');
  });

  it('puts list items and quotes on their own lines', () => {
    expect(htmlToText('<p>Intro</p><ul><li>one</li><li>two</li></ul><blockquote>quoted</blockquote>').text).toBe(
      'Intro\n\none\ntwo\nquoted',
    );
  });

  it('strips tags it does not know, and comments, keeping their text', () => {
    expect(htmlToText('<p><strong>bold</strong> <em title="a>b">it</em><!-- hidden --></p>').text).toBe('bold it');
  });
});

describe('Mastodon URLs and accounts', () => {
  it('reads the account and status id from status URLs', () => {
    expect(accountOfUrl('https://Other.Example/users/Bob/statuses/1')).toEqual({
      handle: 'bob@other.example',
      actorId: 'https://other.example/users/Bob',
    });
    expect(accountOfUrl('https://h.example/@bob/1')).toEqual({ handle: 'bob@h.example' });
    expect(accountOfUrl('https://h.example/@bob@remote.example/1')).toEqual({ handle: 'bob@remote.example' });
    expect(accountOfUrl('https://pleroma.example/objects/0b5e7f2c')).toBeUndefined();
    expect(accountOfUrl('not a url')).toBeUndefined();
    expect(statusIdOf('https://h.example/users/a/statuses/123/activity')).toBe('123');
    expect(statusIdOf('https://h.example/@a/456')).toBe('456');
  });

  it('leaves out direct messages and keeps followers-only posts, by addressing', () => {
    const account = accountFromActor('https://h.example/users/a');
    const create = (to: string[], cc: string[] = []) => ({
      type: 'Create',
      actor: account.id,
      published: '2024-01-01T00:00:00Z',
      to,
      cc,
      object: { id: `${account.id}/statuses/1`, type: 'Note', content: '<p>x</p>', to, cc },
    });
    const publicNote = create(['https://www.w3.org/ns/activitystreams#Public']);
    expect('tweet' in activityToTweet(publicNote, account)).toBe(true);
    expect('tweet' in activityToTweet(create(['as:Public']), account)).toBe(true);
    expect('tweet' in activityToTweet(create([account.followers]), account)).toBe(true);
    expect(activityToTweet(create(['https://o.example/users/b']), account)).toEqual({ skipped: 'direct' });
    expect(activityToTweet(create([]), account)).toEqual({ skipped: 'direct' });
    expect(activityToTweet({ type: 'Like', actor: account.id }, account)).toEqual({ skipped: 'unknown' });
    expect(activityToTweet('text', account)).toEqual({ skipped: 'unknown' });
  });

  it("takes a post's page from its url, else its id, and never a link that is not http(s)", () => {
    const account = accountFromActor('https://h.example/users/a');
    const note = (object: Record<string, unknown>) =>
      activityToTweet(
        {
          type: 'Create',
          actor: account.id,
          published: '2024-01-01T00:00:00Z',
          to: ['as:Public'],
          object: { id: `${account.id}/statuses/9`, type: 'Note', content: '<p>x</p>', ...object },
        },
        account,
      );
    const urlOf = (converted: ReturnType<typeof activityToTweet>) => ('tweet' in converted ? converted.tweet.url : '-');
    expect(urlOf(note({ url: 'https://h.example/@a/9' }))).toBe('https://h.example/@a/9');
    expect(urlOf(note({ url: [{ type: 'Link', href: 'https://h.example/@a/9' }] }))).toBe('https://h.example/@a/9');
    expect(urlOf(note({}))).toBe('https://h.example/users/a/statuses/9');
    expect(urlOf(note({ url: 'javascript:alert(1)' }))).toBe('https://h.example/users/a/statuses/9');
    expect(urlOf(note({ id: 'tag:h.example,2024:9', url: 'javascript:alert(1)' }))).toBeUndefined();
  });

  it('finds the boosted author in cc when the URL does not name it', () => {
    const account = accountFromActor('https://h.example/users/a');
    const result = activityToTweet(
      {
        type: 'Announce',
        id: `${account.id}/statuses/9/activity`,
        actor: account.id,
        published: '2024-01-01T00:00:00Z',
        to: ['https://www.w3.org/ns/activitystreams#Public'],
        cc: [account.followers, 'https://pleroma.example/users/zed'],
        object: 'https://pleroma.example/objects/0b5e7f2c',
      },
      account,
    );
    expect(result).toMatchObject({ tweet: { id: '9', isRetweet: true, retweetOf: 'zed@pleroma.example' } });
  });
});

describe('readTarGz', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tweet-audit-tar-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function entriesOf(bytes: Buffer, take: (name: string) => boolean = () => true) {
    const path = join(dir, 'a.tar.gz');
    await writeFile(path, bytes);
    const found: { name: string; size: number; data?: string }[] = [];
    for await (const entry of readTarGz(path)) {
      if (!take(entry.name)) {
        found.push({ name: entry.name, size: entry.size });
        continue;
      }
      const parts: Buffer[] = [];
      for await (const piece of entry.body()) parts.push(piece);
      found.push({ name: entry.name, size: entry.size, data: Buffer.concat(parts).toString('latin1') });
    }
    return found;
  }

  it('reads the entries it is asked for and passes over the others, across gunzip chunks', async () => {
    const big = mediaBytes(200_000);
    const files = [
      { name: './media/big.bin', data: big },
      { name: 'folder/', data: Buffer.alloc(0), type: '5' },
      { name: 'a.txt', data: Buffer.from('hello') },
      { name: 'exact.bin', data: Buffer.alloc(512, 7) },
    ];
    const found = await entriesOf(gzipSync(tar(files)), (name) => name !== 'media/big.bin');
    expect(found).toEqual([
      { name: 'media/big.bin', size: 200_000 },
      { name: 'a.txt', size: 5, data: 'hello' },
      { name: 'exact.bin', size: 512, data: '\x07'.repeat(512) },
    ]);
    const whole = await entriesOf(gzipSync(tar(files)));
    expect(whole[0]?.data).toBe(big.toString('latin1'));
  });

  it.each(['ustar', 'gnu', 'pax'] as const)('reads long names stored the %s way', async (longName) => {
    const name = `media_attachments/files/${'d/'.repeat(40)}${'n'.repeat(80)}.jpg`;
    const found = await entriesOf(gzipSync(tar([{ name, data: Buffer.from('x'), longName }])));
    expect(found).toEqual([{ name, size: 1, data: 'x' }]);
  });

  it('refuses a header with a bad checksum', async () => {
    const entry = tarEntry({ name: 'a.txt', data: Buffer.from('hi') });
    entry[0] = 0x62;
    await expect(entriesOf(gzipSync(Buffer.concat([entry, Buffer.alloc(1024)])))).rejects.toThrow(
      /bad header checksum/,
    );
  });

  it('says a tarball without its end marker, or cut inside an entry, is incomplete', async () => {
    const entry = tarEntry({ name: 'a.txt', data: Buffer.from('hi') });
    await expect(entriesOf(gzipSync(entry))).rejects.toThrow(/no end-of-archive marker/);
    await expect(entriesOf(gzipSync(entry.subarray(0, 520)))).rejects.toThrow(/ends in the middle of/);
  });

  it('says a file that is not gzip is not gzip', async () => {
    await expect(entriesOf(Buffer.from('plain text, not gzip'))).rejects.toThrow(/is not gzip data/);
  });
});
