import { prepareAudit } from '../../audit.js';
import { hashtagsFromText, mentionsFromText } from '../../archive/text.js';
import { createClassifier, formatExplanation } from '../../classify/index.js';
import { loadConfig } from '../../config/index.js';
import { DEFAULT_NIGHT_HOURS, type Identity } from '../../config/schema.js';
import { TweetAuditError } from '../../errors.js';
import type { Tweet } from '../../model/tweet.js';
import { createZone, systemTimeZone } from '../../time/zone.js';
import { EXIT, terminalSafe, type CliIO, type ExitCode } from '../io.js';
import type { CommonOptions } from '../program.js';
import { auditOptionsFrom, finishReading } from './shared.js';

interface ExplainOptions extends CommonOptions {
  text?: string;
  reply?: boolean;
}

/** `tweet-audit explain`: which rules fired for a tweet, the model's scores, and why the label won. */
export async function run(io: CliIO, args: unknown[]): Promise<ExitCode> {
  const [archive, id, options] = args as [string | undefined, string | undefined, ExplainOptions];
  if (options.text !== undefined) {
    if (archive !== undefined) throw new TweetAuditError('give either --text or an archive and a tweet id, not both');
    io.stdout.write(`${terminalSafe(await explainText(io, options))}\n`);
    return EXIT.ok;
  }
  if (archive === undefined || id === undefined) {
    throw new TweetAuditError('explain needs an archive and a tweet id, or --text "…"');
  }
  if (!/^\d+$/.test(id)) throw new TweetAuditError(`"${id}" is not a tweet id (ids are digits)`);
  // The whole archive: no default month, so no word about a stale one either.
  const inputs = await auditOptionsFrom(io, [archive], { ...options, all: true });
  const prepared = await prepareAudit({ ...inputs, period: { all: true } });
  for (const tweet of prepared.tweets) {
    if (tweet.id === id) {
      finishReading(io, inputs, prepared);
      // A tweet's text may hold escape sequences that would retitle or clear the terminal.
      io.stdout.write(`${terminalSafe(formatExplanation(prepared.classifier.explain(tweet)))}\n`);
      return EXIT.ok;
    }
  }
  finishReading(io, inputs, prepared);
  throw new TweetAuditError(`no tweet with id ${id} in this archive`, { file: archive });
}

/** Explains a text typed on the command line, with the identity the config gives (no archive). */
async function explainText(io: CliIO, options: ExplainOptions): Promise<string> {
  const { config } = await loadConfig({ explicitPath: options.config, cwd: io.cwd, env: io.env });
  const zone = createZone(options.tz ?? config.timeZone ?? systemTimeZone());
  const identity: Identity = {
    handles: config.identity?.handles ?? [],
    ownDomains: config.identity?.ownDomains ?? [],
    employer: { names: [], handles: [], domains: [], ...config.identity?.employer },
    eventHashtags: config.identity?.eventHashtags ?? [],
    chatHashtags: config.identity?.chatHashtags ?? [],
  };
  const classifier = await createClassifier({ identity, zone, nightHours: config.nightHours ?? DEFAULT_NIGHT_HOURS });
  return formatExplanation(classifier.explain(tweetFromText(options.text!, Boolean(options.reply))));
}

/** A tweet made of a typed text: entities read from the text, posted at a fixed noon UTC so the output does not depend on the clock. */
function tweetFromText(text: string, reply: boolean): Tweet {
  const retweet = /^RT @(\w{1,15}):/.exec(text);
  return {
    id: '0',
    createdAt: Date.UTC(2026, 0, 1, 12),
    text,
    isReply: reply,
    isSelfReply: false,
    isRetweet: Boolean(retweet),
    retweetOf: retweet?.[1]?.toLowerCase(),
    isQuote: false,
    mentions: mentionsFromText(text),
    hashtags: hashtagsFromText(text),
    urls: text.match(/https?:\/\/[^\s<>"]+/g) ?? [],
    mediaCount: 0,
  };
}
