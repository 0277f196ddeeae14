import type { Identity } from '../config/schema.js';
import { PROFILE_HOSTS } from './lexicons.js';
import { fold, words, type TweetLink, type TweetText } from './text.js';

/** An Identity compiled for fast lookups while classifying. */
export interface IdentityIndex {
  readonly identity: Identity;
  readonly ownHandles: ReadonlySet<string>;
  readonly employerHandles: ReadonlySet<string>;
  readonly eventHashtags: ReadonlySet<string>;
  readonly chatHashtags: ReadonlySet<string>;
  /** The own domain (or profile path) a link belongs to, if any. */
  ownLink(link: TweetLink): string | undefined;
  /** The employer domain (or employer account page) a link belongs to, if any. */
  employerLink(link: TweetLink): string | undefined;
  /** The employer name the text's words contain, if any. */
  employerName(text: TweetText): string | undefined;
}

/** An empty identity: nobody, no domains, no events. */
export const EMPTY_IDENTITY: Identity = {
  handles: [],
  ownDomains: [],
  employer: { names: [], handles: [], domains: [] },
  eventHashtags: [],
  chatHashtags: [],
};

const TWITTER_HOSTS = new Set(['twitter.com', 'x.com', 'mobile.twitter.com', 'mobile.x.com']);

function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

/** "https://www.Example.com/blog/" -> "example.com/blog". Entries may carry a path prefix. */
export function normalizeDomain(entry: string): string {
  return entry
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

/** A domain entry with the strings its tests need, built once rather than for every link. */
interface DomainEntry {
  entry: string;
  /** The entry carries a path prefix ("example.com/blog"). */
  hasPath: boolean;
  /** ".entry" (subdomains) or "entry/" (pages under the path). */
  extended: string;
}

function domainEntry(entry: string): DomainEntry {
  const hasPath = entry.includes('/');
  return { entry, hasPath, extended: hasPath ? `${entry}/` : `.${entry}` };
}

function inDomain(link: TweetLink, { entry, hasPath, extended }: DomainEntry): boolean {
  if (!hasPath) return link.host === entry || link.host.endsWith(extended);
  return link.hostPath === entry || link.hostPath.startsWith(extended);
}

/** Hosting services that serve each account under its own subdomain (<account>.github.io). */
const ACCOUNT_SUBDOMAIN_HOSTS = new Set([
  'github',
  'gitlab',
  'netlify',
  'vercel',
  'substack',
  'medium',
  'wordpress',
  'blogspot',
  'tumblr',
  'carrd',
  'hashnode',
]);

/**
 * The account a profile-host link points to: "github.com/alrocar/x" -> "alrocar",
 * "medium.com/@alrocar" -> "alrocar", "alrocar.github.io" -> "alrocar".
 */
function profileAccount(link: TweetLink): string | undefined {
  for (const host of PROFILE_HOSTS_BY_HOST.get(link.host) ?? []) {
    if (link.hostPath === host || !link.hostPath.startsWith(`${host}/`)) continue;
    const segment = link.hostPath.slice(host.length + 1).split('/')[0];
    return segment ? segment.replace(/^[@~]/, '') : undefined;
  }
  // Pages served under the account's own subdomain of a hosting service: the host's second label
  // names the service, and a third label follows.
  const { host } = link;
  const first = host.indexOf('.');
  const second = first === -1 ? -1 : host.indexOf('.', first + 1);
  if (second !== -1 && ACCOUNT_SUBDOMAIN_HOSTS.has(host.slice(first + 1, second))) return host.slice(0, first);
  return undefined;
}

/** PROFILE_HOSTS by their host part ("linkedin.com/in" under "linkedin.com"), to look links up directly. */
const PROFILE_HOSTS_BY_HOST = new Map<string, string[]>();
for (const entry of PROFILE_HOSTS) {
  const host = entry.split('/')[0]!;
  PROFILE_HOSTS_BY_HOST.set(host, [...(PROFILE_HOSTS_BY_HOST.get(host) ?? []), entry]);
}

/** Compiles an identity into the lookups the rules use. */
export function indexIdentity(identity: Identity): IdentityIndex {
  const ownHandles = new Set(identity.handles.map(normalizeHandle));
  const employerHandles = new Set(identity.employer.handles.map(normalizeHandle));
  const ownDomains = identity.ownDomains.map(normalizeDomain).filter(Boolean).map(domainEntry);
  const employerDomains = identity.employer.domains.map(normalizeDomain).filter(Boolean).map(domainEntry);
  const names = identity.employer.names
    .map((name) => {
      const parts = words(fold(name));
      return { name, parts, joined: parts.join('') };
    })
    .filter((n) => n.joined.length >= 3);

  return {
    identity,
    ownHandles,
    employerHandles,
    eventHashtags: new Set(identity.eventHashtags.map((tag) => tag.replace(/^#/, '').toLowerCase())),
    chatHashtags: new Set(identity.chatHashtags.map((tag) => tag.replace(/^#/, '').toLowerCase())),
    ownLink(link) {
      for (const domain of ownDomains) if (inDomain(link, domain)) return domain.entry;
      if (TWITTER_HOSTS.has(link.host)) return undefined;
      const account = profileAccount(link);
      if (account && ownHandles.has(account)) return `${link.host}/${account}`;
      return undefined;
    },
    employerLink(link) {
      for (const domain of employerDomains) if (inDomain(link, domain)) return domain.entry;
      if (employerHandles.size === 0) return undefined;
      if (TWITTER_HOSTS.has(link.host)) {
        const account = link.path.split('/')[1];
        return account && employerHandles.has(account) ? `${link.host}/${account}` : undefined;
      }
      const account = profileAccount(link);
      if (account && employerHandles.has(account)) return `${link.host}/${account}`;
      return undefined;
    },
    employerName(text) {
      const tokens = text.words;
      for (const { name, parts, joined } of names) {
        if (tokens.includes(joined)) return name;
        if (parts.length < 2) continue;
        for (let i = tokens.indexOf(parts[0]!); i !== -1; i = tokens.indexOf(parts[0]!, i + 1)) {
          if (parts.every((part, j) => tokens[i + j] === part)) return name;
        }
      }
      return undefined;
    },
  };
}
