import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

import { TweetAuditError } from '../errors.js';

/** A file inside a tarball, with its bytes to be streamed (or left) before asking for the next. */
export interface TarEntry {
  /** The path inside the tarball, "./" stripped ("outbox.json", "media_attachments/…"). */
  name: string;
  size: number;
  /** Streams the entry's bytes. Call at most once, before moving to the next entry. */
  body(): AsyncIterable<Buffer>;
}

const BLOCK = 512;
/** GNU long names and pax headers hold a path or two; anything bigger is not a real header. */
const MAX_META_BYTES = 1024 * 1024;

const AGAIN = 'download the account export again';

/** Pulls exact byte counts out of a stream of chunks, holding no more than one chunk extra. */
class ByteReader {
  private chunk: Buffer = Buffer.alloc(0);
  private at = 0;
  /** Bytes handed out so far, for messages. */
  consumed = 0;

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async more(): Promise<boolean> {
    const next = await this.source.next();
    if (next.done) return false;
    this.chunk = next.value;
    this.at = 0;
    return true;
  }

  /** Exactly `n` bytes, or fewer if the stream ends first. */
  async read(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let got = 0;
    while (got < n) {
      if (this.at === this.chunk.length && !(await this.more())) break;
      const take = Math.min(n - got, this.chunk.length - this.at);
      parts.push(this.chunk.subarray(this.at, this.at + take));
      this.at += take;
      got += take;
    }
    this.consumed += got;
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, got);
  }

  /** Up to `n` bytes as they come (fewer if the stream ends first). */
  async *pieces(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (this.at === this.chunk.length && !(await this.more())) return;
      const take = Math.min(left, this.chunk.length - this.at);
      const piece = this.chunk.subarray(this.at, this.at + take);
      this.at += take;
      left -= take;
      this.consumed += take;
      yield piece;
    }
  }
}

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul === -1 ? length : nul).toString('utf8');
}

/** A numeric field: octal text, or base-256 (high bit set) for values past 8 GiB. */
function number(header: Buffer, start: number, length: number): number | undefined {
  if ((header[start]! & 0x80) !== 0) {
    let value = header[start]! & 0x7f;
    for (let i = start + 1; i < start + length; i++) value = value * 256 + header[i]!;
    return Number.isSafeInteger(value) ? value : undefined;
  }
  const text = field(header, start, length).trim();
  if (text === '') return 0;
  return /^[0-7]+$/.test(text) ? Number.parseInt(text, 8) : undefined;
}

function checksumOk(header: Buffer): boolean {
  const stored = number(header, 148, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : header[i]!;
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  // Some old tar writers summed signed bytes.
  return stored === unsigned || stored === signed;
}

/** Pax extended header records: "<length> <key>=<value>\n". */
function paxRecords(data: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    const length = space === -1 ? NaN : Number.parseInt(data.toString('latin1', pos, space), 10);
    if (!Number.isInteger(length) || length <= 0 || pos + length > data.length) break;
    const record = data.toString('utf8', space + 1, pos + length - 1);
    const eq = record.indexOf('=');
    if (eq > 0) records.set(record.slice(0, eq), record.slice(eq + 1));
    pos += length;
  }
  return records;
}

/**
 * Refuses paths that would point outside a folder if extracted. Nothing is ever extracted here,
 * but a Mastodon export never holds such a path, so one means the file is not what it claims.
 */
function checkPath(name: string, file: string): string {
  const parts = name.split(/[/\\]/);
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || parts.includes('..')) {
    throw new TweetAuditError(
      `holds an entry with an unsafe path ("${name}"), which no Mastodon export has; ` +
        'this file is not an account export, or has been altered',
      { file },
    );
  }
  return name.replace(/^(?:\.\/)+/, '');
}

/**
 * Reads a gzip-compressed tarball (a Mastodon account export, archive-*.tar.gz) in place,
 * streaming it through zlib: entries come one at a time, and an entry whose body is not asked
 * for is passed over without being held. Understands ustar (with its name prefix), GNU long
 * names ('L') and pax path/size records. Throws TweetAuditError naming `path` when the file is
 * not gzip, not tar, or ends early. Kept over `tar-stream`, which reads the same but takes a tar cut
 * at an entry's end for whole (docs/performance.md).
 */
