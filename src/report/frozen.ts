import { deserialize, serialize } from 'node:v8';
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Plain data (strings, numbers, plain objects, arrays, maps and typed arrays: what
 * `structuredClone` keeps) packed small: the V8 serialization, deflated. A month of a report no
 * longer added to is kept so, a quarter of its size or less, until the report needs it again.
 */
export function pack(data: unknown): Uint8Array {
  const packed = deflateRawSync(serialize(data), { level: constants.Z_BEST_SPEED });
  // zlib hands back a view of a 16 KiB chunk: a small month copied out does not keep the rest.
  return packed.byteLength * 2 < packed.buffer.byteLength ? new Uint8Array(packed) : packed;
}

/** The data given to {@link pack}, as a fresh copy. */
export function unpack<T>(packed: Uint8Array): T {
  return deserialize(inflateRawSync(packed)) as T;
}
