// npm run bench: speed, memory and accuracy figures of tweet-audit, printed, never asserted.
//
//   BENCH_SIZES=10000,100000 npm run bench     sizes to generate and audit (default 10k,100k,1M)
//   BENCH_RUNS=5 npm run bench                 runs per size for the median (default 3; 1 for 1M)
//   TWEET_AUDIT_WORKERS=0 npm run bench        the same in one thread (default: auto, see README)
//   BENCH_HOSTILE=0 npm run bench              without the hostile-input section (scripts/bench/hostile.js)
//
// Archives are generated (seeded, no network) into .bench/ once and reused.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION, generateArchive } from './generate-archive.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/tweet-audit.js');
const probe = path.join(root, 'scripts/bench/rss-probe.js');
const baseline = path.join(root, 'scripts/bench/json-parse-baseline.js');
const floorScript = path.join(root, 'scripts/bench/parse-floor.js');
const benchDir = path.join(root, '.bench');
const shared = path.resolve(root, '../shared/archives');

function wholeNumbers(name, text) {
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.some((n) => !Number.isInteger(n) || n <= 0)) {
    console.error(`bench: ${name} must be whole numbers separated by commas, got "${text}"`);
    process.exit(2);
  }
  return values;
}
const sizes = wholeNumbers('BENCH_SIZES', process.env.BENCH_SIZES ?? '10000,100000,1000000');
const fixedRuns = process.env.BENCH_RUNS === undefined ? undefined : wholeNumbers('BENCH_RUNS', process.env.BENCH_RUNS)[0];
const runsFor = (size) => fixedRuns ?? (size >= 1_000_000 ? 1 : 3);
// The children get an empty home: the user's own config must not change the figures.
const home = mkdtempSync(path.join(os.tmpdir(), 'tweet-audit-bench-home-'));
// V8 cannot hold a string over ~512 MB, so a bare JSON.parse of larger files is impossible.
const MAX_BASELINE_BYTES = 500 * 1024 * 1024;

