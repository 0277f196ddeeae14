import { describe, expect, it } from 'vitest';
import { tweetFromSpec, type TweetSpec } from '../../src/classify/rule.js';
import { discoverIdentity, registrableDomain } from '../../src/config/index.js';
import type { ArchiveOwner, Tweet } from '../../src/model/tweet.js';

const OWNER: ArchiveOwner = { handles: ['alice'], accountIds: ['1'], displayName: 'Alice Martin' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2023, 0, 2, 9); // a Monday
let nextId = 0;

function t(text: string, fields: Omit<TweetSpec, 'text'> = {}): Tweet {
  return tweetFromSpec({ id: String(++nextId), createdAt: START, text, ...fields });
}

function repeat<T>(count: number, make: (i: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

/** Filler: own tweets with links to many different sites, so shares are measured against something. */
const FILLER = repeat(40, (i) =>
  t(`an interesting read https://site${i}.example/post`, { createdAt: START + i * DAY }),
);

describe('discoverIdentity', () => {
  it("takes handles from the owner, adds the config's, and reads every tweet of an async iterable", async () => {
    let read = 0;
    async function* tweets(): AsyncIterable<Tweet> {
      for (const tweet of FILLER) {
        read++;
        yield tweet;
      }
    }
    const identity = await discoverIdentity(OWNER, tweets(), { identity: { handles: ['@Alice_Work'] } });
    expect(identity.handles).toEqual(['alice', 'alice_work']);
    expect(read).toBe(FILLER.length);
  });

  describe('own domains', () => {
    it('takes the profile website, and a profile page on a shared host as a path', async () => {
      expect((await discoverIdentity({ ...OWNER, website: 'https://www.alice.example/' }, [])).ownDomains).toEqual([
        'alice.example',
      ]);
      expect((await discoverIdentity({ ...OWNER, website: 'https://github.com/alice' }, [])).ownDomains).toEqual([
        'github.com/alice',
      ]);
      expect((await discoverIdentity({ ...OWNER, website: 'https://t.co/abc' }, [])).ownDomains).toEqual([]);
    });

    it('finds a linked domain named after the owner (handle or display name)', async () => {
      const tweets = [...FILLER, ...repeat(2, (i) => t(`notes https://martin-notes.example/n${i}`))];
      expect((await discoverIdentity(OWNER, tweets)).ownDomains).toEqual(['martin-notes.example']);
    });

    it('finds a domain linked often with first-person words, but not one merely shared often', async () => {
      const own = repeat(5, (i) => t(`my new post on queues https://queues.example/p${i}`));
      const news = repeat(6, (i) => t(`breaking: markets move https://news.example/a${i}`));
      expect((await discoverIdentity(OWNER, [...FILLER, ...own, ...news])).ownDomains).toEqual(['queues.example']);
    });

    it('finds a blog linked often, and keeps its subdomain when nearly every link goes there', async () => {
      const blog = repeat(6, (i) => t(`Unit test naming ${i} https://blog.quill.example/2012/0${i}/post`));
      expect((await discoverIdentity(OWNER, [...FILLER, ...blog])).ownDomains).toEqual(['blog.quill.example']);
    });

    it('never takes shared hosts (github.com, youtube.com, t.co…) from frequency, nor links in retweets and replies', async () => {
      const shared = repeat(8, (i) =>
        t(`my video https://youtube.com/watch?v=${i} and my repo https://github.com/other/x${i}`),
      );
      const rts = repeat(8, (i) => t(`RT @bob: my post https://bob.example/p${i}`));
      const replies = repeat(8, (i) => t(`@bob my post https://bob2.example/p${i}`, { isReply: true }));
      expect((await discoverIdentity(OWNER, [...FILLER, ...shared, ...rts, ...replies])).ownDomains).toEqual([]);
    });
  });

  describe('employer', () => {
    it('reads an account named in the bio after a role or "at"', async () => {
      const identity = await discoverIdentity({ ...OWNER, bio: 'Developer Advocate @acmehq. Views my own.' }, [
        ...FILLER,
        ...repeat(3, (i) => t(`launch day https://acme.example/changelog/${i}`)),
      ]);
      expect(identity.employer).toEqual({ names: ['Acme'], handles: ['acmehq'], domains: ['acme.example'] });
    });

    it('reads a company named in the bio when the tweets agree, and not otherwise', async () => {
      const tweets = [...FILLER, ...repeat(2, (i) => t(`new release https://nimbus-cloud.example/r${i}`))];
      expect(
        (await discoverIdentity({ ...OWNER, bio: 'Data engineer at Nimbus Cloud. Runner.' }, tweets)).employer,
      ).toEqual({
        names: ['Nimbus Cloud'],
        handles: [],
        domains: ['nimbus-cloud.example'],
      });
      expect(
        (await discoverIdentity({ ...OWNER, bio: 'Data engineer at Nimbus Cloud. Runner.' }, FILLER)).employer.names,
      ).toEqual([]);
      expect((await discoverIdentity({ ...OWNER, bio: 'Happiest at Home' }, FILLER)).employer.names).toEqual([]);
    });

    it('ignores former employers and people in the bio', async () => {
      expect((await discoverIdentity({ ...OWNER, bio: 'Ex-@oldcorp. Dad. Loves @spouse.' }, [])).employer).toEqual({
        names: [],
        handles: [],
        domains: [],
      });
    });

    it('pairs an account the owner keeps passing on with a domain of the same name the owner keeps linking', async () => {
      const tweets = [
        ...FILLER,
        ...repeat(6, (i) => t(`Proud of the team @tinyco ${i}`)),
        ...repeat(3, (i) => t(`RT @tinyco: release ${i} is out`)),
        ...repeat(4, (i) => t(`our docs https://docs.tiny.example/page${i}`)),
      ];
      expect((await discoverIdentity(OWNER, tweets)).employer).toEqual({
        names: ['Tiny'],
        handles: ['tinyco'],
        domains: ['tiny.example'],
      });
    });

    it('does not take a club or a magazine the owner keeps passing on for an employer: the owner never speaks for it', async () => {
      const tweets = [
        ...FILLER,
        ...repeat(6, (i) => t(`What a match by @bigclub ${i}`)),
        ...repeat(3, (i) => t(`RT @bigclub: final score ${i}`)),
        ...repeat(4, (i) => t(`Great goal https://bigclub.example/news${i}`)),
      ];
      expect((await discoverIdentity(OWNER, tweets)).employer.handles).toEqual([]);
    });

    it('does not take a friend mentioned often, without a domain of that name, for an employer', async () => {
      const tweets = [
        ...FILLER,
        ...repeat(12, (i) => t(`lunch with @carla ${i}`)),
        ...repeat(3, (i) => t(`RT @carla: hello ${i}`)),
      ];
      expect((await discoverIdentity(OWNER, tweets)).employer.handles).toEqual([]);
    });
  });

  describe('event hashtags', () => {
    const burst = (tag: string, day: number, count: number, text = 'great talk on testing'): Tweet[] =>
      repeat(count, (i) => t(`${text} #${tag}`, { createdAt: START + day * DAY + i * 2 * HOUR }));

    it('finds a hashtag used in a burst of a few days, with event words', async () => {
      expect((await discoverIdentity(OWNER, [...FILLER, ...burst('bigtestconf', 10, 8)])).eventHashtags).toEqual([
        'bigtestconf',
      ]);
    });

    it('finds a yearly burst even without event words', async () => {
      const tweets = [...burst('meetx', 10, 4, 'hello'), ...burst('meetx', 380, 4, 'hello again')];
      expect((await discoverIdentity(OWNER, tweets)).eventHashtags).toEqual(['meetx']);
    });

    it('finds a name with a two-digit year tweeted in one dense burst and never again, without event words', async () => {
      const camp = repeat(12, (i) => t(`so many ideas today #wikicamp09`, { createdAt: START + 40 * DAY + i * HOUR }));
      // The same name with a year, but a topic of months, or a burst of a few tweets only: not an event.
      const topic = repeat(12, (i) => t(`stay safe #flu09`, { createdAt: START + i * 9 * DAY }));
      const small = burst('meet09', 60, 4, 'hello');
      const identity = await discoverIdentity(OWNER, [...FILLER, ...camp, ...topic, ...small]);
      expect(identity.eventHashtags).toEqual(['wikicamp09']);
    });

    it("leaves out daily habits, news bursts without event words, and the employer's name", async () => {
      const daily = repeat(30, (i) => t(`day ${i} of learning #dailycode`, { createdAt: START + i * DAY }));
      const news = burst('phonelaunch', 20, 6, 'the new phone is out, prices inside');
      const company = [
        ...repeat(6, (i) => t(`Proud of the team @tinyco ${i}`)),
        ...repeat(3, (i) => t(`RT @tinyco: release ${i}`)),
        ...repeat(4, (i) => t(`our docs https://tinyco.example/p${i}`)),
        ...burst('tinyco', 30, 6),
      ];
      const identity = await discoverIdentity(OWNER, [...FILLER, ...daily, ...news, ...company]);
      expect(identity.employer.handles).toEqual(['tinyco']);
      expect(identity.eventHashtags).toEqual([]);
    });
  });

  describe('chat hashtags', () => {
    it('finds a hashtag used in sessions at the same weekday and hour, week after week', async () => {
      const sessions = repeat(4, (week) =>
        repeat(5, (i) =>
          t(`A${i + 1}: listen first #carechat`, { createdAt: START + week * 7 * DAY + 10 * HOUR + i * 5 * 60_000 }),
        ),
      ).flat();
      const identity = await discoverIdentity(OWNER, [...FILLER, ...sessions]);
      expect(identity.chatHashtags).toEqual(['carechat']);
      expect(identity.eventHashtags).toEqual([]);
    });

    it('does not take sessions at random times for a chat', async () => {
      const sessions = repeat(4, (week) =>
        repeat(3, (i) =>
          t(`thoughts #musings`, { createdAt: START + week * 9 * DAY + week * 5 * HOUR + i * 10 * 60_000 }),
        ),
      ).flat();
      expect((await discoverIdentity(OWNER, sessions)).chatHashtags).toEqual([]);
    });
  });

  it("adds the config's lists to what it discovers, minus what they exclude; the config's employer replaces the guess", async () => {
    const burst = (tag: string, day: number): Tweet[] =>
      repeat(6, (i) => t(`great talk on testing #${tag}`, { createdAt: START + day * DAY + i * 20 * 60_000 }));
    const tweets = [
      ...FILLER,
      ...repeat(2, (i) => t(`notes https://martin-notes.example/n${i}`)),
      ...burst('newconf', 40),
      ...burst('otherconf', 80),
    ];
    const found = await discoverIdentity(OWNER, tweets);
    expect(found.ownDomains).toContain('martin-notes.example');
    expect(found.eventHashtags).toEqual(expect.arrayContaining(['newconf', 'otherconf']));

    const identity = await discoverIdentity(OWNER, tweets, {
      identity: {
        ownDomains: ['https://www.Mine.example/'],
        employer: { names: ['Acme'] },
        eventHashtags: ['#DevConf'],
        exclude: { eventHashtags: ['#OtherConf'] },
      },
    });
    // A config written last month names last month's event; this month's is still found.
    expect(identity.eventHashtags).toEqual(['devconf', 'newconf']);
    expect(identity.ownDomains).toEqual(['mine.example', ...found.ownDomains]);
    expect(identity.employer).toEqual({ names: ['Acme'], handles: [], domains: [] });
    expect(identity.chatHashtags).toEqual([]);

    const without = await discoverIdentity(OWNER, tweets, {
      identity: { exclude: { ownDomains: ['martin-notes.example'] } },
    });
    expect(without.ownDomains).not.toContain('martin-notes.example');
  });

  it('names sites by their registrable domain', () => {
    expect(registrableDomain('api.tinybird.co')).toBe('tinybird.co');
    expect(registrableDomain('blog.example.co.uk')).toBe('example.co.uk');
    expect(registrableDomain('example.com')).toBe('example.com');
  });
});
