// npm run bench: speed, memory and accuracy figures of tweet-audit, printed, never asserted.
//
//   BENCH_SIZES=10000,1000000 npm run bench    sizes to generate and audit (default 10k,100k)
//   BENCH_RUNS=5 npm run bench                 runs per size for the median (default 3; 1 for 1M)
//   BENCH_SHARED=/path/to/archives npm run bench   real archives (default ../shared/archives)
//   BENCH_HOSTILE=0 npm run bench              without the hostile-input section (scripts/bench/hostile.js)
//
// Archives are generated (seeded, no network) into .bench/ once and reused. The figures and what
// they mean are in docs/performance.md.
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
const zipBaseline = path.join(root, 'scripts/bench/zip-parse-baseline.js');
const benchDir = path.join(root, '.bench');
const shared = path.resolve(process.env.BENCH_SHARED ?? path.resolve(root, '../shared/archives'));

function wholeNumbers(name, text) {
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.some((n) => !Number.isInteger(n) || n <= 0)) {
    console.error(`bench: ${name} must be whole numbers separated by commas, got "${text}"`);
    process.exit(2);
  }
  return values;
}
const sizes = wholeNumbers('BENCH_SIZES', process.env.BENCH_SIZES ?? '10000,100000');
const fixedRuns =
  process.env.BENCH_RUNS === undefined ? undefined : wholeNumbers('BENCH_RUNS', process.env.BENCH_RUNS)[0];
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

const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

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

  const all = await timed(
    ['--import', probe, bin, 'report', archive, '--all', '--format', 'json', '--out', out],
    runsFor(size),
  );
  const month = await timed(['--import', probe, bin, 'report', archive, '--out', out], runsFor(size));
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
  return { label: `${fmt(size)} generated`, mb: bytes / 1e6, runs: runsFor(size), all, month, parseMs };
}

/** Median wall time and peak RSS of a command over `runs` runs. */
async function timed(args, runs) {
  const times = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    const result = await run(args);
    if (result.code !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stderr}`);
    times.push(result.ms);
    rss.push(result.rssMb);
  }
  return { ms: median(times), rssMb: median(rss) };
}

/** A real archive as downloaded (a .zip), against inflating and parsing its tweet files. */
async function benchZip(zip, runs) {
  const out = path.join(os.tmpdir(), `tweet-audit-bench-${process.pid}.out`);
  const all = await timed(['--import', probe, bin, 'report', zip, '--all', '--format', 'json', '--out', out], runs);
  const month = await timed(['--import', probe, bin, 'report', zip, '--out', out], runs);
  await rm(out, { force: true });
  const parses = [];
  for (let i = 0; i < runs; i++) {
    const result = await run([zipBaseline, zip]);
    if (result.code !== 0) throw new Error(`zip baseline failed:\n${result.stderr}`);
    parses.push(JSON.parse(result.stdout).ms);
  }
  return { label: path.basename(zip), mb: statSync(zip).size / 1e6, runs, all, month, parseMs: median(parses) };
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
console.log(
  `tweet-audit bench — node ${process.version}, ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30)} GiB`,
);
console.log('Median of runs. month = `report` (the default month, table); all = `report --all --format json`;');
console.log('parse = a bare read (and inflate, for a zip) + JSON.parse of the tweet files; ratios are to it.\n');
console.log(
  [
    'archive',
    'MB',
    'runs',
    'month s',
    'month RSS MB',
    'all s',
    'all RSS MB',
    'parse s',
    'month/parse',
    'all/parse',
  ].join('\t'),
);
const rows = [];
for (const size of sizes) rows.push(() => benchSize(size));
const cogdog = path.join(shared, 'cogdog-2023.zip');
if (existsSync(cogdog)) rows.push(() => benchZip(cogdog, fixedRuns ?? 3));
for (const bench of rows) {
  const r = await bench();
  const ratio = (ms) => (r.parseMs === null ? 'n/a' : fmt(ms / r.parseMs, 2));
  console.log(
    [
      r.label,
      fmt(r.mb, 1),
      r.runs,
      fmt(r.month.ms / 1000, 2),
      fmt(r.month.rssMb),
      fmt(r.all.ms / 1000, 2),
      fmt(r.all.rssMb),
      r.parseMs === null ? 'n/a' : fmt(r.parseMs / 1000, 2),
      ratio(r.month.ms),
      ratio(r.all.ms),
    ].join('\t'),
  );
}
const help = await benchHelp();
console.log(
  `\ntweet-audit --help: median ${fmt(help.help)} ms of 15 runs; bare node start-up ${fmt(help.bare)} ms (so ${fmt(help.help - help.bare)} ms are ours)`,
);
const sample = await timed([bin, 'report', path.join(root, 'fixtures/sample-archive')], 5);
console.log(`report of the sample archive (565 tweets): median ${fmt(sample.ms)} ms of 5 runs`);
{
  // Classifying alone (every tweet read into memory first), on the largest archive up to 100k.
  // --local: each tweet's local time is worked out before timing, as audits do for the report
  // anyway and hand it to the classifier; without it, the figure also counts that conversion.
  const size = Math.max(...sizes.filter((n) => n <= 100_000), 0);
  if (size > 0) {
    const result = await run([
      path.join(root, 'scripts/bench/classify-speed.js'),
      path.join(benchDir, `archive-${size}`),
      '--passes',
      '5',
      '--local',
    ]);
    const lines = result.stdout
      .trim()
      .split('\n')
      .filter((line) => line.startsWith('median'));
    console.log(`\nClassifying alone, ${fmt(size)} tweets in memory (scripts/bench/classify-speed.js):`);
    for (const line of result.code === 0 ? lines : [result.stderr.trim()]) console.log(`  ${line}`);
  }
}
if (existsSync(shared)) {
  console.log('\nClassifier against hand labels (../shared/archives/labels):');
  for (const row of await benchAccuracy()) {
    console.log(
      row.error
        ? `  ${row.archive}: ${row.error}`
        : `  ${row.archive}: accuracy ${fmt(row.accuracy, 3)}, macro-F1 ${fmt(row.macroF1, 3)} (${row.n} labeled tweets)`,
    );
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
