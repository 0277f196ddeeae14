/** The process-facing world a command runs in; tests pass their own. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Shows a long text through a pager; resolves false when none ran. Only the real terminal has one. */
  pager?: (text: string) => Promise<boolean>;
  /** Keypresses for `label` on a terminal; none in-process unless a test gives one. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
}

/** Exit codes: 0 all good, 1 a check found a target unmet, 2 bad input or usage. */
export const EXIT = { ok: 0, targetsUnmet: 1, error: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Writes one diagnostic line to stderr, prefixed with the program name. */
export function warn(io: CliIO, message: string): void {
  io.stderr.write(`tweet-audit: ${oneLine(message)}\n`);
}

/**
 * Text from an archive or a file name made safe for a terminal: control characters (escape
 * sequences that set a title or clear the screen, carriage returns that overwrite a line, C1
 * controls) become "?". Newlines and tabs are kept.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '?');
}

/** A diagnostic as one safe line: line breaks become spaces, other controls "?". */
export function oneLine(text: string): string {
  return terminalSafe(text.replace(/\s*\n\s*/g, ' ').replace(/\t/g, ' '));
}

/** The same, for the text of a message (kept for its callers). */
export function plainText(text: string): string {
  return terminalSafe(text);
}

const IO_ERRORS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of its path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is larger than allowed here (a file size limit or quota)',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'the name is too long',
  EEXIST: 'a file of that name is in the way',
  EIO: 'it cannot be written to (an input/output error: a special file such as /proc/version, or a failing disk)',
  ENXIO: 'it cannot be opened for writing (a socket, or a device with nothing behind it)',
  ESPIPE: 'it is a pipe, which cannot be written that way',
};

/** Says in words why a write failed. */
export function describeIoError(error: NodeJS.ErrnoException): string {
  return (error.code && IO_ERRORS[error.code]) ?? error.message;
}

/** True for errors from the operating system (a failed open, write or rename), not bugs. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error;
}
