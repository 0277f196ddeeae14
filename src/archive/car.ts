import { createHash } from 'node:crypto';

import { TweetAuditError } from '../errors.js';
import { Cid, DecodeError, decodeDagCbor, readCid, readVarint, type DagValue } from './cbor.js';

/**
 * A CAR v1 file (content-addressed archive) held in memory: its roots and an index from CID to
 * block bytes. Blocks are only checked and decoded when asked for, so opening a large repository
 * costs one pass over section headers.
 */
export interface CarFile {
  readonly roots: Cid[];
  /** The block named by `cid`, hash-checked and decoded; undefined when the file lacks it. */
  get(cid: Cid): DagValue | undefined;
}

const SHA2_256 = 0x12;
const DAG_CBOR = 0x71;

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
 * Indexes a CAR v1 file held in `bytes`. Throws TweetAuditError naming `file` when the header is
 * bad or a block is cut short (a truncated download is the usual cause).
 */
export function parseCar(bytes: Uint8Array, file: string): CarFile {
  let roots: Cid[];
  let pos: number;
  try {
    ({ roots, end: pos } = readCarHeader(bytes));
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    throw new TweetAuditError(`is not a CAR repository export (bad header: ${error.message}); ${REDOWNLOAD}`, {
      file,
      cause: error,
    });
  }

  const blocks = new Map<string, Uint8Array>();
  let count = 0;
  while (pos < bytes.length) {
    count++;
    const sectionStart = pos;
    try {
      const { value: length, end: start } = readVarint(bytes, pos);
      if (length === 0) throw new DecodeError('empty block section');
      if (start + length > bytes.length) throw new DecodeError('data ends in the middle of a block');
      const section = bytes.subarray(start, start + length);
      const { cid, end } = readCid(section, 0);
      blocks.set(cid.toString(), section.subarray(end));
      pos = start + length;
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
      throw new TweetAuditError(
        `block ${count} at byte ${sectionStart} of ${bytes.length} is broken (${error.message}): ` +
          `the file is truncated or damaged; ${REDOWNLOAD}`,
        { file, cause: error },
      );
    }
  }

  return {
    roots,
    get(cid) {
      const key = cid.toString();
      const data = blocks.get(key);
      if (data === undefined) return undefined;
      // Repositories hash every block with sha2-256. Checking it turns any flipped byte into a
      // clear error, and makes link cycles impossible.
      if (cid.hashCode !== SHA2_256 || cid.codec !== DAG_CBOR) {
        throw new TweetAuditError(
          `block ${key} is not a sha2-256 DAG-CBOR block, as repository blocks are; ${REDOWNLOAD}`,
          { file },
        );
      }
      if (!createHash('sha256').update(data).digest().equals(cid.digest)) {
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
