// What classifying adds to a report: runs the single-threaded audit of `report --all` (read,
// discover, classify, aggregate, finish) and times the calls to `classifier.classify` inside it.
// classify-speed.js times the classifier alone, with every tweet in memory and its tables warm in
// the caches; here it shares the run with reading and aggregating, as it does for a user, and the
// garbage collections that fall inside its calls count too.
//
//   node scripts/bench/classify-in-report.js [archive]
//
// One run per process (a report starts cold): the bench runs it several times. Prints one line
// of JSON: the run's wall time, the time inside classify, and the tweets classified. It prints
// figures only; it never asserts.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';

// As bin/tweet-audit.js sets it, before the audit's code loads: the garbage collector's work,
// which this run counts where it falls, depends on it.
v8.setFlagsFromString('--no-allocation-site-pretenuring');

const archivePath = process.argv[2] ?? '.bench/archive-100000';
const dist = resolve(process.env.TA_DIST ?? new URL('../../dist', import.meta.url).pathname);
const load = (path) => import(pathToFileURL(resolve(dist, path)).href);
const { prepareAudit } = await load('audit.js');
const { createAggregator } = await load('report/index.js');

const started = performance.now();
const prepared = await prepareAudit({ archives: [archivePath], period: { all: true }, config: {}, workers: 0 });
const classifier = prepared.classifier;
const classify = classifier.classify.bind(classifier);
let classifyMs = 0;
let tweets = 0;
// performance.now() rather than hrtime.bigint(): two BigInts a tweet would add work of their own.
classifier.classify = (tweet, local) => {
  const start = performance.now();
  const result = classify(tweet, local);
  classifyMs += performance.now() - start;
  tweets++;
  return result;
};
const aggregator = createAggregator({ detailMonths: prepared.detailMonths(), config: prepared.config, timeZone: prepared.zone.name });
for await (const batch of prepared.classifiedBatches('all')) {
  for (let i = 0; i < batch.length; i++) aggregator.add(batch[i]);
}
aggregator.finish();
const wallMs = performance.now() - started;
process.stdout.write(`${JSON.stringify({ archive: archivePath, tweets, wallMs: Math.round(wallMs), classifyMs: Math.round(classifyMs), classifyMsPer100k: Math.round((classifyMs * 100_000) / tweets) })}\n`);
