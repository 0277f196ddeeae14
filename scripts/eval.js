#!/usr/bin/env node
// Leave-one-archive-out: each labeled real archive scored by a model trained on the others only,
// worst first; how far confidence can be trusted; what 50 of a user's own labels add.
// Usage: npm run eval [-- --json]   (needs ../shared/archives)
import { loadLabeledArchives } from '../dist/classify/corpus.js';
import { LIFT, leaveOneArchiveOut } from '../dist/classify/loao.js';
import { ARCHIVES, LABEL_DIRS, requireArchives } from './corpus-paths.js';

requireArchives();
const archives = await loadLabeledArchives(ARCHIVES, LABEL_DIRS);
const { archives: rows, reliability, lift } = leaveOneArchiveOut(archives, LIFT);
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ archives: rows, reliability, lift }, null, 2)}\n`);
  process.exit(0);
}
const f = (x) => x.toFixed(3);
// An archive without labels marked sure has no accuracy on them: shown as a dash, left out of mean and worst.
const sureOf = (r) => r.learned.sureAccuracy;
const known = (xs) => xs.filter(Number.isFinite);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const out = [];
out.push('Leave one archive out (category accuracy and macro-F1; learned model vs the rules alone), worst first');
out.push('');
out.push(
  '| archive | labels | accuracy | macro-F1 | subcategory acc. | sure labels: accuracy | rules alone: accuracy | macro-F1 |',
);
out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  out.push(
    `| ${r.name} | ${r.labeled} | ${f(r.learned.accuracy)} | ${f(r.learned.macroF1)} | ${f(r.learned.subcategoryAccuracy)} | ${Number.isFinite(sureOf(r)) ? f(sureOf(r)) : '–'} | ${f(r.rules.accuracy)} | ${f(r.rules.macroF1)} |`,
  );
}
const col = (pick) => rows.map(pick);
out.push(
  `| **mean** | ${rows.reduce((s, r) => s + r.labeled, 0)} | ${f(mean(col((r) => r.learned.accuracy)))} | ${f(mean(col((r) => r.learned.macroF1)))} | ${f(mean(col((r) => r.learned.subcategoryAccuracy)))} | ${f(mean(known(col(sureOf))))} | ${f(mean(col((r) => r.rules.accuracy)))} | ${f(mean(col((r) => r.rules.macroF1)))} |`,
);
out.push(
  `| **worst** | | ${f(Math.min(...col((r) => r.learned.accuracy)))} | ${f(Math.min(...col((r) => r.learned.macroF1)))} | ${f(Math.min(...col((r) => r.learned.subcategoryAccuracy)))} | ${f(Math.min(...known(col(sureOf))))} | ${f(Math.min(...col((r) => r.rules.accuracy)))} | ${f(Math.min(...col((r) => r.rules.macroF1)))} |`,
);
out.push('');
out.push('Reliability: among tweets given this confidence, the share whose category was right');
out.push('');
out.push('| confidence | tweets | right |');
out.push('| --- | ---: | ---: |');
for (const b of reliability)
  if (b.count > 0) out.push(`| ${b.from.toFixed(1)}-${b.to.toFixed(1)} | ${b.count} | ${f(b.correct / b.count)} |`);
out.push('');
out.push(
  `Your own labels: accuracy on the other tweets of an archive before and after ${LIFT.given} of its labels drawn at random, and after ${LIFT.corrections} corrections of its wrong answers (${LIFT.draws} draws)`,
);
out.push('');
out.push('| archive | before | after | points | corrected: before | after | points |');
out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
const points = (from, to) => ((to - from) * 100).toFixed(1);
for (const l of lift)
  out.push(
    `| ${l.name} | ${f(l.before)} | ${f(l.after)} | ${points(l.before, l.after)} | ${f(l.beforeCorrections)} | ${f(l.afterCorrections)} | ${points(l.beforeCorrections, l.afterCorrections)} |`,
  );
const m = (pick) => mean(lift.map(pick));
out.push(
  `| **mean** | ${f(m((l) => l.before))} | ${f(m((l) => l.after))} | ${points(
    m((l) => l.before),
    m((l) => l.after),
  )} | ${f(m((l) => l.beforeCorrections))} | ${f(m((l) => l.afterCorrections))} | ${points(
    m((l) => l.beforeCorrections),
    m((l) => l.afterCorrections),
  )} |`,
);
process.stdout.write(`${out.join('\n')}\n`);
