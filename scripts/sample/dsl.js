// The little language the sample's tweets are written in. One month file lists days; a day lists
// its tweets in the order they were sent. Every tweet carries its intended label as a short code:
//
//   cr conversation/reply   cm conversation/mention   cq conversation/question
//   ps promotion/self       pe promotion/employer      psh promotion/sharing   pj promotion/jobs
//   kl conference/live      kc conference/chat
//   xw personal/whereabouts xm personal/media          xl personal/life
//
// Kinds:
//   say(code, text)         an original tweet (it may mention people inline)
//   re(code, 'a b', text)   a reply to a tweet of @a (and @b); the build puts "@a @b " in front
//   th(code, text)          a thread: a reply to the owner's previous tweet of that day
//   rt(code, 'who', text)   a retweet of @who; the build writes "RT @who: " and cuts at 140
//
// Links are written out in the text (https://…); the build swaps each for a t.co link with its
// entity, as X does. Options (last argument): { at: 'HH:MM' } local time (hours past 23 mean
// after midnight), { photo: n } / { video: 1 } / { gif: 1 } for attached media, { note: true }
// for a long tweet (over 280 characters: note-tweet.js holds it, tweets.js a cut copy),
// { edited: 'first version' } for a tweet edited once, { lang }, { via: 'web' | 'deck' | 'iphone' }.

export const LABELS = {
  cr: 'conversation/reply',
  cm: 'conversation/mention',
  cq: 'conversation/question',
  ps: 'promotion/self',
  pe: 'promotion/employer',
  psh: 'promotion/sharing',
  pj: 'promotion/jobs',
  kl: 'conference/live',
  kc: 'conference/chat',
  xw: 'personal/whereabouts',
  xm: 'personal/media',
  xl: 'personal/life',
};

/** A day: day('2026-10-06', [tweets…]) or day('2026-10-06', { from: '06:30', to: '23:50' }, [tweets…]). */
export function day(date, optionsOrTweets, maybeTweets) {
  const options = Array.isArray(optionsOrTweets) ? {} : optionsOrTweets;
  const tweets = Array.isArray(optionsOrTweets) ? optionsOrTweets : maybeTweets;
  return { date, ...options, tweets };
}

export const say = (code, text, options = {}) => ({ code, kind: 'say', text, ...options });
export const re = (code, to, text, options = {}) => ({ code, kind: 'reply', to: to.split(' '), text, ...options });
export const th = (code, text, options = {}) => ({ code, kind: 'thread', text, ...options });
export const rt = (code, from, text, options = {}) => ({ code, kind: 'retweet', from, text, ...options });
