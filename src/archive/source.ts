import { open, readdir, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import { TweetAuditError } from '../errors.js';
import { specialFileError, specialKind } from '../limits.js';

/** Bytes read at a time from disk. Large enough that per-chunk costs vanish, small enough for RSS. */
export const CHUNK_BYTES = 1024 * 1024;

/** Files read whole (account.js, manifest.js …) are small; a bigger one is not what it claims. */
const MAX_SMALL_FILE_BYTES = 64 * 1024 * 1024;

/** A file inside an archive. */
export interface SourceFile {
  /** Path inside the archive, with "/" separators ("data/tweets.js"). */
  name: string;
  size: number;
  mtimeMs: number;
}

/**
 * Where the files of one archive come from: an extracted folder on disk or a zip read in place.
 * Every method is read-only; nothing is ever written or extracted.
 */
export interface ArchiveSource {
  /** How to name a file of this archive in messages ("x.zip/data/tweets.js", "/a/b/data/tweets.js"). */
  describe(name: string): string;
  /** The file, or undefined when absent. */
  file(name: string): Promise<SourceFile | undefined>;
  /** Files (not folders) directly inside `dir` ("" for the top). */
  list(dir: string): Promise<SourceFile[]>;
  /** Folders directly inside `dir` ("" for the top), as names relative to `dir`. */
  listDirs(dir: string): Promise<string[]>;
  /** The bytes of a file, chunk by chunk. Each chunk is a fresh Buffer the caller may keep. */
  read(name: string): AsyncIterable<Buffer>;
  /** Releases what the source holds open (the zip's file descriptor). */
  close(): Promise<void>;
}

/** Reads a small file whole, refusing one above `limit` bytes. */
export async function readWhole(source: ArchiveSource, name: string, limit = MAX_SMALL_FILE_BYTES): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of source.read(name)) {
    total += chunk.length;
    if (total > limit) {
      throw new TweetAuditError(
        `is larger than ${Math.round(limit / 1024 / 1024)} MiB, far more than this kind of file holds`,
        {
          file: source.describe(name),
        },
      );
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts, total);
}

/** Reads a file on disk chunk by chunk, opened read-only. */
export async function* readFileChunks(file: string, display = file): AsyncGenerator<Buffer> {
  let handle;
  try {
    // O_NONBLOCK: a pipe put where a file was expected opens at once, and is refused below.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw fsError(error, display);
  }
  try {
    const kind = specialKind(await handle.stat());
    if (kind) throw specialFileError(display, kind, 'archive files');
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null));
      } catch (error) {
        throw fsError(error, display);
      }
      if (bytesRead === 0) return;
      yield bytesRead === CHUNK_BYTES ? buffer : buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** Turns a file-system error into one the user can act on. */
export function fsError(error: unknown, file: string): TweetAuditError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT'
      ? 'does not exist — check the path'
      : code === 'EACCES' || code === 'EPERM'
        ? 'cannot be read: permission denied'
        : code === 'EISDIR'
          ? 'is a folder where a file was expected'
          : code === 'ESPIPE' || code === 'EAGAIN'
            ? 'is a pipe or a device, not a file that can be read in place'
            : `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  return new TweetAuditError(reason, { file, cause: error });
}

/** An extracted archive: a folder on disk. */
export class DirectorySource implements ArchiveSource {
  constructor(readonly root: string) {}

  describe(name: string): string {
    return name === '' ? this.root : path.join(this.root, ...name.split('/'));
  }

  async file(name: string): Promise<SourceFile | undefined> {
    try {
      const s = await stat(this.describe(name));
      return s.isFile() ? { name, size: s.size, mtimeMs: s.mtimeMs } : undefined;
    } catch {
      return undefined;
    }
  }

  async list(dir: string): Promise<SourceFile[]> {
    const names = await this.entries(dir, false);
    const files = await Promise.all(names.map((n) => this.file(dir === '' ? n : `${dir}/${n}`)));
    return files.filter((f): f is SourceFile => f !== undefined);
  }

  listDirs(dir: string): Promise<string[]> {
    return this.entries(dir, true);
  }

  private async entries(dir: string, dirs: boolean): Promise<string[]> {
    try {
      const found = await readdir(this.describe(dir), { withFileTypes: true });
      return found
        .filter((d) => (dirs ? d.isDirectory() : d.isFile() || d.isSymbolicLink()))
        .map((d) => d.name)
        .sort();
    } catch {
      return [];
    }
  }

  read(name: string): AsyncIterable<Buffer> {
    return readFileChunks(this.describe(name));
  }

  async close(): Promise<void> {}
}

/** A view of another source below a folder of it (an archive zipped inside a top folder). */
export class SubSource implements ArchiveSource {
  constructor(
    private readonly inner: ArchiveSource,
    private readonly prefix: string,
  ) {}

  private full(name: string): string {
    return name === '' ? this.prefix.replace(/\/$/, '') : this.prefix + name;
  }

  describe(name: string): string {
    return this.inner.describe(this.full(name));
  }

  async file(name: string): Promise<SourceFile | undefined> {
    const f = await this.inner.file(this.full(name));
    return f && { ...f, name };
  }

  async list(dir: string): Promise<SourceFile[]> {
    const files = await this.inner.list(this.full(dir));
    return files.map((f) => ({ ...f, name: f.name.slice(this.prefix.length) }));
  }

  listDirs(dir: string): Promise<string[]> {
    return this.inner.listDirs(this.full(dir));
  }

  read(name: string): AsyncIterable<Buffer> {
    return this.inner.read(this.full(name));
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