export async function* readTarGz(path: string): AsyncGenerator<TarEntry> {
  const input = createReadStream(path);
  const gunzip = createGunzip();
  // Errors of either stream surface through the iteration of `gunzip`.
  pipeline(input, gunzip, () => undefined);
  const iterator = (gunzip as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const reader = new ByteReader(iterator);
  try {
    yield* entries(reader, path);
  } catch (error) {
    if (error instanceof TweetAuditError) throw error;
    throw streamError(error, path);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

function streamError(error: unknown, path: string): TweetAuditError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new TweetAuditError('no such file', { file: path, cause: error });
  if (code === 'EISDIR') return new TweetAuditError('is a folder, not a .tar.gz file', { file: path, cause: error });
  if (code === 'Z_BUF_ERROR') {
    return new TweetAuditError(`ends early: the download is incomplete; ${AGAIN}`, { file: path, cause: error });
  }
  if (code === 'Z_DATA_ERROR') {
    return new TweetAuditError(
      `is not gzip data or is damaged (${(error as Error).message}); give the archive-….tar.gz as downloaded`,
      { file: path, cause: error },
    );
  }
  return new TweetAuditError(`cannot be read (${(error as Error).message})`, { file: path, cause: error });
}

async function* entries(reader: ByteReader, path: string): AsyncGenerator<TarEntry> {
  let longName: string | undefined;
  let paxPath: string | undefined;
  let paxSize: number | undefined;
  const truncated = (where: string): TweetAuditError =>
    new TweetAuditError(`ends in the middle of ${where}: the download is incomplete; ${AGAIN}`, { file: path });
  const readMeta = async (size: number, what: string): Promise<Buffer> => {
    if (size > MAX_META_BYTES) {
      throw new TweetAuditError(`has a ${what} of ${size} bytes, which no real tarball has; the file is damaged`, {
        file: path,
      });
    }
    const data = await reader.read(size);
    if (data.length < size) throw truncated(`a ${what}`);
    await skipPadding(size);
    return data;
  };
  const skipPadding = async (size: number): Promise<void> => {
    const padding = (BLOCK - (size % BLOCK)) % BLOCK;
    if ((await reader.read(padding)).length < padding) throw truncated('the padding after an entry');
  };

  for (;;) {
    const header = await reader.read(BLOCK);
    if (header.length === 0 && reader.consumed === 0) {
      throw new TweetAuditError('is an empty gzip file, not an account export', { file: path });
    }
    if (header.length < BLOCK) throw truncated('the tar data (no end-of-archive marker)');
    if (header.every((byte) => byte === 0)) return;
    if (!checksumOk(header)) {
      throw new TweetAuditError(
        `is not a tar archive (bad header checksum at byte ${reader.consumed - BLOCK} of the unzipped data); ` +
          `give the archive-….tar.gz as downloaded, or ${AGAIN}`,
        { file: path },
      );
    }
    const headerSize = number(header, 124, 12);
    if (headerSize === undefined) {
      throw new TweetAuditError('has a tar header with an unreadable size; the file is damaged', { file: path });
    }
    const size = paxSize ?? headerSize;
    const type = String.fromCharCode(header[156]!);

    if (type === 'L') {
      longName = field(await readMeta(size, 'long name'), 0, size);
      continue;
    }
    if (type === 'x') {
      const records = paxRecords(await readMeta(size, 'pax header'));
      paxPath = records.get('path') ?? paxPath;
      const declared = records.get('size');
      paxSize = declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : paxSize;
      continue;
    }

    let name = longName ?? paxPath;
    if (name === undefined) {
      name = field(header, 0, 100);
      // POSIX ustar keeps the start of a long path in "prefix"; GNU tar ("ustar  ") does not.
      if (header.toString('latin1', 257, 263) === 'ustar\0') {
        const prefix = field(header, 345, 155);
        if (prefix !== '') name = `${prefix}/${name}`;
      }
    }
    longName = undefined;
    paxPath = undefined;
    paxSize = undefined;

    const isFile = type === '0' || type === '\0' || type === '7';
    const entryName = checkPath(name, path);
    let left = size;
    if (isFile) {
      let started = false;
      yield {
        name: entryName,
        size,
        body() {
          if (started) throw new Error(`the body of ${entryName} was asked for twice`);
          started = true;
          return (async function* () {
            // The body is read outside readTarGz's own try, so stream errors are named here too.
            try {
              for await (const piece of reader.pieces(left)) {
                left -= piece.length;
                yield piece;
              }
            } catch (error) {
              throw error instanceof TweetAuditError ? error : streamError(error, path);
            }
            if (left > 0) throw truncated(`"${entryName}"`);
          })();
        },
      };
    }
    // Whatever the consumer left unread (or a folder's, a link's body) is passed over in pieces.
    for await (const piece of reader.pieces(left)) left -= piece.length;
    if (left > 0) throw truncated(`"${entryName}"`);
    await skipPadding(size);
  }
}
