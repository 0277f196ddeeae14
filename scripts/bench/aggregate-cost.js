// The report aggregator's own cost per tweet, without reading or classifying: an archive is read
// and classified once (as `report --all` does), then the same classified tweets are fed to fresh
// aggregators several times and the median is printed, with the heap the aggregator keeps and the
// size of its snapshot (what a worker thread would post).
//
//   npx tsc -p tsconfig.json --outDir /tmp/agg-dist
//   node --expose-gc scripts/bench/aggregate-cost.js /tmp/agg-dist .bench/archive-100000 [runs]
//
// The build directory is an argument because others rebuild dist/ while one measures, and so that
// a build from before a change can be measured beside one from after (a build without snapshot()
// prints a snapshot of 0 MB). All the classified tweets stay in memory, so every full collection
// walks them: the collector weighs more here than in a streamed `report` run.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serialize } from 'node:v8';

const [dist = 'dist', archive = '.bench/archive-100000', runsArg = '5'] = process.argv.slice(2);
const runs = Number(runsArg);
const load = (file) => import(pathToFileURL(path.resolve(dist, file)).href);
const { prepareAudit } = await load('audit.js');
const { createAggregator } = await load('report/index.js');

const gc = globalThis.gc ?? (() => {});
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);

const prepared = await prepareAudit({ archives: [archive], period: { all: true }, config: {} });
const tweets = [];
for await (const item of prepared.classified('all')) tweets.push(item);
const options = { detailMonths: prepared.detailMonths(), config: prepared.config, timeZone: prepared.zone.name, examples: 0 };
console.log(`${tweets.length} tweets, ${prepared.monthCounts.size} months, detailMonths ${JSON.stringify(options.detailMonths)}`);

const adds = [];
const finishes = [];
const heaps = [];
let stateBytes = 0;
let report = '';
// AGG_PROFILE=file.cpuprofile profiles the runs alone, without the reading and classifying.
const profile = process.env.AGG_PROFILE;
const session = profile ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
// Array buffers are freed after the collection that finds them dead: collect, yield, collect.
const used = async () => {
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};
// CPU time of this process (all its threads, the collector's included): on a shared machine it
// moves less than wall time with what else runs.
const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) * 1000;
};
const addCpus = [];
const holder = { aggregator: null };

/** One run: a fresh aggregator fed every tweet and finished, left in `holder` to be weighed. */
function runOnce(first) {
  const aggregator = createAggregator(options);
  holder.aggregator = aggregator;
  const start = process.hrtime.bigint();
  const cpuStart = cpu();
  for (const item of tweets) aggregator.add(item);
  addCpus.push((cpu() - cpuStart) / tweets.length);
  const added = process.hrtime.bigint();
  if (first && aggregator.snapshot) stateBytes = serialize(aggregator.snapshot()).length;
  const finishStart = process.hrtime.bigint();
  const text = JSON.stringify(aggregator.finish());
  const finished = process.hrtime.bigint();
  adds.push(Number(added - start) / tweets.length);
  finishes.push(Number(finished - finishStart) / 1e6);
  return text;
}

for (let run = 0; run < runs; run += 1) {
  const text = runOnce(run === 0);
  // What the aggregator holds: the heap with it, less the heap once it is dropped.
  const withIt = await used();
  holder.aggregator = null;
  heaps.push(withIt - (await used()));
  if (run > 0 && text !== report) throw new Error('the report changed from one run to the next');
  report = text;
}
if (session) writeFileSync(profile, JSON.stringify((await session.post('Profiler.stop')).profile));
console.log(`add: median ${median(adds).toFixed(0)} ns/tweet wall (runs: ${adds.map((v) => v.toFixed(0)).join(', ')})`);
console.log(`add: median ${median(addCpus).toFixed(0)} ns/tweet CPU (runs: ${addCpus.map((v) => v.toFixed(0)).join(', ')})`);
console.log(`finish: median ${median(finishes).toFixed(0)} ms (runs: ${finishes.map((v) => v.toFixed(0)).join(', ')})`);
console.log(`kept by the aggregator: median ${mb(median(heaps))} MB heap + array buffers; snapshot ${mb(stateBytes)} MB serialized`);
