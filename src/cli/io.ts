/** The process-facing world a command runs in; tests pass their own. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Exit codes: 0 all good, 1 a check found a target unmet, 2 bad input or usage. */
export const EXIT = { ok: 0, targetsUnmet: 1, error: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Writes one diagnostic line to stderr, prefixed with the program name. */
export function warn(io: CliIO, message: string): void {
  io.stderr.write(`tweet-audit: ${message}\n`);
}

/** Says in words why a write failed. */
export function describeIoError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'EACCES':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return error.message;
  }
}
