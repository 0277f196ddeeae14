#!/usr/bin/env node
import { readFileSync } from 'node:fs';

// `tweet-audit --help` as the command line made it at build time (scripts/build-help.js): loading
// the command-line parser is most of the start-up time it would take. A terminal narrower than
// the 80 columns it is wrapped to gets it from the parser, rewrapped.
const args = process.argv.slice(2);
const wantsHelp = args.length === 1 && (args[0] === '--help' || args[0] === '-h');
let help;
if (wantsHelp && !(process.stdout.isTTY && process.stdout.columns < 80)) {
  try {
    help = readFileSync(new URL('../dist/cli/help.txt', import.meta.url));
  } catch {
    // Not built by npm run build: the parser prints it.
  }
}
if (help) {
  process.stdout.on('error', () => {});
  process.stdout.write(help);
} else {
  // V8 learns, early in a long read, that tweets survive (the first ones are kept for discovery)
  // and from then on allocates every tweet straight into the old generation, where the dead ones
  // wait for a full collection: a 1M-tweet report in one thread peaked at ~420 MB of RSS with
  // ~56 MB live. Without that pretenuring it peaks at ~277 MB, in the same time (100k: ~220 MB
  // instead of ~250, CPU the same). The flag is process-wide, so workers have it too; set before
  // any of the audit's code is loaded.
  const v8 = await import('node:v8');
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
  const { runCli } = await import('../dist/cli/index.js');
  await runCli();
}
