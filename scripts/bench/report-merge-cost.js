// What the main thread of a parallel `report --all` spends on the aggregator: an archive is read
// and classified once, cut into runs of tweets in file order (as workers hand their state over
// every ~50,000 tweets), each run aggregated and its snapshot structured-cloned (as postMessage
// does); then a fresh aggregator merges every snapshot and finishes, and only that is timed. Two
// builds are measured in one process, runs interleaved, with the CPU time of each (medians), and
// their reports must be the same.
//
//   npx tsc -p tsconfig.json --outDir /tmp/new-dist
//   node --expose-gc scripts/bench/report-merge-cost.js /tmp/base-dist /tmp/new-dist .bench/archive-100000 [runs] [tweets per state]
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [baseDist, newDist, archive = '.bench/archive-100000', runsArg = '5', perStateArg = '50000'] = process.argv.slice(2);
if (!baseDist || !newDist) throw new Error('usage: report-merge-cost.js <base dist> <new dist> [archive] [runs] [tweets per state]');
const runs = Number(runsArg);
const perState = Number(perStateArg);
const load = (dist, file) => import(pathToFileURL(path.resolve(dist, file)).href);
const builds = [baseDist, newDist];
const aggregators = await Promise.all(builds.map((dist) => load(dist, 'report/index.js')));
const { prepareAudit } = await load(baseDist, 'audit.js');

const prepared = await prepareAudit({ archives: [archive], period: { all: true }, config: {} });
const tweets = [];
for await (const item of prepared.classified('all')) tweets.push(item);
// A fixed generator: a build outside dist/ finds no package version.
const options = { detailMonths: prepared.detailMonths(), config: prepared.config, timeZone: prepared.zone.name, examples: 0, generator: { name: 'tweet-audit', version: 'bench' } };

// The states, made once by the base build (their format is shared), cloned as postMessage would.
const states = [];
for (let from = 0; from < tweets.length; from += perState) {
  const part = aggregators[0].createAggregator(options);
  for (const item of tweets.slice(from, from + perState)) part.add(item);
  states.push(structuredClone(part.snapshot()));
}
tweets.length = 0;
console.log(`${states.length} states of up to ${perState} tweets`);

const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const merges = builds.map(() => []);
const finishes = builds.map(() => []);
const reports = builds.map(() => '');
for (let run = 0; run < runs; run += 1) {
  for (const b of run % 2 === 0 ? [0, 1] : [1, 0]) {
    // Each build merges clones of its own, so no run sees arrays another one touched.
    const copies = states.map((state) => structuredClone(state));
    // Run with --expose-gc: each run then starts from a collected heap.
    globalThis.gc?.();
    const main = aggregators[b].createAggregator(options);
    const start = cpu();
    for (const state of copies) main.merge(state);
    const merged = cpu();
    const report = JSON.stringify(main.finish());
    merges[b].push(merged - start);
    finishes[b].push(cpu() - merged);
    if (reports[b] !== '' && reports[b] !== report) throw new Error(`${builds[b]}: the report changed from one run to the next`);
    reports[b] = report;
  }
}
for (const b of [0, 1]) {
  console.log(`${builds[b]}: merge CPU median ${median(merges[b]).toFixed(0)} ms (${merges[b].map((v) => v.toFixed(0)).join(', ')}), finish CPU median ${median(finishes[b]).toFixed(0)} ms (${finishes[b].map((v) => v.toFixed(0)).join(', ')})`);
}
console.log(`new/base: merge ${(median(merges[1]) / median(merges[0])).toFixed(2)}, finish ${(median(finishes[1]) / median(finishes[0])).toFixed(2)}`);
if (reports[0] !== reports[1]) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync('/tmp/report-merge-cost-base.json', reports[0]);
  writeFileSync('/tmp/report-merge-cost-new.json', reports[1]);
  throw new Error('the two builds give different reports (written to /tmp/report-merge-cost-{base,new}.json)');
}
console.log('reports identical');
