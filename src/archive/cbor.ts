/**
 * A small DAG-CBOR decoder and CID parser, just what reading an AT Protocol repository (.car)
 * needs. DAG-CBOR is CBOR restricted to definite lengths, string map keys, 64-bit floats and one
 * tag (42, a CID link), which keeps a strict decoder short. Errors are {@link DecodeError}s; the
 * readers turn them into TweetAuditErrors that name the file. Kept over `@ipld/dag-cbor`, which
 * overflows the stack on deep nesting and lets invalid UTF-8 and non-DAG floats through (docs/performance.md).
 */

/** Bad bytes: what is wrong, without the file name (the caller knows the file). */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A CIDv1 (content identifier): a codec and a multihash of the block it names. */
export class Cid {
  constructor(
    /** The binary CID: version, codec, hash code, digest length, digest. */
    readonly bytes: Uint8Array,
    /** Multicodec of the content: 0x71 dag-cbor, 0x55 raw. */
    readonly codec: number,
    /** Multihash function code: 0x12 is sha2-256. */
    readonly hashCode: number,
    readonly digest: Uint8Array,
  ) {}

  /** The usual text form: multibase "b" + base32 of the bytes ("bafyrei…"). */
  toString(): string {
    let out = 'b';
    let buffer = 0;
    let bits = 0;
    for (const byte of this.bytes) {
      buffer = (buffer << 8) | byte;
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        out += BASE32[(buffer >> bits) & 31];
      }
      buffer &= (1 << bits) - 1;
    }
    if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
    return out;
  }
}

/** A decoded DAG-CBOR value. Maps are null-prototype objects, so a "__proto__" key is harmless. */
export type DagValue = null | boolean | number | string | Uint8Array | Cid | DagValue[] | { [key: string]: DagValue };

/** Reads an unsigned LEB128 varint (as used by CAR and CIDs) at `offset`. */
export function readVarint(bytes: Uint8Array, offset: number): { value: number; end: number } {
  let value = 0;
  let scale = 1;
  for (let i = offset; i < bytes.length; i++) {
    const byte = bytes[i]!;
    value += (byte & 0x7f) * scale;
    if (value > Number.MAX_SAFE_INTEGER) throw new DecodeError('varint is too large');
    if ((byte & 0x80) === 0) return { value, end: i + 1 };
    scale *= 128;
  }
  throw new DecodeError('data ends in the middle of a varint');
}

/**
 * Reads a binary CIDv1 at `offset`. CIDv0 (a bare sha2-256 multihash) is refused: AT Protocol
 * repositories never use it, so meeting one means the file is something else.
 */
export function readCid(bytes: Uint8Array, offset: number): { cid: Cid; end: number } {
  if (bytes[offset] === 0x12 && bytes[offset + 1] === 0x20) {
    throw new DecodeError('found a CIDv0, which AT Protocol repositories do not use');
  }
  const version = readVarint(bytes, offset);
  if (version.value !== 1) throw new DecodeError(`unknown CID version ${version.value}`);
  const codec = readVarint(bytes, version.end);
  const hashCode = readVarint(bytes, codec.end);
  const length = readVarint(bytes, hashCode.end);
  const end = length.end + length.value;
  if (end > bytes.length) throw new DecodeError('data ends in the middle of a CID');
  const cid = new Cid(bytes.subarray(offset, end), codec.value, hashCode.value, bytes.subarray(length.end, end));
  return { cid, end };
}

/** Decodes one DAG-CBOR block; the value must fill the block exactly. */
export function decodeDagCbor(bytes: Uint8Array): DagValue {
  const reader = new Reader(bytes);
  const value = reader.value(0);
  if (reader.pos !== bytes.length) {
    throw new DecodeError(`${bytes.length - reader.pos} stray bytes after the CBOR value`);
  }
  return value;
}

/** Nesting deeper than this is refused rather than risking the stack; records are shallow. */
const MAX_DEPTH = 128;
const utf8 = new TextDecoder('utf-8', { fatal: true });

class Reader {
  pos = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private need(n: number): void {
    if (n > this.bytes.length - this.pos) throw new DecodeError('data ends in the middle of a value');
  }

  /** The argument of a head whose first byte has already been read. */
  private argument(info: number): number {
    if (info < 24) return info;
    if (info === 31) throw new DecodeError('indefinite length, which DAG-CBOR does not allow');
    if (info > 27) throw new DecodeError(`reserved additional info ${info}`);
    const size = 1 << (info - 24);
    this.need(size);
    const at = this.pos;
    this.pos += size;
    if (size === 1) return this.view.getUint8(at);
    if (size === 2) return this.view.getUint16(at);
    if (size === 4) return this.view.getUint32(at);
    const big = this.view.getBigUint64(at);
    if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new DecodeError('integer beyond 2^53');
    return Number(big);
  }

  value(depth: number): DagValue {
    if (depth > MAX_DEPTH) throw new DecodeError(`nesting deeper than ${MAX_DEPTH}`);
    this.need(1);
    const initial = this.bytes[this.pos++]!;
    const major = initial >> 5;
    const info = initial & 31;
    if (major === 7) return this.simple(info);
    const arg = this.argument(info);
    switch (major) {
      case 0:
        return arg;
      case 1:
        return -1 - arg;
      case 2:
        return this.take(arg);
      case 3: {
        const text = this.take(arg);
        try {
          return utf8.decode(text);
        } catch {
          throw new DecodeError('text string is not valid UTF-8');
        }
      }
      case 4: {
        // Every item takes at least one byte: a bigger count cannot be honest.
        this.need(arg);
        const items: DagValue[] = [];
        for (let i = 0; i < arg; i++) items.push(this.value(depth + 1));
        return items;
      }
      case 5: {
        this.need(arg * 2);
        const map: { [key: string]: DagValue } = Object.create(null) as { [key: string]: DagValue };
        for (let i = 0; i < arg; i++) {
          const key = this.value(depth + 1);
          if (typeof key !== 'string') throw new DecodeError('map key is not a string');
          if (Object.hasOwn(map, key)) throw new DecodeError(`duplicate map key "${key}"`);
          map[key] = this.value(depth + 1);
        }
        return map;
      }
      default: {
        if (arg !== 42) throw new DecodeError(`tag ${arg}, but DAG-CBOR only has tag 42`);
        const content = this.value(depth + 1);
        // A tag-42 link is a byte string: a 0x00 multibase prefix, then the binary CID.
        if (!(content instanceof Uint8Array) || content[0] !== 0) {
          throw new DecodeError('tag 42 does not hold a CID');
        }
        const { cid, end } = readCid(content, 1);
        if (end !== content.length) throw new DecodeError('tag 42 has bytes after its CID');
        return cid;
      }
    }
  }

  private take(length: number): Uint8Array {
    this.need(length);
    const out = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  private simple(info: number): DagValue {
    switch (info) {
      case 20:
        return false;
      case 21:
        return true;
      case 22:
        return null;
      case 27: {
        this.need(8);
        const value = this.view.getFloat64(this.pos);
        this.pos += 8;
        return value;
      }
      default:
        throw new DecodeError(`simple value or float ${info} that DAG-CBOR does not allow`);
    }
  }
}
