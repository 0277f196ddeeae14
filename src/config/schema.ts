import type { Category } from '../classify/taxonomy.js';

/**
 * Who the owner is, as far as classification cares. Discovered from the archive (handle,
 * profile website, most-linked domains, hashtag bursts) and completed by the user's config.
 */
export interface Identity {
  /** Lowercased handles of the owner, without "@". */
  handles: string[];
  /**
   * Domains of the owner's own site, blog, podcast ("example.com", no scheme, no "www."). An entry
   * may carry a path prefix for pages on a shared host ("github.com/alrocar", "medium.com/@alrocar"):
   * then only links under that path are own.
   */
  ownDomains: string[];
  employer: {
    /** Names of the employer and its products, as written in tweets ("Constant Contact"). */
    names: string[];
    /** Lowercased handles of the employer's accounts, without "@". */
    handles: string[];
    /** Domains of the employer. */
    domains: string[];
  };
  /** Hashtags of events (conferences, meetups), lowercased, without "#". */
  eventHashtags: string[];
  /** Hashtags of scheduled chats (twitterchats), lowercased, without "#". */
  chatHashtags: string[];
}

/** A wanted range for a category's (or subcategory's) share of a month, as fractions 0..1. */
export interface Target {
  /** "promotion" or "promotion/employer". */
  scope: Category | `${Category}/${string}`;
  min?: number;
  max?: number;
}

/** The user's configuration file, every key optional. */
export interface TweetAuditConfig {
  /** IANA time zone used to cut months and hours; else the archive's, else the system's. */
  timeZone?: string;
  /** Local hours counted as late night, [from, to): from 0..23, to 0..23, wrapping midnight. */
  nightHours?: { from: number; to: number };
  /**
   * Lists that add to what is discovered in the archive each run (so next month's new event is
   * found too), an employer that replaces the discovered one, and what discovery got wrong.
   */
  identity?: Partial<Omit<Identity, 'employer'>> & {
    employer?: Partial<Identity['employer']>;
    exclude?: Partial<Pick<Identity, 'ownDomains' | 'eventHashtags' | 'chatHashtags'>>;
  };
  /** The user's goals in their own words (the post lists three). */
  goals?: string[];
  /** Wanted share ranges per category or subcategory. */
  targets?: Target[];
}

export const DEFAULT_NIGHT_HOURS = { from: 0, to: 5 } as const;
