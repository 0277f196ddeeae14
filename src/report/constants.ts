/** The post: "a minimum of twenty tweets or a few weeks worth". Fewer and the shares mislead. */
export const LOW_VOLUME_THRESHOLD = 20;

/** A share change this large (in percentage points) vs the previous month is worth a sentence. */
export const SPIKE_POINTS = 10;

/** Tweets below this confidence are listed for a second look. */
export const LOW_CONFIDENCE_THRESHOLD = 0.5;

/** Flag and low-confidence id lists are capped: the count says how many there are in all. */
export const FLAG_ID_CAP = 20;
export const LOW_CONFIDENCE_ID_CAP = 50;

/** How many entries each "what do you tweet about" list shows. */
export const TOP_TERMS = 10;
/** A word, phrase, hashtag, person or domain used fewer times than this is not listed. */
export const TOPIC_MIN_COUNT = 2;

/** A category's most engaging tweets listed under Engagement. */
export const TOP_TWEETS = 3;

/** A share of the promotion and reply kind that marks the "clone" of seed 001. */
export const CLONE_PROMOTION_SHARE = 0.5;
export const CLONE_REPLY_SHARE = 0.1;

/** A month of a period stands out when a category's share is this many points from the period's. */
export const STANDOUT_POINTS = 5;
/** At most this many months that stood out are listed. */
export const STANDOUT_MONTHS = 3;
