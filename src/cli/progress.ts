import type { CliIO } from './io.js';

/**
 * Progress of a long read on stderr, only when stderr is a terminal (nothing in cron or pipes).
 * Redraws at most a few times a second; `done()` clears the line.
 */
export function createProgress(io: CliIO): { update(tweets: number): void; done(): void } {
  if (!io.stderr.isTTY) return { update() {}, done() {} };
  let last = 0;
  let shown = false;
  return {
    update(tweets) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      shown = true;
      io.stderr.write(`\rtweet-audit: reading… ${tweets.toLocaleString('en-US')} tweets`);
    },
    done() {
      if (shown) io.stderr.write('\r\x1b[2K');
    },
  };
}
