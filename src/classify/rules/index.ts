import type { Rule } from '../rule.js';
import chatHashtag from './chat-hashtag.js';
import chatQaFormat from './chat-qa-format.js';
import drinking from './drinking.js';
import employer from './employer.js';
import eventHashtag from './event-hashtag.js';
import jobPosting from './job-posting.js';
import lifeEvent from './life-event.js';
import linkShare from './link-share.js';
import liveSession from './live-session.js';
import manualRetweet from './manual-retweet.js';
import mediaConsumption from './media-consumption.js';
import opensWithHandle from './opens-with-handle.js';
import ownContent from './own-content.js';
import ownLink from './own-link.js';
import question from './question.js';
import reply from './reply.js';
import retweet from './retweet.js';
import shoutOut from './shout-out.js';
import showAndTell from './show-and-tell.js';
import showcaseHashtag from './showcase-hashtag.js';
import threadAddressing from './thread-addressing.js';
import tipShare from './tip-share.js';
import whereabouts from './whereabouts.js';

/**
 * Every rule, by id, in alphabetical order. New rule = one file + one line here (a test checks
 * that the list is sorted and that every file of this folder is in it). Which rule wins is not
 * decided by this order but by PRECEDENCE in ../rule.ts.
 */
export const RULES: Readonly<Record<string, Rule>> = {
  'chat-hashtag': chatHashtag,
  'chat-qa-format': chatQaFormat,
  drinking: drinking,
  employer: employer,
  'event-hashtag': eventHashtag,
  'job-posting': jobPosting,
  'life-event': lifeEvent,
  'link-share': linkShare,
  'live-session': liveSession,
  'manual-retweet': manualRetweet,
  'media-consumption': mediaConsumption,
  'opens-with-handle': opensWithHandle,
  'own-content': ownContent,
  'own-link': ownLink,
  question: question,
  reply: reply,
  retweet: retweet,
  'shout-out': shoutOut,
  'show-and-tell': showAndTell,
  'showcase-hashtag': showcaseHashtag,
  'thread-addressing': threadAddressing,
  'tip-share': tipShare,
  whereabouts: whereabouts,
};
