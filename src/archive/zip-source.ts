import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { TweetAuditError } from '../errors.js';
import { fsError, type ArchiveSource, type SourceFile } from './source.js';

/**
 * Largest entry we agree to read, as declared in the zip's central directory. X archives are
 * split into parts of at most 50 GB, but no single data file of a real archive comes near 8 GiB;
 * a bigger declared size means a damaged or hostile zip.
 */
const MAX_ZIP_ENTRY_BYTES = 8 * 1024 ** 3;

/**
 * More entries than any archive has (a media-heavy X download has tens of thousands): the
 * directory of a zip with more is not read.
 */
const MAX_ZIP_ENTRIES = 1_000_000;

/**
 * How many times its compressed size an entry may inflate to (when over 1 MiB): the data files of
 * real archives inflate 10 to 21 times; a zip bomb a thousand. It bounds what a zip can make the
 * tool inflate to this many times the zip's size.
 */
const MAX_ZIP_RATIO = 200;

/** Bytes read from disk, and handed on inflated, at a time. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Entries up to this size (the month files of a legacy archive, the tweets.js of a small one) are
 * inflated in one call: streamed in zlib's 16 KiB pieces, they cost about three times the CPU.
 * Both sizes are checked: one call reads all the deflated bytes first, and a lying entry may
 * declare few bytes out of a huge stretch of the file.
 */
const WHOLE_ENTRY_BYTES = 16 * 1024 * 1024;

/** What a larger entry's inflater hands on at a time: zlib's default, 16 KiB, costs more CPU. */
const STREAM_CHUNK_BYTES = 64 * 1024;

/** An entry of the central directory: the fields reading needs. */
interface ZipEntry {
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  /** 30 + the name's length: the least its local header takes, so where its data starts at the earliest. */
  minHeader: number;
  mtimeMs: number;
}

function corruptZip(file: string, cause: unknown): TweetAuditError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new TweetAuditError(
    `is not a complete zip file (${detail}) — the download may be incomplete or corrupt; download the archive again`,
    { file, cause },
  );
}

function corruptEntry(file: string, cause: unknown): TweetAuditError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new TweetAuditError(
    `cannot be read from the zip (${detail}) — the download may be incomplete or corrupt; download the archive again`,
    { file, cause },
  );
}

/**
 * The entry's name when it is a safe relative path of a file, else undefined (ignored): one
 * entry with an unsafe name ("../x", "/etc/x") does not make the whole zip unreadable.
 */
function safeName(flags: number, raw: Buffer, extra: Buffer): string | undefined {
  // Without extra fields (no Info-ZIP Unicode path), the name is UTF-8 by flag, else CP437.
  const name =
    extra.length === 0 && flags & 0x800
      ? raw.toString('utf8')
      : yauzl.getFileNameLowLevel(flags, raw, yauzl.parseExtraFields(extra), false);
  if (name.endsWith('/') || yauzl.validateFileName(name) !== null) return undefined;
  // "./data/tweets.js" is safe but would not be found under "data/tweets.js".
  return name.replace(/^(?:\.\/)+/, '');
}

function inflatesToMore(file: string): TweetAuditError {
  return new TweetAuditError('inflates to more bytes than the zip declares — the zip is damaged', { file });
}

/** An entry's deflated bytes inflated in one call, which stops past the size the zip declares. */
function inflateWhole(bytes: Buffer, size: number, file: string): Buffer {
  try {
    return inflateRawSync(bytes, { maxOutputLength: Math.max(1, size) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw inflatesToMore(file);
    throw error;
  }
}

/** A DOS date and time (as zips store them, read as UTC) in epoch milliseconds. */
function dosTime(date: number, time: number): number {
  return Date.UTC(
    (date >> 9) + 1980,
    ((date >> 5) & 0xf) - 1,
    date & 0x1f,
    time >> 11,
    (time >> 5) & 0x3f,
    (time & 0x1f) * 2,
  );
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return buffer.subarray(0, done);
}

/** Where the central directory is, from the end record (zip64's when the plain one overflows). */
async function findDirectory(
  handle: FileHandle,
  size: number,
): Promise<{ offset: number; size: number; count: number }> {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50 && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      at = i;
      break;
    }
  }
  if (at === -1) throw new Error('end of central directory record signature not found');
  let count = tail.readUInt16LE(at + 10);
  let dirSize = tail.readUInt32LE(at + 12);
  let dirOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locatorAt = size - tailLength + at - 20;
    const locator = locatorAt >= 0 ? await readAt(handle, locatorAt, 20) : Buffer.alloc(0);
    if (locator.length === 20 && locator.readUInt32LE(0) === 0x07064b50) {
      const record = await readAt(handle, Number(locator.readBigUInt64LE(8)), 56);
      if (record.length < 56 || record.readUInt32LE(0) !== 0x06064b50)
        throw new Error('invalid zip64 end of central directory record');
      count = Number(record.readBigUInt64LE(32));
      dirSize = Number(record.readBigUInt64LE(40));
      dirOffset = Number(record.readBigUInt64LE(48));
    }
  }
  if (dirOffset + dirSize > size) throw new Error('the central directory lies beyond the end of the file');
  return { offset: dirOffset, size: dirSize, count };
}

