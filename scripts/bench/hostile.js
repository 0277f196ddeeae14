// The bench's hostile section (issue 16): every crafted input of scripts/hostile-cases.js at full
// size, each run once through the binary with its wall time and peak RSS, then Ctrl-C/SIGTERM
// latency on a generated archive, then the classifier on worst-case texts. Prints; never asserts.
//
//   node scripts/bench/hostile.js [archive for the signal runs]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostileCases } from '../hostile-cases.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/tweet-audit.js');
const probe = path.join(root, 'scripts/bench/rss-probe.js');
/** A case still running after this long counts as a hang and is killed. */
const BUDGET_MS = 30_000;
const RSS_BUDGET_MB = 300;

function run(args, { cwd, signalAfterMs, signal = 'SIGTERM', whenExists } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd,
      env: { PATH: process.env.PATH, HOME: cwd, XDG_CONFIG_HOME: path.join(cwd, '.config'), NO_COLOR: '1', TZ: 'UTC' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let signalledAt;
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const hang = setTimeout(() => child.kill('SIGKILL'), BUDGET_MS);
    const send = () => {
      signalledAt = performance.now();
      child.kill(signal);
    };
    let poll;
    if (signalAfterMs !== undefined) setTimeout(send, signalAfterMs);
    if (whenExists) {
      poll = setInterval(() => {
        if (signalledAt === undefined && readdirSync(whenExists).length > 0) send();
      }, 10);
    }
    child.on('error', reject);
    child.on('close', (code, sig) => {
      clearTimeout(hang);
      clearInterval(poll);
      const now = performance.now();
      const rss = /tweet-audit-bench maxrss-kb=(\d+)/.exec(stderr);
      resolve({
        code: code ?? sig,
        ms: now - started,
        stopMs: signalledAt === undefined ? undefined : now - signalledAt,
        rssMb: rss ? Number(rss[1]) / 1024 : NaN,
        stderr: stderr.replace(/\s*tweet-audit-bench maxrss-kb=\d+\s*/, '').trim(),
      });
    });
  });
}

const fmt = (n, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : 'n/a';

console.log(
  `\nHostile inputs (scripts/hostile-cases.js at bench scale; budget ${BUDGET_MS / 1000} s and ${RSS_BUDGET_MB} MB each):`,
);
console.log(['case', 'exit', 'wall s', 'peak RSS MB', 'within budget', 'first line of stderr'].join('\t'));
for (const hostile of hostileCases('bench')) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tweet-audit-hostile-bench-'));
  try {
    const spec = hostile.make(dir);
    const r = await run(['--import', probe, bin, ...spec.args], { cwd: dir });
    const within = r.ms < BUDGET_MS && !(r.rssMb > RSS_BUDGET_MB);
    const line = r.stderr.split('\n')[0].replace(dir, '…').slice(0, 110);
    console.log([hostile.name, r.code, fmt(r.ms / 1000, 2), fmt(r.rssMb), within ? 'yes' : 'NO', line].join('\t'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Ctrl-C and SIGTERM: how long a run takes to end once signalled, at several points of a report
// (no --out: nothing to clean, the signal ends it at once) and once --out's temporary file exists.
const archive = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
if (archive) {
  console.log(`\nSignals on ${path.relative(root, archive) || archive} (time from the signal to the process's end):`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tweet-audit-hostile-signal-'));
  try {
    // Signalled at points spread over a run that is let finish first.
    const whole = (await run([bin, 'report', archive, '--all', '--format', 'json'], { cwd: dir })).ms;
    console.log(`  report --all unsignalled: ${fmt(whole / 1000, 2)} s`);
    for (const [signal, share] of [
      ['SIGINT', 0.1],
      ['SIGTERM', 0.3],
      ['SIGINT', 0.5],
      ['SIGTERM', 0.7],
      ['SIGTERM', 0.9],
    ]) {
      const after = Math.round(whole * share);
      const r = await run([bin, 'report', archive, '--all', '--format', 'json'], {
        cwd: dir,
        signal,
        signalAfterMs: after,
      });
      console.log(
        `  report, ${signal} after ${fmt(after / 1000, 1)} s: ended ${r.stopMs === undefined ? 'before the signal' : `${fmt(r.stopMs)} ms later`} (exit ${r.code})`,
      );
    }
    const outDir = path.join(dir, 'out');
    (await import('node:fs')).mkdirSync(outDir);
    const r = await run(
      [bin, 'classify', archive, '--all', '--format', 'csv', '--out', path.join(outDir, 'rows.csv')],
      { cwd: dir, whenExists: outDir },
    );
    console.log(
      `  classify --out, SIGTERM once its temporary file exists: ended ${fmt(r.stopMs)} ms later (exit ${r.code}), ` +
        `files left: ${readdirSync(outDir).length}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log('\nThe classifier on worst-case texts (scripts/bench/text-worst-case.js, 200,000 characters):');
const text = spawn(process.execPath, [path.join(root, 'scripts/bench/text-worst-case.js'), '200000'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
let out = '';
text.stdout.on('data', (chunk) => (out += chunk));
await new Promise((resolve) => text.on('close', resolve));
for (const line of out.trim().split('\n')) console.log(`  ${line}`);
