// The classifier on texts made to be slow (issue 16): long random words and long runs of one
// character, each classified once, timed. Text analysis must be linear in the text's length:
// the budget is well under a second a tweet even at 2,000,000 characters. Prints; never asserts.
//
//   node scripts/bench/text-worst-case.js [length]    (default 200000)
import { createClassifier } from '../../dist/classify/index.js';
import { tweetFromSpec } from '../../dist/classify/rule.js';
import { createZone } from '../../dist/time/zone.js';

const length = Number(process.argv[2] ?? 200_000);
const identity = {
  handles: ['me'],
  ownDomains: [],
  employer: { names: [], handles: [], domains: [] },
  eventHashtags: [],
  chatHashtags: [],
};
const zone = createZone('UTC');
const classifier = await createClassifier({ identity, zone, nightHours: { from: 1, to: 5 } });

let seed = 1;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const randomText = (alphabet) =>
  Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
const cases = {
  'one letter repeated': 'a'.repeat(length),
  'one random word': randomText('abcdefghijklmnopqrstuvwxyz'),
  'one accented word': randomText('éàüößçñ'),
  'random words': randomText('abcdefgh '),
  'letters, digits and punctuation': randomText('a1@#._-:/ ?!'),
  '"@" repeated': '@'.repeat(length),
  '"#" repeated': '#'.repeat(length),
  '"." repeated': '.'.repeat(length),
  'spaces between two letters': `a${' '.repeat(length)}b`,
  newlines: '\n'.repeat(length),
  '"http://" repeated': 'http://'.repeat(Math.ceil(length / 7)),
  'one long URL': `https://x.com/${'a/'.repeat(length / 2)}`,
  '"a-" repeated': 'a-'.repeat(length / 2),
  '"@a." repeated': '@a.'.repeat(Math.ceil(length / 3)),
  'emoji repeated': '😀'.repeat(length / 2),
  capitals: 'A'.repeat(length),
};
let worst = 0;
for (const [name, text] of Object.entries(cases)) {
  const tweet = tweetFromSpec({ text });
  const started = performance.now();
  classifier.classify(tweet, zone.parts(tweet.createdAt));
  const ms = performance.now() - started;
  worst = Math.max(worst, ms);
  console.log(`${name.padEnd(34)}${ms.toFixed(0).padStart(7)} ms`);
}
console.log(`worst: ${worst.toFixed(0)} ms for ${length.toLocaleString('en-US')} characters (budget: under 1,000 ms)`);
