// The near-duplicate check's own cost: each detailed month's DuplicateFinder state of an archive is
// built once (read, classified and aggregated as `report --all` does) and cached with v8.serialize,
// then fresh finders are fed each month's state with merge() (timed apart: what the main thread of
// a parallel run does with each worker's state) and their finish() is timed.
// Prints the median total over the runs, the slowest months, and a digest of every finding, so two
// builds can be checked to find the same duplicates.
//
//   npx tsc -p tsconfig.json --outDir /tmp/dup-dist
//   node scripts/bench/duplicates-cost.js /tmp/dup-dist .bench/archive-1000000 [runs] [cache file]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deserialize, serialize } from 'node:v8';

const [dist = 'dist', archive = '.bench/archive-100000', runsArg = '3', cacheArg] = process.argv.slice(2);
const runs = Number(runsArg);
const cache = cacheArg ?? path.join('/tmp', `duplicate-states-${path.basename(archive)}.v8`);
const load = (file) => import(pathToFileURL(path.resolve(dist, file)).href);
const { DuplicateFinder } = await load('report/duplicates.js');
const { FLAG_ID_CAP } = await load('report/constants.js');

let states;
if (existsSync(cache)) {
  states = deserialize(readFileSync(cache));
} else {
  const { prepareAudit } = await load('audit.js');
  const { createAggregator } = await load('report/index.js');
  const prepared = await prepareAudit({ archives: [archive], period: { all: true }, config: {} });
  const options = { detailMonths: prepared.detailMonths(), config: prepared.config, timeZone: prepared.zone.name, examples: 0 };
  const aggregator = createAggregator(options);
  for await (const item of prepared.classified('all')) aggregator.add(item);
  const snapshot = aggregator.snapshot();
  const details = snapshot.details ?? snapshot.months ?? Object.values(snapshot).find((v) => Array.isArray(v) && v[0]?.duplicates);
  states = details.map((detail) => ({ month: detail.month, duplicates: detail.duplicates }));
  writeFileSync(cache, serialize(states));
}
// DUP_MONTHS=n keeps the n months with the most texts: a quicker, still representative run.
if (process.env.DUP_MONTHS) states = [...states].sort((a, b) => b.duplicates.counts.length - a.duplicates.counts.length).slice(0, Number(process.env.DUP_MONTHS));
const texts = states.reduce((sum, s) => sum + s.duplicates.counts.length, 0);
console.log(`${states.length} months, ${texts} distinct texts (cache ${cache})`);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const perMonth = states.map(() => []);
const totals = [];
const cpus = [];
const mergeCpus = [];
// CPU time of this thread's process: on a shared machine it moves less than wall time.
const cpu = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};
let digest = '';
for (let run = 0; run < runs; run += 1) {
  const hash = createHash('sha256');
  let total = 0;
  let cpuTotal = 0;
  let mergeCpu = 0;
  states.forEach((state, m) => {
    const finder = new DuplicateFinder(FLAG_ID_CAP);
    const mergeStart = cpu();
    finder.merge(state.duplicates);
    mergeCpu += cpu() - mergeStart;
    const cpuStart = cpu();
    const start = process.hrtime.bigint();
    const findings = finder.finish();
    const us = Number(process.hrtime.bigint() - start) / 1e3;
    cpuTotal += cpu() - cpuStart;
    total += us;
    perMonth[m].push(us);
    hash.update(`${state.month} ${JSON.stringify(findings)}\n`);
  });
  totals.push(total);
  cpus.push(cpuTotal);
  mergeCpus.push(mergeCpu);
  digest = hash.digest('hex');
}
const slowest = states.map((s, m) => [s.month, median(perMonth[m]), s.duplicates.counts.length]).sort((a, b) => b[1] - a[1]).slice(0, 5);
for (const [month, us, n] of slowest) console.log(`  ${month}: ${Math.round(us)} µs, ${n} texts`);
console.log(`finish total: median ${Math.round(median(totals))} µs over ${runs} runs (${totals.map((t) => Math.round(t / 1000)).join(', ')} ms)`);
console.log(`finish CPU: median ${Math.round(median(cpus))} µs (${cpus.map((t) => Math.round(t / 1000)).join(', ')} ms)`);
console.log(`merge CPU: median ${Math.round(median(mergeCpus))} µs (${mergeCpus.map((t) => Math.round(t / 1000)).join(', ')} ms)`);
console.log(`findings digest ${digest}`);
