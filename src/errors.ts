/**
 * An error the user can act on: bad input, a bad option, a bad config. The CLI prints its message
 * as one line on stderr and exits with code 2. Anything else is a bug and keeps its stack.
 */
export class TweetAuditError extends Error {
  override readonly name = 'TweetAuditError';
  /** The file the problem is in, where there is one. */
  readonly file?: string;

  constructor(message: string, options: { file?: string; cause?: unknown } = {}) {
    super(options.file ? `${options.file}: ${message}` : message, { cause: options.cause });
    this.file = options.file;
  }
}

/** True for errors that the CLI reports as one line rather than a stack trace. */
export function isTweetAuditError(error: unknown): error is TweetAuditError {
  return error instanceof TweetAuditError;
}
