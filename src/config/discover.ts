import { normalizeDomain } from '../classify/identity.js';
import { EVENT_HASHTAG_SHAPE, PROFILE_HOSTS, SHARED_HOSTS, SHOWCASE_HASHTAGS } from '../classify/lexicons.js';
import { fold, parseLink } from '../classify/text.js';
import type { ArchiveOwner, Tweet } from '../model/tweet.js';
import type { Identity, TweetAuditConfig } from './schema.js';

/**
 * Every threshold discovery uses, in one place. Wrong identity is worse than none (it moves
 * tweets between categories), so each heuristic asks for repeated evidence.
 */
const DISCOVERY = {
  ownDomain: {
    /** A domain whose name contains a handle or a display-name word: linked in this many own tweets. */
    namedMinTweets: 2,
    /** Otherwise: linked in this many own tweets… */
    minTweets: 4,
    /** …making at least this share of the owner's own tweets with links… */
    minShareOfLinkTweets: 0.05,
    /** …with first-person words ("my", "mi", "mon", "mein", "I wrote") in at least this share of them… */
    minFirstPersonShare: 0.25,
    /**
     * …or being a blog ("blog." host or "/blog" path) linked in this many own tweets: posting
     * one's own post titles with their link needs no "my".
     */
    blogMinTweets: 5,
    /** Handles and name words shorter than this are too common to find in a domain name. */
    minNameLength: 4,
    /** At most this many discovered own domains, most linked first. */
    max: 5,
  },
  employer: {
    /** An account mentioned (not as the addressee of a reply), retweeted or quoted this often… */
    minHandleUses: 8,
    /** …of which at least this many retweets or quotes (employees pass on their company's news)… */
    minRetweetsOrQuotes: 2,
    /** …whose name matches a domain linked in at least this many own tweets. */
    minDomainTweets: 4,
    /** Handle and domain names must share at least this many characters to match. */
    minNameLength: 4,
    /** A company named in the bio ("at Acme") counts when its account or domain comes up this often. */
    minBioCorroboration: 2,
    /** Without the bio: the owner's own tweets linking the domain speak for a team ("we", "our") at least this often. */
    minWeShare: 0.1,
  },
  event: {
    /** Uses of a hashtag further apart than this start a new cluster. */
    gapHours: 36,
    /** A cluster longer than this is not an event (it is a habit, like a daily challenge). */
    maxSpanDays: 6,
    /** An event cluster has at least this many uses… */
    minClusterSize: 3,
    /** …of which at least this many within one 24 hours (daily habits stay below). */
    minPerDay: 3,
    /** At least this share of all uses of the hashtag fall in event clusters. */
    minShareInBursts: 0.6,
    /** Besides the burst, evidence it is an event: this share of burst tweets use event words… */
    minEvidenceShare: 0.2,
    /** …or the bursts recur at least this many days apart (a yearly conference)… */
    recurrenceDays: 200,
    /** …or the hashtag has the shape of an event name (EVENT_HASHTAG_SHAPE)… */
    /** …or a name with a two-digit year used in one burst only (this share of its uses), by the owner this often. */
    oneShotShare: 0.9,
    oneShotMinOwn: 10,
  },
  chat: {
    /** A chat session: at least this many uses of the hashtag within SESSION_HOURS. */
    sessionMinUses: 2,
    sessionHours: 2,
    /** Sessions in at least this many distinct weeks… */
    minWeeks: 3,
    /** …with at least this share of them (and at least minWeeks) on the same weekday, starting within one hour of each other. */
    minShareSameSlot: 0.6,
  },
} as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const SHARED = new Set(SHARED_HOSTS);
const SHOWCASE = new Set(SHOWCASE_HASHTAGS);
const TWITTER_STATUS = /^(?:mobile\.)?(?:twitter|x)\.com\/(\w+)\/status/;
/** Words of someone speaking for a team or a company, in the languages with word lists. */
const WE =
  /(?:^|[^\p{L}'])(?:we|we're|we've|we'll|our|nuestro|nuestra|nuestros|nuestras|nosotros|notre|nos equipes|nous|wir|unser|unsere|unseren)(?=$|[^\p{L}'])/u;
const FIRST_PERSON =
  /(?:^|[^\p{L}'])(?:i|i'm|i've|i'll|my|mine|our|we|we've|mi|mis|nuestro|nuestra|hemos|he escrito|he hecho|mon|ma|mes|notre|nos|je|j'|mein|meine|meinen|unser|unsere|ich)(?=$|[^\p{L}'])/u;
/** Words of an event, to tell a conference burst from a news burst. Source: the author's own knowledge. */
const EVENT_WORDS =
  /(?:^|[^\p{L}])(?:talks?|sessions?|keynotes?|speakers?|conference|conf|slides|room|stage|booth|meetup|workshops?|track|attendees|venue|badge|hallway|charlas?|ponencias?|ponentes?|sala|taller|congreso|jornadas|asistentes|conferences?|orateurs?|salle|atelier|vortrag|vortrage|konferenz|saal|tagung|sprecher)(?=$|[^\p{L}])/u;
// Two-level public suffixes common enough to matter when naming a site by its registrable domain.
const SECOND_LEVEL = /\.(?:co|com|org|net|gov|ac|edu|gob|gouv)\.[a-z]{2}$/;

/** "api.tinybird.co" -> "tinybird.co"; "blog.example.co.uk" -> "example.co.uk". */
export function registrableDomain(host: string): string {
  const labels = host.split('.');
  const keep = SECOND_LEVEL.test(host) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** The name part of a registrable domain, letters and digits only: "code-story.net" -> "codestory". */
function domainName(registrable: string): string {
  return (registrable.split('.')[0] ?? '').replace(/[^a-z0-9]/g, '');
}

const LEADING_HANDLES = /^(?:[.\s]*@(\w+)[\s,:;]*)+/;
const NO_HANDLES: readonly string[] = [];

/** The handles (lowercased) a text opens with: the people a reply or "@x hello" addresses. */
function leadingHandles(text: string): readonly string[] {
  // The pattern can only match a text that opens with dots, spaces or "@".
  const code = text.charCodeAt(0);
  if (code !== 0x40 && code !== 0x2e && !/^\s/.test(text)) return NO_HANDLES;
  const leading = LEADING_HANDLES.exec(text)?.[0];
  if (!leading) return NO_HANDLES;
  return [...leading.matchAll(/@(\w+)/g)].map((m) => m[1]!.toLowerCase());
}

function isSharedHost(host: string): boolean {
  if (SHARED.has(host) || SHARED.has(registrableDomain(host))) return true;
  return PROFILE_HOSTS.some((profile) => !profile.includes('/') && (host === profile || host.endsWith(`.${profile}`)));
}

interface DomainStats {
  tweets: number;
  firstPerson: number;
  /** Own tweets linking it that speak for a team ("we", "our"). */
  we: number;
  /** Own tweets linking a blog on it ("blog." host or "/blog…" path). */
  blog: number;
  hosts: Map<string, number>;
}

interface HandleStats {
  mentions: number;
  retweets: number;
  quotes: number;
}

interface TagStats {
  times: number[];
  /** Own (non-retweet) uses, for chats. */
  ownTimes: number[];
  /** createdAt of tweets with event words. */
  evidence: number[];
}

function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/**
 * Discovers who the owner is from the archive: handles from the owner, own domains from the
 * profile website and the owner's most linked domains, the employer from the bio or from an
 * account and a domain of the same name the owner keeps passing on, event hashtags from bursts,
 * chat hashtags from weekly sessions at the same hour. `config.identity` completes it (see
 * applyConfig). Reads every tweet of `tweets`.
 */
export async function discoverIdentity(
  owner: ArchiveOwner,
  tweets: AsyncIterable<Tweet> | Iterable<Tweet>,
  config: TweetAuditConfig = {},
): Promise<Identity> {
  const evidence = new IdentityEvidence(owner, config);
  // An array (or any sync iterable) is read without `for await`, which costs a promise per tweet.
  if (Symbol.asyncIterator in tweets) for await (const tweet of tweets) evidence.add(tweet);
  else for (const tweet of tweets) evidence.add(tweet);
  return evidence.decide();
}

/** The evidence discovery decides from, gathered tweet by tweet. */
class IdentityEvidence {
  private readonly ownHandles: Set<string>;
  private readonly domains = new Map<string, DomainStats>();
  private readonly handles = new Map<string, HandleStats>();
  private readonly tags = new Map<string, TagStats>();
  private ownLinkTweets = 0;
  /** Per host: its registrable domain, or undefined for a shared host (hosts repeat a lot). */
  private readonly hosts = new Map<string, string | undefined>();

  constructor(
    private readonly owner: ArchiveOwner,
    private readonly config: TweetAuditConfig = {},
  ) {
    this.ownHandles = new Set(owner.handles.map((h) => h.toLowerCase()));
    for (const handle of config.identity?.handles ?? []) this.ownHandles.add(handle.replace(/^@/, '').toLowerCase());
  }

  private hostInfo(host: string): string | undefined {
    if (this.hosts.has(host)) return this.hosts.get(host);
    const registrable = isSharedHost(host) ? undefined : registrableDomain(host);
    this.hosts.set(host, registrable);
    return registrable;
  }

  private handleStats(handle: string): HandleStats {
    let stats = this.handles.get(handle);
    if (!stats) this.handles.set(handle, (stats = { mentions: 0, retweets: 0, quotes: 0 }));
    return stats;
  }

  add(tweet: Tweet): void {
    const ownHandles = this.ownHandles;
    const replyToOthers =
      tweet.isReply && !tweet.isSelfReply && !(tweet.inReplyToScreenName && ownHandles.has(tweet.inReplyToScreenName));
    const own = !tweet.isRetweet && !replyToOthers;
    // Only tweets with hashtags or links read the text: folding it and running the word regexes
    // on every tweet was most of discovery's cost. Each regex runs at most once per tweet.
    const hashtagCount = tweet.hashtags.length;
    let lower: string | undefined;
    let eventWords: boolean | undefined;
    let firstPerson: boolean | undefined;
    let we: boolean | undefined;

    if (hashtagCount > 0) {
      lower = fold(tweet.text);
      const tweetTags =
        hashtagCount === 1 ? [tweet.hashtags[0]!.toLowerCase()] : new Set(tweet.hashtags.map((h) => h.toLowerCase()));
      for (const tag of tweetTags) {
        let stats = this.tags.get(tag);
        if (!stats) this.tags.set(tag, (stats = { times: [], ownTimes: [], evidence: [] }));
        stats.times.push(tweet.createdAt);
        if (!tweet.isRetweet) stats.ownTimes.push(tweet.createdAt);
        if ((eventWords ??= EVENT_WORDS.test(lower)) || lower.includes(`at #${tag}`))
          stats.evidence.push(tweet.createdAt);
      }
    }

    if (tweet.isRetweet && tweet.retweetOf && !ownHandles.has(tweet.retweetOf))
      this.handleStats(tweet.retweetOf).retweets++;
    if (!own) return;

    if (tweet.mentions.length > 0) {
      const addressed = leadingHandles(tweet.text);
      for (const handle of tweet.mentions) {
        if (!ownHandles.has(handle) && !addressed.includes(handle)) this.handleStats(handle).mentions++;
      }
    }

    if (tweet.urls.length === 0) return;
    const seen = new Set<string>();
    let hasLink = false;
    for (const url of tweet.urls) {
      const link = parseLink(url);
      if (!link) continue;
      hasLink = true;
      const status = TWITTER_STATUS.exec(link.hostPath);
      if (status) {
        const handle = status[1]!.toLowerCase();
        if (!ownHandles.has(handle) && !seen.has(`@${handle}`)) this.handleStats(handle).quotes++;
        seen.add(`@${handle}`);
        continue;
      }
      const registrable = this.hostInfo(link.host);
      if (registrable === undefined) continue;
      let stats = this.domains.get(registrable);
      if (!stats)
        this.domains.set(registrable, (stats = { tweets: 0, firstPerson: 0, we: 0, blog: 0, hosts: new Map() }));
      if (seen.has(registrable)) continue;
      seen.add(registrable);
      stats.tweets++;
      bump(stats.hosts, link.host);
      if ((firstPerson ??= FIRST_PERSON.test((lower ??= fold(tweet.text))))) stats.firstPerson++;
      if ((we ??= WE.test(lower!))) stats.we++;
      if (link.host.startsWith('blog.') || link.path.startsWith('/blog')) stats.blog++;
    }
    if (hasLink) this.ownLinkTweets++;
  }

  /** The identity the evidence points to, with the config's values applied. */
  decide(): Identity {
    const { owner, ownHandles, handles, domains, tags } = this;
    const discovered = {
      employer: discoverEmployer(owner, ownHandles, handles, domains),
      chatHashtags: discoverChats(tags),
    };
    const ownDomains = discoverOwnDomains(owner, ownHandles, domains, this.ownLinkTweets, discovered.employer.domains);
    // The hashtag of a company or a project ("#acme") is used in bursts around its launches, but it
    // is not an event: names of the owner, the employer and their domains are not event hashtags.
    const names = [
      ...ownHandles,
      ...discovered.chatHashtags,
      ...discovered.employer.handles,
      ...discovered.employer.names.map((name) => fold(name).replace(/[^a-z0-9]/g, '')),
      ...[...discovered.employer.domains, ...ownDomains].map((domain) =>
        domainName(registrableDomain(domain.split('/')[0]!)),
      ),
    ];
    const identity: Identity = {
      handles: [...ownHandles],
      ownDomains,
      employer: discovered.employer,
      eventHashtags: discoverEvents(tags, new Set(names.filter(Boolean))),
      chatHashtags: discovered.chatHashtags,
    };
    return applyConfig(identity, this.config);
  }
}

/**
 * The config completes discovery: its own domains and event and chat hashtags are added to the
 * discovered ones (a config written by `init` must not hide next month's new event), minus those
 * it excludes; its employer replaces the discovered one key by key (a guess corrected); handles
 * are added to the archive's.
 */
function applyConfig(identity: Identity, config: TweetAuditConfig): Identity {
  const c = config.identity;
  if (!c) return identity;
  const lower = (values: readonly string[]): string[] => values.map((v) => v.replace(/^[@#]/, '').toLowerCase());
  const domains = (values: readonly string[]): string[] => values.map(normalizeDomain);
  const merge = (given: string[] | undefined, found: string[], excluded: string[] | undefined): string[] => {
    const out = new Set([...(given ?? []), ...found]);
    for (const value of excluded ?? []) out.delete(value);
    return [...out];
  };
  const ex = c.exclude;
  return {
    handles: identity.handles,
    ownDomains: merge(
      c.ownDomains && domains(c.ownDomains),
      identity.ownDomains,
      ex?.ownDomains && domains(ex.ownDomains),
    ),
    employer: {
      names: c.employer?.names ?? identity.employer.names,
      handles: c.employer?.handles ? [...new Set(lower(c.employer.handles))] : identity.employer.handles,
      domains: c.employer?.domains ? [...new Set(domains(c.employer.domains))] : identity.employer.domains,
    },
    eventHashtags: merge(
      c.eventHashtags && lower(c.eventHashtags),
      identity.eventHashtags,
      ex?.eventHashtags && lower(ex.eventHashtags),
    ),
    chatHashtags: merge(
      c.chatHashtags && lower(c.chatHashtags),
      identity.chatHashtags,
      ex?.chatHashtags && lower(ex.chatHashtags),
    ),
  };
}

/** Words of the owner's names that could appear in their domain ("gageot" in gageot.net). */
function ownerNameWords(owner: ArchiveOwner, ownHandles: ReadonlySet<string>): string[] {
  const words = new Set<string>();
  for (const handle of ownHandles) words.add(handle.replace(/[^a-z0-9]/g, ''));
  for (const word of fold(owner.displayName ?? '').split(/[^\p{L}\p{N}]+/u)) words.add(word);
  return [...words].filter((word) => word.length >= DISCOVERY.ownDomain.minNameLength);
}

function discoverOwnDomains(
  owner: ArchiveOwner,
  ownHandles: ReadonlySet<string>,
  domains: ReadonlyMap<string, DomainStats>,
  ownLinkTweets: number,
  employerDomains: readonly string[],
): string[] {
  const t = DISCOVERY.ownDomain;
  const found: string[] = [];
  const website = owner.website ? parseLink(owner.website) : undefined;
  if (website && website.host !== 't.co') {
    if (!isSharedHost(website.host)) found.push(website.host);
    else {
      // A profile page on a shared host ("github.com/alrocar"): only that path is own.
      const segment = website.path.split('/')[1];
      if (segment && website.host !== 'twitter.com' && website.host !== 'x.com')
        found.push(`${website.host}/${segment}`);
    }
  }
  const names = ownerNameWords(owner, ownHandles);
  const employer = new Set(employerDomains.map(registrableDomain));
  const candidates = [...domains.entries()]
    .filter(([registrable, stats]) => {
      if (employer.has(registrable)) return false;
      const label = domainName(registrable);
      if (names.some((name) => label.includes(name)) && stats.tweets >= t.namedMinTweets) return true;
      return (
        stats.tweets >= t.minTweets &&
        stats.tweets >= t.minShareOfLinkTweets * ownLinkTweets &&
        (stats.firstPerson >= t.minFirstPersonShare * stats.tweets || stats.blog >= t.blogMinTweets)
      );
    })
    .sort((a, b) => b[1].tweets - a[1].tweets || (a[0] < b[0] ? -1 : 1));
  for (const [registrable, stats] of candidates) {
    // When nearly every link goes to one subdomain ("blog.example.net"), only that one is own.
    const [host, count] = [...stats.hosts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const domain = count >= 0.8 * stats.tweets ? host : registrable;
    if (!found.some((d) => d === domain || domain.endsWith(`.${d}`))) found.push(domain);
    if (found.length >= t.max) break;
  }
  return found;
}

/** Does a handle and a domain name denote the same organisation ("tinybirdco" and "tinybird")? */
function sameName(handle: string, label: string): boolean {
  const min = DISCOVERY.employer.minNameLength;
  if (handle.length < min || label.length < min) return false;
  return handle === label || handle.startsWith(label) || label.startsWith(handle);
}

/** Roles and "at"-words that, right before a handle in a bio, make it the employer. */
const BIO_ROLE =
  /(?:^|[\s,.|·/(])(?:at|en|chez|bei|für|for|para|pour|ceo|cto|coo|cpo|founder|co-?founder|engineer(?:ing)?|developer|dev|devrel|advocate|manager|lead|head|director|vp|pm|designer|architect|scientist|analyst|consultant|product|marketing|support|community|sales|data|ingenier[oa]|desarrollador[a]?|d[ée]veloppeu(?:r|se)|ing[ée]nieur[e]?|entwickler(?:in)?|working|work|trabajo|travaille|arbeite)[^.|,;@]{0,20}$/i;
/** "at Acme", "en Acme Labs", "chez Acme", "@ Acme": a capitalised name after an "at"-word. */
const BIO_AT_NAME =
  /(?:\bat|\ben|\bchez|\bbei|(?:^|\s)@)\s+(\p{Lu}[\p{L}\p{N}&'’-]*(?:\.[\p{L}\p{N}]+)*(?:\s+\p{Lu}[\p{L}\p{N}&'’-]*(?:\.[\p{L}\p{N}]+)*){0,2})/gu;
const BIO_FORMER = /(?:\bex|former(?:ly)?|previously|antes|ancien(?:nement)?|ehemals|past)[\s:-]*[^.|,;]{0,12}$/i;

function discoverEmployer(
  owner: ArchiveOwner,
  ownHandles: ReadonlySet<string>,
  handles: ReadonlyMap<string, HandleStats>,
  domains: ReadonlyMap<string, DomainStats>,
): Identity['employer'] {
  const t = DISCOVERY.employer;
  const domainFor = (handle: string, minTweets: number): string | undefined => {
    let best: [string, number] | undefined;
    for (const [registrable, stats] of domains) {
      if (stats.tweets >= minTweets && sameName(handle, domainName(registrable)) && (!best || stats.tweets > best[1])) {
        best = [registrable, stats.tweets];
      }
    }
    return best?.[0];
  };
  const nameOf = (registrable: string | undefined, handle: string): string => {
    const base = registrable ? registrable.split('.')[0]! : handle;
    return base.charAt(0).toUpperCase() + base.slice(1);
  };

  // 1. The bio names the account: "Developer Advocate @acme", "Engineer at @acme".
  const bio = owner.bio ?? '';
  for (const match of bio.matchAll(/@(\w{1,15})/g)) {
    const handle = match[1]!.toLowerCase();
    const before = bio.slice(Math.max(0, match.index - 30), match.index);
    if (ownHandles.has(handle) || BIO_FORMER.test(before) || !BIO_ROLE.test(before)) continue;
    const domain = domainFor(handle, 2);
    return { names: [nameOf(domain, handle)], handles: [handle], domains: domain ? [domain] : [] };
  }

  // 2. The bio names it ("Engineer at Acme Cloud"), and the tweets agree: an account or a domain
  //    of that name comes back in them. A name alone could be anything ("at home", "at Large").
  for (const match of bio.matchAll(BIO_AT_NAME)) {
    const before = bio.slice(Math.max(0, match.index - 30), match.index);
    if (BIO_FORMER.test(before)) continue;
    const name = match[1]!.replace(/[.,]+$/, '');
    const key = fold(name).replace(/[^a-z0-9]/g, '');
    const handle = [...handles.entries()]
      .filter(([h, s]) => s.mentions + s.retweets + s.quotes >= t.minBioCorroboration && sameName(h, key))
      .sort(
        (a, b) => b[1].mentions + b[1].retweets + b[1].quotes - (a[1].mentions + a[1].retweets + a[1].quotes),
      )[0]?.[0];
    const domain = domainFor(key, t.minBioCorroboration);
    if (handle === undefined && domain === undefined) continue;
    return { names: [name], handles: handle ? [handle] : [], domains: domain ? [domain] : [] };
  }

  // 3. An account the owner keeps passing on, with a domain of the same name the owner keeps linking.
  let best: { handle: string; domain: string; uses: number } | undefined;
  for (const [handle, stats] of handles) {
    const uses = stats.mentions + stats.retweets + stats.quotes;
    if (uses < t.minHandleUses || stats.retweets + stats.quotes < t.minRetweetsOrQuotes) continue;
    if ([...ownHandles].some((own) => sameName(own, handle))) continue;
    const domain = domainFor(handle, t.minDomainTweets);
    // A fan links a club and a reader a magazine as often as an employee links the company: the
    // owner's own words about it ("we", "our", "my team") are what tell them apart.
    const voiced = domain === undefined ? 0 : domains.get(domain)!.we / domains.get(domain)!.tweets;
    if (domain && voiced >= t.minWeShare && (!best || uses > best.uses)) best = { handle, domain, uses };
  }
  if (!best) return { names: [], handles: [], domains: [] };
  return { names: [nameOf(best.domain, best.handle)], handles: [best.handle], domains: [best.domain] };
}

/** Splits sorted times into clusters whose neighbours are at most `gap` apart. */
function clusters(times: readonly number[], gap: number): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  for (const time of times) {
    if (current.length > 0 && time - current[current.length - 1]! > gap) {
      out.push(current);
      current = [];
    }
    current.push(time);
  }
  if (current.length > 0) out.push(current);
  return out;
}

function maxInWindow(times: readonly number[], window: number): number {
  let max = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! > window) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

const SHORT_YEAR = /^[a-z]{2,}\d\d$/;

function discoverEvents(tags: ReadonlyMap<string, TagStats>, exclude: ReadonlySet<string>): string[] {
  const t = DISCOVERY.event;
  const found: [string, number][] = [];
  for (const [tag, stats] of tags) {
    if (exclude.has(tag) || SHOWCASE.has(tag) || stats.times.length < t.minClusterSize) continue;
    const times = [...stats.times].sort((a, b) => a - b);
    const bursts = clusters(times, t.gapHours * HOUR).filter(
      (c) =>
        c.length >= t.minClusterSize &&
        c[c.length - 1]! - c[0]! <= t.maxSpanDays * DAY &&
        maxInWindow(c, DAY) >= t.minPerDay,
    );
    const inBursts = bursts.reduce((sum, c) => sum + c.length, 0);
    if (inBursts < t.minShareInBursts * times.length) continue;
    const evidence = stats.evidence.filter((time) =>
      bursts.some((c) => time >= c[0]! && time <= c[c.length - 1]!),
    ).length;
    const recurring = bursts.length >= 2 && bursts[bursts.length - 1]![0]! - bursts[0]![0]! >= t.recurrenceDays * DAY;
    // A name with a two-digit year ("#abc09") is an event when the owner's tweets with it are one
    // dense burst and nothing after: "#covid19" or "#web3" go on for months.
    const oneShot =
      SHORT_YEAR.test(tag) &&
      bursts.length === 1 &&
      inBursts >= t.oneShotShare * times.length &&
      stats.ownTimes.length >= t.oneShotMinOwn;
    if (EVENT_HASHTAG_SHAPE.test(tag) || recurring || oneShot || evidence >= t.minEvidenceShare * inBursts)
      found.push([tag, times.length]);
  }
  return found.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([tag]) => tag);
}

function discoverChats(tags: ReadonlyMap<string, TagStats>): string[] {
  const t = DISCOVERY.chat;
  const found: string[] = [];
  for (const [tag, stats] of tags) {
    if (stats.ownTimes.length < t.minWeeks * t.sessionMinUses) continue;
    const times = [...stats.ownTimes].sort((a, b) => a - b);
    const sessions = clusters(times, t.sessionHours * HOUR).filter((c) => c.length >= t.sessionMinUses);
    const weeks = new Set(sessions.map((c) => Math.floor(c[0]! / WEEK)));
    if (weeks.size < t.minWeeks) continue;
    // The most common weekday + starting hour (UTC; a ±1 h tolerance absorbs daylight-saving shifts).
    const slots = sessions.map((c) => {
      const d = new Date(c[0]!);
      return { weekday: d.getUTCDay(), hour: d.getUTCHours() };
    });
    let bestSame = 0;
    for (const slot of slots) {
      bestSame = Math.max(
        bestSame,
        slots.filter((s) => s.weekday === slot.weekday && Math.abs(s.hour - slot.hour) <= 1).length,
      );
    }
    if (bestSame >= t.minWeeks && bestSame >= t.minShareSameSlot * slots.length) found.push(tag);
  }
  return found.sort();
}
