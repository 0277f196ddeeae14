// Part of `npm run build`: writes dist/cli/help.txt, the top-level `tweet-audit --help`, made by
// the command line itself. bin/tweet-audit.js prints it without loading the command-line parser,
// which is most of the start-up time of `--help`. test/e2e/help.test.ts checks they are equal.
import { writeFileSync } from 'node:fs';
import { main } from '../dist/cli/index.js';

let text = '';
const stdout = { write: (chunk) => ((text += chunk), true), isTTY: false };
const stderr = { write: (chunk) => (process.stderr.write(chunk), true), isTTY: false };
const code = await main(['--help'], { stdout, stderr, cwd: process.cwd(), env: {} });
if (code !== 0 || text === '') {
  console.error(`build-help: tweet-audit --help exited ${code} with ${text.length} characters of help`);
  process.exit(1);
}
writeFileSync(new URL('../dist/cli/help.txt', import.meta.url), text);
