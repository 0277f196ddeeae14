import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { TweetAuditError } from './errors.js';

/**
 * The limits that keep a hostile or damaged input from hanging the tool or eating the machine's
 * memory. Each one is named in the README ("Errors and exit codes").
 */
export const MAX_CONFIG_BYTES = 1024 * 1024;
export const MAX_LABELS_BYTES = 50 * 1024 * 1024;
/** Lines of a labels file: parsing costs ~0.9 KB a row (a million rows took 0.9 GB). */
export const MAX_LABELS_LINES = 200_000;
/** Objects and lists inside one another: real configs and archive items go 6 to 10 deep. */
export const MAX_JSON_DEPTH = 64;
/** Archive arguments on one command line. */
export const MAX_ARCHIVES = 100;

/** "1 MiB", "50 MiB". */
function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

/** What a path that is neither a file nor a folder is, in words. */
export function specialKind(s: Stats): string | undefined {
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return s.isFile() || s.isDirectory() ? undefined : 'not a regular file';
}

/** The one-line refusal of a special file, before anything waits on it. */
export function specialFileError(file: string, kind: string, what: string): TweetAuditError {
  return new TweetAuditError(`is ${kind}, not a file: tweet-audit reads ${what} only from regular files`, { file });
}

/**
 * Reads a small text file the user named (--config, --labels): a regular file within `maxBytes`,
 * in UTF-8 (a byte-order mark is dropped) or UTF-16 with its byte-order mark. Anything else is
 * refused with one line naming the file, before a byte is read where that can be told.
 * `optional`: a file that does not exist gives undefined instead of an error.
 */
export async function readTextInput(
  file: string,
  what: string,
  maxBytes: number,
  optional = false,
): Promise<string | undefined> {
  let s: Stats;
  try {
    s = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (optional && (code === 'ENOENT' || code === 'ENOTDIR')) return undefined;
    throw inputError(error, file, what);
  }
  if (s.isDirectory()) throw new TweetAuditError(`is a folder, not a ${what} file`, { file });
  const kind = specialKind(s);
  if (kind) throw specialFileError(file, kind, `a ${what}`);
  if (s.size > maxBytes) {
    throw new TweetAuditError(
      `is ${formatBytes(s.size)}, larger than the ${formatBytes(maxBytes)} limit for a ${what} file`,
      { file },
    );
  }
  let bytes: Buffer;
  let handle;
  try {
    // O_NONBLOCK: should the file have been swapped for a pipe since the stat, opening cannot hang.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    // One byte more than the file's size: a file that grew since the stat is noticed.
    const buffer = Buffer.alloc(s.size + 1);
    let total = 0;
    while (total < buffer.length) {
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > s.size)
      throw new TweetAuditError(`changed while it was being read: read it again once it is written`, { file });
    bytes = buffer.subarray(0, total);
  } catch (error) {
    if (error instanceof TweetAuditError) throw error;
    throw inputError(error, file, what);
  } finally {
    await handle?.close();
  }
  return decodeText(bytes, file, what);
}

function inputError(error: unknown, file: string, what: string): TweetAuditError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOTDIR'
          ? 'a part of its path is not a folder'
          : code === 'EISDIR'
            ? 'it is a folder'
            : code === 'EAGAIN' || code === 'ESPIPE'
              ? 'it is not a regular file'
              : (code ?? String(error));
  return new TweetAuditError(`cannot read ${what}: ${reason}`, { file, cause: error });
}

/** UTF-8 (BOM or not) or UTF-16 with a BOM, as text; anything else is refused in one line. */
export function decodeText(bytes: Buffer, file: string, what: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    return swapped.swap16().toString('utf16le');
  }
  if (bytes.includes(0)) {
    throw new TweetAuditError(
      `holds NUL bytes: it is not a UTF-8 text ${what} file (UTF-16 needs its byte-order mark; save it as UTF-8)`,
      { file },
    );
  }
  if (!isUtf8(bytes)) throw new TweetAuditError(`is not UTF-8 text: save the ${what} file as UTF-8`, { file });
  return bytes.toString('utf8');
}

/**
 * The offset of the first "{" or "[" nested deeper than `max` in JSON text (with // and /* *\/
 * comments when `comments`), or -1. Linear, and without recursion: it runs before a parser that
 * would recurse or build millions of empty objects.
 */
export function tooDeepAt(text: string, max: number, comments = false): number {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string, escapes included.
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return i;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    } else if (comments && c === 0x2f) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x2f) {
        const end = text.indexOf('\n', i);
        i = end === -1 ? n : end;
      } else if (next === 0x2a) {
        const end = text.indexOf('*/', i + 2);
        i = end === -1 ? n : end + 1;
      }
    }
  }
  return -1;
}

/** `tooDeepAt` on UTF-8 bytes of JSON (no comments): multi-byte sequences never hold these bytes. */
export function bytesTooDeepAt(bytes: Uint8Array, max: number): number {
  let depth = 0;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const c = bytes[i]!;
    if (c === 0x22) {
      for (i++; i < n; i++) {
        const d = bytes[i]!;
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return i;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return -1;
}

/** "line 3" of the offset in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
