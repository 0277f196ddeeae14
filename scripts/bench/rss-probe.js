// Preloaded into a benchmarked child (`node --import`): reports its peak RSS when it exits.
// VmHWM (Linux) is the peak of this program alone; ru_maxrss would also carry the peak of the
// process that forked it, because Linux keeps that figure across exec.
import { readFileSync, writeSync } from 'node:fs';

function peakKb() {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // not Linux: fall back below
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  writeSync(2, `\ntweet-audit-bench maxrss-kb=${peakKb()}\n`);
});
