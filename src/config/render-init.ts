import type { ArchiveOwner } from '../model/tweet.js';
import { DEFAULT_NIGHT_HOURS, type Identity } from './schema.js';

function list(values: readonly string[]): string {
  return `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
}

/** The goals of the post that inspired tweet-audit, offered as examples. */
const EXAMPLE_GOALS = [
  'Establish myself as a Customer Service leader',
  'Become known as a leader in social business',
  'Meet/form relationships with interesting people',
];

/**
 * Writes a commented JSONC config holding what was discovered in the archive, for the user to
 * correct: identity, time zone, night hours, empty goals (the post's three as commented examples)
 * and commented example targets. `loadConfig` reads it back unchanged.
 */
export function renderInitConfig(identity: Identity, owner: ArchiveOwner): string {
  const who = owner.handles[0] ? `@${owner.handles[0]}` : 'this archive';
  const zone = owner.timeZone
    ? `  // IANA time zone used to cut months and hours (the archive's).\n  "timeZone": ${JSON.stringify(owner.timeZone)},`
    : `  // IANA time zone used to cut months and hours; without it, the system's is used.\n  // "timeZone": "Europe/Madrid",`;
  return `// tweet-audit configuration for ${who}, written by \`tweet-audit init\` from the archive.
// JSON with comments. Every key is optional. Your handles, own domains, event and chat hashtags
// given here are added to what tweet-audit discovers in the archive each time it runs (next
// month's new event is found too); list under "identity" > "exclude" what it gets wrong, such as
// "exclude": { "eventHashtags": ["ff"] }. The employer given here replaces the discovered one.
{
${zone}

  // Local hours counted as late night: from "from" (included) to "to" (excluded), wrapping
  // midnight when from > to (22 to 4).
  "nightHours": { "from": ${DEFAULT_NIGHT_HOURS.from}, "to": ${DEFAULT_NIGHT_HOURS.to} },

  "identity": {
    // Your handles, without "@".
    "handles": ${list(identity.handles)},
    // Your own site, blog, podcast: links there are promotion/self. "github.com/you" for a page
    // on a shared host.
    "ownDomains": ${list(identity.ownDomains)},
    // Your employer and its products: names as written in tweets, handles without "@", domains.
    // Discovery is cautious here; check it, and fill it in if it is empty.
    "employer": {
      "names": ${list(identity.employer.names)},
      "handles": ${list(identity.employer.handles)},
      "domains": ${list(identity.employer.domains)}
    },
    // Hashtags of events you tweet from (conference/live), without "#".
    "eventHashtags": ${list(identity.eventHashtags)},
    // Hashtags of scheduled chats you host or join (conference/chat), without "#".
    "chatHashtags": ${list(identity.chatHashtags)}
  },

  // What you want your tweets to do, in your own words. The post that inspired tweet-audit lists:
${EXAMPLE_GOALS.map((goal) => `  //   ${JSON.stringify(goal)}`).join('\n')}
  "goals": []

  // Wanted share ranges of a month, as fractions (0.3 = 30%), per category or subcategory.
  // Remove the "//" (and add a comma after "goals": []) to use them:
  // "targets": [
  //   { "scope": "conversation", "min": 0.3 },
  //   { "scope": "promotion/employer", "min": 0.05, "max": 0.15 },
  //   { "scope": "personal/whereabouts", "max": 0.1 }
  // ]
}
`;
}