/** Fills the sizes and offset that a zip64 extra field (id 1) holds for the fields marked 0xffffffff. */
function readZip64Fields(entry: ZipEntry, extra: Buffer, index: number): void {
  for (let i = 0; i + 4 <= extra.length;) {
    const id = extra.readUInt16LE(i);
    const length = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      let q = i + 4;
      const next = (): number => {
        if (q + 8 > i + 4 + length || q + 8 > extra.length)
          throw new Error(`the zip64 extra field of entry ${index} is too short`);
        const value = Number(extra.readBigUInt64LE(q));
        q += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    i += 4 + length;
  }
  throw new Error(`entry ${index} lacks its zip64 extra field`);
}

/**
 * Reads the central directory in one read and resolves every entry in one pass, so that a
 * download with tens of thousands of media files opens in milliseconds. Entries whose data
 * overlap (many entries sharing one deflate stream: a zip bomb) are refused.
 */
async function readDirectory(handle: FileHandle, file: string, size: number): Promise<Map<string, ZipEntry>> {
  const dir = await findDirectory(handle, size);
  if (dir.count > MAX_ZIP_ENTRIES) {
    throw new TweetAuditError(
      `has ${dir.count} entries, more than the limit of ${MAX_ZIP_ENTRIES}: it is not an archive download`,
      { file },
    );
  }
  const bytes = await readAt(handle, dir.offset, dir.size);
  const entries = new Map<string, ZipEntry>();
  const spans: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < dir.count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) {
      throw new Error(`invalid central directory file header signature at entry ${i + 1}`);
    }
    const flags = bytes.readUInt16LE(p + 8);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const end = p + 46 + nameLength + extraLength + bytes.readUInt16LE(p + 32);
    if (end > bytes.length) throw new Error(`central directory entry ${i + 1} runs past the directory`);
    const raw = bytes.subarray(p + 46, p + 46 + nameLength);
    const extra = bytes.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    const entry: ZipEntry = {
      flags,
      method: bytes.readUInt16LE(p + 10),
      crc32: bytes.readUInt32LE(p + 16),
      compressedSize: bytes.readUInt32LE(p + 20),
      uncompressedSize: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
      minHeader: 30 + nameLength,
      mtimeMs: dosTime(bytes.readUInt16LE(p + 14), bytes.readUInt16LE(p + 12)),
    };
    if (
      entry.uncompressedSize === 0xffffffff ||
      entry.compressedSize === 0xffffffff ||
      entry.localOffset === 0xffffffff
    ) {
      readZip64Fields(entry, extra, i + 1);
    }
    if (entry.localOffset + entry.minHeader + entry.compressedSize > dir.offset) {
      throw new Error(`the data of entry ${i + 1} runs into the central directory`);
    }
    spans.push(entry);
    const name = safeName(flags, raw, extra);
    if (name !== undefined && !entries.has(name)) entries.set(name, entry);
    p = end;
  }
  spans.sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < spans.length; i++) {
    const before = spans[i - 1]!;
    if (spans[i]!.localOffset < before.localOffset + before.minHeader + before.compressedSize) {
      throw new TweetAuditError(
        'has entries whose data overlap, which no zip tool writes: a zip bomb, or a damaged zip; download the archive again',
        { file },
      );
    }
  }
  return entries;
}

/** The directory of the zip opened last, by file identity. */
let lastDirectory: { key: string; entries: Map<string, ZipEntry> } | undefined;

/**
 * An archive still zipped, as downloaded from X, read in place: the central directory is read
 * once, then each file is inflated as a stream when asked for, its size and CRC-32 checked
 * against the directory. Nothing touches the disk.
 */
export class ZipSource implements ArchiveSource {
  private constructor(
    private readonly path: string,
    private readonly handle: FileHandle,
    private readonly entries: Map<string, ZipEntry>,
    private readonly mtimeMs: number,
  ) {}

