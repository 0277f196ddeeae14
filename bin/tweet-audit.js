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
  const { runCli } = await import('../dist/cli/index.js');
  await runCli();
}
