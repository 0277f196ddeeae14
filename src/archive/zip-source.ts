import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { TweetAuditError } from '../errors.js';
import type { ArchiveSource, SourceFile } from './source.js';

/**
 * Largest entry we agree to read, as declared in the zip's central directory. X archives are
 * split into parts of at most 50 GB, but no single data file of a real archive comes near 8 GiB;
 * a bigger declared size means a damaged or hostile zip.
 */
export const MAX_ZIP_ENTRY_BYTES = 8 * 1024 ** 3;

/** Inflate yields 16 KiB pieces; they are gathered into chunks of this size for the scanners. */
const ZIP_CHUNK_BYTES = 256 * 1024;

/** Opens a zip read-only; a file that is not a complete zip becomes a TweetAuditError. */
function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings: false so that one entry with an unsafe name ("../x", "/etc/x") does not make
    // yauzl reject the whole zip: names are checked one by one below and unsafe entries ignored.
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (error, zip) => {
        if (error) reject(corruptZip(file, error));
        else resolve(zip);
      },
    );
  });
}

function corruptZip(file: string, cause: unknown): TweetAuditError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new TweetAuditError(
    `is not a complete zip file (${detail}) — the download may be incomplete or corrupt; download the archive again`,
    { file, cause },
  );
}

/** The entry's name when it is a safe relative path of a file, else undefined (ignored). */
function safeName(entry: Entry): string | undefined {
  const name = yauzl.getFileNameLowLevel(
    entry.generalPurposeBitFlag,
    entry.fileNameRaw,
    entry.extraFields,
    false,
  );
  if (name.endsWith('/') || yauzl.validateFileName(name) !== null) return undefined;
  // "./data/tweets.js" is safe but would not be found under "data/tweets.js".
  return name.replace(/^(?:\.\/)+/, '');
}

/**
 * An archive still zipped, as downloaded from X, read in place with yauzl: the central directory
 * is read once, then each file is inflated as a stream when asked for. Nothing touches the disk.
 */
export class ZipSource implements ArchiveSource {
  private constructor(
    private readonly path: string,
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
    private readonly mtimeMs: number,
  ) {}

  /** Opens the zip and reads its directory. `mtimeMs` is the zip file's own modification time. */
  static async open(path: string, mtimeMs: number): Promise<ZipSource> {
    const zip = await openZip(path);
    const entries = new Map<string, Entry>();
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: Entry) => {
          const name = safeName(entry);
          if (name !== undefined && !entries.has(name)) entries.set(name, entry);
          zip.readEntry();
        });
        zip.once('end', () => resolve());
        zip.once('error', (error: unknown) => reject(corruptZip(path, error)));
        zip.readEntry();
      });
    } catch (error) {
      zip.close();
      throw error;
    }
    return new ZipSource(path, zip, entries, mtimeMs);
  }

  describe(name: string): string {
    return name === '' ? this.path : `${this.path}/${name}`;
  }

  private info(name: string, entry: Entry): SourceFile {
    const date = entry.getLastModDate({ timezone: 'UTC' }).getTime();
    return { name, size: entry.uncompressedSize, mtimeMs: Number.isFinite(date) ? date : this.mtimeMs };
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
    if (entry.isEncrypted()) {
      throw new TweetAuditError('is encrypted inside the zip; unzip it yourself and give the folder', { file: display });
    }
    if (!entry.canDecodeFileData()) {
      throw new TweetAuditError(
        `uses a zip compression method this tool cannot read (method ${entry.compressionMethod}); ` +
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
    const stream = await new Promise<NodeJS.ReadableStream & { destroy(): void }>((resolve, reject) => {
      this.zip.openReadStream(entry, (error, s) => {
        if (error) reject(corruptEntry(display, error));
        else resolve(s);
      });
    });
    // yauzl already fails a stream that inflates to more than the declared size; counting here too
    // keeps the bound even if that check is ever turned off.
    let total = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    try {
      for await (const piece of stream as AsyncIterable<Buffer>) {
        total += piece.length;
        if (total > entry.uncompressedSize || total > MAX_ZIP_ENTRY_BYTES) {
          throw new TweetAuditError('inflates to more bytes than the zip declares — the zip is damaged', {
            file: display,
          });
        }
        pending.push(piece);
        pendingBytes += piece.length;
        if (pendingBytes >= ZIP_CHUNK_BYTES) {
          yield pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
          pending = [];
          pendingBytes = 0;
        }
      }
    } catch (error) {
      if (error instanceof TweetAuditError) throw error;
      throw corruptEntry(display, error);
    } finally {
      stream.destroy();
    }
    if (pendingBytes > 0) yield pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    if (total !== entry.uncompressedSize) {
      throw new TweetAuditError('is shorter inside the zip than the zip declares — the zip is damaged', {
        file: display,
      });
    }
  }

  async close(): Promise<void> {
    this.zip.close();
  }
}

function corruptEntry(file: string, cause: unknown): TweetAuditError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new TweetAuditError(
    `cannot be read from the zip (${detail}) — the download may be incomplete or corrupt; download the archive again`,
    { file, cause },
  );
}