  /** Opens the zip and reads its directory. `mtimeMs` is the zip file's own modification time. */
  static async open(path: string, mtimeMs: number): Promise<ZipSource> {
    let handle: FileHandle;
    try {
      handle = await open(path, constants.O_RDONLY);
    } catch (error) {
      throw fsError(error, path);
    }
    try {
      // A run opens the same zip several times (to detect it, then once per file read): its
      // directory is resolved once and kept while the file stays the same.
      const s = await handle.stat();
      const key = `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
      if (lastDirectory?.key !== key) lastDirectory = { key, entries: await readDirectory(handle, path, s.size) };
      return new ZipSource(path, handle, lastDirectory.entries, mtimeMs);
    } catch (error) {
      await handle.close();
      if (error instanceof TweetAuditError) throw error;
      throw corruptZip(path, error);
    }
  }

  describe(name: string): string {
    return name === '' ? this.path : `${this.path}/${name}`;
  }

  private info(name: string, entry: ZipEntry): SourceFile {
    return {
      name,
      size: entry.uncompressedSize,
      mtimeMs: Number.isFinite(entry.mtimeMs) ? entry.mtimeMs : this.mtimeMs,
    };
  }

  async file(name: string): Promise<SourceFile | undefined> {
    const entry = this.entries.get(name);
    return entry && this.info(name, entry);
  }

  async list(dir: string): Promise<SourceFile[]> {
    const prefix = dir === '' ? '' : `${dir}/`;
    const files: SourceFile[] = [];
    for (const [name, entry] of this.entries) {
      if (name.startsWith(prefix) && !name.includes('/', prefix.length)) files.push(this.info(name, entry));
    }
    return files.sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  async listDirs(dir: string): Promise<string[]> {
    const prefix = dir === '' ? '' : `${dir}/`;
    const dirs = new Set<string>();
    for (const name of this.entries.keys()) {
      if (!name.startsWith(prefix)) continue;
      const slash = name.indexOf('/', prefix.length);
      if (slash !== -1) dirs.add(name.slice(prefix.length, slash));
    }
    return [...dirs].sort();
  }

  async *read(name: string): AsyncGenerator<Buffer> {
    const display = this.describe(name);
    const entry = this.entries.get(name);
    if (!entry) throw new TweetAuditError('is missing from the zip', { file: display });
    if (entry.flags & 1) {
      throw new TweetAuditError('is encrypted inside the zip; unzip it yourself and give the folder', {
        file: display,
      });
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw new TweetAuditError(
        `uses a zip compression method this tool cannot read (method ${entry.method}); ` +
          'unzip the archive and give the folder instead',
        { file: display },
      );
    }
    if (entry.uncompressedSize > MAX_ZIP_ENTRY_BYTES) {
      throw new TweetAuditError(
        `declares ${entry.uncompressedSize} bytes uncompressed, more than the ${MAX_ZIP_ENTRY_BYTES / 1024 ** 3} GiB ` +
          'this tool reads from one zip entry — the zip is damaged or not an X archive',
        { file: display },
      );
    }
    if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize > MAX_ZIP_RATIO * entry.compressedSize) {
      throw new TweetAuditError(
        `declares ${entry.uncompressedSize} bytes from ${entry.compressedSize} compressed, more than ${MAX_ZIP_RATIO} times ` +
          'as many, which no archive file inflates to: a zip bomb, or a damaged zip',
        { file: display },
      );
    }
    let pieces: AsyncIterable<Buffer> | Iterable<Buffer>;
    let inflater: ReturnType<typeof createInflateRaw> | undefined;
    try {
      const local = await readAt(this.handle, entry.localOffset, 30);
      if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50)
        throw new Error('invalid local file header signature');
      const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      const compressed = this.chunks(start, entry.compressedSize);
      if (entry.method === 0) {
        if (entry.compressedSize !== entry.uncompressedSize) throw new Error('a stored entry whose two sizes differ');
        pieces = compressed;
      } else if (entry.uncompressedSize <= WHOLE_ENTRY_BYTES && entry.compressedSize <= WHOLE_ENTRY_BYTES) {
        const bytes = await readAt(this.handle, start, entry.compressedSize);
        pieces = [inflateWhole(bytes, entry.uncompressedSize, display)];
      } else {
        const inflate = (inflater = createInflateRaw({ chunkSize: STREAM_CHUNK_BYTES }));
        pipeline(Readable.from(compressed), inflate).catch((error: unknown) => inflate.destroy(error as Error));
        pieces = inflate;
      }
    } catch (error) {
      if (error instanceof TweetAuditError) throw error;
      throw corruptEntry(display, error);
    }
    // Inflated bytes are counted against the declared size, so that a bomb stops there; the
    // CRC-32 of all of them must match the directory's.
    let total = 0;
    let crc = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    try {
      for await (const piece of pieces) {
        total += piece.length;
        if (total > entry.uncompressedSize) throw inflatesToMore(display);
        crc = crc32(piece, crc);
        pending.push(piece);
        pendingBytes += piece.length;
        if (pendingBytes >= CHUNK_BYTES) {
          yield pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
          pending = [];
          pendingBytes = 0;
        }
      }
    } catch (error) {
      if (error instanceof TweetAuditError) throw error;
      throw corruptEntry(display, error);
    } finally {
      inflater?.destroy();
    }
    if (total !== entry.uncompressedSize) {
      throw new TweetAuditError('is shorter inside the zip than the zip declares — the zip is damaged', {
        file: display,
      });
    }
    if (crc !== entry.crc32) {
      throw new TweetAuditError('does not match its CRC-32 checksum — the zip is damaged; download the archive again', {
        file: display,
      });
    }
    if (pendingBytes > 0) yield pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
  }

  /** `length` bytes from `start`, in fresh buffers. */
  private async *chunks(start: number, length: number): AsyncGenerator<Buffer> {
    for (let done = 0; done < length;) {
      const chunk = await readAt(this.handle, start + done, Math.min(CHUNK_BYTES, length - done));
      if (chunk.length === 0) throw new Error('the entry ends before its declared size');
      done += chunk.length;
      yield chunk;
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
