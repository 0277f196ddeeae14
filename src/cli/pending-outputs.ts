import { rmSync } from 'node:fs';

/** Signals that end a run, with the exit code a shell gives for each (128 + its number). */
const SIGNALS = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
  ['SIGQUIT', 131],
] as const;

/**
 * Temporary --out files being written, so that an interrupted run can remove them. Kept apart
 * from output.ts so that the entry point does not load chalk for it.
 *
 * The signal handlers exist only while a temporary file does. A handler runs on the event loop,
 * so a busy main thread would delay Ctrl-C; with no handler, the signal ends the process at
 * once, which is right when there is nothing to clean up.
 */
class PendingTemps extends Set<string> {
  private readonly handlers = SIGNALS.map(
    ([signal, code]) =>
      [
        signal,
        () => {
          removePendingOutputs();
          process.exit(code);
        },
      ] as const,
  );

  override add(temp: string): this {
    const first = this.size === 0;
    super.add(temp);
    // Only the binary's own process listens: tests that run main() in-process leave signals alone.
    if (first && this.size > 0 && listening) for (const [signal, handler] of this.handlers) process.on(signal, handler);
    return this;
  }

  override delete(temp: string): boolean {
    const deleted = super.delete(temp);
    if (deleted && this.size === 0) for (const [signal, handler] of this.handlers) process.off(signal, handler);
    return deleted;
  }

  override clear(): void {
    for (const temp of [...this]) this.delete(temp);
  }
}

let listening = false;

/** Called by the binary's entry: an interrupted write removes its temporary file. */
export function removeTempsOnSignals(): void {
  listening = true;
}

export const pendingTemps: Set<string> = new PendingTemps();

/** Removes half-written outputs; for signal handlers, so synchronous. */
export function removePendingOutputs(): void {
  for (const temp of pendingTemps) rmSync(temp, { force: true });
  pendingTemps.clear();
}
