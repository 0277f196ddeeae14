import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

import { TweetAuditError } from '../errors.js';
import { Cid, DecodeError, decodeDagCbor, readCid, readVarint, type DagValue } from './cbor.js';
import { fsError } from './source.js';

/**
 * A CAR v1 file (content-addressed archive): its roots and an index from CID to where each
 * block is. Blocks are only read, checked and decoded when asked for, so opening a repository
 * costs one pass over section headers and memory in proportion to its number of blocks, not
 * to its size.
 */
export interface CarFile {
  readonly roots: Cid[];
  /** The block named by `cid`, hash-checked and decoded; undefined when the file lacks it. */
  get(cid: Cid): DagValue | undefined;
  /** Closes the file; a later `get` opens it again. */
  close(): void;
}

const SHA2_256 = 0x12;
const DAG_CBOR = 0x71;

/**
 * Blocks a file may hold: each costs ~200 bytes of memory while indexed, so a file of tiny
 * crafted blocks stays under 300 MB. Real exports average ~300 bytes a block: this is a ~300 MB
 * export, more than the 256 MiB once allowed when files were read whole.
 */
const MAX_CAR_BLOCKS = 1_000_000;
/** One block read (a record, a tree node): records are a few hundred bytes. */
const MAX_CAR_BLOCK_BYTES = 16 * 1024 * 1024;
/** A header holds the roots, one CID each; a block's length and CID come first in its section. */
const MAX_HEADER_BYTES = 64 * 1024;
const SECTION_HEAD_BYTES = 256;

/** What to tell the user to do about a damaged or foreign file. */
const REDOWNLOAD = 'download the repository export again (Bluesky: Settings → Account → Export my data)';

/**
 * Reads the header of a CAR v1 file: `{ version: 1, roots: [CID, …] }` behind a varint length.
 * Throws DecodeError when the bytes are not such a header.
 */
export function readCarHeader(bytes: Uint8Array): { roots: Cid[]; end: number } {
  const { value: length, end: start } = readVarint(bytes, 0);
  if (length === 0 || start + length > bytes.length) {
    throw new DecodeError('header length runs past the end of the file');
  }
  const header = decodeDagCbor(bytes.subarray(start, start + length));
  if (!isDagMap(header)) throw new DecodeError('header is not a map');
  if (header.version === 2) throw new DecodeError('CAR version 2, only version 1 is supported');
  if (header.version !== 1) throw new DecodeError('header has no "version: 1"');
  const roots = header.roots;
  if (!Array.isArray(roots) || roots.length === 0 || !roots.every((root) => root instanceof Cid)) {
    throw new DecodeError('header has no roots');
  }
  return { roots: roots as Cid[], end: start + length };
}

/**
 * Bytes of a CAR file by position: `read` gives at most `length` bytes at `position` (fewer at
 * the end), valid until the next call.
 */
interface CarBytes {
  readonly size: number;
  read(position: number, length: number): Uint8Array;
  close(): void;
}

/** A CAR file held in memory (tests, small inputs). */
export function parseCar(bytes: Uint8Array, file: string): CarFile {
  return indexCar({ size: bytes.length, read: (at, n) => bytes.subarray(at, at + n), close() {} }, file);
}

/**
 * Opens a CAR file on disk, reading it through a 1 MiB window while indexing and one block at a
 * time after: memory follows the number of blocks and the blocks read, whatever the file's size.
 */
export function openCar(path: string): CarFile {
  let fd: number | undefined;
  let size: number;
  try {
    fd = openSync(path, 'r');
    size = fstatSync(fd).size;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    throw fsError(error, path);
  }
  const window = Buffer.alloc(1024 * 1024);
  let windowAt = 0;
  let windowEnd = 0;
  const readAt = (buffer: Buffer, position: number, length: number): number => {
    try {
      fd ??= openSync(path, 'r');
      let total = 0;
      while (total < length) {
        const n = readSync(fd, buffer, total, length - total, position + total);
        if (n === 0) break;
        total += n;
      }
      return total;
    } catch (error) {
      throw fsError(error, path);
    }
  };
  return indexCar(
    {
      size,
      read(position, length) {
        length = Math.max(0, Math.min(length, size - position));
        if (length > window.length) {
          const block = Buffer.alloc(length);
          return block.subarray(0, readAt(block, position, length));
        }
        if (position < windowAt || position + length > windowEnd) {
          windowAt = position;
          windowEnd = position + readAt(window, position, Math.min(window.length, size - position));
        }
        return window.subarray(position - windowAt, Math.min(position + length, windowEnd) - windowAt);
      },
      close() {
        if (fd !== undefined) closeSync(fd);
        fd = undefined;
      },
    },
    path,
  );
}

