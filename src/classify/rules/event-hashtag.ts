import { EVENT_HASHTAG_SHAPE } from '../lexicons.js';
import { defineRule, type Match } from '../rule.js';
import { isAnnouncement, isShoutOut } from '../signals.js';

/**
 * A tweet under an event's hashtag is part of the event, unless it announces something to come
 * (docs/taxonomy.md: announcing your own upcoming talk is promotion/self).
 */
export default defineRule({
  id: 'event-hashtag',
  category: 'conference',
  subcategory: 'live',
  description:
    "Uses an event's hashtag (from the config, discovery, or an event-shaped tag) and does not announce something to come.",
  confidence: 0.85,
  needs: ['hashtags'],
  match(tweet, ctx): Match | null {
    if (tweet.hashtags.length === 0 || isAnnouncement(ctx) || isShoutOut(tweet)) return null;
    // A retweet with a link passes on material (slides, a write-up): sharing, not presence.
    if (tweet.isRetweet && tweet.urls.length > 0) return null;
    let shaped: string | undefined;
    for (const tag of tweet.hashtags) {
      const lower = tag.toLowerCase();
      if (ctx.identity.eventHashtags.has(lower))
        return { reason: 'event-hashtag', data: { hashtag: lower, source: 'identity' } };
      if (shaped === undefined && EVENT_HASHTAG_SHAPE.test(lower)) shaped = lower;
    }
    return shaped === undefined ? null : { reason: 'event-hashtag', data: { hashtag: shaped, source: 'shape' } };
  },
  examples: {
    match: [
      { text: 'Packed room for the observability track #devconf' },
      { text: 'Why use a queue when a table will do? #PyCon2024' },
      { text: 'Los slides de la sesión sobre Kafka ya circulan #barcampmadrid' },
      { text: 'Room 5 is the place to be #PyConFR' },
      { text: 'Big news at #devconf, all the details here https://me.example/news' },
      { text: 'RT @org: 1200 people this year #devconf' },
      { text: 'Premier atelier de la journée #myconf', context: { identity: { eventHashtags: ['myconf'] } } },
    ],
    noMatch: [
      { text: 'Registration is open, see you there! #devconf' },
      { text: "I'll be speaking tomorrow about tracing #devconf" },
      { text: 'Loving the new release #rust' },
      { text: 'Nothing to see here' },
      { text: 'Stay safe everyone #covid19' },
      { text: 'RT @org: the talk videos are up https://videos.example/x #devconf' },
      { text: 'Notes from the panel https://me.example/devconf-notes #devconf' },
      { text: '#FF the #devconf speakers: @ada @bo' },
      { text: "Can't wait for #devconf next month" },
    ],
  },
});
