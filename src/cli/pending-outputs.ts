import { rmSync } from 'node:fs';

/**
 * Temporary --out files being written, so that an interrupted run can remove them. Kept apart
 * from output.ts so that the entry point can register its signal handlers without loading chalk.
 */
export const pendingTemps = new Set<string>();

/** Removes half-written outputs; for signal handlers, so synchronous. */
export function removePendingOutputs(): void {
  for (const temp of pendingTemps) rmSync(temp, { force: true });
  pendingTemps.clear();
}

/** True while a pager shows the report: Ctrl-C is the pager's then (less uses it), as with git. */
export const paging = { active: false };
