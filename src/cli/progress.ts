import type { CliIO } from './io.js';

/** A progress line on stderr while an archive is read. */
export interface Progress {
  update(tweets: number): void;
  /** Clears the line; call before anything else is written. */
  done(): void;
}

/** Reads shorter than this show no progress at all. */
const SHOW_AFTER_MS = 500;
const REDRAW_EVERY_MS = 200;

/**
 * Progress of a long read on stderr, only when stderr is a terminal (nothing in cron or pipes)
 * and the read takes long enough to be worth watching.
 */
export function createProgress(io: CliIO, { enabled = true } = {}): Progress {
  if (!enabled || !io.stderr.isTTY) return { update() {}, done() {} };
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(tweets) {
      const now = Date.now();
      if (now - started < SHOW_AFTER_MS || now - last < REDRAW_EVERY_MS) return;
      last = now;
      shown = true;
      io.stderr.write(`\rtweet-audit: reading… ${tweets.toLocaleString('en-US')} tweets`);
    },
    done() {
      if (shown) io.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}
