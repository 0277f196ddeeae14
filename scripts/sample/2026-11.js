// November 1–2, 2026: the archive was downloaded on the 3rd, so November is incomplete and
// reports pick October, the last complete month. Clocks go back an hour on Sunday the 1st.
import { day, re, say } from './dsl.js';

export default [
  day('2026-11-01', { from: '06:10' }, [
    say('xl', 'Extra hour of sleep! Said no parent ever. The kids were up at 5:45, new time.'),
    say(
      'xl',
      'October tweet audit, first pass: conference week was a third of my month, and I tweeted from a bar more than once. Working on it.',
    ),
    re('cr', 'janetbyrne_sx', 'Yes! Next month: more questions, fewer posts about macros. You can hold me to it.'),
    say('xm', 'Sunday: leftover candy, couch, and the first episode of "The Lighthouse Keepers" season 3.'),
    re('cr', 'heathertoms', 'Yes, I am watching it. No, I will not tell you what happens to the keeper.'),
  ]),
  day('2026-11-02', [
    say('xl', 'Monday after Halloween: the whole office runs on leftover candy.'),
    say(
      'ps',
      'I wrote up my October tweet audit: what I tweeted, what I want to change, and a very honest pie chart. https://frontlinenotes.example/2026/11/october-tweet-audit',
    ),
    re('cr', 'lenahollis', 'The pie chart does not lie. I do tweet about my beagle a lot.'),
    say(
      'psh',
      'Good read for the new month: planning your support calendar around product launches instead of against them. https://supportops.example/launch-calendar',
    ),
    re('cr', 'priya_okoro', 'Six great candidates for the lead role. This is a good problem to have.'),
    say('xw', 'Working from Third Pour. The pumpkin bread is gone. So is my motivation.'),
  ]),
];
