// What holds the memory of `report --all`, stage by stage (docs/performance.md, "Memory of --all"):
//   npm run build && node --expose-gc scripts/bench/memory-stages.js <archive> [--stream]
// Prints the live heap after a full GC at each stage: tweets read, context and classifier built,
// every month classified and aggregated, then the same with the tweets let go (what a second
// read of the archive would not hold). --stream reads every tweet and keeps none (a first pass).
import { readFileSync } from 'node:fs';

const dist = new URL('../../dist/', import.meta.url);
const { openArchives, tweetBatches } = await import(new URL('archive/index.js', dist).href);
const audit = await import(new URL('audit.js', dist).href);
const { archiveContext } = await import(new URL('classify/context.js', dist).href);
const { createClassifier } = await import(new URL('classify/classifier.js', dist).href);
const { DEFAULT_NIGHT_HOURS } = await import(new URL('config/schema.js', dist).href);
const { createAggregator } = await import(new URL('report/aggregate.js', dist).href);

const [archivePath, mode] = process.argv.slice(2);
if (!archivePath || typeof globalThis.gc !== 'function') {
  process.stderr.write('usage: node --expose-gc scripts/bench/memory-stages.js <archive> [--stream]\n');
  process.exit(2);
}
const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;
const peak = () => Number(/^VmHWM:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;

function stage(name) {
  globalThis.gc();
  globalThis.gc();
  const { heapUsed, external, rss } = process.memoryUsage();
  process.stdout.write(
    `${name.padEnd(48)} heap ${mb(heapUsed).padStart(7)}  external ${mb(external).padStart(6)}  rss ${mb(rss).padStart(7)}  peak rss ${mb(peak()).padStart(7)}\n`,
  );
  return heapUsed + external;
}

stage('start');
if (mode === '--stream') {
  let n = 0;
  for await (const batch of tweetBatches(await openArchives([archivePath]))) n += batch.length;
  stage(`${n} tweets read, none kept`);
} else {
  const { archive, tweets } = await audit.readArchive([archivePath]);
  const count = tweets.length;
  stage(`${count} tweets read`);
  const { zone } = audit.chooseZone(undefined, {}, archive);
  const identity = await audit.discoverOwner(archive.owner, tweets, {});
  const context = archiveContext(tweets, identity, archive.owner.bio);
  const classifier = await createClassifier({ identity, zone, nightHours: DEFAULT_NIGHT_HOURS, context });
  stage('context and classifier built');
  const months = tweets.map((tweet) => zone.monthKey(tweet.createdAt));
  const totals = new Map();
  for (const month of months) totals.set(month, (totals.get(month) ?? 0) + 1);
  const aggregator = createAggregator({
    detailMonths: [...totals.keys()].sort(),
    monthsSeen: [...totals.keys()],
    monthTotals: totals,
    config: {},
    timeZone: zone.name,
    examples: 3,
    summary: true,
  });
  for (const tweet of audit.classify(tweets, months, classifier, zone)) aggregator.add(tweet);
  const all = stage('every month classified and aggregated');
  tweets.length = 0;
  months.length = 0;
  const rest = stage('the same, the tweets let go');
  process.stdout.write(`tweets: ${mb(all - rest)}, ${Math.round((all - rest) / count)} bytes a tweet\n`);
  aggregator.finish();
  stage('report made');
}
