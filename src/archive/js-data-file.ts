import { isUtf8 } from 'node:buffer';
import { TweetAuditError } from '../errors.js';
import { lineAt, MAX_JSON_DEPTH, tooDeepAt } from '../limits.js';
import { JsonArrayScanner } from './json-array-scanner.js';
import { warnOnce } from './location.js';
import { readWhole, type ArchiveSource } from './source.js';

/** Signatures of files that turn up renamed as data files: images, videos, archives, documents. */
const MAGIC: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a zip file', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip file', [0x1f, 0x8b]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a WebP or RIFF file', [0x52, 0x49, 0x46, 0x46]],
  ['a UTF-16 text file', [0xff, 0xfe]],
  ['a UTF-16 text file', [0xfe, 0xff]],
];

/**
 * Throws when the start of a file shows it is binary (a known signature, an MP4 "ftyp" box, or
 * NUL bytes, which no archive text file contains).
 */
export function assertText(head: Buffer, file: string): void {
  for (const [what, magic] of MAGIC) {
    if (head.length >= magic.length && magic.every((b, i) => head[i] === b)) {
      throw new TweetAuditError(`is ${what}, not a text file of a Twitter/X archive — is this the right file?`, {
        file,
      });
    }
  }
  if (head.length >= 8 && head.toString('latin1', 4, 8) === 'ftyp') {
    throw new TweetAuditError('is a video file, not a text file of a Twitter/X archive — is this the right file?', {
      file,
    });
  }
  const probe = head.subarray(0, 8192);
  if (probe.includes(0)) {
    throw new TweetAuditError('is a binary file (it holds NUL bytes), not a text file of a Twitter/X archive', {
      file,
    });
  }
}

/** Decodes bytes known to be one complete UTF-8 text, throwing a TweetAuditError if they are not. */
function decodeUtf8(bytes: Buffer, file: string, what: string): string {
  // isUtf8 is a fast validation pass (simdutf); toString alone would silently put U+FFFD in place
  // of bad bytes, which then would go unnoticed into reports.
  if (!isUtf8(bytes)) {
    throw new TweetAuditError(`${what} is not valid UTF-8 text — the file is damaged or in another encoding`, { file });
  }
  return bytes.toString('utf8');
}

/**
 * Reads the items of a `<prefix> = [ … ]` data file as parsed JSON values, a batch per chunk
 * read. Memory stays at one chunk plus the item being assembled, whatever the file's size.
 */
export async function* readJsItems(source: ArchiveSource, name: string): AsyncGenerator<unknown[]> {
  const file = source.describe(name);
  const scanner = new JsonArrayScanner(file);
  let first = true;
  for await (const chunk of source.read(name)) {
    if (first) {
      assertText(chunk, file);
      first = false;
    }
    const values: unknown[] = [];
    scanner.push(chunk, values);
    if (values.length > 0) yield values;
  }
  scanner.end();
}

/**
 * Reads a small data file whole and returns the JSON value assigned in it: the array of
 * `window.YTD.account.part0 = [ … ]` or the object of `var user_details = { … }`.
 * Returns undefined for an empty file (X leaves some empty: larsbrinkhoff-2021 has an empty
 * account.js); throws a TweetAuditError for anything unreadable.
 */
async function readJsValue(source: ArchiveSource, name: string): Promise<unknown> {
  const file = source.describe(name);
  const bytes = await readWhole(source, name);
  if (bytes.length === 0) return undefined;
  assertText(bytes, file);
  const text = decodeUtf8(bytes, file, 'the file');
  const start = text.search(/[[{]/);
  if (start === -1) {
    if (text.trim() === '') return undefined;
    throw new TweetAuditError('holds no JSON list or object — is this the right file?', { file });
  }
  const body = text.slice(start).replace(/;\s*$/, '');
  // A value nested millions deep costs JSON.parse gigabytes: refused before it is parsed.
  const deep = body.length > 64 * 1024 ? tooDeepAt(body, MAX_JSON_DEPTH) : -1;
  if (deep !== -1) {
    throw new TweetAuditError(
      `is nested more than ${MAX_JSON_DEPTH} levels deep (line ${lineAt(text, start + deep)}): the file is corrupt or crafted`,
      { file },
    );
  }
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new TweetAuditError(
      `is not valid JSON after its "… =" prefix (${error instanceof Error ? error.message : String(error)}) — the file may be incomplete`,
      { file, cause: error },
    );
  }
}

/**
 * `readJsValue` for a file an archive may lack (manifest.js, account.js, user_details.js …):
 * undefined when absent; when damaged, a warning and undefined, since the tweets can be read
 * without it.
 */
export async function readOptionalJsValue(source: ArchiveSource, name: string, warnings: string[]): Promise<unknown> {
  if (!(await source.file(name))) return undefined;
  try {
    return await readJsValue(source, name);
  } catch (error) {
    if (!(error instanceof TweetAuditError)) throw error;
    warnOnce(warnings, `${error.message} (ignored)`);
    return undefined;
  }
}
