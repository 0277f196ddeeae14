// Preloaded into a benchmarked child (`node --import`): reports its peak RSS when it exits.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\ntweet-audit-bench maxrss-kb=${process.resourceUsage().maxRSS}\n`);
});
