// How long classifying takes, apart from reading: opens an archive, reads every tweet into memory,
// builds the classifier as an audit does, then times only `classifier.classify` over all tweets.
//
//   node scripts/bench/classify-speed.js [archive] [--passes N] [--dump FILE] [--local]
//
// The archive defaults to .bench/archive-100000 (generate it with scripts/generate-archive.js).
// TA_DIST names the compiled code to measure (default dist), so a private build can be measured
// while others rebuild dist/: `npx tsc -p tsconfig.json --outDir /tmp/cls-dist` then
// `TA_DIST=/tmp/cls-dist node scripts/bench/classify-speed.js`.
//
// --dump FILE writes, one JSON line per tweet, its classification and its explanation (rules
// fired with their reasons and data, decision, model scores, complaint signal), so the output of
// two versions can be compared byte for byte. It prints figures only; it never asserts.
//
// --local passes each tweet's local time parts, worked out before timing, as `classify(tweet,
// local)`, the way audits call it (they need the parts for the report anyway). A build whose
// classify takes one parameter ignores them.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let archivePath = '.bench/archive-100000';
let passes = 5;
let dump;
let passLocal = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--passes') passes = Number(args[++i]);
  else if (args[i] === '--dump') dump = args[++i];
  else if (args[i] === '--local') passLocal = true;
  else archivePath = args[i];
}

const dist = resolve(process.env.TA_DIST ?? new URL('../../dist', import.meta.url).pathname);
const load = (path) => import(pathToFileURL(resolve(dist, path)).href);
const { openArchives } = await load('archive/index.js');
const { createClassifier } = await load('classify/index.js');
const { discoverIdentity, DEFAULT_NIGHT_HOURS } = await load('config/index.js');
const { createZone, systemTimeZone } = await load('time/zone.js');

const archive = await openArchives([archivePath]);
const zone = createZone(archive.owner.timeZone ?? systemTimeZone());
const tweets = [];
for await (const tweet of archive.tweets()) tweets.push(tweet);
const identity = await discoverIdentity(archive.owner, tweets, {});
const classifier = await createClassifier({ identity, zone, nightHours: DEFAULT_NIGHT_HOURS });
const locals = tweets.map((tweet) => (passLocal ? zone.parts(tweet.createdAt) : undefined));

if (dump) {
  const lines = [];
  for (const tweet of tweets) lines.push(JSON.stringify({ id: tweet.id, classification: classifier.classify(tweet) }));
  for (const tweet of tweets) {
    const { firings, decision, model, language, complaint, classification } = classifier.explain(tweet);
    lines.push(JSON.stringify({ id: tweet.id, language, firings, decision, model, complaint, classification }));
  }
  writeFileSync(dump, lines.join('\n') + '\n');
  console.log(`${archivePath}: ${tweets.length} tweets dumped to ${dump}`);
} else {
  // The first pass fills the caches (stems, word records) and lets the JIT settle; it is not counted.
  // CPU time is printed beside wall time: on a shared machine the wall clock also counts the time
  // other processes held the core.
  let sink = 0;
  const wall = [];
  const cpu = [];
  for (let pass = 0; pass <= passes; pass++) {
    const start = process.hrtime.bigint();
    const startCpu = process.cpuUsage();
    for (let i = 0; i < tweets.length; i++) sink += classifier.classify(tweets[i], locals[i]).confidence;
    const used = process.cpuUsage(startCpu);
    const ns = Number(process.hrtime.bigint() - start);
    if (pass === 0) continue;
    wall.push(ns / tweets.length / 1000);
    cpu.push((used.user + used.system) / tweets.length);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const perHundredK = (us) => ((us * 100_000) / 1e6).toFixed(3);
  console.log(
    `${archivePath}: ${tweets.length} tweets, ${passes} passes after a warm-up${passLocal ? ', local parts given' : ''} (checksum ${sink.toFixed(2)})`,
  );
  console.log(`wall µs/tweet per pass: ${wall.map((us) => us.toFixed(2)).join(' ')}`);
  console.log(`cpu  µs/tweet per pass: ${cpu.map((us) => us.toFixed(2)).join(' ')}`);
  console.log(
    `median ${median(wall).toFixed(2)} µs/tweet wall (${perHundredK(median(wall))} s per 100k tweets), min ${Math.min(...wall).toFixed(2)}`,
  );
  console.log(
    `median ${median(cpu).toFixed(2)} µs/tweet cpu  (${perHundredK(median(cpu))} s per 100k tweets), min ${Math.min(...cpu).toFixed(2)}`,
  );
}