function run(args, { env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: home,
      env: {
        PATH: process.env.PATH,
        HOME: home,
        XDG_CONFIG_HOME: path.join(home, '.config'),
        NO_COLOR: '1',
        ...(process.env.TWEET_AUDIT_WORKERS === undefined ? {} : { TWEET_AUDIT_WORKERS: process.env.TWEET_AUDIT_WORKERS }),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const rss = /tweet-audit-bench maxrss-kb=(\d+)/.exec(stderr);
      resolve({ code, ms, stdout, stderr, rssMb: rss ? Number(rss[1]) / 1024 : NaN });
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function dataFiles(archive) {
  const data = path.join(archive, 'data');
  return readdirSync(data)
    .filter((name) => /^tweets?(-part\d+)?\.js$/.test(name))
    .map((name) => path.join(data, name));
}

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Whether `archive` was generated whole by the current generator (its README says which). */
function isCurrentArchive(archive) {
  if (!existsSync(path.join(archive, 'data/manifest.js'))) return false;
  try {
    return readFileSync(path.join(archive, 'data/README.txt'), 'utf8').includes(`(generator ${GENERATOR_VERSION})`);
  } catch {
    return false;
  }
}

async function benchSize(size) {
  const archive = path.join(benchDir, `archive-${size}`);
  if (!isCurrentArchive(archive)) {
    await rm(archive, { recursive: true, force: true });
    process.stderr.write(`bench: generating ${fmt(size)} tweets into ${path.relative(root, archive)}…\n`);
    await generateArchive({ tweets: size, out: archive, seed: 42 });
  }
  const files = dataFiles(archive);
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const out = path.join(os.tmpdir(), `tweet-audit-bench-${process.pid}.json`);

  const times = [];
  const rss = [];
  for (let i = 0; i < runsFor(size); i++) {
    const result = await run(['--import', probe, bin, 'report', archive, '--all', '--format', 'json', '--out', out]);
    if (result.code !== 0) throw new Error(`report failed on ${archive}:\n${result.stderr}`);
    times.push(result.ms);
    rss.push(result.rssMb);
  }
  await rm(out, { force: true });

  let parseMs = null;
  if (files.length === 1 && bytes <= MAX_BASELINE_BYTES) {
    const parses = [];
    for (let i = 0; i < runsFor(size); i++) {
      const result = await run(['--max-old-space-size=8192', baseline, files[0]]);
      if (result.code !== 0) throw new Error(`baseline failed:\n${result.stderr}`);
      parses.push(JSON.parse(result.stdout).ms);
    }
    parseMs = median(parses);
  }
  // The floor: reading, cutting and parsing every item on all cores, nothing else.
  let floor = null;
  if (files.length === 1) {
    const floors = [];
    const floorRss = [];
    for (let i = 0; i < runsFor(size); i++) {
      const result = await run(['--import', probe, floorScript, files[0]]);
      if (result.code !== 0) throw new Error(`parse floor failed:\n${result.stderr}`);
      floors.push(JSON.parse(result.stdout).ms);
      floorRss.push(result.rssMb);
    }
    floor = { s: median(floors) / 1000, rssMb: median(floorRss) };
  }
  const wall = median(times);
  return {
    tweets: size,
    mb: bytes / 1e6,
    runs: times.length,
    wallS: wall / 1000,
    tweetsPerS: size / (wall / 1000),
    mbPerS: bytes / 1e6 / (wall / 1000),
    peakRssMb: median(rss),
    parseS: parseMs === null ? null : parseMs / 1000,
    ratio: parseMs === null ? null : wall / parseMs,
    floor,
  };
}

/** Median wall time of `--help`, beside bare `node -e 0` measured in turn, so load hits both alike. */
async function benchHelp() {
  const help = [];
  const bare = [];
  for (let i = 0; i < 15; i++) {
    help.push((await run([bin, '--help'])).ms);
    bare.push((await run(['-e', '0'])).ms);
  }
  return { help: median(help), bare: median(bare) };
}

async function benchAccuracy() {
  const rows = [];
  for (const name of ['alrocar-2024', 'dgageot-2013']) {
    const labels = path.join(shared, 'labels', `${name}.csv`);
    if (!existsSync(labels)) continue;
    const result = await run([bin, 'eval', path.join(shared, name), '--labels', labels, '--format', 'json']);
    if (result.code !== 0) {
      rows.push({ archive: name, error: result.stderr.trim() });
      continue;
    }
    const evaluation = JSON.parse(result.stdout);
    rows.push({ archive: name, accuracy: evaluation.accuracy, macroF1: evaluation.macroF1, n: evaluation.evaluated });
  }
  return rows;
}

await mkdir(benchDir, { recursive: true });
console.log(`tweet-audit bench — node ${process.version}, ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30)} GiB`);
console.log('Full-archive report (--all --format json), median of runs; ratio = report time / bare read + JSON.parse of the same file');
console.log(`Workers: TWEET_AUDIT_WORKERS=${process.env.TWEET_AUDIT_WORKERS ?? 'auto'} (auto: ${Math.min(os.availableParallelism(), 4)} for tweet files of 160 MB and more)\n`);
console.log(`floor = reading, cutting and JSON.parse of every item on ${Math.min(os.availableParallelism(), 4)} workers and nothing else (scripts/bench/parse-floor.js): no audit can beat it`);
console.log(['tweets', 'MB', 'runs', 'wall s', 'tweets/s', 'MB/s', 'peak RSS MB', 'JSON.parse s', 'ratio', 'floor s', 'floor RSS MB'].join('\t'));
for (const size of sizes) {
  const r = await benchSize(size);
  console.log(
    [
      fmt(r.tweets),
      fmt(r.mb, 1),
      r.runs,
      fmt(r.wallS, 2),
      fmt(r.tweetsPerS),
      fmt(r.mbPerS, 1),
      fmt(r.peakRssMb),
      r.parseS === null ? 'n/a' : fmt(r.parseS, 2),
      r.ratio === null ? 'n/a' : fmt(r.ratio, 2),
      r.floor === null ? 'n/a' : fmt(r.floor.s, 2),
      r.floor === null ? 'n/a' : fmt(r.floor.rssMb),
    ].join('\t'),
  );
}
const help = await benchHelp();
console.log(`\ntweet-audit --help: median ${fmt(help.help)} ms of 15 runs; bare node start-up ${fmt(help.bare)} ms (so ${fmt(help.help - help.bare)} ms are ours)`);
{
  // Classifying alone (every tweet read into memory first), on the largest archive up to 100k.
  // --local: each tweet's local time is worked out before timing, as audits do for the report
  // anyway and hand it to the classifier; without it, the figure also counts that conversion.
  const size = Math.max(...sizes.filter((n) => n <= 100_000), 0);
  if (size > 0) {
    const result = await run([path.join(root, 'scripts/bench/classify-speed.js'), path.join(benchDir, `archive-${size}`), '--passes', '5', '--local']);
    const lines = result.stdout.trim().split('\n').filter((line) => line.startsWith('median'));
    console.log(`\nClassifying alone, ${fmt(size)} tweets in memory (scripts/bench/classify-speed.js):`);
    for (const line of result.code === 0 ? lines : [result.stderr.trim()]) console.log(`  ${line}`);
    // The same classifier inside a single-threaded report --all, a fresh process per run.
    const inReport = [];
    for (let r = 0; r < runsFor(size); r++) {
      const one = await run([path.join(root, 'scripts/bench/classify-in-report.js'), path.join(benchDir, `archive-${size}`)]);
      if (one.code !== 0) {
        console.log(`  inside a report: failed: ${one.stderr.trim()}`);
        break;
      }
      inReport.push(JSON.parse(one.stdout));
    }
    if (inReport.length === runsFor(size)) {
      // Seconds for this archive's tweets, not per 100k: in a small archive the first tweets meet
      // code not yet compiled, which a rate per 100k would multiply.
      const seconds = inReport.map((row) => row.classifyMs / 1000);
      console.log(
        `  inside a one-thread report --all (scripts/bench/classify-in-report.js): median ${fmt(median(seconds), 2)} s classifying its ` +
          `${fmt(inReport[0].tweets)} tweets (runs: ${seconds.map((v) => fmt(v, 2)).join(', ')}), in a report of median ` +
          `${fmt(median(inReport.map((row) => row.wallMs)) / 1000, 2)} s`,
      );
    }
  }
}
if (existsSync(shared)) {
  console.log('\nClassifier against hand labels (../shared/archives/labels):');
  for (const row of await benchAccuracy()) {
    console.log(row.error ? `  ${row.archive}: ${row.error}` : `  ${row.archive}: accuracy ${fmt(row.accuracy, 3)}, macro-F1 ${fmt(row.macroF1, 3)} (${row.n} labeled tweets)`);
  }
}
{
  // Hostile inputs (issue 16): each crafted case at full size, signal latency, worst-case texts.
  // BENCH_HOSTILE=0 leaves the section out.
  if (process.env.BENCH_HOSTILE !== '0') {
    const size = Math.max(...sizes.filter((n) => n <= 100_000), 0);
    const args = [path.join(root, 'scripts/bench/hostile.js')];
    if (size > 0) args.push(path.join(benchDir, `archive-${size}`));
    const child = spawn(process.execPath, args, { cwd: home, stdio: 'inherit' });
    await new Promise((resolve) => child.on('close', resolve));
  }
}