/**
 * Indexes the blocks of a CAR v1 file: where each one's data is, by the digest of its CID.
 * Throws TweetAuditError naming `file` when the header is bad or a block is cut short (a
 * truncated download is the usual cause).
 */
function indexCar(bytes: CarBytes, file: string): CarFile {
  let roots: Cid[];
  let pos: number;
  try {
    // A copy: the roots keep parts of it, and a file's window is reused.
    ({ roots, end: pos } = readCarHeader(new Uint8Array(bytes.read(0, MAX_HEADER_BYTES))));
  } catch (error) {
    bytes.close();
    if (!(error instanceof DecodeError)) throw error;
    throw new TweetAuditError(`is not a CAR repository export (bad header: ${error.message}); ${REDOWNLOAD}`, {
      file,
      cause: error,
    });
  }

  // Block number by digest (as a latin1 string: 32 characters, where the CID's text is 59), and
  // where each block's data is: plain numbers, no object per block.
  const blocks = new Map<string, number>();
  const starts: number[] = [];
  const lengths: number[] = [];
  let count = 0;
  try {
    while (pos < bytes.size) {
      count++;
      const sectionStart = pos;
      try {
        if (count > MAX_CAR_BLOCKS) {
          throw new TweetAuditError(
            `holds more than ${MAX_CAR_BLOCKS.toLocaleString('en')} blocks, more than a repository export has: ` +
              `the file is damaged or crafted; ${REDOWNLOAD}`,
            { file },
          );
        }
        const head = bytes.read(pos, SECTION_HEAD_BYTES);
        const { value: length, end: start } = readVarint(head, 0);
        if (length === 0) throw new DecodeError('empty block section');
        if (pos + start + length > bytes.size) throw new DecodeError('data ends in the middle of a block');
        const { cid, end } = readCid(head.subarray(start, start + Math.min(length, head.length - start)), 0);
        blocks.set(Buffer.from(cid.digest).toString('latin1'), starts.length);
        starts.push(pos + start + end);
        lengths.push(length - end);
        pos += start + length;
      } catch (error) {
        if (!(error instanceof DecodeError)) throw error;
        throw new TweetAuditError(
          `block ${count} at byte ${sectionStart} of ${bytes.size} is broken (${error.message}): ` +
            `the file is truncated or damaged; ${REDOWNLOAD}`,
          { file, cause: error },
        );
      }
    }
  } catch (error) {
    bytes.close();
    throw error;
  }

  return {
    roots,
    close: () => bytes.close(),
    get(cid) {
      const key = cid.toString();
      const index = blocks.get(Buffer.from(cid.digest).toString('latin1'));
      if (index === undefined) return undefined;
      const length = lengths[index]!;
      // Repositories hash every block with sha2-256. Checking it turns any flipped byte into a
      // clear error, and makes link cycles impossible.
      if (cid.hashCode !== SHA2_256 || cid.codec !== DAG_CBOR) {
        throw new TweetAuditError(
          `block ${key} is not a sha2-256 DAG-CBOR block, as repository blocks are; ${REDOWNLOAD}`,
          { file },
        );
      }
      if (length > MAX_CAR_BLOCK_BYTES) {
        throw new TweetAuditError(
          `block ${key} is ${Math.round(length / 2 ** 20)} MiB, more than the ` +
            `${MAX_CAR_BLOCK_BYTES / 2 ** 20} MiB a record or tree node can be: the file is damaged; ${REDOWNLOAD}`,
          { file },
        );
      }
      // A copy: the decoded value keeps parts of it, and a file's window is reused.
      const data = new Uint8Array(bytes.read(starts[index]!, length));
      if (data.length !== length || !createHash('sha256').update(data).digest().equals(cid.digest)) {
        throw new TweetAuditError(`block ${key} does not match its hash: the file is damaged; ${REDOWNLOAD}`, { file });
      }
      try {
        return decodeDagCbor(data);
      } catch (error) {
        if (!(error instanceof DecodeError)) throw error;
        throw new TweetAuditError(`block ${key} is not valid DAG-CBOR (${error.message}); ${REDOWNLOAD}`, {
          file,
          cause: error,
        });
      }
    },
  };
}

/** True for a decoded DAG-CBOR map. */
export function isDagMap(value: DagValue | undefined): value is { [key: string]: DagValue } {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array) &&
    !(value instanceof Cid)
  );
}
